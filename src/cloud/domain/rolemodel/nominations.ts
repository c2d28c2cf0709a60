import type {
  AcceptResultView,
  HonourLevel,
  MyNominationView,
  NominationListItem,
  NominationOfficeView,
  NominationPage,
  NominationStatus,
  RolemodelCategoryId,
  RolemodelPlace,
} from '@/shared/contract'
import { HONOUR_LEVEL_LABEL, ROLEMODEL_LIMITS } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { keysetPage } from '../report/paging'
import { claimUploads, consumeReservations, ReservationTaken } from '../upload/reservations'
import { issueCode } from './consent'
import { mayReview, reviewScopeOf } from './delegation'
import { C, isDuplicate, rmFail, sha, type HistoryEntry, type NominationDoc, type NomineeDoc, type StoredPhoto } from './model'
import { listItem, myNominationView, nomineeView, officeNominationView } from './views'

const UPLOAD_AREA = 'rolemodel'
/** statuses a nomination can still be merged from, and merged into (with `accepted`) */
const OPEN: readonly NominationStatus[] = ['pending', 'needsMore']

/** 张 三 and 张三 are one name for merge suggestions; the stored name stays as written. */
export const nameKeyOf = (name: string) => name.replace(/\s+/g, '').toLowerCase()

export const nominationIdFor = (openid: string, requestId: string) => sha('nomination', openid, requestId).slice(0, 24)

/**
 * Checks photos before anything is written: each is the caller's own upload in the rolemodel area,
 * exists, is an image, and goes through the image check. A held photo is kept (the office sees it
 * marked) but never reaches a public page.
 */
async function checkPhotos(ctx: ActionContext, fileIds: readonly string[], attached: ReadonlySet<string> = new Set()): Promise<{ photos: StoredPhoto[]; reservations: string[] } | Fail> {
  const unique = [...new Set(fileIds)]
  const claim = await claimUploads(ctx, UPLOAD_AREA, unique, { attached })
  if (claim === 'not-yours') return rmFail('ROLEMODEL.PHOTO_NOT_YOURS')
  if (claim === 'not-found') return rmFail('ROLEMODEL.PHOTO_NOT_FOUND')
  if (claim === 'wrong-type') return rmFail('ROLEMODEL.PHOTO_NOT_FOUND', '照片必须是 JPG、PNG、WEBP 或 GIF 图片')
  const photos: StoredPhoto[] = []
  for (const fileId of unique) {
    const verdict = await ctx.openApi.checkImage({ fileID: fileId })
    photos.push({ fileId, pass: verdict.pass, label: verdict.pass ? null : verdict.label ?? 'risky' })
  }
  return { photos, reservations: claim.reservations }
}

/** Text others will read (the office, and once consented the public) must pass the text check; refused, not held. */
async function checkText(ctx: ActionContext, ...texts: string[]): Promise<Fail | null> {
  const content = texts.filter(Boolean).join('\n')
  if (!content) return null
  const verdict = await ctx.openApi.checkText({ openid: ctx.caller.openid, content, scene: 'forum' })
  return verdict.pass ? null : rmFail('ROLEMODEL.TEXT_REJECTED')
}

export interface NominateInput {
  name: string
  categoryId: RolemodelCategoryId
  place: RolemodelPlace
  account: string
  photos?: string[]
  phone: string
  requestId: string
}

