import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { SearchPanel } from '@/features/handbook'

export default function HandbookSearchPage() {
  const { params } = useRouter<{ q?: string }>()
  return (
    <PageShell>
      <SearchPanel initialQuery={params.q ? decodeURIComponent(params.q) : ''} />
    </PageShell>
  )
}
