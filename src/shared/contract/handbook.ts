import { z } from 'zod'
import type {
  BookmarkPage,
  HandbookBlock,
  HandbookChapterContent,
  HandbookChapterView,
  HandbookDraftSummary,
  HandbookSearchPage,
  HandbookToc,
  HandbookVersionView,
  MyReadingView,
  ChapterProgressView,
} from '../handbook/types'
import { fileId, noInput, shortText } from './common'
import { returns } from './define'

/** Chapter and section ids: lower-case words joined by hyphens, stable forever once published. */
export const handbookId = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, '编号只能由小写字母、数字和连字符组成')

/** Limits keep one chapter well under the 100 KB a single call may carry. */
export const HANDBOOK_LIMITS = {
  chapterChars: 12_000,
  sectionsPerChapter: 12,
  blocksPerSection: 16,
  itemsPerList: 16,
  paragraphChars: 600,
  itemChars: 200,
  searchQueryChars: 30,
  searchPageSize: 20,
} as const

const text = (max: number) => shortText(max)

const blockSchema: z.ZodType<HandbookBlock> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), text: text(HANDBOOK_LIMITS.paragraphChars) }).strict(),
  z.object({ type: z.literal('bullets'), items: z.array(text(HANDBOOK_LIMITS.itemChars)).min(1).max(HANDBOOK_LIMITS.itemsPerList) }).strict(),
  z.object({ type: z.literal('steps'), items: z.array(text(HANDBOOK_LIMITS.itemChars)).min(1).max(HANDBOOK_LIMITS.itemsPerList) }).strict(),
  z.object({ type: z.literal('tip'), text: text(HANDBOOK_LIMITS.paragraphChars) }).strict(),
])

const sectionSchema = z
  .object({
    id: handbookId,
    title: text(30),
    blocks: z.array(blockSchema).min(1).max(HANDBOOK_LIMITS.blocksPerSection),
  })
  .strict()

export function blockChars(block: HandbookBlock): number {
  return block.type === 'bullets' || block.type === 'steps'
    ? block.items.reduce((sum, item) => sum + item.length, 0)
    : block.text.length
}

export function chapterChars(chapter: Pick<HandbookChapterContent, 'sections'>): number {
  return chapter.sections.reduce(
    (sum, s) => sum + s.title.length + s.blocks.reduce((inner, b) => inner + blockChars(b), 0),
    0,
  )
}

/** The schema every chapter passes: the repo's files (in tests) and the office's edits (at run time). */
export const chapterContentSchema: z.ZodType<HandbookChapterContent> = z
  .object({
    id: handbookId,
    title: text(20),
    summary: text(80),
    glyph: z.string().length(1, '徽标为一个字'),
    illustration: z.object({ fileID: fileId, alt: text(60) }).strict().optional(),
    sections: z.array(sectionSchema).min(1).max(HANDBOOK_LIMITS.sectionsPerChapter),
  })
  .strict()
  .refine((c) => new Set(c.sections.map((s) => s.id)).size === c.sections.length, { message: '同一章内小节编号重复' })
  .refine((c) => chapterChars(c) <= HANDBOOK_LIMITS.chapterChars, {
    message: `一章不超过 ${HANDBOOK_LIMITS.chapterChars} 字`,
  })

const version = z.number().int().min(1).max(1_000_000)
const offset = z.number().int().min(0).max(200)

export const handbookActions = {
  toc: returns<HandbookToc>()({
    input: noInput,
    roles: ['resident'],
    summary: '当前版本的手册目录（含每章的修订号，用于客户端缓存）',
  }),
  chapter: returns<HandbookChapterView>()({
    input: z.object({ chapterId: handbookId }).strict(),
    roles: ['resident'],
    summary: '当前版本的一章全文',
  }),
  search: returns<HandbookSearchPage>()({
    input: z
      .object({
        query: text(HANDBOOK_LIMITS.searchQueryChars),
        offset: offset.optional(),
        limit: z.number().int().min(1).max(HANDBOOK_LIMITS.searchPageSize).optional(),
      })
      .strict(),
    roles: ['resident'],
    summary: '按标题和正文搜索（子串匹配，标题命中优先，命中多者优先），返回带高亮位置的摘要',
  }),
  setBookmark: returns<{ chapterId: string; sectionId: string; bookmarked: boolean }>()({
    input: z.object({ chapterId: handbookId, sectionId: handbookId, bookmarked: z.boolean() }).strict(),
    roles: ['resident'],
    summary: '添加或取消一节的书签（重复操作结果相同）',
  }),
  bookmarks: returns<BookmarkPage>()({
    input: z.object({ offset: offset.optional(), chapterId: handbookId.optional() }).strict(),
    roles: ['resident'],
    summary: '我的书签，新加的在前，分页；给出章编号时只列这一章的',
  }),
  recordProgress: returns<ChapterProgressView>()({
    input: z.object({ chapterId: handbookId, sectionId: handbookId, completed: z.boolean().optional() }).strict(),
    roles: ['resident'],
    summary: '记录读到的小节；读到最后一节或标记读完时该章记为已读',
  }),
  myReading: returns<MyReadingView>()({
    input: noInput,
    roles: ['resident'],
    summary: '我的阅读进度：已读章数、继续阅读的位置、书签数',
  }),
  stageChapter: returns<HandbookDraftSummary>()({
    input: z.object({ baseVersion: version, chapter: chapterContentSchema }).strict(),
    roles: ['admin'],
    summary: '文明办上传修改后的一章，存为下一版本的草稿',
  }),
  drafts: returns<{ baseVersion: number; items: HandbookDraftSummary[] }>()({
    input: noInput,
    roles: ['admin'],
    summary: '待发布的草稿章节',
  }),
  draft: returns<HandbookChapterContent>()({
    input: z.object({ chapterId: handbookId }).strict(),
    roles: ['admin'],
    summary: '一章草稿的全文（用于继续编辑）',
  }),
  discardDraft: returns<{ chapterId: string; discarded: boolean }>()({
    input: z.object({ chapterId: handbookId }).strict(),
    roles: ['admin'],
    summary: '放弃一章草稿',
  }),
  publish: returns<HandbookToc>()({
    input: z.object({ baseVersion: version, note: text(100) }).strict(),
    roles: ['admin'],
    summary: '把草稿发布为新版本；客户端在下次打开目录时更新',
  }),
  versions: returns<{ items: HandbookVersionView[]; nextOffset: number | null }>()({
    input: z.object({ offset: offset.optional() }).strict(),
    roles: ['admin'],
    summary: '手册的发布历史',
  }),
}

export const HANDBOOK_ERRORS = {
  'HANDBOOK.CHAPTER_NOT_FOUND': '没有找到这一章，手册可能已更新，请返回目录',
  'HANDBOOK.SECTION_NOT_FOUND': '没有找到这一节，手册可能已更新，请返回目录',
  'HANDBOOK.VERSION_CONFLICT': '手册已被他人更新，请刷新后在最新版本上修改',
  'HANDBOOK.NO_DRAFTS': '没有待发布的草稿',
  'HANDBOOK.DRAFT_NOT_FOUND': '没有这一章的草稿',
  'HANDBOOK.FIXED_SECTION_MISSING': '固定小节不能删除（题库的解析链接到这些小节）',
  'HANDBOOK.DUPLICATE_SECTION': '小节编号与其他章节重复',
  'HANDBOOK.NOT_READY': '手册正在准备，请稍后再试',
  'HANDBOOK.CONTENT_REJECTED': '内容包含不适宜发布的文字，请修改后再试',
} as const

export type HandbookErrorCode = keyof typeof HANDBOOK_ERRORS
