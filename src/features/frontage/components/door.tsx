import { View, Text } from '@tarojs/components'
import type { FrontageParams } from '../labels'

// STUB: replaced by the screen
export function DoorView(_props: { params: FrontageParams }) {
  return (
    <View className='wm-card'>
      <Text>门店码</Text>
    </View>
  )
}
