import { View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ErrorState, Skeleton } from '@/components/state'
import { ResultView, useResult } from '@/features/quiz'

/** A submitted paper: score, points, answers and explanations with handbook links. `?attemptId=` */
export default function QuizResultPage() {
  const { params } = useRouter<{ attemptId?: string }>()
  const { state, reload } = useResult(params.attemptId ?? '')
  useShareAppMessage(() => ({
    title: state.data ? `我在创文答题中答对了 ${state.data.correct}/${state.data.total} 题，你也来试试！` : '创文答题 · 每日一练',
    // a shared result opens the quiz, not someone else's answers
    path: '/packages/quiz/pages/index/index',
  }))
  return (
    <PageShell>
      {state.data ? (
        <ResultView result={state.data} />
      ) : state.status === 'error' ? (
        <View className='wm-card'>
          <ErrorState what='成绩' message={state.error.message} code={state.error.code} onRetry={() => void reload()} />
        </View>
      ) : (
        <View className='wm-card'>
          <Skeleton rows={6} />
        </View>
      )}
    </PageShell>
  )
}
