/**
 * 门前三包, zod-free: the words, the seeded 责任书 templates and the seeded rules both sides read.
 * A city's own wording of the duties differs (三包, 五包, their items), so the templates are data
 * the office edits; these are only the defaults a new city starts from.
 */
import type { CategoryId } from './report/categories'

/** 商户 (a business) or 单位 (an organisation with a street front: an office, a school, a hospital). */
export const SHOP_KINDS = ['shop', 'unit'] as const
export type ShopKind = (typeof SHOP_KINDS)[number]
export const SHOP_KIND_LABEL: Record<ShopKind, string> = { shop: '商户', unit: '单位' }

export const BUSINESS_TYPES = [
  { id: 'food', name: '餐饮' },
  { id: 'retail', name: '零售' },
  { id: 'fresh', name: '生鲜果蔬' },
  { id: 'service', name: '生活服务' },
  { id: 'repair', name: '汽修电动车' },
  { id: 'hotel', name: '住宿' },
  { id: 'office', name: '机关事业单位' },
  { id: 'company', name: '企业' },
  { id: 'school', name: '学校医院' },
  { id: 'other', name: '其他' },
] as const
export type BusinessTypeId = (typeof BUSINESS_TYPES)[number]['id']

/** 待确认 (an owner registered it; the street office checks it), 在册, 已注销. */
export const SHOP_STATUSES = ['pending', 'active', 'closed'] as const
export type ShopStatus = (typeof SHOP_STATUSES)[number]
export const SHOP_STATUS_LABEL: Record<ShopStatus, string> = { pending: '待街道确认', active: '在册', closed: '已注销' }

export interface DutyItem {
  /** stable within the template, e.g. clean-1 */
  id: string
  text: string
}

export interface Duty {
  /** e.g. clean, green, order, tidy, facility */
  id: string
  name: string
  items: DutyItem[]
  /** the 随手拍 categories this duty makes the shop answer first */
  categories: CategoryId[]
}

export interface PledgeTemplate {
  id: string
  name: string
  duties: Duty[]
}

const CLEAN: Duty = {
  id: 'clean',
  name: '包卫生',
  items: [
    { id: 'clean-1', text: '责任区内每天清扫，无垃圾、污水、油污和积水' },
    { id: 'clean-2', text: '门店自备有盖垃圾桶，放在门内，定时定点倾倒' },
    { id: 'clean-3', text: '劝阻并清理乱扔乱倒、随地吐痰' },
  ],
  categories: ['littering', 'back-alley', 'spitting'],
}
const GREEN: Duty = {
  id: 'green',
  name: '包绿化',
  items: [
    { id: 'green-1', text: '爱护门前树木、绿篱和花坛，不在树上挂物、拉绳晾晒' },
    { id: 'green-2', text: '不占用、不损毁门前绿地' },
  ],
  categories: [],
}
const ORDER: Duty = {
  id: 'order',
  name: '包秩序',
  items: [
    { id: 'order-1', text: '不出店经营、不占道摆卖，商品不摆出门外（划线经营区内除外）' },
    { id: 'order-2', text: '门前不乱堆乱放杂物' },
    { id: 'order-3', text: '非机动车在线内整齐停放，不堵塞人行道和盲道' },
    { id: 'order-4', text: '及时清除门前和墙面的小广告' },
  ],
  categories: ['street-vending', 'illegal-parking', 'blind-lane', 'illegal-ads'],
}
const TIDY: Duty = {
  id: 'tidy',
  name: '包整洁',
  items: [
    { id: 'tidy-1', text: '门头招牌、橱窗、灯箱规范整洁，不乱吊挂、乱竖牌匾' },
    { id: 'tidy-2', text: '墙面、卷帘门无乱涂写、乱张贴' },
  ],
  categories: ['illegal-ads'],
}
const FACILITY: Duty = {
  id: 'facility',
  name: '包设施',
  items: [
    { id: 'facility-1', text: '爱护门前人行道板、井盖、路灯、果皮箱，发现损坏及时报告' },
  ],
  categories: ['facility-damaged'],
}

