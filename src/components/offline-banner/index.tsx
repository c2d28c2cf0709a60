import { Text, View } from '@tarojs/components'
import { networkStore } from '@/lib/network'
import { useStore } from '@/lib/store'
import './index.scss'

/** Says in words (not only a colour) that the device is offline, so failures are not a mystery. */
export function OfflineBanner() {
  const { online } = useStore(networkStore)
  if (online) return null
  return (
    <View className='wm-offline' role='status'>
      <Text className='wm-offline__tag'>离线</Text>
      <Text>网络不可用，显示的内容可能不是最新的；联网后下拉刷新即可。</Text>
    </View>
  )
}