export async function nominate(input: NominateInput, ctx: ActionContext): Promise<MyNominationView | Fail> {
  const openid = ctx.caller.openid
  const id = nominationIdFor(openid, input.requestId)
  const replay = await findById<NominationDoc>(ctx.db, C.nominations, id)
  if (replay) return myNominationView(ctx, replay)

  const textFail = await checkText(ctx, input.name, input.place.district, input.place.street, input.place.community, input.account)
  if (textFail) return textFail
  const checked = await checkPhotos(ctx, input.photos ?? [])
  if ('ok' in checked) return checked

  const now = ctx.clock.now()
  const doc: NominationDoc = {
    _id: id,
    nominatorOpenid: openid,
    phone: input.phone,
    name: input.name,
    nameKey: nameKeyOf(input.name),
    categoryId: input.categoryId,
    place: input.place,
    account: input.account,
    photos: checked.photos,
    status: 'pending',
    officeNote: null,
    honour: null,
    nomineeId: null,
    mergedInto: null,
    mergedFrom: [],
    history: [{ at: now, action: 'nominate', note: null }],
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  try {
    await ctx.db.runTransaction(async (tx) => {
      await tx.collection(C.nominations).add({ data: { ...doc } })
      await consumeReservations(tx, checked.reservations, openid)
    })
  } catch (error) {
    // the same submit twice at once: the other stored it
    if (!(isDuplicate(error) || error instanceof ReservationTaken)) throw error
    const first = await findById<NominationDoc>(ctx.db, C.nominations, id)
    if (!first) return rmFail('ROLEMODEL.PHOTO_NOT_YOURS')
    return myNominationView(ctx, first)
  }
  return myNominationView(ctx, doc)
}

export async function myNominations(input: { cursor?: string }, ctx: ActionContext): Promise<NominationPage<MyNominationView>> {
  const page = await keysetPage<NominationDoc>(ctx.db, {
    collection: C.nominations,
    where: { nominatorOpenid: ctx.caller.openid },
    field: 'createdAt',
    order: 'desc',
    pageSize: ROLEMODEL_LIMITS.pageSize,
    cursor: input.cursor,
  })
  const items: MyNominationView[] = []
  for (const doc of page.docs) items.push(await myNominationView(ctx, doc))
  return { items, nextCursor: page.next }
}

/** The nominator adds what the office asked for; the nomination goes back to 待审核. */
export async function amend(
  input: { nominationId: string; account?: string; photos?: string[]; place?: RolemodelPlace },
  ctx: ActionContext,
): Promise<MyNominationView | Fail> {
  const doc = await findById<NominationDoc>(ctx.db, C.nominations, input.nominationId)
  // someone else's nomination is "not found": ids are not secrets, nominations are
  if (!doc || doc.nominatorOpenid !== ctx.caller.openid) return rmFail('ROLEMODEL.NOT_FOUND')
  if (doc.status !== 'needsMore') return rmFail('ROLEMODEL.NOT_AMENDABLE')
  if (input.account === undefined && input.photos === undefined && input.place === undefined) return rmFail('ROLEMODEL.NOTHING_TO_AMEND')
  const textFail = await checkText(ctx, input.account ?? '', ...(input.place ? [input.place.district, input.place.street, input.place.community] : []))
  if (textFail) return textFail
  let photos = doc.photos
  let reservations: string[] = []
  if (input.photos) {
    const current = new Set(doc.photos.map((p) => p.fileId))
    const checked = await checkPhotos(ctx, input.photos, current)
    if ('ok' in checked) return checked
    // photos already on the nomination keep their verdict
    photos = checked.photos.map((p) => doc.photos.find((q) => q.fileId === p.fileId) ?? p)
    reservations = checked.reservations
  }
  const now = ctx.clock.now()
  const _ = ctx.db.command
  const entry: HistoryEntry = { at: now, action: 'amend', note: null }
  const data: Record<string, unknown> = {
    status: 'pending',
    officeNote: null,
    photos: _.set(photos),
    history: _.push(entry),
    version: _.inc(1),
    updatedAt: now,
  }
  if (input.account !== undefined) data.account = input.account
  if (input.place) data.place = _.set(input.place)
  try {
    const updated = await ctx.db.runTransaction(async (tx) => {
      const ref = tx.collection(C.nominations).doc(doc._id)
      const fresh = (await ref.get()).data as unknown as NominationDoc
      if (fresh.version !== doc.version || fresh.status !== 'needsMore') return false
      await ref.update({ data })
      await consumeReservations(tx, reservations, ctx.caller.openid)
      return true
    })
    if (!updated) return rmFail('ROLEMODEL.STALE')
  } catch (error) {
    if (error instanceof ReservationTaken) return rmFail('ROLEMODEL.PHOTO_NOT_YOURS')
    throw error
  }
  const after = await findById<NominationDoc>(ctx.db, C.nominations, doc._id)
  return myNominationView(ctx, after ?? doc)
}

async function duplicatesOf(ctx: ActionContext, doc: NominationDoc): Promise<NominationDoc[]> {
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection(C.nominations)
    .where({ nameKey: doc.nameKey, 'place.district': doc.place.district, status: _.in(['pending', 'needsMore', 'accepted', 'honoured']) })
    .orderBy('createdAt', 'asc')
    .limit(21)
    .get()
  return (data as unknown as NominationDoc[]).filter((d) => d._id !== doc._id && d.mergedInto === null).slice(0, 20)
}

export async function queue(
  input: { status: NominationStatus; categoryId?: RolemodelCategoryId; district?: string; cursor?: string },
  ctx: ActionContext,
): Promise<NominationPage<NominationListItem> | Fail> {
  const scope = await reviewScopeOf(ctx)
  if (!scope.office && input.district !== undefined && !scope.districts.includes(input.district)) return rmFail('ROLEMODEL.DISTRICT_NOT_DELEGATED')
  if (!scope.office && scope.districts.length === 0) return { items: [], nextCursor: null }
  // by_district_status serves a district (or each of a reviewer's districts); by_status(_category) the whole city
  const district = input.district ?? (scope.office ? undefined : scope.districts.length === 1 ? scope.districts[0] : ctx.db.command.in([...scope.districts]))
  const where: Record<string, unknown> = { status: input.status }
  if (district !== undefined) where['place.district'] = district
  if (input.categoryId) where.categoryId = input.categoryId
  const page = await keysetPage<NominationDoc>(ctx.db, {
    collection: C.nominations,
    where,
    field: 'createdAt',
    order: 'asc',
    pageSize: ROLEMODEL_LIMITS.pageSize,
    cursor: input.cursor,
  })
  const items: NominationListItem[] = []
  for (const doc of page.docs) items.push(listItem(doc, (await duplicatesOf(ctx, doc)).length))
  return { items, nextCursor: page.next }
}

async function officeView(ctx: ActionContext, doc: NominationDoc): Promise<NominationOfficeView> {
  const _ = ctx.db.command
  const merged = doc.mergedFrom.length
    ? ((await ctx.db.collection(C.nominations).where({ _id: _.in(doc.mergedFrom.slice(0, 100)) }).limit(100).get()).data as unknown as NominationDoc[])
    : []
  const duplicates = await duplicatesOf(ctx, doc)
  return officeNominationView(ctx, doc, merged, duplicates.map((d) => listItem(d, 0)))
}

/** A nomination the caller may review; another district's is "not found", as ids are not secrets. */
async function reviewable(ctx: ActionContext, nominationId: string): Promise<NominationDoc | Fail> {
  const doc = await findById<NominationDoc>(ctx.db, C.nominations, nominationId)
  if (!doc || !mayReview(await reviewScopeOf(ctx), doc)) return rmFail('ROLEMODEL.NOT_FOUND')
  return doc
}

export async function getNomination(input: { nominationId: string }, ctx: ActionContext): Promise<NominationOfficeView | Fail> {
  const doc = await reviewable(ctx, input.nominationId)
  if ('ok' in doc) return doc
  return officeView(ctx, doc)
}

type ReviewInput =
  | { nominationId: string; decision: 'accept'; story?: string }
  | { nominationId: string; decision: 'askMore'; note: string }
  | { nominationId: string; decision: 'decline'; reason: string }

/**
 * Applies `data` to the nomination if it is still in one of `from` at the version read, with a
 * history entry; null when someone changed it meanwhile.
 */
async function moveNomination(ctx: ActionContext, doc: NominationDoc, from: readonly NominationStatus[], data: Record<string, unknown>, entry: HistoryEntry): Promise<boolean> {
  const _ = ctx.db.command
  const { stats } = await ctx.db
    .collection(C.nominations)
    .where({ _id: doc._id, version: doc.version, status: _.in([...from]) })
    .update({ data: { ...data, history: _.push(entry), version: _.inc(1), updatedAt: entry.at } })
  return stats.updated === 1
}

export async function review(input: ReviewInput, ctx: ActionContext): Promise<AcceptResultView | NominationOfficeView | Fail> {
  const doc = await reviewable(ctx, input.nominationId)
  if ('ok' in doc) return doc
  if (!OPEN.includes(doc.status)) return rmFail('ROLEMODEL.INVALID_TRANSITION')
  const now = ctx.clock.now()

  if (input.decision === 'accept') return accept(ctx, doc, input.story, now)

  const note = input.decision === 'askMore' ? input.note : input.reason
  // the nominator reads this note: it passes the text check like any public text
  const textFail = await checkText(ctx, note)
  if (textFail) return textFail
  const status: NominationStatus = input.decision === 'askMore' ? 'needsMore' : 'declined'
  const moved = await moveNomination(ctx, doc, OPEN, { status, officeNote: note }, { at: now, action: input.decision, note })
  if (!moved) return rmFail('ROLEMODEL.STALE')
  await writeAudit(ctx, { subjectType: 'rolemodel_nomination', subjectId: doc._id, action: input.decision, detail: { from: doc.status, to: status } })
  const after = await findById<NominationDoc>(ctx.db, C.nominations, doc._id)
  return officeView(ctx, after ?? doc)
}

async function accept(ctx: ActionContext, doc: NominationDoc, story: string | undefined, now: number): Promise<AcceptResultView | Fail> {
  if (story) {
    const textFail = await checkText(ctx, story)
    if (textFail) return textFail
  }
  const nomineeId = sha('nominee', doc._id).slice(0, 24)
  const code = issueCode()
  const nominee: NomineeDoc = {
    _id: nomineeId,
    name: doc.name,
    categoryId: doc.categoryId,
    place: doc.place,
    story: story ?? doc.account,
    // only photos that passed the check can ever be shown
    photos: doc.photos.filter((p) => p.pass).map((p) => p.fileId),
    nominationIds: [doc._id, ...doc.mergedFrom],
    consent: { status: 'awaiting', at: null, openid: null, codeHash: code.hash, codeExpiresAt: code.expiresAt(now) },
    roundIds: [],
    activeRoundId: null,
    chosen: false,
    createdAt: now,
    updatedAt: now,
  }
  const _ = ctx.db.command
  const entry: HistoryEntry = { at: now, action: 'accept', note: null }
  const accepted = await ctx.db.runTransaction(async (tx) => {
    const ref = tx.collection(C.nominations).doc(doc._id)
    const fresh = (await ref.get()).data as unknown as NominationDoc
    if (fresh.version !== doc.version || !OPEN.includes(fresh.status)) return false
    await ref.update({
      data: { status: 'accepted', officeNote: null, nomineeId, history: _.push(entry), version: _.inc(1), updatedAt: now },
    })
    // nominations merged into this one follow it to the nominee
    for (const mergedId of fresh.mergedFrom) await tx.collection(C.nominations).doc(mergedId).update({ data: { nomineeId } })
    await tx.collection(C.nominees).add({ data: { ...nominee } })
    await tx.collection(C.consentCodes).add({ data: { _id: code.hash, nomineeId, expiresAt: code.expiresAt(now), usedAt: null } })
    return true
  })
  if (!accepted) return rmFail('ROLEMODEL.STALE')
  await writeAudit(ctx, { subjectType: 'rolemodel_nomination', subjectId: doc._id, action: 'accept', detail: { from: doc.status, to: 'accepted', nomineeId } })
  const after = (await findById<NominationDoc>(ctx.db, C.nominations, doc._id)) ?? doc
  return {
    nomination: await officeView(ctx, after),
    nominee: await nomineeView(ctx, nominee),
    consent: code.view(nomineeId, now),
  }
}

/** The office confirms two nominations are one person: `nominationId` goes into `intoNominationId`. */
export async function merge(input: { nominationId: string; intoNominationId: string }, ctx: ActionContext): Promise<NominationOfficeView | Fail> {
  if (input.nominationId === input.intoNominationId) return rmFail('ROLEMODEL.MERGE_SELF')
  const now = ctx.clock.now()
  const _ = ctx.db.command
  const outcome = await ctx.db.runTransaction(async (tx): Promise<Fail | null> => {
    const sourceRef = tx.collection(C.nominations).doc(input.nominationId)
    const targetRef = tx.collection(C.nominations).doc(input.intoNominationId)
    const source = ((await sourceRef.get().catch(() => null))?.data ?? null) as unknown as NominationDoc | null
    const target = ((await targetRef.get().catch(() => null))?.data ?? null) as unknown as NominationDoc | null
    if (!source || !target) return rmFail('ROLEMODEL.NOT_FOUND')
    if (!OPEN.includes(source.status)) return rmFail('ROLEMODEL.INVALID_TRANSITION')
    if (![...OPEN, 'accepted'].includes(target.status)) return rmFail('ROLEMODEL.MERGE_TARGET_CLOSED')
    await sourceRef.update({
      data: {
        status: 'merged',
        mergedInto: target._id,
        nomineeId: target.nomineeId,
        officeNote: '经文明办核实，与其他市民推荐的是同一人，已合并处理，感谢您的推荐',
        history: _.push({ at: now, action: 'merge', note: target._id }),
        version: _.inc(1),
        updatedAt: now,
      },
    })
    await targetRef.update({
      data: {
        mergedFrom: _.push([source._id, ...source.mergedFrom]),
        history: _.push({ at: now, action: 'mergedFrom', note: source._id }),
        version: _.inc(1),
        updatedAt: now,
      },
    })
    // what was merged into the source comes along
    for (const earlier of source.mergedFrom) await tx.collection(C.nominations).doc(earlier).update({ data: { mergedInto: target._id, nomineeId: target.nomineeId } })
    if (target.nomineeId) {
      // the nominee's public story and photos stay what they agreed to; only the record grows
      await tx.collection(C.nominees).doc(target.nomineeId).update({ data: { nominationIds: _.push([source._id, ...source.mergedFrom]), updatedAt: now } })
    }
    return null
  })
  if (outcome) return outcome
  await writeAudit(ctx, { subjectType: 'rolemodel_nomination', subjectId: input.nominationId, action: 'merge', detail: { into: input.intoNominationId } })
  const target = await findById<NominationDoc>(ctx.db, C.nominations, input.intoNominationId)
  if (!target) return rmFail('ROLEMODEL.NOT_FOUND')
  return officeView(ctx, target)
}

export async function markHonoured(
  input: { nominationId: string; level: HonourLevel; title: string; year: number },
  ctx: ActionContext,
): Promise<NominationOfficeView | Fail> {
  const doc = await findById<NominationDoc>(ctx.db, C.nominations, input.nominationId)
  if (!doc) return rmFail('ROLEMODEL.NOT_FOUND')
  if (!OPEN.includes(doc.status)) return rmFail('ROLEMODEL.INVALID_TRANSITION')
  const now = ctx.clock.now()
  const honour = { level: input.level, title: input.title, year: input.year }
  const note = `被推荐人已于 ${input.year} 年获${HONOUR_LEVEL_LABEL[input.level].replace('（本级）', '')}称号「${input.title}」，按规定不再列入本次评选，感谢您的推荐`
  const moved = await moveNomination(ctx, doc, OPEN, { status: 'honoured', honour: ctx.db.command.set(honour), officeNote: note }, { at: now, action: 'honoured', note: input.title })
  if (!moved) return rmFail('ROLEMODEL.STALE')
  await writeAudit(ctx, { subjectType: 'rolemodel_nomination', subjectId: doc._id, action: 'markHonoured', detail: { level: input.level, title: input.title, year: input.year } })
  const after = await findById<NominationDoc>(ctx.db, C.nominations, doc._id)
  return officeView(ctx, after ?? doc)
}
