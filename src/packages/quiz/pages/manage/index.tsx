import { View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { Refusal } from '@/components/guard'
import { ErrorState, Skeleton } from '@/components/state'
import { QuestionAdmin, useQuizHome } from '@/features/quiz'

/** 题库管理 (文明办). The server checks the role on every action; this page only hides itself. */
export default function QuizManagePage() {
  const { state, reload } = useQuizHome()
  return (
    <PageShell>
      {state.data ? (
        state.data.canManage ? (
          <QuestionAdmin topics={state.data.topics} />
        ) : (
          <Refusal who='文明办' what='题库管理' />
        )
      ) : state.status === 'error' ? (
        <View className='wm-card'>
          <ErrorState what='题库' message={state.error.message} onRetry={() => void reload()} />
        </View>
      ) : (
        <View className='wm-card'>
          <Skeleton rows={4} />
        </View>
      )}
    </PageShell>
  )
}
