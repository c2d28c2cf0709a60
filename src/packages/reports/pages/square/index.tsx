import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { Square } from '@/features/report'
import { UnitBoard } from '@/features/report/components/board/board'

type SquareView = 'square' | 'board'

const TITLE: Record<SquareView, string> = { square: '点赞·爆料广场', board: '单位红黑榜' }

/**
 * 点赞·爆料广场, and (?view=board, or its tab) the public 单位红黑榜 of 随手拍: one page for both,
 * since every registered page costs the main package bytes.
 */
export default function ReportSquarePage() {
  const { params } = useRouter<{ view?: string }>()
  const [view, setView] = useState<SquareView>(params.view === 'board' ? 'board' : 'square')
  const show = (next: SquareView) => {
    setView(next)
    void Taro.setNavigationBarTitle({ title: TITLE[next] })
  }
  useEffect(() => {
    if (params.view === 'board') void Taro.setNavigationBarTitle({ title: TITLE.board })
  }, [params.view])
  useShareAppMessage(() =>
    view === 'board'
      ? { title: '单位红黑榜：哪些单位随手拍办得又快又好', path: '/packages/reports/pages/square/index?view=board' }
      : { title: '点赞·爆料广场：身边的文明新风和整改成效', path: '/packages/reports/pages/square/index' },
  )
  return (
    <PageShell>
      <View className='wm-rp-kinds' role='tablist' id='wm-square-views'>
        {(['square', 'board'] as const).map((v) => (
          <View key={v} id={`wm-square-view-${v}`} role='tab' aria-selected={v === view} className={`wm-rp-kind${v === view ? ' wm-rp-kind--current' : ''}`} onClick={() => show(v)}>
            <Text>{TITLE[v]}</Text>
          </View>
        ))}
      </View>
      {view === 'board' ? <UnitBoard /> : <Square />}
    </PageShell>
  )
}
