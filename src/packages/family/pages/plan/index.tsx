import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { PlanEditor } from '@/features/family/components/plan-editor'

export default function PlanPage() {
  const { params } = useRouter<{ classId?: string }>()
  return (
    <PageShell>
      <PlanEditor classId={params.classId ?? ''} />
    </PageShell>
  )
}
