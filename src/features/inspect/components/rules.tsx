import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function RulesView(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>督查规则</Text>
    </View>
  )
}
