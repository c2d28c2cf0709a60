import crypto from 'node:crypto'
import type { ConsentCodeView, ConsentPreviewView, ConsentResultView, ConsentStatus, NominationPage, NomineeView } from '@/shared/contract'
import { ROLEMODEL_LIMITS } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { keysetPage } from '../report/paging'
import { C, DAY_MS, rmFail, type ConsentCodeDoc, type NomineeDoc } from './model'
import { nomineeView, urlsOf } from './views'

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
/** the 身边好人 subpackage's one page; `view=consent` opens the consent screen */
export const CONSENT_PAGE = '/packages/rolemodel/pages/index/index'

/** dashes and case are for reading the code out; the hash is of the 12 characters */
export const hashCode = (code: string) => crypto.createHash('sha256').update(`consent\n${code.replace(/-/g, '').toUpperCase()}`).digest('hex').slice(0, 40)

/**
 * A fresh one-time consent code: 12 characters without 0/O and 1/I (read out on the phone or
 * typed from a letter), shown to the office once; only its hash is stored.
 */
export function issueCode() {
  // 32 letters: a byte modulo 32 is uniform
  const code = Array.from(crypto.randomBytes(12), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('')
  const hash = hashCode(code)
  const expiresAt = (now: number) => now + ROLEMODEL_LIMITS.consentCodeDays * DAY_MS
  return {
    code,
    hash,
    expiresAt,
    view: (nomineeId: string, now: number): ConsentCodeView => ({
      nomineeId,
      code: `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`,
      path: `${CONSENT_PAGE}?view=consent&code=${code}`,
      expiresAt: expiresAt(now),
    }),
  }
}

export async function nominees(input: { consent?: ConsentStatus; cursor?: string }, ctx: ActionContext): Promise<NominationPage<NomineeView>> {
  const page = await keysetPage<NomineeDoc>(ctx.db, {
    collection: C.nominees,
    where: input.consent ? { 'consent.status': input.consent } : {},
    field: 'createdAt',
    order: 'desc',
    pageSize: ROLEMODEL_LIMITS.pageSize,
    cursor: input.cursor,
  })
  const items: NomineeView[] = []
  for (const doc of page.docs) items.push(await nomineeView(ctx, doc))
  return { items, nextCursor: page.next }
}

/** A new code for a nominee who lost theirs or refused before; the old code stops working. */
export async function reissueCode(input: { nomineeId: string }, ctx: ActionContext): Promise<ConsentCodeView | Fail> {
  const nominee = await findById<NomineeDoc>(ctx.db, C.nominees, input.nomineeId)
  if (!nominee) return rmFail('ROLEMODEL.NOMINEE_NOT_FOUND')
  if (nominee.consent.status === 'given') return rmFail('ROLEMODEL.CONSENT_DONE')
  const now = ctx.clock.now()
  const code = issueCode()
  await ctx.db.runTransaction(async (tx) => {
    if (nominee.consent.codeHash) await tx.collection(C.consentCodes).doc(nominee.consent.codeHash).remove()
    await tx.collection(C.consentCodes).add({ data: { _id: code.hash, nomineeId: nominee._id, expiresAt: code.expiresAt(now), usedAt: null } })
    await tx.collection(C.nominees).doc(nominee._id).update({
      data: { consent: { status: 'awaiting', codeHash: code.hash, codeExpiresAt: code.expiresAt(now) }, updatedAt: now },
    })
  })
  await writeAudit(ctx, { subjectType: 'rolemodel_nominee', subjectId: nominee._id, action: 'consentCode', detail: { expiresAt: code.expiresAt(now) } })
  return code.view(nominee._id, now)
}

async function nomineeByCode(ctx: ActionContext, code: string): Promise<{ codeDoc: ConsentCodeDoc; nominee: NomineeDoc } | Fail> {
  const codeDoc = await findById<ConsentCodeDoc>(ctx.db, C.consentCodes, hashCode(code))
  if (!codeDoc || codeDoc.usedAt !== null) return rmFail('ROLEMODEL.CONSENT_CODE_INVALID')
  if (codeDoc.expiresAt <= ctx.clock.now()) return rmFail('ROLEMODEL.CONSENT_CODE_EXPIRED')
  const nominee = await findById<NomineeDoc>(ctx.db, C.nominees, codeDoc.nomineeId)
  if (!nominee || nominee.consent.codeHash !== codeDoc._id) return rmFail('ROLEMODEL.CONSENT_CODE_INVALID')
  return { codeDoc, nominee }
}

/** Exactly what would become public, for the nominee to read before answering. */
export async function consentPreview(input: { code: string }, ctx: ActionContext): Promise<ConsentPreviewView | Fail> {
  const found = await nomineeByCode(ctx, input.code)
  if ('ok' in found) return found
  const { nominee } = found
  const urls = await urlsOf(ctx, nominee.photos)
  return {
    name: nominee.name,
    categoryId: nominee.categoryId,
    place: nominee.place,
    story: nominee.story,
    photos: nominee.photos.map((f) => urls.get(f)).filter((u): u is string => !!u),
    consent: nominee.consent.status,
  }
}

/**
 * The nominee's own answer, with the one-time code the office handed them: recorded with who
 * (the openid that used it) and when. The code is used up by a conditional update, so two taps
 * record one answer.
 */
export async function consent(input: { code: string; agree: boolean }, ctx: ActionContext): Promise<ConsentResultView | Fail> {
  const found = await nomineeByCode(ctx, input.code)
  if ('ok' in found) return found
  const { codeDoc, nominee } = found
  const now = ctx.clock.now()
  const status: ConsentStatus = input.agree ? 'given' : 'refused'
  const used = await ctx.db.runTransaction(async (tx) => {
    const ref = tx.collection(C.consentCodes).doc(codeDoc._id)
    const fresh = (await ref.get().catch(() => null))?.data as unknown as ConsentCodeDoc | undefined
    if (!fresh || fresh.usedAt !== null) return false
    await ref.update({ data: { usedAt: now } })
    await tx.collection(C.nominees).doc(nominee._id).update({
      data: { consent: { status, at: now, openid: ctx.caller.openid, codeHash: null, codeExpiresAt: null }, updatedAt: now },
    })
    return true
  })
  if (!used) return rmFail('ROLEMODEL.CONSENT_CODE_INVALID')
  await writeAudit(ctx, { subjectType: 'rolemodel_nominee', subjectId: nominee._id, action: input.agree ? 'consentGiven' : 'consentRefused' })
  return { consent: status, at: now }
}
