import { View, Text } from '@tarojs/components'
import type { FrontageParams } from '../labels'

// STUB: replaced by the screen
export function ShopDetail(_props: { params: FrontageParams }) {
  return (
    <View className='wm-card'>
      <Text>门店详情</Text>
    </View>
  )
}
