import { z } from 'zod'
import {
  INSPECT_LEVELS,
  INSPECT_LIMITS,
  ITEM_RESULTS,
  ORDER_STATUSES,
  SEVERITIES,
  type AssessmentMethod,
  type BoardRule,
  type EvidenceStatus,
  type InspectLevel,
  type ItemResult,
  type OrderStatus,
  type ScoreRule,
  type Severity,
  type TaskRole,
} from '../inspect'
import { fileId, id, noInput, shortText } from './common'
import { returns } from './define'

/**
 * 创文督查: the office imports the 测评体系 as a sheet and splits it into a 任务清单 per
 * responsible unit; units' 联络员 answer with 佐证材料; the office registers 点位 with their
 * responsible and 包联 units; 督查员 inspect a site against its type's checklist, each problem
 * raising a 督办单 that the unit rectifies and an inspector closes by 回头看; unit scores, the
 * weekly 整改率 红黑榜 with its escalation, and 星级评定 come from counters kept on write.
 */

export * from '../inspect'

// ---- views ----

export interface UnitRef {
  unitId: string
  name: string
}

export interface StandardView {
  standardId: string
  /** the sheet's own number (e.g. 1.2.3): what the office and units call it */
  number: string
  project: string
  content: string
  text: string
  methods: AssessmentMethod[]
  /** 佐证材料要求; empty when the standard needs none */
  evidence: string
  siteTypes: Array<{ typeId: string; name: string }>
  lead: UnitRef | null
  supports: UnitRef[]
  deadline: number | null
  /** withdrawn: no longer in the latest sheet; kept with its history, off every list */
  status: 'active' | 'withdrawn'
  updatedAt: number
}

export interface StandardPage {
  items: StandardView[]
  nextCursor: string | null
  /** of the whole catalogue, from the counters: active standards, assigned ones */
  total: number
  assigned: number
}

export interface ImportChange {
  number: string
  /** the column headers whose values changed (测评标准, 牵头单位 …) */
  fields: string[]
}

export interface StandardImportView {
  /** false when `dryRun`: what an import would do, nothing written */
  applied: boolean
  added: string[]
  changed: ImportChange[]
  unchanged: number
  /** numbers in the catalogue but not in this sheet: withdrawn */
  withdrawn: string[]
  /** rows of the sheet read */
  rows: number
}

/** A sheet the office downloads: a template to fill in, or an export. */
export interface SheetFileView {
  name: string
  /** a temporary URL to download it */
  url: string
  fileId: string
}

export interface SiteImportView {
  applied: boolean
  added: number
  updated: number
  rows: number
}

export interface TaskView {
  taskId: string
  standardId: string
  number: string
  project: string
  content: string
  text: string
  methods: AssessmentMethod[]
  evidence: string
  unit: UnitRef
  role: TaskRole
  deadline: number | null
  /** past its deadline and not yet accepted */
  overdue: boolean
  /** 材料审核 is one of its methods and nothing has been accepted yet */
  needsEvidence: boolean
  evidenceStatus: EvidenceStatus
  /** the office's words on the last return, for the unit to act on */
  returnReason: string | null
}

export interface UnitTaskCounts {
  total: number
  overdue: number
  needsEvidence: number
  accepted: number
}

export interface UnitTasksView {
  unit: UnitRef
  counts: UnitTaskCounts
  items: TaskView[]
  nextCursor: string | null
}

export interface EvidenceFileView {
  name: string
  /** a temporary URL to open it */
  url: string
  kind: 'image' | 'document'
  /** images pass the content check before the office sees them; a held one says so */
  held: boolean
}

export interface EvidenceView {
  evidenceId: string
  taskId: string
  files: EvidenceFileView[]
  note: string
  status: Exclude<EvidenceStatus, 'none'>
  reason: string | null
  submittedAt: number
  reviewedAt: number | null
}

