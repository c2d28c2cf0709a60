import { z } from 'zod'
import { fileId, id, noInput, shortText } from './common'
import { returns } from './define'

/**
 * 志愿服务: activities and their shifts, sign-up with a waitlist, on-site check-in by a rotating
 * code or a geofence, hours confirmed by the organizer, and a certificate anyone can verify.
 */

export const ACTIVITY_TYPES = ['traffic', 'tourism', 'community', 'integrity', 'environment'] as const
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

/** Where a credited minute came from: shown on the record, the roster and the CSV. */
export type MinuteSource = 'code' | 'geofence' | 'auto' | 'manual'

/**
 * A signup's life: 候补 → 已报名 → 已签到 → 已签退 → 已确认; or 已取消 / 缺席 (a late cancellation
 * or never checking in).
 */
export type SignupState = 'waitlisted' | 'signed' | 'checkedIn' | 'checkedOut' | 'confirmed' | 'cancelled' | 'noShow'
export type NoShowReason = 'lateCancel' | 'absent'
export type CancelReason = 'byVolunteer' | 'byOrganizer'

// zod-free constants live in ../volunteer so the client can import them as values
export { VOLUNTEER_TEMPLATES } from '../volunteer'

export const VOLUNTEER_LIMITS = {
  /** shifts one activity can carry; the detail page shows all of them */
  shiftsPerActivity: 30,
  capacity: 500,
  shiftMinutesMin: 30,
  shiftMinutesMax: 12 * 60,
  geofenceMinM: 30,
  geofenceMaxM: 3000,
  /** "near me" lists activities within this distance */
  nearKm: 5,
  /** wrong check-in codes one person may try per window */
  wrongCodesPerWindow: 5,
  wrongCodeWindowMinutes: 10,
  certificateRecords: 100,
} as const

// ---- views ----

export interface PlaceView {
  name: string
  address: string
  lat: number
  lng: number
}

export interface ShiftView {
  id: string
  activityId: string
  startAt: number
  endAt: number
  capacity: number
  /** signed up (including checked in/out and confirmed) */
  taken: number
  placesLeft: number
  /** people on the waitlist */
  waiting: number
  /** minutes before start when check-in opens */
  checkInOpensMinutes: number
  status: 'open' | 'cancelled'
  /** 亲子 shift: a parent signs up and brings the child, who is never on the roster */
  family: boolean
}

export interface ActivityCardView {
  id: string
  type: ActivityType
  title: string
  teamId: string
  teamName: string
  place: PlaceView
  coverUrl: string | null
  /** metres from the caller when "near me" was asked, else null */
  distanceM: number | null
  /** the shifts of the day asked for */
  shifts: ShiftView[]
}

export interface ActivityListView {
  items: ActivityCardView[]
  /** pass as `page` for more; null at the end */
  nextPage: number | null
}

export interface MySignupBrief {
  signupId: string
  shiftId: string
  state: SignupState
  waitlistPosition: number | null
}

export interface ActivityDetailView extends ActivityCardView {
  description: string
  geofenceRadiusM: number
  status: 'published' | 'cancelled'
  /** the caller's signups in this activity's shifts */
  mine: MySignupBrief[]
  /** the caller organizes this activity's team */
  canManage: boolean
  cancelDeadlineMinutes: number
}

export interface VolunteerProfileView {
  /** masked: 李*明 */
  realName: string
  /** masked: 138****5678 */
  phone: string
  idType: IdType
  /** masked: 1101**********1234 */
  idNumber: string
  consentAt: number
  confirmedMinutes: number
  confirmedCount: number
}

export const ID_TYPES = ['resident', 'hkMacau', 'taiwan', 'passport'] as const
export type IdType = (typeof ID_TYPES)[number]

export interface SignupResultView {
  signupId: string
  shiftId: string
  state: 'signed' | 'waitlisted'
  /** 1-based place in the waitlist when waitlisted */
  waitlistPosition: number | null
}

export interface CancelResultView {
  signupId: string
  state: 'cancelled' | 'noShow'
  /** true when the cancellation came after the deadline and counts as a no-show */
  countedAsNoShow: boolean
}

export interface PunchView {
  at: number
  source: MinuteSource
}

export interface AdjustmentView {
  at: number
  fromMinutes: number
  toMinutes: number
  reason: string
}

