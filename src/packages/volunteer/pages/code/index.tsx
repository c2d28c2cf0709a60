import { useRouter } from '@tarojs/taro'
import { Missing, RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { CodeScreen } from '@/features/volunteer/components/code-screen'

export default function CheckInCodePage() {
  const { params } = useRouter<{ shiftId?: string }>()
  return (
    <PageShell>
      <RoleGate roles={['organizer']} who='志愿服务队组织者' what='签到码'>
        {!params.shiftId ? (
          <Missing />
        ) : (
          <CodeScreen shiftId={decodeURIComponent(params.shiftId ?? '')} />
        )}
      </RoleGate>
    </PageShell>
  )
}
