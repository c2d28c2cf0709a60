import { useRouter } from '@tarojs/taro'
import { Missing, RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { PrintView } from '@/features/entry/office'

export default function PrintPage() {
  const { params } = useRouter<{ id?: string }>()
  return (
    <PageShell>
      <RoleGate roles={['admin']} who='文明办' what='海报打印'>
        {!params.id ? (
          <Missing />
        ) : (
          <PrintView posterId={params.id ?? ''} />
        )}
      </RoleGate>
    </PageShell>
  )
}
