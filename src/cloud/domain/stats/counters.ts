import { RESOLVE_BUCKETS, type ResolveBucketKey, type StatsCounts, type StatsScope } from '@/shared/contract'
import type { TransitionAction } from '@/shared/report'
import { dayOf, monthOf, weekOf } from '@/shared/calendar/weeks'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import type { ReportDoc } from '../report/types'

/**
 * The write side of 随手拍 statistics. Each event of a report (received, dispatched, resolved,
 * rated, reopened, closed unrated) moves counters in one doc per (scope, id, period) for its
 * day, week and month, at once — so there is no daily roll-up job: every view reads counters
 * that are already summed (a month view is one doc per unit, not thirty).
 *
 * These functions are called from the report path after its own write and never throw into it:
 * a counter that failed is logged, the report stands.
 */
export const STATS = { days: 'stats_days', weeks: 'stats_weeks', months: 'stats_months', marks: 'stats_marks' } as const

export type StatsGranularity = 'days' | 'weeks' | 'months'

export interface StatsDoc extends StatsCounts {
  _id: string
  scope: StatsScope
  scopeId: string
  /** YYYY-MM-DD (day), the Monday YYYY-MM-DD (week) or YYYY-MM (month) */
  period: string
  updatedAt: number
}

type Counter = Exclude<keyof StatsCounts, 'buckets'> | `buckets.${ResolveBucketKey}`
type Deltas = Partial<Record<Counter, number>>

export const CITY_ID = 'all'

export const statsDocId = (scope: StatsScope, scopeId: string, period: string) => `${scope}:${scopeId}:${period}`

export function emptyCounts(): StatsCounts {
  const buckets = Object.fromEntries(RESOLVE_BUCKETS.map((b) => [b.key, 0])) as Record<ResolveBucketKey, number>
  return { received: 0, dispatched: 0, resolved: 0, resolvedOnTime: 0, ratings: 0, ratingSum: 0, satisfied: 0, reopened: 0, closedUnrated: 0, buckets }
}

/** The bucket a resolution time (ms from created to resolved) falls in. */
export function bucketOf(ms: number): ResolveBucketKey {
  const hours = ms / 3_600_000
  return (RESOLVE_BUCKETS.find((b) => hours <= b.hours) ?? RESOLVE_BUCKETS[RESOLVE_BUCKETS.length - 1]).key
}

function periodsAt(at: number): Array<[StatsGranularity, string]> {
  return [
    ['days', dayOf(at)],
    ['weeks', weekOf(at)],
    ['months', monthOf(at)],
  ]
}

/**
 * Increments one doc, creating it on first touch (as the inspect ledger does): increment; if no
 * doc was there, add it with the deltas as its first counts; if a concurrent writer added it
 * first (duplicate key), increment after all.
 */
