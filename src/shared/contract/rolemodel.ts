import { z } from 'zod'
import {
  HONOUR_LEVELS,
  NOMINATION_STATUSES,
  ROLEMODEL_CATEGORY_IDS,
  ROLEMODEL_LIMITS,
  ROUND_DEFAULTS,
  type AnomalyKind,
  type ConsentStatus,
  type HonourLevel,
  type NominationStatus,
  type RolemodelCategoryId,
  type RoundStatus,
} from '../rolemodel'
import { fileId, id, noInput, openid } from './common'
import { returns } from './define'

/**
 * 身边好人: residents nominate (推荐), the office reviews (审核) and merges duplicates, the nominee
 * consents, a round shows the candidates (公示) and residents vote under server-enforced daily
 * rules with live counts hidden, the office watches anomaly flags, voids rigged votes and enters
 * the panel's scores, and the weighted result goes on the 好人榜.
 */

// zod-free constants live in ../rolemodel so the client can import them as values
export * from '../rolemodel'

// ---- views ----

/** 事迹发生地: as the 中国好人 platform asks for it, down to the community */
export interface RolemodelPlace {
  district: string
  street: string
  community: string
}

/** What the nominator sees of their own nomination (never the office's internal data). */
export interface MyNominationView {
  id: string
  name: string
  categoryId: RolemodelCategoryId
  place: RolemodelPlace
  account: string
  /** display URLs of the photos (the nominator's own, even before the content check finished) */
  photos: string[]
  status: NominationStatus
  /** 需补充: what the office asks for; 未采纳: the reason; 已获评: the honour; else null */
  officeNote: string | null
  createdAt: number
  updatedAt: number
}

export interface NominationPage<T> {
  items: T[]
  /** pass back as `cursor` for more; null at the end */
  nextCursor: string | null
}

/** A row of the office's review queue. */
export interface NominationListItem {
  id: string
  name: string
  categoryId: RolemodelCategoryId
  place: RolemodelPlace
  status: NominationStatus
  /** first 60 characters of the account */
  excerpt: string
  photoCount: number
  /** other open nominations with the same name in the same district (merge candidates) */
  possibleDuplicates: number
  createdAt: number
}

export interface HonourMark {
  level: HonourLevel
  title: string
  year: number
}

/** An accepted nominee as the office sees it; `nomineeId` is what openRound takes as a candidate. */
export interface NomineeView {
  id: string
  name: string
  categoryId: RolemodelCategoryId
  place: RolemodelPlace
  /** the public story: the accepted nomination's account as the office edited it */
  story: string
  photos: string[]
  consent: ConsentStatus
  consentAt: number | null
  /** when the current consent code stops working (null once used or never issued) */
  consentCodeExpiresAt: number | null
  /** nominations merged into this person */
  nominationIds: string[]
  /** rounds this person was a candidate in */
  roundIds: string[]
  chosen: boolean
}

/** One nomination as the office reviews it: everything, including the nominator's contact. */
export interface NominationOfficeView extends MyNominationView {
  /** office only: the nominator's phone, to check facts; never shown to anyone else */
  nominatorPhone: string
  /** every photo with the image check's verdict (checked on submit, so `pending` does not occur today): a rejected one is never public */
  photoChecks: Array<{ url: string; state: 'pass' | 'pending' | 'rejected' }>
  honour: HonourMark | null
  /** set once accepted (or merged into an accepted one) */
  nomineeId: string | null
  mergedInto: string | null
  /** nominations merged into this one: their accounts are part of the record */
  merged: Array<{ id: string; account: string; createdAt: number }>
  possibleDuplicates: NominationListItem[]
  history: Array<{ at: number; action: string; note: string | null }>
}

/** The result of accepting: the one-time consent code the office hands the nominee (shown once). */
export interface AcceptResultView {
  nomination: NominationOfficeView
  nominee: NomineeView
  consent: ConsentCodeView
}

export interface ConsentCodeView {
  nomineeId: string
  /** the one-time code, shown only now; only its hash is stored */
  code: string
  /** the mini-program page that takes it: /packages/rolemodel/pages/index/index?view=consent&code=… */
  path: string
  expiresAt: number
}

