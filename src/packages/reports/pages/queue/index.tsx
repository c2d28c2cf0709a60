import { Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { Queue, type QueueRole } from '@/features/report'
import './index.scss'

const TITLE: Record<QueueRole, string> = { grid: '网格员工作台', handler: '处置工作台' }

/** The same queue serves grid workers and handlers; what they may do with an item differs. */
export default function ReportQueuePage() {
  const { params } = useRouter<{ role?: string }>()
  const role: QueueRole = params.role === 'handler' ? 'handler' : 'grid'
  return (
    <PageShell>
      <RoleGate roles={[role]} who={role === 'handler' ? '责任单位处置人员' : '网格员'} what={TITLE[role]}>
        <Text className='wm-queue__title'>{TITLE[role]}</Text>
        <Queue role={role} />
      </RoleGate>
    </PageShell>
  )
}