/** A signup as its volunteer sees it in 我的志愿. */
export interface MyRecordView {
  signupId: string
  shiftId: string
  activityId: string
  activityTitle: string
  activityType: ActivityType
  teamName: string
  placeName: string
  startAt: number
  endAt: number
  /** when check-in opens (some minutes before the start) */
  checkInOpensAt: number
  state: SignupState
  noShowReason: NoShowReason | null
  cancelReason: CancelReason | null
  waitlistPosition: number | null
  checkIn: PunchView | null
  checkOut: PunchView | null
  autoClosed: boolean
  /** credited minutes (final once confirmed) */
  minutes: number
  adjustments: AdjustmentView[]
  confirmedAt: number | null
  shiftCancelled: boolean
}

export interface MyRecordsView {
  items: MyRecordView[]
  nextPage: number | null
  confirmedMinutes: number
  confirmedCount: number
}

export interface PunchResultView {
  signupId: string
  state: 'checkedIn' | 'checkedOut'
  at: number
  source: MinuteSource
  /** credited minutes so far (after check-out) */
  minutes: number
  /** metres from the activity when checked by geofence */
  distanceM: number | null
}

export interface CheckInCodeView {
  shiftId: string
  activityTitle: string
  startAt: number
  endAt: number
  /** the scene carried by the QR: c<shiftId>.<token> */
  scene: string
  /** the 6-digit code typed instead of scanning */
  code: string
  /** PNG data URL of the QR */
  qrDataUrl: string
  /** when this code stops being the newest (it is still accepted for one more slot) */
  rotatesAt: number
  slotMs: number
}

export interface RosterEntryView {
  signupId: string
  /** masked real name: 李*明 */
  name: string
  /** masked phone */
  phone: string
  state: SignupState
  noShowReason: NoShowReason | null
  waitlistPosition: number | null
  checkIn: PunchView | null
  checkOut: PunchView | null
  autoClosed: boolean
  computedMinutes: number
  minutes: number
  adjustments: AdjustmentView[]
  confirmedAt: number | null
}

export interface RosterCounts {
  signed: number
  checkedIn: number
  checkedOut: number
  autoClosed: number
  confirmed: number
  noShow: number
  waitlisted: number
}

export interface RosterView {
  activityId: string
  activityTitle: string
  shift: ShiftView
  /** counts over the whole shift (not only this page) */
  counts: RosterCounts
  items: RosterEntryView[]
  nextPage: number | null
}

export interface ConfirmResultView {
  confirmed: number
  confirmedMinutes: number
}

export interface CsvExportView {
  filename: string
  rows: number
  /** the CSV text (UTF-8 with BOM) when delivered inline */
  csv: string | null
  /** when stored: the file and a temporary link to it */
  fileID: string | null
  tempUrl: string | null
}

export interface CertificateRecordView {
  activityTitle: string
  activityType: ActivityType
  teamName: string
  startAt: number
  endAt: number
  minutes: number
}

export interface CertificateView {
  code: string
  /** 证书编号 ZS-2026-000123 people name it by; null on a certificate issued before numbers (the code is what proves it) */
  serialNo: string | null
  holderName: string
  totalMinutes: number
  recordCount: number
  /** the most recent confirmed records (up to VOLUNTEER_LIMITS.certificateRecords) */
  records: CertificateRecordView[]
  issuedAt: number
  issuer: string
  /**
   * The 小程序码 drawn on the saved image in the mini-program (a temporary URL of the stored image):
   * its scene is `v<code>` (shared/scene.ts), so WeChat's scanner opens the verification page. Made
   * once per certificate and kept in storage; null in a verifier's view (only the holder saves the
   * image) and when it could not be made just now. The H5 draws a plain QR of its own verification URL.
   */
  verifyCodeUrl: string | null
}

export interface TeamActivityView {
  id: string
  type: ActivityType
  title: string
  status: 'published' | 'cancelled'
  place: PlaceView
  shifts: ShiftView[]
  createdAt: number
}

export interface TeamActivitiesView {
  teams: Array<{ id: string; name: string }>
  items: TeamActivityView[]
  nextPage: number | null
}

export interface VolunteerSettingsView {
  /** cancellations later than this before the start count as no-shows */
  cancelDeadlineMinutes: number
  /** a shift left checked in closes this long after its end */
  autoCloseGraceMinutes: number
}

// ---- input schemas ----

const page = z.number().int().min(0).max(200).optional()
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const time = z.number().int().min(Date.UTC(2020, 0, 1)).max(Date.UTC(2100, 0, 1))
const lat = z.number().min(-90).max(90)
const lng = z.number().min(-180).max(180)
/** a shift id fits the scene codec: c<shiftId>.<token> within 32 characters */
export const shiftId = z.string().min(1).max(10).regex(/^[A-Za-z0-9_-]+$/, '班次编号格式不正确')
const requestId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, '请求编号格式不正确')

