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

/** The campaign's targets the office sets: the city's population and the volunteer registration-rate goal. */
export interface StatsTargets {
  population: number
  /** 0–1: the share of the population the campaign wants registered as volunteers */
  registrationTarget: number
}

export interface StatsDashboardGridRow {
  id: string
  name: string
  received: number
  resolved: number
  onTimeRate: number | null
  /** the grid's outer ring as [lng, lat] pairs, for the shaded map; null when the grid has none */
  polygon: Array<[number, number]> | null
}

/** The views of the dashboard a caller can ask for alone (the 月报 and older clients ask for none: everything). */
export type StatsDashboardPart = 'overview' | 'reports' | 'volunteers' | 'quiz' | 'posters' | 'handbook'

/** Posters a `posters` view answers per page (the table's 更多 asks for the next page). */
export const STATS_DASHBOARD_POSTER_PAGE = 20

/** 总览: the headline figures only — no per-unit, per-grid or per-poster rows. */
export interface StatsDashboardOverview {
  /** the city over the range (name 全市) */
  totals: StatsRow
  /** the city per day, every day of the range */
  series: StatsSeriesPoint[]
  /** open reports past their time limit now */
  overdueNow: number
  volunteers: Pick<StatsDashboardVolunteers, 'registered' | 'population' | 'registrationTarget' | 'registrationRate' | 'hoursByWeek'>
  /** every topic summed */
  quiz: { papers: number; answered: number; correct: number; accuracy: number | null }
}

export interface StatsDashboardReports {
  /** the city over the range (name 全市) */
  totals: StatsRow
  /** per day, every day of the range */
  series: StatsSeriesPoint[]
  /** every category, by received desc */
  byCategory: StatsRow[]
  /** per unit: on-time rate, median, reopened share, satisfaction */
  byUnit: StatsRow[]
  byGrid: StatsDashboardGridRow[]
  /** open reports now, per status */
  nowByStatus: Array<{ status: string; label: string; count: number }>
  overdueNow: number
  /** overdue-open count of each day's snapshot; null for a day without one */
  overdueSeries: Array<{ day: string; overdue: number | null }>
}

export interface StatsDashboardVolunteers {
  registered: number
  population: number | null
  registrationTarget: number | null
  /** registered / population; null without a population */
  registrationRate: number | null
  /** confirmed hours per Beijing week (the week's Monday), every week the range touches */
  hoursByWeek: Array<{ week: string; hours: number }>
  /** teams with at least one confirmed record in the range */
  activeTeams: number
  signups: number
  noShows: number
  /** noShows / signups; null without signups */
  noShowRate: number | null
}

export interface StatsDashboardQuiz {
  byTopic: Array<{ topic: string; name: string; papers: number; answered: number; correct: number; accuracy: number | null }>
}

export interface StatsDashboardPosterRow {
  posterId: string
  title: string
  scans: number
  people: number
  reports: number
  reads: number
  quizzes: number
}

export interface StatsDashboardPosters {
  /**
   * the whole dashboard: every poster counted in the range (≤ rowsMax), by scans desc;
   * the `posters` view: one page by poster id after `posterCursor` (about STATS_DASHBOARD_POSTER_PAGE posters; a few more when the range's segments disagree where the page ends)
   */
  rows: StatsDashboardPosterRow[]
  /** more posters than one view reads (the whole dashboard only) */
  truncated: boolean
  /** the `posterCursor` of the next page; null on the last page and on the whole dashboard */
  next: string | null
}

export interface StatsDashboardHandbook {
  byChapter: Array<{ chapterId: string; title: string; readers: number; finished: number }>
}

/**
 * The office's dashboard over one range, every figure read from counters kept on write and the
 * daily snapshots (never a scan of reports). Asked with a `view`, only that view's section is
 * read and filled — every other section is null, so a view's cost is its own; asked without one
 * (`view: 'all'`), every section is filled, `overview` included (derived, no extra reads).
 */
export interface StatsDashboardView {
  from: string
  to: string
  days: number
  generatedAt: number
  /** the view asked for; 'all' when none was */
  view: StatsDashboardPart | 'all'
  overview: StatsDashboardOverview | null
  reports: StatsDashboardReports | null
  volunteers: StatsDashboardVolunteers | null
  quiz: StatsDashboardQuiz | null
  posters: StatsDashboardPosters | null
  handbook: StatsDashboardHandbook | null
}

export interface PublishedStatsBoardSummary {
  week: string
  publishedAt: number
  /** units flagged 约谈 by this publication */
  escalated: string[]
  redUnits: number
  blackUnits: number
}

export interface PublishedStatsBoardPage {
  items: PublishedStatsBoardSummary[]
  next: string | null
}

export const STATS_LIMITS = { customDaysMax: 92, rowsMax: 1000, rankMax: 50, minReceivedMax: 10_000, escalationPage: 20, publishedPage: 20, populationMax: 100_000_000 } as const

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
  dashboard: returns<StatsDashboardView>()({
    input: z
      .object({
        period: z.enum(['7d', '30d', 'quarter', 'custom']),
        from: day.optional(),
        to: day.optional(),
        /** one view only (its section filled, the others null); absent: every view, as the 月报 reads it */
        view: z.enum(['overview', 'reports', 'volunteers', 'quiz', 'posters', 'handbook']).optional(),
        /** the `posters` view's next page: the `next` of the page before */
        posterCursor: z.string().min(1).max(100).optional(),
      })
      .strict()
      .refine((v) => v.posterCursor === undefined || v.view === 'posters', { message: '翻页只用于海报视图', path: ['posterCursor'] }),
    roles: ['admin'],
    summary: '文明办数据看板（可只取一个视图：总览、随手拍、志愿、答题、海报（分页）、手册）：随手拍（类别、状态、网格地图、单位、超时）、志愿者（注册率、时长、活跃队伍、爽约率）、答题、海报、手册，按 7 天、30 天、本季度或自定义时段',
  }),
  setTargets: returns<StatsTargets>()({
    input: z
      .object({
        population: z.number().int('人口须为整数').min(1, '人口至少为 1').max(STATS_LIMITS.populationMax, '人口不能超过 1 亿'),
        registrationTarget: z.number().min(0, '注册率目标不能小于 0').max(1, '注册率目标不能超过 100%'),
      })
      .strict(),
    roles: ['admin'],
    summary: '文明办设定全市人口与志愿者注册率目标（留审计）',
  }),
  publishedBoards: returns<PublishedStatsBoardPage>()({
    input: z.object({ cursor: z.string().max(100).optional() }).strict(),
    roles: ['resident'],
    summary: '已发布的每周红黑榜，最近的在前，每页 20 周',
  }),
  publishedBoard: returns<PublishedStatsBoardView>()({
    input: z.object({ week: day }).strict(),
    roles: ['resident'],
    summary: '某一周已发布的红黑榜（发布时冻结的数字）',
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
  'STATS.NOT_PUBLISHED': '这一周的红黑榜还没有发布',
} as const

export type StatsErrorCode = keyof typeof STATS_ERRORS
