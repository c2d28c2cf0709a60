import { RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { TeamActivities } from '@/features/volunteer/components/team-activities'

export default function ManagePage() {
  return (
    <PageShell>
      <RoleGate roles={['organizer']} who='志愿服务队组织者' what='组织者工作台'>
        <TeamActivities />
      </RoleGate>
    </PageShell>
  )
}
