import { useRouter } from '@tarojs/taro'
import { Missing, RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { PosterDetail } from '@/features/entry/office'

export default function PosterPage() {
  const { params } = useRouter<{ id?: string }>()
  return (
    <PageShell>
      <RoleGate roles={['admin']} who='文明办' what='海报详情'>
        {!params.id ? (
          <Missing />
        ) : (
          <PosterDetail posterId={params.id ?? ''} />
        )}
      </RoleGate>
    </PageShell>
  )
}
