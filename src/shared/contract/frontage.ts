import { z } from 'zod'
import {
  BUSINESS_TYPES,
  FRONTAGE_LIMITS,
  SHOP_KINDS,
  ZONE_KINDS,
  type BusinessTypeId,
  type Duty,
  type LadderStep,
  type ShopBoardRule,
  type ShopKind,
  type ShopScoreRule,
  type ShopStage,
  type ShopStatus,
  type ZoneKind,
} from '../frontage'
import { fileId, id, noInput, openid, shortText } from './common'
import { returns } from './define'

/**
 * 门前三包: shops and street-front units own their frontage. The street office (街道办) registers
 * them (or confirms an owner's own registration), each signs its 责任书 in the app, each gets a
 * door code residents scan; a 随手拍 at a frontage in a category the 责任书 covers goes to the shop
 * first and escalates to the unit when the shop does not answer in time or the resident is
 * unhappy; inspections of shops climb the 告诫 → 限期整改 → 移交执法 ladder; each shop's monthly
 * score and stars are published per street as a 红黑榜.
 */

export * from '../frontage'

// ---- views ----

export type Position = [number, number]

/** Along the building to the kerb: a line (a shopfront) or a polygon (a forecourt). [lng, lat] pairs. */
export type FrontageGeometry = { type: 'LineString'; coordinates: Position[] } | { type: 'Polygon'; coordinates: Position[][] }

export interface ShopView {
  shopId: string
  /** the door code's number people read out, e.g. MQ-00042 */
  code: string
  name: string
  kind: ShopKind
  businessType: BusinessTypeId
  address: string
  frontage: FrontageGeometry
  /** the 街道 the shop belongs to, from its grid */
  district: string
  status: ShopStatus
  ownerName: string
  /** masked (138****8000) to everyone but the street office of its street and the office */
  ownerPhone: string
  templateName: string
  /** the 责任书 version in force and whether the shop signed that version */
  pledgeVersion: number
  signedVersion: number | null
  signedAt: number | null
  termFrom: number
  termTo: number
  /** reports at its frontage waiting for the shop now */
  waitingReports: number
  /** the last published month's stars; null before the first publication */
  stars: number | null
}

export interface ShopPage {
  items: ShopView[]
  nextCursor: string | null
}

/** What a resident sees after scanning a door code: no owner, no phone, no reporter. */
export interface ShopPublicView {
  shopId: string
  code: string
  name: string
  businessType: BusinessTypeId
  address: string
  /** itemIds (optional, same order as items): what an inspector's checklist answers by */
  duties: Array<{ name: string; items: string[]; itemIds?: string[] }>
  stars: number | null
  starsMonth: string | null
  /** resolved problems at this frontage, newest first: what, when, fixed in time or not */
  record: Array<{ categoryName: string; at: number; fixedInTime: boolean }>
  /** where a report from this page is pinned: a point on the frontage */
  place: { lat: number; lng: number; address: string }
  /** the categories this frontage's 责任书 covers, for the two-tap report */
  categories: string[]
  signed: boolean
}

export interface ShopPledgeView {
  shopId: string
  shopName: string
  templateName: string
  version: number
  duties: Duty[]
  frontageText: string
  termFrom: number
  termTo: number
  signedVersion: number | null
  signedAt: number | null
  /** the caller is an owner of this shop and the version in force is unsigned */
  maySign: boolean
}

export interface DoorCardView {
  shop: ShopPublicView
  /** the 小程序码 for the door (a temporary URL of the stored image) */
  codeImageUrl: string
  scene: string
}

export interface ShopReportItem {
  reportId: string
  categoryName: string
  description: string
  photos: string[]
  createdAt: number
  shopDueAt: number
  stage: ShopStage
  /** past the shop's time limit and still waiting */
  overdue: boolean
}

export interface ShopReportPage {
  items: ShopReportItem[]
  nextCursor: string | null
}

export interface PlaceCheckView {
  /** the frontage the point falls on, when a covered category is chosen it goes to this shop first */
  shop: { shopId: string; name: string; covers: boolean } | null
  /** a painted zone the point falls in, and what the report form should say */
  zone: { zoneId: string; name: string; kind: ZoneKind; exempts: boolean } | null
  message: string | null
}

export interface ZoneView {
  zoneId: string
  name: string
  kind: ZoneKind
  polygon: Position[]
  district: string
  createdAt: number
}

export interface TemplateView {
  templateId: string
  name: string
  version: number
  duties: Duty[]
  updatedAt: number
}

