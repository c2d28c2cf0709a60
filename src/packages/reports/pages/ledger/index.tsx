import { RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { Ledger } from '@/features/report'

export default function LedgerPage() {
  return (
    <PageShell>
      <RoleGate roles={['admin']} who='文明办' what='督查台账'>
        <Ledger />
      </RoleGate>
    </PageShell>
  )
}
