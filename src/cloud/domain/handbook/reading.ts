import { HANDBOOK_ERRORS, HANDBOOK_LIMITS, type HandbookErrorCode } from '@/shared/contract/handbook'
import { fail, type Fail } from '@/shared/errors'
import type {
  BookmarkPage,
  BookmarkView,
  ChapterProgressView,
  HandbookChapterView,
  HandbookSearchPage,
  HandbookToc,
  MyReadingView,
} from '@/shared/handbook/types'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { recordFollowUp } from '../entry/follow-up'
import { earnPoints } from '../points/earn'
import { recordChapterFinished, recordChapterOpened } from '../stats/dash'
import { currentHandbook } from './publish'
import { buildSearchIndex, searchIndex, type SearchIndex } from './search'
import { findSection, readAllChapters, readChapter, toToc, type HandbookMetaDoc } from './store'

const handbookFail = (code: HandbookErrorCode): Fail => fail(code, HANDBOOK_ERRORS[code])

export async function getToc(ctx: ActionContext): Promise<HandbookToc | Fail> {
  const meta = await currentHandbook(ctx)
  return meta ? toToc(meta) : handbookFail('HANDBOOK.NOT_READY')
}

export async function getChapter(input: { chapterId: string }, ctx: ActionContext): Promise<HandbookChapterView | Fail> {
  const meta = await currentHandbook(ctx)
  if (!meta) return handbookFail('HANDBOOK.NOT_READY')
  const { chapter: entry } = findSection(meta, input.chapterId)
  if (!entry) return handbookFail('HANDBOOK.CHAPTER_NOT_FOUND')
  const doc = await readChapter(ctx.db, entry)
  if (!doc) return handbookFail('HANDBOOK.NOT_READY')
  let illustrationUrl: string | null = null
  if (doc.content.illustration) {
    const { fileList } = await ctx.storage.getTempFileURL({ fileList: [doc.content.illustration.fileID] })
    illustrationUrl = fileList[0]?.tempFileURL || null
  }
  return { ...doc.content, version: meta.version, revision: entry.revision, illustrationUrl }
}

/**
 * One index per function instance, rebuilt when the published content changes (keyed by the
 * content, so two environments or a re-seeded database never share a stale index).
 */
let searchCache: SearchIndex | null = null

async function indexFor(ctx: ActionContext, meta: HandbookMetaDoc): Promise<SearchIndex> {
  if (searchCache?.key === meta.contentKey) return searchCache
  const chapters = await readAllChapters(ctx.db, meta)
  searchCache = buildSearchIndex(meta.contentKey, chapters)
  return searchCache
}

export async function searchHandbook(
  input: { query: string; offset?: number; limit?: number },
  ctx: ActionContext,
): Promise<HandbookSearchPage | Fail> {
  const meta = await currentHandbook(ctx)
  if (!meta) return handbookFail('HANDBOOK.NOT_READY')
  const index = await indexFor(ctx, meta)
  return searchIndex(index, meta.version, input.query, input.offset ?? 0, input.limit ?? HANDBOOK_LIMITS.searchPageSize)
}

// ---- bookmarks -------------------------------------------------------------------------------

/**
 * One document per (person, section): setting a bookmark twice is one bookmark, and a person can
 * hold at most as many bookmarks as the handbook has sections.
 */
interface BookmarkDoc {
  _id: string
  openid: string
  chapterId: string
  sectionId: string
  /** titles when bookmarked, shown if a later version drops the section */
  chapterTitle: string
  sectionTitle: string
  createdAt: number
}

const bookmarkId = (openid: string, sectionId: string) => `${openid}__${sectionId}`

