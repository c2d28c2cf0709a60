import type { WorkCalendar } from '../calendar'
import { stepLimitsOf, type LegacyStepLimits, type ReportKind, type StepLimit, type StepLimits } from './categories'
import { BUILT_IN_CALENDAR, dueAfter } from './due-time'

/**
 * The report's life as data. The server allows exactly the rows of TRANSITIONS (from, action, to,
 * role, kinds) and nothing else; the client reads the same rows to decide which buttons to show,
 * so the two cannot disagree about what is possible.
 */
export const REPORT_STATUSES = [
  'submitted',
  'dispatched',
  'processing',
  'resolved',
  'rated',
  'rejected',
  'returned',
  'reopened',
  'published',
  // the reporter asked for 重办; the grid worker decides whether the unit must act again
  'reopen-requested',
  // the rating window closed with no rating: finished, like 已评价, but nobody said how it went
  'closed-unrated',
  // 门前三包: the pin is on a registered shop's frontage in a category its 责任书 covers; the shop
  // answers first, within its own short limit, before the grid worker takes it
  'at-shop',
] as const

export type ReportStatus = (typeof REPORT_STATUSES)[number]

export const STATUS_LABEL: Record<ReportStatus, string> = {
  submitted: '待受理',
  dispatched: '已派发',
  processing: '处置中',
  resolved: '已办结',
  rated: '已评价',
  rejected: '不予受理',
  returned: '退回',
  reopened: '重办',
  published: '已展示',
  'reopen-requested': '申请重办',
  'closed-unrated': '已办结（未评价）',
  'at-shop': '门店处理中',
}

/** Praise has its own words for the same steps. */
export const PRAISE_STATUS_LABEL: Partial<Record<ReportStatus, string>> = {
  submitted: '待审核',
  rejected: '未采纳',
  published: '已展示',
}

export function statusLabel(status: ReportStatus, kind: ReportKind): string {
  return (kind === 'praise' ? PRAISE_STATUS_LABEL[status] : undefined) ?? STATUS_LABEL[status]
}

/** Who acts: the grid worker of the report's grid, the staff of its unit, or the person who reported it. */
export type TransitionRole = 'grid' | 'handler' | 'reporter'

export const TRANSITION_ROLE_LABEL: Record<TransitionRole, string> = {
  grid: '网格员',
  handler: '责任单位',
  reporter: '市民',
}

export const TRANSITION_ACTIONS = [
  'dispatch',
  'reject',
  'approve',
  'start',
  'sendBack',
  'resolve',
  'rate',
  'requestReopen',
  'reopen',
  'keepClosed',
] as const
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number]

export const ACTION_LABEL: Record<TransitionAction, string> = {
  dispatch: '派发',
  reject: '不予受理',
  approve: '采纳展示',
  start: '开始处置',
  sendBack: '退回网格',
  resolve: '办结',
  rate: '评价',
  requestReopen: '问题未解决',
  reopen: '同意重办',
  keepClosed: '维持办结',
}

export interface Transition {
  action: TransitionAction
  from: ReportStatus
  to: ReportStatus
  role: TransitionRole
  kinds: readonly ReportKind[]
}

const REPORT: readonly ReportKind[] = ['report']
const PRAISE: readonly ReportKind[] = ['praise']

export const TRANSITIONS: readonly Transition[] = [
  { action: 'dispatch', from: 'submitted', to: 'dispatched', role: 'grid', kinds: REPORT },
  { action: 'dispatch', from: 'returned', to: 'dispatched', role: 'grid', kinds: REPORT },
  { action: 'dispatch', from: 'reopened', to: 'dispatched', role: 'grid', kinds: REPORT },
  { action: 'reject', from: 'submitted', to: 'rejected', role: 'grid', kinds: ['report', 'praise'] },
  { action: 'reject', from: 'returned', to: 'rejected', role: 'grid', kinds: REPORT },
  { action: 'approve', from: 'submitted', to: 'published', role: 'grid', kinds: PRAISE },
  { action: 'start', from: 'dispatched', to: 'processing', role: 'handler', kinds: REPORT },
  { action: 'sendBack', from: 'dispatched', to: 'returned', role: 'handler', kinds: REPORT },
  { action: 'sendBack', from: 'processing', to: 'returned', role: 'handler', kinds: REPORT },
  { action: 'resolve', from: 'processing', to: 'resolved', role: 'handler', kinds: REPORT },
  // one rating, two outcomes: 3–5 stars closes the report; 1–2 (or 「问题未解决」) only asks for 重办
  { action: 'rate', from: 'resolved', to: 'rated', role: 'reporter', kinds: REPORT },
  { action: 'requestReopen', from: 'resolved', to: 'reopen-requested', role: 'reporter', kinds: REPORT },
  // the grid worker checks the claim: the unit acts again, or the report stays 已办结 with a written why
  { action: 'reopen', from: 'reopen-requested', to: 'reopened', role: 'grid', kinds: REPORT },
  { action: 'keepClosed', from: 'reopen-requested', to: 'resolved', role: 'grid', kinds: REPORT },
]

