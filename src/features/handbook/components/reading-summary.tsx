import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { openPage } from '@/lib/navigate'
import { useMyReading } from '../api'
import { chapterUrl, HANDBOOK_BOOKMARKS, HANDBOOK_INDEX } from '../urls'
import './reading-summary.scss'

/** 我的 → 手册阅读: how far the person has read, where to continue, their bookmarks. */
export function ReadingSummary() {
  const { data, error, reload } = useMyReading()
  useDidShow(() => {
    if (data) void reload()
  })
  const completed = data?.chaptersCompleted ?? 0
  const total = data?.chaptersTotal ?? 0
  const percent = total > 0 ? Math.round((completed / total) * 100) : 0

  return (
    <View className='wm-reading' id='wm-reading-summary'>
      <View className='wm-reading__row' role='link' onClick={() => openPage(HANDBOOK_INDEX)}>
        <View className='wm-reading__text'>
          <Text className='wm-reading__title'>市民文明手册</Text>
          <Text className='wm-reading__detail'>
            {data ? `已读 ${completed}/${total} 章` : error ? '联网后显示阅读进度' : '正在读取阅读进度…'}
          </Text>
        </View>
        <View
          className='wm-reading__bar'
          role='progressbar'
          aria-valuenow={percent}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-label={`已读 ${percent}%`}
        >
          <View className='wm-reading__fill' style={{ width: `${percent}%` }} />
        </View>
        <Text className='wm-reading__chevron' aria-hidden='true'>
          ›
        </Text>
      </View>
      {data?.last ? (
        <View className='wm-reading__row' role='link' onClick={() => data.last && openPage(chapterUrl(data.last.chapterId, data.last.sectionId))}>
          <View className='wm-reading__text'>
            <Text className='wm-reading__title'>继续阅读</Text>
            <Text className='wm-reading__detail'>
              {data.last.chapterTitle} · {data.last.sectionTitle}
            </Text>
          </View>
          <Text className='wm-reading__chevron' aria-hidden='true'>
            ›
          </Text>
        </View>
      ) : null}
      <View className='wm-reading__row' role='link' onClick={() => openPage(HANDBOOK_BOOKMARKS)}>
        <View className='wm-reading__text'>
          <Text className='wm-reading__title'>我的书签</Text>
          <Text className='wm-reading__detail'>{data ? `${data.bookmarkCount} 个小节` : '收藏的小节'}</Text>
        </View>
        <Text className='wm-reading__chevron' aria-hidden='true'>
          ›
        </Text>
      </View>
    </View>
  )
}