export async function setBookmark(
  input: { chapterId: string; sectionId: string; bookmarked: boolean },
  ctx: ActionContext,
): Promise<{ chapterId: string; sectionId: string; bookmarked: boolean } | Fail> {
  const { openid } = ctx.caller
  const id = bookmarkId(openid, input.sectionId)
  if (!input.bookmarked) {
    await ctx.db.collection('handbook_bookmarks').doc(id).remove()
    return { ...input }
  }
  const meta = await currentHandbook(ctx)
  if (!meta) return handbookFail('HANDBOOK.NOT_READY')
  const { chapter, section } = findSection(meta, input.chapterId, input.sectionId)
  if (!chapter) return handbookFail('HANDBOOK.CHAPTER_NOT_FOUND')
  if (!section) return handbookFail('HANDBOOK.SECTION_NOT_FOUND')
  try {
    await ctx.db.collection('handbook_bookmarks').add({
      data: {
        _id: id,
        openid,
        chapterId: chapter.id,
        sectionId: section.id,
        chapterTitle: chapter.title,
        sectionTitle: section.title,
        createdAt: ctx.clock.now(),
      },
    })
  } catch (error) {
    // already bookmarked: keep the first time it was set
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
  }
  return { ...input }
}

const BOOKMARK_PAGE = 20

export async function listBookmarks(input: { offset?: number; chapterId?: string }, ctx: ActionContext): Promise<BookmarkPage | Fail> {
  const offset = input.offset ?? 0
  const meta = await currentHandbook(ctx)
  if (!meta) return handbookFail('HANDBOOK.NOT_READY')
  const mine = input.chapterId ? { openid: ctx.caller.openid, chapterId: input.chapterId } : { openid: ctx.caller.openid }
  const { data } = await ctx.db
    .collection('handbook_bookmarks')
    .where(mine)
    .orderBy('createdAt', 'desc')
    .skip(offset)
    .limit(BOOKMARK_PAGE + 1)
    .get()
  const docs = data as unknown as BookmarkDoc[]
  const items: BookmarkView[] = docs.slice(0, BOOKMARK_PAGE).map((b) => {
    // the current titles, in case the office renamed the section since
    const { chapter, section } = findSection(meta, b.chapterId, b.sectionId)
    return {
      chapterId: b.chapterId,
      sectionId: b.sectionId,
      chapterTitle: chapter?.title ?? b.chapterTitle,
      sectionTitle: section?.title ?? b.sectionTitle,
      createdAt: b.createdAt,
    }
  })
  return { items, nextOffset: docs.length > BOOKMARK_PAGE ? offset + BOOKMARK_PAGE : null }
}

// ---- reading progress ------------------------------------------------------------------------

/** One document per (person, chapter): bounded by the number of chapters. */
interface ProgressDoc {
  _id: string
  openid: string
  chapterId: string
  lastSectionId: string
  readSectionIds: string[]
  completed: boolean
  completedAt: number | null
  updatedAt: number
}

const progressId = (openid: string, chapterId: string) => `${openid}__${chapterId}`

function toProgressView(doc: ProgressDoc): ChapterProgressView {
  return {
    chapterId: doc.chapterId,
    lastSectionId: doc.lastSectionId,
    readSectionIds: doc.readSectionIds,
    completed: doc.completed,
    updatedAt: doc.updatedAt,
  }
}

/** 文明积分 for the first completion of a chapter (the ledger key keeps it to one award per chapter). */
function earnChapter(ctx: ActionContext, chapterId: string) {
  return earnPoints(ctx, { openid: ctx.caller.openid, rule: 'handbook.chapter', sourceId: `handbook:${chapterId}`, refId: chapterId }, { createProfile: true })
}

/**
 * Records that the caller reached a section. A chapter counts as read when its last section is
 * reached, every section has been seen, or the reader says so; it never becomes unread again.
 * Reading also counts for the poster the person scanned in the last 24 hours, if any.
 */
