import { Text } from '@tarojs/components'
import type { ReportStatus } from '@/shared/report'
import './report.scss'

const DONE: readonly ReportStatus[] = ['resolved', 'rated', 'published']
const CLOSED: readonly ReportStatus[] = ['rejected']

/** The status in words, framed; the colour only repeats what the words say. */
export function StatusBadge({ status, label }: { status: ReportStatus; label: string }) {
  const tone = DONE.includes(status) ? ' wm-rp-status--done' : CLOSED.includes(status) ? ' wm-rp-status--closed' : ''
  return <Text className={`wm-rp-status${tone}`}>{label}</Text>
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  return overdue ? <Text className='wm-rp-overdue'>已超期</Text> : null
}
