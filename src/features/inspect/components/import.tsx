import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function ImportView(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>导入表格</Text>
    </View>
  )
}
