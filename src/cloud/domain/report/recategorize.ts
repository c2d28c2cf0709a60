import type { ReportView } from '@/shared/contract'
import { failCommon, type Fail } from '@/shared/errors'
import { OPEN_STATUSES, categoryOf, dueTimeOnEntry, type CategoryId, type ReportStatus } from '@/shared/report'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import { loadWorkCalendar } from '../calendar/store'
import { routeFor } from './city'
import { reportFail } from './errors'
import { effectiveCategory } from './category-overrides'
import { checkNote } from './photos'
import { mayRecategorize } from './recategorize-rule'
import type { ReportDoc, ReportEventDoc } from './types'
import { toView } from './views'
import { reportMoved } from './now'

type Actor = { as: 'grid' | 'office'; scope: string | null }

function actorFor(report: ReportDoc, ctx: ActionContext): Actor | null {
  // the office first: an admin who is also this grid's worker keeps the wider right
  if (ctx.isAdmin) return { as: 'office', scope: null }
  if (hasRole(ctx.grants, 'grid', report.gridId)) return { as: 'grid', scope: report.gridId }
  return null
}

/**
 * 更改类别: a wrong category used to mean 不予受理 and asking the resident to report again. The
 * category, the unit the routing now picks (when a unit already holds it), the current step's due
 * time and the timeline entry change together, and only if nobody moved the report meanwhile.
 */
export async function recategorize(
  input: { reportId: string; categoryId: CategoryId; reason: string },
  ctx: ActionContext,
): Promise<ReportView | Fail> {
  const report = await findById<ReportDoc>(ctx.db, 'reports', input.reportId)
  if (!report) return reportFail('REPORT.NOT_FOUND')
  const actor = actorFor(report, ctx)
  if (!actor) return failCommon('AUTH.FORBIDDEN')
  // 已办结 counts as done here: what was resolved is judged by the reporter, not re-filed
  if (!OPEN_STATUSES.includes(report.status)) {
    return reportFail('REPORT.NOT_RECATEGORIZABLE', '该问题已办结或已关闭，不能再更改类别')
  }
  if (!mayRecategorize(report.status, actor.as)) {
    return reportFail('REPORT.NOT_RECATEGORIZABLE', '该问题已派发，网格员只能在待受理或退回时更改类别；如需更改请联系文明办')
  }
  const from = categoryOf(report.categoryId)
  const to = categoryOf(input.categoryId)
  // the schema only admits known ids; a stored id no longer in the list is a bug, not a user error
  if (!to) throw new Error(`unknown category ${input.categoryId}`)
  if (report.categoryId === to.id) return reportFail('REPORT.SAME_CATEGORY')
  // praise goes to the public square after review, a report to a unit: one cannot become the other
  if (to.kind !== report.kind) return reportFail('REPORT.CATEGORY_KIND_MISMATCH')
  const refused = await checkNote(ctx, input.reason)
  if (refused) return refused

  // routing runs again; it only moves the report when a unit already holds it (before dispatch the
  // grid worker's 派发 picks the unit, and the view's suggestion follows the category by itself)
  let unitId = report.unitId
  if (report.unitId !== null) {
    const unit = await routeFor(ctx, to.id, report.gridId)
    if (!unit) return reportFail('REPORT.NO_ROUTE', '新类别在本网格还没有配置责任单位，请先设置派发规则')
    unitId = unit._id
  }
  const now = ctx.clock.now()
  const unitChanged = unitId !== report.unitId
  // a new unit has not started anything: it signs for the report afresh, on a fresh 签收 clock
  const status: ReportStatus = unitChanged && report.status === 'processing' ? 'dispatched' : report.status
  const stepEnteredAt = status === report.status ? report.stepEnteredAt : now
  // the new category's limits as in force (the office may have overridden them)
  const dueAt = dueTimeOnEntry(status, (await effectiveCategory(ctx, to.id))?.limits ?? to.limits, stepEnteredAt, await loadWorkCalendar(ctx))
  const patch: Partial<ReportDoc> = { categoryId: to.id, unitId, status, stepEnteredAt, dueAt, updatedAt: now }
  const event: Omit<ReportEventDoc, '_id' | 'seq'> = {
    reportId: report._id,
    action: 'recategorize',
    from: report.status,
    to: status,
    actorRole: actor.as,
    actorScope: actor.scope,
    actorOpenid: ctx.caller.openid,
    note: null,
    reason: input.reason,
    unitId: unitChanged ? unitId : null,
    score: null,
    dueAt,
    fromCategoryId: from?.id ?? report.categoryId,
    toCategoryId: to.id,
    at: now,
  }
  const written = await ctx.db.runTransaction(async (tx) => {
    const current = (await tx.collection('reports').doc(report._id).get()).data as unknown as ReportDoc
    // decided on what the caller saw: a step or another correction since then voids it
    if (current.status !== report.status || current.categoryId !== report.categoryId || current.unitId !== report.unitId) return false
    const seq = (current.version ?? 0) + 1
    await tx.collection('reports').doc(report._id).update({ data: { ...patch, version: seq } })
    await tx.collection('report_events').add({ data: { ...event, seq } })
    return true
  })
  if (!written) return reportFail('REPORT.STALE')
  // 随手拍 now: a re-timed step loses its overdue mark (the timer marks it again if still past due); logs, never throws
  await reportMoved(ctx, report, status, now)
  return toView({ ...report, ...patch }, actor.as, ctx)
}
