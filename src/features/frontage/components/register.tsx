import { View, Text } from '@tarojs/components'
import type { FrontageParams } from '../labels'

// STUB: replaced by the screen
export function RegisterShop(_props: { params: FrontageParams }) {
  return (
    <View className='wm-card'>
      <Text>登记门店</Text>
    </View>
  )
}
