import { PageShell } from '@/components/page-shell'
import { OfficeOverview } from '@/features/family/components/office-overview'

export default function OverviewPage() {
  return (
    <PageShell>
      <OfficeOverview />
    </PageShell>
  )
}
