import { useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { Square } from '@/features/report'

export default function ReportSquarePage() {
  useShareAppMessage(() => ({ title: '点赞·爆料广场：身边的文明新风和整改成效', path: '/packages/reports/pages/square/index' }))
  return (
    <PageShell>
      <Square />
    </PageShell>
  )
}