export interface FindingView {
  findingId: string
  shopId: string
  shopName: string
  itemText: string
  note: string
  photos: string[]
  step: LadderStep
  /** 限期整改: the deadline; 告诫: null */
  dueAt: number | null
  status: 'open' | 'fixed' | 'handed'
  repeat: boolean
  foundAt: number
  answer: { note: string; photos: string[]; at: number } | null
  /** 移交执法: the enforcement unit it was handed to; otherwise null */
  handedTo: string | null
}

export interface FindingPage {
  items: FindingView[]
  nextCursor: string | null
}

export interface ShopInspectResultView {
  inspectionId: string
  duplicate: boolean
  findings: FindingView[]
}

export interface ShopScoreLine {
  label: string
  count: number
  points: number
  how: string
}

export interface ShopScoreView {
  shopId: string
  shopName: string
  month: string
  base: number
  lines: ShopScoreLine[]
  score: number
  stars: number
  /** what would raise it, in plain words (fix open problems in time, answer reports within 2 hours …) */
  tips: string[]
  frozen: boolean
}

export interface ShopBoardRow {
  shopId: string
  name: string
  score: number
  stars: number
  list: 'red' | 'black' | null
  rank: number
}

export interface ShopBoardView {
  month: string
  district: string
  published: boolean
  publishedAt: number | null
  rule: ShopBoardRule
  ruleText: string
  /** one page (≤ 50) of every ranked shop, best first, each with its rank; the next page with `nextCursor` */
  rows: ShopBoardRow[]
  /** pass as `cursor` for the page after `rows`; null: this is the last page */
  nextCursor: string | null
  /** shops ranked this month (all pages) */
  total: number
  /** 红榜: the top `rule.red`, ties at the boundary included, best first (at most 60 listed; `redCount` is all of them) */
  red: ShopBoardRow[]
  redCount: number
  /** 黑榜: the bottom `rule.black` of the shops not on 红榜, ties included, best first (at most 60 listed, the worst kept; `blackCount` is all of them) */
  black: ShopBoardRow[]
  blackCount: number
  /** streets with a published board this month, for the picker */
  districts: string[]
}

export interface ShopRulesView {
  score: ShopScoreRule
  stars: Array<{ min: number; stars: number }>
  board: ShopBoardRule
  /** the shop's time to answer a report, in working hours */
  limitHours: number
  updatedAt: number | null
}

export interface MyShopsView {
  shops: ShopView[]
  /** applications still waiting for the street office */
  pending: ShopView[]
}

export interface StreetOfficeView {
  unitId: string
  unitName: string
  district: string
  counts: { active: number; pending: number; unsigned: number; waitingReports: number }
}

// ---- input ----

const cursor = z.string().max(200).optional()
const note = z.string().trim().max(FRONTAGE_LIMITS.noteMax)
const ms = z.number().int().min(0)
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2).max(50) }).strict(),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position).min(4).max(100)).length(1) }).strict(),
])
const phone = z.string().trim().regex(/^[0-9-]{7,20}$/, '联系电话格式不正确')
const clientId = z.uuid('编号格式不正确')
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11')
const businessType = z.enum(BUSINESS_TYPES.map((b) => b.id) as [BusinessTypeId, ...BusinessTypeId[]])
const photos = z.array(fileId).min(1).max(FRONTAGE_LIMITS.photosPerAnswer)

const shopFields = {
  name: shortText(60),
  kind: z.enum(SHOP_KINDS),
  businessType,
  address: shortText(120),
  frontage: geometry,
  ownerName: shortText(20),
  ownerPhone: phone,
}

const duty = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,19}$/),
    name: shortText(10),
    items: z.array(z.object({ id: z.string().regex(/^[a-z][a-z0-9-]{0,19}$/), text: shortText(80) }).strict()).min(1).max(10),
    categories: z.array(id).max(20),
  })
  .strict()

