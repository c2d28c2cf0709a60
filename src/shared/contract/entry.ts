import { z } from 'zod'
import { id, shortText } from './common'
import { returns } from './define'
import { handbookId } from './handbook'

/** Where a poster's 小程序码 leads. */
export type PosterTarget =
  /** the 随手拍 form, with the poster's place pre-filled */
  | { kind: 'report' }
  | { kind: 'chapter'; chapterId: string; sectionId?: string }
  | { kind: 'dailyQuiz' }
  | { kind: 'activity'; activityId: string }
  /** a 创文民意调查 the office opened (the survey page refuses politely once it is closed) */
  | { kind: 'survey'; surveyId: string }

export type PosterTargetKind = PosterTarget['kind']

export interface PosterPlace {
  /** what a person reads on the street: 路名、门牌、地标 */
  address: string
  lat: number
  lng: number
}

export type PosterStatus = 'active' | 'retired'

/** What people did after scanning (within 24 h of the scan, attributed to that scan's poster and day). */
export type FollowUpKind = 'report' | 'chapter' | 'quiz'

export interface PosterCounters {
  /** every scan, anonymous */
  scans: number
  /** distinct people */
  people: number
  reports: number
  chapters: number
  quizzes: number
}

export interface PosterView {
  id: string
  /** 编号 HB-0042 for people (print, the office list); null on a poster registered before numbers */
  serialNo: string | null
  title: string
  place: PosterPlace
  target: PosterTarget
  status: PosterStatus
  /** what the 小程序码 carries, e.g. `pK7Q2MX9A` */
  scene: string
  /** the page the poster opens */
  url: string
  /** a temporary URL of the 小程序码 image; null when it could not be made */
  codeUrl: string | null
  /** the stored 小程序码 file (the mini-program shows cloud:// ids directly) */
  codeFileID: string | null
  totals: PosterCounters
  today: PosterCounters
  createdAt: number
  updatedAt: number
}

export interface PosterDayView extends PosterCounters {
  /** YYYY-MM-DD in Asia/Shanghai */
  day: string
}

export interface PosterStatsView {
  poster: PosterView
  /** newest first, only days with scans */
  days: PosterDayView[]
}

/** What anyone may read about a poster (the report form reads the place through `entry.poster`). */
export interface PublicPosterView {
  id: string
  title: string
  place: PosterPlace
  target: PosterTarget
  status: PosterStatus
}

export interface ScanView {
  posterId: string
  title: string
  target: PosterTarget
  /** the page to open, with its query */
  url: string
  /** whether this is the person's first scan of this poster today */
  firstToday: boolean
}

const place = z
  .object({
    address: shortText(80),
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
  })
  .strict()

const target = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('report') }).strict(),
  z.object({ kind: z.literal('chapter'), chapterId: handbookId, sectionId: handbookId.optional() }).strict(),
  z.object({ kind: z.literal('dailyQuiz') }).strict(),
  z.object({ kind: z.literal('activity'), activityId: id }).strict(),
  z.object({ kind: z.literal('survey'), surveyId: id }).strict(),
])

/** Poster ids are ours (generated), short so the scene stays far below 32 characters. */
export const posterId = z.string().min(4).max(16).regex(/^[A-Za-z0-9]+$/, '海报编号格式不正确')

const offset = z.number().int().min(0).max(1000)

export const entryActions = {
  scan: returns<ScanView>()({
    input: z.object({ posterId }).strict(),
    roles: ['resident'],
    summary: '扫公益广告码：记录扫码（次数与人数），返回要打开的页面',
  }),
  poster: returns<PublicPosterView>()({
    input: z.object({ posterId }).strict(),
    roles: ['resident'],
    summary: '一张公益广告的标题、位置和去向（随手拍据此预填位置）',
  }),
  registerPoster: returns<PosterView>()({
    input: z.object({ title: shortText(40), place, target, requestId: id }).strict(),
    roles: ['admin'],
    summary: '文明办登记一张公益广告并生成小程序码（同一 requestId 重试返回同一张）',
  }),
  updatePoster: returns<PosterView>()({
    input: z
      .object({ posterId, title: shortText(40).optional(), place: place.optional(), target: target.optional() })
      .strict()
      .refine((v) => v.title !== undefined || v.place !== undefined || v.target !== undefined, { message: '没有要修改的内容' }),
    roles: ['admin'],
    summary: '修改公益广告的标题、位置或去向（小程序码不变）',
  }),
  setPosterStatus: returns<PosterView>()({
    input: z.object({ posterId, status: z.enum(['active', 'retired']) }).strict(),
    roles: ['admin'],
    summary: '下架或重新启用公益广告；下架后扫码打开首页',
  }),
  posters: returns<{ items: PosterView[]; nextOffset: number | null }>()({
    input: z.object({ status: z.enum(['active', 'retired']).optional(), offset: offset.optional() }).strict(),
    roles: ['admin'],
    summary: '公益广告列表（新登记的在前），含累计与今日扫码',
  }),
  posterStats: returns<PosterStatsView>()({
    input: z.object({ posterId, days: z.number().int().min(1).max(90).optional() }).strict(),
    roles: ['admin'],
    summary: '一张公益广告按天的扫码次数、人数及扫码后的行动（随手拍、读手册、答题）',
  }),
  posterCode: returns<PosterView>()({
    input: z.object({ posterId }).strict(),
    roles: ['admin'],
    summary: '取小程序码（缺失时重新生成），用于打印',
  }),
}

export const ENTRY_ERRORS = {
  'ENTRY.POSTER_UNKNOWN': '没有找到这张公益广告，已为您打开首页。您可以从首页进入各项服务。',
  'ENTRY.POSTER_RETIRED': '这张公益广告的活动已经结束，感谢关注，看看首页的其他服务吧',
  'ENTRY.POSTER_NOT_FOUND': '没有这张公益广告',
  'ENTRY.CHAPTER_UNKNOWN': '手册中没有这一章或这一节',
  'ENTRY.CODE_FAILED': '小程序码生成失败，请稍后在海报详情中重试',
  'ENTRY.TITLE_REJECTED': '标题或地址包含不适宜的内容，请修改后再试',
} as const

export type EntryErrorCode = keyof typeof ENTRY_ERRORS
