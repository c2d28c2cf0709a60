import crypto from 'node:crypto'
import {
  ENTRY_ERRORS,
  type EntryErrorCode,
  type PosterCounters,
  type PosterDayView,
  type PosterPlace,
  type PosterStatsView,
  type PosterStatus,
  type PosterTarget,
  type PosterView,
  type PublicPosterView,
} from '@/shared/contract/entry'
import { fail, type Fail } from '@/shared/errors'
import { encodeScene } from '@/shared/scene'
import { surveyPageUrl } from '@/shared/survey'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { currentHandbook } from '../handbook/publish'
import { findSection } from '../handbook/store'
import { EMPTY_COUNTERS, posterDayId } from './counters'
import { takePosterNo } from '../report/ticket'
import { shanghaiDay } from './day'

export const ENTRY_PAGE = 'pages/entry/index'

export interface PosterDoc {
  _id: string
  title: string
  place: PosterPlace
  target: PosterTarget
  status: PosterStatus
  scene: string
  codeFileID: string | null
  totals: PosterCounters
  /** hash of (office account, requestId): a retried registration finds its poster */
  requestKey: string
  createdAt: number
  createdBy: string
  updatedAt: number
  /** 编号 HB-0042 from the posters' counter (report/ticket.ts); absent on posters registered before numbers */
  serialNo?: string
}

export const entryFail = (code: EntryErrorCode): Fail => fail(code, ENTRY_ERRORS[code])

/**
 * The page a poster opens, with its query. The report form gets the poster's place in the query
 * (`lat`, `lng`, `address`) so it can pre-fill without another call; it can also read the same
 * place through `entry.poster` with the `poster` id.
 */
export function targetUrl(poster: Pick<PosterDoc, '_id' | 'target' | 'place'>): string {
  const q = (params: Record<string, string | number>) =>
    Object.entries(params)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&')
  const { target } = poster
  switch (target.kind) {
    case 'report':
      return `/pages/report/index?${q({ poster: poster._id, lat: poster.place.lat, lng: poster.place.lng, address: poster.place.address })}`
    case 'chapter':
      return `/packages/handbook/pages/index/index?${q(target.sectionId ? { chapter: target.chapterId, section: target.sectionId } : { chapter: target.chapterId })}`
    case 'dailyQuiz':
      return '/packages/quiz/pages/index/index?mode=daily'
    case 'activity':
      return `/packages/volunteer/pages/activity/index?${q({ id: target.activityId })}`
    case 'survey':
      return surveyPageUrl(target.surveyId)
  }
}

/** Unambiguous characters only: a poster id may be read aloud or typed from a print-out. */
const ID_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'
const ID_LENGTH = 8

export function posterIdFor(requestKey: string, attempt: number): string {
  const digest = crypto.createHash('sha256').update(`${requestKey}:${attempt}`).digest()
  let id = ''
  for (let i = 0; i < ID_LENGTH; i += 1) id += ID_ALPHABET[digest[i] % ID_ALPHABET.length]
  return id
}

function requestKeyOf(openid: string, requestId: string): string {
  return crypto.createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 32)
}

async function validTarget(target: PosterTarget, ctx: ActionContext): Promise<Fail | null> {
  if (target.kind !== 'chapter') return null
  const meta = await currentHandbook(ctx)
  const { chapter, section } = meta ? findSection(meta, target.chapterId, target.sectionId) : { chapter: undefined, section: undefined }
  if (!chapter || (target.sectionId !== undefined && !section)) return entryFail('ENTRY.CHAPTER_UNKNOWN')
  return null
}

async function textPasses(ctx: ActionContext, ...parts: string[]): Promise<boolean> {
  const verdict = await ctx.openApi.checkText({ openid: ctx.caller.openid, content: parts.join('\n'), scene: 'forum' })
  return verdict.pass
}

/** Makes the poster's 小程序码 and keeps it in storage; null when the code API fails. */
async function makeCode(ctx: ActionContext, posterId: string, scene: string): Promise<string | null> {
  try {
    const code = await ctx.openApi.createMiniProgramCode({ scene, page: ENTRY_PAGE, width: 430 })
    const { fileID } = await ctx.storage.uploadFile({ cloudPath: `posters/${posterId}.png`, fileContent: code.buffer })
    await ctx.db.collection('posters').doc(posterId).update({ data: { codeFileID: fileID } })
    return fileID
  } catch (error) {
    ctx.log.error('poster code failed', { error: error instanceof Error ? error.message : 'unknown' })
    return null
  }
}

