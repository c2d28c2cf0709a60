import { useRouter, useShareAppMessage } from '@tarojs/taro'
import type { LeaderboardScope } from '@/shared/contract'
import { PageShell } from '@/components/page-shell'
import { LeaderboardView } from '@/features/quiz'

/** 排行榜 `?scope=city|grid|group` */
export default function QuizRankPage() {
  const { params } = useRouter<{ scope?: string }>()
  const scope: LeaderboardScope = params.scope === 'grid' || params.scope === 'group' ? params.scope : 'city'
  useShareAppMessage(() => ({ title: '创文答题排行榜，看看你排第几', path: '/packages/quiz/pages/index/index' }))
  return (
    <PageShell>
      <LeaderboardView initialScope={scope} />
    </PageShell>
  )
}
