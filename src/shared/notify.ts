/**
 * Subscribe messages (订阅消息, one-time templates): what each message is for, its WeChat template's
 * fields and their kinds. Zod-free so the mini-program can import it (the consent ask names the
 * purposes; the office's 通知模板 screen shows labels and fields).
 *
 * Template ids are configuration, not code: each purpose's id comes from its environment variable
 * (`envVar`, set on the cloud functions that send it), and the office may override it (setTemplate).
 * The local host stands the variable's name in as a placeholder id, so the outbox shows what would
 * have been sent.
 */
export const NOTIFY_PURPOSES = [
  'reportAccepted',
  'reportDispatched',
  'reportResolved',
  'reportRejected',
  'reportReopened',
  'reopenDecided',
  'rateReminder',
  'unitDispatched',
  'shiftReminder',
  'waitlistPromoted',
  'shiftCancelled',
  'shiftChanged',
  'familyReminder',
] as const
export type NotifyPurpose = (typeof NOTIFY_PURPOSES)[number]

/**
 * WeChat's field kinds (the part of the key before the digits: `thing2` is a `thing`). Each has a
 * rule the platform enforces; a value that breaks it fails the whole message (errcode 47003).
 */
export const NOTIFY_FIELD_KINDS = [
  'thing',
  'phrase',
  'time',
  'date',
  'character_string',
  'number',
  'letter',
  'symbol',
  'amount',
  'phone_number',
  'car_number',
  'name',
] as const
export type NotifyFieldKind = (typeof NOTIFY_FIELD_KINDS)[number]

/** The rule of each kind, in words, for the office's screen. */
export const NOTIFY_KIND_RULE: Record<NotifyFieldKind, string> = {
  thing: '20 个字以内',
  phrase: '5 个汉字或字母以内',
  time: '时间，如 2026-12-01 09:30',
  date: '日期，如 2026-12-01',
  character_string: '32 位以内数字、字母或 - _',
  number: '32 位以内数字',
  letter: '32 位以内字母',
  symbol: '5 位以内符号',
  amount: '金额，如 ¥12.50',
  phone_number: '17 位以内电话号码',
  car_number: '8 位以内车牌号',
  name: '10 个汉字或 20 个字母以内',
}

export interface NotifyField {
  /** the template's key, e.g. `thing2`; its kind is the part before the digits */
  key: string
  kind: NotifyFieldKind
  /** what the field says in the WeChat template (the office picks a template whose fields match) */
  label: string
}

/** Who receives a purpose's messages. */
export type NotifyAudience = 'reporter' | 'handler' | 'volunteer' | 'parent'

export interface NotifyPurposeSpec {
  purpose: NotifyPurpose
  /** the template's title as in WeChat's template library */
  label: string
  /** when it is sent, in words */
  when: string
  audience: NotifyAudience
  fields: readonly NotifyField[]
  /** the configuration variable holding the template id; locally also the placeholder id */
  envVar: string
}

const f = (key: string, label: string): NotifyField => ({ key, kind: key.replace(/\d+$/, '') as NotifyFieldKind, label })

