import { PageShell } from '@/components/page-shell'
import { RoutingEditor } from '@/features/report'

export default function RoutingPage() {
  return (
    <PageShell>
      <RoutingEditor />
    </PageShell>
  )
}
