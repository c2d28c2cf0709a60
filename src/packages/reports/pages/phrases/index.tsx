import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'

export default function PhrasesPage() {
  return (
    <PageShell>
      <View className='wm-card'>
        <Text>常用语</Text>
      </View>
    </PageShell>
  )
}
