import { useRouter } from '@tarojs/taro'
import { Missing } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { NoteForm, RecategorizeForm, TransitionForm } from '@/features/report'

export default function ReportActPage() {
  const { params } = useRouter<{ id?: string; action?: string }>()
  return (
    <PageShell>
      {/* 更改类别 and 添加备注 change no status, so they are not steps of the state machine */}
      {!params.id ? (
        <Missing />
      ) : params.action === 'recategorize' ? (
        <RecategorizeForm id={params.id} />
      ) : params.action === 'note' ? (
        <NoteForm id={params.id} />
      ) : (
        <TransitionForm id={params.id} action={params.action} />
      )}
    </PageShell>
  )
}
