import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function ScoreView(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>单位得分</Text>
    </View>
  )
}
