import { CATEGORIES, holderOf, REPORT_STATUSES, STATUS_LABEL, type ReportStatus } from '@/shared/report'
import { QUIZ_TOPIC_LABEL, QUIZ_TOPICS } from '@/shared/contract/quiz'
import {
  STATS_DASHBOARD_POSTER_PAGE,
  STATS_LIMITS,
  type StatsCounts,
  type StatsDashboardHandbook,
  type StatsDashboardOverview,
  type StatsDashboardPart,
  type StatsDashboardPosterRow,
  type StatsDashboardPosters,
  type StatsDashboardQuiz,
  type StatsDashboardReports,
  type StatsDashboardView,
  type StatsDashboardVolunteers,
  type StatsRow,
  type StatsScope,
} from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { HANDBOOK_CHAPTERS } from '@/shared/handbook/ids'
import { addDays, addMonths, dayOf, weekOf } from '@/shared/calendar/weeks'
import type { ActionContext } from '../../runtime/context'
import { readMeta } from '../handbook/store'
import type { GridDoc } from '../report/types'
import { readReportNow } from '../report/now'
import { CITY_ID, emptyCounts, type StatsGranularity } from './counters'
import { DASH, DASH_ALL, type DashArea, type DashDoc, type DashTotalDoc } from './dash'
import { citySeries, daysBetween, namesOf, rangeOf, segmentsOf, sumPeriod, toRow } from './read'
import { SNAPSHOTS, type SnapshotDoc } from './snapshot'
import { loadTargets } from './targets'

/**
 * The office's dashboard (issue #11). Every figure is read from counters kept on write and the
 * daily snapshots, never from the records: a range is split into whole months, whole weeks and the
 * days left over (segmentsOf; planOf below may overhang and subtract), and each segment is one indexed, paged read per scope — so a 30-day
 * view costs the same with a thousand reports or a million. The reads are independent and run at
 * once, so the view waits for the slowest, not their sum.
 *
 * A caller may ask for one view: then only that view's counters are read (总览 its headline
 * figures: the city's docs, the running totals and the topic docs — no unit, grid or poster row),
 * and the 海报 view reads one page of posters by id, so no view's cost grows with a table it
 * does not show. Without a view every section is read, as the 月报 needs.
 */
const PAGE = 100

type Counts = Record<string, number>

/**
 * What a range reads: whole months and weeks from their own docs and single days — and, where it
 * is cheaper, a month or week that overhangs the range with its overhanging days subtracted (the
 * counters are plain sums, so month − day is exact). 7 days from a Wednesday read two week docs
 * minus two day docs (4 reads per scope instead of 7), 30 days the two months minus one day (3
 * instead of 6). Days after today are never subtracted: no counter is written for a day not yet
 * begun.
 */
interface Segment {
  granularity: StatsGranularity
  period: string
  sign: 1 | -1
}
type Plan = Segment[]

const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7))
const monthEndOf = (day: string) => addDays(`${addMonths(day.slice(0, 7), 1)}-01`, -1)

export function planOf(from: string, to: string, today: string): Plan {
  let best: Plan | null = null
  for (const start of [from, mondayOf(from), `${from.slice(0, 7)}-01`]) {
    for (const end of [to, addDays(mondayOf(to), 6), monthEndOf(to)]) {
      const exact = segmentsOf(start, end)
      const plan: Plan = [
        ...exact.months.map((period) => ({ granularity: 'months' as const, period, sign: 1 as const })),
        ...exact.weeks.map((period) => ({ granularity: 'weeks' as const, period, sign: 1 as const })),
        ...exact.days.map((period) => ({ granularity: 'days' as const, period, sign: 1 as const })),
      ]
      for (let day = start; day < from; day = addDays(day, 1)) plan.push({ granularity: 'days', period: day, sign: -1 })
      for (let day = addDays(to, 1); day <= end && day <= today; day = addDays(day, 1)) plan.push({ granularity: 'days', period: day, sign: -1 })
      // the exact split comes first, so a tie keeps it
      if (!best || plan.length < best.length) best = plan
    }
  }
  return best!
}

/** Every segment of a plan, read at once (the view waits for the slowest read, not their sum). */
async function overSegments(plan: Plan, each: (segment: Segment) => Promise<boolean>): Promise<boolean> {
  return (await Promise.all(plan.map(each))).some(Boolean)
}

