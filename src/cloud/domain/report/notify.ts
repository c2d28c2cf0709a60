import { REPORT_TEMPLATES } from '@/shared/contract/report'
import { STATUS_LABEL } from '@/shared/report'
import type { ActionContext } from '../../runtime/context'
import type { ReportDoc } from './types'
import { categoryName, shortNo } from './views'

/**
 * Subscribe messages to reporters. A message the person did not subscribe to fails at WeChat;
 * that must never undo the change it reports, so failures are logged (without the openid) and
 * swallowed, as in the volunteer area.
 */
const DETAIL_PAGE = 'packages/reports/pages/detail/index'

/** WeChat caps `thing` values at 20 characters. */
const thing = (text: string) => ({ value: Array.from(text).slice(0, 20).join('') })

/** Shanghai wall-clock time (UTC+8) as WeChat's `time` values want it. */
function shanghaiTime(ms: number): string {
  return new Date(ms + 8 * 60 * 60 * 1000).toISOString().slice(0, 16).replace('T', ' ')
}

async function send(ctx: ActionContext, touser: string, templateId: string, report: ReportDoc, data: Record<string, { value: string }>) {
  try {
    await ctx.openApi.sendSubscribeMessage({ touser, templateId, page: `${DETAIL_PAGE}?id=${report._id}`, data })
  } catch (error) {
    ctx.log.error('subscribe message not sent', { templateId, error: error instanceof Error ? error.name : 'unknown' })
  }
}

/** 重办申请结果: what the grid worker decided, with the explanation when it stayed closed. */
export function notifyReopenDecided(ctx: ActionContext, openid: string, report: ReportDoc, action: 'reopen' | 'keepClosed', note: string | null) {
  return send(ctx, openid, REPORT_TEMPLATES.reopenDecided, report, {
    character_string1: { value: report.ticketNo ?? shortNo(report._id) },
    thing2: thing(categoryName(report.categoryId)),
    phrase3: { value: action === 'reopen' ? '同意重办' : '维持办结' },
    thing4: thing(action === 'reopen' ? '已退回重新办理' : note ?? STATUS_LABEL.resolved),
  })
}

/** 评价提醒: the window closes at `ratingDueAt`; after that the report closes unrated. */
export function notifyRateReminder(ctx: ActionContext, openid: string, report: ReportDoc, closesAt: number) {
  return send(ctx, openid, REPORT_TEMPLATES.rateReminder, report, {
    character_string1: { value: report.ticketNo ?? shortNo(report._id) },
    thing2: thing(categoryName(report.categoryId)),
    time3: { value: shanghaiTime(closesAt) },
    thing4: thing('请评价办理结果，逾期自动办结'),
  })
}
