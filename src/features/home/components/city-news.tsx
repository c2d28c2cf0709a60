import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { FeedItem } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { shanghaiTime } from '@/lib/time'
import './city-news.scss'

const SQUARE_PAGE = '/packages/reports/pages/square/index'
const SHOWN = 3

type NewsState = { status: 'loading' } | { status: 'error'; error: Fail } | { status: 'ready'; items: FeedItem[] }

/**
 * 创文动态 on 首页: the newest results from the public square — problems residents reported that
 * were fixed, and good deeds they praised — so the city's progress is the first thing people see.
 * Only what the square already shows publicly (no reporter, approximate place).
 */
export function CityNews({ refreshKey }: { refreshKey: number }) {
  const [state, setState] = useState<NewsState>({ status: 'loading' })
  const load = useCallback(async () => {
    const result = await callCloud('report', 'feed', {})
    setState(result.ok ? { status: 'ready', items: result.data.items.slice(0, SHOWN) } : { status: 'error', error: result })
  }, [])
  useEffect(() => {
    void load()
  }, [load, refreshKey])

  if (state.status === 'loading') return <View className='wm-card'><Skeleton rows={3} title={false} /></View>
  if (state.status === 'error') {
    return (
      <View className='wm-card'>
        <ErrorState what='创文动态' message={state.error.message} onRetry={() => void load()} />
      </View>
    )
  }
  if (state.items.length === 0) {
    return (
      <View className='wm-card'>
        <EmptyState
          glyph='讯'
          title='暂时没有新动态'
          description='随手拍整改成效和文明点赞会显示在这里。发现问题，拍下来上报吧。'
          actionText='去随手拍'
          onAction={() => openPage('/pages/report/index')}
        />
      </View>
    )
  }
  return (
    <View className='wm-card wm-city-news' id='wm-city-news'>
      {state.items.map((item) => (
        <View key={item.id} className='wm-city-news__item' role='link' onClick={() => openPage(SQUARE_PAGE)}>
          <Text className={`wm-city-news__tag wm-city-news__tag--${item.kind}`}>{item.kind === 'praise' ? '点赞' : '已整改'}</Text>
          <View className='wm-city-news__body'>
            <Text className='wm-city-news__title'>{item.categoryName}</Text>
            <Text className='wm-city-news__line'>
              {item.kind === 'praise' ? item.description ?? '' : item.resolutionNote ?? '已按要求处置完毕'}
            </Text>
            <Text className='wm-city-news__meta'>{`${item.gridName} · ${shanghaiTime(item.publishedAt, 'M月D日')}`}</Text>
          </View>
        </View>
      ))}
      <View className='wm-city-news__more' role='link' onClick={() => openPage(SQUARE_PAGE)}>
        <Text>去点赞·爆料广场看更多 ›</Text>
      </View>
    </View>
  )
}