const allZero = (c: Counts) => Object.values(c).every((v) => v === 0)
const countsZero = (c: StatsCounts) => c.received === 0 && c.dispatched === 0 && c.resolved === 0 && c.ratings === 0 && c.reopened === 0 && c.closedUnrated === 0

/** Every dash doc of one area in one segment, paged by (area, period, scopeId), added (or subtracted) by scope id; true when cut at rowsMax. */
async function sumDash(ctx: ActionContext, area: DashArea, { granularity, period, sign }: Segment, sums: Map<string, Counts>): Promise<boolean> {
  const _ = ctx.db.command
  let after: string | null = null
  for (let read = 0; read < STATS_LIMITS.rowsMax; read += PAGE) {
    const where: Record<string, unknown> = { area, period, ...(after !== null ? { scopeId: _.gt(after) } : {}) }
    const { data } = await ctx.db.collection(DASH[granularity]).where(where).orderBy('scopeId', 'asc').limit(PAGE).get()
    const docs = data as unknown as DashDoc[]
    for (const doc of docs) addDash(sums, doc, sign)
    if (docs.length < PAGE) return false
    after = docs[docs.length - 1].scopeId
  }
  return true
}

function addDash(sums: Map<string, Counts>, doc: DashDoc, sign: 1 | -1): void {
  const into = sums.get(doc.scopeId) ?? {}
  for (const [k, v] of Object.entries(doc.counts ?? {})) into[k] = (into[k] ?? 0) + sign * v
  sums.set(doc.scopeId, into)
}

/** The same for the 随手拍 counters of one scope: read.ts's sumPeriod, with the segment's sign. */
const sumStats = (ctx: ActionContext, scope: StatsScope, { granularity, period, sign }: Segment, sums: Map<string, StatsCounts>): Promise<boolean> =>
  sumPeriod(ctx, granularity, scope, period, sums, sign)

/** A scope's sums over a plan; a scope whose counts came to nothing (seen only in the subtracted days) is dropped. */
async function statsOver(ctx: ActionContext, scope: StatsScope, plan: Plan): Promise<{ sums: Map<string, StatsCounts>; truncated: boolean }> {
  const sums = new Map<string, StatsCounts>()
  const truncated = await overSegments(plan, (segment) => sumStats(ctx, scope, segment, sums))
  for (const [id, c] of sums) if (countsZero(c)) sums.delete(id)
  return { sums, truncated }
}

async function dashOver(ctx: ActionContext, area: DashArea, plan: Plan): Promise<{ sums: Map<string, Counts>; truncated: boolean }> {
  const sums = new Map<string, Counts>()
  const truncated = await overSegments(plan, (segment) => sumDash(ctx, area, segment, sums))
  for (const [id, c] of sums) if (allZero(c)) sums.delete(id)
  return { sums, truncated }
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null)
const n = (c: Counts | undefined, key: string) => c?.[key] ?? 0

/** Every grid (paged by _id, at most rowsMax), for the shaded map: a grid nobody reported on is still drawn. */
async function allGrids(ctx: ActionContext): Promise<GridDoc[]> {
  const grids: GridDoc[] = []
  let after: string | null = null
  for (let read = 0; read < STATS_LIMITS.rowsMax; read += PAGE) {
    const where: Record<string, unknown> = after !== null ? { _id: ctx.db.command.gt(after) } : {}
    const { data } = await ctx.db.collection('report_grids').where(where).orderBy('_id', 'asc').limit(PAGE).get()
    const page = data as unknown as GridDoc[]
    grids.push(...page)
    if (page.length < PAGE) break
    after = page[page.length - 1]._id
  }
  return grids
}

