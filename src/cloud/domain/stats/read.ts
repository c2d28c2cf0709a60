import {
  RESOLVE_BUCKETS,
  STATS_ERRORS,
  STATS_LIMITS,
  type ResolveBucketKey,
  type StatsCounts,
  type StatsErrorCode,
  type StatsRangeView,
  type StatsRow,
  type StatsScope,
  type StatsSeriesPoint,
  type UnitMonthView,
} from '@/shared/contract'
import { fail, type Fail } from '@/shared/errors'
import { categoryOf } from '@/shared/report'
import { addDays, addMonths, dayOf, monthOf } from '@/shared/calendar/weeks'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { CITY_ID, emptyCounts, STATS, statsDocId, type StatsDoc, type StatsGranularity } from './counters'

export const statsFail = (code: StatsErrorCode, message: string = STATS_ERRORS[code]): Fail => fail(code, message)

const PAGE = 100

/** Adds `from` into `into` (`sign` -1 takes it away: a whole week read minus its days outside a range). */
export function addCounts(into: StatsCounts, from: StatsCounts, sign: 1 | -1 = 1): void {
  into.received += sign * (from.received ?? 0)
  into.dispatched += sign * (from.dispatched ?? 0)
  into.resolved += sign * (from.resolved ?? 0)
  into.resolvedOnTime += sign * (from.resolvedOnTime ?? 0)
  into.ratings += sign * (from.ratings ?? 0)
  into.ratingSum += sign * (from.ratingSum ?? 0)
  into.satisfied += sign * (from.satisfied ?? 0)
  into.reopened += sign * (from.reopened ?? 0)
  into.closedUnrated += sign * (from.closedUnrated ?? 0)
  for (const b of RESOLVE_BUCKETS) into.buckets[b.key] += sign * (from.buckets?.[b.key] ?? 0)
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null)

/** The bucket holding the median resolution: the first whose running count reaches half of all. */
export function medianBucket(buckets: Record<ResolveBucketKey, number>): string | null {
  const total = RESOLVE_BUCKETS.reduce((sum, b) => sum + buckets[b.key], 0)
  if (total === 0) return null
  let running = 0
  for (const b of RESOLVE_BUCKETS) {
    running += buckets[b.key]
    if (running * 2 >= total) return b.label
  }
  return RESOLVE_BUCKETS[RESOLVE_BUCKETS.length - 1].label
}

export function toRow(id: string, name: string, c: StatsCounts): StatsRow {
  return {
    id,
    name,
    ...c,
    buckets: { ...c.buckets },
    onTimeRate: ratio(c.resolvedOnTime, c.resolved),
    medianLabel: medianBucket(c.buckets),
    satisfactionRate: ratio(c.satisfied, c.ratings),
    averageScore: ratio(c.ratingSum, c.ratings),
    reopenedShare: ratio(c.reopened, c.resolved),
  }
}

/**
 * Every doc of one scope in one period (one day, week or month), paged by the index
 * (scope, period, scopeId), summed into `sums` (or, with `sign` -1, taken out of it). Bounded: at
 * most rowsMax ids; `true` when cut.
 */
export async function sumPeriod(ctx: ActionContext, granularity: StatsGranularity, scope: StatsScope, period: string, sums: Map<string, StatsCounts>, sign: 1 | -1 = 1): Promise<boolean> {
  const _ = ctx.db.command
  let after: string | null = null
  for (let read = 0; read < STATS_LIMITS.rowsMax; read += PAGE) {
    const where: Record<string, unknown> = { scope, period, ...(after !== null ? { scopeId: _.gt(after) } : {}) }
    const { data } = await ctx.db.collection(STATS[granularity]).where(where).orderBy('scopeId', 'asc').limit(PAGE).get()
    const docs = data as unknown as StatsDoc[]
    for (const doc of docs) {
      const into = sums.get(doc.scopeId) ?? emptyCounts()
      addCounts(into, doc, sign)
      sums.set(doc.scopeId, into)
    }
    if (docs.length < PAGE) return false
    after = docs[docs.length - 1].scopeId
  }
  return true
}

/** Display names: units from report_units, grids from report_grids, categories from the shared list. */
export async function namesOf(ctx: ActionContext, scope: StatsScope, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  if (scope === 'city') ids.forEach((id) => names.set(id, '全市'))
  if (scope === 'category') ids.forEach((id) => names.set(id, categoryOf(id)?.name ?? id))
  if (scope === 'unit' || scope === 'grid') {
    const collection = scope === 'unit' ? 'report_units' : 'report_grids'
    for (let i = 0; i < ids.length; i += PAGE) {
      const chunk = ids.slice(i, i + PAGE)
      const { data } = await ctx.db.collection(collection).where({ _id: ctx.db.command.in(chunk) }).limit(PAGE).get()
      for (const doc of data as unknown as Array<{ _id: string; name: string }>) names.set(doc._id, doc.name)
    }
  }
  return names
}

const monthEnd = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1)
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay()
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1

