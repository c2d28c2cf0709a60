import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function EvidenceReview(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>材料审核</Text>
    </View>
  )
}
