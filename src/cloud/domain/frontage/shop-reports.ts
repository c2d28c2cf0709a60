import type { ReportView, ShopReportItem } from '@/shared/contract'
import { DEFAULT_SHOP_LIMIT, FRONTAGE_LIMITS } from '@/shared/frontage'
import type { Fail } from '@/shared/errors'
import { categoryOf, dueAfter, dueTimeOnEntry } from '@/shared/report'
import type { Transaction } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { loadWorkCalendar } from '../calendar/store'
import { reportOpenChanged } from '../inspect/site-reports'
import { loadSettings } from '../report/city'
import { reportFail } from '../report/errors'
import { keysetPage } from '../report/paging'
import type { ReportDoc, ReportEventDoc, ReopenRequest, StoredPhoto } from '../report/types'
import { categoryNames } from '../report/category-overrides'
import { categoryName, toView, urlsOf } from '../report/views'
import { claimFail, claimUploads, consumeReservations, ReservationTaken } from '../upload/reservations'
import { loadShopRules, recordShopReport } from './ledger'
import { frontageFail, M, type In, type Out, type ShopDoc, type ShopReportDoc } from './model'
import { ownsShop, shopFor } from './registry'
import { reportMoved } from '../report/now'

/**
 * 门前三包: a 随手拍 on a shop's frontage, in a category its 责任书 covers, goes to the shop first.
 * The report is 门店处理中 (at-shop) in its grid — the grid worker sees it but has no action on it —
 * and `frontage_shop_reports` (one per report, _id = report id) holds the shop's stage: waiting →
 * answered (the shop's after-photo resolves the report, as a unit's 办结 would) or escalated (the
 * shop's limit passed, or the resident was unhappy with the answer: the report goes to the grid
 * as 待受理, and the escalation counts against the shop). The report and the stage change in one
 * transaction each time, guarded on both, so a racing answer and timer cannot both win.
 */

const DAY = 24 * 60 * 60 * 1000
const PAGE = 100
const MAX_PAGES = 20

/** What the timeline says when the report leaves the shop for the grid. */
export const ESCALATION_LABEL = {
  timeout: '门店未在时限内处理，已转网格员受理',
  unhappy: '市民对门店处理不满意，已转网格员受理',
} as const

// ---- routing at submit ----

export interface ShopRouting {
  shopId: string
  shopDueAt: number
}

/**
 * A new report's routing to `shop` (placeOf's `toShop`: an active shop's frontage, a category its
 * 责任书 covers), with the shop's due time: the office's limit in working hours, counted on the
 * stored calendar as a 随手拍 step limit is.
 */
export async function shopFirst(ctx: ActionContext, shop: Pick<ShopDoc, '_id' | 'status'>, now: number): Promise<ShopRouting | null> {
  // placeOf finds active shops only; a shop closed since is not one to wait for
  if (shop.status !== 'active') return null
  const { limitHours } = await loadShopRules(ctx)
  const shopDueAt = dueAfter({ amount: limitHours, unit: 'hours', officeHours: DEFAULT_SHOP_LIMIT.officeHours }, now, await loadWorkCalendar(ctx))
  return { shopId: shop._id, shopDueAt }
}

/** In the report's own transaction: the shop's stage of it, and the shop's waiting count. */
export async function openShopReport(tx: Transaction, ctx: ActionContext, report: ReportDoc, routing: ShopRouting): Promise<void> {
  const doc: ShopReportDoc = {
    _id: report._id,
    shopId: routing.shopId,
    categoryId: report.categoryId,
    stage: 'waiting',
    createdAt: report.createdAt,
    shopDueAt: routing.shopDueAt,
    answeredAt: null,
    escalatedAt: null,
    escalation: null,
    fixedInTime: null,
  }
  await tx.collection(M.shopReports).add({ data: { ...doc } })
  await tx.collection(M.shops).doc(routing.shopId).update({ data: { waitingReports: ctx.db.command.inc(1) } })
}

// ---- the shop's list and answer ----

const readDoc = async <T>(tx: Transaction, collection: string, id: string) => (await tx.collection(collection).doc(id).get()).data as unknown as T

