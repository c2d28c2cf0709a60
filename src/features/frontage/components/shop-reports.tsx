import { View, Text } from '@tarojs/components'
import type { FrontageParams } from '../labels'

// STUB: replaced by the screen
export function ShopReports(_props: { params: FrontageParams }) {
  return (
    <View className='wm-card'>
      <Text>门前随手拍</Text>
    </View>
  )
}
