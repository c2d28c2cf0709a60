import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { openPage } from '@/lib/navigate'
import type { ChapterProgressView, HandbookToc } from '@/shared/handbook/types'
import { handbookCache, type LoadState } from '../api'
import { chapterUrl, HANDBOOK_BOOKMARKS, HANDBOOK_SEARCH, readMinutes } from '../urls'
import './contents.scss'
import { shanghaiTime } from '@/lib/time'

export interface ContentsProps {
  state: LoadState<HandbookToc>
  onRetry: () => void
  /** the reader's progress, by chapter id, when known */
  progress: ReadonlyMap<string, ChapterProgressView>
  /** where to continue, when known */
  resume: { chapterId: string; chapterTitle: string; sectionId: string; sectionTitle: string } | null
}

/** The table of contents: search, continue reading, bookmarks, then every chapter. */
export function Contents({ state, onRetry, progress, resume }: ContentsProps) {
  const toc = state.data
  const offline = handbookCache.offlineChapterIds()
  return (
    <View className='wm-contents'>
      <View className='wm-contents__search' role='search' id='wm-handbook-search' onClick={() => openPage(HANDBOOK_SEARCH)}>
        <Text className='wm-contents__search-icon' aria-hidden='true'>
          ⌕
        </Text>
        <Text className='wm-contents__search-hint'>搜索手册，如：垃圾分类、头盔、公筷</Text>
      </View>

      {state.from === 'cache' ? (
        <View className='wm-contents__offline' role='status'>
          <Text>暂时连不上网络，正在显示保存在手机上的目录。已保存的 {offline.length} 章可以离线阅读。</Text>
        </View>
      ) : null}

      <View className='wm-contents__shortcuts'>
        {resume ? (
          <View className='wm-contents__shortcut wm-contents__shortcut--resume' role='link' onClick={() => openPage(chapterUrl(resume.chapterId, resume.sectionId))}>
            <Text className='wm-contents__shortcut-label'>继续阅读</Text>
            <Text className='wm-contents__shortcut-title'>
              {resume.chapterTitle} · {resume.sectionTitle}
            </Text>
          </View>
        ) : null}
        <View className='wm-contents__shortcut' role='link' id='wm-handbook-bookmarks' onClick={() => openPage(HANDBOOK_BOOKMARKS)}>
          <Text className='wm-contents__shortcut-label'>我的书签</Text>
          <Text className='wm-contents__shortcut-title'>收藏的小节</Text>
        </View>
      </View>

      {!toc && state.status === 'error' ? (
        <View className='wm-card'>
          <ErrorState what='手册目录' message={state.error.message} onRetry={onRetry} />
        </View>
      ) : null}
      {!toc && state.status === 'loading' ? (
        <View className='wm-card'>
          <Skeleton rows={6} />
        </View>
      ) : null}
      {toc && toc.chapters.length === 0 ? (
        <View className='wm-card'>
          <EmptyState glyph='册' title='手册正在编排' description='文明办发布后，章节会显示在这里。' />
        </View>
      ) : null}

      {toc ? (
        <>
          <View className='wm-contents__edition'>
            <Text className='wm-section-title'>目录</Text>
            <Text className='wm-text-tertiary'>
              第 {toc.version} 版 · {shanghaiTime(toc.publishedAt, 'YYYY年M月D日')}更新
            </Text>
          </View>
          {toc.chapters.map((chapter, index) => {
            const read = progress.get(chapter.id)
            const saved = offline.includes(chapter.id)
            return (
              <View
                key={chapter.id}
                id={`wm-chapter-${chapter.id}`}
                className='wm-contents__chapter'
                hoverClass='wm-contents__chapter--pressed'
                role='link'
                onClick={() => openPage(chapterUrl(chapter.id))}
              >
                <View className='wm-contents__glyph' aria-hidden='true'>
                  <Text>{chapter.glyph}</Text>
                </View>
                <View className='wm-contents__body'>
                  <Text className='wm-contents__title'>
                    {index + 1}. {chapter.title}
                  </Text>
                  <Text className='wm-contents__summary'>{chapter.summary}</Text>
                  <Text className='wm-contents__meta'>
                    {chapter.sections.length} 节 · 约 {readMinutes(chapter.charCount)} 分钟{saved ? ' · 可离线阅读' : ''}
                  </Text>
                </View>
                {read ? (
                  <Text className={`wm-contents__status${read.completed ? ' wm-contents__status--done' : ''}`}>
                    {read.completed ? '✓ 已读' : '在读'}
                  </Text>
                ) : null}
              </View>
            )
          })}
        </>
      ) : null}
    </View>
  )
}