async function bump(ctx: ActionContext, collection: string, scope: StatsScope, scopeId: string, period: string, deltas: Deltas): Promise<void> {
  const _ = ctx.db.command
  const now = ctx.clock.now()
  const id = statsDocId(scope, scopeId, period)
  const data: Record<string, unknown> = { updatedAt: now }
  for (const [field, n] of Object.entries(deltas)) data[field] = _.inc(n)
  const inc = () => ctx.db.collection(collection).where({ _id: id }).update({ data })
  if ((await inc()).stats.updated === 1) return
  const doc: StatsDoc = { _id: id, scope, scopeId, period, ...emptyCounts(), updatedAt: now }
  for (const [field, n] of Object.entries(deltas) as Array<[Counter, number]>) {
    if (field.startsWith('buckets.')) doc.buckets[field.slice(8) as ResolveBucketKey] += n
    else doc[field as Exclude<Counter, `buckets.${string}`>] += n
  }
  try {
    await ctx.db.collection(collection).add({ data: { ...doc } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    await inc()
  }
}

export type Scopes = Array<[StatsScope, string | null]>

export async function bumpAll(ctx: ActionContext, scopes: Scopes, at: number, deltas: Deltas): Promise<void> {
  const moves = Object.fromEntries(Object.entries(deltas).filter(([, n]) => n !== 0)) as Deltas
  if (Object.keys(moves).length === 0) return
  // up to 4 scopes × day/week/month, each its own document: one round trip's wait, not twelve
  // (on the cloud every write is a network call, and this runs on the resident's submit)
  const writes: Array<Promise<void>> = []
  for (const [scope, scopeId] of scopes) {
    if (!scopeId) continue
    for (const [granularity, period] of periodsAt(at)) writes.push(bump(ctx, STATS[granularity], scope, scopeId, period, moves))
  }
  await Promise.all(writes)
}

/** Claims a one-time event; false when it was counted before (a retried or raced write). */
export async function claim(ctx: ActionContext, markId: string): Promise<boolean> {
  try {
    await ctx.db.collection(STATS.marks).add({ data: { _id: markId, at: ctx.clock.now() } })
    return true
  } catch (error) {
    if (error instanceof DatabaseError && error.code === DUPLICATE_KEY) return false
    throw error
  }
}

export const scopesOf = (report: ReportDoc, unitId: string | null): Scopes => [
  ['city', CITY_ID],
  ['grid', report.gridId],
  ['category', report.categoryId],
  ['unit', unitId],
]

async function guarded(ctx: ActionContext, what: string, reportId: string, work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
    ctx.log.error(`stats.${what} failed`, { reportId, error: String(error) })
  }
}

/**
 * A new report (a resident's submit or a partner's Open311 POST): received by the city, its grid
 * and its category. Counted once per report even when a partner's retry stores nothing new.
 * A unit receives a report when it is first dispatched to it (below).
 */
export function recordReceived(ctx: ActionContext, report: ReportDoc): Promise<void> {
  return guarded(ctx, 'received', report._id, async () => {
    if (!(await claim(ctx, `received:${report._id}`))) return
    await bumpAll(ctx, scopesOf(report, null), report.createdAt, { received: 1 })
  })
}

/**
 * One applied transition, `before` as the report was and `after` as it is now. Called once per
 * move (the transition's transaction guarantees one mover), so no mark is needed except for the
 * unit's first receipt of a report.
 *
 * - dispatch: dispatched +1 everywhere; the unit's received +1 the first time it gets this report
 * - resolve: resolved +1; resolvedOnTime when at or before the step's due time (`before.dueAt`,
 *   the 处置中 step's limit); the created → resolved time in its bucket
 * - a score (rate, or a 1–2★ that asks for 重办): ratings, ratingSum, satisfied (4–5★)
 * - reopen (the grid worker agreed to 重办): reopened +1
 */
export function recordTransition(ctx: ActionContext, before: ReportDoc, after: ReportDoc, action: TransitionAction, score: number | null, at: number): Promise<void> {
  return guarded(ctx, 'transition', before._id, async () => {
    if (action === 'dispatch') {
      await bumpAll(ctx, scopesOf(before, after.unitId), at, { dispatched: 1 })
      if (after.unitId && (await claim(ctx, `unitReceived:${before._id}:${after.unitId}`))) await bumpAll(ctx, [['unit', after.unitId]], at, { received: 1 })
    }
    if (action === 'resolve') {
      const onTime = before.dueAt == null || at <= before.dueAt
      await bumpAll(ctx, scopesOf(before, before.unitId), at, { resolved: 1, resolvedOnTime: onTime ? 1 : 0, [`buckets.${bucketOf(at - before.createdAt)}`]: 1 })
    }
    if (score != null) await bumpAll(ctx, scopesOf(before, before.unitId), at, { ratings: 1, ratingSum: score, satisfied: score >= 4 ? 1 : 0 })
    if (action === 'reopen') await bumpAll(ctx, scopesOf(before, before.unitId), at, { reopened: 1 })
  })
}

/** The rating window closed without a rating (已办结（未评价）). A rated report counted at its rating. */
export function recordWindowClosed(ctx: ActionContext, report: ReportDoc, at: number): Promise<void> {
  return guarded(ctx, 'windowClosed', report._id, async () => {
    if (report.rating) return
    await bumpAll(ctx, scopesOf(report, report.unitId), at, { closedUnrated: 1 })
  })
}
