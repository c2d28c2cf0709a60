import { RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { PhraseEditor } from '@/features/report'

export default function PhrasesPage() {
  return (
    <PageShell>
      <RoleGate roles={['admin']} who='文明办' what='常用语'>
        <PhraseEditor />
      </RoleGate>
    </PageShell>
  )
}
