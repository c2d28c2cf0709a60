import { View, Text } from '@tarojs/components'
import type { FrontageParams } from '../labels'

// STUB: replaced by the screen
export function PledgeSign(_props: { params: FrontageParams }) {
  return (
    <View className='wm-card'>
      <Text>门前三包责任书</Text>
    </View>
  )
}
