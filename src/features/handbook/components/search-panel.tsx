import { useEffect, useRef, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { openPage } from '@/lib/navigate'
import type { Fail } from '@/shared/errors'
import type { HandbookSearchHit } from '@/shared/handbook/types'
import { searchHandbook } from '../api'
import { isUnreachable } from '../api/cache'
import { chapterUrl } from '../urls'
import { Highlight } from './highlight'
import './search-panel.scss'

const SUGGESTIONS = ['垃圾分类', '头盔', '公筷', '牵绳', '谣言', '诈骗', '志愿时长', '斑马线']
const TYPING_PAUSE_MS = 300

interface Results {
  query: string
  items: HandbookSearchHit[]
  total: number
  nextOffset: number | null
}

/** Search as you type (after a short pause), ranked by the server, matches highlighted. */
export function SearchPanel({ initialQuery = '' }: { initialQuery?: string }) {
  const [query, setQuery] = useState(initialQuery)
  const [results, setResults] = useState<Results | null>(null)
  const [error, setError] = useState<Fail | null>(null)
  const [loading, setLoading] = useState(false)
  const latest = useRef(0)

  async function run(q: string, offset: number) {
    const trimmed = q.trim()
    if (!trimmed) {
      setResults(null)
      setError(null)
      return
    }
    const request = ++latest.current
    setLoading(true)
    const result = await searchHandbook(trimmed.slice(0, 30), offset)
    if (request !== latest.current) return
    setLoading(false)
    if (!result.ok) {
      setError(result)
      return
    }
    setError(null)
    setResults((prev) => ({
      query: trimmed,
      items: offset > 0 && prev ? [...prev.items, ...result.data.items] : result.data.items,
      total: result.data.total,
      nextOffset: result.data.nextOffset,
    }))
  }

  useEffect(() => {
    const timer = setTimeout(() => void run(query, 0), TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [query])

  useReachBottom(() => {
    if (results?.nextOffset !== null && results?.nextOffset !== undefined && !loading) void run(results.query, results.nextOffset)
  })

  return (
    <View className='wm-search'>
      <View className='wm-search__bar'>
        <Input
          id='wm-search-input'
          className='wm-search__input'
          value={query}
          focus
          confirmType='search'
          maxlength={30}
          placeholder='输入想查的内容'
          onInput={(e) => setQuery(e.detail.value)}
          onConfirm={() => void run(query, 0)}
        />
        {query ? (
          <View className='wm-search__clear' role='button' aria-label='清空' onClick={() => setQuery('')}>
            <Text>清空</Text>
          </View>
        ) : null}
      </View>

      {!query.trim() ? (
        <View className='wm-search__suggest'>
          <Text className='wm-text-secondary'>大家常查：</Text>
          <View className='wm-search__chips'>
            {SUGGESTIONS.map((s) => (
              <View key={s} className='wm-search__chip' role='button' onClick={() => setQuery(s)}>
                <Text>{s}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : null}

      {error ? (
        <View className='wm-card'>
          <ErrorState
            what='搜索'
            message={isUnreachable(error) ? '搜索需要联网。没有网络时，可以从目录打开已保存的章节阅读。' : error.message}
            onRetry={() => void run(query, 0)}
          />
        </View>
      ) : null}

      {loading && !results ? (
        <View className='wm-card'>
          <Skeleton rows={4} />
        </View>
      ) : null}

      {results && !error ? (
        results.items.length === 0 ? (
          <View className='wm-card'>
            <EmptyState glyph='查' title={`没有找到“${results.query}”`} description='换个说法试试，比如少写几个字，或者从上面的常用词开始。' />
          </View>
        ) : (
          <View id='wm-search-results'>
            <Text className='wm-search__count'>找到 {results.total} 处相关内容</Text>
            {results.items.map((hit) => (
              <View
                key={hit.sectionId}
                className='wm-search__hit'
                hoverClass='wm-search__hit--pressed'
                role='link'
                onClick={() => openPage(chapterUrl(hit.chapterId, hit.sectionId))}
              >
                <Text className='wm-search__chapter'>{hit.chapterTitle}</Text>
                <Highlight className='wm-search__title' value={hit.sectionTitle} />
                <Highlight className='wm-search__snippet' value={hit.snippet} />
              </View>
            ))}
            {results.nextOffset !== null ? (
              <Text className='wm-search__more'>{loading ? '正在加载…' : '上滑加载更多'}</Text>
            ) : (
              <Text className='wm-search__more'>没有更多了</Text>
            )}
          </View>
        )
      ) : null}
    </View>
  )
}
