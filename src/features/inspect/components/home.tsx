import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function InspectHome(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>创文督查</Text>
    </View>
  )
}
