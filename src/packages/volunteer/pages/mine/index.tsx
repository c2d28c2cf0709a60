import { PageShell } from '@/components/page-shell'
import { MyRecords } from '@/features/volunteer/components/my-records'

export default function MyVolunteeringPage() {
  return (
    <PageShell>
      <MyRecords />
    </PageShell>
  )
}