export const frontageActions = {
  // ---- street office: the registry ----
  streetHome: returns<StreetOfficeView[]>()({
    input: noInput,
    roles: ['street_office', 'admin'],
    summary: '街道办的门前三包：在册、待确认、未签责任书、待门店处理的随手拍',
  }),
  registerShop: returns<ShopView>()({
    input: z.object({ ...shopFields, templateId: id, termFrom: ms, termTo: ms, requestId: clientId }).strict(),
    roles: ['street_office', 'admin'],
    summary: '街道办登记临街商户或单位：营业执照名称、类型、地址、门前责任区（线或面）、负责人、责任书模板与期限',
  }),
  applyShop: returns<ShopView>()({
    input: z.object({ ...shopFields, requestId: clientId }).strict(),
    roles: ['resident'],
    summary: '店主自己登记门店（待街道办确认后生效）',
  }),
  confirmShop: returns<ShopView>()({
    input: z.object({ shopId: id, decision: z.enum(['confirm', 'refuse']), templateId: id.optional(), termFrom: ms.optional(), termTo: ms.optional(), reason: note.optional() }).strict(),
    roles: ['street_office', 'admin'],
    summary: '街道办确认或退回店主的登记（确认时定责任书模板与期限，店主获门店负责人身份）',
  }),
  importShops: returns<{ applied: boolean; added: number; updated: number; rows: number }>()({
    input: z.object({ fileId, dryRun: z.boolean().optional() }).strict(),
    roles: ['street_office', 'admin'],
    summary: '街道办从 Excel 批量导入本街道的商户名单；任何一行有错则整表不导入并逐行说明',
  }),
  shops: returns<ShopPage>()({
    input: z.object({ status: z.enum(['pending', 'active', 'closed']).optional(), unsigned: z.boolean().optional(), cursor }).strict(),
    roles: ['street_office', 'admin'],
    summary: '本街道的商户（文明办看全部），可筛待确认、未签责任书',
  }),
  shop: returns<ShopView>()({
    input: z.object({ shopId: id }).strict(),
    roles: ['street_office', 'shop_owner', 'admin'],
    summary: '一家门店的登记信息（负责人电话仅街道办与文明办可见）',
  }),
  setOwner: returns<ShopView>()({
    input: z.object({ shopId: id, openid }).strict(),
    roles: ['street_office', 'admin'],
    summary: '街道办为登记的门店指定负责人（按对方「我的」页面上的用户编号；原负责人随之移除）',
  }),
  closeShop: returns<ShopView>()({
    input: z.object({ shopId: id, reason: shortText(100) }).strict(),
    roles: ['street_office', 'admin'],
    summary: '注销门店（门店码随之失效，记录保留）',
  }),
  doorCard: returns<DoorCardView>()({
    input: z.object({ shopId: id }).strict(),
    roles: ['street_office', 'shop_owner', 'admin'],
    summary: '一店一码：门口张贴的 A5 卡片（责任内容、星级、小程序码）',
  }),
  // ---- the owner ----
  myShops: returns<MyShopsView>()({
    input: noInput,
    roles: ['resident'],
    summary: '我负责的门店与待确认的登记',
  }),
  pledge: returns<ShopPledgeView>()({
    input: z.object({ shopId: id }).strict(),
    roles: ['shop_owner', 'street_office', 'admin'],
    summary: '门店的责任书：责任内容、责任区、期限、签署情况',
  }),
  signPledge: returns<ShopPledgeView>()({
    input: z.object({ shopId: id, version: z.number().int().min(1) }).strict(),
    roles: ['shop_owner'],
    summary: '店主点按签署责任书（记录谁、何时、哪个版本；版本更新须重签）',
  }),
  addStaff: returns<{ staff: number }>()({
    input: z.object({ shopId: id, openid }).strict(),
    roles: ['shop_owner'],
    summary: '店主添加店员（也可处理门前的随手拍）',
  }),
  removeStaff: returns<{ staff: number }>()({
    input: z.object({ shopId: id, openid }).strict(),
    roles: ['shop_owner'],
    summary: '店主移除店员',
  }),
  // ---- residents ----
  shopPublic: returns<ShopPublicView>()({
    input: z.object({ shopId: id }).strict(),
    roles: ['resident'],
    summary: '扫门店码看到的：责任内容、星级、近期记录（不含任何个人信息）',
  }),
  placeCheck: returns<PlaceCheckView>()({
    input: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), categoryId: id.optional() }).strict(),
    roles: ['resident'],
    summary: '随手拍选点时：是否落在门店责任区（先由门店处理）或划线区（线内不算占道经营）',
  }),
  // ---- reports at a frontage ----
  shopReports: returns<ShopReportPage>()({
    input: z.object({ shopId: id, stage: z.enum(['waiting', 'answered', 'escalated']).optional(), cursor }).strict(),
    roles: ['shop_owner', 'street_office', 'admin'],
    summary: '门前的随手拍：待门店处理、已处理、已转责任单位',
  }),
  answerReport: returns<ShopReportItem>()({
    input: z.object({ reportId: id, note: z.string().trim().min(1).max(FRONTAGE_LIMITS.noteMax), photos }).strict(),
    roles: ['shop_owner'],
    summary: '门店在时限内处理门前的随手拍：处理说明与处理后照片（随手拍随之办结，市民可评价）',
  }),
  // ---- painted zones and templates (the office) ----
  zones: returns<ZoneView[]>()({
    input: z.object({ district: shortText(30).optional() }).strict(),
    roles: ['street_office', 'admin'],
    summary: '划线经营区与划线停车区',
  }),
  saveZone: returns<ZoneView>()({
    input: z.object({ zoneId: id.optional(), name: shortText(40), kind: z.enum(ZONE_KINDS), polygon: z.array(position).min(4).max(100) }).strict(),
    roles: ['admin'],
    summary: '文明办登记划线区（线内出店经营或停车不算违规）',
  }),
  removeZone: returns<{ removed: boolean }>()({
    input: z.object({ zoneId: id }).strict(),
    roles: ['admin'],
    summary: '撤销划线区',
  }),
  templates: returns<TemplateView[]>()({
    input: noInput,
    roles: ['street_office', 'admin'],
    summary: '责任书模板（三包、五包及本市修改的版本）',
  }),
  saveTemplate: returns<TemplateView>()({
    input: z.object({ templateId: id, name: shortText(30), duties: z.array(duty).min(1).max(8) }).strict(),
    roles: ['admin'],
    summary: '文明办修改责任书模板（新版本：用它的门店须重新签署）',
  }),
  // ---- inspections of shops ----
  inspectShop: returns<ShopInspectResultView>()({
    input: z
      .object({
        inspectionId: clientId,
        shopId: id,
        items: z
          .array(
            z
              .object({
                itemId: z.string().regex(/^[a-z][a-z0-9-]{0,19}$/),
                result: z.enum(['pass', 'fail', 'na']),
                note: note.optional(),
                photos: z.array(fileId).max(FRONTAGE_LIMITS.photosPerAnswer).optional(),
              })
              .strict(),
          )
          .min(1)
          .max(60),
      })
      .strict(),
    roles: ['inspector'],
    summary: '督查员按责任书逐项检查门店：不合格须有照片和说明；按告诫 → 限期整改 → 移交执法逐级处理（重复提交不重复记录）',
  }),
  findings: returns<FindingPage>()({
    input: z.object({ shopId: id.optional(), status: z.enum(['open', 'fixed', 'handed']).optional(), cursor }).strict(),
    roles: ['shop_owner', 'street_office', 'inspector', 'admin'],
    summary: '门店检查发现的问题及其处理阶段',
  }),
  fixFinding: returns<FindingView>()({
    input: z.object({ findingId: id, note: z.string().trim().min(1).max(FRONTAGE_LIMITS.noteMax), photos }).strict(),
    roles: ['shop_owner'],
    summary: '店主整改检查发现的问题：说明与整改后照片',
  }),
  // ---- scores, stars, the street's 红黑榜 ----
  shopScore: returns<ShopScoreView>()({
    input: z.object({ shopId: id, month: month.optional() }).strict(),
    roles: ['shop_owner', 'street_office', 'admin'],
    summary: '门店某月的得分、星级、每项扣分的计算与提升建议',
  }),
  shopBoard: returns<ShopBoardView>()({
    input: z.object({ district: shortText(30).optional(), month: month.optional(), cursor }).strict(),
    roles: ['resident'],
    summary: '街道门店红黑榜：已发布月份的得分与星级（居民可看）',
  }),
  publishShopBoard: returns<ShopBoardView>()({
    input: z.object({ district: shortText(30), month }).strict(),
    roles: ['street_office', 'admin'],
    summary: '发布某街道某月的门店红黑榜（冻结当时的得分及其来源，门店星级随之更新）',
  }),
  shopRules: returns<ShopRulesView>()({
    input: noInput,
    roles: ['resident'],
    summary: '门店计分、星级分档、红黑榜规则与门店处理时限',
  }),
  setShopRules: returns<ShopRulesView>()({
    input: z
      .object({
        score: z
          .object({
            base: z.number().min(1).max(1000),
            weights: z.object({ city: z.number().min(0).max(100), district: z.number().min(0).max(100), street: z.number().min(0).max(100) }).strict(),
            confirmedReport: z.number().min(0).max(100),
            escalated: z.number().min(0).max(100),
            repeatFactor: z.number().min(1).max(10),
            repeatWindowDays: z.number().int().min(1).max(365),
            onTimeFactor: z.number().min(0).max(1),
          })
          .strict()
          .optional(),
        stars: z.array(z.object({ min: z.number().min(0).max(1000), stars: z.number().int().min(1).max(5) }).strict()).min(1).max(5).optional(),
        board: z.object({ red: z.number().int().min(0).max(50), black: z.number().int().min(0).max(50) }).strict().optional(),
        limitHours: z.number().min(0.5).max(72).optional(),
      })
      .strict(),
    roles: ['admin'],
    summary: '文明办修改门店计分、星级、红黑榜规则与门店处理时限（记审计）',
  }),
}

