import { createElement, useEffect, useMemo, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '@/lib/use-load'
import { shanghaiTime } from '@/lib/time'
import type { StatsBoardRow, StatsBoardRule, StatsDashboardView, StatsRow } from '@/shared/contract'
import { ChartCard, canvasNode, prepare } from './chart'
import { drawSummary } from './draw'
import { Gate, num, pct, todayKey } from './common'
import { Headline, categorySpec, hoursSpec, registrationWords, seriesSpec } from './views'

const MONTH = /^(\d{4})-(\d{2})$/

/** the month before this one in Beijing, YYYY-MM */
export function lastMonth(now = Date.now()): string {
  const [y, m] = shanghaiTime(now, 'YYYY-MM').split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

export const monthWords = (month: string) => {
  const m = MONTH.exec(month)
  return m ? `${m[1]}年${Number(m[2])}月` : month
}

/** the month's first and last day, the last one no later than today */
function monthRange(month: string): { from: string; to: string } | null {
  const m = MONTH.exec(month)
  if (!m) return null
  const y = Number(m[1])
  const mo = Number(m[2])
  if (mo < 1 || mo > 12) return null
  const from = `${month}-01`
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  const end = `${month}-${String(last).padStart(2, '0')}`
  const today = todayKey()
  if (from > today) return null
  return { from, to: end < today ? end : today }
}

/**
 * The board's ranking rule applied to the month's unit rows (the server ranks the current month
 * only): at least minReceived received, by on-time rate (none resolved counts as 0), then more
 * resolved on time; equal rates share a rank; the first N red, the last M of the rest black.
 */
export function rankUnits(rows: StatsRow[], rule: StatsBoardRule): StatsBoardRow[] {
  const rate = (r: { onTimeRate: number | null }) => r.onTimeRate ?? 0
  const eligible = rows.filter((r) => r.received >= rule.minReceived).sort((a, b) => rate(b) - rate(a) || b.resolvedOnTime - a.resolvedOnTime || (a.id < b.id ? -1 : 1))
  const ranked: StatsBoardRow[] = []
  eligible.forEach((r, i) => {
    const tied = i > 0 && rate(eligible[i - 1]) === rate(r)
    ranked.push({
      id: r.id,
      name: r.name,
      received: r.received,
      resolved: r.resolved,
      resolvedOnTime: r.resolvedOnTime,
      onTimeRate: r.onTimeRate,
      medianLabel: r.medianLabel,
      satisfactionRate: r.satisfactionRate,
      reopened: r.reopened,
      reopenedShare: r.reopenedShare,
      rank: tied ? ranked[i - 1].rank : i + 1,
      list: null,
    })
  })
  const red = Math.min(rule.red, ranked.length)
  for (let i = 0; i < red; i++) ranked[i].list = 'red'
  for (let i = Math.max(red, ranked.length - rule.black); i < ranked.length; i++) ranked[i].list = 'black'
  return ranked
}

const overdueWords = (ms: number) => {
  const hours = Math.floor(ms / 3_600_000)
  return hours >= 48 ? `超期 ${Math.floor(hours / 24)} 天` : hours >= 1 ? `超期 ${hours} 小时` : '超期不到 1 小时'
}

/**
 * The page-wide print rules, present only while the 月报 is shown (H5): A4; Taro's page stack is a
 * screen-high scroll box (max-height: 100vh, overflow hidden) that must grow to its content on
 * paper, or only the first screen prints; the tab bar, the dev identity switch and the offline
 * line stay off the paper.
 */
const PRINT_STYLE_ID = 'wm-db-print-style'
const PRINT_CSS = `@media print {
  @page { size: A4; margin: 14mm; }
  html, body, .taro-tabbar__container, .taro-tabbar__panel, .taro_router, .taro_page,
  .rmc-pull-to-refresh-content-wrapper, .rmc-pull-to-refresh-content, .wm-shell {
    position: static !important; height: auto !important; min-height: 0 !important; max-height: none !important;
    overflow: visible !important; transform: none !important; background: #fff !important;
  }
  .taro-tabbar__tabbar, .taro-navigation-bar, .wm-dev-identity, .wm-offline { display: none !important; }
  .wm-shell__body { padding: 0 !important; }
}`

function usePrintSheet() {
  const on = () => {
    if (process.env.TARO_ENV !== 'h5' || document.getElementById(PRINT_STYLE_ID)) return
    const style = document.createElement('style')
    style.id = PRINT_STYLE_ID
    style.textContent = PRINT_CSS
    document.head.appendChild(style)
  }
  const off = () => {
    if (process.env.TARO_ENV === 'h5') document.getElementById(PRINT_STYLE_ID)?.remove()
  }
  useEffect(() => {
    on()
    return off
  }, [])
  useDidShow(on)
  useDidHide(off)
}

const SHARE_CANVAS = 'wm-db-share-canvas'
const NATIVE_CANVAS: string = 'canvas'

function BoardList({ rows, list, id }: { rows: StatsBoardRow[]; list: 'red' | 'black'; id: string }) {
  const word = list === 'red' ? '红榜' : '黑榜'
  return (
    <View className={`wm-db-board wm-db-board--${list}`} id={id}>
      <Text className='wm-db-board__title'>{`${word}（${rows.length} 个单位）`}</Text>
      {rows.length === 0 ? <Text className='wm-text-tertiary'>本月没有单位上{word}</Text> : null}
      {rows.map((r) => (
        <View key={r.id} className='wm-db-board__row'>
          <Text className='wm-db-board__rank'>{`第 ${r.rank ?? '—'} 名`}</Text>
          <Text className='wm-db-board__name'>{r.name}</Text>
          <Text className='wm-text-tertiary'>{`按时办结率 ${pct(r.onTimeRate)} · 受理 ${num(r.received)} 件 · 满意率 ${pct(r.satisfactionRate)}`}</Text>
        </View>
      ))}
    </View>
  )
}

export function BriefingView({ month: asked }: { month?: string }) {
  const [month, setMonth] = useState(asked && monthRange(asked) ? asked : lastMonth())
  const range = monthRange(month)
  const dash = useLoad(() => (range ? callCloud('stats', 'dashboard', { period: 'custom', from: range.from, to: range.to }) : Promise.resolve({ ok: false as const, code: 'MONTH', message: '这个月还没有开始' })), [month])
  const board = useLoad(() => callCloud('stats', 'board', { scope: 'unit', period: 'month' }), [])
  const ledger = useLoad(() => callCloud('report', 'ledger', {}), [])
  const [shareProblem, setShareProblem] = useState<string | null>(null)
  const [sharing, setSharing] = useState(false)
  // the whole dashboard (no view): the 月报 shows the headline, the reports' tables and the hours
  const whole: StatsDashboardView | null = dash.data
  const d = whole?.overview && whole.reports ? { from: whole.from, to: whole.to, generatedAt: whole.generatedAt, overview: whole.overview, reports: whole.reports } : null
  const heading = `创文工作月报（${monthWords(month)}）`
  usePrintSheet()
  // the heading is the document's title too: a browser prints it as the PDF's title
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: heading })
  }, [heading])

  const ranked = useMemo(() => {
    if (!d || !board.data) return null
    // this month: the board the residents see; an earlier month: the same rule over that month's figures
    if (board.data.key === month) return board.data.rows
    return rankUnits(d.reports.byUnit, board.data.rule)
  }, [d, board.data, month])

  const share = async () => {
    if (!d) return
    setSharing(true)
    setShareProblem(null)
    try {
      const found = await canvasNode(SHARE_CANVAS)
      if (!found) throw new Error('no canvas')
      const t = d.reports.totals
      const reg = registrationWords(d.overview.volunteers)
      const red = (ranked ?? []).filter((r) => r.list === 'red').map((r) => r.name)
      const black = (ranked ?? []).filter((r) => r.list === 'black').map((r) => r.name)
      const ctx = prepare(found.node, 375, 600)
      drawSummary(
        ctx,
        375,
        600,
        `创文工作月报 · ${monthWords(month)}`,
        [
          { label: '随手拍受理', value: `${num(t.received)} 件` },
          { label: '按时办结率', value: pct(t.onTimeRate) },
          { label: '目前超时未办', value: `${num(d.reports.overdueNow)} 件` },
          { label: '志愿者注册 / 目标', value: reg.value },
          { label: '答题参与', value: `${num(d.overview.quiz.papers)} 份` },
          { label: '满意率', value: pct(t.satisfactionRate) },
        ],
        [`红榜：${red.join('、') || '无'}`, `黑榜：${black.join('、') || '无'}`, `统计时段：${d.from} 至 ${d.to}`],
      )
      const file = await Taro.canvasToTempFilePath({ canvas: found.node as unknown as Taro.Canvas, fileType: 'png' } as Taro.canvasToTempFilePath.Option)
      await Taro.showShareImageMenu({ path: file.tempFilePath })
    } catch (error) {
      const errMsg = error && typeof error === 'object' && 'errMsg' in error ? String((error as { errMsg: unknown }).errMsg) : ''
      if (!/cancel/i.test(errMsg)) setShareProblem('生成图片失败，请稍后再试，或截屏分享')
    }
    setSharing(false)
  }

  const gate = d ? null : Gate({ error: dash.error, loading: dash.loading, what: '创文工作月报', reload: dash.reload, rows: 10 })
  if (dash.error?.code === 'AUTH.FORBIDDEN') return <>{gate}</>
  return (
    <View className='wm-db-brief' id='wm-db-briefing'>
      <View className='wm-db-brief__head'>
        <Text className='wm-db-brief__title' id='wm-db-briefing-title'>
          {heading}
        </Text>
        {d ? <Text className='wm-text-tertiary'>{`统计时段 ${d.from} 至 ${d.to}；生成于 ${shanghaiTime(d.generatedAt, 'YYYY年M月D日 HH:mm')}`}</Text> : null}
      </View>
      <View className='wm-db-noprint wm-db-brief__tools'>
        <Picker mode='date' fields='month' value={month} end={todayKey().slice(0, 7)} onChange={(e) => setMonth(String(e.detail.value).slice(0, 7))}>
          <View className='wm-db-select' id='wm-db-month' role='button'>
            <Text>{`月份：${monthWords(month)}（点按更换）`}</Text>
          </View>
        </Picker>
        {process.env.TARO_ENV === 'h5' ? (
          <View className='wm-db-action' role='button' id='wm-db-print' onClick={() => window.print()}>
            <Text>打印 / 存为 PDF</Text>
          </View>
        ) : (
          <View className={`wm-db-action${sharing || !d ? ' wm-db-action--off' : ''}`} role='button' id='wm-db-share' onClick={sharing || !d ? undefined : () => void share()}>
            <Text>{sharing ? '正在生成…' : '生成图片分享'}</Text>
          </View>
        )}
      </View>
      {shareProblem ? (
        <View className='wm-db-problem' role='alert'>
          <Text>{shareProblem}</Text>
        </View>
      ) : null}
      {gate}
      {d ? (
        <>
          <Text className='wm-section-title'>一、主要数字</Text>
          <Headline o={d.overview} />
          <Text className='wm-section-title'>二、图表</Text>
          <View className='wm-db-cols'>
            <ChartCard id='wm-db-brief-series' title='每日受理与办结' spec={seriesSpec(d.overview.series)} first='日期' />
            <ChartCard id='wm-db-brief-category' title='各类别受理与办结' spec={categorySpec(d.reports.byCategory)} first='类别' />
            <ChartCard id='wm-db-brief-hours' title='每周确认的志愿服务时长' spec={hoursSpec(d.overview.volunteers.hoursByWeek)} first='周（周一）' />
          </View>
          <Text className='wm-section-title'>三、责任单位红黑榜</Text>
          <View className='wm-card wm-db-card' id='wm-db-brief-board'>
            {board.error ? <ErrorState what='红黑榜' message={board.error.message} onRetry={board.reload} /> : null}
            {!board.data && !board.error ? <Skeleton rows={4} /> : null}
            {board.data && ranked ? (
              <>
                <Text className='wm-text-tertiary'>{board.data.ruleText}</Text>
                <View className='wm-db-cols'>
                  <BoardList rows={ranked.filter((r) => r.list === 'red')} list='red' id='wm-db-brief-red' />
                  <BoardList rows={ranked.filter((r) => r.list === 'black')} list='black' id='wm-db-brief-black' />
                </View>
              </>
            ) : null}
          </View>
          <Text className='wm-section-title'>四、超期最久的十件随手拍</Text>
          <View className='wm-card wm-db-card' id='wm-db-brief-overdue'>
            <Text className='wm-text-tertiary'>督查台账此刻的前十件，按超期时长从长到短</Text>
            {ledger.error ? <ErrorState what='督查台账' message={ledger.error.message} onRetry={ledger.reload} /> : null}
            {!ledger.data && !ledger.error ? <Skeleton rows={4} /> : null}
            {ledger.data && ledger.data.items.length === 0 ? <Text className='wm-db-done'>目前没有超期未办的随手拍</Text> : null}
            {ledger.data?.items.slice(0, 10).map((item, i) => (
              <View key={item.id} className='wm-db-overdue'>
                <Text className='wm-db-overdue__no'>{`${i + 1}. ${item.categoryName}（编号 ${item.ticketNo}）`}</Text>
                <Text className='wm-text-secondary'>{`${overdueWords(item.overdueMs)} · ${item.statusLabel} · ${item.gridName} · 在${item.holderName}处`}</Text>
              </View>
            ))}
          </View>
          {process.env.TARO_ENV === 'weapp'
            ? createElement(NATIVE_CANVAS, { type: '2d', id: SHARE_CANVAS, className: 'wm-db-share-canvas', style: { width: '375px', height: '600px' } })
            : null}
        </>
      ) : null}
    </View>
  )
}
