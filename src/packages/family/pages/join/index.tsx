import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { JoinFlow } from '@/features/family/components/join-flow'

export default function FamilyJoinPage() {
  const { params } = useRouter<{ joinCode?: string }>()
  return (
    <PageShell>
      <JoinFlow joinCode={params.joinCode ? decodeURIComponent(params.joinCode) : ''} />
    </PageShell>
  )
}
