import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { NoticePrint } from '@/features/family/components/notice-print'

export default function NoticePage() {
  const { params } = useRouter<{ classId?: string }>()
  return (
    <PageShell>
      <NoticePrint classId={params.classId ?? ''} />
    </PageShell>
  )
}
