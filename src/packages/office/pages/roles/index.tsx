import { RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { RoleGrants } from '@/features/account/components/role-grants'

export default function OfficeRolesPage() {
  return (
    <PageShell>
      <RoleGate roles={['admin']} who='文明办' what='角色授权'>
        <RoleGrants />
      </RoleGate>
    </PageShell>
  )
}
