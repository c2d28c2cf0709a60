import type { MinuteSource, PunchResultView, VolunteerSettingsView } from '@/shared/contract/volunteer'
import { VOLUNTEER_LIMITS } from '@/shared/contract/volunteer'
import type { Fail } from '@/shared/errors'
import { decodeScene } from '@/shared/scene'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import { recordShiftClosed } from '../stats/dash'
import { verifyDigits, verifyToken, type CodeVerdict } from './checkin-code'
import { checkGeofence } from './geo'
import { creditFor } from './hours'
import { C, findDoc, vFail, type ActivityDoc, type ShiftDoc, type SignupDoc } from './model'
import { checkinSecret } from './secret'
import { loadSettings } from './settings'
import { findShift, otherCreditedPeriods, signupFor } from './signup'

export type Proof =
  | { kind: 'scan'; scene: string }
  | { kind: 'code'; code: string }
  | { kind: 'geofence'; lat: number; lng: number; accuracyM?: number }

interface AttemptDoc {
  _id: string
  windowStart: number
  count: number
}

const WINDOW_MS = VOLUNTEER_LIMITS.wrongCodeWindowMinutes * 60_000

/**
 * Wrong codes are rate-limited per person: each code attempt first reserves one of the window's
 * five tries with a conditional `_.inc` (so parallel guesses cannot slip past the count), and a
 * correct code gives its try back. Five wrong 6-digit guesses in ten minutes leave a guesser a
 * one-in-100,000 chance.
 */
async function reserveAttempt(ctx: ActionContext): Promise<{ ok: true } | { ok: false; retryInMinutes: number }> {
  const _ = ctx.db.command
  const now = ctx.clock.now()
  const attempts = ctx.db.collection(C.attempts)
  const id = ctx.caller.openid
  for (let round = 0; round < 5; round++) {
    const counted = await attempts
      .where({ _id: id, windowStart: _.gt(now - WINDOW_MS), count: _.lt(VOLUNTEER_LIMITS.wrongCodesPerWindow) })
      .update({ data: { count: _.inc(1) } })
    if (counted.stats.updated === 1) return { ok: true }
    const current = await findDoc<AttemptDoc>(ctx.db, C.attempts, id)
    if (current && current.windowStart > now - WINDOW_MS) {
      return { ok: false, retryInMinutes: Math.max(1, Math.ceil((current.windowStart + WINDOW_MS - now) / 60_000)) }
    }
    // a new window: created once (duplicate key) or swapped in for the old one (conditional on
    // its start), so parallel first tries cannot each open a fresh window
    if (!current) {
      try {
        await attempts.add({ data: { _id: id, windowStart: now, count: 1 } })
        return { ok: true }
      } catch (error) {
        if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
        continue
      }
    }
    const renewed = await attempts.where({ _id: id, windowStart: current.windowStart }).update({ data: { windowStart: now, count: 1 } })
    if (renewed.stats.updated === 1) return { ok: true }
  }
  return { ok: false, retryInMinutes: 1 }
}

async function refundAttempt(ctx: ActionContext): Promise<void> {
  await ctx.db
    .collection(C.attempts)
    .where({ _id: ctx.caller.openid, count: ctx.db.command.gt(0) })
    .update({ data: { count: ctx.db.command.inc(-1) } })
}

interface ProofOk {
  source: MinuteSource
  distanceM: number | null
}

/** Checks a proof of presence for the shift; code attempts are rate-limited. */
async function checkProof(ctx: ActionContext, proof: Proof, shift: ShiftDoc, activity: ActivityDoc): Promise<ProofOk | Fail> {
  if (proof.kind === 'geofence') {
    const verdict = checkGeofence(activity.place, activity.geofenceRadiusM, proof)
    if (!verdict.inside) {
      return vFail('VOLUNTEER.OUTSIDE_GEOFENCE', `您距离活动地点约 ${verdict.distanceM} 米，需在 ${activity.geofenceRadiusM} 米以内`)
    }
    return { source: 'geofence', distanceM: verdict.distanceM }
  }
  const reserved = await reserveAttempt(ctx)
  if (!reserved.ok) return vFail('VOLUNTEER.TOO_MANY_ATTEMPTS', `约 ${reserved.retryInMinutes} 分钟后可再试`)
  const secret = await checkinSecret(ctx)
  const now = ctx.clock.now()
  let verdict: CodeVerdict
  if (proof.kind === 'scan') {
    const decoded = decodeScene(proof.scene)
    // (a scene of another shift was refused before any attempt was counted)
    verdict =
      decoded.ok && decoded.scene.kind === 'checkIn' && decoded.scene.shiftId === shift._id
        ? verifyToken(secret, shift._id, decoded.scene.token, now)
        : 'invalid'
  } else {
    verdict = verifyDigits(secret, shift._id, proof.code, now)
  }
  if (verdict === 'valid') {
    await refundAttempt(ctx)
    return { source: 'code', distanceM: null }
  }
  return vFail(verdict === 'expired' ? 'VOLUNTEER.CODE_EXPIRED' : 'VOLUNTEER.CODE_INVALID')
}

