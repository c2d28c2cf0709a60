import { z } from 'zod'
import {
  CATEGORY_IDS,
  REJECT_REASON_IDS,
  REPORT_LIMITS,
  REPORT_STATUSES,
  SEND_BACK_REASON_IDS,
  type CategoryId,
  type LatLng,
  type ReportKind,
  type ReportStatus,
  type ShopMove,
  type StepLimits,
  type TransitionAction,
} from '../report'
import { fileId, id, noInput } from './common'
import { returns } from './define'

/** Who is looking at a report decides what of it they see. */
export type ReportViewerRole = 'reporter' | 'grid' | 'handler' | 'office' | 'confirmer' | 'public'

export interface ReportPhotoView {
  url: string
  /** held back by the content check: only its reporter sees it, with the reason */
  heldReason: string | null
  /** when the phone took it (camera) or it was picked (album), as the phone said; null when not told */
  takenAt: number | null
  source: 'camera' | 'album' | null
}

/** 随手拍's short video, for those who may see it: the reporter always, everyone else once it passed the check. */
export interface ReportVideoView {
  url: string
  coverUrl: string
  durationMs: number
  /** 审核中 / 未通过 are shown to the reporter only, with this reason */
  heldReason: string | null
}

export interface ReporterView {
  anonymous: boolean
  /** nickname: for staff only when not anonymous */
  name: string | null
  /** the reporter sees their own number; staff see it masked (never for anonymous reports); the office reveals it via `reveal` */
  phone: string | null
  /** the reporter deleted their personal data from this report */
  identityRemoved: boolean
}

/**
 * 'closeWindow': the rating window closed with nobody acting (the system's entry);
 * 'recategorize': the grid worker or the office corrected the category (no status change of its own);
 * 'shopAnswer' / 'shopEscalate': 门前三包 — the shop answered, or the report went on to the grid
 */
export type ReportEventAction = 'submit' | 'forget' | 'closeWindow' | 'recategorize' | 'note' | TransitionAction | ShopMove

/**
 * Who may read a staff note: 对市民可见 (the reporter and, for published reports, the public) or
 * 内部备注 (staff and the office only; never the reporter, the public, an export meant for the
 * public, or Open311).
 */
export const NOTE_VISIBILITIES = ['public', 'internal'] as const
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number]

export interface ReportTimelineEntry {
  action: ReportEventAction
  /** what happened, in words, e.g. 派发至 城市管理综合执法大队 */
  label: string
  from: ReportStatus | null
  to: ReportStatus
  at: number
  /** which body acted — never a staff member's person: 市民, 网格员（文明路网格）, 城市管理综合执法大队 */
  actor: string
  /** the note everyone who sees the entry may read */
  note: string | null
  /** 内部备注: only in the views of staff and the office (null in every other view, and absent from their JSON) */
  internalNote?: string | null
  reason: string | null
  /** the due time of the step this entry started */
  dueAt: number | null
}

export interface ReportLocationView extends LatLng {
  /** empty in approximate views */
  address: string
  approximate: boolean
}

export interface ReportView {
  id: string
  /** the old eight-character fragment of the id (kept for older clients); people are shown `ticketNo` */
  shortNo: string
  /** 受理编号 people read out on the phone: SSP-<Beijing date>-<day's sequence>, e.g. SSP-20261201-0042 */
  ticketNo: string
  kind: ReportKind
  categoryId: CategoryId
  categoryName: string
  status: ReportStatus
  statusLabel: string
  createdAt: number
  updatedAt: number
  /** due time of the current step, for everyone who sees the report; null when no staff clock runs */
  dueAt: number | null
  overdue: boolean
  /** the grid or unit whose clock is running */
  holderName: string | null
  location: ReportLocationView
  gridId: string
  gridName: string
  unitId: string | null
  unitName: string | null
  description: string | null
  /** the reporter sees why their text is held back; others only that something is */
  descriptionHeldReason: string | null
  photos: ReportPhotoView[]
  /** photos held back from this viewer */
  hiddenPhotoCount: number
  /** null when there is none, or it is still being checked (or held) and the viewer is not its reporter */
  video: ReportVideoView | null
  resolution: { note: string; photos: ReportPhotoView[]; at: number } | null
  /** null in public and confirmer views */
  reporter: ReporterView | null
  confirmations: number
  rating: { score: number; comment: string | null; at: number } | null
  /** the reporter's latest 重办 request: what they said and the photo they added, for the grid worker's decision */
  reopenRequest: ReopenRequestView | null
  /** until when the reporter may rate or say 「问题未解决」 (a 已办结 report only) */
  ratingDueAt: number | null
  rejectReason: string | null
  duplicateOf: string | null
  timeline: ReportTimelineEntry[]
  viewerRole: ReportViewerRole
  /** the transitions this viewer may make now (the server checks again on each) */
  allowedActions: TransitionAction[]
  /** the grid worker's default unit for 派发 (routing by category and grid) */
  suggestedUnit: { id: string; name: string } | null
  canForget: boolean
  canReveal: boolean
  /** 更改类别: the grid worker while 待受理/退回, the office while open (the server checks again) */
  canRecategorize: boolean
  /** 添加备注 (对市民可见 or 内部备注) without moving the report: staff and the office who see it */
  canAddNote: boolean
  public: boolean
}

