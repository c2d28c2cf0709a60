import { View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { openPage } from '@/lib/navigate'
import { QUIZ_HOME, QuestionAdmin, useQuizHome } from '@/features/quiz'

/** 题库管理 (文明办). The server checks the role on every action; this page only hides itself. */
export default function QuizManagePage() {
  const { state, reload } = useQuizHome()
  return (
    <PageShell>
      {state.data ? (
        state.data.canManage ? (
          <QuestionAdmin topics={state.data.topics} />
        ) : (
          <View className='wm-card'>
            <EmptyState glyph='题' title='题库管理仅限文明办' description='如需调整题目，请联系文明办。' actionText='回答题首页' onAction={() => openPage(QUIZ_HOME)} />
          </View>
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
