/**
 * 随手拍 categories: what a report is about, how long each step may take and what the form says
 * about it. Pure data, read by the server (routing, due times, validation) and by the client (the
 * grouped picker, hints, other-channel notes) alike. Where a problem belongs to another channel
 * (a moving vehicle's offence → 交管12123, an emergency → 110) the category says so, so the
 * resident is not left waiting on a report this office cannot act on.
 */

/** `report`: uncivil behaviour or a problem to fix; `praise`: 文明点赞, good behaviour to show. */
export type ReportKind = 'report' | 'praise'

/**
 * How a step's time limit is counted: `hours` (calendar hours, round the clock), `days` (calendar
 * days, same clock time), `workdays` (工作日 on the official calendar, due at the close of office
 * hours on the Nth working day after the step starts). `officeHours` makes an hour limit count
 * only office hours on working days (see src/shared/calendar for the exact rules).
 */
export type LimitUnit = 'hours' | 'days' | 'workdays'

export interface StepLimit {
  amount: number
  unit: LimitUnit
  /** only for `hours`: count 08:30–12:00 and 13:30–17:30 on working days, not the whole clock */
  officeHours?: boolean
}

export interface StepLimits {
  /** 受理: the grid worker acts within this of a report reaching the grid */
  accept: StepLimit
  /** 签收: the unit starts handling within this of dispatch */
  start: StepLimit
  /** 办结: the unit resolves within this of starting */
  resolve: StepLimit
}

/** The shape before limits had units: plain calendar hours. Still read, so older data keeps its meaning. */
export interface LegacyStepLimits {
  acceptHours: number
  startHours: number
  resolveHours: number
}

export const hoursLimit = (amount: number): StepLimit => ({ amount, unit: 'hours' })
export const workdaysLimit = (amount: number): StepLimit => ({ amount, unit: 'workdays' })

export function stepLimitsOf(limits: StepLimits | LegacyStepLimits): StepLimits {
  if ('accept' in limits) return limits
  return { accept: hoursLimit(limits.acceptHours), start: hoursLimit(limits.startHours), resolve: hoursLimit(limits.resolveHours) }
}

export interface ReportCategory {
  id: string
  name: string
  kind: ReportKind
  groupId: string
  /** one line under the name: what belongs here */
  hint: string
  /** where part of this belongs to another channel, and which */
  otherChannel?: string
  /** staged photos are a known problem here: only the camera may be used, not the album */
  cameraOnly?: boolean
  limits: StepLimits
}

export interface CategoryGroup {
  id: string
  name: string
  kind: ReportKind
}

export const CATEGORY_GROUPS: readonly CategoryGroup[] = [
  { id: 'order', name: '市容秩序', kind: 'report' },
  { id: 'traffic', name: '交通文明', kind: 'report' },
  { id: 'conduct', name: '文明行为', kind: 'report' },
  { id: 'facility', name: '公共设施', kind: 'report' },
  { id: 'praise', name: '文明点赞', kind: 'praise' },
]

/**
 * 受理 2 h and 签收 4 h run round the clock (grid workers and street teams are on duty every day);
 * 24/48 h 办结 for street problems a team clears on its rounds, weekends included; the slower,
 * office-handled problems (repairs, markets, back alleys) get 3 working days, as a 12345 work
 * order does, instead of the 72 calendar hours they had. 文明点赞 is reviewed by the office within
 * 1 working day (it was 24 hours: nothing is urgent about showing good deeds on a holiday).
 */
const limits = (resolve: number | StepLimit, accept: number | StepLimit = 2, startHours = 4): StepLimits => ({
  accept: typeof accept === 'number' ? hoursLimit(accept) : accept,
  start: hoursLimit(startHours),
  resolve: typeof resolve === 'number' ? hoursLimit(resolve) : resolve,
})

