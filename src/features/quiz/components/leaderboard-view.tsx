import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { LeaderboardPeriod, LeaderboardScope } from '@/shared/contract'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { openPage } from '@/lib/navigate'
import { paperUrl, useLeaderboard } from '../api'
import './leaderboard-view.scss'

const SCOPES: Array<{ scope: LeaderboardScope; label: string }> = [
  { scope: 'city', label: '全市' },
  { scope: 'grid', label: '本社区' },
  { scope: 'group', label: '我的班级/群组' },
]
const PERIODS: Array<{ period: LeaderboardPeriod; label: string }> = [
  { period: 'week', label: '本周' },
  { period: 'all', label: '总榜' },
]

function Segments<T extends string>({ items, value, onChange, name }: { items: Array<{ key: T; label: string }>; value: T; onChange: (v: T) => void; name: string }) {
  return (
    <View className='wm-rank-segments' role='tablist' aria-label={name}>
      {items.map((item) => (
        <View
          key={item.key}
          className={`wm-rank-segment${item.key === value ? ' wm-rank-segment--on' : ''}`}
          role='tab'
          aria-selected={item.key === value}
          data-key={item.key}
          onClick={() => onChange(item.key)}
        >
          <Text>{item.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** Top 50 of the chosen board, and my own rank pinned below even when I am not among them. */
export function LeaderboardView({ initialScope = 'city' }: { initialScope?: LeaderboardScope }) {
  const [scope, setScope] = useState<LeaderboardScope>(initialScope)
  const [period, setPeriod] = useState<LeaderboardPeriod>('week')
  const { state, reload } = useLeaderboard(scope, period)
  const board = state.data

  return (
    <View className='wm-rank' id='wm-rank'>
      <Segments name='范围' items={SCOPES.map((s) => ({ key: s.scope, label: s.label }))} value={scope} onChange={setScope} />
      <Segments name='周期' items={PERIODS.map((p) => ({ key: p.period, label: p.label }))} value={period} onChange={setPeriod} />

      {state.status === 'error' && !board ? (
        <View className='wm-card'>
          {state.error.code === 'QUIZ.NOT_IN_SCOPE' ? (
            <EmptyState
              glyph='榜'
              title={scope === 'grid' ? '还没有加入社区' : '还没有加入班级或群组'}
              description={scope === 'grid' ? '社区网格确认后，这里显示同一社区的排名。先看看全市榜吧。' : '家长通过老师分享的班级码加入后，这里显示班级排名。'}
              actionText='看全市榜'
              onAction={() => setScope('city')}
            />
          ) : (
            <ErrorState what='排行榜' message={state.error.message} onRetry={() => void reload()} />
          )}
        </View>
      ) : !board ? (
        <View className='wm-card'>
          <Skeleton rows={6} />
        </View>
      ) : (
        <>
          <Text className='wm-text-tertiary wm-rank__period'>
            {board.periodLabel} · 按每日一练所得文明积分排名，同分先达到者在前
          </Text>
          <View className='wm-card wm-rank__me' id='wm-rank-me'>
            {board.me ? (
              <>
                <Text className='wm-rank__me-rank'>第 {board.me.rank} 名</Text>
                <Text className='wm-rank__me-score'>我的积分 {board.me.score}</Text>
              </>
            ) : (
              <>
                <Text className='wm-rank__me-rank'>暂未上榜</Text>
                <View className='wm-rank__me-score wm-rank__me-link' role='link' onClick={() => openPage(paperUrl('daily'))}>
                  <Text>做每日一练上榜 ›</Text>
                </View>
              </>
            )}
          </View>
          {board.entries.length === 0 ? (
            <View className='wm-card'>
              <EmptyState glyph='榜' title='还没有人上榜' description='做完今天的每日一练，你就是第一名。' actionText='去答题' onAction={() => openPage(paperUrl('daily'))} />
            </View>
          ) : (
            <View className='wm-card wm-rank__list' id='wm-rank-list'>
              {board.entries.map((entry) => (
                <View key={entry.rank} className={`wm-rank__row${entry.isMe ? ' wm-rank__row--me' : ''}`}>
                  <Text className={`wm-rank__no${entry.rank <= 3 ? ' wm-rank__no--top' : ''}`}>{entry.rank}</Text>
                  <Text className='wm-rank__name'>
                    {entry.nickname}
                    {entry.isMe ? '（我）' : ''}
                  </Text>
                  <Text className='wm-rank__score'>{entry.score} 分</Text>
                </View>
              ))}
            </View>
          )}
        </>
      )}
    </View>
  )
}
