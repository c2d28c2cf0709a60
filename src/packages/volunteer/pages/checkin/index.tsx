import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { CheckInPanel } from '@/features/volunteer/components/checkin-panel'

export default function ShiftCheckInPage() {
  // shiftId and token come from a scanned check-in code (the entry page decodes the scene)
  const { params } = useRouter<{ shiftId?: string; token?: string }>()
  const shiftId = params.shiftId ? decodeURIComponent(params.shiftId) : undefined
  const token = params.token ? decodeURIComponent(params.token) : undefined
  return (
    <PageShell>
      <CheckInPanel shiftId={shiftId} token={token} />
    </PageShell>
  )
}
