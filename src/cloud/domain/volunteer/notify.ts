import type { Platform } from '../../platform'
import { notifyPerson } from '../notify'
import type { ActivityDoc, ShiftDoc } from './model'

/**
 * Subscribe messages to volunteers, through the one sending module: each spends one of the
 * person's credits for its purpose (or is recorded as skipped), and none ever fails the change it
 * reports.
 */
export const ACTIVITY_PAGE = 'packages/volunteer/pages/activity/index'

type ActivityRef = Pick<ActivityDoc, '_id' | 'title'>
type ShiftTimes = Pick<ShiftDoc, 'startAt' | 'endAt'>

const pageOf = (activity: ActivityRef) => `${ACTIVITY_PAGE}?id=${activity._id}`
const period = (shift: ShiftTimes) => ({ from: shift.startAt, to: shift.endAt })

/** 候补成功: a waitlisted volunteer got a place. */
export async function notifyPromoted(ctx: Platform, openid: string, activity: ActivityRef, shift: ShiftTimes): Promise<void> {
  await notifyPerson(ctx, openid, 'waitlistPromoted', pageOf(activity), {
    thing1: activity.title,
    time2: period(shift),
    thing3: '候补成功，您已获得名额',
  })
}

/** 活动变更: the shift moved, or the activity's place changed. */
export async function notifyChanged(ctx: Platform, openid: string, activity: ActivityRef, shift: ShiftTimes, note: string): Promise<void> {
  await notifyPerson(ctx, openid, 'shiftChanged', pageOf(activity), {
    thing1: activity.title,
    time2: period(shift),
    thing3: note,
  })
}

/** 活动取消: the organizer cancelled the shift (or its activity), with the reason they gave. */
export async function notifyCancelled(ctx: Platform, openid: string, activity: ActivityRef, shift: ShiftTimes, reason: string): Promise<void> {
  await notifyPerson(ctx, openid, 'shiftCancelled', pageOf(activity), {
    thing1: activity.title,
    time2: period(shift),
    thing3: reason,
  })
}

/** 活动开始提醒: an hour before the shift, to each volunteer holding a place. */
export async function notifyReminder(ctx: Platform, openid: string, activity: Pick<ActivityDoc, '_id' | 'title' | 'place'>, shift: ShiftTimes): Promise<void> {
  await notifyPerson(ctx, openid, 'shiftReminder', pageOf(activity), {
    thing1: activity.title,
    time2: period(shift),
    thing3: activity.place.name,
    thing4: '请提前到达，出示签到码签到',
  })
}
