import { View, Text } from '@tarojs/components'
import type { FrontageParams } from '../labels'

// STUB: replaced by the screen
export function FindingsView(_props: { params: FrontageParams }) {
  return (
    <View className='wm-card'>
      <Text>检查问题</Text>
    </View>
  )
}
