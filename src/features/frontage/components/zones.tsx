import { View, Text } from '@tarojs/components'
import type { FrontageParams } from '../labels'

// STUB: replaced by the screen
export function ZonesView(_props: { params: FrontageParams }) {
  return (
    <View className='wm-card'>
      <Text>划线区</Text>
    </View>
  )
}