export interface TaskDetailView {
  task: TaskView
  /** the other units on the same standard */
  lead: UnitRef | null
  supports: UnitRef[]
  evidence: EvidenceView[]
  /** the caller is this unit's 联络员 (or the office) and may submit */
  maySubmit: boolean
}

export interface EvidenceQueueItem {
  evidenceId: string
  taskId: string
  unit: UnitRef
  number: string
  text: string
  evidenceRequired: string
  files: EvidenceFileView[]
  note: string
  submittedAt: number
}

export interface EvidenceQueuePage {
  items: EvidenceQueueItem[]
  nextCursor: string | null
}

export interface SiteTypeView {
  typeId: string
  name: string
  /** standards in the catalogue that apply to this type */
  checklistSize: number
  siteCount: number
}

export interface LatLngView {
  lat: number
  lng: number
}

export interface SiteView {
  siteId: string
  name: string
  typeId: string
  typeName: string
  place: LatLngView
  /** [lng, lat] ring when the site is an area (a market, a park); null for a point site */
  polygon: Array<[number, number]> | null
  address: string
  /** the 街道/区 the site's grid belongs to */
  district: string
  unit: UnitRef
  pairUnit: UnitRef | null
  contactName: string
  /** masked (138****8000) to everyone but the office and the site's own units */
  contactPhone: string
  openOrders: number
  overdueOrders: number
  /** 随手拍 reports linked to the site and still open */
  openReports: number
  lastInspectedAt: number | null
  lastResult: { pass: number; fail: number; na: number } | null
}

export interface SitePage {
  items: SiteView[]
  nextCursor: string | null
}

export interface ChecklistItemView {
  standardId: string
  number: string
  content: string
  text: string
  /** at the site's last inspection */
  lastResult: ItemResult | null
}

export interface SiteReportView {
  reportId: string
  categoryName: string
  status: string
  createdAt: number
}

export interface SiteDetailView {
  site: SiteView
  checklist: ChecklistItemView[]
  orders: OrderListItem[]
  /** the latest linked 随手拍 reports (≤ 20): problems residents raised here, not inspection findings */
  reports: SiteReportView[]
  /** the caller may inspect this site */
  mayInspect: boolean
}

export interface OrderListItem {
  orderId: string
  /** 督办单号, e.g. DB-20261201-0007 */
  code: string
  site: { siteId: string; name: string }
  unit: UnitRef
  standard: { standardId: string; number: string; text: string }
  description: string
  severity: Severity
  level: InspectLevel
  status: OrderStatus
  /** found again at the same site and item within the repeat window */
  repeat: boolean
  foundAt: number
  dueAt: number
  overdue: boolean
}

export interface OrderPage {
  items: OrderListItem[]
  nextCursor: string | null
  counts: Record<OrderStatus, number>
}

export interface OrderPhotoView {
  url: string
  takenAt: number | null
}

export interface OrderEventView {
  at: number
  action: 'found' | 'answered' | 'closed' | 'sent_back'
  /** 督查员 / 单位联络员 / 文明办: never a person's id */
  by: string
  note: string
}

export interface OrderView extends OrderListItem {
  photos: OrderPhotoView[]
  answer: { note: string; photos: OrderPhotoView[]; at: number } | null
  /** times 回头看 found the fix did not hold */
  falseCount: number
  /** what this problem deducts from the unit's score now, and how (2 × 2 × 0.5) */
  deduction: { points: number; how: string }
  history: OrderEventView[]
  mayAnswer: boolean
  mayRecheck: boolean
}

export interface InspectResultView {
  inspectionId: string
  siteId: string
  /** true when this inspection had already arrived: nothing new was written */
  duplicate: boolean
  counts: { pass: number; fail: number; na: number }
  orders: OrderListItem[]
}

export interface InspectTeamView {
  teamId: string
  name: string
  level: InspectLevel
  /** a district or street team inspects only sites in this area; null: the whole city */
  area: string | null
}