/**
 * 门前三包: the moves of a report while (and just after) the shop whose frontage it is on has it.
 * They are not rows of TRANSITIONS because none is a grid/unit/reporter button of the report
 * function: the shop answers through the frontage function (answerReport), the clock hands an
 * unanswered one to the grid (escalateShopReports), and a resident's 1–2★ or 「问题未解决」 on the
 * shop's answer sends it to the grid instead of asking for 重办. While the shop has it the grid
 * worker sees it (门店处理中) but has no action on it: the shop's limit is a couple of working
 * hours, after which the grid worker takes it like every other 待受理.
 */
export const SHOP_MOVES = [
  { move: 'shopAnswer', from: 'at-shop', to: 'resolved', by: 'shop' },
  { move: 'shopEscalate', from: 'at-shop', to: 'submitted', by: 'system' },
  { move: 'shopEscalate', from: 'resolved', to: 'submitted', by: 'reporter' },
] as const satisfies ReadonlyArray<{ move: string; from: ReportStatus; to: ReportStatus; by: string }>
export type ShopMove = (typeof SHOP_MOVES)[number]['move']

/**
 * What the clock does with nobody acting: the rating window of a 已办结 report closes. A rating
 * that stood through 维持办结 makes it 已评价; otherwise it is 已办结（未评价）.
 */
export const WINDOW_CLOSE_TARGETS: readonly ReportStatus[] = ['rated', 'closed-unrated']

/** Finished for good: nothing moves it again, and the retention clock for contact data runs from here. */
export const CLOSED_STATUSES: readonly ReportStatus[] = ['rated', 'closed-unrated', 'rejected', 'published']

export function findTransition(action: TransitionAction, from: ReportStatus, kind: ReportKind): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from === from && t.kinds.includes(kind))
}

/** What `role` may do to a report in `status` now. */
export function actionsFor(status: ReportStatus, kind: ReportKind, role: TransitionRole): TransitionAction[] {
  return TRANSITIONS.filter((t) => t.from === status && t.role === role && t.kinds.includes(kind)).map((t) => t.action)
}

/** The role that holds the report in this status, i.e. whose clock is running; null when no one's is. */
export function holderOf(status: ReportStatus): 'grid' | 'handler' | 'shop' | null {
  switch (status) {
    case 'submitted':
    case 'returned':
    case 'reopened':
    case 'reopen-requested':
      return 'grid'
    case 'dispatched':
    case 'processing':
      return 'handler'
    case 'at-shop':
      return 'shop'
    default:
      return null
  }
}

/** The time limit of the step a report enters; null when the step has no staff clock. */
export function stepLimit(status: ReportStatus, stepLimits: StepLimits | LegacyStepLimits): StepLimit | null {
  const limits = stepLimitsOf(stepLimits)
  switch (status) {
    case 'submitted':
    case 'returned':
    case 'reopened':
    case 'reopen-requested':
      return limits.accept
    case 'dispatched':
      return limits.start
    case 'processing':
      return limits.resolve
    default:
      return null
  }
}

/**
 * The due time computed on entry to a step (UTC ms), or null. Working-day limits count on
 * `calendar`: the server passes the stored one; without it, the official schedules shipped with the app.
 */
export function dueTimeOnEntry(
  status: ReportStatus,
  limits: StepLimits | LegacyStepLimits,
  enteredAt: number,
  calendar: WorkCalendar = BUILT_IN_CALENDAR,
): number | null {
  const limit = stepLimit(status, limits)
  return limit === null ? null : dueAfter(limit, enteredAt, calendar)
}

/**
 * Open and in the city's hands (grid or unit). 门店处理中 is open too (holderOf says 'shop': it
 * counts as open for duplicates, 我也遇到 and the 督查台账) but is left out here, because what these
 * statuses allow — the office's 更改类别, re-timing a step by the category's limits — would undo
 * the shop's routing; the shop's stage ends first, by its answer or the timer.
 */
export const OPEN_STATUSES: readonly ReportStatus[] = REPORT_STATUSES.filter((s) => holderOf(s) === 'grid' || holderOf(s) === 'handler')

/** 不予受理: the reasons a grid worker may give. */
export const REJECT_REASONS = {
  duplicate: '重复上报',
  'out-of-scope': '不属于受理范围',
  'insufficient-info': '信息不足，无法核实',
  other: '其他原因',
} as const
export type RejectReason = keyof typeof REJECT_REASONS
export const REJECT_REASON_IDS = Object.keys(REJECT_REASONS) as [RejectReason, ...RejectReason[]]

/** 退回: why a unit sends a report back to the grid. */
export const SEND_BACK_REASONS = {
  'not-our-duty': '不属于本单位职责',
  'wrong-location': '位置不准确',
  'insufficient-info': '信息不足，无法处置',
  other: '其他原因',
} as const
export type SendBackReason = keyof typeof SEND_BACK_REASONS
export const SEND_BACK_REASON_IDS = Object.keys(SEND_BACK_REASONS) as [SendBackReason, ...SendBackReason[]]

/** A rating at or below this asks for 重办. */
export const REOPEN_AT_OR_BELOW = 2
