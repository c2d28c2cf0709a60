import { View, Text } from '@tarojs/components'
import type { FrontageParams } from '../labels'

// STUB: replaced by the screen
export function TemplatesView(_props: { params: FrontageParams }) {
  return (
    <View className='wm-card'>
      <Text>责任书模板</Text>
    </View>
  )
}
