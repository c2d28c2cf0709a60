import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { POSTER_DETAIL, PosterForm, PosterList, usePosterList } from '@/features/entry/office'
import { openPage } from '@/lib/navigate'
import type { PosterStatus } from '@/shared/contract'
import './index.scss'

const TABS: Array<{ status: PosterStatus; label: string }> = [
  { status: 'active', label: '使用中' },
  { status: 'retired', label: '已下架' },
]

/** 海报管理: register a poster, then watch each poster's scans. */
export default function PostersPage() {
  const [status, setStatus] = useState<PosterStatus>('active')
  const [formOpen, setFormOpen] = useState(false)
  const list = usePosterList(status)
  useDidShow(() => {
    if (list.items) void list.reload()
  })
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.more())

  return (
    <PageShell>
      <RoleGate roles={['admin']} who='文明办' what='海报管理'>
        <View className='wm-card'>
          {formOpen ? (
            <PosterForm
              onRegistered={(poster) => {
                setFormOpen(false)
                openPage(`${POSTER_DETAIL}?id=${poster.id}`)
              }}
            />
          ) : (
            <View className='wm-posters__open' role='button' id='wm-poster-new' onClick={() => setFormOpen(true)}>
              <Text className='wm-posters__plus' aria-hidden='true'>
                ＋
              </Text>
              <Text>登记新海报</Text>
            </View>
          )}
        </View>
  
        <View className='wm-posters__tabs' role='tablist'>
          {TABS.map((tab) => (
            <View
              key={tab.status}
              className={`wm-posters__tab${status === tab.status ? ' wm-posters__tab--on' : ''}`}
              role='tab'
              aria-selected={status === tab.status}
              onClick={() => setStatus(tab.status)}
            >
              <Text>{tab.label}</Text>
            </View>
          ))}
        </View>
        <PosterList
          items={list.items}
          error={list.error}
          nextOffset={list.nextOffset}
          onRetry={() => void list.reload()}
          emptyText={status === 'active' ? '点上方“登记新海报”，生成小程序码后打印张贴。' : '下架的海报会出现在这里。'}
        />
      </RoleGate>
    </PageShell>
  )
}
