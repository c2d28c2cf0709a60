import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function UnitTasks(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>任务清单</Text>
    </View>
  )
}
