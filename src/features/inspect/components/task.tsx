import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function TaskView(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>任务详情</Text>
    </View>
  )
}
