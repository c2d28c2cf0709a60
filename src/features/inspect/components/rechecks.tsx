import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function RechecksView(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>回头看</Text>
    </View>
  )
}
