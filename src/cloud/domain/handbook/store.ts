import crypto from 'node:crypto'
import { chapterChars } from '@/shared/contract/handbook'
import type { HandbookChapterContent, HandbookToc, HandbookTocChapter } from '@/shared/handbook/types'
import type { Database } from '../../platform/database'
import { findById } from '../../platform/find'

/**
 * How the handbook is stored.
 *
 *   handbook_meta      `current`: the published version and its table of contents (one key read per `toc`)
 *   handbook_versions  `v<n>`: every published version (history; `add` on this id is the publish lock)
 *   handbook_chapters  `<chapterId>__r<revision>`: a chapter's text as of the version it last changed in.
 *                      Unchanged chapters are not copied into a new version, they keep their revision.
 *   handbook_drafts    `<chapterId>`: the office's edits waiting for the next publish
 */
export interface StoredTocChapter extends HandbookTocChapter {
  /** sha-256 of the chapter's content: equal hash, same revision */
  hash: string
}

export interface HandbookMetaDoc {
  _id: string
  version: number
  publishedAt: number
  publishedBy: string
  note: string
  source: 'repo' | 'office'
  /** the repo content edition this version came from, when `source` is repo */
  repoEdition: number | null
  /** hash over every chapter hash: keys the in-memory search index */
  contentKey: string
  chapters: StoredTocChapter[]
}

export interface HandbookVersionDoc extends HandbookMetaDoc {
  changedChapters: string[]
}

export interface HandbookChapterDoc {
  _id: string
  chapterId: string
  revision: number
  hash: string
  content: HandbookChapterContent
  createdAt: number
}

export interface HandbookDraftDoc {
  _id: string
  chapterId: string
  baseVersion: number
  content: HandbookChapterContent
  stagedAt: number
  stagedBy: string
}

export const META_ID = 'current'
export const versionDocId = (version: number) => `v${version}`
export const chapterDocId = (chapterId: string, revision: number) => `${chapterId}__r${revision}`

export function contentHash(content: HandbookChapterContent): string {
  return crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex')
}

export function contentKeyOf(chapters: ReadonlyArray<{ hash: string }>): string {
  return crypto
    .createHash('sha256')
    .update(chapters.map((c) => c.hash).join(','))
    .digest('hex')
    .slice(0, 16)
}

export function tocEntry(content: HandbookChapterContent, revision: number, hash: string): StoredTocChapter {
  return {
    id: content.id,
    title: content.title,
    summary: content.summary,
    glyph: content.glyph,
    revision,
    hash,
    charCount: chapterChars(content),
    sections: content.sections.map((s) => ({ id: s.id, title: s.title })),
  }
}

export function toToc(meta: HandbookMetaDoc): HandbookToc {
  return {
    version: meta.version,
    publishedAt: meta.publishedAt,
    note: meta.note,
    chapters: meta.chapters.map(({ hash: _hash, ...chapter }) => chapter),
  }
}

export function readMeta(db: Database): Promise<HandbookMetaDoc | null> {
  return findById<HandbookMetaDoc>(db, 'handbook_meta', META_ID)
}

export async function readChapter(db: Database, entry: Pick<StoredTocChapter, 'id' | 'revision'>): Promise<HandbookChapterDoc | null> {
  return findById<HandbookChapterDoc>(db, 'handbook_chapters', chapterDocId(entry.id, entry.revision))
}

/** Every chapter of a version, in table-of-contents order: one query of at most 100 keys. */
export async function readAllChapters(db: Database, meta: HandbookMetaDoc): Promise<HandbookChapterContent[]> {
  const _ = db.command
  const ids = meta.chapters.map((c) => chapterDocId(c.id, c.revision))
  const { data } = await db
    .collection('handbook_chapters')
    .where({ _id: _.in(ids) })
    .limit(100)
    .get()
  const byId = new Map(data.map((d) => [d._id, d as unknown as HandbookChapterDoc]))
  return ids.map((id) => byId.get(id)?.content).filter((c): c is HandbookChapterContent => c !== undefined)
}

export function findSection(meta: HandbookMetaDoc, chapterId: string, sectionId?: string) {
  const chapter = meta.chapters.find((c) => c.id === chapterId)
  const section = sectionId === undefined ? undefined : chapter?.sections.find((s) => s.id === sectionId)
  return { chapter, section }
}
