import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { MyReports } from '@/features/report'

export default function MyReportsPage() {
  return (
    <PageShell>
      {/* the page says what it is, also in the H5 build where no navigation bar title shows */}
      <View className='wm-section-title' id='wm-my-reports-title' role='heading' aria-level={1}>
        <Text>我的随手拍</Text>
      </View>
      <MyReports />
    </PageShell>
  )
}
