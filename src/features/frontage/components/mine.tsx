import { View, Text } from '@tarojs/components'
import type { FrontageParams } from '../labels'

// STUB: replaced by the screen
export function MyShops(_props: { params: FrontageParams }) {
  return (
    <View className='wm-card'>
      <Text>我的门店</Text>
    </View>
  )
}
