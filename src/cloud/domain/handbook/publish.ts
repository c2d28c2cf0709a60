import { HANDBOOK_ERRORS, type HandbookErrorCode } from '@/shared/contract/handbook'
import { fail, type Fail } from '@/shared/errors'
import { HANDBOOK_CHAPTERS } from '@/shared/handbook/ids'
import type {
  HandbookChapterContent,
  HandbookDraftSummary,
  HandbookToc,
  HandbookVersionView,
} from '@/shared/handbook/types'
import type { Clock, Logger, Platform } from '../../platform'
import { DatabaseError, DUPLICATE_KEY, type Database } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { claimImage, takeReservations, uploadFail, type Claim } from '../upload/reservations'
import { HANDBOOK_CONTENT, REPO_EDITION } from './content'
import { sectionBody } from './search'
import {
  chapterDocId,
  contentHash,
  contentKeyOf,
  META_ID,
  readAllChapters,
  readChapter,
  readMeta,
  toToc,
  tocEntry,
  versionDocId,
  type HandbookDraftDoc,
  type HandbookMetaDoc,
  type HandbookVersionDoc,
  type StoredTocChapter,
} from './store'

const handbookFail = (code: HandbookErrorCode, detail?: string): Fail =>
  fail(code, detail ? `${HANDBOOK_ERRORS[code]}：${detail}` : HANDBOOK_ERRORS[code])

/** The `_.in` read of a version's chapters takes at most 100 keys; a handbook stays far below. */
export const MAX_CHAPTERS = 40

/** Thrown inside the publish transaction to abort it; never escapes this module. */
class VersionConflict extends Error {}

/**
 * The rules a whole handbook keeps, whoever edits it: each fixed chapter exists and holds its
 * fixed sections (quiz explanations link to them), and a section id appears once in the handbook.
 */
export function checkHandbook(chapters: readonly HandbookChapterContent[]): Fail | null {
  if (chapters.length > MAX_CHAPTERS) return fail('INPUT.INVALID', `手册最多 ${MAX_CHAPTERS} 章`)
  const seen = new Map<string, string>()
  for (const chapter of chapters) {
    for (const section of chapter.sections) {
      const owner = seen.get(section.id)
      if (owner !== undefined) return handbookFail('HANDBOOK.DUPLICATE_SECTION', section.id)
      seen.set(section.id, chapter.id)
    }
  }
  for (const fixed of HANDBOOK_CHAPTERS) {
    for (const sectionId of fixed.sections) {
      if (seen.get(sectionId) !== fixed.id) return handbookFail('HANDBOOK.FIXED_SECTION_MISSING', `${fixed.title} · ${sectionId}`)
    }
  }
  return null
}

interface PublishRequest {
  base: HandbookMetaDoc | null
  chapters: readonly HandbookChapterContent[]
  source: 'repo' | 'office'
  publishedBy: string
  note: string
  repoEdition: number | null
}

/**
 * Publishes a whole handbook as version base+1, atomically: the new version, the chapters whose
 * text changed, and the pointer move together or not at all. Two publishers on the same base: the
 * second finds the version taken and gets a conflict rather than overwriting the first.
 */
export async function publishVersion(db: Database, clock: Clock, request: PublishRequest): Promise<HandbookMetaDoc | 'conflict'> {
  const version = (request.base?.version ?? 0) + 1
  const previous = new Map((request.base?.chapters ?? []).map((c) => [c.id, c]))
  const now = clock.now()
  const changed: Array<{ entry: StoredTocChapter; content: HandbookChapterContent }> = []
  const chapters = request.chapters.map((content) => {
    const hash = contentHash(content)
    const before = previous.get(content.id)
    const entry = tocEntry(content, before && before.hash === hash ? before.revision : version, hash)
    if (entry.revision === version) changed.push({ entry, content })
    return entry
  })
  const meta: HandbookMetaDoc = {
    _id: META_ID,
    version,
    publishedAt: now,
    publishedBy: request.publishedBy,
    note: request.note,
    source: request.source,
    repoEdition: request.repoEdition,
    contentKey: contentKeyOf(chapters),
    chapters,
  }
  const { _id: _metaId, ...metaFields } = meta
  try {
    await db.runTransaction(async (tx) => {
      if (request.base) {
        const current = await tx.collection('handbook_meta').doc(META_ID).get()
        if ((current.data as unknown as HandbookMetaDoc).version !== request.base.version) throw new VersionConflict()
      }
      // the version number is claimed by creating its document: a second claim is a duplicate key
      await tx.collection('handbook_versions').add({
        data: { _id: versionDocId(version), ...metaFields, changedChapters: changed.map((c) => c.entry.id) },
      })
      for (const { entry, content } of changed) {
        await tx.collection('handbook_chapters').doc(chapterDocId(entry.id, entry.revision)).set({
          data: { chapterId: entry.id, revision: entry.revision, hash: entry.hash, content, createdAt: now },
        })
      }
      await tx.collection('handbook_meta').doc(META_ID).set({ data: metaFields })
    })
  } catch (error) {
    if (error instanceof VersionConflict) return 'conflict'
    if (error instanceof DatabaseError && error.code === DUPLICATE_KEY) return 'conflict'
    throw error
  }
  return meta
}

