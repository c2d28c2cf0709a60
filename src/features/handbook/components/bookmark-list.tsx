import { useCallback, useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { openPage } from '@/lib/navigate'
import type { Fail } from '@/shared/errors'
import type { BookmarkView } from '@/shared/handbook/types'
import { loadBookmarks, setBookmark } from '../api'
import { chapterUrl, HANDBOOK_INDEX } from '../urls'
import './bookmark-list.scss'
import { shanghaiTime } from '@/lib/time'

/** My bookmarks, newest first, 20 a page; each opens its section; removing asks nothing (it is undoable from the section). */
export function BookmarkList() {
  const [items, setItems] = useState<BookmarkView[] | null>(null)
  const [nextOffset, setNextOffset] = useState<number | null>(null)
  const [error, setError] = useState<Fail | null>(null)

  const load = useCallback(async (offset: number) => {
    const result = await loadBookmarks(offset)
    if (!result.ok) return setError(result)
    setError(null)
    setItems((prev) => (offset > 0 && prev ? [...prev, ...result.data.items] : result.data.items))
    setNextOffset(result.data.nextOffset)
  }, [])

  useEffect(() => {
    void load(0)
  }, [load])
  useDidShow(() => {
    if (items) void load(0)
  })
  useReachBottom(() => {
    if (nextOffset !== null) void load(nextOffset)
  })

  async function remove(bookmark: BookmarkView) {
    const result = await setBookmark(bookmark.chapterId, bookmark.sectionId, false)
    if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message })
    setItems((prev) => (prev ?? []).filter((b) => b.sectionId !== bookmark.sectionId))
  }

  if (error && !items) {
    return (
      <View className='wm-card'>
        <ErrorState what='书签' message={error.message} onRetry={() => void load(0)} />
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
        <EmptyState
          glyph='签'
          title='还没有书签'
          description='阅读时点小节标题旁的“加书签”，想再看的内容就会收在这里。'
          actionText='去读手册'
          onAction={() => openPage(HANDBOOK_INDEX)}
        />
      </View>
    )
  }
  return (
    <View id='wm-bookmarks'>
      {items.map((b) => (
        <View key={b.sectionId} className='wm-bookmark'>
          <View className='wm-bookmark__main' role='link' onClick={() => openPage(chapterUrl(b.chapterId, b.sectionId))}>
            <Text className='wm-bookmark__chapter'>{b.chapterTitle}</Text>
            <Text className='wm-bookmark__title'>{b.sectionTitle}</Text>
            <Text className='wm-bookmark__time'>{shanghaiTime(b.createdAt, 'M月D日 HH:mm')} 收藏</Text>
          </View>
          <View className='wm-bookmark__remove' role='button' aria-label={`取消书签：${b.sectionTitle}`} onClick={() => void remove(b)}>
            <Text>取消</Text>
          </View>
        </View>
      ))}
      <Text className='wm-bookmark__end'>{nextOffset !== null ? '上滑加载更多' : '没有更多了'}</Text>
    </View>
  )
}
