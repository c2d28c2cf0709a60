import type { MyRecordsView, MyRecordView } from '@/shared/contract/volunteer'
import type { ActionContext } from '../../runtime/context'
import { closeEndedShift } from './attendance'
import { C, findMany, type ActivityDoc, type ShiftDoc, type SignupDoc } from './model'
import { findProfile } from './profile'
import { loadSettings } from './settings'
import { waitlistPosition } from './signup'
import { toMyRecordView } from './views'

const PAGE = 20

/**
 * 我的志愿: upcoming (ending from now on, soonest first) or history (ended, latest first), by the
 * (openid, endAt) index. Shifts on the page that have ended are swept first, so a forgotten
 * check-out shows as auto-closed and a missed shift as absent.
 */
export async function myRecords(input: { scope: 'upcoming' | 'history'; page?: number }, ctx: ActionContext): Promise<MyRecordsView> {
  const page = input.page ?? 0
  const now = ctx.clock.now()
  const _ = ctx.db.command
  const upcoming = input.scope === 'upcoming'
  const { data } = await ctx.db
    .collection(C.signups)
    .where({ openid: ctx.caller.openid, endAt: upcoming ? _.gte(now) : _.lt(now) })
    .orderBy('endAt', upcoming ? 'asc' : 'desc')
    .skip(page * PAGE)
    .limit(PAGE + 1)
    .get()
  let signups = data.slice(0, PAGE) as unknown as SignupDoc[]
  const shifts = await findMany<ShiftDoc>(ctx.db, C.shifts, signups.map((s) => s.shiftId))
  const settings = await loadSettings(ctx)
  const sweep = [...shifts.values()].filter((s) => !s.closed && s.status === 'open' && now >= s.endAt)
  if (sweep.length > 0) {
    for (const shift of sweep) await closeEndedShift(ctx, shift, settings)
    const fresh = await findMany<SignupDoc>(ctx.db, C.signups, signups.map((s) => s._id))
    signups = signups.map((s) => fresh.get(s._id) ?? s)
  }
  const activities = await findMany<ActivityDoc>(ctx.db, C.activities, signups.map((s) => s.activityId))
  const items: MyRecordView[] = []
  for (const s of signups) {
    const position = s.state === 'waitlisted' && now < s.startAt ? await waitlistPosition(ctx, s) : null
    items.push(toMyRecordView(s, shifts.get(s.shiftId), activities.get(s.activityId), position))
  }
  const profile = await findProfile(ctx)
  return {
    items,
    nextPage: data.length > PAGE ? page + 1 : null,
    confirmedMinutes: profile?.confirmedMinutes ?? 0,
    confirmedCount: profile?.confirmedCount ?? 0,
  }
}