export interface ReopenRequestView {
  reason: string
  /** the stars when the request came with a 1–2★ rating; null for 「问题未解决」 */
  score: number | null
  photos: ReportPhotoView[]
  at: number
}

export interface ReportListItem {
  id: string
  shortNo: string
  /** 受理编号, as in ReportView */
  ticketNo: string
  kind: ReportKind
  categoryName: string
  status: ReportStatus
  statusLabel: string
  createdAt: number
  updatedAt: number
  dueAt: number | null
  overdue: boolean
  gridName: string
  unitName: string | null
  address: string
  thumbUrl: string | null
  confirmations: number
}

export interface ReportPage<T> {
  items: T[]
  /** pass back as `cursor` for the next page; null at the end */
  next: string | null
}

export interface FeedItem {
  id: string
  /** 受理编号: names the report, says nothing about who filed it */
  ticketNo: string
  kind: ReportKind
  categoryName: string
  /** approximate: the grid's name and a point rounded to about 100 m */
  gridName: string
  approx: LatLng
  description: string | null
  beforeUrl: string | null
  afterUrl: string | null
  resolutionNote: string | null
  publishedAt: number
  score: number | null
}

export interface LedgerItem {
  id: string
  shortNo: string
  /** 受理编号, as in ReportView */
  ticketNo: string
  categoryName: string
  status: ReportStatus
  statusLabel: string
  createdAt: number
  dueAt: number
  overdueMs: number
  holder: 'grid' | 'handler'
  holderName: string
  gridName: string
  returnCount: number
  /** 重办 the grid worker agreed to */
  reopenCount: number
  /** 重办 requests the grid worker turned down (维持办结) */
  keptClosedCount: number
}

export interface NearbyReport {
  id: string
  /** 受理编号, as in ReportView */
  ticketNo: string
  categoryName: string
  statusLabel: string
  createdAt: number
  distanceMeters: number
  confirmations: number
  /** the caller's own earlier report: open it rather than confirm it */
  mine: boolean
}

export interface ReportPrepareView {
  /**
   * The upload area of report photos (`reports`). Each photo's own path is reserved per file by
   * `storage.reserve`; nothing in it names the person.
   */
  uploadDir: string
  dailyLimit: number
  usedToday: number
  /** the office's changes to categories (设置 → 类别与时限): a field left null keeps the built-in one */
  categoryTexts: Array<{ id: string; name: string | null; hint: string | null; limits: StepLimits | null }>
}

export interface CityGridView {
  id: string
  name: string
  /** outer ring, [lng, lat] pairs */
  ring: Array<[number, number]>
}

export interface CityMapView {
  name: string
  /** [minLng, minLat, maxLng, maxLat] */
  bbox: [number, number, number, number]
  center: LatLng
  grids: CityGridView[]
  units: Array<{ id: string; name: string }>
}

export interface RevealedReporter {
  openid: string | null
  nickname: string | null
  phone: string | null
  anonymous: boolean
  identityRemoved: boolean
}

export interface ConfirmResult {
  reportId: string
  confirmations: number
  /** false when this person had already confirmed it */
  added: boolean
}

export interface ReportSettingsView {
  dailyLimit: number
  /** days after 办结 the reporter may rate or say 「问题未解决」; then it closes as 已办结（未评价） */
  ratingWindowDays: number
  /** days after a report closes that the reporter's phone and account link are kept */
  contactRetentionDays: number
}

