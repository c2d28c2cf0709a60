import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ClassDetail } from '@/features/family/components/class-detail'

export default function ClassPage() {
  const { params } = useRouter<{ classId?: string }>()
  return (
    <PageShell>
      <ClassDetail classId={params.classId ?? ''} />
    </PageShell>
  )
}
