import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { TransitionForm } from '@/features/report'

export default function ReportActPage() {
  const { params } = useRouter<{ id?: string; action?: string }>()
  return (
    <PageShell>
      <TransitionForm id={params.id} action={params.action} />
    </PageShell>
  )
}
