import { REJECT_REASONS, STATUS_LABEL, type RejectReason, type TransitionAction } from '@/shared/report'
import type { NotifyPurpose } from '@/shared/notify'
import { findById } from '../../platform/find'
import type { Platform } from '../../platform'
import type { ActionContext } from '../../runtime/context'
import { notifyPeople, notifyPerson, type NotifyValues } from '../notify'
import type { ReportDoc, UnitDoc } from './types'
import { categoryNames } from './category-overrides'
import { categoryName, ticketOf } from './views'

/**
 * Subscribe messages about a report, through the one sending module (a credit per message, values
 * cut to the template, an outbox entry, never a throw). Values name the report (ticket number,
 * category, place, unit) and never who reported it: the place is where the problem is, and the
 * handler's message is read by unit staff who must not learn an anonymous reporter.
 */
const DETAIL_PAGE = 'packages/reports/pages/detail/index'
const TASK_PAGE = DETAIL_PAGE

const pageOf = (report: ReportDoc) => `${DETAIL_PAGE}?id=${report._id}`

function toReporter(ctx: Platform, openid: string, purpose: NotifyPurpose, report: ReportDoc, values: NotifyValues) {
  return notifyPerson(ctx, openid, purpose, pageOf(report), values)
}

/** 重办申请结果: what the grid worker decided, with the explanation when it stayed closed. */
export function notifyReopenDecided(ctx: ActionContext, openid: string, report: ReportDoc, action: 'reopen' | 'keepClosed', note: string | null) {
  return toReporter(ctx, openid, 'reopenDecided', report, {
    character_string1: ticketOf(report),
    thing2: categoryName(report.categoryId),
    phrase3: action === 'reopen' ? '同意重办' : '维持办结',
    thing4: action === 'reopen' ? '已退回重新办理' : note ?? STATUS_LABEL.resolved,
  })
}

/** 评价提醒: the window closes at `ratingDueAt`; after that the report closes unrated. */
export function notifyRateReminder(ctx: Platform, openid: string, report: ReportDoc, closesAt: number) {
  return toReporter(ctx, openid, 'rateReminder', report, {
    character_string1: ticketOf(report),
    thing2: categoryName(report.categoryId),
    time3: closesAt,
    thing4: '请评价办理结果，逾期自动办结',
  })
}

async function unitName(ctx: Platform, unitId: string | null): Promise<string> {
  if (!unitId) return '责任单位'
  return (await findById<UnitDoc>(ctx.db, 'report_units', unitId))?.name ?? '责任单位'
}

/** A unit's handlers (a unit has a handful; the read is capped all the same). */
async function handlersOf(ctx: Platform, unitId: string): Promise<string[]> {
  const { data } = await ctx.db.collection('role_grants').where({ role: 'handler', scopeId: unitId }).limit(100).get()
  return data.map((g) => String(g.openid))
}

/**
 * The messages of one stored transition: to the reporter at 受理 (the first dispatch, or a
 * praise approved), 重新派发 (after a unit sent it back), 重新办理 (dispatched after 同意重办),
 * 不予受理 and 办结; to the unit's handlers whenever it is dispatched to them. 重办 decisions
 * keep their own message (notifyReopenDecided). Each send logs and never throws.
 */
export async function notifyTransition(
  ctx: ActionContext,
  before: ReportDoc,
  after: ReportDoc,
  action: TransitionAction,
  change: { note?: string | null; noteVisibility?: string; reason?: string | null },
): Promise<void> {
  try {
    const now = ctx.clock.now()
    const reporter = after.reporterOpenid
    const base = { character_string1: ticketOf(after), thing2: categoryName(after.categoryId, await categoryNames(ctx)) }
    if (action === 'dispatch') {
      const unit = await unitName(ctx, after.unitId)
      if (reporter) {
        if (before.status === 'submitted') {
          await toReporter(ctx, reporter, 'reportAccepted', after, { ...base, phrase3: '已受理', time4: now, thing5: `已派发至${unit}办理` })
        } else if (before.status === 'reopened') {
          await toReporter(ctx, reporter, 'reportReopened', after, { ...base, thing3: `已重新派发${unit}办理`, time4: now })
        } else {
          await toReporter(ctx, reporter, 'reportDispatched', after, { ...base, thing3: unit, time4: now })
        }
      }
      if (after.unitId) {
        await notifyPeople(ctx, await handlersOf(ctx, after.unitId), 'unitDispatched', `${TASK_PAGE}?id=${after._id}`, {
          ...base,
          thing3: after.location.address,
          time4: after.dueAt ?? now,
        })
      }
      return
    }
    if (!reporter) return
    if (action === 'approve') {
      await toReporter(ctx, reporter, 'reportAccepted', after, { ...base, phrase3: '已采纳', time4: now, thing5: '感谢您的文明点赞，已公开展示' })
    } else if (action === 'reject') {
      const reason = REJECT_REASONS[(change.reason ?? 'other') as RejectReason] ?? REJECT_REASONS.other
      await toReporter(ctx, reporter, 'reportRejected', after, { ...base, thing3: reason, time4: now })
    } else if (action === 'resolve') {
      // the handler's words are the reporter's to read on 办结 (the contract refuses an internal note there)
      await toReporter(ctx, reporter, 'reportResolved', after, { ...base, phrase3: '已办结', time4: now, thing5: change.note || '请查看办理结果并评价' })
    }
  } catch (error) {
    ctx.log.error('report notification failed', { action, error: error instanceof Error ? error.name : 'unknown' })
  }
}
