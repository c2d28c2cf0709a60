import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function InspectMap(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>实地督查一张图</Text>
    </View>
  )
}