async function tempUrls(ctx: ActionContext, fileIDs: Array<string | null>): Promise<Map<string, string>> {
  const ids = fileIDs.filter((f): f is string => f !== null)
  if (ids.length === 0) return new Map()
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: ids })
  return new Map(fileList.filter((f) => f.tempFileURL).map((f) => [f.fileID, f.tempFileURL]))
}

async function todayCounters(ctx: ActionContext, posterIds: string[]): Promise<Map<string, PosterCounters>> {
  if (posterIds.length === 0) return new Map()
  const day = shanghaiDay(ctx.clock.now())
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection('poster_days')
    .where({ _id: _.in(posterIds.map((id) => posterDayId(id, day))) })
    .limit(100)
    .get()
  return new Map(data.map((d) => [String(d.posterId), countersOf(d)]))
}

function countersOf(doc: Record<string, unknown>): PosterCounters {
  const n = (key: keyof PosterCounters) => (typeof doc[key] === 'number' ? (doc[key] as number) : 0)
  return { scans: n('scans'), people: n('people'), reports: n('reports'), chapters: n('chapters'), quizzes: n('quizzes') }
}

function toView(doc: PosterDoc, urls: Map<string, string>, today: PosterCounters | undefined): PosterView {
  return {
    id: doc._id,
    serialNo: doc.serialNo ?? null,
    title: doc.title,
    place: doc.place,
    target: doc.target,
    status: doc.status,
    scene: doc.scene,
    url: targetUrl(doc),
    codeUrl: doc.codeFileID ? urls.get(doc.codeFileID) ?? null : null,
    codeFileID: doc.codeFileID,
    totals: { ...EMPTY_COUNTERS, ...doc.totals },
    today: today ?? { ...EMPTY_COUNTERS },
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  }
}

async function viewsOf(ctx: ActionContext, docs: PosterDoc[]): Promise<PosterView[]> {
  const [urls, today] = await Promise.all([
    tempUrls(ctx, docs.map((d) => d.codeFileID)),
    todayCounters(ctx, docs.map((d) => d._id)),
  ])
  return docs.map((d) => toView(d, urls, today.get(d._id)))
}

async function viewOf(ctx: ActionContext, doc: PosterDoc): Promise<PosterView> {
  return (await viewsOf(ctx, [doc]))[0]
}

export async function registerPoster(
  input: { title: string; place: PosterPlace; target: PosterTarget; requestId: string },
  ctx: ActionContext,
): Promise<PosterView | Fail> {
  const requestKey = requestKeyOf(ctx.caller.openid, input.requestId)
  const invalid = await validTarget(input.target, ctx)
  if (invalid) return invalid
  if (!(await textPasses(ctx, input.title, input.place.address))) return entryFail('ENTRY.TITLE_REJECTED')

  const now = ctx.clock.now()
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const id = posterIdFor(requestKey, attempt)
    const scene = encodeScene({ kind: 'poster', posterId: id })
    const doc: PosterDoc = {
      _id: id,
      title: input.title,
      place: input.place,
      target: input.target,
      status: 'active',
      scene,
      codeFileID: null,
      totals: { ...EMPTY_COUNTERS },
      requestKey,
      createdAt: now,
      createdBy: ctx.caller.openid,
      updatedAt: now,
    }
    try {
      // the number is taken with the add: a retried registration (duplicate id) gives it back
      await ctx.db.runTransaction(async (tx) => {
        doc.serialNo = await takePosterNo(tx, now)
        await tx.collection('posters').add({ data: { ...doc } })
      })
    } catch (error) {
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
      const existing = await findById<PosterDoc>(ctx.db, 'posters', id)
      // the same request retried: the poster it made, with its code (made now if that failed)
      if (existing && existing.requestKey === requestKey) {
        if (!existing.codeFileID) existing.codeFileID = await makeCode(ctx, id, existing.scene)
        return viewOf(ctx, existing)
      }
      continue // another poster owns this id: derive the next one
    }
    await writeAudit(ctx, { subjectType: 'poster', subjectId: id, action: 'registerPoster', detail: { target: input.target.kind } })
    doc.codeFileID = await makeCode(ctx, id, scene)
    return viewOf(ctx, doc)
  }
  throw new Error('could not find a free poster id')
}