export const CATEGORIES = [
  {
    id: 'street-vending',
    name: '游商小贩/占道经营',
    kind: 'report',
    groupId: 'order',
    hint: '流动摊贩、店外摆摊、占用人行道经营',
    cameraOnly: true,
    limits: limits(24),
  },
  {
    id: 'illegal-ads',
    name: '牛皮癣小广告',
    kind: 'report',
    groupId: 'order',
    hint: '乱贴乱画、楼道和电线杆上的小广告',
    limits: limits(48),
  },
  {
    id: 'back-alley',
    name: '背街小巷脏乱差',
    kind: 'report',
    groupId: 'order',
    hint: '小巷堆物、垃圾堆积、污水横流',
    limits: limits(workdaysLimit(3)),
  },
  {
    id: 'market-order',
    name: '农贸市场秩序',
    kind: 'report',
    groupId: 'order',
    hint: '市场内外乱摆摊、环境脏乱、占道卸货',
    otherChannel: '食品安全、缺斤少两、价格欺诈请拨打 12315 市场监管热线',
    limits: limits(workdaysLimit(3)),
  },
  {
    id: 'psa-damaged',
    name: '公益广告破损',
    kind: 'report',
    groupId: 'order',
    hint: '公益广告牌、宣传栏破损、褪色、被遮挡',
    limits: limits(workdaysLimit(3)),
  },
  {
    id: 'illegal-parking',
    name: '车辆乱停乱放',
    kind: 'report',
    groupId: 'traffic',
    hint: '机动车、非机动车、共享单车停放占道',
    otherChannel: '行驶中机动车的交通违法请通过「交管12123」App 举报',
    cameraOnly: true,
    limits: limits(24),
  },
  {
    id: 'blind-lane',
    name: '占用盲道',
    kind: 'report',
    groupId: 'traffic',
    hint: '车辆、摊位、杂物占用或损坏盲道',
    cameraOnly: true,
    limits: limits(24),
  },
  {
    id: 'jaywalking',
    name: '行人闯红灯/乱穿马路',
    kind: 'report',
    groupId: 'traffic',
    hint: '路口闯红灯、翻越护栏、不走斑马线的高发点位',
    limits: limits(48),
  },
  {
    id: 'no-helmet',
    name: '电动车摩托车不戴头盔',
    kind: 'report',
    groupId: 'traffic',
    hint: '骑乘电动自行车、摩托车不戴安全头盔的高发路段',
    otherChannel: '摩托车等机动车驾驶人的交通违法请通过「交管12123」App 举报',
    cameraOnly: true,
    limits: limits(48),
  },
  {
    id: 'throwing-from-car',
    name: '车窗抛物',
    kind: 'report',
    groupId: 'traffic',
    hint: '从车窗向外扔垃圾、烟头',
    otherChannel: '行驶中车辆抛物属交通违法，请用行车记录仪视频通过「交管12123」App 举报',
    limits: limits(workdaysLimit(3)),
  },
  {
    id: 'spitting',
    name: '随地吐痰',
    kind: 'report',
    groupId: 'conduct',
    hint: '公共场所随地吐痰、便溺的高发点位',
    limits: limits(24),
  },
  {
    id: 'littering',
    name: '乱扔垃圾',
    kind: 'report',
    groupId: 'conduct',
    hint: '乱扔垃圾、垃圾不分类、垃圾桶满溢',
    limits: limits(24),
  },
  {
    id: 'dog-walking',
    name: '不文明养犬',
    kind: 'report',
    groupId: 'conduct',
    hint: '遛狗不拴绳、不清理粪便、违规饲养犬只',
    otherChannel: '犬只伤人等紧急情况请立即拨打 110',
    limits: limits(48),
  },
  {
    id: 'facility-damaged',
    name: '公共设施损坏',
    kind: 'report',
    groupId: 'facility',
    hint: '路灯、座椅、护栏、井盖、健身器材损坏',
    otherChannel: '井盖缺失、漏电等危及安全的险情请先拨打 110 或 12345',
    limits: limits(workdaysLimit(3)),
  },
  {
    id: 'other',
    name: '其他',
    kind: 'report',
    groupId: 'facility',
    hint: '以上都不符合的不文明现象',
    otherChannel: '紧急情况请拨打 110；政务咨询和其他诉求可拨打 12345 热线',
    limits: limits(workdaysLimit(3)),
  },
  {
    id: 'good-deed',
    name: '好人好事',
    kind: 'praise',
    groupId: 'praise',
    hint: '见义勇为、拾金不昧、助人为乐',
    limits: limits(0, workdaysLimit(1)),
  },
  {
    id: 'courteous-traffic',
    name: '文明交通',
    kind: 'praise',
    groupId: 'praise',
    hint: '礼让斑马线、有序排队、规范停车',
    limits: limits(0, workdaysLimit(1)),
  },
  {
    id: 'volunteering',
    name: '志愿服务',
    kind: 'praise',
    groupId: 'praise',
    hint: '身边的志愿者和志愿服务活动',
    limits: limits(0, workdaysLimit(1)),
  },
  {
    id: 'civic-custom',
    name: '文明新风',
    kind: 'praise',
    groupId: 'praise',
    hint: '光盘行动、垃圾分类、邻里互助等文明风尚',
    limits: limits(0, workdaysLimit(1)),
  },
] as const satisfies readonly ReportCategory[]

export type CategoryId = (typeof CATEGORIES)[number]['id']

export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]]

const BY_ID = new Map<string, ReportCategory>(CATEGORIES.map((c) => [c.id, c]))

export function categoryOf(id: string): ReportCategory | undefined {
  return BY_ID.get(id)
}

export function categoriesIn(groupId: string): ReportCategory[] {
  return CATEGORIES.filter((c) => c.groupId === groupId)
}

/** Text and photo limits of the form, the same on both sides. */
export const REPORT_LIMITS = {
  minPhotos: 1,
  maxPhotos: 9,
  /** a video that stands in for photos: as long as a 随手拍 app's (the header's duration, with a little rounding room) */
  maxVideoMs: 15_000,
  maxAfterPhotos: 9,
  descriptionMax: 500,
  addressMax: 100,
  noteMax: 200,
  /** default for the per-person daily cap; the office can change it */
  dailyLimit: 20,
  /** 我也遇到: an open report of the same category this close… */
  duplicateRadiusMeters: 50,
  /** …and this recent is offered instead of a new one */
  duplicateWindowMs: 24 * 60 * 60 * 1000,
} as const
