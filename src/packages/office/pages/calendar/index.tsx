import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { CalendarEditor } from '@/features/office/calendar/calendar-editor'

export default function CalendarPage() {
  // a shared link may name its year (?year=2027); the editor says so when that year has passed
  const { params } = useRouter<{ year?: string }>()
  return (
    <PageShell>
      <CalendarEditor linkYear={params.year} />
    </PageShell>
  )
}