/** What the nominee sees before agreeing: exactly what would become public. */
export interface ConsentPreviewView {
  name: string
  categoryId: RolemodelCategoryId
  place: RolemodelPlace
  story: string
  photos: string[]
  consent: ConsentStatus
}

export interface ConsentResultView {
  consent: ConsentStatus
  at: number
}

export interface RoundWeights {
  /** percent; votes + panel = 100 */
  votes: number
  panel: number
}

export interface AnomalyThresholds {
  nightVotes: number
  freshAccountVotesPerHour: number
  candidateVotesPerHour: number
  burstFactor: number
}

export interface RoundRules {
  votesPerDay: number
  perCandidatePerDay: 1
  weights: RoundWeights
  anomaly: AnomalyThresholds
}

/** A candidate as residents see it: consented people only, and no live count. */
export interface CandidateView {
  /** the nominee id */
  id: string
  name: string
  categoryId: RolemodelCategoryId
  place: RolemodelPlace
  story: string
  photos: string[]
  /** votes as of the latest daily snapshot; null before the first snapshot */
  snapshotVotes: number | null
  /** the caller already voted for this candidate today */
  votedToday: boolean
}

export interface RoundSummary {
  id: string
  title: string
  status: RoundStatus
  startAt: number
  endAt: number
  seats: number
  candidateCount: number
}

export interface RoundView extends RoundSummary {
  rules: RoundRules
  candidates: CandidateView[]
  /** when the counts shown were taken (null before the first snapshot) */
  snapshotAt: number | null
  /** the day (YYYY-MM-DD, Asia/Shanghai) votes count towards now */
  today: string
  votesLeftToday: number
  /** the published result once closed */
  result: RoundResultView | null
}

export interface VoteResultView {
  candidateId: string
  day: string
  votesLeftToday: number
}

/** The office's view of a round: live totals (never shown to residents while open) and panel scores. */
export interface RoundOfficeView extends RoundSummary {
  rules: RoundRules
  candidates: Array<{
    id: string
    name: string
    categoryId: RolemodelCategoryId
    votes: number
    voided: number
    panelScore: number | null
    objections: number
  }>
  snapshotAt: number | null
  objections: number
}

export interface AnomalyFlag {
  kind: AnomalyKind
  candidateId: string
  candidateName: string
  day: string
  /** the hour (0–23, Asia/Shanghai) of a burst; null for the night flag (01:00–06:00 together) */
  hour: number | null
  count: number
  threshold: number
}

export interface AnomalyView {
  roundId: string
  day: string
  flags: AnomalyFlag[]
  /** votes per hour that day (all candidates), for the chart */
  hourly: number[]
  voids: VoidView[]
}

export interface VoidView {
  id: string
  candidateId: string
  day: string
  fromHour: number
  toHour: number
  freshOnly: boolean
  voided: number
  reason: string
  at: number
}

export interface ObjectionView {
  id: string
  roundId: string
  candidateId: string
  candidateName: string
  text: string
  /** office only */
  phone: string | null
  createdAt: number
}

export interface ResultLine {
  candidateId: string
  name: string
  categoryId: RolemodelCategoryId
  votes: number
  /** votes ÷ the most votes any candidate got × 100 */
  voteScore: number
  panelScore: number
  /** voteScore × weights.votes% + panelScore × weights.panel%, two decimals */
  total: number
  rank: number
  chosen: boolean
}

export interface RoundResultView {
  roundId: string
  closedAt: number
  weights: RoundWeights
  maxVotes: number
  lines: ResultLine[]
}

export interface HonourView {
  id: string
  nomineeId: string
  roundId: string
  roundTitle: string
  name: string
  categoryId: RolemodelCategoryId
  place: RolemodelPlace
  story: string
  photos: string[]
  likes: number
  likedByMe: boolean
  honouredAt: number
}

export interface BoardView {
  items: HonourView[]
  nextCursor: string | null
}

export interface LikeResultView {
  honourId: string
  likes: number
  likedByMe: true
}

/** A district the office delegated to a 区文明办审核员: they review that district's nominations. */
export interface DelegationView {
  openid: string
  /** the district as nominations write it (文明区) */
  district: string
  grantedBy: string
  grantedAt: number
}