export const FRONTAGE_ERRORS = {
  'FRONTAGE.SHOP_NOT_FOUND': '门店不存在或已注销',
  'FRONTAGE.NOT_YOUR_STREET': '这家门店不在您街道的范围内',
  'FRONTAGE.NOT_YOUR_SHOP': '这不是您负责的门店',
  'FRONTAGE.OUTSIDE_CITY': '门前责任区不在本市网格范围内',
  'FRONTAGE.BAD_FRONTAGE': '门前责任区须是沿街的一段线或一个不自相交的区域',
  'FRONTAGE.FRONTAGE_TOO_LARGE': '门前责任区过大，请只画本店门前到路沿的范围',
  'FRONTAGE.NOT_PENDING': '这条登记已处理过',
  'FRONTAGE.TOO_MANY_APPLICATIONS': '您已有 5 条登记在等待街道办确认，请等确认后再登记',
  'FRONTAGE.TEMPLATE_NOT_FOUND': '责任书模板不存在',
  'FRONTAGE.BAD_TEMPLATE': '责任书模板有误：责任和条目的编号不能重复，对应的随手拍类别须存在',
  'FRONTAGE.BAD_TERM': '责任书期限的结束须晚于开始',
  'FRONTAGE.STALE_VERSION': '责任书已有新版本，请阅读新版本后再签署',
  'FRONTAGE.ALREADY_SIGNED': '您已签署过这一版责任书',
  'FRONTAGE.NOT_ACTIVE': '门店尚未确认或已注销',
  'FRONTAGE.STAFF_FULL': '店员人数已达上限',
  'FRONTAGE.STAFF_NOT_FOUND': '这个人不是本店店员',
  'FRONTAGE.REPORT_NOT_FOUND': '随手拍不存在，或不在本店门前',
  'FRONTAGE.REPORT_NOT_WAITING': '这条随手拍已不在门店处理阶段',
  'FRONTAGE.NOTE_REJECTED': '处理说明未通过内容安全检测，请修改后再提交',
  'FRONTAGE.PHOTO_NOT_YOURS': '照片不存在或不是您上传的',
  'FRONTAGE.PHOTO_REJECTED': '有照片未通过内容安全检测，请换一张',
  'FRONTAGE.BAD_ZONE': '划线区须是首尾相接、不自相交的多边形',
  'FRONTAGE.ZONE_NOT_FOUND': '划线区不存在',
  'FRONTAGE.SHEET_UNREADABLE': '无法读取该文件，请上传 Excel（.xlsx）表格',
  'FRONTAGE.SHEET_INVALID': '表格有误，未导入任何内容',
  'FRONTAGE.NOT_ON_PLEDGE': '有检查项不在这家门店的责任书上',
  'FRONTAGE.CHECKLIST_INCOMPLETE': '还有检查项没有填写',
  'FRONTAGE.FAIL_NEEDS_EVIDENCE': '不合格项须有照片和问题说明',
  'FRONTAGE.NO_TEAM': '您还没有加入督查组，请联系文明办',
  'FRONTAGE.NOT_YOUR_AREA': '这家门店不在您督查组的范围内',
  'FRONTAGE.FINDING_NOT_FOUND': '问题不存在',
  'FRONTAGE.FINDING_NOT_OPEN': '这个问题已处理',
  'FRONTAGE.INSPECTION_CONFLICT': '这次检查编号已用于另一家门店',
  'FRONTAGE.PERIOD_NOT_ENDED': '该月尚未结束，结束后才能发布',
  'FRONTAGE.ALREADY_PUBLISHED': '该月的红黑榜已发布',
  'FRONTAGE.NOT_PUBLISHED': '该月的红黑榜尚未发布',
  'FRONTAGE.BAD_BANDS': '星级分档须从高到低、分数与星数都递减',
} as const
export type FrontageErrorCode = keyof typeof FRONTAGE_ERRORS
