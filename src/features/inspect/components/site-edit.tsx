import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function SiteEdit(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>登记点位</Text>
    </View>
  )
}
