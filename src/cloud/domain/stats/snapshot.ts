import { addDays, dayOf } from '@/shared/calendar/weeks'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { CITY_ID, emptyCounts, STATS, statsDocId, type StatsDoc } from './counters'

/**
 * No daily roll-up job is needed: every counter is summed on write (see counters.ts). What a
 * counter cannot hold is a state at a moment — how many reports were overdue and open — so this
 * job keeps one `stats_snapshots` doc per Beijing day: the previous day's city totals (a copy of
 * its day doc, so a year of daily figures is one paged read) and the overdue-open count when it
 * ran, counted by the 督查台账's own index (open, dueAt) rather than by reading reports.
 *
 * Idempotent: the doc's _id is the day and is added once; a second run finds it and stops, a run
 * that failed before the add simply does the whole (single-doc) work again.
 */
export const SNAPSHOTS = 'stats_snapshots'

export interface SnapshotDoc {
  _id: string
  day: string
  city: Omit<StatsDoc, '_id' | 'scope' | 'scopeId' | 'period' | 'updatedAt'>
  overdueOpen: number
  takenAt: number
}

export async function snapshotCity(ctx: ActionContext): Promise<void> {
  const now = ctx.clock.now()
  const day = addDays(dayOf(now), -1)
  if (await findById<SnapshotDoc>(ctx.db, SNAPSHOTS, day)) return
  const cityDoc = await findById<StatsDoc>(ctx.db, STATS.days, statsDocId('city', CITY_ID, day))
  const counts = emptyCounts()
  if (cityDoc) {
    const { _id, scope, scopeId, period, updatedAt, ...rest } = cityDoc
    void [_id, scope, scopeId, period, updatedAt]
    Object.assign(counts, rest, { buckets: { ...counts.buckets, ...rest.buckets } })
  }
  const { total } = await ctx.db.collection('reports').where({ open: true, dueAt: ctx.db.command.lt(now) }).count()
  const doc: SnapshotDoc = { _id: day, day, city: counts, overdueOpen: total, takenAt: now }
  try {
    await ctx.db.collection(SNAPSHOTS).add({ data: { ...doc } as unknown as Record<string, unknown> })
  } catch (error) {
    // a concurrent run stored it first: the same day, nothing more to do
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
  }
}
