import { z } from 'zod'
import { NOTIFY_LIMITS, NOTIFY_PURPOSES, type NotifyAudience, type NotifyField, type NotifyPurpose } from '../notify'
import { returns } from './define'

/**
 * 订阅消息: residents' consents become credits (one per accepted template), the server spends one
 * credit per message, and the office configures which WeChat template each purpose uses.
 */
export type { NotifyAudience, NotifyField, NotifyFieldKind, NotifyPurpose } from '../notify'
export { NOTIFY_FIELD_KINDS, NOTIFY_KIND_RULE, NOTIFY_LIMITS, NOTIFY_PURPOSE_LABEL, NOTIFY_PURPOSES, NOTIFY_SPEC, NOTIFY_SPECS } from '../notify'

/** Where a purpose's template id comes from: the office's setting, the environment, or the local placeholder. */
export type TemplateSource = 'office' | 'env' | 'placeholder' | 'none'

export interface NotifyTemplateView {
  purpose: NotifyPurpose
  label: string
  when: string
  audience: NotifyAudience
  fields: NotifyField[]
  /** null: not configured — nothing of this purpose is asked for or sent */
  templateId: string | null
  source: TemplateSource
  /** the configuration variable the deployment sets (README, 环境变量) */
  envVar: string
  /** the id configuration gives, shown beside an office override */
  configuredId: string | null
}

export interface NotifyTemplatesView {
  items: NotifyTemplateView[]
}

/** What the client passes to wx.requestSubscribeMessage for each purpose (configured ones only). */
export interface NotifyTemplateIdsView {
  items: Array<{ purpose: NotifyPurpose; templateId: string }>
}

export interface NotifyCreditsView {
  /** unused credits for each purpose's current template */
  items: Array<{ purpose: NotifyPurpose; label: string; credits: number }>
}

export interface NotifyConsentView {
  /** credits added by this answer (refused, unknown-template and over-the-cap grants add none) */
  added: number
  credits: NotifyCreditsView['items']
}

export type OutboxOutcome = 'sent' | 'failed' | 'skipped-no-credit' | 'skipped-no-template'

export interface OutboxEntryView {
  outboxId: string
  at: number
  purpose: NotifyPurpose
  purposeLabel: string
  /** who it was for, as a kind: the outbox never names the person (a reporter may be anonymous) */
  audience: NotifyAudience
  outcome: OutboxOutcome
  templateId: string | null
  page: string
  /** the values after cutting to the fields' rules: exactly what went (or would have gone) to WeChat */
  data: Record<string, string>
  /** WeChat's answer when it failed (errCode or error name) */
  error: string | null
}

export interface OutboxPageView {
  items: OutboxEntryView[]
  nextCursor: string | null
}

const purpose = z.enum(NOTIFY_PURPOSES, { message: '通知类型不存在' })
const templateId = z
  .string()
  .trim()
  .min(1, '请填写模板 ID')
  .max(NOTIFY_LIMITS.templateIdMax, '模板 ID 过长')
  .regex(/^[A-Za-z0-9_-]+$/, '模板 ID 只含字母、数字、- 和 _')

export const notifyActions = {
  templateIds: returns<NotifyTemplateIdsView>()({
    input: z.object({ purposes: z.array(purpose).min(1).max(NOTIFY_PURPOSES.length).optional() }).strict(),
    roles: ['resident'],
    summary: '小程序请求订阅时所用的模板 ID（仅已配置的通知类型）',
  }),
  consent: returns<NotifyConsentView>()({
    input: z
      .object({
        grants: z
          .array(z.object({ purpose, templateId, accepted: z.boolean() }).strict())
          .min(1, '没有订阅结果')
          .max(NOTIFY_PURPOSES.length),
      })
      .strict(),
    roles: ['resident'],
    summary: '记录 wx.requestSubscribeMessage 的结果：每个“允许”记一次可发送额度',
  }),
  credits: returns<NotifyCreditsView>()({
    input: z.object({}).strict(),
    roles: ['resident'],
    summary: '我在每种通知上剩余的可发送次数',
  }),
  templates: returns<NotifyTemplatesView>()({
    input: z.object({}).strict(),
    roles: ['admin'],
    summary: '文明办查看每种通知：名称、字段、模板 ID 及其来源',
  }),
  setTemplate: returns<NotifyTemplateView>()({
    input: z.object({ purpose, templateId: templateId.nullable() }).strict(),
    roles: ['admin'],
    summary: '文明办设定某种通知的模板 ID（null 恢复为部署配置；留审计）',
  }),
  outbox: returns<OutboxPageView>()({
    input: z.object({ purpose: purpose.optional(), cursor: z.string().max(100).optional() }).strict(),
    roles: ['admin'],
    summary: '已发送（或本地环境下将会发送）的订阅消息及跳过的原因，最新的在前，每页 20 条',
  }),
}

export const NOTIFY_ERRORS = {
  'NOTIFY.BAD_CURSOR': '翻页参数无效，请从第一页重新查看',
} as const

export type NotifyErrorCode = keyof typeof NOTIFY_ERRORS
