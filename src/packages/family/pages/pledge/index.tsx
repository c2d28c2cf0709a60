import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { PledgePage } from '@/features/family/components/pledge'

export default function FamilyPledgePage() {
  const { params } = useRouter<{ familyId?: string }>()
  return (
    <PageShell>
      <PledgePage familyId={params.familyId ?? ''} />
    </PageShell>
  )
}
