import { View, Text } from '@tarojs/components'
import type { FrontageParams } from '../labels'

// STUB: replaced by the screen
export function ImportShops(_props: { params: FrontageParams }) {
  return (
    <View className='wm-card'>
      <Text>导入商户名单</Text>
    </View>
  )
}
