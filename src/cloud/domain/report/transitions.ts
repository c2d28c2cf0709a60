import type { NoteVisibility, ReportView } from '@/shared/contract'
import { failCommon, type Fail } from '@/shared/errors'
import {
  CLOSED_STATUSES,
  REOPEN_AT_OR_BELOW,
  TRANSITIONS,
  dueTimeOnEntry,
  findTransition,
  holderOf,
  type RejectReason,
  type SendBackReason,
  type Transition,
  type TransitionAction,
  type TransitionRole,
} from '@/shared/report'
import { findById } from '../../platform/find'
import { earnInTransaction, type Earning } from '../points/earn'
import { loadWorkCalendar } from '../calendar/store'
import { effectiveCategory } from './category-overrides'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import { loadSettings, routeFor } from './city'
import { notifyReopenDecided, notifyTransition } from './notify'
import { reportFail } from './errors'
import { consumeReservations, ReservationTaken } from '../upload/reservations'
import { notesOf } from './notes'
import { checkNote, checkPhotos } from './photos'
import { addConfirmation } from './submit'
import type { ReportDoc, ReportEventDoc, ReopenRequest, UnitDoc } from './types'
import { toView } from './views'
import { recordRating } from '../inspect/ledger'
import { reportOpenChanged } from '../inspect/site-reports'
import { answeredByShop, escalateUnhappy, shopFixStood } from '../frontage/shop-reports'
import { recordTransition } from '../stats/counters'
import { reportMoved } from './now'

/**
 * Every status change goes through `applyTransition`: the caller must hold the transition's role
 * for this very report (the grid worker of its grid, the staff of its unit, its reporter), the
 * (action, from, kind) row must exist in the shared table, and the change and its timeline/audit
 * entry are written together, only if the report is still in the status the check saw.
 */
interface Change {
  action: TransitionAction
  patch: Partial<ReportDoc>
  note?: string | null
  /** 内部备注: the note goes to the staff-only field instead (absent: 对市民可见) */
  noteVisibility?: NoteVisibility
  reason?: string | null
  unitId?: string | null
  score?: number | null
  /** upload reservations of photos this change attaches, consumed with it */
  reservations?: readonly string[]
  /** runs once the change is stored (never when it was not): a write of another area that follows from it */
  afterCommit?: () => Promise<void>
}

/**
 * 门前三包: the change is not this transition at all — the resident's 1–2★ or 「问题未解决」 on a
 * shop's answer hands the report to the grid instead of asking for 重办. Checked like the
 * transition (the caller is the reporter, the report is 已办结), then moved by the frontage code.
 */
interface Diverted {
  divert: () => Promise<ReportView | Fail>
}

/** The role this action needs on a report of this kind (each action belongs to one role). */
function roleFor(action: TransitionAction, report: ReportDoc): TransitionRole | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.kinds.includes(report.kind))?.role
}

/** 重办 requests are decided by the grid worker of the report's grid, or by the office above them. */
const OFFICE_MAY_DECIDE: readonly TransitionAction[] = ['reopen', 'keepClosed']

type Actor = { ok: boolean; scope: string | null; as: ReportEventDoc['actorRole'] }

/** Whether the caller acts as `role` for this report: scope matters, not only the role. */
function actsAs(role: TransitionRole, action: TransitionAction, report: ReportDoc, ctx: ActionContext): Actor {
  switch (role) {
    case 'grid':
      if (hasRole(ctx.grants, 'grid', report.gridId)) return { ok: true, scope: report.gridId, as: 'grid' }
      return { ok: ctx.isAdmin && OFFICE_MAY_DECIDE.includes(action), scope: null, as: 'office' }
    case 'handler':
      return { ok: report.unitId !== null && hasRole(ctx.grants, 'handler', report.unitId), scope: report.unitId, as: 'handler' }
    case 'reporter':
      return { ok: report.reporterOpenid !== null && report.reporterOpenid === ctx.caller.openid, scope: null, as: 'reporter' }
  }
}

type Checked = { report: ReportDoc; transition: Transition; scope: string | null; actorRole: ReportEventDoc['actorRole'] }

