import { Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { Skeleton } from '@/components/state'
import { decideEntry, goHome, openScene } from '@/features/entry'
import './index.scss'

/** The scene of a 小程序码 arrives as this page's `scene` query, or in the launch options. */
function sceneFrom(params: Record<string, string | undefined>): string | undefined {
  if (params.scene) return params.scene
  const launch = Taro.getLaunchOptionsSync()
  const launchScene: unknown = launch.path === 'pages/entry/index' ? launch.query?.scene : undefined
  return typeof launchScene === 'string' ? launchScene : undefined
}

export default function EntryPage() {
  useLoad((params: Record<string, string | undefined>) => {
    const decision = decideEntry(sceneFrom(params))
    if (!decision.scene) return goHome(decision.message)
    // a poster asks the server where it leads (and counts the scan) while "正在打开…" shows
    void openScene(decision.scene)
  })

  return (
    <PageShell>
      <View className='wm-entry' id='wm-entry'>
        <Text className='wm-entry__title'>正在打开…</Text>
        <Text className='wm-text-secondary'>正在识别您扫描的二维码，请稍候</Text>
        <View className='wm-entry__skeleton'>
          <Skeleton rows={3} />
        </View>
      </View>
    </PageShell>
  )
}
