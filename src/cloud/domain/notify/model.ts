import { randomBytes } from 'node:crypto'
import type { NotifyAudience, NotifyPurpose, OutboxOutcome } from '@/shared/contract/notify'

/** The collections of this area (declared in platform/collections.ts). */
export const N = {
  credits: 'notify_credits',
  templates: 'notify_templates',
  outbox: 'notify_outbox',
  marks: 'notify_marks',
} as const

/**
 * One accepted consent: WeChat lets the server send one message of `templateId` to `openid`.
 * A credit is for the template the person agreed to; when the office changes the template of a
 * purpose, older credits no longer count (WeChat would refuse them).
 */
export interface CreditDoc {
  _id: string
  openid: string
  purpose: NotifyPurpose
  templateId: string
  grantedAt: number
  /** set once, by a conditional update: a credit is spent by exactly one send */
  usedAt: number | null
}

/** The office's template id for a purpose (`_id` is the purpose). */
export interface TemplateOverrideDoc {
  _id: NotifyPurpose
  templateId: string
  updatedAt: number
}

/**
 * One send or skip. It names no person: a reporter may be anonymous, and the page of a report
 * message carries the report's id, so a recipient here would link the two.
 */
export interface OutboxDoc {
  _id: string
  at: number
  purpose: NotifyPurpose
  audience: NotifyAudience
  outcome: OutboxOutcome
  templateId: string | null
  page: string
  data: Record<string, string>
  error: string | null
}

let sequence = 0
/**
 * Sorts by time as a string (newest first is `_id` descending): the milliseconds, a per-instance
 * counter (entries of one millisecond keep their order), then a random tail for other instances.
 */
export function outboxId(at: number): string {
  sequence = (sequence + 1) % 36 ** 4
  return `${String(at).padStart(15, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(3).toString('hex')}`
}

export const creditId = () => randomBytes(10).toString('hex')
