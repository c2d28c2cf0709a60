import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { PosterDetail } from '@/features/entry/office'

export default function PosterPage() {
  const { params } = useRouter<{ id?: string }>()
  return (
    <PageShell>
      <PosterDetail posterId={params.id ?? ''} />
    </PageShell>
  )
}
