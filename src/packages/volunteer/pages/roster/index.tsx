import { useRouter } from '@tarojs/taro'
import { Missing, RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { Roster } from '@/features/volunteer/components/roster'

export default function RosterPage() {
  const { params } = useRouter<{ shiftId?: string }>()
  return (
    <PageShell>
      <RoleGate roles={['organizer']} who='志愿服务队组织者' what='花名册'>
        {!params.shiftId ? (
          <Missing />
        ) : (
          <Roster shiftId={decodeURIComponent(params.shiftId ?? '')} />
        )}
      </RoleGate>
    </PageShell>
  )
}
