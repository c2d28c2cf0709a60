import { PageShell } from '@/components/page-shell'
import { PublishPanel } from '@/features/handbook/office'

export default function HandbookPublishPage() {
  return (
    <PageShell>
      <PublishPanel />
    </PageShell>
  )
}
