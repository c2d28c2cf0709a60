import type { ReportKind, ReportStatus, ShopMove, TransitionAction, TransitionRole } from '@/shared/report'

/**
 * Stored shapes of the report area. A report is one document; its history is `report_events`
 * (the timeline, and the audit of every transition: actor openid, role and scope, from, to,
 * note, time). Personal data lives only on the report (reporterOpenid, contactPhone) so
 * `forget` has one place to clear.
 */
/**
 * A short video that stands in for photos (随手拍, ≤ 15 s). WeChat checks images and audio
 * asynchronously, not video: its cover frame goes to `security.mediaCheckAsync`, and until that
 * verdict says pass, only the reporter is shown the video or its cover.
 */
export interface StoredVideo {
  fileId: string
  coverFileId: string
  /** read from the file's own header (mvhd), never from the client */
  durationMs: number
  check: 'pending' | 'pass' | 'held'
  /** the platform's label when held ('risky', 'review', or 'timeout' after the checks went unanswered) */
  label: string | null
  checkedAt: number | null
}

export interface StoredPhoto {
  fileId: string
  /** content check verdict; a held photo is shown to its reporter only */
  pass: boolean
  label: string | null
  /** the capture time the phone reported (it is also stamped on the photo); kept apart from the upload time */
  takenAt?: number | null
  source?: 'camera' | 'album' | null
}

export interface ReportDoc {
  _id: string
  kind: ReportKind
  categoryId: string
  status: ReportStatus
  /** null once the reporter deleted their personal data */
  reporterOpenid: string | null
  anonymous: boolean
  contactPhone: string | null
  identityRemoved: boolean
  location: { lat: number; lng: number; address: string }
  /** coarse lattice cell of the location, for duplicate search */
  cell: string
  gridId: string
  /** the unit holding or last holding the report; null before dispatch and after 退回 */
  unitId: string | null
  description: string
  descriptionCheck: { pass: boolean; label: string | null }
  photos: StoredPhoto[]
  /** 随手拍's one short video, when the reporter sent one (older reports and Open311 have none) */
  video?: StoredVideo | null
  afterPhotos: StoredPhoto[]
  resolutionNote: string | null
  /** due time of the current step; null when no staff clock runs */
  dueAt: number | null
  /** a staff clock is running (the ledger's filter) */
  open: boolean
  stepEnteredAt: number
  confirmations: number
  rating: { score: number; comment: string | null; at: number } | null
  rejectReason: string | null
  duplicateOf: string | null
  returnCount: number
  /** 重办 the grid worker agreed to */
  reopenCount: number
  /** 重办 requests turned down (维持办结); absent on reports from before requests existed */
  keptClosedCount?: number
  /** the latest 重办 request; kept after the decision so the timeline and the ledger can say what was asked */
  reopenRequest?: ReopenRequest | null
  /**
   * End of the rating window of a 已办结 report (set on 办结 and on 维持办结); the window job
   * closes it after this. Null in every other status.
   */
  ratingDueAt?: number | null
  /** the one reminder before the window closes was sent (reset when a new window opens) */
  ratingReminded?: boolean
  /** when it reached a closed status: the retention clock for contact data runs from here */
  closedAt?: number | null
  /**
   * Who filed it when no resident did: a partner system forwarding through Open311 (absent on
   * residents' reports). The partner's caller, if it gave one, is `partnerContact`.
   */
  source?: { partner: string }
  /** 受理编号 SSP-YYYYMMDD-NNNN (ticket.ts); absent only on reports stored before numbers existed, until the backfill reaches them */
  ticketNo?: string
  /**
   * 门前三包: the shop whose frontage it is on and whose 责任书 covers its category (absent when
   * none). Kept after the shop's stage ends, so its record (frontage_shop_reports) stays linked.
   */
  shopId?: string | null
  /** the caller a partner forwarded (name, e-mail); the phone is `contactPhone`, cleared with it */
  partnerContact?: { name: string | null; email: string | null } | null
  /** a photo the partner hosts (https): kept as a link, never fetched, never shown on the public side unchecked */
  mediaUrl?: string | null
  /** in 点赞·爆料广场 */
  public: boolean
  publishedAt: number | null
  resolvedAt: number | null
  /** how many timeline entries it has: the next entry's `seq` (entries in one millisecond stay in order) */
  version: number
  createdAt: number
  updatedAt: number
}

export interface ReopenRequest {
  reason: string
  /** the stars when the request came with a 1–2★ rating */
  score: number | null
  photos: StoredPhoto[]
  at: number
}

export type EventAction = 'submit' | 'forget' | 'closeWindow' | 'recategorize' | 'note' | TransitionAction | ShopMove

export interface ReportEventDoc {
  _id: string
  reportId: string
  action: EventAction
  from: ReportStatus | null
  to: ReportStatus
  /** 'office': 文明办 decided a 重办 request in the grid worker's stead */
  actorRole: TransitionRole | 'office' | 'system' | 'shop'
  /** grid or unit id the actor acted for */
  actorScope: string | null
  /** kept for the office's audit; never sent to residents or other staff */
  actorOpenid: string | null
  /** 对市民可见: whoever sees the entry reads it */
  note: string | null
  /**
   * 内部备注: a separate field rather than a flag on `note`, so a view that forgets to check a flag
   * still cannot show it — only the staff views read this field (absent on older entries)
   */
  internalNote?: string | null
  reason: string | null
  /** the unit a dispatch went to */
  unitId: string | null
  score: number | null
  dueAt: number | null
  /** only on 'recategorize': the category before and after (absent on every other entry) */
  fromCategoryId?: string
  toCategoryId?: string
  at: number
  /** 1, 2, 3… within the report */
  seq: number
}

/** One set of 常用语 (`report_phrases`, _id `<categoryId or all>.<step>`). */
export interface PhraseDoc {
  _id: string
  categoryId: string | null
  step: string
  texts: string[]
  updatedAt: number
  /** the office's openid, or 'seed' */
  updatedBy: string
}

export interface GridDoc {
  _id: string
  name: string
  district: string
  geometry: { type: 'Polygon'; coordinates: Array<Array<[number, number]>> }
  minLng: number
  minLat: number
  maxLng: number
  maxLat: number
}

export interface UnitDoc {
  _id: string
  name: string
}

export interface RouteDoc {
  _id: string
  categoryId: string
  /** null: every grid without its own rule */
  gridId: string | null
  unitId: string
  updatedAt: number
}

export interface ReportSettingsDoc {
  _id: string
  cityName: string
  dailyLimit: number
  ratingWindowDays: number
  contactRetentionDays: number
}

/** From before per-file upload paths: read only, so photos already in an old folder stay usable. */
export interface ReportPersonDoc {
  _id: string
  /** named this person's old folder in cloud storage (`reports/<uploadKey>/…`) */
  uploadKey: string
  createdAt: number
}

export interface ConfirmationDoc {
  _id: string
  reportId: string
  openid: string
  at: number
}

export interface DailyCountDoc {
  _id: string
  n: number
}
