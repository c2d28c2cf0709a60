import { alt } from '@/components/alt'
import { useEffect, useRef, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useReachBottom, useShareAppMessage } from '@tarojs/taro'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { openPage } from '@/lib/navigate'
import type { HandbookBlock, HandbookChapterView, HandbookTocChapter } from '@/shared/handbook/types'
import { callCloud } from '@/lib/call-cloud'
import { handbookCache, progressQueue, setBookmark, useChapter } from '../api'
import { chapterUrl, HANDBOOK_INDEX, quizUrl, readMinutes } from '../urls'
import './chapter-reader.scss'

const TEXT = {
  offline: '离线阅读：显示的是保存在手机上的版本，联网后会自动更新。',
  bookmark: '加书签',
  bookmarked: '已加书签',
  tip: '小贴士',
  test: '测一测：做几道本章练习题',
  previous: '上一章',
  next: '下一章',
  contents: '返回目录',
  finished: '本章已读完',
  bookmarkFailed: '书签没有保存，请联网后再试',
} as const

function Block({ block }: { block: HandbookBlock }) {
  switch (block.type) {
    case 'paragraph':
      return <Text className='wm-reader__p'>{block.text}</Text>
    case 'tip':
      return (
        <View className='wm-reader__tip'>
          <Text className='wm-reader__tip-label'>{TEXT.tip}</Text>
          <Text className='wm-reader__tip-text'>{block.text}</Text>
        </View>
      )
    case 'bullets':
    case 'steps':
      return (
        <View className='wm-reader__list'>
          {block.items.map((item, index) => (
            <View key={index} className='wm-reader__item'>
              <Text className='wm-reader__marker' aria-hidden='true'>
                {block.type === 'steps' ? `${index + 1}.` : '•'}
              </Text>
              <Text className='wm-reader__item-text'>{item}</Text>
            </View>
          ))}
        </View>
      )
  }
}

function blockLength(block: HandbookBlock): number {
  return block.type === 'bullets' || block.type === 'steps' ? block.items.join('').length : block.text.length
}

function neighbours(chapterId: string): { previous: HandbookTocChapter | null; next: HandbookTocChapter | null } {
  const chapters = handbookCache.peekToc()?.chapters ?? []
  const at = chapters.findIndex((c) => c.id === chapterId)
  return { previous: at > 0 ? chapters[at - 1] : null, next: at >= 0 && at < chapters.length - 1 ? chapters[at + 1] : null }
}

/** Scrolls to a section once the chapter is on screen (quiz explanations link to a section). */
function useScrollToSection(chapter: HandbookChapterView | null, sectionId: string | undefined) {
  const done = useRef(false)
  useEffect(() => {
    if (!chapter || !sectionId || done.current) return
    if (!chapter.sections.some((s) => s.id === sectionId)) return
    done.current = true
    setTimeout(() => {
      void Taro.pageScrollTo({ selector: `#hb-${sectionId}`, duration: 0 }).catch(() => undefined)
    }, 50)
  }, [chapter, sectionId])
}

function useBookmarks(chapterId: string) {
  const [marked, setMarked] = useState<Set<string>>(new Set())
  useEffect(() => {
    void callCloud('handbook', 'bookmarks', { chapterId }).then((result) => {
      if (result.ok) setMarked(new Set(result.data.items.map((b) => b.sectionId)))
    })
  }, [chapterId])
  async function toggle(sectionId: string) {
    const on = !marked.has(sectionId)
    const optimistic = new Set(marked)
    if (on) optimistic.add(sectionId)
    else optimistic.delete(sectionId)
    setMarked(optimistic)
    const result = await setBookmark(chapterId, sectionId, on)
    if (!result.ok) {
      setMarked(marked)
      void Taro.showToast({ icon: 'none', title: TEXT.bookmarkFailed })
    }
  }
  return { marked, toggle }
}

export interface ChapterReaderProps {
  chapterId: string
  sectionId?: string
}

/**
 * One chapter, typeset for reading: the reader's sizes follow large-text mode (PageShell's font
 * scale), long lines are avoided, lists and 小贴士 stand apart from the running text. Reading is
 * recorded when the chapter opens and when its end is reached; offline, it is queued.
 */
