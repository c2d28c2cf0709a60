/**
 * How 文明积分 are earned, as data: the server awards by these rows and the 积分规则 page shows
 * the same rows, so what people read is what the server does. No zod here: the page imports it.
 *
 * A daily cap counts per person, per rule, per Beijing day; an award that would pass the cap is cut
 * to what is left of it (and nothing once it is reached).
 */
export interface PointsRule {
  /** the ledger reason code */
  reason: string
  label: string
  /** points per unit (`each`: per occurrence; `hour`: per confirmed hour, counted by the minute) */
  points: number
  per: 'each' | 'hour'
  dailyCap: number
  /** one sentence for the 积分规则 page */
  how: string
}

export const POINTS_RULES = {
  'report.accepted': {
    reason: 'report.accepted',
    label: '随手拍被受理',
    points: 5,
    per: 'each',
    dailyCap: 20,
    how: '网格员受理并派发您的随手拍后获得，每条只计一次；不予受理的不计分，匿名提交同样计分',
  },
  'praise.approved': {
    reason: 'praise.approved',
    label: '文明点赞被采纳',
    points: 3,
    per: 'each',
    dailyCap: 9,
    how: '您的文明点赞审核通过并公开后获得，每条只计一次',
  },
  'volunteer.hours': {
    reason: 'volunteer.hours',
    label: '志愿服务时长',
    points: 10,
    per: 'hour',
    dailyCap: 40,
    how: '组织者确认服务时长后，每小时 10 分（按分钟折算、取整），每条服务记录只计一次',
  },
  'handbook.chapter': {
    reason: 'handbook.chapter',
    label: '读完手册一章',
    points: 2,
    per: 'each',
    dailyCap: 10,
    how: '读完《市民文明手册》的一章后获得，每章只计一次',
  },
  'quiz.daily': {
    reason: 'quiz.daily',
    label: '每日一练',
    points: 1,
    per: 'each',
    dailyCap: 10,
    how: '每日一练每答对一题 1 分，每天只计第一次提交',
  },
} as const satisfies Record<string, PointsRule>

export type PointsRuleId = keyof typeof POINTS_RULES

/** Points a rule gives for `units` (occurrences, or minutes for an hourly rule), before the cap. */
export function pointsFor(rule: PointsRule, units = 1): number {
  return rule.per === 'hour' ? Math.floor((rule.points * units) / 60) : rule.points * units
}

/** The reason code of a redemption's deduction, and its label in the ledger. */
export const REDEEM_REASON = 'rewards.redeem'
export const REDEEM_LABEL = '积分兑换'
