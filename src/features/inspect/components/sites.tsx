import { View, Text } from '@tarojs/components'
import type { InspectParams } from '../labels'

// STUB: replaced by the screen
export function SitesView(_props: { params: InspectParams }) {
  return (
    <View className='wm-card'>
      <Text>测评点位</Text>
    </View>
  )
}
