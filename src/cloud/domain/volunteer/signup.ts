import type { CancelResultView, SignupResultView } from '@/shared/contract/volunteer'
import type { Fail } from '@/shared/errors'
import type { ActionContext } from '../../runtime/context'
import { overlaps, type Interval } from './hours'
import {
  ACTIVE_STATES,
  C,
  CREDITED_STATES,
  findDoc,
  newSignupId,
  nextQueueKey,
  vFail,
  type ActivityDoc,
  type ShiftDoc,
  type SignupDoc,
} from './model'
import { notifyPromoted } from './notify'
import { findProfile, withPersonLock } from './profile'
import { loadSettings } from './settings'

/** No shift is longer than this, so anything overlapping [start, end) ends before end + this. */
const LONGEST_SHIFT_MS = 12 * 3600_000

interface LoggedRequest {
  _id: string
  result: SignupResultView
}

const requestKey = (openid: string, requestId: string) => `volunteer.signUp__${openid}__${requestId}`

export function findShift(ctx: ActionContext, shiftId: string): Promise<ShiftDoc | null> {
  return findDoc<ShiftDoc>(ctx.db, C.shifts, shiftId)
}

/** The person's signup for a shift, if any (there is at most one: sign-ups run under the person lock). */
export async function signupFor(ctx: ActionContext, shiftId: string, openid: string): Promise<SignupDoc | null> {
  const { data } = await ctx.db.collection(C.signups).where({ shiftId, openid }).orderBy('queueKey', 'desc').limit(1).get()
  return (data[0] as unknown as SignupDoc | undefined) ?? null
}

/** The person's signups whose time could overlap [from, to): bounded by the longest shift. */
export async function signupsAround(ctx: ActionContext, openid: string, span: Interval): Promise<SignupDoc[]> {
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection(C.signups)
    .where({ openid, endAt: _.gt(span.from).and(_.lt(span.to + LONGEST_SHIFT_MS)) })
    .orderBy('endAt', 'asc')
    .limit(100)
    .get()
  return (data as unknown as SignupDoc[]).filter((s) => s.startAt < span.to)
}

/** Periods already credited to the person in that time, on records other than `exceptId`. */
export async function otherCreditedPeriods(ctx: ActionContext, openid: string, span: Interval, exceptId: string): Promise<Interval[]> {
  const around = await signupsAround(ctx, openid, span)
  return around.filter((s) => s._id !== exceptId && CREDITED_STATES.includes(s.state)).flatMap((s) => s.periods)
}

export async function waitlistPosition(ctx: ActionContext, signup: SignupDoc): Promise<number> {
  const { total } = await ctx.db
    .collection(C.signups)
    .where({ shiftId: signup.shiftId, state: 'waitlisted', queueKey: ctx.db.command.lt(signup.queueKey) })
    .count()
  return total + 1
}

/**
 * Sign up for a shift. The place is taken by one conditional update on the shift —
 * `where({ taken < capacity, waiting: 0 }).update({ taken: +1 })` — so concurrent sign-ups can never
 * oversell; whoever does not get a place joins the waitlist, in arrival order. A request id seen
 * before returns the first result unchanged.
 */
