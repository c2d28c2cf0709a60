import { PageShell } from '@/components/page-shell'
import { PhraseEditor } from '@/features/report'

export default function PhrasesPage() {
  return (
    <PageShell>
      <PhraseEditor />
    </PageShell>
  )
}