export interface InspectorHomeView {
  team: InspectTeamView | null
  /** 回头看 waiting for the caller's team */
  rechecks: number
}

export interface MapSiteView {
  siteId: string
  name: string
  typeName: string
  lat: number
  lng: number
  polygon: Array<[number, number]> | null
  openOrders: number
  overdueOrders: number
  /** the oldest open 督办单's found time, for its age */
  oldestOpenAt: number | null
  openReports: number
  lastResult: { pass: number; fail: number; na: number } | null
  /** clear: nothing open; open: open orders within time; overdue: at least one past its deadline */
  state: 'clear' | 'open' | 'overdue'
}

export interface InspectMapView {
  sites: MapSiteView[]
  /** sites matching the filter; `sites` is the first `INSPECT_LIMITS.mapSites` by open problems */
  total: number
  counts: { clear: number; open: number; overdue: number }
  districts: string[]
}

export interface ScoreLineView {
  label: string
  count: number
  /** negative: a deduction */
  points: number
  how: string
}

export interface ProblemDeductionView {
  orderId: string
  code: string
  siteName: string
  number: string
  level: InspectLevel
  repeat: boolean
  falseCount: number
  onTime: boolean
  how: string
  points: number
}

export interface PeriodView {
  kind: 'week' | 'month'
  /** 2026-11-30 (a week by its Monday) or 2026-11 */
  key: string
  label: string
  from: number
  to: number
}

export interface UnitScoreView {
  unit: UnitRef
  period: PeriodView
  base: number
  lines: ScoreLineView[]
  score: number
  stars: number
  /** one page of the problems behind the inspection lines, newest first */
  problems: ProblemDeductionView[]
  nextCursor: string | null
  /** frozen in a published rating: the numbers as they were then */
  frozen: boolean
}

export interface BoardRowView {
  id: string
  name: string
  due: number
  onTime: number
  /** 整改率, 0–1; null when nothing was due (not ranked) */
  rate: number | null
  rank: number | null
  list: 'red' | 'black' | null
}

export interface EscalationView {
  unitId: string
  unitName: string
  week: string
  streak: number
  step: string
  detail: string
}

export interface InspectBoardView {
  period: PeriodView
  published: boolean
  publishedAt: number | null
  rule: BoardRule
  /** the rule in words, as the page prints it */
  ruleText: string
  units: BoardRowView[]
  districts: BoardRowView[]
  escalations: EscalationView[]
}

export interface RatingRowView {
  unit: UnitRef
  score: number
  stars: number
}

export interface RatingsView {
  period: PeriodView
  published: boolean
  publishedAt: number | null
  bands: Array<{ min: number; stars: number }>
  rows: RatingRowView[]
}

export interface InspectRulesView {
  score: ScoreRule
  board: BoardRule
  stars: Array<{ min: number; stars: number }>
  severityDays: Record<Severity, number>
  updatedAt: number | null
}

export interface InspectUnitView extends UnitRef {
  counts: UnitTaskCounts
  openOrders: number
  liaisons: number
}

export interface InspectHomeView {
  /** what the caller may do here, so the page shows only their part */
  roles: { office: boolean; liaison: UnitRef[]; inspector: InspectTeamView | null }
  standards: { total: number; assigned: number }
  sites: number
  openOrders: number
  evidenceWaiting: number
}

// ---- input ----

const cursor = z.string().max(200).optional()
const note = z.string().trim().max(INSPECT_LIMITS.noteMax)
const ms = z.number().int().min(0)
const latLng = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict()
const weekKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '周的格式应为周一日期，如 2026-11-30')
const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11')
const clientId = z.uuid('编号格式不正确')
const photo = z.object({ fileId, takenAt: ms.optional(), lat: z.number().min(-90).max(90).optional(), lng: z.number().min(-180).max(180).optional() }).strict()
const phone = z.string().trim().regex(/^[0-9-]{7,20}$/, '联系电话格式不正确')

