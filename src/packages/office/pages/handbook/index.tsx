import { RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { PublishPanel } from '@/features/handbook/office'

export default function HandbookPublishPage() {
  return (
    <PageShell>
      <RoleGate roles={['admin']} who='文明办' what='手册发布'>
        <PublishPanel />
      </RoleGate>
    </PageShell>
  )
}