/** Seeded: the common 三包 and the 五包 variant commercial streets use (包整洁、包设施 added). */
export const SEED_TEMPLATES: readonly PledgeTemplate[] = [
  { id: 'three', name: '门前三包责任书', duties: [CLEAN, GREEN, ORDER] },
  { id: 'five', name: '门前五包责任书', duties: [CLEAN, ORDER, GREEN, TIDY, FACILITY] },
]

/** Painted zones: inside the lines, out-of-shop selling or parking is allowed (合肥's rule). */
export const ZONE_KINDS = ['vending', 'parking'] as const
export type ZoneKind = (typeof ZONE_KINDS)[number]
export const ZONE_KIND_LABEL: Record<ZoneKind, string> = { vending: '划线经营区', parking: '划线停车区' }
/** the categories a painted zone of each kind takes out of play inside its lines */
export const ZONE_EXEMPTS: Record<ZoneKind, CategoryId[]> = { vending: ['street-vending'], parking: ['illegal-parking'] }

/** The enforcement ladder of a 责任书: 告诫 → 限期整改通知书 → 移交执法. */
export const LADDER_STEPS = ['warning', 'notice', 'enforcement'] as const
export type LadderStep = (typeof LADDER_STEPS)[number]
export const LADDER_LABEL: Record<LadderStep, string> = { warning: '告诫', notice: '限期整改通知书', enforcement: '移交执法' }

/** A shop's part in a 随手拍 at its frontage. */
export const SHOP_STAGES = ['waiting', 'answered', 'escalated'] as const
export type ShopStage = (typeof SHOP_STAGES)[number]
export const SHOP_STAGE_LABEL: Record<ShopStage, string> = { waiting: '待门店处理', answered: '门店已处理', escalated: '已转责任单位' }

export interface ShopScoreRule {
  base: number
  /** a problem found by an inspection, by who found it (as 创文督查) */
  weights: { city: number; district: number; street: number }
  /** a 随手拍 at the frontage the shop fixed (confirmed) */
  confirmedReport: number
  /** a 随手拍 that went past the shop to the unit (not answered in time, or the resident unhappy) */
  escalated: number
  repeatFactor: number
  repeatWindowDays: number
  /** fixed within the time limit */
  onTimeFactor: number
}

export const DEFAULT_SHOP_RULE: ShopScoreRule = {
  base: 100,
  weights: { city: 2, district: 1, street: 0.5 },
  confirmedReport: 0.5,
  escalated: 2,
  repeatFactor: 2,
  repeatWindowDays: 30,
  onTimeFactor: 0.5,
}

/** 泉州 鲤城's five bands for star shops. */
export const DEFAULT_SHOP_STARS: ReadonlyArray<{ min: number; stars: number }> = [
  { min: 95, stars: 5 },
  { min: 90, stars: 4 },
  { min: 85, stars: 3 },
  { min: 80, stars: 2 },
  { min: 75, stars: 1 },
]

export interface ShopBoardRule {
  red: number
  black: number
}
export const DEFAULT_SHOP_BOARD: ShopBoardRule = { red: 5, black: 3 }

/** The shop's time to answer a report at its frontage: working hours, as a 随手拍 step limit. */
export const DEFAULT_SHOP_LIMIT = { hours: 2, officeHours: true } as const

export const FRONTAGE_LIMITS = {
  pageSize: 20,
  /** a line frontage counts a pin within this many metres of it (the pavement's width) */
  lineBufferM: 8,
  photosPerAnswer: 3,
  noteMax: 300,
  staffPerShop: 10,
  recordItems: 10,
  shopsPerSheet: 3000,
} as const

export const FRONTAGE_VIEWS = [
  'door',
  'mine',
  'pledge',
  'shop-reports',
  'answer',
  'shop-score',
  'street',
  'register',
  'apply',
  'shop',
  'card',
  'import',
  'board',
  'zones',
  'templates',
  'inspect',
  'findings',
] as const
export type FrontageViewName = (typeof FRONTAGE_VIEWS)[number]

// the page and its links live apart: the QR entry in the main package needs only them, not the templates
export { FRONTAGE_PAGE, frontageUrl } from './frontage-url'
