import type {
  CheckInCodeView,
  ConfirmResultView,
  RosterCounts,
  RosterEntryView,
  RosterView,
  SignupState,
} from '@/shared/contract/volunteer'
import type { Fail } from '@/shared/errors'
import { encodeScene } from '@/shared/scene'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { earnPoints } from '../points/earn'
import { recordHoursConfirmed, recordMinutesAdjusted } from '../stats/dash'
import { managedShift } from './activities'
import { closeEndedShift } from './attendance'
import { digitsFor, rotatesAt, slotOf, SLOT_MS, tokenFor } from './checkin-code'
import { adjustableMaximum, MIN_CREDITED_MINUTES, periodsForMinutes } from './hours'
import { C, findDoc, findMany, vFail, type ProfileDoc, type ShiftDoc, type SignupDoc } from './model'
import { qrDataUrl } from './qr-png'
import { checkinSecret } from './secret'
import { loadSettings } from './settings'
import { otherCreditedPeriods, waitlistPosition } from './signup'
import { toRosterEntry, toShiftView } from './views'

const ROSTER_PAGE = 50

/**
 * The code on the organizer's screen. The QR carries only the scene (`c<shiftId>.<token>`): the
 * in-app scanner reads it as text, and it is rendered here because a 小程序码 per 30 seconds would
 * exhaust the wxacode quota.
 */
export async function checkInCode(input: { shiftId: string }, ctx: ActionContext): Promise<CheckInCodeView | Fail> {
  const managed = await managedShift(ctx, input.shiftId)
  if ('ok' in managed) return managed
  if (managed.shift.status === 'cancelled') return vFail('VOLUNTEER.SHIFT_CANCELLED')
  const secret = await checkinSecret(ctx)
  const now = ctx.clock.now()
  const slot = slotOf(now)
  const scene = encodeScene({ kind: 'checkIn', shiftId: input.shiftId, token: tokenFor(secret, input.shiftId, slot) })
  return {
    shiftId: input.shiftId,
    activityTitle: managed.activity.title,
    startAt: managed.shift.startAt,
    endAt: managed.shift.endAt,
    scene,
    code: digitsFor(secret, input.shiftId, slot),
    qrDataUrl: qrDataUrl(scene),
    rotatesAt: rotatesAt(now),
    slotMs: SLOT_MS,
  }
}

const COUNTED: Array<[keyof RosterCounts, Record<string, unknown>]> = [
  ['signed', { state: 'signed' }],
  ['checkedIn', { state: 'checkedIn' }],
  ['checkedOut', { state: 'checkedOut' }],
  ['autoClosed', { state: 'checkedOut', autoClosed: true }],
  ['confirmed', { state: 'confirmed' }],
  ['noShow', { state: 'noShow' }],
  ['waitlisted', { state: 'waitlisted' }],
]

async function rosterEntries(ctx: ActionContext, signups: readonly SignupDoc[]): Promise<RosterEntryView[]> {
  const profiles = await findMany<ProfileDoc>(ctx.db, C.profiles, signups.map((s) => s.openid))
  const out: RosterEntryView[] = []
  for (const s of signups) {
    out.push(toRosterEntry(s, profiles.get(s.openid), s.state === 'waitlisted' ? await waitlistPosition(ctx, s) : null))
  }
  return out
}

/** Who signed up, came, left, was auto-closed or absent: counts by indexed `count()`, one page of people. */
export async function roster(input: { shiftId: string; state?: SignupState; page?: number }, ctx: ActionContext): Promise<RosterView | Fail> {
  const managed = await managedShift(ctx, input.shiftId)
  if ('ok' in managed) return managed
  const { activity } = managed
  await closeEndedShift(ctx, managed.shift, await loadSettings(ctx))
  const shift = (await findDoc<ShiftDoc>(ctx.db, C.shifts, input.shiftId)) ?? managed.shift
  const signups = ctx.db.collection(C.signups)
  const counts = {} as RosterCounts
  for (const [key, where] of COUNTED) counts[key] = (await signups.where({ shiftId: shift._id, ...where }).count()).total
  const page = input.page ?? 0
  const where = input.state ? { shiftId: shift._id, state: input.state } : { shiftId: shift._id }
  const { data } = await signups
    .where(where)
    .orderBy('queueKey', 'asc')
    .skip(page * ROSTER_PAGE)
    .limit(ROSTER_PAGE + 1)
    .get()
  return {
    activityId: activity._id,
    activityTitle: activity.title,
    shift: toShiftView(shift),
    counts,
    items: await rosterEntries(ctx, data.slice(0, ROSTER_PAGE) as unknown as SignupDoc[]),
    nextPage: data.length > ROSTER_PAGE ? page + 1 : null,
  }
}

/** Confirms one record: a conditional update on its state and minutes, then the person's total. */
async function confirmOne(ctx: ActionContext, s: SignupDoc): Promise<boolean> {
  const now = ctx.clock.now()
  const done = await ctx.db
    .collection(C.signups)
    .where({ _id: s._id, state: 'checkedOut', minutes: s.minutes })
    .update({ data: { state: 'confirmed', confirmedAt: now, confirmedBy: ctx.caller.openid, updatedAt: now } })
  if (done.stats.updated === 0) return false
  const _ = ctx.db.command
  await ctx.db
    .collection(C.profiles)
    .doc(s.openid)
    .update({ data: { confirmedMinutes: _.inc(s.minutes), confirmedCount: _.inc(1), updatedAt: now } })
  await writeAudit(ctx, { subjectType: 'volunteer_signup', subjectId: s._id, action: 'confirmHours', detail: { minutes: s.minutes, shiftId: s.shiftId } })
  await recordHoursConfirmed(ctx, s)
  // 文明积分 for the confirmed minutes, once per record; a later adjustment does not move them
  await earnPoints(ctx, { openid: s.openid, rule: 'volunteer.hours', sourceId: `volunteer:${s._id}`, units: s.minutes, refId: s.shiftId }, { createProfile: true })
  return true
}

