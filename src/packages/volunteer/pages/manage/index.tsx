import { PageShell } from '@/components/page-shell'
import { TeamActivities } from '@/features/volunteer/components/team-activities'

export default function ManagePage() {
  return (
    <PageShell>
      <TeamActivities />
    </PageShell>
  )
}