function isFail(value: unknown): value is Fail {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false
}

async function loadPunchContext(
  ctx: ActionContext,
  shiftId: string,
): Promise<{ shift: ShiftDoc; activity: ActivityDoc; settings: VolunteerSettingsView; signup: SignupDoc | null } | Fail> {
  const shift = await findShift(ctx, shiftId)
  if (!shift) return vFail('VOLUNTEER.SHIFT_NOT_FOUND')
  if (shift.status === 'cancelled') return vFail('VOLUNTEER.SHIFT_CANCELLED')
  const activity = await findDoc<ActivityDoc>(ctx.db, C.activities, shift.activityId)
  if (!activity) return vFail('VOLUNTEER.ACTIVITY_NOT_FOUND')
  const settings = await loadSettings(ctx)
  await closeEndedShift(ctx, shift, settings)
  const signup = await signupFor(ctx, shiftId, ctx.caller.openid)
  return { shift, activity, settings, signup }
}

/**
 * Check in: signed up, inside the window (from `checkInOpensMinutes` before the start until the
 * end), and proven present by the rotating code or the geofence.
 */
export async function checkIn(input: { shiftId: string; proof: Proof }, ctx: ActionContext): Promise<PunchResultView | Fail> {
  // a code scanned from another shift says so before anything else
  if (input.proof.kind === 'scan') {
    const decoded = decodeScene(input.proof.scene)
    if (decoded.ok && decoded.scene.kind === 'checkIn' && decoded.scene.shiftId !== input.shiftId) return vFail('VOLUNTEER.CODE_WRONG_SHIFT')
  }
  const loaded = await loadPunchContext(ctx, input.shiftId)
  if (isFail(loaded)) return loaded
  const { shift, activity, signup } = loaded
  // absent (marked at the end) still holds the place it had: the answer is "too late"
  const holdsPlace = signup && (['signed', 'checkedIn', 'checkedOut', 'confirmed'].includes(signup.state) || signup.noShowReason === 'absent')
  if (!signup || !holdsPlace) return vFail('VOLUNTEER.NOT_SIGNED_UP')
  const now = ctx.clock.now()
  if (signup.state === 'checkedIn') return vFail('VOLUNTEER.ALREADY_CHECKED_IN')
  if (signup.state === 'checkedOut' || signup.state === 'confirmed') return vFail('VOLUNTEER.ALREADY_CHECKED_OUT')
  if (now < shift.startAt - shift.checkInOpensMinutes * 60_000) return vFail('VOLUNTEER.CHECK_IN_NOT_OPEN')
  if (now >= shift.endAt || signup.state !== 'signed') return vFail('VOLUNTEER.CHECK_IN_CLOSED')
  const proven = await checkProof(ctx, input.proof, shift, activity)
  if (isFail(proven)) return proven
  const done = await ctx.db
    .collection(C.signups)
    .where({ _id: signup._id, state: 'signed' })
    .update({ data: { state: 'checkedIn', checkIn: ctx.db.command.set({ at: now, source: proven.source }), updatedAt: now } })
  if (done.stats.updated === 0) return vFail('VOLUNTEER.ALREADY_CHECKED_IN')
  return { signupId: signup._id, state: 'checkedIn', at: now, source: proven.source, minutes: 0, distanceM: proven.distanceM }
}

