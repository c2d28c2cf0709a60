import { RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { RoutingEditor } from '@/features/report'

export default function RoutingPage() {
  return (
    <PageShell>
      <RoleGate roles={['admin']} who='文明办' what='派发规则'>
        <RoutingEditor />
      </RoleGate>
    </PageShell>
  )
}
