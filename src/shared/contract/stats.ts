import { z } from 'zod'
import { id } from './common'
import { returns } from './define'

/**
 * 随手拍 statistics: counters kept on write per Beijing day, week and month for each unit, grid,
 * category and the whole city; the office's range view, the public 红黑榜 of units and grids,
 * and the one figure a report's detail shows about its unit.
 */
export type StatsScope = 'unit' | 'grid' | 'category' | 'city'

/**
 * Resolution-time buckets (created → resolved), upper bounds in hours; the last one is open.
 * Fixed so a median can be read from summed counters without keeping every duration.
 */
export const RESOLVE_BUCKETS = [
  { key: 'h2', hours: 2, label: '2 小时内' },
  { key: 'h4', hours: 4, label: '4 小时内' },
  { key: 'h8', hours: 8, label: '8 小时内' },
  { key: 'd1', hours: 24, label: '1 天内' },
  { key: 'd2', hours: 48, label: '2 天内' },
  { key: 'd3', hours: 72, label: '3 天内' },
  { key: 'd7', hours: 168, label: '7 天内' },
  { key: 'more', hours: Infinity, label: '超过 7 天' },
] as const
export type ResolveBucketKey = (typeof RESOLVE_BUCKETS)[number]['key']

/** The counters every stats doc carries (and every row sums). */
export interface StatsCounts {
  received: number
  dispatched: number
  resolved: number
  resolvedOnTime: number
  ratings: number
  ratingSum: number
  satisfied: number
  reopened: number
  closedUnrated: number
  buckets: Record<ResolveBucketKey, number>
}

export interface StatsRow extends StatsCounts {
  id: string
  name: string
  /** resolvedOnTime / resolved, 0–1; null when nothing was resolved */
  onTimeRate: number | null
  /** 「4 小时内」: the bucket holding the median resolution time; null when nothing was resolved */
  medianLabel: string | null
  /** satisfied (4–5★) / ratings; null without ratings */
  satisfactionRate: number | null
  averageScore: number | null
  /** reopened / resolved; null when nothing was resolved */
  reopenedShare: number | null
}

export interface StatsSeriesPoint {
  day: string
  received: number
  dispatched: number
  resolved: number
  resolvedOnTime: number
  ratings: number
  satisfied: number
  reopened: number
}

export interface StatsRangeView {
  scope: StatsScope
  from: string
  to: string
  days: number
  rows: StatsRow[]
  /** the city per day, every day of the range (zeros where nothing happened) */
  series: StatsSeriesPoint[]
  /** how the range was read: whole months and weeks from their own docs, the rest by day */
  read: { months: string[]; weeks: string[]; days: string[] }
  /** more ids than one view reads (the rows are the first ones by id) */
  truncated: boolean
}

export interface StatsBoardRule {
  /** top N on the 红榜 */
  red: number
  /** last M on the 黑榜 */
  black: number
  /** fewer reports received than this in the period: not ranked */
  minReceived: number
}

export const DEFAULT_STATS_BOARD_RULE: StatsBoardRule = { red: 5, black: 3, minReceived: 5 }

export interface StatsBoardRow {
  id: string
  name: string
  received: number
  resolved: number
  resolvedOnTime: number
  onTimeRate: number | null
  medianLabel: string | null
  satisfactionRate: number | null
  reopened: number
  reopenedShare: number | null
  /** 1, 2, 2, 4 …: equal on-time rates share a rank; null when not ranked (too few reports) */
  rank: number | null
  list: 'red' | 'black' | null
}

export interface StatsBoardView {
  scope: 'unit' | 'grid'
  period: 'week' | 'month'
  /** the week's Monday (YYYY-MM-DD) or the month (YYYY-MM) */
  key: string
  rule: StatsBoardRule
  ruleText: string
  /** ranked first, in rank order; then the ones not ranked, by name */
  rows: StatsBoardRow[]
  red: StatsBoardRow[]
  black: StatsBoardRow[]
  truncated: boolean
}