export async function confirmHours(
  input: { shiftId: string; signupIds?: string[]; all?: true },
  ctx: ActionContext,
): Promise<ConfirmResultView | Fail> {
  const managed = await managedShift(ctx, input.shiftId)
  if ('ok' in managed) return managed
  await closeEndedShift(ctx, managed.shift, await loadSettings(ctx))
  let confirmed = 0
  let confirmedMinutes = 0
  const signups = ctx.db.collection(C.signups)
  if (input.signupIds) {
    const found = await findMany<SignupDoc>(ctx.db, C.signups, input.signupIds)
    for (const s of found.values()) {
      if (s.shiftId !== input.shiftId || s.state !== 'checkedOut') continue
      if (await confirmOne(ctx, s)) {
        confirmed++
        confirmedMinutes += s.minutes
      }
    }
  } else {
    // every confirmed record leaves the `checkedOut` set, so the first page is always the next one
    for (let round = 0; round < 50; round++) {
      const { data } = await signups.where({ shiftId: input.shiftId, state: 'checkedOut' }).orderBy('queueKey', 'asc').limit(100).get()
      if (data.length === 0) break
      let progressed = false
      for (const s of data as unknown as SignupDoc[]) {
        if (await confirmOne(ctx, s)) {
          progressed = true
          confirmed++
          confirmedMinutes += s.minutes
        }
      }
      if (!progressed) break
    }
  }
  if (confirmed === 0) return vFail('VOLUNTEER.NOTHING_TO_CONFIRM')
  return { confirmed, confirmedMinutes }
}

/**
 * Sets a record's minutes by hand, with a reason. Allowed on a closed record (checked out,
 * auto-closed, confirmed) or an absent one (the volunteer came without a phone). The figure may
 * not exceed the shift's time left after the person's other credited periods; the record keeps
 * every adjustment, and a confirmed record moves the person's total by the difference.
 */
export async function adjustMinutes(
  input: { signupId: string; minutes: number; reason: string },
  ctx: ActionContext,
): Promise<RosterEntryView | Fail> {
  const signup = await findDoc<SignupDoc>(ctx.db, C.signups, input.signupId)
  if (!signup) return vFail('VOLUNTEER.SIGNUP_NOT_FOUND')
  const managed = await managedShift(ctx, signup.shiftId)
  if ('ok' in managed) return managed
  const { shift } = managed
  const verdict = await ctx.openApi.checkText({ openid: ctx.caller.openid, content: input.reason, scene: 'comment' })
  if (!verdict.pass) return vFail('VOLUNTEER.TEXT_REJECTED')
  await closeEndedShift(ctx, shift, await loadSettings(ctx))
  const current = await findDoc<SignupDoc>(ctx.db, C.signups, signup._id)
  if (!current) return vFail('VOLUNTEER.SIGNUP_NOT_FOUND')
  const adjustable = current.state === 'checkedOut' || current.state === 'confirmed' || (current.state === 'noShow' && current.noShowReason === 'absent')
  if (!adjustable) return vFail('VOLUNTEER.NOT_ADJUSTABLE')
  if (input.minutes > 0 && input.minutes < MIN_CREDITED_MINUTES) return vFail('VOLUNTEER.ADJUST_TOO_SHORT')
  const span = { from: shift.startAt, to: shift.endAt }
  const others = await otherCreditedPeriods(ctx, current.openid, span, current._id)
  const maximum = adjustableMaximum(span, others)
  if (input.minutes > maximum) return vFail('VOLUNTEER.ADJUST_OVER_LIMIT', `最多 ${maximum} 分钟`)
  const now = ctx.clock.now()
  const _ = ctx.db.command
  const changes: Record<string, unknown> = {
    minutes: input.minutes,
    periods: _.set(periodsForMinutes(span, others, input.minutes)),
    adjustments: _.push({ at: now, by: ctx.caller.openid, fromMinutes: current.minutes, toMinutes: input.minutes, reason: input.reason }),
    updatedAt: now,
  }
  if (current.state === 'noShow') Object.assign(changes, { state: 'checkedOut', noShowReason: null })
  const done = await ctx.db
    .collection(C.signups)
    .where({ _id: current._id, state: current.state, minutes: current.minutes })
    .update({ data: changes })
  if (done.stats.updated === 0) return vFail('VOLUNTEER.BUSY')
  await recordMinutesAdjusted(ctx, current, input.minutes)
  if (current.state === 'confirmed' && input.minutes !== current.minutes) {
    await ctx.db.collection(C.profiles).doc(current.openid).update({ data: { confirmedMinutes: _.inc(input.minutes - current.minutes), updatedAt: now } })
  }
  await writeAudit(ctx, {
    subjectType: 'volunteer_signup',
    subjectId: current._id,
    action: 'adjustMinutes',
    detail: { fromMinutes: current.minutes, toMinutes: input.minutes, reason: input.reason, shiftId: current.shiftId },
  })
  const updated = await findDoc<SignupDoc>(ctx.db, C.signups, current._id)
  if (!updated) return vFail('VOLUNTEER.SIGNUP_NOT_FOUND')
  const [entry] = await rosterEntries(ctx, [updated])
  return entry
}