async function toItems(ctx: ActionContext, stages: ShopReportDoc[]): Promise<ShopReportItem[]> {
  const now = ctx.clock.now()
  // one read for the page (at most FRONTAGE_LIMITS.pageSize ids)
  const { data } = stages.length
    ? await ctx.db.collection('reports').where({ _id: ctx.db.command.in(stages.map((s) => s._id)) }).limit(100).get()
    : { data: [] }
  const reports = new Map((data as unknown as ReportDoc[]).map((r) => [r._id, r]))
  // only photos that passed the content check: a held one is its reporter's alone
  const passing = (id: string) => (reports.get(id)?.photos ?? []).filter((p) => p.pass).map((p) => p.fileId)
  const [urls, names] = await Promise.all([urlsOf(ctx, stages.flatMap((s) => passing(s._id))), categoryNames(ctx)])
  return stages.map((s) => {
    const r = reports.get(s._id)
    return {
      reportId: s._id,
      categoryName: categoryName(s.categoryId, names),
      // never who reported it or how to reach them: the shop sees the problem, not the neighbour
      description: r && r.descriptionCheck.pass ? r.description : '',
      photos: passing(s._id).map((f) => urls.get(f) ?? '').filter((u) => u !== ''),
      createdAt: s.createdAt,
      shopDueAt: s.shopDueAt,
      stage: s.stage,
      overdue: s.stage === 'waiting' && now > s.shopDueAt,
    }
  })
}

/** 门前的随手拍 of one shop: its owner and staff, its street office, the office; newest first. */
export async function shopReports(input: In<'shopReports'>, ctx: ActionContext): Out<'shopReports'> {
  const found = await shopFor(ctx, input.shopId)
  if ('ok' in found) return found
  const page = await keysetPage<ShopReportDoc>(ctx.db, {
    collection: M.shopReports,
    // by_shop_stage with a stage, by_shop_created without
    where: input.stage ? { shopId: input.shopId, stage: input.stage } : { shopId: input.shopId },
    field: 'createdAt',
    order: 'desc',
    pageSize: FRONTAGE_LIMITS.pageSize,
    cursor: input.cursor,
  })
  return { items: await toItems(ctx, page.docs), nextCursor: page.next }
}

/** The shop's after-photos: reserved by the caller in the frontage area, images, passing the check. */
async function checkAnswerPhotos(ctx: ActionContext, fileIds: string[]): Promise<{ photos: StoredPhoto[]; reservations: readonly string[] } | Fail> {
  const unique = [...new Set(fileIds)]
  const claim = await claimUploads(ctx, 'frontage', unique)
  if (claim === 'not-yours' || claim === 'not-found') return frontageFail('FRONTAGE.PHOTO_NOT_YOURS')
  if (claim === 'wrong-type') return claimFail(claim)
  const photos: StoredPhoto[] = []
  for (const fileId of unique) {
    const verdict = await ctx.openApi.checkImage({ fileID: fileId })
    // the shop retakes a photo the check holds: its answer is shown to the resident and the public
    if (!verdict.pass) return frontageFail('FRONTAGE.PHOTO_REJECTED')
    photos.push({ fileId, pass: true, label: null })
  }
  return { photos, reservations: claim.reservations }
}

/**
 * The shop answers: the report becomes 已办结 exactly as a unit's 办结 makes it (after-photos,
 * note, the resident's rating window, in the public feed), by 「门店」 on the timeline — the
 * owner's or staff's name is never shown; their openid stays on the entry for the office's audit.
 */
