import { useMemo } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ChapterReader, Contents, useMyReading, useToc } from '@/features/handbook'

/**
 * 市民文明手册: the table of contents; with `?chapter=<id>` (and `&section=<id>`) it is the reader,
 * so links from quiz explanations and posters open the right place in one step.
 */
export default function HandbookPage() {
  const { params } = useRouter<{ chapter?: string; section?: string }>()
  if (params.chapter) {
    return (
      <PageShell>
        <ChapterReader chapterId={params.chapter} sectionId={params.section} />
      </PageShell>
    )
  }
  return <ContentsPage />
}

function ContentsPage() {
  const { state, reload } = useToc()
  const reading = useMyReading()
  const progress = useMemo(() => new Map((reading.data?.chapters ?? []).map((c) => [c.chapterId, c])), [reading.data])
  useDidShow(() => {
    if (reading.data) void reading.reload()
  })
  usePullDownRefresh(() => {
    void Promise.all([reload(), reading.reload()]).finally(() => Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({ title: '市民文明手册 · 文明规范随时查', path: '/packages/handbook/pages/index/index' }))
  return (
    <PageShell>
      <Contents state={state} onRetry={() => void reload()} progress={progress} resume={reading.data?.last ?? null} />
    </PageShell>
  )
}
