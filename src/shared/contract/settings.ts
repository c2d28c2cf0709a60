import { z } from 'zod'
import { POINTS_RULES, type PointsRuleId } from '../points-rules'
import { CATEGORY_IDS, type LimitUnit, type ReportKind, type StepLimit, type StepLimits } from '../report/categories'
import { fileId, id, shortText } from './common'
import { returns } from './define'

/**
 * 文明办「设置」: every report setting in one place — category names, hints and step limits (as
 * overrides of the built-in list), responsible units, grids imported from GeoJSON — and the audit
 * read-back of every change (who, when, before, after).
 */

export const SETTINGS_LIMITS = {
  categoryNameMax: 20,
  categoryHintMax: 60,
  unitNameMax: 30,
  gridNameMax: 30,
  districtMax: 30,
  /** a sheet of one city's grids; a bigger city imports it in parts */
  maxFeatures: 200,
  /** per polygon; a street grid drawn by hand has tens, a surveyed one a few hundred */
  maxVertices: 2000,
  auditPageSize: 20,
} as const

/**
 * The longest limit a step may have, per unit: beyond these a limit no longer makes anyone act
 * (30 days round the clock, 90 calendar days, 60 working days ≈ a quarter).
 */
export const STEP_LIMIT_MAX: Record<LimitUnit, number> = { hours: 720, days: 90, workdays: 60 }

const unitText: Record<LimitUnit, string> = { hours: '小时', days: '天', workdays: '个工作日' }

/** One step's limit, the StepLimit of src/shared/report/categories.ts; 0 only where the step never runs (checked per category). */
export const stepLimitSchema: z.ZodType<StepLimit> = z
  .object({
    amount: z.number().int('时限须为整数').min(0, '时限不能为负数'),
    unit: z.enum(['hours', 'days', 'workdays']),
    officeHours: z.boolean().optional(),
  })
  .strict()
  .superRefine((limit, issue) => {
    if (limit.amount > STEP_LIMIT_MAX[limit.unit]) {
      issue.addIssue({ code: 'custom', path: ['amount'], message: `时限最多 ${STEP_LIMIT_MAX[limit.unit]} ${unitText[limit.unit]}` })
    }
    // office hours narrow an hour count; a day or working-day limit already follows the calendar
    if (limit.officeHours && limit.unit !== 'hours') {
      issue.addIssue({ code: 'custom', path: ['officeHours'], message: '只有按小时计的时限可以只算工作时间' })
    }
  })

export const stepLimitsSchema: z.ZodType<StepLimits> = z.object({ accept: stepLimitSchema, start: stepLimitSchema, resolve: stepLimitSchema }).strict()

export interface CategorySettingView {
  id: string
  kind: ReportKind
  groupId: string
  /** as in force: the override where there is one, else the built-in value */
  name: string
  hint: string
  limits: StepLimits
  /** 受理 2 小时 · 签收 4 小时 · 办结 3 个工作日 */
  limitsText: string
  /** the built-in values, so the office sees what an override replaced */
  defaultName: string
  defaultHint: string
  defaultLimits: StepLimits
  overridden: boolean
  updatedAt: number | null
}

export interface CategorySettingsView {
  categories: CategorySettingView[]
}

export interface UnitSettingView {
  unitId: string
  name: string
}

export interface UnitSettingsView {
  units: UnitSettingView[]
}

export interface GridSettingView {
  gridId: string
  name: string
  district: string
  vertexCount: number
  bbox: { minLng: number; minLat: number; maxLng: number; maxLat: number }
}

export interface GridSettingsView {
  grids: GridSettingView[]
}

export interface GridImportView {
  dryRun: boolean
  /** names that are new grids */
  added: string[]
  /** names that replace a grid of the same name */
  replaced: string[]
}

/** A JSON value as stored in an audit entry's before/after. */
export type AuditValue = null | string | number | boolean | AuditValue[] | { [key: string]: AuditValue }

export interface AuditEntryView {
  id: string
  /** the actor's nickname, or 文明办 for the office — never an openid */
  who: string
  at: number
  subjectType: string
  subjectId: string
  action: string
  /** null: nothing before (a new unit, a new grid) or an entry from before before/after were kept */
  before: AuditValue
  after: AuditValue
  /** the entry's other plain values */
  detail: Record<string, string | number | boolean | null>
}

export interface AuditPageView {
  items: AuditEntryView[]
  next: string | null
}


// ---- the settings index and the remaining settings (随手拍限额, 志愿时限, 积分规则, 手册版本, 题库) ----

/** The bounds the office may set; the server refuses anything outside with a message in words. */
export const MORE_SETTINGS_LIMITS = {
  dailyLimitMax: 200,
  cancelDeadlineMaxMinutes: 72 * 60,
  autoCloseGraceMaxMinutes: 6 * 60,
  /** per occurrence or per hour: beyond this one rule would outweigh every reward */
  rulePointsMax: 100,
  ruleDailyCapMax: 1000,
  handbookPageSize: 20,
  /** a clerk's sheet of one campaign's questions; a bigger bank is imported in parts */
  questionsPerSheet: 500,
  sheetMaxBytes: 5 * 1024 * 1024,
} as const

