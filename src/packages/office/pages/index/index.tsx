import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/state'
import './index.scss'

const OFFICE_TOOLS = [
  { title: '督查台账', detail: '超期未办的问题' },
  { title: '角色授权', detail: '网格员、处置人员、组织者、教师' },
  { title: '类别与时限', detail: '随手拍类别和各环节办理时限' },
  { title: '网格与责任单位', detail: '网格划分与类别派发规则' },
  { title: '公益广告', detail: '生成小程序码，统计扫码' },
  { title: '内容管理', detail: '文明手册、题库、通知' },
]

export default function OfficeHomePage() {
  return (
    <PageShell>
      <View className='wm-card'>
        <EmptyState
          glyph='督'
          title='数据看板准备中'
          description='这里将汇总随手拍受理和办结、超期件、志愿服务时长和答题参与情况。下面的管理功能会逐项开放。'
        />
      </View>
      <Text className='wm-section-title'>管理功能</Text>
      <View className='wm-card wm-office-tools'>
        {OFFICE_TOOLS.map((tool) => (
          <View key={tool.title} className='wm-office-tool'>
            <Text className='wm-office-tool__title'>{tool.title}</Text>
            <Text className='wm-text-tertiary'>{tool.detail}</Text>
            <Text className='wm-office-tool__status'>即将开放</Text>
          </View>
        ))}
      </View>
    </PageShell>
  )
}