/** The office's defaults until it sets its own (the stored settings doc wins field by field). */
export const REPORT_SETTING_DEFAULTS = { ratingWindowDays: 7, contactRetentionDays: 365 } as const

/** Subscribe-message templates of the report area (ids are placeholders until the AppID's are set). */
export const REPORT_TEMPLATES = {
  /** 重办申请结果: the grid worker reopened it, or kept it closed with an explanation */
  reopenDecided: 'REPORT_REOPEN_DECIDED_TEMPLATE',
  /** 评价提醒: the rating window closes soon */
  rateReminder: 'REPORT_RATE_REMINDER_TEMPLATE',
} as const

/**
 * The steps a standard reply (常用语) belongs to: the staff transitions whose note the reporter may
 * read, and 'note' (添加备注).
 */
export const PHRASE_STEPS = ['dispatch', 'reject', 'approve', 'start', 'sendBack', 'resolve', 'reopen', 'keepClosed', 'note'] as const
export type PhraseStep = (typeof PHRASE_STEPS)[number]
export const PHRASE_LIMITS = { perSet: 12, textMax: REPORT_LIMITS.noteMax } as const

/** One set of standard replies: for a step of one category, or (categoryId null) of every category. */
export interface PhraseSetView {
  categoryId: CategoryId | null
  step: PhraseStep
  texts: string[]
  updatedAt: number | null
}

export interface RouteView {
  categoryId: string
  gridId: string | null
  unitId: string
}

export interface RoutingView extends ReportSettingsView {
  /** every rule: city-wide ones have `gridId: null`; a grid's own rule wins over the city-wide one */
  routes: RouteView[]
}

const coordinate = { lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }
const point = z.object(coordinate).strict()
const place = z.object({ ...coordinate, address: z.string().trim().max(REPORT_LIMITS.addressMax) }).strict()
const requestId = z.uuid('请求编号格式不正确')
/** an opaque keyset cursor: `<sort value>~<id>` */
const cursor = z.string().max(100).regex(/^-?\d{1,16}~[A-Za-z0-9_-]{1,64}$/, '分页参数不正确')
const note = (max: number = REPORT_LIMITS.noteMax) => z.string().trim().max(max)
const reportRef = { reportId: id }
/** a staff note's reader: absent means 对市民可见, as notes were before internal notes existed */
const noteVisibility = z.enum(NOTE_VISIBILITIES).optional()

