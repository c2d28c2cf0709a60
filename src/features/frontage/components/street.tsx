import { View, Text } from '@tarojs/components'
import type { FrontageParams } from '../labels'

// STUB: replaced by the screen
export function StreetHome(_props: { params: FrontageParams }) {
  return (
    <View className='wm-card'>
      <Text>街道门前三包</Text>
    </View>
  )
}