/** Loads the report and checks role, scope and the state machine; nothing is written here. */
async function authorize(reportId: string, action: TransitionAction, ctx: ActionContext): Promise<Checked | Fail> {
  const report = await findById<ReportDoc>(ctx.db, 'reports', reportId)
  if (!report) return reportFail('REPORT.NOT_FOUND')
  const role = roleFor(action, report)
  if (!role) return reportFail('REPORT.INVALID_TRANSITION')
  const actor = actsAs(role, action, report, ctx)
  if (!actor.ok) return failCommon('AUTH.FORBIDDEN')
  const transition = findTransition(action, report.status, report.kind)
  if (!transition) return reportFail('REPORT.INVALID_TRANSITION')
  return { report, transition, scope: actor.scope, actorRole: actor.as }
}

const DAY = 24 * 60 * 60 * 1000

/**
 * What entering a status means beyond the status itself: 已办结 opens a fresh rating window (with
 * its one reminder still to send); a closed status starts the retention clock.
 */
async function entryPatch(to: ReportDoc['status'], now: number, ctx: ActionContext): Promise<Partial<ReportDoc>> {
  if (to === 'resolved') {
    const { ratingWindowDays } = await loadSettings(ctx)
    return { ratingDueAt: now + ratingWindowDays * DAY, ratingReminded: false }
  }
  return { ratingDueAt: null, ...(CLOSED_STATUSES.includes(to) ? { closedAt: now } : {}) }
}

/**
 * 文明积分 for the reporter when staff accept a report (派发) or approve a praise; rejection earns
 * nothing. The report as stored in the transaction decides: a reporter who deleted their data has
 * no openid there any more. An anonymous report still earns, since only the server knows who it was.
 */
function earningOf(action: TransitionAction, current: ReportDoc): Earning | null {
  if (!current.reporterOpenid) return null
  const rule = action === 'dispatch' && current.kind === 'report' ? 'report.accepted' : action === 'approve' && current.kind === 'praise' ? 'praise.approved' : null
  return rule ? { openid: current.reporterOpenid, rule, sourceId: `report:${current._id}`, refId: current._id } : null
}

async function applyTransition(checked: Checked, change: Change, ctx: ActionContext): Promise<ReportView | Fail> {
  const { report, transition, scope, actorRole } = checked
  const now = ctx.clock.now()
  // as in force: a step entered now is timed by the office's override of the category's limits
  const category = await effectiveCategory(ctx, report.categoryId)
  // working-day limits count on the stored calendar (cached a minute per instance)
  const dueAt = category ? dueTimeOnEntry(transition.to, category.limits, now, await loadWorkCalendar(ctx)) : null
  const patch: Partial<ReportDoc> = {
    ...(await entryPatch(transition.to, now, ctx)),
    ...change.patch,
    status: transition.to,
    dueAt,
    open: holderOf(transition.to) !== null,
    stepEnteredAt: now,
    updatedAt: now,
  }
  const event: Omit<ReportEventDoc, '_id' | 'seq'> = {
    reportId: report._id,
    action: change.action,
    from: report.status,
    to: transition.to,
    actorRole,
    actorScope: scope,
    actorOpenid: ctx.caller.openid,
    ...notesOf(change.note, change.noteVisibility),
    reason: change.reason ?? null,
    unitId: change.unitId ?? null,
    score: change.score ?? null,
    dueAt,
    at: now,
  }
  const moved = await ctx.db.runTransaction(async (tx) => {
    const current = (await tx.collection('reports').doc(report._id).get()).data as unknown as ReportDoc
    // someone else moved it since we looked: do not apply a decision made on an old state
    if (current.status !== report.status) return false
    const seq = (current.version ?? 0) + 1
    await tx.collection('reports').doc(report._id).update({ data: { ...patch, version: seq } })
    await tx.collection('report_events').add({ data: { ...event, seq } })
    await consumeReservations(tx, change.reservations ?? [], ctx.caller.openid)
    const earning = earningOf(change.action, current)
    // in the transition's own transaction: of concurrent transitions only the one that moves the report earns
    if (earning) await earnInTransaction(tx, ctx.db.command, earning, now)
    return true
  }).catch((error: unknown) => {
    // a photo was attached elsewhere meanwhile: nothing of this change was written
    if (error instanceof ReservationTaken) return 'photo-taken' as const
    throw error
  })
  if (moved === 'photo-taken') return reportFail('REPORT.PHOTO_NOT_YOURS')
  if (!moved) return reportFail('REPORT.STALE')
  if (change.afterCommit) await change.afterCommit()
  const after: ReportDoc = { ...report, ...patch }
  await recordTransition(ctx, report, after, change.action, change.score ?? null, now) // 随手拍统计: catches and logs, never throws
  await reportMoved(ctx, report, transition.to, now) // 随手拍 now (status counters, the overdue mark): logs, never throws
  // 创文督查: a closed (or reopened) report leaves (or rejoins) its 点位's open count; logs, never throws
  if (report.open !== after.open) await reportOpenChanged(ctx, report._id, after.open)
  // 创文督查: a resident's rating of a unit's handling counts in the unit's satisfaction
  if (change.score != null && report.unitId) await recordRating(ctx, report.unitId, change.score, now).catch((error: unknown) => ctx.log.error('inspect.recordRating failed', { reportId: report._id, error: String(error) }))
  if ((change.action === 'reopen' || change.action === 'keepClosed') && report.reporterOpenid) {
    // an internal note is not the reporter's to read, in the app or in a message
    await notifyReopenDecided(ctx, report.reporterOpenid, after, change.action, change.noteVisibility === 'internal' ? null : change.note ?? null)
  }
  await notifyTransition(ctx, report, after, change.action, change) // 订阅消息: a credit per message; logs, never throws
  const viewer = actorRole === 'office' ? 'office' : transition.role
  return toView(after, viewer, ctx)
}

