import type { IdType, VolunteerProfileView } from '@/shared/contract/volunteer'
import type { Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import { grantId } from '../../runtime/grants'
import { writeAudit } from '../audit'
import { recordVolunteerRegistered } from '../stats/dash'
import { isValidIdNumber, maskIdNumber, maskName, maskPhone } from './identity'
import { C, findDoc, vFail, type ProfileDoc } from './model'

/** The consent text a volunteer agrees to; its version is stored with the consent. */
export const CONSENT_VERSION = '2025-01'

export interface RegisterInput {
  realName: string
  idType: IdType
  idNumber: string
  phone: string
  consent: true
}

export function toProfileView(p: ProfileDoc): VolunteerProfileView {
  return {
    realName: maskName(p.realName),
    phone: maskPhone(p.phone),
    idType: p.idType,
    idNumber: maskIdNumber(p.idNumber),
    consentAt: p.consentAt,
    confirmedMinutes: p.confirmedMinutes,
    confirmedCount: p.confirmedCount,
  }
}

export function findProfile(ctx: ActionContext, openid = ctx.caller.openid): Promise<ProfileDoc | null> {
  return findDoc<ProfileDoc>(ctx.db, C.profiles, openid)
}

/**
 * Becoming a volunteer: the record fields (name, document, phone) and the consent. Registering
 * again corrects the fields and keeps the hours. The person is granted the `volunteer` role, so
 * 我的 shows it.
 */
export async function register(input: RegisterInput, ctx: ActionContext): Promise<VolunteerProfileView | Fail> {
  const idNumber = input.idNumber.toUpperCase()
  if (!isValidIdNumber(input.idType, idNumber)) return vFail('VOLUNTEER.ID_NUMBER_INVALID')
  const openid = ctx.caller.openid
  const now = ctx.clock.now()
  const fields = {
    realName: input.realName.replace(/\s+/g, ' '),
    idType: input.idType,
    idNumber,
    phone: input.phone,
    consentAt: now,
    consentVersion: CONSENT_VERSION,
    updatedAt: now,
  }
  const existing = await findProfile(ctx)
  if (existing) {
    await ctx.db.collection(C.profiles).doc(openid).update({ data: fields })
  } else {
    const fresh: Omit<ProfileDoc, '_id'> = {
      ...fields,
      confirmedMinutes: 0,
      confirmedCount: 0,
      lockedUntil: 0,
      certificateId: null,
      certificateMinutes: 0,
      certificateCount: 0,
      createdAt: now,
    }
    try {
      await ctx.db.collection(C.profiles).add({ data: { _id: openid, ...fresh } })
      await recordVolunteerRegistered(ctx)
    } catch (error) {
      // a double tap: the other call created it; apply these fields on top
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
      await ctx.db.collection(C.profiles).doc(openid).update({ data: fields })
    }
  }
  await ctx.db.collection('role_grants').doc(grantId(openid, 'volunteer', null)).set({
    data: { openid, role: 'volunteer', scopeId: null, grantedBy: 'volunteer-registration', grantedAt: now },
  })
  // the audit says that it happened, never what was entered
  await writeAudit(ctx, { subjectType: 'volunteer_profile', subjectId: openid, action: existing ? 'updateRegistration' : 'register' })
  const saved = await findProfile(ctx)
  if (!saved) throw new Error('profile vanished after registration')
  return toProfileView(saved)
}

export async function myProfile(ctx: ActionContext): Promise<VolunteerProfileView | null> {
  const profile = await findProfile(ctx)
  return profile ? toProfileView(profile) : null
}

const LOCK_MS = 10_000
const LOCK_TRIES = 60
const LOCK_WAIT_MS = 25

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs `work` while holding the person's lock, a conditional update on their profile
 * (`lockedUntil < now` → now + 10 s). One person's sign-ups and cancellations then never
 * interleave, which is what makes "no two overlapping shifts" and "a retry returns the first
 * result" hold under double taps. A crashed holder's lock simply expires.
 */
export async function withPersonLock<T>(ctx: ActionContext, work: () => Promise<T | Fail>): Promise<T | Fail> {
  const profiles = ctx.db.collection(C.profiles)
  const _ = ctx.db.command
  const openid = ctx.caller.openid
  let until = 0
  for (let attempt = 0; attempt < LOCK_TRIES; attempt++) {
    const now = ctx.clock.now()
    until = now + LOCK_MS
    const taken = await profiles.where({ _id: openid, lockedUntil: _.lt(now) }).update({ data: { lockedUntil: until } })
    if (taken.stats.updated === 1) break
    if (attempt === LOCK_TRIES - 1) return vFail('VOLUNTEER.BUSY')
    await pause(LOCK_WAIT_MS)
  }
  try {
    return await work()
  } finally {
    await profiles.where({ _id: openid, lockedUntil: until }).update({ data: { lockedUntil: 0 } })
  }
}
