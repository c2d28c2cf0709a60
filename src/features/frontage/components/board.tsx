import { View, Text } from '@tarojs/components'
import type { FrontageParams } from '../labels'

// STUB: replaced by the screen
export function ShopBoard(_props: { params: FrontageParams }) {
  return (
    <View className='wm-card'>
      <Text>门店红黑榜</Text>
    </View>
  )
}
