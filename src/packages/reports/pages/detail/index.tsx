import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ReportDetail } from '@/features/report'
import { ReportDone } from '@/features/report/components/report-done'

export default function ReportDetailPage() {
  const { params } = useRouter<{ id?: string; view?: string }>()
  // only what the public may see travels in a share: the detail page masks by who opens it
  useShareAppMessage(() => ({ title: '身边的文明实践：看看这件事是怎么处理的', path: `/packages/reports/pages/detail/index?id=${params.id ?? ''}` }))
  return (
    <PageShell>
      {/* ?view=done: the receipt right after submit (ticket number, next step, 订阅进度通知) */}
      {params.view === 'done' ? <ReportDone id={params.id} /> : <ReportDetail id={params.id} />}
    </PageShell>
  )
}