export const POINTS_RULE_IDS = Object.keys(POINTS_RULES) as [PointsRuleId, ...PointsRuleId[]]

export interface ReportLimitsView {
  dailyLimit: number
  /** fixed by the form (not a setting): shown so the office knows the bounds */
  minPhotos: number
  maxPhotos: number
}

export interface VolunteerTimesView {
  cancelDeadlineMinutes: number
  autoCloseGraceMinutes: number
}

export interface PointsRuleSettingView {
  rule: PointsRuleId
  label: string
  per: 'each' | 'hour'
  /** as in force */
  points: number
  dailyCap: number
  defaultPoints: number
  defaultDailyCap: number
  overridden: boolean
}

/** The settings index: every setting with what it is now. */
export interface SettingsOverviewView {
  report: ReportLimitsView
  volunteer: VolunteerTimesView
  points: PointsRuleSettingView[]
  categoriesOverridden: number
  units: number
  grids: number
  /** active questions in the bank */
  questions: number
  handbookVersion: number | null
  handbookPublishedAt: number | null
  /** message purposes with a template id (the office's, the deployment's or the local placeholder) */
  notifyTemplates: number
}

export interface HandbookVersionRowView {
  version: number
  publishedAt: number
  /** a nickname, 文明办, or 随版本发布 for the version shipped with the app — never an openid */
  who: string
  note: string
  changedChapters: number
}

export interface HandbookVersionsPageView {
  items: HandbookVersionRowView[]
  nextOffset: number | null
}

export interface QuestionImportView {
  applied: boolean
  rows: number
  /** 题号 of each */
  added: string[]
  changed: string[]
  unchanged: number
}

export interface QuestionSheetView {
  name: string
  url: string
  fileId: string
}

/** The 题库表 columns, by header text (order free). */
export const QUESTION_COLUMNS = {
  id: '题号',
  topic: '专题',
  type: '题型',
  stem: '题干',
  a: '选项A',
  b: '选项B',
  c: '选项C',
  d: '选项D',
  answer: '答案',
  explanation: '解析',
  section: '手册小节',
  difficulty: '难度',
} as const
export const REQUIRED_QUESTION_COLUMNS = ['id', 'topic', 'type', 'stem', 'answer', 'explanation', 'section'] as const

const position = z.array(z.number().finite()).min(2).max(3)

/**
 * A GeoJSON FeatureCollection sent as an object. The shape is checked here (sizes capped so an
 * oversized sheet is an input error before any geometry runs); each feature's geometry — Polygon,
 * closed, simple, not overlapping, inside the country — is checked by the server and named by index.
 */
const gridFeature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string().max(64), z.number()]).optional(),
  properties: z
    .object({ name: shortText(SETTINGS_LIMITS.gridNameMax), district: shortText(SETTINGS_LIMITS.districtMax) })
    // other columns of a GIS export (area, code…) are ignored rather than refused
    .passthrough(),
  geometry: z.object({
    type: z.string().max(40),
    // ring → position; a ring longer than the cap is still read so the server can name the feature
    coordinates: z.array(z.array(position).max(SETTINGS_LIMITS.maxVertices * 2 + 1)).min(1).max(10),
  }),
})

