/**
 * 创文督查, zod-free: the words, lists and seeded rules both sides read as values. The 测评体系
 * itself is never here: a city imports its own sheet (editions differ and every city cuts the
 * national system into its own list), so only the *shape* of a standard is code.
 */

/** 测评方法: how an assessment collects its data for a standard (one or several). */
export const ASSESSMENT_METHODS = ['material', 'site', 'survey', 'online'] as const
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number]
export const METHOD_LABEL: Record<AssessmentMethod, string> = {
  material: '材料审核',
  site: '实地考察',
  survey: '问卷调查',
  online: '网络媒体调查',
}

/**
 * The columns of the standards sheet, by header text (a clerk's sheet may order them freely).
 * Required columns must be present; the unit and deadline columns may be left to the 任务分解 screen.
 */
export const STANDARD_COLUMNS = {
  number: '编号',
  project: '测评项目',
  content: '测评内容',
  text: '测评标准',
  methods: '测评方法',
  evidence: '佐证材料要求',
  siteTypes: '适用点位类型',
  lead: '牵头单位',
  support: '配合单位',
  deadline: '完成时限',
} as const
export type StandardColumn = keyof typeof STANDARD_COLUMNS
export const REQUIRED_STANDARD_COLUMNS: readonly StandardColumn[] = ['number', 'project', 'content', 'text', 'methods']

/** The 点位信息表 as cities send it in before the assessment, plus the place and the two units. */
export const SITE_COLUMNS = {
  name: '点位名称',
  type: '点位类型',
  address: '详细地址',
  lat: '纬度',
  lng: '经度',
  unit: '责任单位',
  pair: '包联单位',
  contactName: '联系人',
  contactPhone: '联系电话',
} as const
export type SiteColumn = keyof typeof SITE_COLUMNS
export const REQUIRED_SITE_COLUMNS: readonly SiteColumn[] = ['name', 'type', 'address', 'lat', 'lng', 'unit']

/**
 * 点位类型 seeded from the lists cities publish (荆州 指导手册, 德州, 衡阳, 南平 督查 reports).
 * The office can add its own; ids are made by the product, never typed by a clerk.
 */
export const SEED_SITE_TYPES: ReadonlyArray<{ id: string; name: string }> = [
  { id: 'main-road', name: '主次干道' },
  { id: 'back-street', name: '背街小巷' },
  { id: 'farm-market', name: '农贸市场' },
  { id: 'shopping-street', name: '商业大街' },
  { id: 'park-square', name: '公园广场' },
  { id: 'residential', name: '居民小区' },
  { id: 'community', name: '社区' },
  { id: 'school-area', name: '学校周边' },
  { id: 'hospital', name: '医院' },
  { id: 'station', name: '车站' },
  { id: 'service-hall', name: '政务服务大厅' },
  { id: 'practice-station', name: '新时代文明实践站' },
  { id: 'construction', name: '建筑工地' },
  { id: 'street-office', name: '街道办事处' },
  { id: 'supermarket', name: '大型商场超市' },
  { id: 'intersection', name: '交通路口' },
  { id: 'scenic', name: '旅游景区' },
  { id: 'library', name: '公共图书馆' },
  { id: 'museum', name: '博物馆纪念馆' },
  { id: 'culture-center', name: '公共文化馆' },
  { id: 'sports-venue', name: '体育场馆' },
  { id: 'patriotic-base', name: '爱国主义教育基地' },
  { id: 'youth-center', name: '青少年活动中心' },
  { id: 'hotel', name: '宾馆饭店' },
  { id: 'bookstore', name: '实体书店' },
  { id: 'internet-cafe', name: '网吧' },
  { id: 'bank', name: '银行网点' },
  { id: 'post-office', name: '邮政网点' },
  { id: 'telecom', name: '通信营业厅' },
  { id: 'utility-hall', name: '水电气营业厅' },
  { id: 'bus-stop', name: '公交站亭' },
  { id: 'public-toilet', name: '公共厕所' },
  { id: 'parking', name: '停车场' },
  { id: 'waste-station', name: '垃圾中转站' },
  { id: 'riverside', name: '滨河绿道' },
  { id: 'shelter', name: '应急避难场所' },
  { id: 'village', name: '城中村' },
  { id: 'train-station-area', name: '火车站广场及周边' },
  { id: 'kindergarten', name: '幼儿园周边' },
  { id: 'window-unit', name: '窗口单位' },
]

/** 督查层级: who found a problem weighs how much it deducts (市级 −2, 区级 −1, 街道 −0.5 seeded). */
export const INSPECT_LEVELS = ['city', 'district', 'street'] as const
export type InspectLevel = (typeof INSPECT_LEVELS)[number]
export const INSPECT_LEVEL_LABEL: Record<InspectLevel, string> = { city: '市级督查', district: '区级督查', street: '街道督查' }

/** One checklist item's verdict at an inspection. */
export const ITEM_RESULTS = ['pass', 'fail', 'na'] as const
export type ItemResult = (typeof ITEM_RESULTS)[number]
export const ITEM_RESULT_LABEL: Record<ItemResult, string> = { pass: '合格', fail: '不合格', na: '不适用' }

/** How serious a problem is: its 督办单's deadline follows (seeded 7 / 3 / 1 days). */
export const SEVERITIES = ['minor', 'normal', 'serious'] as const
export type Severity = (typeof SEVERITIES)[number]
export const SEVERITY_LABEL: Record<Severity, string> = { minor: '一般', normal: '较重', serious: '严重' }

