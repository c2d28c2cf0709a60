import { PageShell } from '@/components/page-shell'
import { TeacherWorkbench } from '@/features/family/components/teacher-workbench'

export default function TeacherPage() {
  return (
    <PageShell>
      <TeacherWorkbench />
    </PageShell>
  )
}
