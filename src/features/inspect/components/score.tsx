import { CELL } from '@/components/alt'
import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import type { ProblemDeductionView, UnitScoreView } from '@/shared/contract'
import { addMonths, addWeeks, monthOf, weekOf } from '@/shared/calendar/weeks'
import { INSPECT_LEVEL_LABEL } from '@/shared/inspect'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '../api'
import { inspectUrl, type InspectParams } from '../labels'
import { More, Tag, gate } from './orders'
import '../field.scss'

const STAR_WORD = ['未评星', '一星', '二星', '三星', '四星', '五星']
export const starsText = (n: number) => (n <= 0 ? '未达星级' : `${'★'.repeat(n)}${'☆'.repeat(Math.max(0, 5 - n))} ${STAR_WORD[n] ?? `${n} 星`}`)
const points = (p: number) => (p > 0 ? `+${p}` : p === 0 ? '0' : `${p}`)

type Kind = 'week' | 'month'

/**
 * 单位得分: a unit's score for a week or a month: the base, each line (what it counts, how many,
 * the points and how they were worked out), the total and its stars in words, then the problems
 * behind the inspection lines page by page, each with its own arithmetic.
 */
export function ScoreView({ params }: { params: InspectParams }) {
  const now = Date.now()
  const [kind, setKind] = useState<Kind>(params.week ? 'week' : 'month')
  const [period, setPeriod] = useState<string>(params.week || params.month || monthOf(now))
  const [problems, setProblems] = useState<ProblemDeductionView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [paging, setPaging] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })
  const input = { ...(params.unitId ? { unitId: params.unitId } : {}), ...(kind === 'week' ? { week: period } : { month: period }) }
  const load = useLoad(async () => {
    const r = await callCloud('inspect', 'unitScore', input)
    if (r.ok) {
      setProblems(r.data.problems)
      setCursor(r.data.nextCursor)
    }
    return r
  }, [kind, period, params.unitId])
  const more = async () => {
    if (!cursor) return
    setPaging({ busy: true, error: null })
    const r = await callCloud('inspect', 'unitScore', { ...input, cursor })
    if (!r.ok) return setPaging({ busy: false, error: r.message })
    setProblems((prev) => [...prev, ...r.data.problems].slice(-200))
    setCursor(r.data.nextCursor)
    setPaging({ busy: false, error: null })
  }
  const periods = kind === 'week' ? Array.from({ length: 12 }, (_, i) => addWeeks(weekOf(now), -i)) : Array.from({ length: 12 }, (_, i) => addMonths(monthOf(now), -i))
  const periodName = (p: string) => (kind === 'week' ? `${p} 起的一周` : `${p.slice(0, 4)} 年 ${Number(p.slice(5))} 月`)
  const switchKind = (k: Kind) => {
    if (k === kind) return
    setKind(k)
    setPeriod(k === 'week' ? weekOf(now) : monthOf(now))
  }

  const controls = (
    <View className='wm-fd-filters'>
      <View className='wm-fd-tabs wm-fd-tabs--2' role='tablist' aria-label='周期'>
        {(['month', 'week'] as const).map((k) => (
          <View key={k} id={`wm-inspect-score-${k}`} role='tab' aria-selected={k === kind} className={`wm-fd-tab${k === kind ? ' wm-fd-tab--on' : ''}`} onClick={() => switchKind(k)}>
            <Text>
              {k === kind ? '✓ ' : ''}
              {k === 'week' ? '按周' : '按月'}
            </Text>
          </View>
        ))}
      </View>
      <Picker mode='selector' range={periods.map(periodName)} value={Math.max(0, periods.indexOf(period))} onChange={(e) => setPeriod(periods[Number(e.detail.value)] ?? period)}>
        <View className='wm-fd-select' id='wm-inspect-score-period'>
          <Text>{periodName(period)} ▾</Text>
        </View>
      </Picker>
    </View>
  )
  const s: UnitScoreView | null = load.data
  if (!s) return <>{load.error && load.error.code !== 'AUTH.FORBIDDEN' && load.error.code !== 'INSPECT.NOT_YOUR_UNIT' ? controls : null}{gate(load, { audience: 'liaison', what: '单位得分', byId: Boolean(params.unitId) })}</>
  return (
    <View className='wm-fd' id='wm-inspect-score'>
      <View className='wm-fd-hero'>
        <Text className='wm-fd-hero__title'>{s.unit.name}</Text>
        <Text className='wm-fd-hero__text'>
          {s.period.label}得分{s.frozen ? '（已评定，数据已冻结）' : '（实时，尚未评定）'}
        </Text>
      </View>
      {controls}
      <View className='wm-fd-cols'>
        <View className='wm-fd-main'>
          <View className='wm-card' id='wm-inspect-score-total'>
            <View className='wm-fd-row'>
              <View className='wm-fd-col'>
                <Text className='wm-text-secondary'>总分</Text>
                <Text className='wm-fd-big' id='wm-inspect-score-value'>
                  {s.score} 分
                </Text>
              </View>
              <Text className='wm-fd-stars' id='wm-inspect-score-stars'>
                {starsText(s.stars)}
              </Text>
            </View>
          </View>
          <View className='wm-card wm-fd-table' id='wm-inspect-score-lines' role='table'>
            <View className='wm-fd-table__row wm-fd-table__row--wrap' role='row'>
              <Text {...CELL} className='wm-fd-table__name'>基础分</Text>
              <Text {...CELL} className='wm-fd-table__rate wm-fd-strong'>{s.base}</Text>
            </View>
            {s.lines.map((l, i) => (
              <View key={i} className='wm-fd-table__row wm-fd-table__row--wrap' role='row'>
                <Text {...CELL} className='wm-fd-table__name'>
                  {l.label}（{l.count} 项）
                </Text>
                <Text {...CELL} className={`wm-fd-table__rate wm-fd-strong${l.points < 0 ? ' wm-fd-late' : ''}`}>{points(l.points)}</Text>
                <Text {...CELL} className='wm-fd-table__how wm-text-secondary'>{l.how}</Text>
              </View>
            ))}
            <View className='wm-fd-table__row wm-fd-table__row--total' role='row'>
              <Text {...CELL} className='wm-fd-table__name'>合计</Text>
              <Text {...CELL} className='wm-fd-table__rate wm-fd-strong'>{s.score}</Text>
            </View>
          </View>
        </View>
        <View className='wm-fd-side'>
          <Text className='wm-section-title'>督查发现的问题</Text>
          {problems.length === 0 ? (
            <View className='wm-card'>
              <Text className='wm-text-secondary'>这个周期没有督查发现的问题。</Text>
            </View>
          ) : (
            <View className='wm-fd-list'>
              {problems.map((p) => (
                <View key={p.orderId} className='wm-card wm-fd-item' role='link' onClick={() => openPage(inspectUrl('order', { orderId: p.orderId }))}>
                  <View className='wm-fd-row'>
                    <Text className='wm-fd-code'>{p.code}</Text>
                    <Text className='wm-fd-strong wm-fd-late'>{points(p.points)} 分</Text>
                  </View>
                  <Text>
                    {p.siteName} · {p.number}
                  </Text>
                  <View className='wm-fd-tags wm-fd-tags--line'>
                    <Tag text={INSPECT_LEVEL_LABEL[p.level]} />
                    {p.repeat ? <Tag text='重复' tone='red' /> : null}
                    {p.falseCount > 0 ? <Tag text={`整改不实 ${p.falseCount} 次`} tone='red' /> : null}
                    <Tag text={p.onTime ? '按时整改' : '未按时整改'} tone={p.onTime ? 'ok' : 'warn'} />
                  </View>
                  <Text className='wm-text-secondary'>计算：{p.how}</Text>
                </View>
              ))}
            </View>
          )}
          <More cursor={cursor} busy={paging.busy} error={paging.error} onMore={() => void more()} id='wm-inspect-score-more' />
        </View>
      </View>
    </View>
  )
}