const siteFields = {
  name: shortText(60),
  typeId: id,
  place: latLng,
  polygon: z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])).min(4).max(200).optional(),
  address: shortText(120),
  unitId: id,
  pairUnitId: id.optional(),
  contactName: shortText(20),
  contactPhone: phone,
}

const scoreRule = z
  .object({
    base: z.number().min(1).max(1000),
    weights: z.object({ city: z.number().min(0).max(100), district: z.number().min(0).max(100), street: z.number().min(0).max(100) }).strict(),
    repeatFactor: z.number().min(1).max(10),
    repeatWindowDays: z.number().int().min(1).max(365),
    falseFactor: z.number().min(1).max(10),
    onTimeFactor: z.number().min(0).max(1),
    materialReturn: z.number().min(0).max(100),
    satisfactionWeight: z.number().min(0).max(100),
    minRatings: z.number().int().min(1).max(1000),
  })
  .strict()

const boardRule = z
  .object({
    redUnits: z.number().int().min(0).max(50),
    blackUnits: z.number().int().min(0).max(50),
    redDistricts: z.number().int().min(0).max(20),
    blackDistricts: z.number().int().min(0).max(20),
    minDue: z.number().int().min(1).max(1000),
  })
  .strict()

const starBands = z
  .array(z.object({ min: z.number().min(0).max(1000), stars: z.number().int().min(1).max(5) }).strict())
  .min(1)
  .max(5)

