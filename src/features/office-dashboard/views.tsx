import { useMemo, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { EmptyState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import type {
  StatsDashboardHandbook,
  StatsDashboardOverview,
  StatsDashboardPosters,
  StatsDashboardQuiz,
  StatsDashboardReports,
  StatsDashboardView,
  StatsDashboardVolunteers,
  StatsRow,
  StatsSeriesPoint,
} from '@/shared/contract'
import type { Result } from '@/shared/errors'
import { ChartCard, Table } from './chart'
import type { ChartSpec } from './draw'
import { Figure, dayShort, num, pct, rangeWords } from './common'

/** the range a view's answer covers */
interface Span {
  from: string
  to: string
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/** a card saying a part has nothing yet, and what would fill it */
function EmptyCard({ id, title, text }: { id: string; title: string; text: string }) {
  return (
    <View className='wm-card wm-db-card' id={id}>
      <Text className='wm-db-card__name'>{title}</Text>
      <EmptyState glyph='空' title='这段时间还没有数据' description={text} />
    </View>
  )
}

// ---- the specs, shared with the 月报 ----

export function seriesSpec(s: StatsSeriesPoint[]): ChartSpec {
  return {
    kind: 'line',
    labels: s.map((p) => dayShort(p.day)),
    series: [
      { name: '受理', values: s.map((p) => p.received) },
      { name: '办结', values: s.map((p) => p.resolved) },
    ],
    unit: '件',
  }
}

export function categorySpec(rows: StatsRow[]): ChartSpec {
  return {
    kind: 'hbars',
    labels: rows.map((r) => r.name),
    series: [
      { name: '受理', values: rows.map((r) => r.received) },
      { name: '办结', values: rows.map((r) => r.resolved) },
    ],
    unit: '件',
  }
}

export function hoursSpec(weeks: StatsDashboardVolunteers['hoursByWeek']): ChartSpec {
  return { kind: 'bars', labels: weeks.map((w) => `${dayShort(w.week)}周`), series: [{ name: '确认服务时长', values: weeks.map((w) => w.hours) }], unit: '小时' }
}

export function registrationWords(v: StatsDashboardOverview['volunteers']): { value: string; sub: string } {
  if (v.population === null || v.registrationTarget === null) return { value: `${num(v.registered)} 人`, sub: '尚未设定全市人口与注册率目标' }
  const target = Math.ceil(v.population * v.registrationTarget)
  return { value: `${num(v.registered)} / ${num(target)}`, sub: `注册率 ${pct(v.registrationRate)}，目标 ${pct(v.registrationTarget)}` }
}

export function quizTotals(q: StatsDashboardQuiz): { papers: number; answered: number; correct: number } {
  const t = q.byTopic
  return { papers: sum(t.map((x) => x.papers)), answered: sum(t.map((x) => x.answered)), correct: sum(t.map((x) => x.correct)) }
}

/** the five headline figures: 受理, 按时办结率, 超时未办, 志愿者注册对目标, 答题参与 */
export function Headline({ o }: { o: StatsDashboardOverview }) {
  const t = o.totals
  const reg = registrationWords(o.volunteers)
  const quiz = o.quiz
  return (
    <View className='wm-db-figures' id='wm-db-figures'>
      <Figure id='wm-db-fig-received' value={`${num(t.received)} 件`} label='随手拍受理' sub={`办结 ${num(t.resolved)} 件`} />
      <Figure id='wm-db-fig-ontime' value={pct(t.onTimeRate)} label='按时办结率' sub={`按时办结 ${num(t.resolvedOnTime)} 件`} />
      <Figure id='wm-db-fig-overdue' value={`${num(o.overdueNow)} 件`} label='目前超时未办' sub='此刻的数字，不随时段变化' />
      <Figure id='wm-db-fig-volunteers' value={reg.value} label='志愿者注册 / 目标（人）' sub={reg.sub} />
      <Figure id='wm-db-fig-quiz' value={`${num(quiz.papers)} 份`} label='答题参与' sub={`正确率 ${pct(quiz.accuracy)}`} />
    </View>
  )
}

// ---- 总览 ----

export function OverviewView({ span, o }: { span: Span; o: StatsDashboardOverview }) {
  const series = useMemo(() => seriesSpec(o.series), [o])
  const hours = useMemo(() => hoursSpec(o.volunteers.hoursByWeek), [o])
  return (
    <View id='wm-db-overview'>
      <Headline o={o} />
      <View className='wm-db-cols'>
        <ChartCard id='wm-db-chart-daily' title='随手拍每日受理与办结' note={rangeWords(span.from, span.to)} spec={series} first='日期' />
        <ChartCard id='wm-db-chart-hours' title='志愿服务时长（每周）' note='已确认的服务时长' spec={hours} first='周（周一）' />
      </View>
    </View>
  )
}

// ---- 随手拍 ----

export function ReportsView({ span, r }: { span: Span; r: StatsDashboardReports }) {
  const series = useMemo(() => seriesSpec(r.series), [r])
  const category = useMemo(() => categorySpec(r.byCategory), [r])
  const status = useMemo<ChartSpec>(
    () => ({ kind: 'bars', labels: r.nowByStatus.map((s) => s.label), series: [{ name: '未办结', values: r.nowByStatus.map((s) => s.count) }], unit: '件' }),
    [r],
  )
  const overdue = useMemo<ChartSpec>(
    () => ({ kind: 'line', labels: r.overdueSeries.map((p) => dayShort(p.day)), series: [{ name: '超时未办', values: r.overdueSeries.map((p) => p.overdue) }], unit: '件' }),
    [r],
  )
  const map = useMemo<ChartSpec>(
    () => ({
      kind: 'map',
      labels: r.byGrid.map((g) => g.name),
      series: [
        { name: '受理', values: r.byGrid.map((g) => g.received) },
        { name: '办结', values: r.byGrid.map((g) => g.resolved) },
      ],
      unit: '件',
      grids: r.byGrid.map((g) => ({ name: g.name, value: g.received, ring: g.polygon ?? [] })),
    }),
    [r],
  )
  const units = useMemo(
    () => ({
      head: ['责任单位', '受理', '办结', '按时办结率', '办结用时中位', '重办占比', '满意率'],
      rows: r.byUnit.map((u) => [u.name, num(u.received), num(u.resolved), pct(u.onTimeRate), u.medianLabel ?? '—', pct(u.reopenedShare), pct(u.satisfactionRate)]),
    }),
    [r],
  )
  return (
    <View id='wm-db-reports'>
      <View className='wm-db-figures'>
        <Figure id='wm-db-fig-received' value={`${num(r.totals.received)} 件`} label='受理' sub={`办结 ${num(r.totals.resolved)} 件`} />
        <Figure value={pct(r.totals.onTimeRate)} label='按时办结率' />
        <Figure value={r.totals.medianLabel ?? '—'} label='办结用时中位' />
        <Figure value={pct(r.totals.satisfactionRate)} label='满意率' sub={`评价 ${num(r.totals.ratings)} 次`} />
        <Figure id='wm-db-fig-overdue' value={`${num(r.overdueNow)} 件`} label='目前超时未办' />
      </View>
      <View className='wm-db-cols'>
        <ChartCard id='wm-db-chart-series' title='每日受理与办结' note={rangeWords(span.from, span.to)} spec={series} first='日期' />
        {r.byCategory.length ? (
          <ChartCard id='wm-db-chart-category' title='各类别受理与办结' note='按受理件数从多到少' spec={category} first='类别' />
        ) : (
          <EmptyCard id='wm-db-chart-category' title='各类别受理与办结' text='有市民上报随手拍后，这里按类别列出件数。' />
        )}
        {r.nowByStatus.length ? (
          <ChartCard id='wm-db-chart-status' title='目前未办结的，按状态' note='此刻的数字，不随时段变化' spec={status} first='状态' />
        ) : (
          <EmptyCard id='wm-db-chart-status' title='目前未办结的，按状态' text='目前没有未办结的随手拍。' />
        )}
        <ChartCard id='wm-db-chart-overdue' title='每日超时未办' note='每天的快照；没有快照的日子空着' spec={overdue} first='日期' />
        <ChartCard id='wm-db-chart-grid' title='各网格受理（地图）' note='颜色越深件数越多，每个网格上写着件数' spec={map} first='网格' />
        <View className='wm-card wm-db-card' id='wm-db-units'>
          <Text className='wm-db-card__name'>各责任单位</Text>
          <Text className='wm-text-tertiary'>按时办结率、办结用时中位（所在时长档）、重办占比、满意率</Text>
          {units.rows.length ? <Table table={units} id='wm-db-units-table' /> : <EmptyState glyph='空' title='这段时间还没有派发给单位的随手拍' description='派发后，这里列出每个单位的办结情况。' />}
        </View>
      </View>
    </View>
  )
}

// ---- 志愿 ----

function TargetsForm({ v, onSaved }: { v: StatsDashboardVolunteers; onSaved: () => void }) {
  const [open, setOpen] = useState(false)
  const [population, setPopulation] = useState(v.population ? String(v.population) : '')
  const [target, setTarget] = useState(v.registrationTarget !== null ? String(Math.round(v.registrationTarget * 1000) / 10) : '')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const save = async () => {
    const p = Number(population)
    const t = Number(target)
    if (!Number.isInteger(p) || p < 1) return setProblem('请填写全市常住人口（正整数）')
    if (!Number.isFinite(t) || t < 0 || t > 100 || target.trim() === '') return setProblem('注册率目标请填 0 到 100 之间的百分数')
    setProblem(null)
    setBusy(true)
    const r = await callCloud('stats', 'setTargets', { population: p, registrationTarget: Math.round(t * 10) / 1000 })
    setBusy(false)
    if (!r.ok) return setProblem(r.message)
    setDone(`已保存：全市人口 ${num(r.data.population)} 人，注册率目标 ${pct(r.data.registrationTarget)}`)
    setOpen(false)
    onSaved()
  }
  if (!open) {
    return (
      <View>
        {done ? (
          <View className='wm-db-done' id='wm-db-targets-done' role='status'>
            <Text>{done}</Text>
          </View>
        ) : null}
        <View className='wm-db-action wm-db-action--plain' role='button' id='wm-db-targets-edit' onClick={() => setOpen(true)}>
          <Text>修改人口与注册率目标</Text>
        </View>
      </View>
    )
  }
  return (
    <View className='wm-db-form' id='wm-db-targets-form'>
      <Text className='wm-db-label'>全市常住人口（人）</Text>
      <Input className='wm-field-input' id='wm-db-population' type='number' value={population} maxlength={9} onInput={(e) => setPopulation(e.detail.value)} />
      <Text className='wm-db-label'>志愿者注册率目标（%）</Text>
      <Input className='wm-field-input' id='wm-db-target' type='digit' value={target} maxlength={5} onInput={(e) => setTarget(e.detail.value)} />
      {problem ? (
        <View className='wm-db-problem' role='alert' id='wm-db-targets-problem'>
          <Text>{problem}</Text>
        </View>
      ) : null}
      <View className='wm-db-buttons'>
        <View className={`wm-db-action${busy ? ' wm-db-action--off' : ''}`} role='button' id='wm-db-targets-save' onClick={busy ? undefined : () => void save()}>
          <Text>{busy ? '请稍候…' : '保存'}</Text>
        </View>
        <View className='wm-db-action wm-db-action--plain' role='button' onClick={() => setOpen(false)}>
          <Text>取消</Text>
        </View>
      </View>
    </View>
  )
}

export function VolunteersView({ v, reload }: { v: StatsDashboardVolunteers; reload: () => void }) {
  const reg = registrationWords(v)
  const hours = useMemo(() => hoursSpec(v.hoursByWeek), [v])
  const totalHours = sum(v.hoursByWeek.map((w) => w.hours))
  return (
    <View id='wm-db-volunteers'>
      <View className='wm-db-cols'>
        <View className='wm-card wm-db-card' id='wm-db-registration'>
          <Text className='wm-db-card__name'>志愿者注册率</Text>
          <View className='wm-db-figures wm-db-figures--in'>
            <Figure id='wm-db-fig-registered' value={reg.value} label='已注册 / 目标（人）' sub={reg.sub} />
            <Figure value={v.population === null ? '未设定' : `${num(v.population)} 人`} label='全市常住人口' />
          </View>
          {v.population !== null && v.registrationTarget !== null ? (
            <View className='wm-db-progress' aria-label={`注册率 ${pct(v.registrationRate)}，目标 ${pct(v.registrationTarget)}`}>
              <View className='wm-db-progress__bar' style={{ width: `${Math.min(100, ((v.registrationRate ?? 0) / Math.max(v.registrationTarget, 1e-9)) * 100)}%` }} />
              <Text className='wm-db-progress__text'>{`完成目标的 ${pct(Math.min(9.99, (v.registrationRate ?? 0) / Math.max(v.registrationTarget, 1e-9)))}`}</Text>
            </View>
          ) : null}
          <TargetsForm v={v} onSaved={reload} />
        </View>
        <ChartCard id='wm-db-chart-hours' title='每周确认的服务时长' note={`共 ${num(Math.round(totalHours * 10) / 10)} 小时`} spec={hours} first='周（周一）' />
      </View>
      <View className='wm-db-figures'>
        <Figure id='wm-db-fig-teams' value={`${num(v.activeTeams)} 支`} label='活跃队伍' sub='这段时间有确认时长的队伍' />
        <Figure value={`${num(v.signups)} 人次`} label='报名' />
        <Figure value={`${num(v.noShows)} 人次`} label='爽约' />
        <Figure id='wm-db-fig-noshow' value={pct(v.noShowRate)} label='爽约率' sub='爽约 ÷ 报名' />
      </View>
    </View>
  )
}

// ---- 答题 ----

export function QuizView({ q: quiz }: { q: StatsDashboardQuiz }) {
  const rows = quiz.byTopic
  const accuracy = useMemo<ChartSpec>(() => ({ kind: 'hbars', labels: rows.map((t) => t.name), series: [{ name: '正确率', values: rows.map((t) => t.accuracy) }], unit: '', percent: true }), [rows])
  const papers = useMemo<ChartSpec>(
    () => ({
      kind: 'hbars',
      labels: rows.map((t) => t.name),
      series: [
        { name: '答卷', values: rows.map((t) => t.papers) },
        { name: '答对题数', values: rows.map((t) => t.correct) },
      ],
      unit: '',
    }),
    [rows],
  )
  const q = quizTotals(quiz)
  if (!rows.length) return <EmptyCard id='wm-db-quiz' title='各主题正确率' text='市民在「创文答题」交卷后，这里按主题列出参与和正确率。' />
  return (
    <View id='wm-db-quiz'>
      <View className='wm-db-figures'>
        <Figure id='wm-db-fig-papers' value={`${num(q.papers)} 份`} label='交卷' />
        <Figure value={`${num(q.answered)} 题`} label='作答' />
        <Figure value={pct(q.answered ? q.correct / q.answered : null)} label='总正确率' />
      </View>
      <View className='wm-db-cols'>
        <ChartCard id='wm-db-chart-accuracy' title='各主题正确率' note='答对题数 ÷ 作答题数' spec={accuracy} first='主题' />
        <ChartCard id='wm-db-chart-papers' title='各主题参与' note='交卷份数与答对题数' spec={papers} first='主题' />
      </View>
    </View>
  )
}

// ---- 海报 ----

/**
 * The posters, a page at a time: the server answers a page by poster id (its cost is the page's,
 * however many posters the city has), and 更多 asks for the next one. The chart shows the most
 * scanned of the posters loaded so far, and says so.
 */
export function PostersView({ first, more }: { first: StatsDashboardPosters; more: (cursor: string) => Promise<Result<StatsDashboardView>> }) {
  const [pages, setPages] = useState<StatsDashboardPosters[]>([first])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const rows = useMemo(() => pages.flatMap((p) => p.rows), [pages])
  const next = pages[pages.length - 1].next
  const top = useMemo(() => [...rows].sort((a, b) => b.scans - a.scans || (a.posterId < b.posterId ? -1 : 1)).slice(0, 15), [rows])
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'hbars',
      labels: top.map((p) => p.title),
      series: [
        { name: '扫码', values: top.map((p) => p.scans) },
        { name: '后续行动', values: top.map((p) => p.reports + p.reads + p.quizzes) },
      ],
      unit: '次',
    }),
    [top],
  )
  const table = useMemo(
    () => ({
      head: ['海报', '扫码次数', '扫码人数', '随手拍', '读手册', '答题'],
      rows: rows.map((p) => [p.title, num(p.scans), num(p.people), num(p.reports), num(p.reads), num(p.quizzes)]),
    }),
    [rows],
  )
  const loadMore = async (cursor: string) => {
    setBusy(true)
    setProblem(null)
    const r = await more(cursor)
    setBusy(false)
    if (!r.ok) return setProblem(r.message)
    const page = r.data.posters
    if (page) setPages((ps) => [...ps, page])
  }
  if (!rows.length) return <EmptyCard id='wm-db-posters' title='各海报扫码与后续行动' text='市民扫海报上的小程序码后，这里列出每张海报的扫码和随后的随手拍、读手册、答题。' />
  const note = next !== null ? `已载入 ${rows.length} 张中扫码最多的 ${top.length} 张；更多海报见表格下方「更多」` : rows.length > 15 ? `扫码最多的 15 张（共 ${rows.length} 张，全部见表格）` : '后续行动：扫码后随手拍、读手册、答题'
  return (
    <View id='wm-db-posters' className='wm-db-cols'>
      <ChartCard id='wm-db-chart-posters' title='各海报扫码与后续行动' note={note} spec={spec} first='海报' />
      <View className='wm-card wm-db-card' id='wm-db-posters-all'>
        <Text className='wm-db-card__name'>每张海报</Text>
        <Text className='wm-text-tertiary'>{next !== null ? `已列出 ${rows.length} 张，点下方「更多」继续` : `共 ${rows.length} 张`}</Text>
        <Table table={table} id='wm-db-posters-table' />
        {problem ? (
          <View className='wm-db-problem' role='alert' id='wm-db-posters-problem'>
            <Text>{`没能载入更多海报：${problem}`}</Text>
          </View>
        ) : null}
        {next !== null ? (
          <View className={`wm-db-action wm-db-action--plain${busy ? ' wm-db-action--off' : ''}`} role='button' id='wm-db-posters-more' onClick={busy ? undefined : () => void loadMore(next)}>
            <Text>{busy ? '正在载入…' : problem ? '重试' : '更多'}</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}

// ---- 手册 ----

export function HandbookView({ h }: { h: StatsDashboardHandbook }) {
  const rows = h.byChapter
  const spec = useMemo<ChartSpec>(
    () => ({
      kind: 'hbars',
      labels: rows.map((c) => c.title),
      series: [
        { name: '读者', values: rows.map((c) => c.readers) },
        { name: '读完', values: rows.map((c) => c.finished) },
      ],
      unit: '人',
    }),
    [rows],
  )
  if (!rows.length) return <EmptyCard id='wm-db-handbook' title='各章读者' text='市民打开《市民文明手册》的章节后，这里按章列出读者人数。' />
  return (
    <View id='wm-db-handbook'>
      <ChartCard id='wm-db-chart-handbook' title='各章读者' note='每人每章只算一次' spec={spec} first='章节' />
    </View>
  )
}
