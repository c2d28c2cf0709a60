import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { RecategorizeForm, TransitionForm } from '@/features/report'

export default function ReportActPage() {
  const { params } = useRouter<{ id?: string; action?: string }>()
  return (
    <PageShell>
      {/* 更改类别 changes no status, so it is not one of the state machine's steps */}
      {params.action === 'recategorize' ? <RecategorizeForm id={params.id} /> : <TransitionForm id={params.id} action={params.action} />}
    </PageShell>
  )
}
