import { PageShell } from '@/components/page-shell'
import { RoleGrants } from '@/features/account/components/role-grants'

export default function OfficeRolesPage() {
  return (
    <PageShell>
      <RoleGrants />
    </PageShell>
  )
}
