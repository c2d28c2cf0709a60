/**
 * The shapes of 《市民文明手册》 as stored and as read. A chapter is a list of sections; a
 * section is a list of blocks of plain text (no markup language: what the office types is what a
 * resident reads, and search offsets point into exactly that text).
 */
export type HandbookBlock =
  | { type: 'paragraph'; text: string }
  /** an unordered list: things to do, things that belong in a bin */
  | { type: 'bullets'; items: string[] }
  /** an ordered list: steps to follow */
  | { type: 'steps'; items: string[] }
  /** a highlighted 小贴士 */
  | { type: 'tip'; text: string }

export interface HandbookSection {
  id: string
  title: string
  blocks: HandbookBlock[]
}

export interface HandbookIllustration {
  /** a cloud file id (uploaded by the office) */
  fileID: string
  /** what the picture shows, for screen readers and when it cannot load */
  alt: string
}

/** One chapter as written: the unit the repo files, the office's edits and the client cache share. */
export interface HandbookChapterContent {
  id: string
  title: string
  /** one line under the title in the table of contents */
  summary: string
  /** one character drawn in the chapter's badge */
  glyph: string
  illustration?: HandbookIllustration
  sections: HandbookSection[]
}

export interface HandbookTocSection {
  id: string
  title: string
}

export interface HandbookTocChapter {
  id: string
  title: string
  summary: string
  glyph: string
  /**
   * The handbook version in which this chapter's text last changed. The client keeps a cached
   * chapter as long as its revision matches, so a new version only costs the chapters it changed.
   */
  revision: number
  /** characters of text, for "约 N 分钟" */
  charCount: number
  sections: HandbookTocSection[]
}

export interface HandbookToc {
  version: number
  publishedAt: number
  note: string
  chapters: HandbookTocChapter[]
}

export interface HandbookChapterView extends HandbookChapterContent {
  version: number
  revision: number
  /** a URL the H5 build can show; the mini-program shows `illustration.fileID` directly */
  illustrationUrl: string | null
}

/** A piece of text and where the query was found in it, for highlighting. */
export interface HighlightedText {
  text: string
  matches: Array<{ start: number; length: number }>
}

export interface HandbookSearchHit {
  chapterId: string
  chapterTitle: string
  sectionId: string
  sectionTitle: HighlightedText
  snippet: HighlightedText
  titleHits: number
  bodyHits: number
}

export interface HandbookSearchPage {
  version: number
  query: string
  total: number
  items: HandbookSearchHit[]
  /** pass as `offset` for the next page; null on the last page */
  nextOffset: number | null
}

export interface BookmarkView {
  chapterId: string
  sectionId: string
  chapterTitle: string
  sectionTitle: string
  createdAt: number
}

export interface BookmarkPage {
  items: BookmarkView[]
  nextOffset: number | null
}

export interface ChapterProgressView {
  chapterId: string
  lastSectionId: string
  readSectionIds: string[]
  completed: boolean
  updatedAt: number
}

export interface MyReadingView {
  version: number
  chaptersTotal: number
  chaptersCompleted: number
  /** where to continue reading */
  last: { chapterId: string; chapterTitle: string; sectionId: string; sectionTitle: string; at: number } | null
  chapters: ChapterProgressView[]
  bookmarkCount: number
}

export interface HandbookDraftSummary {
  chapterId: string
  title: string
  baseVersion: number
  stagedAt: number
  /** true when the chapter is not in the current version yet */
  isNew: boolean
}

export interface HandbookVersionView {
  version: number
  publishedAt: number
  note: string
  source: 'repo' | 'office'
  changedChapters: string[]
}
