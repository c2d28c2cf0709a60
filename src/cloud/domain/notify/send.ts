import { NOTIFY_SPEC, type NotifyPurpose, type OutboxOutcome } from '@/shared/contract/notify'
import type { Platform } from '../../platform'
import { refundCredit, spendCredit } from './credits'
import { cutValues, type NotifyValues } from './cut'
import { N, outboxId, type OutboxDoc } from './model'
import { resolveTemplate } from './templates'

export type { NotifyValue, NotifyValues } from './cut'

/** WeChat's "the user has not subscribed" (43101): the credit was not really there. */
const NOT_SUBSCRIBED = 43101

function errorText(error: unknown): string {
  const code = (error as { errCode?: unknown } | null)?.errCode
  if (typeof code === 'number') return `errCode ${code}`
  return error instanceof Error ? error.name : 'unknown'
}

async function record(platform: Platform, doc: Omit<OutboxDoc, '_id'>): Promise<void> {
  await platform.db.collection(N.outbox).add({ data: { _id: outboxId(doc.at), ...doc } })
}

/**
 * Sends one subscribe message of `purpose` to `openid`, only if they hold a credit for the
 * purpose's current template, and records the send or the skip in the outbox. It never throws:
 * a message is news of a change that already happened, and must not undo or fail it.
 *
 * `values` are cut to the template's fields here; callers pass report numbers, categories, titles
 * and times — never who reported (the outbox and the message name no reporter).
 */
export async function notifyPerson(
  platform: Platform,
  openid: string,
  purpose: NotifyPurpose,
  page: string,
  values: NotifyValues,
): Promise<OutboxOutcome> {
  const spec = NOTIFY_SPEC[purpose]
  const at = platform.clock.now()
  let outcome: OutboxOutcome = 'failed'
  let templateId: string | null = null
  let error: string | null = null
  const data = cutValues(spec.fields, values, at)
  try {
    templateId = (await resolveTemplate(platform, purpose)).templateId
    if (!templateId) {
      outcome = 'skipped-no-template'
    } else {
      const credit = await spendCredit(platform, openid, purpose, templateId)
      if (!credit) {
        outcome = 'skipped-no-credit'
      } else {
        try {
          const body = Object.fromEntries(Object.entries(data).map(([k, value]) => [k, { value }]))
          await platform.openApi.sendSubscribeMessage({ touser: openid, templateId, page, data: body })
          outcome = 'sent'
        } catch (sendError) {
          error = errorText(sendError)
          const code = (sendError as { errCode?: unknown } | null)?.errCode
          if (code !== NOT_SUBSCRIBED) await refundCredit(platform, credit).catch(() => undefined)
        }
      }
    }
  } catch (unexpected) {
    error = errorText(unexpected)
  }
  if (outcome === 'failed') platform.log.error('subscribe message not sent', { purpose, error: error ?? 'unknown' })
  try {
    await record(platform, { at, purpose, audience: spec.audience, outcome, templateId, page, data, error })
  } catch (recordError) {
    platform.log.error('notify outbox not written', { purpose, error: errorText(recordError) })
  }
  return outcome
}

/** The same message to several people (a unit's handlers, a shift's volunteers), one at a time. */
export async function notifyPeople(
  platform: Platform,
  openids: Iterable<string>,
  purpose: NotifyPurpose,
  page: string,
  values: NotifyValues,
): Promise<void> {
  for (const openid of new Set(openids)) await notifyPerson(platform, openid, purpose, page, values)
}
