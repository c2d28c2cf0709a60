import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { Roster } from '@/features/volunteer/components/roster'

export default function RosterPage() {
  const { params } = useRouter<{ shiftId?: string }>()
  return (
    <PageShell>
      <Roster shiftId={decodeURIComponent(params.shiftId ?? '')} />
    </PageShell>
  )
}