export interface PublishedStatsBoardView {
  week: string
  units: StatsBoardView
  grids: StatsBoardView
  /** units flagged 约谈 by this publication (black this week and the week before) */
  escalated: string[]
  publishedAt: number
}

export interface StatsEscalationView {
  unitId: string
  unitName: string
  week: string
  previousWeek: string
  at: number
}

export interface StatsEscalationPage {
  items: StatsEscalationView[]
  next: string | null
}

export interface UnitMonthView {
  unitId: string
  month: string
  received: number
  resolved: number
  onTimeRate: number | null
  satisfactionRate: number | null
  /** 「该单位本月按时办结率 80%，满意率 90%」 */
  text: string
}

export const STATS_LIMITS = { customDaysMax: 92, rowsMax: 1000, rankMax: 50, minReceivedMax: 10_000, escalationPage: 20 } as const

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine((v) => {
  const ms = Date.parse(`${v}T00:00:00Z`)
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === v
}, '日期不存在')
const rankCount = z.number().int().min(0).max(STATS_LIMITS.rankMax)

export const statsActions = {
  range: returns<StatsRangeView>()({
    input: z
      .object({
        scope: z.enum(['unit', 'grid', 'category', 'city']),
        period: z.enum(['7d', '30d', 'quarter', 'custom']),
        from: day.optional(),
        to: day.optional(),
      })
      .strict(),
    roles: ['admin'],
    summary: '文明办按单位、网格、类别或全市查看一段时间的受理、办结、按时办结率、办结用时中位、满意率、重办占比，及全市每日走势',
  }),
  board: returns<StatsBoardView>()({
    input: z.object({ scope: z.enum(['unit', 'grid']), period: z.enum(['week', 'month']) }).strict(),
    roles: ['resident'],
    summary: '红黑榜：本周或本月各责任单位（或网格）的受理、按时办结、办结用时、满意率、重办，按文明办定的规则排名',
  }),
  setBoardRule: returns<StatsBoardRule>()({
    input: z.object({ red: rankCount, black: rankCount, minReceived: z.number().int().min(0).max(STATS_LIMITS.minReceivedMax) }).strict(),
    roles: ['admin'],
    summary: '文明办设定红黑榜规则：前几名上红榜、后几名上黑榜、受理少于几件不参与排名（留审计）',
  }),
  publishBoard: returns<PublishedStatsBoardView>()({
    input: z.object({ week: day }).strict(),
    roles: ['admin'],
    summary: '文明办发布已结束一周的红黑榜（每周一次，冻结当时的数字）；连续两周上黑榜的单位标记约谈',
  }),
  escalations: returns<StatsEscalationPage>()({
    input: z.object({ cursor: z.string().max(100).optional() }).strict(),
    roles: ['admin'],
    summary: '约谈记录：连续两周上黑榜的单位，最近的在前',
  }),
  unitMonth: returns<UnitMonthView>()({
    input: z.object({ unitId: id }).strict(),
    roles: ['resident'],
    summary: '举报详情里的「该单位本月按时办结率」：本月受理、按时办结率、满意率',
  }),
}

export const STATS_ERRORS = {
  'STATS.RANGE_REQUIRED': '自定义时段须填写开始和结束日期',
  'STATS.RANGE_ORDER': '结束日期不能早于开始日期',
  'STATS.RANGE_TOO_LONG': '自定义时段最长 92 天',
  'STATS.RANGE_IN_FUTURE': '结束日期不能晚于今天',
  'STATS.NOT_MONDAY': '请选择一周的周一',
  'STATS.WEEK_NOT_ENDED': '这一周还没有结束，结束后才能发布红黑榜',
  'STATS.ALREADY_PUBLISHED': '这一周的红黑榜已经发布过了',
} as const

export type StatsErrorCode = keyof typeof STATS_ERRORS
