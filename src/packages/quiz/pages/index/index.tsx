import { useEffect } from 'react'
import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ErrorState, Skeleton } from '@/components/state'
import { paperUrl, QuizHomeView, useQuizHome } from '@/features/quiz'

/**
 * 创文答题 home. `?topic=<id>` (the handbook's 测一测, a poster) goes straight to practice on that
 * topic, replacing this page so 返回 leads back where the person came from.
 */
export default function QuizHomePage() {
  const { params } = useRouter<{ topic?: string }>()
  useEffect(() => {
    if (params.topic) void Taro.redirectTo({ url: paperUrl('practice', params.topic) })
  }, [params.topic])
  const { state, reload } = useQuizHome()
  useDidShow(() => {
    if (state.data) void reload()
  })
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({ title: '创文答题 · 每日一练，学文明、赢积分', path: '/packages/quiz/pages/index/index' }))

  return (
    <PageShell>
      {state.data ? (
        <QuizHomeView home={state.data} />
      ) : state.status === 'error' ? (
        <View className='wm-card'>
          <ErrorState what='答题' message={state.error.message} onRetry={() => void reload()} />
        </View>
      ) : (
        <View className='wm-card'>
          <Skeleton rows={4} />
        </View>
      )}
    </PageShell>
  )
}
