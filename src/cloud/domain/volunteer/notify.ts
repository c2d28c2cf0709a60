import { VOLUNTEER_TEMPLATES } from '@/shared/contract/volunteer'
import type { ActionContext } from '../../runtime/context'
import type { ActivityDoc, ShiftDoc } from './model'
import { shanghaiDateTime, shanghaiTime } from './time'

/**
 * Subscribe messages to volunteers. A message the person did not subscribe to fails at WeChat;
 * that must never undo the change it reports, so failures are logged (without the openid) and
 * swallowed.
 */
export const ACTIVITY_PAGE = 'packages/volunteer/pages/activity/index'

/** WeChat caps `thing` values at 20 characters. */
const thing = (text: string) => ({ value: Array.from(text).slice(0, 20).join('') })

function shiftTime(shift: Pick<ShiftDoc, 'startAt' | 'endAt'>): string {
  return `${shanghaiDateTime(shift.startAt)}-${shanghaiTime(shift.endAt)}`
}

async function send(ctx: ActionContext, touser: string, templateId: string, page: string, data: Record<string, { value: string }>) {
  try {
    await ctx.openApi.sendSubscribeMessage({ touser, templateId, page, data })
  } catch (error) {
    ctx.log.error('subscribe message not sent', { templateId, error: error instanceof Error ? error.name : 'unknown' })
  }
}

export function notifyPromoted(ctx: ActionContext, openid: string, activity: Pick<ActivityDoc, '_id' | 'title'>, shift: ShiftDoc) {
  return send(ctx, openid, VOLUNTEER_TEMPLATES.promoted, `${ACTIVITY_PAGE}?id=${activity._id}`, {
    thing1: thing(activity.title),
    time2: { value: shiftTime(shift) },
    thing3: thing('候补成功，您已获得名额'),
  })
}

export function notifyChanged(
  ctx: ActionContext,
  openid: string,
  activity: Pick<ActivityDoc, '_id' | 'title'>,
  shift: Pick<ShiftDoc, 'startAt' | 'endAt'>,
  note: string,
) {
  return send(ctx, openid, VOLUNTEER_TEMPLATES.changed, `${ACTIVITY_PAGE}?id=${activity._id}`, {
    thing1: thing(activity.title),
    time2: { value: shiftTime(shift) },
    thing3: thing(note),
  })
}
