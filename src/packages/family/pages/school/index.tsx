import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { SchoolPage } from '@/features/family/components/school-view'

export default function SchoolAdminPage() {
  const { params } = useRouter<{ schoolId?: string }>()
  return (
    <PageShell>
      <SchoolPage schoolId={params.schoolId ?? ''} />
    </PageShell>
  )
}
