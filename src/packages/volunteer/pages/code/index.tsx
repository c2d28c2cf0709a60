import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { CodeScreen } from '@/features/volunteer/components/code-screen'

export default function CheckInCodePage() {
  const { params } = useRouter<{ shiftId?: string }>()
  return (
    <PageShell>
      <CodeScreen shiftId={decodeURIComponent(params.shiftId ?? '')} />
    </PageShell>
  )
}