export const NOTIFY_SPECS: readonly NotifyPurposeSpec[] = [
  {
    purpose: 'reportAccepted',
    label: '问题受理通知',
    when: '网格员受理了市民的随手拍',
    audience: 'reporter',
    fields: [f('character_string1', '工单编号'), f('thing2', '问题类型'), f('phrase3', '处理状态'), f('time4', '受理时间'), f('thing5', '温馨提示')],
    envVar: 'REPORT_ACCEPTED_TEMPLATE',
  },
  {
    purpose: 'reportDispatched',
    label: '办理进度通知',
    when: '随手拍派发到责任单位',
    audience: 'reporter',
    fields: [f('character_string1', '工单编号'), f('thing2', '问题类型'), f('thing3', '承办单位'), f('time4', '派发时间')],
    envVar: 'REPORT_DISPATCHED_TEMPLATE',
  },
  {
    purpose: 'reportResolved',
    label: '办结通知',
    when: '责任单位办结了随手拍',
    audience: 'reporter',
    fields: [f('character_string1', '工单编号'), f('thing2', '问题类型'), f('phrase3', '办理结果'), f('time4', '办结时间'), f('thing5', '备注')],
    envVar: 'REPORT_RESOLVED_TEMPLATE',
  },
  {
    purpose: 'reportRejected',
    label: '不予受理通知',
    when: '随手拍不予受理',
    audience: 'reporter',
    fields: [f('character_string1', '工单编号'), f('thing2', '问题类型'), f('thing3', '原因'), f('time4', '处理时间')],
    envVar: 'REPORT_REJECTED_TEMPLATE',
  },
  {
    purpose: 'reportReopened',
    label: '重新办理通知',
    when: '已办结的随手拍重新办理',
    audience: 'reporter',
    fields: [f('character_string1', '工单编号'), f('thing2', '问题类型'), f('thing3', '说明'), f('time4', '处理时间')],
    envVar: 'REPORT_REOPENED_TEMPLATE',
  },
  {
    purpose: 'reopenDecided',
    label: '重办申请结果',
    when: '网格员对市民的重办申请作出决定',
    audience: 'reporter',
    fields: [f('character_string1', '工单编号'), f('thing2', '问题类型'), f('phrase3', '处理结果'), f('thing4', '说明')],
    envVar: 'REPORT_REOPEN_DECIDED_TEMPLATE',
  },
  {
    purpose: 'rateReminder',
    label: '评价提醒',
    when: '办结后的评价期即将结束',
    audience: 'reporter',
    fields: [f('character_string1', '工单编号'), f('thing2', '问题类型'), f('time3', '截止时间'), f('thing4', '温馨提示')],
    envVar: 'REPORT_RATE_REMINDER_TEMPLATE',
  },
  {
    purpose: 'unitDispatched',
    label: '新工单提醒',
    when: '随手拍派发到本单位（发给单位的处置人员）',
    audience: 'handler',
    fields: [f('character_string1', '工单编号'), f('thing2', '问题类型'), f('thing3', '问题地点'), f('time4', '办理时限')],
    envVar: 'REPORT_UNIT_DISPATCHED_TEMPLATE',
  },
  {
    purpose: 'shiftReminder',
    label: '活动开始提醒',
    when: '志愿服务班次开始前 1 小时',
    audience: 'volunteer',
    fields: [f('thing1', '活动名称'), f('time2', '活动时间'), f('thing3', '活动地点'), f('thing4', '温馨提示')],
    envVar: 'VOLUNTEER_REMINDER_TEMPLATE',
  },
  {
    purpose: 'waitlistPromoted',
    label: '候补成功通知',
    when: '候补的志愿者获得名额',
    audience: 'volunteer',
    fields: [f('thing1', '活动名称'), f('time2', '活动时间'), f('thing3', '温馨提示')],
    envVar: 'VOLUNTEER_PROMOTED_TEMPLATE',
  },
  {
    purpose: 'shiftCancelled',
    label: '活动取消通知',
    when: '组织者取消了已报名的班次',
    audience: 'volunteer',
    fields: [f('thing1', '活动名称'), f('time2', '活动时间'), f('thing3', '取消原因')],
    envVar: 'VOLUNTEER_CANCELLED_TEMPLATE',
  },
  {
    purpose: 'shiftChanged',
    label: '活动变更通知',
    when: '已报名班次的时间或活动地点变更',
    audience: 'volunteer',
    fields: [f('thing1', '活动名称'), f('time2', '活动时间'), f('thing3', '变更内容')],
    envVar: 'VOLUNTEER_CHANGED_TEMPLATE',
  },
  {
    purpose: 'familyReminder',
    label: '家庭任务提醒',
    when: '班主任提醒本周还没完成家庭任务的家庭（小手拉大手）',
    audience: 'parent',
    fields: [f('thing1', '任务名称'), f('thing2', '完成情况'), f('thing3', '温馨提示')],
    // the name the family area used before it sent through notify: a configured id keeps working
    envVar: 'FAMILY_WEEKLY_REMINDER_TEMPLATE',
  },
]

export const NOTIFY_SPEC: Record<NotifyPurpose, NotifyPurposeSpec> = Object.fromEntries(NOTIFY_SPECS.map((s) => [s.purpose, s])) as Record<
  NotifyPurpose,
  NotifyPurposeSpec
>

export const NOTIFY_PURPOSE_LABEL: Record<NotifyPurpose, string> = Object.fromEntries(NOTIFY_SPECS.map((s) => [s.purpose, s.label])) as Record<
  NotifyPurpose,
  string
>

/** Purposes the client asks for at each natural tap (WeChat asks for at most 3 at once). */
export const CONSENT_MOMENTS = {
  /** 随手拍 submit and its confirmation screen */
  report: ['reportAccepted', 'reportResolved', 'reportRejected'],
  /** follow-ups a reporter may add on the detail page */
  reportProgress: ['reportDispatched', 'reportReopened', 'rateReminder'],
  /** the volunteer sign-up tap */
  signup: ['shiftReminder', 'waitlistPromoted', 'shiftCancelled'],
  /** a handler's task list */
  handler: ['unitDispatched'],
  /** 小手拉大手: a parent's 同意并加入 and each family task done */
  family: ['familyReminder'],
} as const satisfies Record<string, readonly NotifyPurpose[]>

// kept in its own file: the 随手拍 form in the main package asks for consent and needs only these
export { NOTIFY_LIMITS } from './notify-limits'