export const inspectActions = {
  home: returns<InspectHomeView>()({
    input: noInput,
    roles: ['liaison', 'inspector', 'admin'],
    summary: '创文督查首页：本人能做什么（文明办 / 单位联络员 / 督查员）与待办数',
  }),
  // ---- 测评标准与任务清单 ----
  importStandards: returns<StandardImportView>()({
    input: z.object({ fileId, dryRun: z.boolean().optional() }).strict(),
    roles: ['admin'],
    summary: '文明办导入测评标准表（Excel）：按编号新增或就地更新，列出变化；任何一行有错则整表不导入并逐行说明',
  }),
  sheetTemplate: returns<SheetFileView>()({
    input: z.object({ kind: z.enum(['standards', 'sites']) }).strict(),
    roles: ['admin'],
    summary: '下载示范表格（测评标准表含示范市的示范标准，或点位信息表），照此格式填写后导入',
  }),
  standards: returns<StandardPage>()({
    /** standardId: just that one standard (the 任务分解 screen opened by a link); INSPECT.STANDARD_NOT_FOUND when there is none */
    input: z.object({ cursor, unitId: id.optional(), unassigned: z.boolean().optional(), standardId: id.optional() }).strict(),
    roles: ['admin'],
    summary: '文明办查看测评标准（按编号，可按单位或未分解筛选；或只看一条）',
  }),
  assign: returns<StandardView>()({
    input: z.object({ standardId: id, leadUnitId: id, supportUnitIds: z.array(id).max(30), deadline: ms.nullable() }).strict(),
    roles: ['admin'],
    summary: '文明办把一条标准分解给牵头单位与配合单位，定完成时限',
  }),
  units: returns<InspectUnitView[]>()({
    input: noInput,
    roles: ['admin'],
    summary: '文明办查看各责任单位的任务数、逾期、待补材料与联络员人数',
  }),
  myTasks: returns<UnitTasksView>()({
    input: z.object({ unitId: id.optional(), filter: z.enum(['all', 'overdue', 'evidence']).optional(), cursor }).strict(),
    roles: ['liaison', 'admin'],
    summary: '单位的任务清单（联络员看本单位；文明办看任一单位）：逾期项、待补佐证材料',
  }),
  task: returns<TaskDetailView>()({
    input: z.object({ taskId: id }).strict(),
    roles: ['liaison', 'admin'],
    summary: '一项任务：标准原文、佐证材料要求、提交与审核记录',
  }),
  submitEvidence: returns<EvidenceView>()({
    input: z
      .object({
        taskId: id,
        files: z.array(z.object({ fileId, name: shortText(80) }).strict()).min(1).max(INSPECT_LIMITS.filesPerEvidence),
        note,
        requestId: clientId,
      })
      .strict(),
    roles: ['liaison'],
    summary: '联络员为材料审核项提交佐证材料（文件逐个检测；requestId 幂等）',
  }),
  evidenceQueue: returns<EvidenceQueuePage>()({
    input: z.object({ cursor }).strict(),
    roles: ['admin'],
    summary: '文明办待审核的佐证材料，先交先审',
  }),
  reviewEvidence: returns<EvidenceView>()({
    input: z.object({ evidenceId: id, decision: z.enum(['accept', 'return']), reason: note.optional() }).strict(),
    roles: ['admin'],
    summary: '文明办通过或退回佐证材料（退回须写明原因，记录保留）',
  }),
  // ---- 点位 ----
  siteTypes: returns<SiteTypeView[]>()({
    input: noInput,
    roles: ['inspector', 'liaison', 'admin'],
    summary: '点位类型及每类的检查清单条数、点位数',
  }),
  addSiteType: returns<SiteTypeView[]>()({
    input: z.object({ name: shortText(20) }).strict(),
    roles: ['admin'],
    summary: '文明办新增点位类型（编号由系统生成）',
  }),
  saveSite: returns<SiteView>()({
    input: z.object({ siteId: id.optional(), ...siteFields }).strict(),
    roles: ['admin'],
    summary: '文明办登记或修改点位：类型、位置、地址、责任单位、包联单位、联系人',
  }),
  importSites: returns<SiteImportView>()({
    input: z.object({ fileId, dryRun: z.boolean().optional() }).strict(),
    roles: ['admin'],
    summary: '文明办从点位信息表（Excel）批量导入点位；任何一行有错则整表不导入',
  }),
  sites: returns<SitePage>()({
    input: z.object({ cursor, typeId: id.optional(), district: shortText(30).optional(), unitId: id.optional() }).strict(),
    roles: ['inspector', 'liaison', 'admin'],
    summary: '点位列表（督查员看本组范围，联络员看本单位负责或包联的点位）',
  }),
  site: returns<SiteDetailView>()({
    input: z.object({ siteId: id }).strict(),
    roles: ['inspector', 'liaison', 'admin'],
    summary: '一个点位：检查清单与上次结果、未销号督办单、关联的随手拍',
  }),
  map: returns<InspectMapView>()({
    input: z.object({ district: shortText(30).optional(), typeId: id.optional(), state: z.enum(['clear', 'open', 'overdue']).optional() }).strict(),
    roles: ['inspector', 'admin'],
    summary: '实地督查一张图：点位按未销号问题着色，附检查结果与督办单时长',
  }),
  // ---- 督查与整改 ----
  teams: returns<InspectTeamView[]>()({
    input: noInput,
    roles: ['admin'],
    summary: '督查组（市级、区级、街道）及其范围',
  }),
  saveTeam: returns<InspectTeamView[]>()({
    input: z.object({ teamId: id.optional(), name: shortText(30), level: z.enum(INSPECT_LEVELS), area: shortText(30).nullable() }).strict(),
    roles: ['admin'],
    summary: '文明办新建或修改督查组（编号由系统生成）',
  }),
  inspectorHome: returns<InspectorHomeView>()({
    input: noInput,
    roles: ['inspector', 'admin'],
    summary: '督查员所在督查组与待回头看数量',
  }),
  submitInspection: returns<InspectResultView>()({
    input: z
      .object({
        /** made on the phone when the inspection starts: the same inspection sent twice is one */
        inspectionId: clientId,
        siteId: id,
        startedAt: ms,
        finishedAt: ms,
        items: z
          .array(
            z
              .object({
                standardId: id,
                result: z.enum(ITEM_RESULTS),
                severity: z.enum(SEVERITIES).optional(),
                note: note.optional(),
                photos: z.array(photo).max(INSPECT_LIMITS.photosPerItem).optional(),
              })
              .strict(),
          )
          .min(1)
          .max(INSPECT_LIMITS.itemsPerInspection),
      })
      .strict(),
    roles: ['inspector'],
    summary: '督查员提交一次实地督查：逐项合格/不合格/不适用，不合格须有照片和说明；每个问题向责任单位下发一张督办单（重复提交不重复下发）',
  }),
  orders: returns<OrderPage>()({
    input: z.object({ status: z.enum(ORDER_STATUSES).optional(), unitId: id.optional(), siteId: id.optional(), cursor }).strict(),
    roles: ['liaison', 'inspector', 'admin'],
    summary: '督办单列表（联络员看本单位，督查员看本组范围，文明办看全部）',
  }),
  order: returns<OrderView>()({
    input: z.object({ orderId: id }).strict(),
    roles: ['liaison', 'inspector', 'admin'],
    summary: '一张督办单：问题、照片、期限、整改答复与经过',
  }),
  rectify: returns<OrderView>()({
    input: z.object({ orderId: id, note: z.string().trim().min(1).max(INSPECT_LIMITS.noteMax), photos: z.array(photo).min(1).max(INSPECT_LIMITS.photosPerItem) }).strict(),
    roles: ['liaison'],
    summary: '联络员答复督办单：整改说明与整改后照片',
  }),
  rechecks: returns<OrderPage>()({
    input: z.object({ cursor }).strict(),
    roles: ['inspector', 'admin'],
    summary: '待回头看的督办单（已答复、本组范围内）',
  }),
  recheck: returns<OrderView>()({
    input: z
      .object({ orderId: id, decision: z.enum(['close', 'send_back']), note: z.string().trim().min(1).max(INSPECT_LIMITS.noteMax), photos: z.array(photo).max(INSPECT_LIMITS.photosPerItem).optional() })
      .strict(),
    roles: ['inspector', 'admin'],
    summary: '回头看：现场核实后销号，或整改不到位退回重改（退回计为整改不实）',
  }),
  // ---- 得分、红黑榜、星级 ----
  unitScore: returns<UnitScoreView>()({
    input: z.object({ unitId: id.optional(), week: weekKey.optional(), month: monthKey.optional(), cursor }).strict(),
    roles: ['liaison', 'admin'],
    summary: '单位某周或某月的得分与每一项扣分的计算',
  }),
  board: returns<InspectBoardView>()({
    input: z.object({ week: weekKey.optional() }).strict(),
    roles: ['resident'],
    summary: '整改率红黑榜：已发布的周榜（居民可看）；文明办可看未发布的本周实时数',
  }),
  publishBoard: returns<InspectBoardView>()({
    input: z.object({ week: weekKey }).strict(),
    roles: ['admin'],
    summary: '文明办发布一周的红黑榜（冻结当时数据），按规则记录末位单位的约谈与问责',
  }),
  escalations: returns<EscalationView[]>()({
    input: z.object({ unitId: id.optional() }).strict(),
    roles: ['admin', 'liaison'],
    summary: '红黑榜末位的约谈、报组织部、问责记录',
  }),
  ratings: returns<RatingsView>()({
    input: z.object({ month: monthKey.optional() }).strict(),
    roles: ['resident'],
    summary: '单位星级评定：已发布月份的得分与星级',
  }),
  publishRatings: returns<RatingsView>()({
    input: z.object({ month: monthKey }).strict(),
    roles: ['admin'],
    summary: '文明办发布某月的星级评定（冻结得分及其来源）',
  }),
  rules: returns<InspectRulesView>()({
    input: noInput,
    roles: ['resident'],
    summary: '计分规则、红黑榜规则、星级分档与督办期限（页面照此写明规则）',
  }),
  setRules: returns<InspectRulesView>()({
    input: z
      .object({
        score: scoreRule.optional(),
        board: boardRule.optional(),
        stars: starBands.optional(),
        severityDays: z.object({ minor: z.number().int().min(1).max(60), normal: z.number().int().min(1).max(60), serious: z.number().int().min(1).max(60) }).strict().optional(),
      })
      .strict(),
    roles: ['admin'],
    summary: '文明办修改计分、红黑榜、星级与督办期限规则（记审计：改前改后）',
  }),
}

