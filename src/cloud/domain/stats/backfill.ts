import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import type { ReportDoc, ReportEventDoc } from '../report/types'
import { bucketOf, bumpAll, claim, scopesOf } from './counters'

/**
 * Counts the reports stored before the 随手拍 counters existed (counters.ts counts on write, so
 * those never were): a timer job that walks `reports` by _id in pages of 100 and replays each
 * uncounted report's timeline (report_events) into the same day/week/month docs the write path
 * moves — received, dispatched (and the unit's receipt), resolved on time or late with its
 * bucket, ratings, 重办, closed unrated.
 *
 * - Never twice: a report counts here only if it claims its `received:<id>` mark in stats_marks,
 *   the very mark the write path claims on submit. A report submitted since the counters existed
 *   holds it already; a report this job counted holds it from then on.
 * - Only what the write path missed: events at or after `countedBefore` (the job's first run)
 *   were counted on write and are not replayed. (Events of an old report between the counters'
 *   deploy and that first run are the one overlap: run the job with the deploy.)
 * - Resumable: after each page its cursor (the last _id) is stored in one marker doc; a run that
 *   dies half way starts again at the page it was on, where every report it had already claimed
 *   is skipped. The claim comes first, so a crash inside one report can leave that report short,
 *   never doubled. Once a page comes back short the marker says done and later runs stop at once.
 */
export const BACKFILL = { collection: 'stats_backfill', id: 'reports' } as const

const PAGE = 100
/** pages per run: each report is a few dozen counter writes, so a run stays well within a function's time limit */
export const BACKFILL_PAGES_PER_RUN = 5

export interface BackfillMarker {
  _id: string
  /** the last report _id handled; null before the first page */
  after: string | null
  pages: number
  counted: number
  done: boolean
  countedBefore: number
  startedAt: number
  updatedAt: number
}

/** Replays one report's timeline as the write path would have counted it; false when it was counted already. */
async function countReport(ctx: ActionContext, report: ReportDoc, before: number): Promise<boolean> {
  if (!(await claim(ctx, `received:${report._id}`))) return false
  const events: ReportEventDoc[] = []
  for (let seq = 0; ; ) {
    const { data } = await ctx.db
      .collection('report_events')
      .where({ reportId: report._id, seq: ctx.db.command.gt(seq) })
      .orderBy('seq', 'asc')
      .limit(PAGE)
      .get()
    const page = data as unknown as ReportEventDoc[]
    events.push(...page)
    if (page.length < PAGE) break
    seq = page[page.length - 1].seq
  }
  // the report as it stood before each event: its category (a 改类 moves it), unit, step due time, whether rated
  const firstRecategorize = events.find((e) => e.action === 'recategorize')
  let state: ReportDoc = { ...report, categoryId: firstRecategorize?.fromCategoryId ?? report.categoryId, unitId: null, dueAt: null, rating: null }
  let rated = false
  await bumpAll(ctx, scopesOf(state, null), report.createdAt, { received: 1 })
  for (const e of events) {
    if (e.at >= before) break
    if (e.action === 'dispatch') {
      const unitId = e.unitId ?? state.unitId
      await bumpAll(ctx, scopesOf(state, unitId), e.at, { dispatched: 1 })
      if (unitId && (await claim(ctx, `unitReceived:${report._id}:${unitId}`))) await bumpAll(ctx, [['unit', unitId]], e.at, { received: 1 })
      state = { ...state, unitId }
    }
    if (e.action === 'resolve') {
      const onTime = state.dueAt == null || e.at <= state.dueAt
      await bumpAll(ctx, scopesOf(state, state.unitId), e.at, { resolved: 1, resolvedOnTime: onTime ? 1 : 0, [`buckets.${bucketOf(e.at - report.createdAt)}`]: 1 })
    }
    if (e.score != null) {
      await bumpAll(ctx, scopesOf(state, state.unitId), e.at, { ratings: 1, ratingSum: e.score, satisfied: e.score >= 4 ? 1 : 0 })
      rated = true
    }
    if (e.action === 'reopen') await bumpAll(ctx, scopesOf(state, state.unitId), e.at, { reopened: 1 })
    if (e.action === 'closeWindow' && !rated) await bumpAll(ctx, scopesOf(state, state.unitId), e.at, { closedUnrated: 1 })
    if (e.action === 'recategorize' && e.toCategoryId) state = { ...state, categoryId: e.toCategoryId }
    state = { ...state, dueAt: e.dueAt ?? null }
  }
  return true
}

/** One run: up to `maxPages` pages from the stored cursor (tests pass a small number to stop half way). */
export async function backfillCounters(ctx: ActionContext, options: { maxPages?: number } = {}): Promise<BackfillMarker> {
  const now = ctx.clock.now()
  const markers = ctx.db.collection(BACKFILL.collection)
  let marker = await findById<BackfillMarker>(ctx.db, BACKFILL.collection, BACKFILL.id)
  if (!marker) {
    marker = { _id: BACKFILL.id, after: null, pages: 0, counted: 0, done: false, countedBefore: now, startedAt: now, updatedAt: now }
    const { _id, ...fields } = marker
    await markers.doc(_id).set({ data: fields })
  }
  if (marker.done) return marker
  const maxPages = options.maxPages ?? BACKFILL_PAGES_PER_RUN
  for (let run = 0; run < maxPages && !marker.done; run++) {
    const where = marker.after === null ? {} : { _id: ctx.db.command.gt(marker.after) }
    const { data } = await ctx.db.collection('reports').where(where).orderBy('_id', 'asc').limit(PAGE).get()
    const reports = data as unknown as ReportDoc[]
    let counted = 0
    for (const report of reports) {
      if (report.createdAt < marker.countedBefore && (await countReport(ctx, report, marker.countedBefore))) counted++
    }
    marker = {
      ...marker,
      after: reports.length > 0 ? reports[reports.length - 1]._id : marker.after,
      pages: marker.pages + 1,
      counted: marker.counted + counted,
      done: reports.length < PAGE,
      updatedAt: ctx.clock.now(),
    }
    const { _id, ...fields } = marker
    await markers.doc(_id).set({ data: fields })
  }
  return marker
}