export async function signUp(input: { shiftId: string; requestId: string }, ctx: ActionContext): Promise<SignupResultView | Fail> {
  const openid = ctx.caller.openid
  const key = requestKey(openid, input.requestId)
  const logged = await findDoc<LoggedRequest>(ctx.db, C.requests, key)
  if (logged) return logged.result

  if (!(await findProfile(ctx))) return vFail('VOLUNTEER.PROFILE_REQUIRED')
  const shift = await findShift(ctx, input.shiftId)
  if (!shift) return vFail('VOLUNTEER.SHIFT_NOT_FOUND')
  if (shift.status === 'cancelled') return vFail('VOLUNTEER.SHIFT_CANCELLED')
  if (ctx.clock.now() >= shift.startAt) return vFail('VOLUNTEER.SHIFT_STARTED')

  return withPersonLock(ctx, async () => {
    // a duplicate of this request may have finished while we waited for the lock
    const again = await findDoc<LoggedRequest>(ctx.db, C.requests, key)
    if (again) return again.result

    const existing = await signupFor(ctx, shift._id, openid)
    if (existing && ACTIVE_STATES.includes(existing.state)) return vFail('VOLUNTEER.ALREADY_SIGNED_UP')
    if (existing?.state === 'noShow' && existing.noShowReason === 'lateCancel') return vFail('VOLUNTEER.LATE_CANCELLED')

    const span = { from: shift.startAt, to: shift.endAt }
    const clash = (await signupsAround(ctx, openid, span)).find(
      (s) => s.shiftId !== shift._id && ACTIVE_STATES.includes(s.state) && overlaps(span, { from: s.startAt, to: s.endAt }),
    )
    if (clash) return vFail('VOLUNTEER.OVERLAP')

    const now = ctx.clock.now()
    const _ = ctx.db.command
    const shifts = ctx.db.collection(C.shifts)
    const claimed = await shifts
      .where({ _id: shift._id, status: 'open', capacity: shift.capacity, taken: _.lt(shift.capacity), waiting: 0 })
      .update({ data: { taken: _.inc(1) } })
    let state: 'signed' | 'waitlisted' = 'signed'
    if (claimed.stats.updated === 0) {
      const fresh = await findShift(ctx, shift._id)
      if (!fresh || fresh.status === 'cancelled') return vFail('VOLUNTEER.SHIFT_CANCELLED')
      state = 'waitlisted'
      await shifts.doc(shift._id).update({ data: { waiting: _.inc(1) } })
    }
    const signup: SignupDoc = {
      _id: newSignupId(),
      shiftId: shift._id,
      activityId: shift.activityId,
      teamId: shift.teamId,
      openid,
      startAt: shift.startAt,
      endAt: shift.endAt,
      state,
      queueKey: nextQueueKey(now),
      requestId: input.requestId,
      noShowReason: null,
      cancelReason: null,
      checkIn: null,
      checkOut: null,
      autoClosed: false,
      computedMinutes: 0,
      minutes: 0,
      periods: [],
      adjustments: [],
      confirmedAt: null,
      confirmedBy: null,
      promotedAt: null,
      createdAt: now,
      updatedAt: now,
    }
    await ctx.db.collection(C.signups).add({ data: { ...signup } })

    let result: SignupResultView = { signupId: signup._id, shiftId: shift._id, state: 'signed', waitlistPosition: null }
    if (state === 'waitlisted') {
      // a place may have freed between our failed claim and joining the queue
      await fillFreePlaces(ctx, shift._id)
      const mine = await findDoc<SignupDoc>(ctx.db, C.signups, signup._id)
      result =
        mine && mine.state === 'waitlisted'
          ? { ...result, state: 'waitlisted', waitlistPosition: await waitlistPosition(ctx, mine) }
          : result
    }
    await ctx.db.collection(C.requests).add({ data: { _id: key, result: { ...result }, at: now } })
    return result
  })
}

/**
 * Gives free places to the waitlist, first come first served: claim a place with the same
 * conditional update a sign-up uses, then move the first still-waiting signup to `signed` with a
 * conditional update on its state. Concurrent callers each promote a different person; a claimed
 * place nobody could take is handed back. Stops at the start of the shift.
 */
export async function fillFreePlaces(ctx: ActionContext, shiftId: string): Promise<number> {
  const _ = ctx.db.command
  const shifts = ctx.db.collection(C.shifts)
  const signups = ctx.db.collection(C.signups)
  let promoted = 0
  let activity: ActivityDoc | null = null
  for (let round = 0; round < 200; round++) {
    const shift = await findShift(ctx, shiftId)
    if (!shift || shift.status !== 'open' || ctx.clock.now() >= shift.startAt || shift.taken >= shift.capacity) break
    const { data } = await signups.where({ shiftId, state: 'waitlisted' }).orderBy('queueKey', 'asc').limit(10).get()
    const queue = data as unknown as SignupDoc[]
    if (queue.length === 0) break
    const claimed = await shifts
      .where({ _id: shiftId, status: 'open', capacity: shift.capacity, taken: _.lt(shift.capacity) })
      .update({ data: { taken: _.inc(1) } })
    if (claimed.stats.updated === 0) continue
    const now = ctx.clock.now()
    let lucky: SignupDoc | null = null
    for (const candidate of queue) {
      const moved = await signups
        .where({ _id: candidate._id, state: 'waitlisted' })
        .update({ data: { state: 'signed', promotedAt: now, updatedAt: now } })
      if (moved.stats.updated === 1) {
        lucky = candidate
        break
      }
    }
    if (!lucky) {
      await shifts.doc(shiftId).update({ data: { taken: _.inc(-1) } })
      continue
    }
    await shifts.doc(shiftId).update({ data: { waiting: _.inc(-1) } })
    promoted++
    activity ??= await findDoc<ActivityDoc>(ctx.db, C.activities, shift.activityId)
    if (activity) await notifyPromoted(ctx, lucky.openid, activity, shift)
  }
  return promoted
}

