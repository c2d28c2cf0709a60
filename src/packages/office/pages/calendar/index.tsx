import { useRouter } from '@tarojs/taro'
import { RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { CalendarEditor } from '@/features/office/calendar/calendar-editor'

export default function CalendarPage() {
  // a shared link may name its year (?year=2027); the editor says so when that year has passed
  const { params } = useRouter<{ year?: string }>()
  return (
    <PageShell>
      <RoleGate roles={['admin']} who='文明办' what='节假日与工作日'>
        <CalendarEditor linkYear={params.year} />
      </RoleGate>
    </PageShell>
  )
}