const place = z
  .object({ name: shortText(40), address: shortText(120), lat, lng })
  .strict()

const shiftInput = z
  .object({
    startAt: time,
    endAt: time,
    capacity: z.number().int().min(1).max(VOLUNTEER_LIMITS.capacity),
    checkInOpensMinutes: z.number().int().min(0).max(120).optional(),
    /** 亲子: counts for 小手拉大手's family volunteering task once the parent's record is confirmed */
    family: z.boolean().optional(),
  })
  .strict()
  .refine((s) => s.endAt > s.startAt, { message: '结束时间须晚于开始时间' })

const proof = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scan'), scene: z.string().min(1).max(96) }).strict(),
  z.object({ kind: z.literal('code'), code: z.string().regex(/^\d{6}$/, '请输入 6 位数字签到码') }).strict(),
  z.object({ kind: z.literal('geofence'), lat, lng, accuracyM: z.number().min(0).max(10_000).optional() }).strict(),
])

const punchInput = z.object({ shiftId, proof }).strict()

export const volunteerActions = {
  listActivities: returns<ActivityListView>()({
    input: z
      .object({
        date: day,
        type: z.enum(ACTIVITY_TYPES).optional(),
        near: z.object({ lat, lng }).strict().optional(),
        page,
      })
      .strict(),
    roles: ['resident'],
    summary: '按日期、类别（可选附近）分页列出有班次的活动，含剩余名额',
  }),
  getActivity: returns<ActivityDetailView>()({
    input: z.object({ activityId: id }).strict(),
    roles: ['resident'],
    summary: '活动详情：地点、队伍、全部班次与我的报名',
  }),
  register: returns<VolunteerProfileView>()({
    input: z
      .object({
        realName: z.string().trim().min(2).max(30).regex(/^[\u4e00-\u9fa5A-Za-z·.\s]+$/, '请填写真实姓名'),
        idType: z.enum(ID_TYPES),
        idNumber: z.string().trim().min(5).max(20).regex(/^[A-Za-z0-9()]+$/, '证件号码格式不正确'),
        phone: z.string().regex(/^1\d{10}$/, '请填写 11 位手机号'),
        consent: z.literal(true),
      })
      .strict(),
    roles: ['resident'],
    summary: '成为志愿者：实名、证件、手机号，并同意建立志愿服务记录（回显时脱敏）',
  }),
  myProfile: returns<VolunteerProfileView | null>()({
    input: noInput,
    roles: ['resident'],
    summary: '我的志愿者资料（脱敏）与已确认时长；未注册时为 null',
  }),
  signUp: returns<SignupResultView>()({
    input: z.object({ shiftId, requestId }).strict(),
    roles: ['resident'],
    summary: '报名班次；满员时进入候补；同一 requestId 重试返回第一次的结果',
  }),
  cancelSignup: returns<CancelResultView>()({
    input: z.object({ signupId: id }).strict(),
    roles: ['resident'],
    summary: '取消报名或候补；截止时间之后取消记为缺席；空出的名额按顺序递补',
  }),
  checkIn: returns<PunchResultView>()({
    input: punchInput,
    roles: ['resident'],
    summary: '签到：扫码（场景值）、输入 6 位签到码或在活动范围内定位',
  }),
  checkOut: returns<PunchResultView>()({
    input: punchInput,
    roles: ['resident'],
    summary: '签退：方式同签到；时长按签到签退与班次时间的重叠计算',
  }),
  myRecords: returns<MyRecordsView>()({
    input: z.object({ scope: z.enum(['upcoming', 'history']), page }).strict(),
    roles: ['resident'],
    summary: '我的志愿：即将参加或历史记录，附已确认总时长',
  }),
  issueCertificate: returns<CertificateView>()({
    input: noInput,
    roles: ['resident'],
    summary: '生成服务证明（列出已确认的记录）及其查验码',
  }),
  verifyCertificate: returns<CertificateView>()({
    input: z.object({ code: z.string().trim().min(6).max(16).regex(/^[A-Za-z0-9-]+$/, '查验码格式不正确') }).strict(),
    roles: ['resident'],
    summary: '任何人凭查验码核验服务证明',
  }),

  teamActivities: returns<TeamActivitiesView>()({
    input: z.object({ teamId: id.optional(), page }).strict(),
    roles: ['organizer'],
    summary: '组织者：本队伍发布的活动与班次',
  }),
  publishActivity: returns<ActivityDetailView>()({
    input: z
      .object({
        teamId: id,
        type: z.enum(ACTIVITY_TYPES),
        title: shortText(40),
        description: shortText(1000),
        place,
        geofenceRadiusM: z.number().int().min(VOLUNTEER_LIMITS.geofenceMinM).max(VOLUNTEER_LIMITS.geofenceMaxM),
        coverFileId: fileId.optional(),
        shifts: z.array(shiftInput).min(1).max(VOLUNTEER_LIMITS.shiftsPerActivity),
      })
      .strict(),
    roles: ['organizer'],
    summary: '组织者发布活动（类别、介绍、地点、签到范围、封面）及其班次',
  }),
  updateActivity: returns<ActivityDetailView>()({
    input: z
      .object({
        activityId: id,
        title: shortText(40).optional(),
        description: shortText(1000).optional(),
        place: place.optional(),
        geofenceRadiusM: z.number().int().min(VOLUNTEER_LIMITS.geofenceMinM).max(VOLUNTEER_LIMITS.geofenceMaxM).optional(),
        coverFileId: fileId.optional(),
      })
      .strict(),
    roles: ['organizer'],
    summary: '组织者修改活动信息；已报名的志愿者会收到通知',
  }),
  addShift: returns<ActivityDetailView>()({
    input: z.object({ activityId: id, shift: shiftInput }).strict(),
    roles: ['organizer'],
    summary: '组织者为活动增加班次',
  }),
  updateShift: returns<ShiftView>()({
    input: z
      .object({
        shiftId,
        startAt: time.optional(),
        endAt: time.optional(),
        capacity: z.number().int().min(1).max(VOLUNTEER_LIMITS.capacity).optional(),
      })
      .strict(),
    roles: ['organizer'],
    summary: '组织者修改班次时间或名额（不少于已报名人数）；扩容时按顺序递补，改时间时通知已报名者',
  }),
  cancelShift: returns<ShiftView>()({
    input: z.object({ shiftId, reason: shortText(100) }).strict(),
    roles: ['organizer'],
    summary: '组织者取消班次并通知已报名和候补的志愿者',
  }),
  cancelActivity: returns<ActivityDetailView>()({
    input: z.object({ activityId: id, reason: shortText(100) }).strict(),
    roles: ['organizer'],
    summary: '组织者取消整个活动（全部班次）并通知报名者',
  }),
  checkInCode: returns<CheckInCodeView>()({
    input: z.object({ shiftId }).strict(),
    roles: ['organizer'],
    summary: '组织者现场出示的签到码：每 30 秒轮换的二维码与 6 位数字码',
  }),
  roster: returns<RosterView>()({
    input: z
      .object({
        shiftId,
        state: z.enum(['waitlisted', 'signed', 'checkedIn', 'checkedOut', 'confirmed', 'cancelled', 'noShow']).optional(),
        page,
      })
      .strict(),
    roles: ['organizer'],
    summary: '班次花名册：报名、签到、签退、自动签退、缺席与确认情况',
  }),
  confirmHours: returns<ConfirmResultView>()({
    input: z
      .object({ shiftId, signupIds: z.array(id).min(1).max(100).optional(), all: z.literal(true).optional() })
      .strict()
      .refine((v) => (v.signupIds !== undefined) !== (v.all !== undefined), { message: '请选择确认的人员或全部确认' }),
    roles: ['organizer'],
    summary: '确认时长：逐人或全部（已签退/自动签退的记录）',
  }),
  adjustMinutes: returns<RosterEntryView>()({
    input: z
      .object({ signupId: id, minutes: z.number().int().min(0).max(VOLUNTEER_LIMITS.shiftMinutesMax), reason: shortText(100) })
      .strict(),
    roles: ['organizer'],
    summary: '调整时长（须填写原因，留痕审计）',
  }),
  exportShiftCsv: returns<CsvExportView>()({
    input: z.object({ shiftId, delivery: z.enum(['inline', 'storage']) }).strict(),
    roles: ['organizer'],
    summary: '按全国志愿服务记录字段导出班次记录（CSV）',
  }),

  getSettings: returns<VolunteerSettingsView>()({
    input: noInput,
    roles: ['resident'],
    summary: '志愿服务规则：取消截止时间、自动签退宽限',
  }),
  updateSettings: returns<VolunteerSettingsView>()({
    input: z
      .object({
        cancelDeadlineMinutes: z.number().int().min(0).max(72 * 60).optional(),
        autoCloseGraceMinutes: z.number().int().min(0).max(6 * 60).optional(),
      })
      .strict()
      .refine((v) => v.cancelDeadlineMinutes !== undefined || v.autoCloseGraceMinutes !== undefined, { message: '没有要修改的内容' }),
    roles: ['admin'],
    summary: '文明办设置取消截止时间与自动签退宽限',
  }),
}