async function run(reportId: string, action: TransitionAction, ctx: ActionContext, decide: (c: Checked) => Promise<Change | Diverted | Fail>): Promise<ReportView | Fail> {
  const checked = await authorize(reportId, action, ctx)
  if ('ok' in checked) return checked
  const change = await decide(checked)
  if ('ok' in change) return change
  if ('divert' in change) return change.divert()
  return applyTransition(checked, change, ctx)
}

type StaffNote = { note?: string; noteVisibility?: NoteVisibility }

export function dispatch(input: { reportId: string; unitId?: string } & StaffNote, ctx: ActionContext) {
  return run(input.reportId, 'dispatch', ctx, async ({ report }) => {
    const unit = input.unitId
      ? await findById<UnitDoc>(ctx.db, 'report_units', input.unitId)
      : await routeFor(ctx, report.categoryId, report.gridId)
    if (!unit) return input.unitId ? reportFail('REPORT.UNIT_NOT_FOUND') : reportFail('REPORT.NO_ROUTE')
    const refused = await checkNote(ctx, input.note)
    if (refused) return refused
    return { action: 'dispatch', patch: { unitId: unit._id }, note: input.note, noteVisibility: input.noteVisibility, unitId: unit._id }
  })
}

export function reject(input: { reportId: string; reason: RejectReason; duplicateOf?: string } & StaffNote, ctx: ActionContext) {
  return run(input.reportId, 'reject', ctx, async ({ report }) => {
    let duplicateOf: string | null = null
    if (input.reason === 'duplicate') {
      const original = input.duplicateOf ? await findById<ReportDoc>(ctx.db, 'reports', input.duplicateOf) : null
      if (!original || original._id === report._id || original.gridId !== report.gridId) return reportFail('REPORT.DUPLICATE_OF_REQUIRED')
      duplicateOf = original._id
      // merged: the duplicate's reporter now counts on, and may follow, the original
      if (report.reporterOpenid && report.reporterOpenid !== original.reporterOpenid) {
        await addConfirmation(ctx, original._id, report.reporterOpenid)
      }
    }
    const refused = await checkNote(ctx, input.note)
    if (refused) return refused
    // the reason (a chip) is always the reporter's to read; only the free note may be internal
    return { action: 'reject', patch: { rejectReason: input.reason, duplicateOf }, note: input.note, noteVisibility: input.noteVisibility, reason: input.reason }
  })
}

export function approve(input: { reportId: string } & StaffNote, ctx: ActionContext) {
  return run(input.reportId, 'approve', ctx, async () => {
    const refused = await checkNote(ctx, input.note)
    if (refused) return refused
    const now = ctx.clock.now()
    return { action: 'approve', patch: { public: true, publishedAt: now }, note: input.note, noteVisibility: input.noteVisibility }
  })
}

