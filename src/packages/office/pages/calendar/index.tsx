import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'

export default function CalendarPage() {
  return (
    <PageShell>
      <View className='wm-card'>
        <Text>节假日安排</Text>
      </View>
    </PageShell>
  )
}
