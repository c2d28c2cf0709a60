import type { CertificateRecordView, CertificateView } from '@/shared/contract/volunteer'
import { VOLUNTEER_LIMITS } from '@/shared/contract/volunteer'
import type { Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import { maskName } from './identity'
import { C, findDoc, findMany, randomId, vFail, type ActivityDoc, type SignupDoc } from './model'
import { findProfile } from './profile'
import { qrPng } from './qr-png'
import { takeCertificateNo } from '../report/ticket'

export const CERTIFICATE_ISSUER = '文明通志愿服务平台'
/** no 0/O, 1/I/L: a code read aloud or typed from paper survives */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_LENGTH = 10

interface CertificateDoc {
  _id: string
  openid: string
  /** masked: what a verifier sees */
  holderName: string
  totalMinutes: number
  recordCount: number
  records: CertificateRecordView[]
  issuedAt: number
  issuer: string
  /** 证书编号 ZS-2026-000123 (report/ticket.ts); absent on certificates issued before numbers */
  serialNo?: string
}

/** 'ABCDE-FGHJK' or 'abcdefghjk' → 'ABCDEFGHJK' */
export function normalizeCode(code: string): string {
  return code.replace(/-/g, '').toUpperCase()
}

/** The page a scanned certificate opens: with ?code= it shows the verification result (certificate/index.tsx). */
export function verificationLink(code: string): string {
  return `packages/volunteer/pages/certificate/index?code=${code}`
}

/**
 * The QR printed on the saved image, 4 px a module with the standard 4-module quiet zone: a
 * few hundred bytes, so it rides in the view instead of costing a second call or a stored file.
 */
export function verificationQr(code: string): string {
  return `data:image/png;base64,${qrPng(verificationLink(code), { scale: 4, margin: 4 }).toString('base64')}`
}

function toView(doc: CertificateDoc, holderName = doc.holderName): CertificateView {
  return {
    code: doc._id,
    serialNo: doc.serialNo ?? null,
    holderName,
    totalMinutes: doc.totalMinutes,
    recordCount: doc.recordCount,
    records: doc.records,
    issuedAt: doc.issuedAt,
    issuer: doc.issuer,
    verifyQr: verificationQr(doc._id),
  }
}

/**
 * A certificate is a snapshot of the confirmed record at issue time, under a random code anyone
 * can check. Only confirmed minutes count. Issuing again without new confirmed hours returns the
 * same certificate; new hours issue a new one (old codes keep verifying what they said then).
 */
export async function issueCertificate(ctx: ActionContext): Promise<CertificateView | Fail> {
  const profile = await findProfile(ctx)
  if (!profile) return vFail('VOLUNTEER.PROFILE_REQUIRED')
  if (profile.confirmedCount === 0) return vFail('VOLUNTEER.NO_CONFIRMED_HOURS')
  if (
    profile.certificateId &&
    profile.certificateMinutes === profile.confirmedMinutes &&
    profile.certificateCount === profile.confirmedCount
  ) {
    const existing = await findDoc<CertificateDoc>(ctx.db, C.certificates, profile.certificateId)
    if (existing) return toView(existing, profile.realName)
  }
  const { data } = await ctx.db
    .collection(C.signups)
    .where({ openid: ctx.caller.openid, state: 'confirmed' })
    .orderBy('startAt', 'desc')
    .limit(VOLUNTEER_LIMITS.certificateRecords)
    .get()
  const signups = data as unknown as SignupDoc[]
  const activities = await findMany<ActivityDoc>(ctx.db, C.activities, signups.map((s) => s.activityId))
  const records = signups.map((s) => {
    const a = activities.get(s.activityId)
    return { activityTitle: a?.title ?? '', activityType: a?.type ?? 'community', teamName: a?.teamName ?? '', startAt: s.startAt, endAt: s.endAt, minutes: s.minutes }
  })
  const now = ctx.clock.now()
  const doc: Omit<CertificateDoc, '_id'> = {
    openid: ctx.caller.openid,
    holderName: maskName(profile.realName),
    totalMinutes: profile.confirmedMinutes,
    recordCount: profile.confirmedCount,
    records,
    issuedAt: now,
    issuer: CERTIFICATE_ISSUER,
  }
  for (let attempt = 0; ; attempt++) {
    const code = Array.from({ length: CODE_LENGTH }, () => randomId(1, CODE_ALPHABET)).join('')
    try {
      // the 证书编号 is taken with the add: a code that collides gives its number back for the next try
      const serialNo = await ctx.db.runTransaction(async (tx) => {
        const taken = await takeCertificateNo(tx, now)
        await tx.collection(C.certificates).add({ data: { _id: code, ...doc, serialNo: taken } })
        return taken
      })
      await ctx.db.collection(C.profiles).doc(ctx.caller.openid).update({
        data: { certificateId: code, certificateMinutes: doc.totalMinutes, certificateCount: doc.recordCount, updatedAt: now },
      })
      return toView({ _id: code, ...doc, serialNo }, profile.realName)
    } catch (error) {
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY) || attempt > 3) throw error
    }
  }
}

/** Anyone can check a code: they see the masked name, the totals and the records it lists. */
export async function verifyCertificate(input: { code: string }, ctx: ActionContext): Promise<CertificateView | Fail> {
  const doc = await findDoc<CertificateDoc>(ctx.db, C.certificates, normalizeCode(input.code))
  return doc ? toView(doc) : vFail('VOLUNTEER.CERTIFICATE_NOT_FOUND')
}
