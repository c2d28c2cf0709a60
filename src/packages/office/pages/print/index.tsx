import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { PrintView } from '@/features/entry/office'

export default function PrintPage() {
  const { params } = useRouter<{ id?: string }>()
  return (
    <PageShell>
      <PrintView posterId={params.id ?? ''} />
    </PageShell>
  )
}