/**
 * Splits a range into the fewest docs to read: a whole calendar month from its month doc, a whole
 * Monday–Sunday week from its week doc, and only the days left over from day docs. Month and week
 * docs are written with the day docs (same events), so their sums are the same numbers; a 30-day
 * range thus reads at most a few weeks and ≤ 12 single days per id instead of 30 day docs.
 */
export function segmentsOf(from: string, to: string): StatsRangeView['read'] {
  const read: StatsRangeView['read'] = { months: [], weeks: [], days: [] }
  let day = from
  while (day <= to) {
    if (day.endsWith('-01') && monthEnd(day.slice(0, 7)) <= to) {
      read.months.push(day.slice(0, 7))
      day = addDays(monthEnd(day.slice(0, 7)), 1)
    } else if (weekday(day) === 1 && addDays(day, 6) <= to) {
      read.weeks.push(day)
      day = addDays(day, 7)
    } else {
      read.days.push(day)
      day = addDays(day, 1)
    }
  }
  return read
}

/** The dates a period means, in Beijing days; the range always ends today or earlier. */
export function rangeOf(input: { period: '7d' | '30d' | 'quarter' | 'custom'; from?: string; to?: string }, today: string): { from: string; to: string } | Fail {
  if (input.period === '7d') return { from: addDays(today, -6), to: today }
  if (input.period === '30d') return { from: addDays(today, -29), to: today }
  if (input.period === 'quarter') {
    const [y, m] = today.split('-').map(Number)
    const first = Math.floor((m - 1) / 3) * 3 + 1
    return { from: `${y}-${String(first).padStart(2, '0')}-01`, to: today }
  }
  if (!input.from || !input.to) return statsFail('STATS.RANGE_REQUIRED')
  if (input.to < input.from) return statsFail('STATS.RANGE_ORDER')
  if (input.to > today) return statsFail('STATS.RANGE_IN_FUTURE')
  if (daysBetween(input.from, input.to) > STATS_LIMITS.customDaysMax) return statsFail('STATS.RANGE_TOO_LONG')
  return { from: input.from, to: input.to }
}

export async function range(
  input: { scope: StatsScope; period: '7d' | '30d' | 'quarter' | 'custom'; from?: string; to?: string },
  ctx: ActionContext,
): Promise<StatsRangeView | Fail> {
  const today = dayOf(ctx.clock.now())
  const span = rangeOf(input, today)
  if ('ok' in span) return span
  const read = segmentsOf(span.from, span.to)
  const sums = new Map<string, StatsCounts>()
  let truncated = false
  for (const month of read.months) truncated = (await sumPeriod(ctx, 'months', input.scope, month, sums)) || truncated
  for (const week of read.weeks) truncated = (await sumPeriod(ctx, 'weeks', input.scope, week, sums)) || truncated
  for (const day of read.days) truncated = (await sumPeriod(ctx, 'days', input.scope, day, sums)) || truncated
  const ids = [...sums.keys()].sort()
  const names = await namesOf(ctx, input.scope, ids)
  const rows = ids.map((id) => toRow(id, names.get(id) ?? id, sums.get(id)!))
  return { scope: input.scope, from: span.from, to: span.to, days: daysBetween(span.from, span.to), rows, series: await citySeries(ctx, span.from, span.to), read, truncated }
}

/** The city's day docs of the range (≤ 92, one indexed page), every day present with zeros where none. */
export async function citySeries(ctx: ActionContext, from: string, to: string): Promise<StatsSeriesPoint[]> {
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection(STATS.days)
    .where({ scope: 'city', scopeId: CITY_ID, period: _.gte(from).and(_.lte(to)) })
    .orderBy('period', 'asc')
    .limit(PAGE)
    .get()
  const byDay = new Map((data as unknown as StatsDoc[]).map((d) => [d.period, d]))
  const series: StatsSeriesPoint[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const c = byDay.get(day) ?? emptyCounts()
    series.push({ day, received: c.received, dispatched: c.dispatched, resolved: c.resolved, resolvedOnTime: c.resolvedOnTime, ratings: c.ratings, satisfied: c.satisfied, reopened: c.reopened })
  }
  return series
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`)

/** 「该单位本月按时办结率 …」 on a report's detail: the unit's month doc, one read. */
export async function unitMonth(input: { unitId: string }, ctx: ActionContext): Promise<UnitMonthView> {
  const month = monthOf(ctx.clock.now())
  const doc = await findById<StatsDoc>(ctx.db, STATS.months, statsDocId('unit', input.unitId, month))
  const c = doc ?? emptyCounts()
  const onTimeRate = ratio(c.resolvedOnTime, c.resolved)
  const satisfactionRate = ratio(c.satisfied, c.ratings)
  const text =
    c.resolved === 0
      ? `该单位本月受理 ${c.received} 件，暂无办结`
      : `该单位本月受理 ${c.received} 件，按时办结率 ${percent(onTimeRate)}${satisfactionRate === null ? '' : `，满意率 ${percent(satisfactionRate)}`}`
  return { unitId: input.unitId, month, received: c.received, resolved: c.resolved, onTimeRate, satisfactionRate, text }
}
