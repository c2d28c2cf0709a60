import { View, Text } from '@tarojs/components'
import type { FrontageParams } from '../labels'

// STUB: replaced by the screen
export function AnswerReport(_props: { params: FrontageParams }) {
  return (
    <View className='wm-card'>
      <Text>处理随手拍</Text>
    </View>
  )
}
