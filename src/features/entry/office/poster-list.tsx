import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { openPage } from '@/lib/navigate'
import type { PosterView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { TARGET_LABEL } from './labels'
import './poster-list.scss'

export const POSTER_DETAIL = '/packages/office/pages/poster/index'

export interface PosterListProps {
  items: PosterView[] | null
  error: Fail | null
  nextOffset: number | null
  onRetry: () => void
  emptyText: string
}

/** Posters with what the office looks at first: today's and all-time scans and people. */
export function PosterList({ items, error, nextOffset, onRetry, emptyText }: PosterListProps) {
  if (error && !items) {
    return (
      <View className='wm-card'>
        <ErrorState what='海报列表' message={error.message} onRetry={onRetry} />
      </View>
    )
  }
  if (!items) {
    return (
      <View className='wm-card'>
        <Skeleton rows={4} />
      </View>
    )
  }
  if (items.length === 0) {
    return (
      <View className='wm-card'>
        <EmptyState glyph='码' title='还没有海报' description={emptyText} />
      </View>
    )
  }
  return (
    <View id='wm-poster-list'>
      {items.map((p) => (
        <View
          key={p.id}
          id={`wm-poster-${p.id}`}
          className='wm-poster-item'
          hoverClass='wm-poster-item--pressed'
          role='link'
          onClick={() => openPage(`${POSTER_DETAIL}?id=${p.id}`)}
        >
          <View className='wm-poster-item__head'>
            <Text className='wm-poster-item__title'>{p.title}</Text>
            {p.status === 'retired' ? <Text className='wm-poster-item__tag'>已下架</Text> : null}
          </View>
          <Text className='wm-poster-item__meta'>
            {TARGET_LABEL[p.target.kind]} · {p.place.address}
          </Text>
          <View className='wm-poster-item__numbers'>
            <View className='wm-poster-item__number'>
              <Text className='wm-poster-item__value'>{p.today.scans}</Text>
              <Text className='wm-poster-item__caption'>今日扫码</Text>
            </View>
            <View className='wm-poster-item__number'>
              <Text className='wm-poster-item__value'>{p.today.people}</Text>
              <Text className='wm-poster-item__caption'>今日人数</Text>
            </View>
            <View className='wm-poster-item__number'>
              <Text className='wm-poster-item__value'>{p.totals.scans}</Text>
              <Text className='wm-poster-item__caption'>累计扫码</Text>
            </View>
            <View className='wm-poster-item__number'>
              <Text className='wm-poster-item__value'>{p.totals.reports + p.totals.chapters + p.totals.quizzes}</Text>
              <Text className='wm-poster-item__caption'>扫码后行动</Text>
            </View>
          </View>
        </View>
      ))}
      <Text className='wm-poster-list__end'>{nextOffset !== null ? '上滑加载更多' : '没有更多了'}</Text>
    </View>
  )
}