export const INSPECT_ERRORS = {
  'INSPECT.SHEET_UNREADABLE': '无法读取该文件，请上传 Excel（.xlsx）表格',
  'INSPECT.SHEET_INVALID': '表格有误，未导入任何内容',
  'INSPECT.STANDARD_NOT_FOUND': '测评标准不存在或已停用',
  'INSPECT.UNIT_NOT_FOUND': '责任单位不存在',
  'INSPECT.LEAD_IN_SUPPORTS': '牵头单位不能同时是配合单位',
  'INSPECT.TASK_NOT_FOUND': '任务不存在或已撤销',
  'INSPECT.NOT_YOUR_UNIT': '这不是您所在单位的事项',
  'INSPECT.NO_MATERIAL': '该项不需要材料审核',
  'INSPECT.EVIDENCE_NOT_FOUND': '佐证材料不存在',
  'INSPECT.EVIDENCE_REVIEWED': '这份材料已审核过',
  'INSPECT.EVIDENCE_PENDING': '上一份材料还在审核中，请等待结果',
  'INSPECT.FILE_NOT_YOURS': '文件不存在或不是您上传的',
  'INSPECT.REASON_REQUIRED': '退回须写明原因',
  'INSPECT.SITE_TYPE_NOT_FOUND': '点位类型不存在',
  'INSPECT.SITE_TYPE_EXISTS': '已有同名的点位类型',
  'INSPECT.SITE_NOT_FOUND': '点位不存在或已撤销',
  'INSPECT.OUTSIDE_CITY': '位置不在本市网格范围内',
  'INSPECT.BAD_POLYGON': '点位范围须是首尾相接、不自相交的多边形',
  'INSPECT.NOT_YOUR_AREA': '这个点位不在您督查组的范围内',
  'INSPECT.NO_TEAM': '您还没有加入督查组，请联系文明办',
  'INSPECT.TEAM_NOT_FOUND': '督查组不存在',
  'INSPECT.NOT_ON_CHECKLIST': '有检查项不在该点位类型的清单上',
  'INSPECT.ITEM_TWICE': '同一检查项填写了两次',
  'INSPECT.CHECKLIST_INCOMPLETE': '还有检查项没有填写',
  'INSPECT.FAIL_NEEDS_EVIDENCE': '不合格项须有照片和问题说明',
  'INSPECT.BAD_TIMES': '督查的开始时间须早于结束时间，且不晚于现在',
  'INSPECT.INSPECTION_CONFLICT': '这次督查编号已用于另一个点位',
  'INSPECT.ORDER_NOT_FOUND': '督办单不存在',
  'INSPECT.ORDER_NOT_OPEN': '这张督办单不在待整改状态',
  'INSPECT.ORDER_NOT_ANSWERED': '这张督办单还没有整改答复',
  'INSPECT.PERIOD_NOT_ENDED': '该周期尚未结束，结束后才能发布',
  'INSPECT.ALREADY_PUBLISHED': '该周期已发布，数据已冻结',
  'INSPECT.NOT_PUBLISHED': '该周期尚未发布',
  'INSPECT.BAD_BANDS': '星级分档须从高到低、分数与星数都递减',
  'INSPECT.BAD_AREA': '区级和街道督查组须写明范围',
  'INSPECT.PHOTO_REJECTED': '有照片未通过内容安全检测，请换一张',
  'INSPECT.BAD_PERIOD': '周请写该周周一的日期（如 2026-11-30），周和月只能选一个',
} as const
export type InspectErrorCode = keyof typeof INSPECT_ERRORS
