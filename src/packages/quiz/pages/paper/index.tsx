import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { QuizMode, QuizPaper, QuizResult, QuizTopic } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { PageShell } from '@/components/page-shell'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { openPage } from '@/lib/navigate'
import { QUIZ_HOME, QuizRunner, resultUrl, startPaper } from '@/features/quiz'

const MODES: readonly QuizMode[] = ['daily', 'practice', 'review']
const TITLES: Record<QuizMode, string> = { daily: '每日一练', practice: '专题练习', review: '错题重练' }

/** The quiz runner: `?mode=daily|practice|review[&topic=<id>][&count=n]`. */
export default function QuizPaperPage() {
  const { params } = useRouter<{ mode?: string; topic?: string; count?: string }>()
  const mode: QuizMode = MODES.includes(params.mode as QuizMode) ? (params.mode as QuizMode) : 'daily'
  const count = params.count ? Number(params.count) : undefined
  const [paper, setPaper] = useState<QuizPaper | null>(null)
  const [failure, setFailure] = useState<Fail | null>(null)

  const load = useCallback(async () => {
    setFailure(null)
    setPaper(null)
    const result = await startPaper(mode, mode === 'practice' ? (params.topic as QuizTopic | undefined) : undefined, mode === 'daily' ? undefined : count)
    if (result.ok) setPaper(result.data)
    else setFailure(result)
  }, [mode, params.topic, count])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: TITLES[mode] })
    void load()
  }, [load])

  const onSubmitted = useCallback((result: QuizResult) => {
    void Taro.redirectTo({ url: resultUrl(result.attemptId) })
  }, [])

  const onExpired = useCallback(() => {
    void Taro.showModal({ title: '答题时间已到', content: '这份试卷已超时，重新开始一份吧。', showCancel: false }).then(() => void load())
  }, [load])

  return (
    <PageShell>
      {paper ? (
        <QuizRunner key={paper.attemptId} paper={paper} onSubmitted={onSubmitted} onExpired={onExpired} />
      ) : failure ? (
        <View className='wm-card'>
          {failure.code === 'QUIZ.DAILY_DONE' || failure.code === 'QUIZ.WRONG_BOOK_EMPTY' ? (
            <EmptyState glyph='答' title={failure.code === 'QUIZ.DAILY_DONE' ? '今天已经答过了' : '没有要重练的错题'} description={failure.message} actionText='回答题首页' onAction={() => openPage(QUIZ_HOME)} />
          ) : (
            <ErrorState what='试卷' message={failure.message} onRetry={() => void load()} />
          )}
        </View>
      ) : (
        <View className='wm-card'>
          <Skeleton rows={5} />
        </View>
      )}
    </PageShell>
  )
}