/**
 * Puts the repo's handbook in the database. Idempotent: on an empty database it publishes the
 * repo edition as version 1; when the repo holds a newer edition and the live version also came
 * from the repo, the new edition is published on top. Once the office has published its own
 * edits, the repo never overwrites them (the office's text wins; a log line says so).
 */
export async function seedHandbook(platform: Pick<Platform, 'db' | 'clock' | 'log'>): Promise<HandbookMetaDoc | null> {
  const current = await readMeta(platform.db)
  if (current && (current.source === 'office' || (current.repoEdition ?? 0) >= REPO_EDITION)) {
    if (current.source === 'office' && (current.repoEdition ?? 0) < REPO_EDITION) logSkipped(platform.log, current)
    return current
  }
  const published = await publishVersion(platform.db, platform.clock, {
    base: current,
    chapters: HANDBOOK_CONTENT,
    source: 'repo',
    publishedBy: 'repo',
    note: `手册第 ${REPO_EDITION} 版`,
    repoEdition: REPO_EDITION,
  })
  // a concurrent seed won the race: what it published is the current handbook
  return published === 'conflict' ? readMeta(platform.db) : published
}

function logSkipped(log: Logger, current: HandbookMetaDoc): void {
  log.info('handbook repo edition not applied: the office has published its own version', {
    version: current.version,
    repoEdition: REPO_EDITION,
  })
}

/** The live handbook; a fresh environment gets the repo edition on first use. */
export async function currentHandbook(ctx: Pick<Platform, 'db' | 'clock' | 'log'>): Promise<HandbookMetaDoc | null> {
  return (await readMeta(ctx.db)) ?? seedHandbook(ctx)
}

/** Office text is published to every resident: it passes the content check in pieces the API accepts. */
const CHECK_CHUNK = 2000

async function passesContentCheck(ctx: ActionContext, content: HandbookChapterContent): Promise<boolean> {
  const text = [content.title, content.summary, content.illustration?.alt ?? '', ...content.sections.map((s) => `${s.title}\n${sectionBody(s.blocks)}`)].join('\n')
  for (let at = 0; at < text.length; at += CHECK_CHUNK) {
    const verdict = await ctx.openApi.checkText({ openid: ctx.caller.openid, content: text.slice(at, at + CHECK_CHUNK), scene: 'forum' })
    if (!verdict.pass) return false
  }
  if (content.illustration) return (await ctx.openApi.checkImage({ fileID: content.illustration.fileID })).pass
  return true
}

/**
 * The chapter's own picture again (live, or in its draft) needs no claim; a new one must be the
 * office's own upload, whose reservation is taken once the chapter passed every check.
 */
async function claimIllustration(ctx: ActionContext, meta: HandbookMetaDoc, drafts: readonly HandbookDraftDoc[], chapter: HandbookChapterContent): Promise<Claim | Fail> {
  const fileId = chapter.illustration?.fileID ?? ''
  const live = meta.chapters.find((c) => c.id === chapter.id)
  const current = [
    live ? (await readChapter(ctx.db, live))?.content.illustration?.fileID : null,
    drafts.find((d) => d.chapterId === chapter.id)?.content.illustration?.fileID,
  ]
  return claimImage(ctx, 'handbook', fileId, current)
}

async function listDrafts(db: Database): Promise<HandbookDraftDoc[]> {
  const { data } = await db.collection('handbook_drafts').orderBy('stagedAt', 'asc').limit(100).get()
  return data as unknown as HandbookDraftDoc[]
}

function draftSummary(draft: HandbookDraftDoc, meta: HandbookMetaDoc): HandbookDraftSummary {
  return {
    chapterId: draft.chapterId,
    title: draft.content.title,
    baseVersion: draft.baseVersion,
    stagedAt: draft.stagedAt,
    isNew: !meta.chapters.some((c) => c.id === draft.chapterId),
  }
}

/** The handbook as it would be published: the live chapters with the drafts laid over them. */
async function withDrafts(db: Database, meta: HandbookMetaDoc, drafts: readonly HandbookDraftDoc[]): Promise<HandbookChapterContent[]> {
  const live = await readAllChapters(db, meta)
  const overlay = new Map(drafts.map((d) => [d.chapterId, d.content]))
  const merged = live.map((c) => overlay.get(c.id) ?? c)
  const added = drafts.filter((d) => !live.some((c) => c.id === d.chapterId)).map((d) => d.content)
  return [...merged, ...added]
}