export async function answerReport(input: In<'answerReport'>, ctx: ActionContext): Out<'answerReport'> {
  const report = await findById<ReportDoc>(ctx.db, 'reports', input.reportId)
  // another shop's report is, to this shop, one that is not at its door
  if (!report || !report.shopId || !ownsShop(ctx, report.shopId)) return frontageFail('FRONTAGE.REPORT_NOT_FOUND')
  const stage = await findById<ShopReportDoc>(ctx.db, M.shopReports, report._id)
  if (!stage || stage.stage !== 'waiting' || report.status !== 'at-shop') return frontageFail('FRONTAGE.REPORT_NOT_WAITING')
  const checked = await checkAnswerPhotos(ctx, input.photos)
  if ('ok' in checked) return checked
  const verdict = await ctx.openApi.checkText({ openid: ctx.caller.openid, content: input.note, scene: 'comment' })
  if (!verdict.pass) return frontageFail('FRONTAGE.NOTE_REJECTED')

  const now = ctx.clock.now()
  const { ratingWindowDays } = await loadSettings(ctx)
  const fixedInTime = now <= stage.shopDueAt
  const patch: Partial<ReportDoc> = {
    status: 'resolved',
    afterPhotos: checked.photos,
    resolutionNote: input.note,
    resolvedAt: now,
    rating: null,
    reopenRequest: null,
    public: true,
    publishedAt: now,
    ratingDueAt: now + ratingWindowDays * DAY,
    ratingReminded: false,
    dueAt: null,
    open: false,
    stepEnteredAt: now,
    updatedAt: now,
  }
  const stagePatch: Partial<ShopReportDoc> = { stage: 'answered', answeredAt: now, fixedInTime }
  const moved = await ctx.db
    .runTransaction(async (tx) => {
      const current = await readDoc<ReportDoc>(tx, 'reports', report._id)
      const currentStage = await readDoc<ShopReportDoc>(tx, M.shopReports, report._id)
      // the timer handed it to the grid since we looked: the grid has it now
      if (current.status !== 'at-shop' || currentStage.stage !== 'waiting') return false
      const seq = (current.version ?? 0) + 1
      const event: Omit<ReportEventDoc, '_id'> = {
        reportId: report._id,
        action: 'shopAnswer',
        from: 'at-shop',
        to: 'resolved',
        actorRole: 'shop',
        actorScope: stage.shopId,
        actorOpenid: ctx.caller.openid,
        note: input.note,
        reason: null,
        unitId: null,
        score: null,
        dueAt: null,
        at: now,
        seq,
      }
      await tx.collection('reports').doc(report._id).update({ data: { ...patch, version: seq } })
      await tx.collection('report_events').add({ data: event })
      await tx.collection(M.shopReports).doc(report._id).update({ data: stagePatch })
      await tx.collection(M.shops).doc(stage.shopId).update({ data: { waitingReports: ctx.db.command.inc(-1) } })
      await consumeReservations(tx, checked.reservations, ctx.caller.openid)
      return true
    })
    .catch((error: unknown) => {
      // a photo was attached elsewhere meanwhile: nothing of the answer was written
      if (error instanceof ReservationTaken) return 'photo-taken' as const
      throw error
    })
  if (moved === 'photo-taken') return frontageFail('FRONTAGE.PHOTO_NOT_YOURS')
  if (!moved) return frontageFail('FRONTAGE.REPORT_NOT_WAITING')
  await reportMoved(ctx, report, 'resolved', now) // 随手拍 now: logs, never throws
  // 创文督查: a resolved report leaves its 点位's open count; logs, never throws
  await reportOpenChanged(ctx, report._id, false)
  // 已办结 sends no subscribe message today (a unit's 办结 sends none either): the reporter finds it in 我的随手拍
  const [item] = await toItems(ctx, [{ ...stage, ...stagePatch }])
  return item
}

// ---- escalation: the shop's limit passed, or the resident was unhappy ----

/** The ledger's write comes after the move; a failure there is logged and never undoes the move. */
async function countAgainstShop(ctx: ActionContext, shopId: string, event: 'fixed' | 'escalated', at: number, fixedInTime: boolean): Promise<void> {
  await recordShopReport(ctx, shopId, event, at, fixedInTime).catch((error: unknown) =>
    ctx.log.error('frontage.recordShopReport failed', { shopId, event, error: String(error) }),
  )
}

interface Escalation {
  how: 'timeout' | 'unhappy'
  from: 'at-shop' | 'resolved'
  stage: 'waiting' | 'answered'
  actor: Pick<ReportEventDoc, 'actorRole' | 'actorOpenid'>
  note: string | null
  score: number | null
  /** the unhappy resident's words and photo, for the grid worker who now has it */
  reopenRequest: ReopenRequest | null
  reservations: readonly string[]
}

/**
 * Moves the report to the grid as 待受理 with its normal 受理 time from now, and closes the shop's
 * stage as escalated — only if both are still as `e` expects, so a second run (or a race with the
 * shop's answer) changes nothing. Returns the report as stored after, or null when nothing moved.
 */
async function escalate(ctx: ActionContext, reportId: string, e: Escalation): Promise<ReportDoc | null | 'photo-taken'> {
  const now = ctx.clock.now()
  const calendar = await loadWorkCalendar(ctx)
  let before: ReportDoc | null = null
  const after = await ctx.db
    .runTransaction(async (tx) => {
      const current = await readDoc<ReportDoc>(tx, 'reports', reportId)
      const stage = await readDoc<ShopReportDoc>(tx, M.shopReports, reportId)
      if (current.status !== e.from || stage.stage !== e.stage) return null
      before = current
      const category = categoryOf(current.categoryId)
      const dueAt = category ? dueTimeOnEntry('submitted', category.limits, now, calendar) : null
      const seq = (current.version ?? 0) + 1
      const patch: Partial<ReportDoc> = {
        status: 'submitted',
        dueAt,
        open: true,
        stepEnteredAt: now,
        updatedAt: now,
        ratingDueAt: null,
        // the shop's answer did not stand: the report is no finished case, nor in the public feed,
        // until a unit resolves it (the shop's note stays on the timeline)
        ...(e.from === 'resolved'
          ? { afterPhotos: [], resolutionNote: null, resolvedAt: null, rating: null, public: false, publishedAt: null, reopenRequest: e.reopenRequest }
          : {}),
      }
      const event: Omit<ReportEventDoc, '_id'> = {
        reportId,
        action: 'shopEscalate',
        from: e.from,
        to: 'submitted',
        ...e.actor,
        actorScope: null,
        note: e.note,
        reason: e.how,
        unitId: null,
        score: e.score,
        dueAt,
        at: now,
        seq,
      }
      await tx.collection('reports').doc(reportId).update({ data: { ...patch, version: seq } })
      await tx.collection('report_events').add({ data: event })
      const stagePatch: Partial<ShopReportDoc> = { stage: 'escalated', escalation: e.how, escalatedAt: now, fixedInTime: false }
      await tx.collection(M.shopReports).doc(reportId).update({ data: stagePatch })
      // an answered report left the waiting count when it was answered
      if (e.stage === 'waiting') await tx.collection(M.shops).doc(stage.shopId).update({ data: { waitingReports: ctx.db.command.inc(-1) } })
      await consumeReservations(tx, e.reservations, ctx.caller.openid)
      return { ...current, ...patch, version: seq }
    })
    .catch((error: unknown) => {
      if (error instanceof ReservationTaken) return 'photo-taken' as const
      throw error
    })
  // 随手拍 now (status counters, the overdue mark of the shop's step): logs, never throws
  if (after && after !== 'photo-taken' && before) await reportMoved(ctx, before, 'submitted', now)
  return after
}

