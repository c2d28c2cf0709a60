import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/state'
import './index.scss'

/** The same queue serves grid workers and handlers; what they may do with an item differs. */
const QUEUES = {
  grid: {
    title: '网格员工作台',
    tabs: ['待受理', '已派发', '超期'],
    empty: '本网格居民提交的随手拍会出现在这里。您可以受理、合并重复问题、派发给责任单位，或说明理由不予受理。',
  },
  handler: {
    title: '处置工作台',
    tabs: ['待处置', '处置中', '已办结'],
    empty: '派发给本单位的问题会出现在这里，并标出办理时限。处置完成后上传整改照片即可办结，不属于本单位的可以退回。',
  },
} as const

type QueueRole = keyof typeof QUEUES

export default function ReportQueuePage() {
  const { params } = useRouter<{ role?: string }>()
  const role: QueueRole = params.role === 'handler' ? 'handler' : 'grid'
  const queue = QUEUES[role]
  usePullDownRefresh(() => Taro.stopPullDownRefresh())

  return (
    <PageShell>
      <Text className='wm-queue__title'>{queue.title}</Text>
      <View className='wm-queue__tabs' role='tablist'>
        {queue.tabs.map((tab, index) => (
          <Text key={tab} className={`wm-queue__tab${index === 0 ? ' wm-queue__tab--current' : ''}`} aria-selected={index === 0}>
            {tab}
          </Text>
        ))}
      </View>
      <View className='wm-card'>
        <EmptyState glyph={role === 'grid' ? '网' : '办'} title='暂时没有待办' description={queue.empty} />
      </View>
    </PageShell>
  )
}
