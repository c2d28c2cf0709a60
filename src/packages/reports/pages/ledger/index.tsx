import { PageShell } from '@/components/page-shell'
import { Ledger } from '@/features/report'

export default function LedgerPage() {
  return (
    <PageShell>
      <Ledger />
    </PageShell>
  )
}