export const VOLUNTEER_ERRORS = {
  'VOLUNTEER.PROFILE_REQUIRED': '请先完成志愿者实名登记',
  'VOLUNTEER.ID_NUMBER_INVALID': '身份证号码校验不通过，请核对后重新填写',
  'VOLUNTEER.TEXT_REJECTED': '内容包含不适宜的信息，请修改后再试',
  'VOLUNTEER.IMAGE_REJECTED': '封面图片未通过内容安全检测，请更换',
  'VOLUNTEER.ACTIVITY_NOT_FOUND': '活动不存在或已删除',
  'VOLUNTEER.ACTIVITY_CANCELLED': '活动已取消',
  'VOLUNTEER.SHIFT_NOT_FOUND': '班次不存在',
  'VOLUNTEER.SHIFT_CANCELLED': '班次已取消',
  'VOLUNTEER.SHIFT_STARTED': '班次已开始，不能再报名',
  'VOLUNTEER.SHIFT_ENDED': '班次已结束',
  'VOLUNTEER.SHIFT_INVALID': '班次时间不合理：时长须在 30 分钟到 12 小时之间，且开始时间晚于现在',
  'VOLUNTEER.SHIFT_LIMIT': '一个活动最多 30 个班次',
  'VOLUNTEER.CAPACITY_BELOW_TAKEN': '名额不能少于已报名人数',
  'VOLUNTEER.SHIFT_TIME_LOCKED': '已有人签到的班次不能修改时间',
  'VOLUNTEER.ALREADY_SIGNED_UP': '您已报名或候补该班次',
  'VOLUNTEER.LATE_CANCELLED': '您已在截止时间后取消过该班次，不能再次报名',
  'VOLUNTEER.OVERLAP': '该班次与您已报名的班次时间冲突',
  'VOLUNTEER.BUSY': '您的上一个操作还在处理中，请稍后重试',
  'VOLUNTEER.SIGNUP_NOT_FOUND': '没有找到这条报名记录',
  'VOLUNTEER.NOT_CANCELLABLE': '已签到的班次不能取消',
  'VOLUNTEER.NOT_SIGNED_UP': '您没有报名这个班次（候补未递补时不能签到）',
  'VOLUNTEER.ALREADY_CHECKED_IN': '您已签到',
  'VOLUNTEER.NOT_CHECKED_IN': '您还没有签到',
  'VOLUNTEER.ALREADY_CHECKED_OUT': '您已签退',
  'VOLUNTEER.CHECK_IN_NOT_OPEN': '还没到签到时间',
  'VOLUNTEER.CHECK_IN_CLOSED': '签到时间已过',
  'VOLUNTEER.CHECK_OUT_CLOSED': '签退时间已过，系统已按班次结束时间自动签退',
  'VOLUNTEER.CODE_INVALID': '签到码不正确，请核对组织者手机上的签到码',
  'VOLUNTEER.CODE_EXPIRED': '签到码已过期，请扫描组织者手机上正在显示的签到码',
  'VOLUNTEER.CODE_WRONG_SHIFT': '这是其他班次的签到码，请核对班次',
  'VOLUNTEER.TOO_MANY_ATTEMPTS': '签到码错误次数过多，请稍后再试或使用定位签到',
  'VOLUNTEER.OUTSIDE_GEOFENCE': '您不在活动签到范围内',
  'VOLUNTEER.NOT_TEAM_ORGANIZER': '您不是该活动所属队伍的组织者',
  'VOLUNTEER.NOT_ADJUSTABLE': '该记录当前不能调整时长',
  'VOLUNTEER.ADJUST_OVER_LIMIT': '调整后的时长超过了班次可计入的时长',
  'VOLUNTEER.ADJUST_TOO_SHORT': '不足 15 分钟的服务不计时长：请填写 0 或至少 15 分钟',
  'VOLUNTEER.NOTHING_TO_CONFIRM': '没有可确认的记录（需已签退或自动签退）',
  'VOLUNTEER.NO_CONFIRMED_HOURS': '还没有已确认的服务时长，暂不能生成服务证明',
  'VOLUNTEER.CERTIFICATE_NOT_FOUND': '没有找到这份服务证明，请核对查验码',
} as const

export type VolunteerErrorCode = keyof typeof VOLUNTEER_ERRORS
