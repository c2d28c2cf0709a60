import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function AssignView(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>任务分解</Text>
    </View>
  )
}