export const settingsActions = {
  overview: returns<SettingsOverviewView>()({
    input: z.object({}).strict(),
    roles: ['admin'],
    summary: '文明办「全部设置」：每一项设置现在的值（随手拍限额、志愿时限、积分规则、类别、单位、网格、题库、手册版本）',
  }),
  setReportLimits: returns<ReportLimitsView>()({
    input: z.object({ dailyLimit: z.number().int('须为整数').min(1, '每天至少允许 1 条').max(MORE_SETTINGS_LIMITS.dailyLimitMax, `每天最多 ${MORE_SETTINGS_LIMITS.dailyLimitMax} 条`) }).strict(),
    roles: ['admin'],
    summary: '文明办修改每人每天随手拍上限：下一次提交即按新上限计',
  }),
  setVolunteerTimes: returns<VolunteerTimesView>()({
    input: z
      .object({
        cancelDeadlineMinutes: z.number().int('须为整数').min(0, '不能为负数').max(MORE_SETTINGS_LIMITS.cancelDeadlineMaxMinutes, '取消截止最多提前 72 小时').optional(),
        autoCloseGraceMinutes: z.number().int('须为整数').min(0, '不能为负数').max(MORE_SETTINGS_LIMITS.autoCloseGraceMaxMinutes, '自动签退宽限最多 6 小时').optional(),
      })
      .strict()
      .refine((v) => v.cancelDeadlineMinutes !== undefined || v.autoCloseGraceMinutes !== undefined, { message: '请至少修改一项' }),
    roles: ['admin'],
    summary: '文明办修改志愿活动的取消截止时间与自动签退宽限：下一次报名、取消、签退即按新值',
  }),
  setPointsRule: returns<PointsRuleSettingView>()({
    input: z
      .object({
        rule: z.enum(POINTS_RULE_IDS),
        points: z.number().int('须为整数').min(1, '分值至少 1 分').max(MORE_SETTINGS_LIMITS.rulePointsMax, `分值最多 ${MORE_SETTINGS_LIMITS.rulePointsMax} 分`).optional(),
        dailyCap: z.number().int('须为整数').min(1, '每日上限至少 1 分').max(MORE_SETTINGS_LIMITS.ruleDailyCapMax, `每日上限最多 ${MORE_SETTINGS_LIMITS.ruleDailyCapMax} 分`).optional(),
      })
      .strict()
      .refine((v) => v.points !== undefined || v.dailyCap !== undefined, { message: '请至少修改分值或每日上限' }),
    roles: ['admin'],
    summary: '文明办修改一条积分规则的分值或每日上限：下一次获得积分即按新值；积分规则页同步显示',
  }),
  handbookVersions: returns<HandbookVersionsPageView>()({
    input: z.object({ offset: z.number().int().min(0).max(10_000).optional() }).strict(),
    roles: ['admin'],
    summary: '文明办查看手册的已发布版本（新的在前，分页）：谁、何时发布，改了几章',
  }),
  importQuestions: returns<QuestionImportView>()({
    input: z.object({ fileId, dryRun: z.boolean().optional() }).strict(),
    roles: ['admin'],
    summary: '文明办从 Excel 题库表导入题目：按题号新增或修改；dryRun 只检查并给出新增/修改/未变；任何一行有错则整表不导入并逐行说明',
  }),
  questionTemplate: returns<QuestionSheetView>()({
    input: z.object({}).strict(),
    roles: ['admin'],
    summary: '下载题库表模板（含列名与示范题目），照此填写后导入',
  }),
  categories: returns<CategorySettingsView>()({
    input: z.object({}).strict(),
    roles: ['admin'],
    summary: '文明办查看每个随手拍类别的名称、说明与各环节时限（含已修改的值与原值）',
  }),
  setCategory: returns<CategorySettingView>()({
    input: z
      .object({
        categoryId: z.enum(CATEGORY_IDS),
        name: shortText(SETTINGS_LIMITS.categoryNameMax).optional(),
        hint: shortText(SETTINGS_LIMITS.categoryHintMax).optional(),
        limits: stepLimitsSchema.optional(),
      })
      .strict()
      .refine((v) => v.name !== undefined || v.hint !== undefined || v.limits !== undefined, { message: '请至少修改名称、说明或时限中的一项' }),
    roles: ['admin'],
    summary: '文明办修改类别的名称、说明或各环节时限：新进入环节的问题按新时限计，已在途的不变',
  }),
  units: returns<UnitSettingsView>()({
    input: z.object({}).strict(),
    roles: ['admin'],
    summary: '文明办查看责任单位',
  }),
  saveUnit: returns<UnitSettingView>()({
    input: z.object({ unitId: id.optional(), name: shortText(SETTINGS_LIMITS.unitNameMax) }).strict(),
    roles: ['admin'],
    summary: '文明办新增责任单位（不带 unitId，编号由系统生成）或改名',
  }),
  grids: returns<GridSettingsView>()({
    input: z.object({}).strict(),
    roles: ['admin'],
    summary: '文明办查看网格（名称、街道、顶点数、外接矩形）',
  }),
  importGrids: returns<GridImportView>()({
    input: z
      .object({
        geojson: z.object({ type: z.literal('FeatureCollection'), features: z.array(gridFeature).min(1).max(SETTINGS_LIMITS.maxFeatures) }),
        dryRun: z.boolean().optional(),
      })
      .strict(),
    roles: ['admin'],
    summary: '文明办导入网格 GeoJSON：逐个检查（闭合、不自相交、互不重叠、在国境范围内），有一个不合格则全部不写；按名称新增或替换',
  }),
  audit: returns<AuditPageView>()({
    input: z.object({ subjectType: z.string().min(1).max(40).regex(/^[A-Za-z_]+$/).optional(), cursor: z.string().max(200).optional() }).strict(),
    roles: ['admin'],
    summary: '文明办查看设置变更记录（谁、何时、改前、改后），按时间倒序分页',
  }),
}

export const SETTINGS_ERRORS = {
  'SETTINGS.LIMIT_ZERO': '该环节的时限不能为 0',
  'SETTINGS.UNIT_NOT_FOUND': '责任单位不存在',
  'SETTINGS.UNIT_NAME_TAKEN': '已有同名的责任单位',
  'SETTINGS.GRIDS_INVALID': '网格数据有误，未导入任何网格',
  'SETTINGS.BAD_CURSOR': '分页参数无效，请从第一页重新加载',
  'SETTINGS.FILE_NOT_YOURS': '找不到这个表格，请重新选择后上传',
  'SETTINGS.SHEET_UNREADABLE': '表格无法读取，请用 Excel 另存为 .xlsx 后重试',
  'SETTINGS.QUESTIONS_INVALID': '题库表格有误，未导入任何题目',
} as const

export type SettingsErrorCode = keyof typeof SETTINGS_ERRORS