/** What the caller may review: everything (the office), or the nominations of these districts. */
export interface ReviewScopeView {
  office: boolean
  /** the delegated districts; empty for the office, which reviews every district */
  districts: string[]
}

// ---- inputs ----

const requestId = z.uuid('请求编号格式不正确')
/** an opaque keyset cursor: `<sort value>~<id>` */
const cursor = z.string().max(100).regex(/^-?\d{1,16}~[A-Za-z0-9_-]{1,64}$/, '分页参数不正确')
const placePart = (label: string) => z.string().trim().min(1, `请填写${label}`).max(ROLEMODEL_LIMITS.placePartMax, `${label}最多 ${ROLEMODEL_LIMITS.placePartMax} 字`)
const place = z.object({ district: placePart('区（县）'), street: placePart('街道（乡镇）'), community: placePart('社区（村）') }).strict()
const account = z
  .string()
  .trim()
  .min(ROLEMODEL_LIMITS.accountMin, `事迹简述至少 ${ROLEMODEL_LIMITS.accountMin} 字`)
  .max(ROLEMODEL_LIMITS.accountMax, `事迹简述最多 ${ROLEMODEL_LIMITS.accountMax} 字`)
const photos = z.array(fileId).max(ROLEMODEL_LIMITS.photosMax, `最多 ${ROLEMODEL_LIMITS.photosMax} 张照片`)
const phone = z.string().regex(/^1[3-9]\d{9}$/, '手机号格式不正确')
const note = (what: string) => z.string().trim().min(2, `请填写${what}`).max(ROLEMODEL_LIMITS.noteMax, `${what}最多 ${ROLEMODEL_LIMITS.noteMax} 字`)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const hour = z.number().int().min(0).max(23)
const nominationRef = { nominationId: id }
const roundRef = { roundId: id }
/** a consent code as the office hands it out: 12 letters and digits, dashes and case ignored */
const consentCode = z
  .string()
  .trim()
  .max(20)
  .transform((s) => s.replace(/-/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-9]{12}$/, '同意码格式不正确'))