/**
 * Cancel a signup. A waitlisted one simply leaves the queue. A place given up before the
 * deadline (office setting, default 2 h before the start) is a plain cancellation; later it
 * counts as a no-show. Either way the place goes to the waitlist.
 */
export async function cancelSignup(input: { signupId: string }, ctx: ActionContext): Promise<CancelResultView | Fail> {
  const first = await findDoc<SignupDoc>(ctx.db, C.signups, input.signupId)
  if (!first || first.openid !== ctx.caller.openid) return vFail('VOLUNTEER.SIGNUP_NOT_FOUND')
  if (!(await findProfile(ctx))) return vFail('VOLUNTEER.PROFILE_REQUIRED')
  return withPersonLock(ctx, async () => {
    const signup = await findDoc<SignupDoc>(ctx.db, C.signups, input.signupId)
    if (!signup) return vFail('VOLUNTEER.SIGNUP_NOT_FOUND')
    const _ = ctx.db.command
    const now = ctx.clock.now()
    const signups = ctx.db.collection(C.signups)
    switch (signup.state) {
      case 'cancelled':
        return { signupId: signup._id, state: 'cancelled', countedAsNoShow: false }
      case 'noShow':
        return { signupId: signup._id, state: 'noShow', countedAsNoShow: true }
      case 'checkedIn':
      case 'checkedOut':
      case 'confirmed':
        return vFail('VOLUNTEER.NOT_CANCELLABLE')
      case 'waitlisted': {
        const left = await signups
          .where({ _id: signup._id, state: 'waitlisted' })
          .update({ data: { state: 'cancelled', cancelReason: 'byVolunteer', updatedAt: now } })
        if (left.stats.updated === 1) {
          await ctx.db.collection(C.shifts).doc(signup.shiftId).update({ data: { waiting: _.inc(-1) } })
          return { signupId: signup._id, state: 'cancelled', countedAsNoShow: false }
        }
        // promoted a moment ago: cancel the place instead
        return cancelPlace(ctx, signup._id)
      }
      case 'signed':
        return cancelPlace(ctx, signup._id)
    }
  })
}

async function cancelPlace(ctx: ActionContext, signupId: string): Promise<CancelResultView | Fail> {
  const signup = await findDoc<SignupDoc>(ctx.db, C.signups, signupId)
  if (!signup || signup.state !== 'signed') return vFail('VOLUNTEER.NOT_CANCELLABLE')
  const shift = await findShift(ctx, signup.shiftId)
  if (!shift) return vFail('VOLUNTEER.SHIFT_NOT_FOUND')
  const now = ctx.clock.now()
  if (now >= shift.endAt) return vFail('VOLUNTEER.SHIFT_ENDED')
  const { cancelDeadlineMinutes } = await loadSettings(ctx)
  const late = now > shift.startAt - cancelDeadlineMinutes * 60_000
  const change = late
    ? { state: 'noShow', noShowReason: 'lateCancel', cancelReason: 'byVolunteer', updatedAt: now }
    : { state: 'cancelled', cancelReason: 'byVolunteer', updatedAt: now }
  const done = await ctx.db.collection(C.signups).where({ _id: signup._id, state: 'signed' }).update({ data: change })
  if (done.stats.updated === 0) return vFail('VOLUNTEER.NOT_CANCELLABLE')
  await ctx.db.collection(C.shifts).doc(shift._id).update({ data: { taken: ctx.db.command.inc(-1) } })
  await fillFreePlaces(ctx, shift._id)
  return { signupId: signup._id, state: late ? 'noShow' : 'cancelled', countedAsNoShow: late }
}