export function start(input: { reportId: string } & StaffNote, ctx: ActionContext) {
  return run(input.reportId, 'start', ctx, async () => {
    const refused = await checkNote(ctx, input.note)
    if (refused) return refused
    return { action: 'start', patch: {}, note: input.note, noteVisibility: input.noteVisibility }
  })
}

export function sendBack(input: { reportId: string; reason: SendBackReason; note: string; noteVisibility?: NoteVisibility }, ctx: ActionContext) {
  return run(input.reportId, 'sendBack', ctx, async ({ report }) => {
    const refused = await checkNote(ctx, input.note)
    if (refused) return refused
    // back with the grid: the unit no longer holds it (nor sees it) until it is dispatched again
    return {
      action: 'sendBack',
      patch: { unitId: null, returnCount: report.returnCount + 1 },
      note: input.note,
      noteVisibility: input.noteVisibility,
      reason: input.reason,
    }
  })
}

export function resolve(input: { reportId: string; afterPhotos: string[]; note: string }, ctx: ActionContext) {
  return run(input.reportId, 'resolve', ctx, async () => {
    const checked = await checkPhotos(ctx, input.afterPhotos, true)
    if ('ok' in checked) return checked
    const afterPhotos = checked.photos
    const refused = await checkNote(ctx, input.note)
    if (refused) return refused
    const now = ctx.clock.now()
    return {
      action: 'resolve',
      // a fresh resolution is rated afresh (and asked about afresh: an old 重办 request is only history now); the feed shows it from now
      patch: { afterPhotos, resolutionNote: input.note, resolvedAt: now, rating: null, reopenRequest: null, public: true, publishedAt: now },
      note: input.note,
      reservations: checked.reservations,
    }
  })
}

/**
 * The reporter's say is bounded by the rating window: after it (even before the window job has
 * run) the report is closed to them.
 */
function windowRefusal(report: ReportDoc, now: number): Fail | null {
  return report.ratingDueAt != null && now > report.ratingDueAt ? reportFail('REPORT.WINDOW_CLOSED') : null
}

/**
 * One rating, two outcomes: 3–5 closes the report; 1–2 (with a reason) asks the grid worker for
 * 重办. A rating is given once per resolution: after 维持办结 it stands, and only 「问题未解决」
 * can ask again.
 */
export async function rate(input: { reportId: string; score: number; comment?: string }, ctx: ActionContext): Promise<ReportView | Fail> {
  const unhappy = input.score <= REOPEN_AT_OR_BELOW
  const action: TransitionAction = unhappy ? 'requestReopen' : 'rate'
  return run(input.reportId, action, ctx, async ({ report }) => {
    const now = ctx.clock.now()
    const closed = windowRefusal(report, now)
    if (closed) return closed
    if (report.rating) return reportFail('REPORT.RATING_STANDS')
    if (unhappy && !input.comment) return reportFail('REPORT.REASON_REQUIRED')
    const refused = await checkNote(ctx, input.comment)
    if (refused) return refused
    const rating = { score: input.score, comment: input.comment || null, at: now }
    // 门前三包: the shop's answer is judged here — unhappy sends it to the grid, content counts as fixed
    const shopStage = await answeredByShop(ctx, report)
    if (shopStage && unhappy && input.comment) {
      const reason = input.comment
      return { divert: () => escalateUnhappy(ctx, report, shopStage, { score: input.score, note: reason, reason, photos: [], reservations: [] }) }
    }
    const afterCommit = shopStage ? () => shopFixStood(ctx, report, now) : undefined
    if (!unhappy || !input.comment) return { action, patch: { rating }, note: input.comment, score: input.score, afterCommit }
    const reopenRequest: ReopenRequest = { reason: input.comment, score: input.score, photos: [], at: now }
    return { action, patch: { rating, reopenRequest }, note: input.comment, reason: input.comment, score: input.score }
  })
}

