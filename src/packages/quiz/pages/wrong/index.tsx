import { PageShell } from '@/components/page-shell'
import { WrongBookList } from '@/features/quiz'

export default function WrongBookPage() {
  return (
    <PageShell>
      <WrongBookList />
    </PageShell>
  )
}
