import { View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { EmptyState } from '@/components/state'
import { openPage } from '@/lib/navigate'

export default function HandbookContentsPage() {
  return (
    <PageShell>
      <View className='wm-card'>
        <EmptyState
          glyph='册'
          title='《市民文明手册》正在编排'
          description='这里将列出手册的章节目录：可以搜索、加书签，读过的位置会自动记住，没有网络时也能阅读。内容由文明办更新。'
          actionText='回首页看看其他服务'
          onAction={() => openPage('/pages/home/index')}
        />
      </View>
    </PageShell>
  )
}
