import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/state'
import { openPage } from '@/lib/navigate'
import './index.scss'

const FAMILY_TASKS = ['一起读一章文明手册', '一起完成一次答题', '参加一次志愿服务', '签署家庭文明承诺书']

export default function FamilyHomePage() {
  const { params } = useRouter<{ joinCode?: string }>()
  const joinCode = params.joinCode ? decodeURIComponent(params.joinCode) : null
  return (
    <PageShell>
      {joinCode ? (
        <View className='wm-card wm-family-join'>
          <Text className='wm-text-secondary'>已识别班级邀请码</Text>
          <Text className='wm-family-join__code' id='wm-family-join-code'>
            {joinCode}
          </Text>
          <Text className='wm-text-tertiary'>加入班级功能即将开放，届时扫码即可和孩子一起加入。</Text>
        </View>
      ) : null}
      <View className='wm-card'>
        <EmptyState
          glyph='家'
          title='小手拉大手，文明一起走'
          description='老师创建班级并分享邀请码，家长带孩子加入（只填孩子的昵称，不填真实姓名、不传照片），一起完成家庭文明任务，班级能看到大家的参与情况。'
          actionText='先一起读文明手册'
          onAction={() => openPage('/packages/handbook/pages/index/index')}
        />
      </View>
      <Text className='wm-section-title'>家庭任务</Text>
      <View className='wm-card'>
        {FAMILY_TASKS.map((task, index) => (
          <View key={task} className='wm-family-task'>
            <Text className='wm-family-task__number'>{index + 1}</Text>
            <Text>{task}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  )
}
