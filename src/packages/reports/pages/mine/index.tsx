import { PageShell } from '@/components/page-shell'
import { MyReports } from '@/features/report'

export default function MyReportsPage() {
  return (
    <PageShell>
      <MyReports />
    </PageShell>
  )
}