export const rolemodelActions = {
  nominate: returns<MyNominationView>()({
    input: z
      .object({
        name: z.string().trim().min(1, '请填写被推荐人姓名').max(ROLEMODEL_LIMITS.nameMax, `姓名最多 ${ROLEMODEL_LIMITS.nameMax} 字`),
        categoryId: z.enum(ROLEMODEL_CATEGORY_IDS),
        place,
        account,
        photos: photos.optional(),
        phone,
        requestId,
      })
      .strict(),
    roles: ['resident'],
    summary: '推荐身边好人：姓名（公开称呼）、类别、事迹发生地、事迹简述（≤500 字）、可选照片；联系电话仅文明办可见（requestId 幂等；内容安全检测）',
  }),
  myNominations: returns<NominationPage<MyNominationView>>()({
    input: z.object({ cursor: cursor.optional() }).strict(),
    roles: ['resident'],
    summary: '我的推荐，最新在前：状态、文明办要求补充的内容或未采纳的理由',
  }),
  amend: returns<MyNominationView>()({
    input: z.object({ ...nominationRef, account: account.optional(), photos: photos.optional(), place: place.optional() }).strict(),
    roles: ['resident'],
    summary: '推荐人按文明办要求补充材料（仅「需补充材料」时），提交后回到待审核',
  }),
  reviewScope: returns<ReviewScopeView>()({
    input: noInput,
    roles: ['admin', 'district_reviewer'],
    summary: '我能审核哪些推荐：文明办审核全部；区文明办审核员只审核文明办授权给他的区',
  }),
  queue: returns<NominationPage<NominationListItem>>()({
    input: z
      .object({
        status: z.enum(NOMINATION_STATUSES),
        categoryId: z.enum(ROLEMODEL_CATEGORY_IDS).optional(),
        /** one district; a district reviewer without it sees all of theirs */
        district: placePart('区（县）').optional(),
        cursor: cursor.optional(),
      })
      .strict(),
    roles: ['admin', 'district_reviewer'],
    summary: '审核队列：某状态（可按类别、区）的推荐，最早在前；区文明办审核员只看到授权给他的区',
  }),
  get: returns<NominationOfficeView>()({
    input: z.object(nominationRef).strict(),
    roles: ['admin', 'district_reviewer'],
    summary: '一条推荐的全部信息：推荐人电话（仅文明办）、照片检测结果、疑似重复、已合并的推荐、处理记录',
  }),
  review: returns<AcceptResultView | NominationOfficeView>()({
    input: z.discriminatedUnion('decision', [
      z
        .object({
          ...nominationRef,
          decision: z.literal('accept'),
          /** the public story; the nominator's account when absent */
          story: account.optional(),
        })
        .strict(),
      z.object({ ...nominationRef, decision: z.literal('askMore'), note: note('需要补充的内容') }).strict(),
      z.object({ ...nominationRef, decision: z.literal('decline'), reason: note('未采纳的理由') }).strict(),
    ]),
    roles: ['admin', 'district_reviewer'],
    summary: '审核（文明办，或被授权该区的区文明办审核员）：采纳（返回一次性同意码，交给被推荐人本人）、要求补充（推荐人可见）、不予采纳（须写理由）',
  }),
  delegate: returns<DelegationView[]>()({
    input: z.object({ openid, district: placePart('区（县）'), granted: z.boolean() }).strict(),
    roles: ['admin'],
    summary: '授权（granted: true）或收回（false）某人审核某区的推荐：同时授予或撤销「区文明办审核员」角色（记入审计）；返回全部授权',
  }),
  delegations: returns<DelegationView[]>()({
    input: noInput,
    roles: ['admin'],
    summary: '文明办查看全部审核授权：审核员、区、授权人、授权时间',
  }),
  merge: returns<NominationOfficeView>()({
    input: z.object({ ...nominationRef, intoNominationId: id }).strict(),
    roles: ['admin'],
    summary: '文明办确认两条推荐是同一人：前一条并入后一条（两条事迹都留在记录里；公开内容仍以本人同意的为准；推荐人看到「已合并」）',
  }),
  markHonoured: returns<NominationOfficeView>()({
    input: z
      .object({
        ...nominationRef,
        level: z.enum(HONOUR_LEVELS),
        title: z.string().trim().min(2, '请填写所获称号').max(ROLEMODEL_LIMITS.honourTitleMax),
        year: z.number().int().min(1949).max(2100),
      })
      .strict(),
    roles: ['admin'],
    summary: '标记已获本级或更高级别称号（如省道德模范、中国好人），不再列入评选',
  }),
  nominees: returns<NominationPage<NomineeView>>()({
    input: z.object({ consent: z.enum(['awaiting', 'given', 'refused']).optional(), cursor: cursor.optional() }).strict(),
    roles: ['admin'],
    summary: '已采纳的被推荐人及其本人同意状态，开评选时从已同意者中选候选人',
  }),
  consentCode: returns<ConsentCodeView>()({
    input: z.object({ nomineeId: id }).strict(),
    roles: ['admin'],
    summary: '重新生成一次性同意码（原码作废），交给被推荐人本人',
  }),
  consentPreview: returns<ConsentPreviewView>()({
    input: z.object({ code: consentCode }).strict(),
    roles: ['resident'],
    summary: '被推荐人凭同意码查看将要公开的内容（姓名、类别、事迹、照片）',
  }),
  consent: returns<ConsentResultView>()({
    input: z.object({ code: consentCode, agree: z.boolean() }).strict(),
    roles: ['resident'],
    summary: '被推荐人本人同意（或不同意）公开：记录何人何时同意；同意前任何内容都不公开',
  }),
  openRound: returns<RoundOfficeView>()({
    input: z
      .object({
        title: z.string().trim().min(2, '请填写评选名称').max(ROLEMODEL_LIMITS.roundTitleMax),
        startAt: z.number().int().positive(),
        endAt: z.number().int().positive(),
        candidateIds: z.array(id).min(1, '请至少选择一位候选人').max(ROLEMODEL_LIMITS.candidatesMax),
        seats: z.number().int().min(1).max(ROLEMODEL_LIMITS.seatsMax),
        votesPerDay: z.number().int().min(1).max(ROLEMODEL_LIMITS.votesPerDayMax).default(ROUND_DEFAULTS.votesPerDay),
        perCandidatePerDay: z.literal(1).default(1),
        weights: z
          .object({ votes: z.number().int().min(0).max(100), panel: z.number().int().min(0).max(100) })
          .strict()
          .refine((w) => w.votes + w.panel === 100, '投票与评审权重之和须为 100')
          .default({ ...ROUND_DEFAULTS.weights }),
        anomaly: z
          .object({
            nightVotes: z.number().int().min(1).max(1_000_000),
            freshAccountVotesPerHour: z.number().int().min(1).max(1_000_000),
            candidateVotesPerHour: z.number().int().min(1).max(1_000_000),
            burstFactor: z.number().min(1).max(100),
          })
          .strict()
          .default({ ...ROUND_DEFAULTS.anomaly }),
        requestId,
      })
      .strict(),
    roles: ['admin'],
    summary: '开启评选（公示投票）：起止时间、候选人（仅本人已同意者）、评选名额、每人每天票数、权重（默认 投票70/评审30）',
  }),
  rounds: returns<RoundSummary[]>()({
    input: noInput,
    roles: ['resident'],
    summary: '评选列表：未开始、进行中和最近结束的评选',
  }),
  round: returns<RoundView>()({
    input: z.object(roundRef).strict(),
    roles: ['resident'],
    summary: '一次评选：候选人和事迹、最近一次每日快照的票数（进行中不显示实时票数）、我今天还剩几票',
  }),
  vote: returns<VoteResultView>()({
    input: z.object({ ...roundRef, candidateId: id }).strict(),
    roles: ['resident'],
    summary: '投票：每人每天总票数有上限，每位候选人每天一票（服务端唯一键与原子计数保证）',
  }),
  roundOffice: returns<RoundOfficeView>()({
    input: z.object(roundRef).strict(),
    roles: ['admin'],
    summary: '文明办查看评选：实时票数、作废票数、评审分、异议数',
  }),
  anomalies: returns<AnomalyView>()({
    input: z.object({ ...roundRef, day }).strict(),
    roles: ['admin'],
    summary: '异常投票提示（按写入时的计数）：凌晨 1–6 点集中投票、新注册账号集中投票、某候选人短时集中得票',
  }),
  voidVotes: returns<VoidView>()({
    input: z
      .object({
        ...roundRef,
        candidateId: id,
        day,
        fromHour: hour,
        toHour: hour,
        /** only votes from accounts created within 24 hours of voting */
        freshOnly: z.boolean(),
        reason: note('作废理由'),
      })
      .strict()
      .refine((v) => v.fromHour <= v.toHour, { message: '开始小时不能晚于结束小时', path: ['toHour'] }),
    roles: ['admin'],
    summary: '作废某候选人某天某时段的投票（可只作废新注册账号的票），须写理由，记入审计',
  }),
  object: returns<{ id: string }>()({
    input: z
      .object({
        ...roundRef,
        candidateId: id,
        text: z.string().trim().min(5, '请写明异议内容（至少 5 个字）').max(ROLEMODEL_LIMITS.objectionMax, `异议最多 ${ROLEMODEL_LIMITS.objectionMax} 字`),
        phone: phone.optional(),
        requestId,
      })
      .strict(),
    roles: ['resident'],
    summary: '公示期内对候选人提出异议（仅文明办可见；电话可选，仅文明办可见）',
  }),
  objections: returns<ObjectionView[]>()({
    input: z.object({ ...roundRef, candidateId: id.optional() }).strict(),
    roles: ['admin'],
    summary: '文明办查看一次评选收到的异议',
  }),
  panelScores: returns<RoundOfficeView>()({
    input: z
      .object({
        ...roundRef,
        scores: z
          .array(z.object({ candidateId: id, score: z.number().min(0).max(100) }).strict())
          .min(1)
          .max(ROLEMODEL_LIMITS.candidatesMax),
      })
      .strict(),
    roles: ['admin'],
    summary: '录入评审组给每位候选人的评分（0–100，评审组合议后的分数）',
  }),
  closeRound: returns<RoundResultView>()({
    input: z.object(roundRef).strict(),
    roles: ['admin'],
    summary: '结束评选并公布结果：按权重计算（得票折算分 × 投票权重 + 评审分 × 评审权重），记录全部数字；入选者上好人榜',
  }),
  board: returns<BoardView>()({
    input: z.object({ categoryId: z.enum(ROLEMODEL_CATEGORY_IDS).optional(), cursor: cursor.optional() }).strict(),
    roles: ['resident'],
    summary: '好人榜：入选的身边好人、类别、事迹和照片、点赞数，最新在前',
  }),
  honour: returns<HonourView>()({
    input: z.object({ honourId: id }).strict(),
    roles: ['resident'],
    summary: '好人榜上一位好人（分享打开的页面）',
  }),
  like: returns<LikeResultView>()({
    input: z.object({ honourId: id }).strict(),
    roles: ['resident'],
    summary: '为好人点赞（每人每位一次，重复点赞不重复计数）',
  }),
}