async function reportsPart(ctx: ActionContext, from: string, to: string, plan: Plan): Promise<StatsDashboardReports> {
  const [city, categories, units, grids, series, gridDocs, now, snapshots] = await Promise.all([
    statsOver(ctx, 'city', plan),
    statsOver(ctx, 'category', plan),
    statsOver(ctx, 'unit', plan),
    statsOver(ctx, 'grid', plan),
    citySeries(ctx, from, to),
    allGrids(ctx),
    readReportNow(ctx),
    // one snapshot per day, ≤ 92 days: one indexed page by _id (the day)
    ctx.db
      .collection(SNAPSHOTS)
      .where({ _id: ctx.db.command.gte(from).and(ctx.db.command.lte(to)) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get(),
  ])
  const totals = toRow(CITY_ID, '全市', city.sums.get(CITY_ID) ?? emptyCounts())

  // every category of the list, then any counted id the list no longer has
  const categoryIds = [...new Set([...CATEGORIES.map((c) => c.id), ...categories.sums.keys()])]
  const categoryNames = await namesOf(ctx, 'category', categoryIds)
  const byCategory = categoryIds
    .map((id) => toRow(id, categoryNames.get(id) ?? id, categories.sums.get(id) ?? emptyCounts()))
    .sort((a, b) => b.received - a.received || (a.id < b.id ? -1 : 1))

  const unitIds = [...units.sums.keys()]
  const unitNames = await namesOf(ctx, 'unit', unitIds)
  const byUnit: StatsRow[] = unitIds
    .map((id) => toRow(id, unitNames.get(id) ?? id, units.sums.get(id)!))
    .sort((a, b) => b.received - a.received || (a.id < b.id ? -1 : 1))

  const gridById = new Map(gridDocs.map((g) => [g._id, g]))
  const gridIds = [...new Set([...gridDocs.map((g) => g._id), ...grids.sums.keys()])]
  const byGrid = gridIds.map((id) => {
    const c = grids.sums.get(id) ?? emptyCounts()
    const doc = gridById.get(id)
    return {
      id,
      name: doc?.name ?? id,
      received: c.received,
      resolved: c.resolved,
      onTimeRate: ratio(c.resolvedOnTime, c.resolved),
      polygon: doc?.geometry?.coordinates?.[0] ?? null,
    }
  })

  const statuses = REPORT_STATUSES.filter((s) => holderOf(s) !== null || (now.byStatus[s] ?? 0) > 0)
  const nowByStatus = statuses.map((status: ReportStatus) => ({ status, label: STATUS_LABEL[status], count: now.byStatus[status] ?? 0 }))

  const overdueByDay = new Map((snapshots.data as unknown as SnapshotDoc[]).map((s) => [s.day, s.overdueOpen]))
  const overdueSeries: Array<{ day: string; overdue: number | null }> = []
  for (let day = from; day <= to; day = addDays(day, 1)) overdueSeries.push({ day, overdue: overdueByDay.get(day) ?? null })

  return { totals, series, byCategory, byUnit, byGrid, nowByStatus, overdueNow: now.overdue, overdueSeries }
}

/** Confirmed hours of each week the range touches, from the city's week docs: one indexed read by (area, scopeId, period). */
async function hoursByWeek(ctx: ActionContext, from: string, to: string): Promise<Array<{ week: string; hours: number }>> {
  const first = weekOf(Date.parse(`${from}T04:00:00Z`))
  const last = weekOf(Date.parse(`${to}T04:00:00Z`))
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection(DASH.weeks)
    .where({ area: 'volunteer', scopeId: DASH_ALL, period: _.gte(first).and(_.lte(last)) })
    .orderBy('period', 'asc')
    .limit(PAGE)
    .get()
  const byWeek = new Map((data as unknown as DashDoc[]).map((d) => [d.period, n(d.counts, 'minutes')]))
  const out: Array<{ week: string; hours: number }> = []
  for (let week = first; week <= last; week = addDays(week, 7)) out.push({ week, hours: Math.round(((byWeek.get(week) ?? 0) / 60) * 10) / 10 })
  return out
}

/** The running total of registered volunteers against the office's targets: one doc each, whatever the range. */
async function registration(ctx: ActionContext): Promise<Pick<StatsDashboardVolunteers, 'registered' | 'population' | 'registrationTarget' | 'registrationRate'>> {
  const [total, targets] = await Promise.all([ctx.db.collection(DASH.totals).where({ _id: `volunteer:${DASH_ALL}` }).limit(1).get(), loadTargets(ctx)])
  const totalDoc = total.data[0] as unknown as DashTotalDoc | undefined
  // until the first registration starts the running total, the profiles are the total (one count,
  // only while the doc is missing: e.g. profiles stored by an import or the demo seed)
  const registered = totalDoc ? n(totalDoc.counts, 'registered') : (await ctx.db.collection('volunteer_profiles').count()).total
  return {
    registered,
    population: targets?.population ?? null,
    registrationTarget: targets?.registrationTarget ?? null,
    registrationRate: targets ? ratio(registered, targets.population) : null,
  }
}

async function volunteersPart(ctx: ActionContext, from: string, to: string, plan: Plan): Promise<StatsDashboardVolunteers> {
  const [city, teams, reg, weeks] = await Promise.all([dashOver(ctx, 'volunteer', plan), dashOver(ctx, 'volunteerTeam', plan), registration(ctx), hoursByWeek(ctx, from, to)])
  const c = city.sums.get(DASH_ALL)
  const signups = n(c, 'signups')
  const noShows = n(c, 'noShows')
  return {
    ...reg,
    hoursByWeek: weeks,
    activeTeams: [...teams.sums.values()].filter((t) => n(t, 'confirmed') > 0).length,
    signups,
    noShows,
    noShowRate: ratio(noShows, signups),
  }
}

async function quizPart(ctx: ActionContext, plan: Plan): Promise<StatsDashboardQuiz> {
  const { sums } = await dashOver(ctx, 'quiz', plan)
  return {
    byTopic: QUIZ_TOPICS.map((topic) => {
      const c = sums.get(topic)
      return { topic, name: QUIZ_TOPIC_LABEL[topic], papers: n(c, 'papers'), answered: n(c, 'answered'), correct: n(c, 'correct'), accuracy: ratio(n(c, 'correct'), n(c, 'answered')) }
    }),
  }
}

async function posterTitles(ctx: ActionContext, ids: string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>()
  for (let i = 0; i < ids.length; i += PAGE) {
    const { data } = await ctx.db.collection('posters').where({ _id: ctx.db.command.in(ids.slice(i, i + PAGE)) }).limit(PAGE).get()
    for (const doc of data as unknown as Array<{ _id: string; title: string }>) titles.set(doc._id, doc.title)
  }
  return titles
}

const posterRow = (posterId: string, title: string | undefined, c: Counts | undefined): StatsDashboardPosterRow => ({
  posterId,
  title: title ?? posterId,
  scans: n(c, 'scans'),
  people: n(c, 'people'),
  reports: n(c, 'reports'),
  reads: n(c, 'chapters'),
  quizzes: n(c, 'quizzes'),
})

/** The whole dashboard's posters: every poster counted in the range, by scans (the 月报 and older clients). */
async function postersPart(ctx: ActionContext, plan: Plan): Promise<StatsDashboardPosters> {
  const { sums, truncated } = await dashOver(ctx, 'poster', plan)
  const ids = [...sums.keys()]
  const titles = await posterTitles(ctx, ids)
  const rows = ids.map((posterId) => posterRow(posterId, titles.get(posterId), sums.get(posterId))).sort((a, b) => b.scans - a.scans || (a.posterId < b.posterId ? -1 : 1))
  return { rows, truncated, next: null }
}

/**
 * One page of posters by id, after `cursor`: each segment of the range reads at most a page of
 * its poster docs past the cursor. A segment that came back full may hold more ids beyond its
 * last one, so the page ends at the smallest such last id — every id up to there has been read in
 * every segment, so its sums are whole — and the next page starts after it. The cost is
 * segments × page, whatever the number of posters.
 */
async function postersPage(ctx: ActionContext, plan: Plan, cursor: string | undefined): Promise<StatsDashboardPosters> {
  const _ = ctx.db.command
  const sums = new Map<string, Counts>()
  let end: string | null = null
  await overSegments(plan, async ({ granularity, period, sign }) => {
    const where: Record<string, unknown> = { area: 'poster', period, ...(cursor !== undefined ? { scopeId: _.gt(cursor) } : {}) }
    const { data } = await ctx.db.collection(DASH[granularity]).where(where).orderBy('scopeId', 'asc').limit(STATS_DASHBOARD_POSTER_PAGE).get()
    const docs = data as unknown as DashDoc[]
    for (const doc of docs) addDash(sums, doc, sign)
    if (docs.length === STATS_DASHBOARD_POSTER_PAGE) {
      const last = docs[docs.length - 1].scopeId
      if (end === null || last < end) end = last
    }
    return false
  })
  const bound = end as string | null
  const ids = [...sums.keys()].filter((id) => (bound === null || id <= bound) && !allZero(sums.get(id)!)).sort()
  const titles = await posterTitles(ctx, ids)
  return { rows: ids.map((posterId) => posterRow(posterId, titles.get(posterId), sums.get(posterId))), truncated: false, next: bound }
}

async function handbookPart(ctx: ActionContext, plan: Plan): Promise<StatsDashboardHandbook> {
  const [{ sums }, meta] = await Promise.all([dashOver(ctx, 'handbook', plan), readMeta(ctx.db)])
  // the published table of contents in its order (or the built-in one before the first publish), then any counted chapter since dropped
  const chapters: Array<{ id: string; title: string }> = meta ? meta.chapters.map((c) => ({ id: c.id, title: c.title })) : HANDBOOK_CHAPTERS.map((c) => ({ id: c.id, title: c.title }))
  for (const id of sums.keys()) if (!chapters.some((c) => c.id === id)) chapters.push({ id, title: HANDBOOK_CHAPTERS.find((c) => c.id === id)?.title ?? id })
  return { byChapter: chapters.map((c) => ({ chapterId: c.id, title: c.title, readers: n(sums.get(c.id), 'readers'), finished: n(sums.get(c.id), 'finished') })) }
}

/** 总览 from the parts the whole dashboard already read: no read of its own. */
function overviewOf(reports: StatsDashboardReports, volunteers: StatsDashboardVolunteers, quiz: StatsDashboardQuiz): StatsDashboardOverview {
  const { registered, population, registrationTarget, registrationRate, hoursByWeek: weeks } = volunteers
  return { totals: reports.totals, series: reports.series, overdueNow: reports.overdueNow, volunteers: { registered, population, registrationTarget, registrationRate, hoursByWeek: weeks }, quiz: quizSum(quiz) }
}

function quizSum(quiz: StatsDashboardQuiz): StatsDashboardOverview['quiz'] {
  const papers = quiz.byTopic.reduce((a, t) => a + t.papers, 0)
  const answered = quiz.byTopic.reduce((a, t) => a + t.answered, 0)
  const correct = quiz.byTopic.reduce((a, t) => a + t.correct, 0)
  return { papers, answered, correct, accuracy: ratio(correct, answered) }
}

/**
 * 总览 alone: the city's docs of the range, the open-now counters, the running volunteer total and
 * targets, the city's week docs for hours, and the quiz topics (a dozen fixed rows, summed here as
 * the headline shows them) — nothing per unit, grid or poster.
 */
async function overviewPart(ctx: ActionContext, from: string, to: string, plan: Plan): Promise<StatsDashboardOverview> {
  const [city, series, now, reg, weeks, quiz] = await Promise.all([statsOver(ctx, 'city', plan), citySeries(ctx, from, to), readReportNow(ctx), registration(ctx), hoursByWeek(ctx, from, to), quizPart(ctx, plan)])
  return { totals: toRow(CITY_ID, '全市', city.sums.get(CITY_ID) ?? emptyCounts()), series, overdueNow: now.overdue, volunteers: { ...reg, hoursByWeek: weeks }, quiz: quizSum(quiz) }
}

interface DashboardInput {
  period: '7d' | '30d' | 'quarter' | 'custom'
  from?: string
  to?: string
  view?: StatsDashboardPart
  posterCursor?: string
}

export async function dashboard(input: DashboardInput, ctx: ActionContext): Promise<StatsDashboardView | Fail> {
  const span = rangeOf(input, dayOf(ctx.clock.now()))
  if ('ok' in span) return span
  const { from, to } = span
  const plan = planOf(from, to, dayOf(ctx.clock.now()))
  const head = { from, to, days: daysBetween(from, to), generatedAt: ctx.clock.now() }
  const none = { overview: null, reports: null, volunteers: null, quiz: null, posters: null, handbook: null }
  switch (input.view) {
    case 'overview':
      return { ...head, view: 'overview', ...none, overview: await overviewPart(ctx, from, to, plan) }
    case 'reports':
      return { ...head, view: 'reports', ...none, reports: await reportsPart(ctx, from, to, plan) }
    case 'volunteers':
      return { ...head, view: 'volunteers', ...none, volunteers: await volunteersPart(ctx, from, to, plan) }
    case 'quiz':
      return { ...head, view: 'quiz', ...none, quiz: await quizPart(ctx, plan) }
    case 'posters':
      return { ...head, view: 'posters', ...none, posters: await postersPage(ctx, plan, input.posterCursor) }
    case 'handbook':
      return { ...head, view: 'handbook', ...none, handbook: await handbookPart(ctx, plan) }
    case undefined: {
      const [reports, volunteers, quiz, posters, handbook] = await Promise.all([
        reportsPart(ctx, from, to, plan),
        volunteersPart(ctx, from, to, plan),
        quizPart(ctx, plan),
        postersPart(ctx, plan),
        handbookPart(ctx, plan),
      ])
      return { ...head, view: 'all', overview: overviewOf(reports, volunteers, quiz), reports, volunteers, quiz, posters, handbook }
    }
  }
}