export const reportActions = {
  prepare: returns<ReportPrepareView>()({
    input: noInput,
    roles: ['resident'],
    summary: '上报前准备：照片上传区域、今日已报条数与上限',
  }),
  map: returns<CityMapView>()({
    input: noInput,
    roles: ['resident'],
    summary: '城市网格（GeoJSON 外环）与责任单位，用于选点地图和派发',
  }),
  nearby: returns<NearbyReport[]>()({
    input: z.object({ categoryId: z.enum(CATEGORY_IDS), location: point }).strict(),
    roles: ['resident'],
    summary: '50 米内、24 小时内同类未办结的问题，用于「我也遇到」',
  }),
  submit: returns<ReportView>()({
    input: z
      .object({
        categoryId: z.enum(CATEGORY_IDS),
        photos: z.array(fileId).max(REPORT_LIMITS.maxPhotos, '最多 9 张照片'),
        /** one short video (≤ 15 s) that may stand in for the photos, with the cover frame the phone took from it */
        video: z.object({ fileId, coverFileId: fileId }).strict().optional(),
        /** each photo's capture on the phone, in the order of `photos` (the time is also drawn on the photo) */
        photoMeta: z
          .array(z.object({ takenAt: z.number().int().positive(), source: z.enum(['camera', 'album']) }).strict())
          .max(REPORT_LIMITS.maxPhotos)
          .optional(),
        location: place,
        description: note(REPORT_LIMITS.descriptionMax),
        anonymous: z.boolean(),
        phone: z.string().regex(/^1[3-9]\d{9}$/, '手机号格式不正确').optional(),
        requestId,
      })
      .strict()
      .refine((v) => !v.photoMeta || v.photoMeta.length === v.photos.length, { message: '照片信息与照片数量不一致', path: ['photoMeta'] })
      .refine((v) => v.photos.length >= REPORT_LIMITS.minPhotos || v.video !== undefined, { message: '请至少拍一张照片或一段视频', path: ['photos'] }),
    roles: ['resident'],
    summary: '提交随手拍或文明点赞（requestId 幂等；内容安全检测；按网格和类别派发）',
  }),
  confirm: returns<ConfirmResult>()({
    input: z.object(reportRef).strict(),
    roles: ['resident'],
    summary: '我也遇到：为附近同类问题补充一次反映（每人每条一次）',
  }),
  mine: returns<ReportPage<ReportListItem>>()({
    input: z.object({ cursor: cursor.optional() }).strict(),
    roles: ['resident'],
    summary: '我的随手拍，最新在前，分页',
  }),
  get: returns<ReportView>()({
    input: z.object(reportRef).strict(),
    roles: ['resident'],
    summary: '一条随手拍：按查看者的角色遮蔽身份和电话',
  }),
  byTicket: returns<ReportView>()({
    input: z
      .object({
        // spaces and lower case forgiven (people type what they heard); the shape is checked after
        ticketNo: z
          .string()
          .max(40)
          .transform((v) => v.trim().toUpperCase().replace(/\s+/g, ''))
          .pipe(z.string().regex(/^SSP-\d{8}-\d{4,6}$/, '受理编号格式不正确，应如 SSP-20261201-0042')),
      })
      .strict(),
    // which report the caller may see is the domain's rule: their grid's, their unit's, the office any, a resident their own
    roles: ['resident'],
    summary: '按受理编号查找一条随手拍（精确匹配）：网格员限本网格、处置人员限本单位、居民限本人',
  }),
  feed: returns<ReportPage<FeedItem>>()({
    input: z.object({ kind: z.enum(['report', 'praise']).optional(), cursor: cursor.optional() }).strict(),
    roles: ['resident'],
    summary: '点赞·爆料广场：已办结的随手拍与文明点赞，无身份、无联系方式、位置模糊',
  }),
  rate: returns<ReportView>()({
    input: z
      .object({ ...reportRef, score: z.number().int().min(1).max(5), comment: note().optional() })
      .strict(),
    roles: ['resident'],
    summary: '办结后评价 1–5 星；1–2 星须写原因，由网格员决定是否重办',
  }),
  requestReopen: returns<ReportView>()({
    input: z
      .object({
        ...reportRef,
        reason: z.string().trim().min(2, '请写明问题为什么没有解决').max(REPORT_LIMITS.noteMax, '原因最多 200 字'),
        photos: z.array(fileId).max(1, '最多一张照片').optional(),
      })
      .strict(),
    roles: ['resident'],
    summary: '问题未解决：上报人在评价期内申请重办（须写原因，可附一张照片）',
  }),
  reopen: returns<ReportView>()({
    input: z.object({ ...reportRef, note: note().optional(), noteVisibility }).strict(),
    roles: ['grid', 'admin'],
    summary: '网格员同意重办：退回网格重新派发，上报人的原因记入时间线',
  }),
  keepClosed: returns<ReportView>()({
    input: z.object({ ...reportRef, note: z.string().trim().min(2, '请写明维持办结的理由').max(REPORT_LIMITS.noteMax) }).strict(),
    roles: ['grid', 'admin'],
    summary: '网格员维持办结，须写明理由（上报人在时间线上可见）',
  }),
  recategorize: returns<ReportView>()({
    input: z
      .object({
        ...reportRef,
        categoryId: z.enum(CATEGORY_IDS),
        reason: z.string().trim().min(2, '请写明更改类别的原因').max(REPORT_LIMITS.noteMax, '原因最多 200 字'),
      })
      .strict(),
    // the role check here only lets staff in; which grid worker, and in which status, is the domain's rule
    roles: ['grid', 'admin'],
    summary: '更改类别：网格员在待受理/退回时、文明办在办结前，须写明原因；重新路由并按新类别重算时限',
  }),
  forget: returns<ReportView>()({
    input: z.object(reportRef).strict(),
    roles: ['resident'],
    summary: '删除我在这条随手拍里的个人信息（电话、身份关联）；问题记录保留',
  }),
  queue: returns<ReportPage<ReportListItem>>()({
    input: z
      .object({ as: z.enum(['grid', 'handler']), status: z.enum(REPORT_STATUSES), scopeId: id.optional(), cursor: cursor.optional() })
      .strict(),
    roles: ['grid', 'handler'],
    summary: '网格员看本网格、处置人员看本单位某一状态的问题，按时限排序',
  }),
  dispatch: returns<ReportView>()({
    input: z.object({ ...reportRef, unitId: id.optional(), note: note().optional(), noteVisibility }).strict(),
    roles: ['grid'],
    summary: '网格员受理并派发到责任单位（默认按类别和网格路由）',
  }),
  reject: returns<ReportView>()({
    input: z
      .object({ ...reportRef, reason: z.enum(REJECT_REASON_IDS), note: note().optional(), noteVisibility, duplicateOf: id.optional() })
      .strict(),
    roles: ['grid'],
    summary: '网格员不予受理，须选择理由（重复上报可指明原问题）',
  }),
  approve: returns<ReportView>()({
    input: z.object({ ...reportRef, note: note().optional(), noteVisibility }).strict(),
    roles: ['grid'],
    summary: '网格员采纳文明点赞，在广场展示',
  }),
  start: returns<ReportView>()({
    input: z.object({ ...reportRef, note: note().optional(), noteVisibility }).strict(),
    roles: ['handler'],
    summary: '责任单位签收，开始处置',
  }),
  sendBack: returns<ReportView>()({
    input: z.object({ ...reportRef, reason: z.enum(SEND_BACK_REASON_IDS), note: note(), noteVisibility }).strict(),
    roles: ['handler'],
    summary: '责任单位退回网格，须说明理由',
  }),
  resolve: returns<ReportView>()({
    input: z
      .object({
        ...reportRef,
        afterPhotos: z.array(fileId).min(1, '办结须上传至少一张整改后照片').max(REPORT_LIMITS.maxAfterPhotos),
        note: z.string().trim().min(2, '请填写处置说明').max(REPORT_LIMITS.noteMax),
      })
      .strict(),
    roles: ['handler'],
    summary: '责任单位办结：至少一张整改后照片和处置说明',
  }),
  addNote: returns<ReportView>()({
    input: z
      .object({
        ...reportRef,
        note: z.string().trim().min(2, '请填写备注内容').max(REPORT_LIMITS.noteMax, '备注最多 200 字'),
        noteVisibility: z.enum(NOTE_VISIBILITIES),
      })
      .strict(),
    // which staff may write on this report is the domain's rule (its grid, its unit, the office)
    roles: ['grid', 'handler', 'admin'],
    summary: '添加备注：对市民可见或内部备注（仅工作人员和文明办可见），不改变状态',
  }),
  phrases: returns<string[]>()({
    input: z.object({ categoryId: z.enum(CATEGORY_IDS), step: z.enum(PHRASE_STEPS) }).strict(),
    roles: ['grid', 'handler', 'admin'],
    summary: '某类别某环节的常用语（本类别的在前，通用的在后），供工作人员选用后修改',
  }),
  phraseBook: returns<PhraseSetView[]>()({
    input: noInput,
    roles: ['admin'],
    summary: '文明办查看全部常用语（按类别和环节）',
  }),
  setPhrases: returns<PhraseSetView>()({
    input: z
      .object({
        categoryId: z.enum(CATEGORY_IDS).nullable(),
        step: z.enum(PHRASE_STEPS),
        texts: z
          .array(z.string().trim().min(2, '每条常用语至少 2 个字').max(PHRASE_LIMITS.textMax, `每条常用语最多 ${PHRASE_LIMITS.textMax} 字`))
          .max(PHRASE_LIMITS.perSet, `每个环节最多 ${PHRASE_LIMITS.perSet} 条常用语`),
      })
      .strict(),
    roles: ['admin'],
    summary: '文明办整体替换某类别（或通用）某环节的常用语；空列表即删除',
  }),
  ledger: returns<ReportPage<LedgerItem>>()({
    input: z.object({ cursor: cursor.optional() }).strict(),
    roles: ['admin'],
    summary: '督查台账：超期未办的问题、超期多久、在哪个网格或单位',
  }),
  reveal: returns<RevealedReporter>()({
    input: z.object(reportRef).strict(),
    roles: ['admin'],
    summary: '文明办查看举报人身份和电话（本次查看记入审计）',
  }),
  routing: returns<RoutingView>()({
    input: noInput,
    roles: ['admin'],
    summary: '文明办查看派发规则和每日上限',
  }),
  setRoute: returns<RouteView>()({
    input: z.object({ categoryId: z.enum(CATEGORY_IDS), gridId: id.optional(), unitId: id }).strict(),
    roles: ['admin'],
    summary: '文明办设置类别（可按网格）到责任单位的派发规则',
  }),
  updateSettings: returns<ReportSettingsView>()({
    input: z
      .object({
        dailyLimit: z.number().int().min(1).max(200).optional(),
        ratingWindowDays: z.number().int().min(1).max(30).optional(),
        contactRetentionDays: z.number().int().min(30).max(3650).optional(),
      })
      .strict(),
    roles: ['admin'],
    summary: '文明办设置每人每天上报上限、评价期（天）、联系方式保留期（天）；未给的项不变',
  }),
}