export async function recordProgress(
  input: { chapterId: string; sectionId: string; completed?: boolean },
  ctx: ActionContext,
): Promise<ChapterProgressView | Fail> {
  const meta = await currentHandbook(ctx)
  if (!meta) return handbookFail('HANDBOOK.NOT_READY')
  const { chapter, section } = findSection(meta, input.chapterId, input.sectionId)
  if (!chapter) return handbookFail('HANDBOOK.CHAPTER_NOT_FOUND')
  if (!section) return handbookFail('HANDBOOK.SECTION_NOT_FOUND')

  const { openid } = ctx.caller
  const id = progressId(openid, chapter.id)
  const now = ctx.clock.now()
  const existing = await findById<ProgressDoc>(ctx.db, 'handbook_progress', id)
  const read = new Set([...(existing?.readSectionIds ?? []), section.id])
  const isLast = chapter.sections[chapter.sections.length - 1]?.id === section.id
  const completedNow = input.completed === true || isLast || chapter.sections.every((s) => read.has(s.id))
  const completed = (existing?.completed ?? false) || completedNow

  if (!existing) {
    const fresh: ProgressDoc = {
      _id: id,
      openid,
      chapterId: chapter.id,
      lastSectionId: section.id,
      readSectionIds: [section.id],
      completed,
      completedAt: completed ? now : null,
      updatedAt: now,
    }
    try {
      await ctx.db.collection('handbook_progress').add({ data: { ...fresh } })
      await recordChapterOpened(ctx, chapter.id, completed)
      if (completed) await earnChapter(ctx, chapter.id)
      await recordFollowUp(ctx, openid, 'chapter')
      return toProgressView(fresh)
    } catch (error) {
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
      // a parallel first record won; fall through and update it
    }
  }
  const _ = ctx.db.command
  const changes: Record<string, unknown> = { lastSectionId: section.id, readSectionIds: _.addToSet(section.id), updatedAt: now }
  await ctx.db.collection('handbook_progress').doc(id).update({ data: changes })
  if (completed) {
    // only the first completion stamps the time
    const first = await ctx.db.collection('handbook_progress').where({ _id: id, completed: false }).update({ data: { completed: true, completedAt: now } })
    if (first.stats.updated === 1) await earnChapter(ctx, chapter.id)
    if (first.stats.updated === 1) await recordChapterFinished(ctx, chapter.id)
  }
  await recordFollowUp(ctx, openid, 'chapter')
  const updated = await findById<ProgressDoc>(ctx.db, 'handbook_progress', id)
  return updated ? toProgressView(updated) : handbookFail('HANDBOOK.NOT_READY')
}

export async function myReading(ctx: ActionContext): Promise<MyReadingView | Fail> {
  const meta = await currentHandbook(ctx)
  if (!meta) return handbookFail('HANDBOOK.NOT_READY')
  const { openid } = ctx.caller
  // at most one document per chapter, and a handbook has at most MAX_CHAPTERS (< 100)
  const { data } = await ctx.db
    .collection('handbook_progress')
    .where({ openid })
    .orderBy('updatedAt', 'desc')
    .limit(100)
    .get()
  const docs = (data as unknown as ProgressDoc[]).filter((d) => meta.chapters.some((c) => c.id === d.chapterId))
  // bounded by the number of sections: a bookmark is one per (person, section)
  const { total: bookmarkCount } = await ctx.db.collection('handbook_bookmarks').where({ openid }).count()
  const latest = docs[0]
  let last: MyReadingView['last'] = null
  if (latest) {
    const { chapter, section } = findSection(meta, latest.chapterId, latest.lastSectionId)
    if (chapter) {
      const at = section ?? chapter.sections[0]
      last = { chapterId: chapter.id, chapterTitle: chapter.title, sectionId: at.id, sectionTitle: at.title, at: latest.updatedAt }
    }
  }
  return {
    version: meta.version,
    chaptersTotal: meta.chapters.length,
    chaptersCompleted: docs.filter((d) => d.completed).length,
    last,
    chapters: docs.map(toProgressView),
    bookmarkCount,
  }
}
