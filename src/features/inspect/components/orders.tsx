import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function OrdersView(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>督办单</Text>
    </View>
  )
}