/** 督办单: 待整改 → (联络员答复) 待复查 → (回头看) 已销号, or back to 待整改 when the fix does not hold. */
export const ORDER_STATUSES = ['open', 'answered', 'closed'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = { open: '待整改', answered: '待复查', closed: '已销号' }

export const TASK_ROLES = ['lead', 'support'] as const
export type TaskRole = (typeof TASK_ROLES)[number]
export const TASK_ROLE_LABEL: Record<TaskRole, string> = { lead: '牵头', support: '配合' }

/** 材料审核 of one task: what the unit sent and what the office said. */
export const EVIDENCE_STATUSES = ['none', 'submitted', 'accepted', 'returned'] as const
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number]
export const EVIDENCE_STATUS_LABEL: Record<EvidenceStatus, string> = { none: '未提交', submitted: '待审核', accepted: '已通过', returned: '已退回' }

/**
 * 红黑榜 escalation, by how many published weeks in a row a unit was last (江门's published rule):
 * the first time its leader in charge talks to it, the second the organisation department does,
 * the third it goes to 问责.
 */
export const ESCALATION_STEPS = [
  { streak: 1, label: '约谈', detail: '分管领导约谈单位主要负责人' },
  { streak: 2, label: '报组织部', detail: '连续两次排名末位，报组织部门约谈' },
  { streak: 3, label: '问责', detail: '连续三次及以上排名末位，按问责办法追责' },
] as const

export interface ScoreRule {
  /** every unit starts each period from this */
  base: number
  /** points one problem deducts, by who found it */
  weights: Record<InspectLevel, number>
  /** a problem found again at the same site and item within `repeatWindowDays` */
  repeatFactor: number
  repeatWindowDays: number
  /** a rectification that 回头看 found did not hold */
  falseFactor: number
  /** rectified (and confirmed) by the deadline */
  onTimeFactor: number
  /** each 材料审核 return in the period */
  materialReturn: number
  /**
   * resident satisfaction from 随手拍 ratings of the unit's reports in the period: the share not
   * satisfied (1–3★) times this, once at least `minRatings` ratings came in
   */
  satisfactionWeight: number
  minRatings: number
}

/**
 * Seeded from the common pattern of city 量化评比 schemes (start 100; 市 −2, 区 −1, 街道 −0.5;
 * repeats and false fixes doubled; fixed in time halves). The satisfaction term and its weight
 * are this product's own choice, marked as such on the rule page.
 */
export const DEFAULT_SCORE_RULE: ScoreRule = {
  base: 100,
  weights: { city: 2, district: 1, street: 0.5 },
  repeatFactor: 2,
  repeatWindowDays: 30,
  falseFactor: 2,
  onTimeFactor: 0.5,
  materialReturn: 1,
  satisfactionWeight: 5,
  minRatings: 5,
}

export interface BoardRule {
  /** units with the best 整改率 on the red list (ties share a place) */
  redUnits: number
  /** units with the worst 整改率 on the black list (ties share a place) */
  blackUnits: number
  redDistricts: number
  blackDistricts: number
  /** a unit with fewer problems due than this in the week is not ranked */
  minDue: number
}

export const DEFAULT_BOARD_RULE: BoardRule = { redUnits: 5, blackUnits: 3, redDistricts: 1, blackDistricts: 1, minDue: 1 }

/** 星级评定: the lowest score for each star count, best first (泉州's five bands). */
export const DEFAULT_STAR_BANDS: ReadonlyArray<{ min: number; stars: number }> = [
  { min: 95, stars: 5 },
  { min: 90, stars: 4 },
  { min: 85, stars: 3 },
  { min: 80, stars: 2 },
  { min: 75, stars: 1 },
]

/** 督办单 deadlines by severity, in days from the inspection's end. */
export const DEFAULT_SEVERITY_DAYS: Record<Severity, number> = { minor: 7, normal: 3, serious: 1 }

export const INSPECT_LIMITS = {
  pageSize: 20,
  /** the map shows at most this many sites at once (the most problems first); the rest by filter */
  mapSites: 200,
  standardsPerSheet: 1000,
  sitesPerSheet: 3000,
  itemsPerInspection: 200,
  photosPerItem: 3,
  filesPerEvidence: 9,
  noteMax: 300,
  /** a point site counts a 随手拍 within this many metres as its own */
  siteRadiusM: 100,
  sheetMaxBytes: 5 * 1024 * 1024,
} as const

/** 督办单号 DB-20261201-0007: prefix, Beijing date, the day's sequence */
export const ORDER_CODE_PREFIX = 'DB'

export const INSPECT_PAGE = '/packages/inspect/pages/index/index'

export const INSPECT_VIEWS = [
  'home',
  'standards',
  'import',
  'assign',
  'evidence-review',
  'sites',
  'site',
  'site-edit',
  'unit',
  'task',
  'orders',
  'order',
  'inspect',
  'rechecks',
  'map',
  'board',
  'score',
  'ratings',
  'rules',
] as const
export type InspectViewName = (typeof INSPECT_VIEWS)[number]

export function inspectUrl(view: InspectViewName, params: Record<string, string> = {}): string {
  const query = Object.entries({ view, ...params })
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  return `${INSPECT_PAGE}?${query}`
}

/** Beijing-time period keys: a week is named by its Monday (2026-11-30), a month by YYYY-MM. */
export type PeriodKind = 'week' | 'month'
