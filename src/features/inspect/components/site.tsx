import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function SiteView(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>点位详情</Text>
    </View>
  )
}
