import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function RatingsView(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>星级评定</Text>
    </View>
  )
}