export function ChapterReader({ chapterId, sectionId }: ChapterReaderProps) {
  const { state, reload } = useChapter(chapterId)
  const chapter = state.data
  const { marked, toggle } = useBookmarks(chapterId)
  const [finished, setFinished] = useState(false)
  useScrollToSection(chapter, sectionId)

  useEffect(() => {
    if (!chapter) return
    void Taro.setNavigationBarTitle({ title: chapter.title })
    const opened = chapter.sections.find((s) => s.id === sectionId) ?? chapter.sections[0]
    void progressQueue.record({ chapterId: chapter.id, sectionId: opened.id, completed: false })
    // recorded once per chapter shown, not on every re-render
  }, [chapter?.id])

  useReachBottom(() => {
    if (!chapter || finished) return
    setFinished(true)
    const last = chapter.sections[chapter.sections.length - 1]
    void progressQueue.record({ chapterId: chapter.id, sectionId: last.id, completed: true })
  })

  useShareAppMessage(() => ({
    title: chapter ? `市民文明手册 · ${chapter.title}` : '市民文明手册',
    path: chapterUrl(chapterId),
  }))

  if (!chapter) {
    if (state.status === 'error') {
      return (
        <View className='wm-card'>
          {state.error.code === 'HANDBOOK.CHAPTER_NOT_FOUND' ? (
            <EmptyState glyph='册' title='内容不存在或已下线' description={state.error.message} actionText={TEXT.contents} onAction={() => openPage(HANDBOOK_INDEX)} />
          ) : (
            <ErrorState what='章节' message={state.error.message} onRetry={() => void reload()} />
          )}
        </View>
      )
    }
    return (
      <View className='wm-card'>
        <Skeleton rows={8} />
      </View>
    )
  }

  const { previous, next } = neighbours(chapter.id)
  const charCount = chapter.sections.reduce((n, s) => n + s.title.length + s.blocks.reduce((m, b) => m + blockLength(b), 0), 0)
  const illustrationSrc = process.env.TARO_ENV === 'weapp' ? chapter.illustration?.fileID : chapter.illustrationUrl

  return (
    <View className='wm-reader' id='wm-reader'>
      {state.from === 'cache' ? (
        <View className='wm-reader__offline' role='status'>
          <Text>{TEXT.offline}</Text>
        </View>
      ) : null}

      <View className='wm-reader__head'>
        <View className='wm-reader__glyph' aria-hidden='true'>
          <Text>{chapter.glyph}</Text>
        </View>
        <View className='wm-reader__head-text'>
          <Text className='wm-reader__title'>{chapter.title}</Text>
          <Text className='wm-reader__summary'>{chapter.summary}</Text>
          <Text className='wm-reader__meta'>
            {chapter.sections.length} 节 · 约 {readMinutes(charCount)} 分钟 · 第 {chapter.version} 版
          </Text>
        </View>
      </View>

      {chapter.illustration && illustrationSrc ? (
        <Image className='wm-reader__illustration' src={illustrationSrc} mode='widthFix' {...alt(chapter.illustration.alt)} />
      ) : null}

      <View className='wm-reader__toc' aria-label='本章小节'>
        {chapter.sections.map((s, index) => (
          <View
            key={s.id}
            className='wm-reader__toc-item'
            role='link'
            onClick={() => void Taro.pageScrollTo({ selector: `#hb-${s.id}`, duration: 200 }).catch(() => undefined)}
          >
            <Text>
              {index + 1}. {s.title}
            </Text>
          </View>
        ))}
      </View>

      {chapter.sections.map((section) => {
        const isMarked = marked.has(section.id)
        return (
          <View key={section.id} id={`hb-${section.id}`} className={`wm-reader__section${section.id === sectionId ? ' wm-reader__section--target' : ''}`}>
            <View className='wm-reader__section-head'>
              <Text className='wm-reader__h2'>{section.title}</Text>
              <View
                className={`wm-reader__mark${isMarked ? ' wm-reader__mark--on' : ''}`}
                role='button'
                aria-pressed={isMarked}
                onClick={() => void toggle(section.id)}
              >
                <Text aria-hidden='true'>{isMarked ? '★ ' : '☆ '}</Text>
                <Text>{isMarked ? TEXT.bookmarked : TEXT.bookmark}</Text>
              </View>
            </View>
            {section.blocks.map((block, index) => (
              <Block key={index} block={block} />
            ))}
          </View>
        )
      })}

      <View className='wm-reader__end'>
        {finished ? <Text className='wm-reader__finished'>✓ {TEXT.finished}</Text> : null}
        <Button block type='primary' className='wm-reader__quiz' onClick={() => openPage(quizUrl(chapter.id))}>
          {TEXT.test}
        </Button>
        <View className='wm-reader__nav'>
          <View
            className={`wm-reader__nav-item${previous ? '' : ' wm-reader__nav-item--off'}`}
            role='link'
            aria-disabled={!previous}
            onClick={() => previous && void Taro.redirectTo({ url: chapterUrl(previous.id) })}
          >
            <Text className='wm-reader__nav-label'>‹ {TEXT.previous}</Text>
            <Text className='wm-reader__nav-title'>{previous ? previous.title : '已是第一章'}</Text>
          </View>
          <View
            className={`wm-reader__nav-item wm-reader__nav-item--next${next ? '' : ' wm-reader__nav-item--off'}`}
            role='link'
            aria-disabled={!next}
            onClick={() => next && void Taro.redirectTo({ url: chapterUrl(next.id) })}
          >
            <Text className='wm-reader__nav-label'>{TEXT.next} ›</Text>
            <Text className='wm-reader__nav-title'>{next ? next.title : '已是最后一章'}</Text>
          </View>
        </View>
      </View>
    </View>
  )
}
