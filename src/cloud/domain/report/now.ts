import { REPORT_STATUSES, holderOf, type ReportStatus } from '@/shared/report'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import type { ReportDoc } from './types'

/**
 * 随手拍 now, city-wide: how many reports are in each open status, and how many are past their
 * step's due time. Both are counters kept on write (`report_now`), so the dashboard reads a dozen
 * small docs instead of counting the reports.
 *
 * - `status:<status>`: 随手拍 (kind 'report') in that status. Every move of a report calls
 *   `reportMoved` after its own write (submit calls `reportEntered`); both never throw into it.
 * - `overdue`: reports marked overdue by the `markOverdue` timer and not yet moved on. The timer
 *   sets `overdueMarkedAt` and increments in one transaction; a move that leaves a marked step
 *   clears the mark and decrements in one transaction. So the counter is always the number of
 *   marked reports — the same definition as the 督查台账 (open, past `dueAt`), counted as of the
 *   timer's last run (every 10 minutes).
 */
export const REPORT_NOW = 'report_now'
export const OVERDUE_ID = 'overdue'
const statusId = (status: ReportStatus) => `status:${status}`

export interface ReportNow {
  byStatus: Record<string, number>
  overdue: number
}

interface CounterDoc {
  _id: string
  n: number
  updatedAt: number
}

/**
 * The mark the timer leaves on a report (absent on reports it has not marked): when, and the step
 * it was for (the step's entry and due time), so a move can tell a mark of the step it left from
 * one the timer has already made for the step it is in now.
 */
export type MarkedReport = ReportDoc & { overdueMarkedAt?: number | null; overdueStepAt?: number | null; overdueDueAt?: number | null }

const markIsCurrent = (r: MarkedReport) => r.open && r.overdueStepAt === r.stepEnteredAt && r.overdueDueAt === r.dueAt

/** The statuses in which a report is open (someone holds it), as the dashboard shows them. */
export const NOW_STATUSES: readonly ReportStatus[] = REPORT_STATUSES.filter((s) => holderOf(s) !== null)

export async function readReportNow(ctx: ActionContext): Promise<ReportNow> {
  const _ = ctx.db.command
  const ids = [...NOW_STATUSES.map(statusId), OVERDUE_ID]
  const docs = (await ctx.db.collection(REPORT_NOW).where({ _id: _.in(ids) }).limit(100).get()).data as unknown as CounterDoc[]
  const n = new Map(docs.map((d) => [d._id, d.n]))
  // a status no report has moved into or out of since the counters existed: counted once, from then on kept
  await Promise.all(NOW_STATUSES.filter((s) => !n.has(statusId(s))).map(async (s) => void n.set(statusId(s), await seedStatus(ctx, s))))
  const byStatus = Object.fromEntries(NOW_STATUSES.map((s) => [s, Math.max(0, n.get(statusId(s)) ?? 0)]))
  return { byStatus, overdue: Math.max(0, n.get(OVERDUE_ID) ?? 0) }
}

/**
 * Creates a status's counter from a count through the (kind, status) index; if another writer
 * created it first, theirs stands. Returns the count as stored.
 */
async function seedStatus(ctx: ActionContext, status: ReportStatus): Promise<number> {
  const { total } = await ctx.db.collection('reports').where({ kind: 'report', status }).count()
  try {
    await ctx.db.collection(REPORT_NOW).add({ data: { _id: statusId(status), n: total, updatedAt: ctx.clock.now() } })
    return total
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    const raced = (await ctx.db.collection(REPORT_NOW).where({ _id: statusId(status) }).get()).data as unknown as CounterDoc[]
    return raced[0]?.n ?? total
  }
}

/**
 * Moves one status counter. The first touch of a status creates its doc from a count through the
 * (kind, status) index — which already includes the move that caused it, so nothing is added on
 * top; this seeds the counters on a database that had reports before them. Two first touches at
 * once: the loser increments after all (it may be counted twice once, in a status's lifetime).
 */