export async function updatePoster(
  input: { posterId: string; title?: string; place?: PosterPlace; target?: PosterTarget },
  ctx: ActionContext,
): Promise<PosterView | Fail> {
  const existing = await findById<PosterDoc>(ctx.db, 'posters', input.posterId)
  if (!existing) return entryFail('ENTRY.POSTER_NOT_FOUND')
  if (input.target) {
    const invalid = await validTarget(input.target, ctx)
    if (invalid) return invalid
  }
  if (input.title !== undefined || input.place !== undefined) {
    if (!(await textPasses(ctx, input.title ?? '', input.place?.address ?? ''))) return entryFail('ENTRY.TITLE_REJECTED')
  }
  const _ = ctx.db.command
  const changes: Record<string, unknown> = { updatedAt: ctx.clock.now() }
  if (input.title !== undefined) changes.title = input.title
  // whole replacement: a target of another kind must not keep the old kind's fields
  if (input.place !== undefined) changes.place = _.set(input.place)
  if (input.target !== undefined) changes.target = _.set(input.target)
  await ctx.db.collection('posters').doc(input.posterId).update({ data: changes })
  await writeAudit(ctx, { subjectType: 'poster', subjectId: input.posterId, action: 'updatePoster' })
  const updated = await findById<PosterDoc>(ctx.db, 'posters', input.posterId)
  return updated ? viewOf(ctx, updated) : entryFail('ENTRY.POSTER_NOT_FOUND')
}

export async function setPosterStatus(input: { posterId: string; status: PosterStatus }, ctx: ActionContext): Promise<PosterView | Fail> {
  const existing = await findById<PosterDoc>(ctx.db, 'posters', input.posterId)
  if (!existing) return entryFail('ENTRY.POSTER_NOT_FOUND')
  if (existing.status !== input.status) {
    await ctx.db.collection('posters').doc(input.posterId).update({ data: { status: input.status, updatedAt: ctx.clock.now() } })
    await writeAudit(ctx, { subjectType: 'poster', subjectId: input.posterId, action: 'setPosterStatus', detail: { status: input.status } })
  }
  return viewOf(ctx, { ...existing, status: input.status })
}

const PAGE = 20

export async function listPosters(
  input: { status?: PosterStatus; offset?: number },
  ctx: ActionContext,
): Promise<{ items: PosterView[]; nextOffset: number | null }> {
  const offset = input.offset ?? 0
  const base = ctx.db.collection('posters')
  const query = input.status ? base.where({ status: input.status }) : base
  const { data } = await query.orderBy('createdAt', 'desc').skip(offset).limit(PAGE + 1).get()
  const docs = data as unknown as PosterDoc[]
  return { items: await viewsOf(ctx, docs.slice(0, PAGE)), nextOffset: docs.length > PAGE ? offset + PAGE : null }
}

export async function posterStats(input: { posterId: string; days?: number }, ctx: ActionContext): Promise<PosterStatsView | Fail> {
  const poster = await findById<PosterDoc>(ctx.db, 'posters', input.posterId)
  if (!poster) return entryFail('ENTRY.POSTER_NOT_FOUND')
  const { data } = await ctx.db
    .collection('poster_days')
    .where({ posterId: input.posterId })
    .orderBy('day', 'desc')
    .limit(input.days ?? 30)
    .get()
  const days: PosterDayView[] = data.map((d) => ({ day: String(d.day), ...countersOf(d) }))
  return { poster: await viewOf(ctx, poster), days }
}

export async function posterCode(input: { posterId: string }, ctx: ActionContext): Promise<PosterView | Fail> {
  const poster = await findById<PosterDoc>(ctx.db, 'posters', input.posterId)
  if (!poster) return entryFail('ENTRY.POSTER_NOT_FOUND')
  if (!poster.codeFileID) {
    poster.codeFileID = await makeCode(ctx, poster._id, poster.scene)
    if (!poster.codeFileID) return entryFail('ENTRY.CODE_FAILED')
  }
  return viewOf(ctx, poster)
}

export async function publicPoster(input: { posterId: string }, ctx: ActionContext): Promise<PublicPosterView | Fail> {
  const poster = await findById<PosterDoc>(ctx.db, 'posters', input.posterId)
  if (!poster) return entryFail('ENTRY.POSTER_NOT_FOUND')
  return { id: poster._id, title: poster.title, place: poster.place, target: poster.target, status: poster.status }
}

/** For other areas on the server (the report area may trust this place more than the URL's). */
export async function posterPlace(ctx: Pick<ActionContext, 'db'>, posterId: string): Promise<PosterPlace | null> {
  const poster = await findById<PosterDoc>(ctx.db, 'posters', posterId)
  return poster ? poster.place : null
}