/**
 * The clock: every waiting report past its shop's due time goes to the grid worker. Paged by 100
 * over by_stage_due; an escalated one no longer matches, so a page starts at the work left and a
 * second run finds nothing; a cap on pages bounds one run (the next carries on).
 */
export async function escalateShopReports(ctx: ActionContext): Promise<void> {
  const _ = ctx.db.command
  const now = ctx.clock.now()
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data } = await ctx.db.collection(M.shopReports).where({ stage: 'waiting', shopDueAt: _.lt(now) }).orderBy('shopDueAt', 'asc').limit(PAGE).get()
    const due = data as unknown as ShopReportDoc[]
    let moved = 0
    for (const stage of due) {
      const after = await escalate(ctx, stage._id, {
        how: 'timeout',
        from: 'at-shop',
        stage: 'waiting',
        actor: { actorRole: 'system', actorOpenid: null },
        note: null,
        score: null,
        reopenRequest: null,
        reservations: [],
      })
      if (after && after !== 'photo-taken') {
        moved++
        await countAgainstShop(ctx, stage.shopId, 'escalated', now, false)
      }
    }
    // a page where nothing moved would be read again unchanged: stop rather than spin
    if (due.length < PAGE || moved === 0) return
  }
}

/** The shop's answer to this report, when the report is 已办结 by it and still waiting for the resident's say. */
export async function answeredByShop(ctx: ActionContext, report: ReportDoc): Promise<ShopReportDoc | null> {
  if (!report.shopId || report.status !== 'resolved') return null
  const stage = await findById<ShopReportDoc>(ctx.db, M.shopReports, report._id)
  return stage && stage.stage === 'answered' ? stage : null
}

/**
 * The resident is unhappy with the shop's answer (1–2★, or 「问题未解决」): instead of asking for
 * 重办 (there is no unit to redo anything) the report goes to the grid worker as 待受理, with the
 * resident's reason as the request the grid worker reads; the rating is not kept, so the resident
 * rates the unit's resolution afresh. The caller has checked the resident's right and words.
 */
export async function escalateUnhappy(
  ctx: ActionContext,
  report: ReportDoc,
  stage: ShopReportDoc,
  say: { score: number | null; note: string | null; reason: string; photos: StoredPhoto[]; reservations: readonly string[] },
): Promise<ReportView | Fail> {
  const now = ctx.clock.now()
  const after = await escalate(ctx, report._id, {
    how: 'unhappy',
    from: 'resolved',
    stage: 'answered',
    actor: { actorRole: 'reporter', actorOpenid: ctx.caller.openid },
    note: say.note,
    score: say.score,
    reopenRequest: { reason: say.reason, score: say.score, photos: say.photos, at: now },
    reservations: say.reservations,
  })
  if (after === 'photo-taken') return reportFail('REPORT.PHOTO_NOT_YOURS')
  if (!after) return reportFail('REPORT.STALE')
  await reportOpenChanged(ctx, report._id, true)
  await countAgainstShop(ctx, stage.shopId, 'escalated', now, false)
  return toView(after, 'reporter', ctx)
}

/** The shop's fix stood (a 3–5★ rating, or the rating window closed without one): it counts as fixed. */
export async function shopFixStood(ctx: ActionContext, report: Pick<ReportDoc, '_id' | 'shopId'>, at: number): Promise<void> {
  if (!report.shopId) return
  const stage = await findById<ShopReportDoc>(ctx.db, M.shopReports, report._id)
  if (!stage || stage.stage !== 'answered') return
  await countAgainstShop(ctx, stage.shopId, 'fixed', at, stage.fixedInTime === true)
}