/** Check out the same ways, until the shift closes (end + grace); minutes follow the hours rules. */
export async function checkOut(input: { shiftId: string; proof: Proof }, ctx: ActionContext): Promise<PunchResultView | Fail> {
  if (input.proof.kind === 'scan') {
    const decoded = decodeScene(input.proof.scene)
    if (decoded.ok && decoded.scene.kind === 'checkIn' && decoded.scene.shiftId !== input.shiftId) return vFail('VOLUNTEER.CODE_WRONG_SHIFT')
  }
  const loaded = await loadPunchContext(ctx, input.shiftId)
  if (isFail(loaded)) return loaded
  const { shift, activity, signup } = loaded
  if (!signup || !['signed', 'checkedIn', 'checkedOut', 'confirmed'].includes(signup.state)) return vFail('VOLUNTEER.NOT_SIGNED_UP')
  if (signup.state === 'signed') return vFail('VOLUNTEER.NOT_CHECKED_IN')
  if (signup.state !== 'checkedIn') {
    return vFail(signup.autoClosed ? 'VOLUNTEER.CHECK_OUT_CLOSED' : 'VOLUNTEER.ALREADY_CHECKED_OUT')
  }
  const proven = await checkProof(ctx, input.proof, shift, activity)
  if (isFail(proven)) return proven
  const now = ctx.clock.now()
  const closed = await closeRecord(ctx, signup, shift, now, proven.source, false)
  if (!closed) return vFail('VOLUNTEER.ALREADY_CHECKED_OUT')
  return { signupId: signup._id, state: 'checkedOut', at: now, source: proven.source, minutes: closed.minutes, distanceM: proven.distanceM }
}

/** Ends an attendance at `at`, crediting minutes; null when someone else closed it first. */
async function closeRecord(
  ctx: ActionContext,
  signup: SignupDoc,
  shift: ShiftDoc,
  at: number,
  source: MinuteSource,
  auto: boolean,
): Promise<{ minutes: number } | null> {
  const checkInAt = signup.checkIn?.at ?? shift.startAt
  const span = { from: shift.startAt, to: shift.endAt }
  const others = await otherCreditedPeriods(ctx, signup.openid, span, signup._id)
  const credit = creditFor({ from: checkInAt, to: Math.max(at, checkInAt) }, span, others)
  const now = ctx.clock.now()
  const done = await ctx.db
    .collection(C.signups)
    .where({ _id: signup._id, state: 'checkedIn' })
    .update({
      data: {
        state: 'checkedOut',
        checkOut: ctx.db.command.set({ at, source }),
        autoClosed: auto,
        computedMinutes: credit.minutes,
        minutes: credit.minutes,
        periods: ctx.db.command.set(credit.minutes > 0 ? credit.periods : []),
        updatedAt: now,
      },
    })
  return done.stats.updated === 1 ? { minutes: credit.minutes } : null
}

/**
 * What a timer would do, done lazily whenever a shift is looked at after its end: people who
 * never checked in are marked absent at the end; people still checked in at end + grace are
 * checked out at the shift's end, marked auto-closed for the organizer's confirmation. Every
 * change is a conditional update, so two sweeps at once change each record once.
 */
export async function closeEndedShift(ctx: ActionContext, shift: ShiftDoc, settings: VolunteerSettingsView): Promise<void> {
  const now = ctx.clock.now()
  if (shift.closed || shift.status !== 'open' || now < shift.endAt) return
  const signups = ctx.db.collection(C.signups)
  await signups
    .where({ shiftId: shift._id, state: 'signed' })
    .update({ data: { state: 'noShow', noShowReason: 'absent', updatedAt: now } })
  if (now < shift.endAt + settings.autoCloseGraceMinutes * 60_000) return
  for (let round = 0; round < 20; round++) {
    const { data } = await signups.where({ shiftId: shift._id, state: 'checkedIn' }).limit(100).get()
    if (data.length === 0) break
    for (const doc of data as unknown as SignupDoc[]) await closeRecord(ctx, doc, shift, shift.endAt, 'auto', true)
  }
  const closing = await ctx.db.collection(C.shifts).where({ _id: shift._id, closed: false }).update({ data: { closed: true, updatedAt: now } })
  await recordShiftClosed(ctx, shift, closing.stats.updated === 1)
}

/**
 * The timer's sweep (every 10 minutes): shifts that have ended and are not closed yet, oldest
 * first, one page per run. Forgotten check-outs close at end + grace even if nobody opens the
 * shift again; shifts still within their grace stay open for the next run.
 */
export async function closeEndedShifts(ctx: ActionContext): Promise<void> {
  const settings = await loadSettings(ctx)
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection(C.shifts)
    .where({ status: 'open', closed: false, endAt: _.lt(ctx.clock.now()) })
    .orderBy('endAt', 'asc')
    .limit(100)
    .get()
  for (const shift of data as unknown as ShiftDoc[]) await closeEndedShift(ctx, shift, settings)
}