/** REPORT.INSIDE_PAINTED_ZONE for a painted parking zone */
export const PAINTED_PARKING_MESSAGE = '此处在划线停车区内，线内停车不属于车辆乱停乱放；如有超出划线或影响通行，请选择其他类别并说明'

export const REPORT_ERRORS = {
  'REPORT.NOT_FOUND': '没有找到这条随手拍，可能已被删除或您无权查看',
  // 门前三包: inside the office's painted lines, out-of-shop selling is allowed (a painted parking
  // zone answers the same code with PAINTED_PARKING_MESSAGE)
  'REPORT.INSIDE_PAINTED_ZONE': '此处在划线经营区内，线内摆卖不属于占道经营；如有超出划线或影响通行，请选择其他类别并说明',
  'REPORT.OUT_OF_CITY': '所选位置不在本市网格范围内，请重新选择位置',
  'REPORT.PHOTO_NOT_YOURS': '照片无效：只能使用您本人在本次上报中上传的照片',
  'REPORT.PHOTO_NOT_FOUND': '照片不存在或上传未完成，请重新上传',
  'REPORT.PHOTO_REJECTED': '照片未通过内容安全检测，请重新拍摄',
  'REPORT.VIDEO_TOO_LONG': '视频不能超过 15 秒，请重新拍摄',
  'REPORT.VIDEO_UNREADABLE': '无法读取这段视频，请重新拍摄（支持手机拍摄的 MP4、MOV 视频）',
  'REPORT.NOTE_REJECTED': '文字包含不适宜的内容，请修改后再提交',
  'REPORT.DAILY_LIMIT': '今天的上报次数已达上限，请明天再来',
  'REPORT.INVALID_TRANSITION': '该问题当前的状态不能执行这个操作',
  'REPORT.STALE': '该问题的状态刚刚发生了变化，请刷新后再试',
  'REPORT.REASON_REQUIRED': '评价 1–2 星时请写明不满意的原因，网格员将核实是否重新办理',
  'REPORT.RATING_STANDS': '您已评价过这次办结，评价不能更改；如问题仍未解决，请选择「问题未解决」',
  'REPORT.WINDOW_CLOSED': '评价期已过，这条问题已经关闭',
  'REPORT.UNIT_NOT_FOUND': '责任单位不存在',
  'REPORT.GRID_NOT_FOUND': '网格不存在',
  'REPORT.NO_ROUTE': '该类别在本网格还没有配置责任单位，请选择派发单位',
  'REPORT.DUPLICATE_OF_REQUIRED': '重复上报请指明原问题（须是本网格的另一条问题）',
  'REPORT.OWN_REPORT': '这是您自己上报的问题，无需再反映',
  'REPORT.NOT_OPEN': '该问题已办结或已关闭，无需再反映',
  'REPORT.SCOPE_REQUIRED': '您有多个网格或单位，请选择要查看的范围',
  'REPORT.NOT_RECATEGORIZABLE': '该问题当前的状态不能更改类别',
  'REPORT.SAME_CATEGORY': '新类别与当前类别相同，无需更改',
  'REPORT.CATEGORY_KIND_MISMATCH': '随手拍与文明点赞的类别不能互换',
  'REPORT.PHRASE_DUPLICATE': '常用语有重复的条目，请删去重复的再保存',
} as const

export type ReportErrorCode = keyof typeof REPORT_ERRORS
