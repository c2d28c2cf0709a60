import { PageShell } from '@/components/page-shell'
import { PointsLedger } from '@/features/quiz'

export default function PointsPage() {
  return (
    <PageShell>
      <PointsLedger />
    </PageShell>
  )
}
