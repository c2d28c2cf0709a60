import { CLOSED_STATUSES, type ReportStatus } from '@/shared/report'
import type { ActionContext } from '../../runtime/context'
import { loadSettings } from './city'
import { notifyRateReminder } from './notify'
import { eraseReporter } from './transitions'
import { shopFixStood } from '../frontage/shop-reports'
import { recordWindowClosed } from '../stats/counters'
import { reportMoved } from './now'
import type { ReportDoc, ReportEventDoc } from './types'

/**
 * The report area's clock work. Each job reads a page of 100 through an index, acts on each item
 * with a write that holds only if the item is still as the query saw it, and reads the next page.
 * An item it has handled no longer matches its query, so a page always starts at the work left
 * and a second run finds nothing; a cap on pages bounds one run (the next one carries on).
 */
const PAGE = 100
const MAX_PAGES = 20
const DAY = 24 * 60 * 60 * 1000
/** the reminder goes this long before the rating window closes */
export const RATE_REMINDER_BEFORE_MS = DAY

async function pages(fetch: () => Promise<ReportDoc[]>, handle: (report: ReportDoc) => Promise<void>): Promise<void> {
  for (let page = 0; page < MAX_PAGES; page++) {
    const docs = await fetch()
    for (const report of docs) await handle(report)
    if (docs.length < PAGE) return
  }
}

/** 已办结 reports whose rating window has closed become 已评价 (a rating stood) or 已办结（未评价）. */
export async function closeRatingWindows(ctx: ActionContext): Promise<void> {
  const _ = ctx.db.command
  const now = ctx.clock.now()
  await pages(
    async () =>
      (await ctx.db.collection('reports').where({ status: 'resolved', ratingDueAt: _.lt(now) }).orderBy('ratingDueAt', 'asc').limit(PAGE).get())
        .data as unknown as ReportDoc[],
    async (report) => {
      const to: ReportStatus = report.rating ? 'rated' : 'closed-unrated'
      const closed = await ctx.db.runTransaction(async (tx) => {
        const current = (await tx.collection('reports').doc(report._id).get()).data as unknown as ReportDoc
        // the reporter rated, or asked for 重办, since the page was read: their act wins
        if (current.status !== 'resolved' || current.ratingDueAt == null || current.ratingDueAt >= now) return false
        const seq = (current.version ?? 0) + 1
        const event: Omit<ReportEventDoc, '_id'> = {
          reportId: report._id,
          action: 'closeWindow',
          from: 'resolved',
          to,
          actorRole: 'system',
          actorScope: null,
          actorOpenid: null,
          note: null,
          reason: null,
          unitId: null,
          score: null,
          dueAt: null,
          at: now,
          seq,
        }
        await tx.collection('reports').doc(report._id).update({
          data: { status: to, open: false, dueAt: null, ratingDueAt: null, closedAt: now, stepEnteredAt: now, updatedAt: now, version: seq },
        })
        await tx.collection('report_events').add({ data: event })
        return true
      })
      // 门前三包: nobody said the shop's answer failed, so its fix stood (a 3–5★ rating counts at the rating)
      if (closed && !report.rating) await shopFixStood(ctx, report, now)
      if (closed) await recordWindowClosed(ctx, report, now) // 随手拍统计: catches and logs, never throws
      if (closed) await reportMoved(ctx, report, to, now) // 随手拍 now: logs, never throws
    },
  )
}

/** One reminder per rating window, a day before it closes; the flag is set before sending, so never twice. */
export async function remindRatings(ctx: ActionContext): Promise<void> {
  const _ = ctx.db.command
  const now = ctx.clock.now()
  await pages(
    async () =>
      (
        await ctx.db
          .collection('reports')
          .where({ status: 'resolved', ratingReminded: false, ratingDueAt: _.gte(now).and(_.lte(now + RATE_REMINDER_BEFORE_MS)) })
          .orderBy('ratingDueAt', 'asc')
          .limit(PAGE)
          .get()
      ).data as unknown as ReportDoc[],
    async (report) => {
      const claimed = await ctx.db.runTransaction(async (tx) => {
        const current = (await tx.collection('reports').doc(report._id).get()).data as unknown as ReportDoc
        if (current.status !== 'resolved' || current.ratingReminded !== false || current.ratingDueAt !== report.ratingDueAt) return false
        await tx.collection('reports').doc(report._id).update({ data: { ratingReminded: true } })
        return true
      })
      if (claimed && report.reporterOpenid && report.ratingDueAt != null) await notifyRateReminder(ctx, report.reporterOpenid, report, report.ratingDueAt)
    },
  )
}

/** The reporter's phone and account link go N days after the report closed; the report stays. */
export async function expireContacts(ctx: ActionContext): Promise<void> {
  const _ = ctx.db.command
  const { contactRetentionDays } = await loadSettings(ctx)
  const cutoff = ctx.clock.now() - contactRetentionDays * DAY
  await pages(
    async () =>
      (
        await ctx.db
          .collection('reports')
          .where({ identityRemoved: false, closedAt: _.lte(cutoff) })
          .orderBy('closedAt', 'asc')
          .limit(PAGE)
          .get()
      ).data as unknown as ReportDoc[],
    // closedAt is set only on entry to a closed status, which nothing leaves
    async (report) => void (await eraseReporter(report, 'system', ctx)),
  )
}

/**
 * Reports from before the rating window and the retention clock existed carry neither: without
 * this they would wait for a rating forever and keep their contact data forever. A 已办结 report
 * gets the window it would have had — but never one closing sooner than a day and an hour from
 * now, so the reminder job still reaches its reporter first; a closed report's retention clock
 * starts from its last change, the best record of when it closed. Paged and idempotent like the
 * others: a report it has handled carries the field and no longer matches.
 */
export async function backfillReportClocks(ctx: ActionContext): Promise<void> {
  const _ = ctx.db.command
  const now = ctx.clock.now()
  const { ratingWindowDays } = await loadSettings(ctx)
  const earliest = now + RATE_REMINDER_BEFORE_MS + 60 * 60 * 1000
  await pages(
    async () => (await ctx.db.collection('reports').where({ status: 'resolved', ratingDueAt: _.exists(false) }).limit(PAGE).get()).data as unknown as ReportDoc[],
    async (report) => {
      const ratingDueAt = Math.max((report.resolvedAt ?? report.updatedAt) + ratingWindowDays * DAY, earliest)
      await ctx.db
        .collection('reports')
        .where({ _id: report._id, status: 'resolved', ratingDueAt: _.exists(false) })
        .update({ data: { ratingDueAt, ratingReminded: false } })
    },
  )
  await pages(
    async () =>
      (await ctx.db.collection('reports').where({ status: _.in([...CLOSED_STATUSES]), closedAt: _.exists(false) }).limit(PAGE).get()).data as unknown as ReportDoc[],
    async (report) => {
      await ctx.db.collection('reports').where({ _id: report._id, closedAt: _.exists(false) }).update({ data: { closedAt: report.updatedAt } })
    },
  )
}
