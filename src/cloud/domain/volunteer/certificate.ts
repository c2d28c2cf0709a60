import type { CertificateRecordView, CertificateView } from '@/shared/contract/volunteer'
import { VOLUNTEER_LIMITS } from '@/shared/contract/volunteer'
import type { Fail } from '@/shared/errors'
import { encodeScene } from '@/shared/scene'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import { maskName } from './identity'
import { C, findDoc, findMany, randomId, vFail, type ActivityDoc, type SignupDoc } from './model'
import { findProfile } from './profile'
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
  /** the stored 小程序码 (scene v<code>), made the first time the holder opens the certificate */
  codeFileID?: string
}

/** 'ABCDE-FGHJK' or 'abcdefghjk' → 'ABCDEFGHJK' */
export function normalizeCode(code: string): string {
  return code.replace(/-/g, '').toUpperCase()
}

/**
 * Every 小程序码 opens the entry page, which decodes the scene and opens the target: for `v<code>`
 * the certificate page with ?code=, i.e. the verification result (features/entry/decide.ts).
 * WeChat's scanner opens a mini-program only from a 小程序码, never from a QR of a bare page path.
 */
const ENTRY_PAGE = 'pages/entry/index'
/** getUnlimited's smallest width: the image is drawn 220 px wide on the 750-px certificate */
const CODE_WIDTH = 280

export function certificateScene(code: string): string {
  return encodeScene({ kind: 'certificate', code })
}

/**
 * The certificate's 小程序码, made once and kept in storage (the doc remembers its file), so
 * opening the certificate again costs a temporary URL, not another getUnlimited. A failure to make
 * it is logged and leaves the view without it: the certificate itself is still good.
 */
async function verifyCodeUrl(ctx: ActionContext, doc: CertificateDoc): Promise<string | null> {
  try {
    let fileID = doc.codeFileID
    if (!fileID) {
      const image = await ctx.openApi.createMiniProgramCode({ scene: certificateScene(doc._id), page: ENTRY_PAGE, width: CODE_WIDTH })
      fileID = (await ctx.storage.uploadFile({ cloudPath: `volunteer/certificates/${doc._id}.png`, fileContent: image.buffer })).fileID
      await ctx.db.collection(C.certificates).doc(doc._id).update({ data: { codeFileID: fileID } })
    }
    const { fileList } = await ctx.storage.getTempFileURL({ fileList: [fileID] })
    return fileList[0]?.tempFileURL || null
  } catch (error) {
    ctx.log.error('certificate code not made', { error: error instanceof Error ? error.name : 'unknown' })
    return null
  }
}

function toView(doc: CertificateDoc, holderName = doc.holderName, codeUrl: string | null = null): CertificateView {
  return {
    code: doc._id,
    serialNo: doc.serialNo ?? null,
    holderName,
    totalMinutes: doc.totalMinutes,
    recordCount: doc.recordCount,
    records: doc.records,
    issuedAt: doc.issuedAt,
    issuer: doc.issuer,
    verifyCodeUrl: codeUrl,
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
    if (existing) return toView(existing, profile.realName, await verifyCodeUrl(ctx, existing))
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
      const issued: CertificateDoc = { _id: code, ...doc, serialNo }
      return toView(issued, profile.realName, await verifyCodeUrl(ctx, issued))
    } catch (error) {
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY) || attempt > 3) throw error
    }
  }
}

/** Anyone can check a code: they see the masked name, the totals and the records it lists (no 小程序码: they do not save the image). */
export async function verifyCertificate(input: { code: string }, ctx: ActionContext): Promise<CertificateView | Fail> {
  const doc = await findDoc<CertificateDoc>(ctx.db, C.certificates, normalizeCode(input.code))
  return doc ? toView(doc) : vFail('VOLUNTEER.CERTIFICATE_NOT_FOUND')
}
