import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/state'
import { openPage } from '@/lib/navigate'
import './index.scss'

const ACTIVITY_TYPES = ['文明交通', '文明旅游', '文明社区', '诚信建设', '环境整治']

export default function VolunteerTabPage() {
  // the activity list arrives with the volunteering journey; refreshing now only ends the gesture
  usePullDownRefresh(() => Taro.stopPullDownRefresh())

  return (
    <PageShell>
      <View className='wm-card wm-volunteer-intro'>
        <View className='wm-volunteer-intro__main'>
          <Text className='wm-volunteer-intro__title'>志愿服务</Text>
          <Text className='wm-text-secondary'>报名活动班次，到场扫码签到，服务时长自动累计，可生成服务证明。</Text>
        </View>
        <Button
          id='wm-volunteer-checkin'
          className='wm-volunteer-intro__checkin'
          type='primary'
          onClick={() => openPage('/packages/volunteer/pages/checkin/index')}
        >
          扫码签到
        </Button>
      </View>

      <Text className='wm-section-title'>活动类别</Text>
      <View className='wm-volunteer-types'>
        {ACTIVITY_TYPES.map((type) => (
          <Text key={type} className='wm-volunteer-type'>
            {type}
          </Text>
        ))}
      </View>

      <Text className='wm-section-title'>近期活动</Text>
      <View className='wm-card'>
        <EmptyState
          glyph='志'
          title='暂无可报名的活动'
          description='志愿服务队发布活动后会显示在这里：可以按类别查看，看到每个班次的剩余名额并报名。下拉可刷新。'
        />
      </View>

      <Text className='wm-section-title'>我的报名</Text>
      <View className='wm-card'>
        <EmptyState
          glyph='签'
          title='还没有报名的班次'
          description='报名后，班次时间、地点和签到方式会显示在这里；签到签退后，服务时长由组织者确认。'
        />
      </View>
    </PageShell>
  )
}