/** 「问题未解决」: the reporter asks for 重办 in words (and perhaps one photo), without rating. */
export function requestReopen(input: { reportId: string; reason: string; photos?: string[] }, ctx: ActionContext) {
  return run(input.reportId, 'requestReopen', ctx, async ({ report }) => {
    const now = ctx.clock.now()
    const closed = windowRefusal(report, now)
    if (closed) return closed
    const refused = await checkNote(ctx, input.reason)
    if (refused) return refused
    // a resident's held photo is kept back with a reason, as on submit, rather than refused
    const checked = await checkPhotos(ctx, input.photos ?? [], false)
    if ('ok' in checked) return checked
    const shopStage = await answeredByShop(ctx, report)
    if (shopStage) {
      const say = { score: null, note: input.reason, reason: input.reason, photos: checked.photos, reservations: checked.reservations }
      return { divert: () => escalateUnhappy(ctx, report, shopStage, say) }
    }
    const reopenRequest: ReopenRequest = { reason: input.reason, score: null, photos: checked.photos, at: now }
    return { action: 'requestReopen', patch: { reopenRequest }, reason: input.reason, reservations: checked.reservations }
  })
}

/** 同意重办: back to the grid's 重办 queue, to be dispatched again; the reporter's reason goes with it. */
export function reopen(input: { reportId: string } & StaffNote, ctx: ActionContext) {
  return run(input.reportId, 'reopen', ctx, async ({ report }) => {
    const refused = await checkNote(ctx, input.note)
    if (refused) return refused
    return {
      action: 'reopen',
      // not a finished case any more: out of the public feed until it is resolved again
      patch: { reopenCount: report.reopenCount + 1, public: false },
      note: input.note,
      noteVisibility: input.noteVisibility,
      reason: report.reopenRequest?.reason ?? null,
    }
  })
}

/** 维持办结: the report stays 已办结 with the grid worker's written reason, which the reporter sees. */
export function keepClosed(input: { reportId: string; note: string }, ctx: ActionContext) {
  return run(input.reportId, 'keepClosed', ctx, async ({ report }) => {
    const refused = await checkNote(ctx, input.note)
    if (refused) return refused
    return {
      action: 'keepClosed',
      patch: { keptClosedCount: (report.keptClosedCount ?? 0) + 1 },
      note: input.note,
      reason: report.reopenRequest?.reason ?? null,
    }
  })
}

/**
 * Deletes the reporter's personal data from a report: the phone and the link to their account.
 * The report stays for the city's records, as an anonymous one no one can trace back.
 */
export async function forget(input: { reportId: string }, ctx: ActionContext): Promise<ReportView | Fail> {
  const report = await findById<ReportDoc>(ctx.db, 'reports', input.reportId)
  if (!report) return reportFail('REPORT.NOT_FOUND')
  if (report.reporterOpenid === null || report.reporterOpenid !== ctx.caller.openid) return failCommon('AUTH.FORBIDDEN')
  const patch = await eraseReporter(report, 'reporter', ctx)
  return toView({ ...report, ...patch }, 'reporter', ctx)
}

/**
 * The one way personal data leaves a report: the reporter's own 删除, and the retention job
 * (`actor: 'system'`) after the report has been closed long enough. Written only while the
 * identity is still there, so a second run (or a race with the reporter) changes nothing.
 * Returns the patch applied, or null when there was nothing left to remove.
 */
export async function eraseReporter(report: ReportDoc, actor: 'reporter' | 'system', ctx: ActionContext): Promise<Partial<ReportDoc> | null> {
  const now = ctx.clock.now()
  const patch: Partial<ReportDoc> = { reporterOpenid: null, contactPhone: null, anonymous: true, identityRemoved: true, updatedAt: now }
  const event: Omit<ReportEventDoc, '_id' | 'seq'> = {
    reportId: report._id,
    action: 'forget',
    from: report.status,
    to: report.status,
    actorRole: actor,
    actorScope: null,
    // the point of forgetting: the entry does not keep who it was either
    actorOpenid: null,
    note: null,
    reason: null,
    unitId: null,
    score: null,
    dueAt: report.dueAt,
    at: now,
  }
  const erased = await ctx.db.runTransaction(async (tx) => {
    const current = (await tx.collection('reports').doc(report._id).get()).data as unknown as ReportDoc
    if (current.identityRemoved) return null
    const seq = (current.version ?? 0) + 1
    await tx.collection('reports').doc(report._id).update({ data: { ...patch, version: seq } })
    await tx.collection('report_events').add({ data: { ...event, seq } })
    return current.reporterOpenid
  })
  if (erased === null) return null
  // the submit and rating entries named them too
  await ctx.db.collection('report_events').where({ reportId: report._id, actorOpenid: erased }).update({ data: { actorOpenid: null } })
  return patch
}
