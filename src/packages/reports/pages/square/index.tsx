import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/state'
import { openPage } from '@/lib/navigate'

export default function ReportSquarePage() {
  usePullDownRefresh(() => Taro.stopPullDownRefresh())
  return (
    <PageShell>
      <View className='wm-card'>
        <EmptyState
          glyph='赞'
          title='广场还没有内容'
          description='经审核公开的文明点赞和已办结的随手拍会在这里展示，附整改前后的对比照片。身边有好人好事或不文明现象，就拍下来吧。'
          actionText='我要随手拍'
          onAction={() => openPage('/pages/report/index')}
        />
      </View>
    </PageShell>
  )
}
