import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'

export default function Page() {
  return (
    <PageShell>
      <View className='wm-card'>
        <Text>即将开放</Text>
      </View>
    </PageShell>
  )
}