async function bumpStatus(ctx: ActionContext, status: ReportStatus, delta: number): Promise<void> {
  const _ = ctx.db.command
  const now = ctx.clock.now()
  const id = statusId(status)
  const inc = () => ctx.db.collection(REPORT_NOW).where({ _id: id }).update({ data: { n: _.inc(delta), updatedAt: now } })
  if ((await inc()).stats.updated === 1) return
  const { total } = await ctx.db.collection('reports').where({ kind: 'report', status }).count()
  try {
    await ctx.db.collection(REPORT_NOW).add({ data: { _id: id, n: total, updatedAt: now } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    await inc()
  }
}

/** The overdue counter's doc exists before any transaction increments it (a transaction cannot add-or-update). */
async function ensureOverdueDoc(ctx: ActionContext): Promise<void> {
  try {
    await ctx.db.collection(REPORT_NOW).add({ data: { _id: OVERDUE_ID, n: 0, updatedAt: ctx.clock.now() } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
  }
}

async function guarded(ctx: ActionContext, what: string, reportId: string, work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
    ctx.log.error(`reportNow.${what} failed`, { reportId, error: String(error) })
  }
}

/** A new report is in its first status (submit). Never throws. */
export function reportEntered(ctx: ActionContext, report: Pick<ReportDoc, '_id' | 'kind' | 'status'>): Promise<void> {
  return guarded(ctx, 'entered', report._id, async () => {
    if (report.kind === 'report') await bumpStatus(ctx, report.status, 1)
  })
}

/**
 * A report moved (its write is committed): `before` is the report as the mover read it, `to` its
 * status now and `at` the instant the move entered the new step. The old status loses one, the new
 * gains one; and if the step it left may have been marked overdue, the mark goes with the step.
 * Never throws.
 */
export function reportMoved(ctx: ActionContext, before: MarkedReport, to: ReportStatus, at: number): Promise<void> {
  return guarded(ctx, 'moved', before._id, async () => {
    const counted = before.kind === 'report' && before.status !== to ? Promise.all([bumpStatus(ctx, before.status, -1), bumpStatus(ctx, to, 1)]) : Promise.resolve()
    // only a step past due when it was left can carry a mark (the timer marks nothing before dueAt)
    const mayBeMarked = before.overdueMarkedAt != null || (before.open && before.dueAt != null && before.dueAt < at)
    await Promise.all([counted, mayBeMarked ? clearOverdue(ctx, before._id) : Promise.resolve()])
  })
}

/**
 * Clears the mark of a step the report has left (or re-timed) and takes it off the counter,
 * together. A mark the timer made for the step the report is in now stays.
 */
async function clearOverdue(ctx: ActionContext, reportId: string): Promise<void> {
  await ensureOverdueDoc(ctx)
  const _ = ctx.db.command
  await ctx.db.runTransaction(async (tx) => {
    const current = (await tx.collection('reports').doc(reportId).get()).data as unknown as MarkedReport
    if (current.overdueMarkedAt == null || markIsCurrent(current)) return
    await tx.collection('reports').doc(reportId).update({ data: { overdueMarkedAt: null, overdueStepAt: null, overdueDueAt: null } })
    await tx.collection(REPORT_NOW).doc(OVERDUE_ID).update({ data: { n: _.inc(-1), updatedAt: ctx.clock.now() } })
  })
}

const PAGE = 100
/** a run's bound: 20 pages is 2,000 reports; the next run (10 minutes on) carries on */
const MAX_PAGES = 20

/**
 * 超时标记 (timer, every 10 minutes): open reports whose step is past `dueAt` and not yet marked,
 * oldest due first, in pages of 100 through `by_open_marked_due`. Each is marked and counted in one
 * transaction that holds only if it is still open, unmarked and on the step the page saw, so a
 * report marked (or moved) no longer matches the query: the query's front is the cursor — a run
 * that stopped after any page continues where it stopped, and a second run finds nothing.
 * Returns how many it marked.
 */
export async function markOverdue(ctx: ActionContext, options: { maxPages?: number } = {}): Promise<number> {
  const _ = ctx.db.command
  const now = ctx.clock.now()
  await ensureOverdueDoc(ctx)
  let marked = 0
  for (let page = 0; page < (options.maxPages ?? MAX_PAGES); page++) {
    const docs = (
      await ctx.db
        .collection('reports')
        .where({ open: true, overdueMarkedAt: null, dueAt: _.lt(now) })
        .orderBy('dueAt', 'asc')
        .limit(PAGE)
        .get()
    ).data as unknown as MarkedReport[]
    for (const seen of docs) {
      const done = await ctx.db.runTransaction(async (tx) => {
        const current = (await tx.collection('reports').doc(seen._id).get()).data as unknown as MarkedReport
        // moved since the page was read (a new step, a new due time), or marked by a run alongside
        if (!current.open || current.overdueMarkedAt != null || current.stepEnteredAt !== seen.stepEnteredAt || current.dueAt == null || current.dueAt >= now) return false
        await tx.collection('reports').doc(seen._id).update({ data: { overdueMarkedAt: now, overdueStepAt: current.stepEnteredAt, overdueDueAt: current.dueAt } })
        await tx.collection(REPORT_NOW).doc(OVERDUE_ID).update({ data: { n: _.inc(1), updatedAt: now } })
        return true
      })
      if (done) marked++
    }
    if (docs.length < PAGE) break
  }
  return marked
}