export async function stageChapter(
  input: { baseVersion: number; chapter: HandbookChapterContent },
  ctx: ActionContext,
): Promise<HandbookDraftSummary | Fail> {
  const meta = await currentHandbook(ctx)
  if (!meta) return handbookFail('HANDBOOK.NOT_READY')
  if (input.baseVersion !== meta.version) return handbookFail('HANDBOOK.VERSION_CONFLICT')
  const allDrafts = await listDrafts(ctx.db)
  const drafts = allDrafts.filter((d) => d.chapterId !== input.chapter.id)
  const stagedDraft: HandbookDraftDoc = {
    _id: input.chapter.id,
    chapterId: input.chapter.id,
    baseVersion: meta.version,
    content: input.chapter,
    stagedAt: ctx.clock.now(),
    stagedBy: ctx.caller.openid,
  }
  const invalid = checkHandbook(await withDrafts(ctx.db, meta, [...drafts, stagedDraft]))
  if (invalid) return invalid
  const illustration = input.chapter.illustration ? await claimIllustration(ctx, meta, allDrafts, input.chapter) : null
  if (illustration && 'ok' in illustration) return illustration
  if (!(await passesContentCheck(ctx, input.chapter))) return handbookFail('HANDBOOK.CONTENT_REJECTED')
  if (illustration && !(await takeReservations(ctx, illustration))) return uploadFail('UPLOAD.NOT_YOURS')
  const { _id, ...fields } = stagedDraft
  await ctx.db.collection('handbook_drafts').doc(_id).set({ data: fields })
  await writeAudit(ctx, { subjectType: 'handbook', subjectId: input.chapter.id, action: 'stageChapter', detail: { baseVersion: meta.version } })
  return draftSummary(stagedDraft, meta)
}

export async function getDrafts(ctx: ActionContext): Promise<{ baseVersion: number; items: HandbookDraftSummary[] } | Fail> {
  const meta = await currentHandbook(ctx)
  if (!meta) return handbookFail('HANDBOOK.NOT_READY')
  const drafts = await listDrafts(ctx.db)
  return { baseVersion: meta.version, items: drafts.map((d) => draftSummary(d, meta)) }
}

export async function getDraft(input: { chapterId: string }, ctx: ActionContext): Promise<HandbookChapterContent | Fail> {
  const draft = await findById<HandbookDraftDoc>(ctx.db, 'handbook_drafts', input.chapterId)
  return draft ? draft.content : handbookFail('HANDBOOK.DRAFT_NOT_FOUND')
}

export async function discardDraft(input: { chapterId: string }, ctx: ActionContext): Promise<{ chapterId: string; discarded: boolean }> {
  const { stats } = await ctx.db.collection('handbook_drafts').doc(input.chapterId).remove()
  if (stats.removed > 0) {
    await writeAudit(ctx, { subjectType: 'handbook', subjectId: input.chapterId, action: 'discardDraft' })
  }
  return { chapterId: input.chapterId, discarded: stats.removed > 0 }
}

/**
 * Publishes the drafts as the next version. Drafts staged on an older version are still applied
 * (each replaces its whole chapter), but the publisher must name the version they saw, so two
 * office staff cannot publish over each other unknowingly.
 */
export async function publishDrafts(input: { baseVersion: number; note: string }, ctx: ActionContext): Promise<HandbookToc | Fail> {
  const meta = await currentHandbook(ctx)
  if (!meta) return handbookFail('HANDBOOK.NOT_READY')
  if (input.baseVersion !== meta.version) return handbookFail('HANDBOOK.VERSION_CONFLICT')
  const drafts = await listDrafts(ctx.db)
  if (drafts.length === 0) return handbookFail('HANDBOOK.NO_DRAFTS')
  const chapters = await withDrafts(ctx.db, meta, drafts)
  const invalid = checkHandbook(chapters)
  if (invalid) return invalid
  const published = await publishVersion(ctx.db, ctx.clock, {
    base: meta,
    chapters,
    source: 'office',
    publishedBy: ctx.caller.openid,
    note: input.note,
    repoEdition: meta.repoEdition,
  })
  if (published === 'conflict') return handbookFail('HANDBOOK.VERSION_CONFLICT')
  // Only the drafts that went into this version are cleared; one staged meanwhile stays.
  const _ = ctx.db.command
  for (const draft of drafts) {
    await ctx.db.collection('handbook_drafts').where({ _id: draft._id, stagedAt: _.eq(draft.stagedAt) }).remove()
  }
  await writeAudit(ctx, {
    subjectType: 'handbook',
    subjectId: versionDocId(published.version),
    action: 'publish',
    detail: { version: published.version, chapters: drafts.map((d) => d.chapterId).join(',') },
  })
  return toToc(published)
}

export async function listVersions(input: { offset?: number }, ctx: ActionContext): Promise<{ items: HandbookVersionView[]; nextOffset: number | null }> {
  const pageSize = 20
  const offset = input.offset ?? 0
  const { data } = await ctx.db.collection('handbook_versions').orderBy('version', 'desc').skip(offset).limit(pageSize + 1).get()
  const docs = data as unknown as HandbookVersionDoc[]
  return {
    items: docs.slice(0, pageSize).map((d) => ({
      version: d.version,
      publishedAt: d.publishedAt,
      note: d.note,
      source: d.source,
      changedChapters: d.changedChapters,
    })),
    nextOffset: docs.length > pageSize ? offset + pageSize : null,
  }
}
