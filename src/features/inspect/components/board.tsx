import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function BoardView(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>整改率红黑榜</Text>
    </View>
  )
}
