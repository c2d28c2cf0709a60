import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ErrorState, InlineNotice } from '@/components/state'
import { loadMe, rolesOf, useMe } from '@/features/account'
import { CityNews, EntryGrid, HomeHero, JOURNEY_ENTRIES, WorkbenchList, workbenchesFor } from '@/features/home'
import { takeFlashNotice } from '@/lib/notice'

export default function HomePage() {
  const meState = useMe()
  const [notice, setNotice] = useState<string | null>(null)
  const [refreshes, setRefreshes] = useState(0)

  // a message handed over by the QR entry page ("this code is not known" …)
  useDidShow(() => {
    const message = takeFlashNotice()
    if (message) setNotice(message)
  })
  usePullDownRefresh(() => {
    setRefreshes((n) => n + 1)
    void loadMe().finally(() => Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({ title: '文明通 · 一起创建全国文明城市', path: '/pages/home/index' }))

  const me = meState.me
  return (
    <PageShell>
      {notice ? <InlineNotice message={notice} onClose={() => setNotice(null)} /> : null}
      <HomeHero nickname={me?.nickname ?? null} />

      {/* Staff open the app for their workbench: it comes before the resident services. While
          `me` loads nothing is held open here, so a resident's page does not jump when it lands. */}
      {me ? <WorkbenchList entries={workbenchesFor(rolesOf(me))} /> : null}
      {!me && meState.status === 'error' ? (
        <View className='wm-card'>
          <ErrorState what='身份信息' message={meState.error.message} onRetry={() => void loadMe()} />
        </View>
      ) : null}

      <Text className='wm-section-title'>常用服务</Text>
      <EntryGrid entries={JOURNEY_ENTRIES} />

      <Text className='wm-section-title'>创文动态</Text>
      <CityNews refreshKey={refreshes} />
    </PageShell>
  )
}