export const ROLEMODEL_ERRORS = {
  'ROLEMODEL.NOT_FOUND': '没有找到这条推荐',
  'ROLEMODEL.NOMINEE_NOT_FOUND': '没有找到这位被推荐人',
  'ROLEMODEL.ROUND_NOT_FOUND': '没有找到这次评选',
  'ROLEMODEL.CANDIDATE_NOT_FOUND': '这位不是本次评选的候选人',
  'ROLEMODEL.HONOUR_NOT_FOUND': '好人榜上没有这位',
  'ROLEMODEL.TEXT_REJECTED': '文字包含不适宜的内容，请修改后再提交',
  'ROLEMODEL.PHOTO_NOT_YOURS': '照片无效：只能使用您本人刚刚上传的照片',
  'ROLEMODEL.PHOTO_NOT_FOUND': '照片不存在或上传未完成，请重新上传',
  'ROLEMODEL.INVALID_TRANSITION': '这条推荐当前的状态不能执行这个操作',
  'ROLEMODEL.STALE': '这条推荐刚刚被处理过，请刷新后再试',
  'ROLEMODEL.NOT_AMENDABLE': '只有文明办要求补充材料时才能修改推荐',
  'ROLEMODEL.NOTHING_TO_AMEND': '请至少补充一项内容',
  'ROLEMODEL.MERGE_SELF': '不能把推荐合并到它自己',
  'ROLEMODEL.MERGE_TARGET_CLOSED': '只能合并到待审核、需补充或已采纳的推荐',
  'ROLEMODEL.CONSENT_CODE_INVALID': '同意码无效或已使用，请联系文明办重新获取',
  'ROLEMODEL.CONSENT_CODE_EXPIRED': '同意码已过期，请联系文明办重新获取',
  'ROLEMODEL.CONSENT_DONE': '本人已同意公开，无需重新生成同意码',
  'ROLEMODEL.NOT_CONSENTED': '候选人须本人同意公开后才能列入评选',
  'ROLEMODEL.CANDIDATE_BUSY': '有候选人正在参加另一场未结束的评选',
  'ROLEMODEL.ROUND_DATES': '评选时间不合理：结束须晚于开始和现在，且不超过 60 天',
  'ROLEMODEL.SEATS_OVER_CANDIDATES': '评选名额不能多于候选人数',
  'ROLEMODEL.ROUND_NOT_OPEN': '评选不在投票时间内',
  'ROLEMODEL.ROUND_NOT_ENDED': '投票还没有结束，不能公布结果',
  'ROLEMODEL.ROUND_CLOSED': '评选已结束并公布结果',
  'ROLEMODEL.ALREADY_VOTED': '您今天已经为这位候选人投过票了，明天再来吧',
  'ROLEMODEL.DAILY_LIMIT': '您今天的票已经投完了，明天再来吧',
  'ROLEMODEL.PANEL_INCOMPLETE': '还有候选人没有评审分，请先录入全部评审分',
  'ROLEMODEL.OBJECTION_LIMIT': '您对本次评选提出的异议已达上限',
  'ROLEMODEL.OBJECTION_CLOSED': '评选结果已公布，异议渠道已关闭',
  'ROLEMODEL.DAY_OUT_OF_ROUND': '这一天不在评选时间内',
  'ROLEMODEL.DELEGATION_NOT_FOUND': '没有这项审核授权',
  'ROLEMODEL.DISTRICT_NOT_DELEGATED': '文明办没有授权您审核这个区的推荐',
} as const

export type RolemodelErrorCode = keyof typeof ROLEMODEL_ERRORS
