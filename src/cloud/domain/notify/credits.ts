import {
  NOTIFY_LIMITS,
  NOTIFY_PURPOSE_LABEL,
  NOTIFY_PURPOSES,
  type NotifyConsentView,
  type NotifyCreditsView,
  type NotifyPurpose,
} from '@/shared/contract/notify'
import type { Platform } from '../../platform'
import type { ActionContext } from '../../runtime/context'
import { creditId, N, type CreditDoc } from './model'
import { resolveTemplates } from './templates'

const DAY_MS = 24 * 60 * 60 * 1000

function unused(platform: Platform, openid: string, purpose: NotifyPurpose, templateId: string) {
  return platform.db.collection(N.credits).where({ openid, purpose, templateId, usedAt: null })
}

async function creditsOf(platform: Platform, openid: string): Promise<NotifyCreditsView['items']> {
  const resolved = await resolveTemplates(platform, NOTIFY_PURPOSES)
  return Promise.all(
    NOTIFY_PURPOSES.map(async (purpose) => {
      const templateId = resolved.get(purpose)?.templateId
      const credits = templateId ? (await unused(platform, openid, purpose, templateId).count()).total : 0
      return { purpose, label: NOTIFY_PURPOSE_LABEL[purpose], credits }
    }),
  )
}

export async function credits(ctx: ActionContext): Promise<NotifyCreditsView> {
  return { items: await creditsOf(ctx, ctx.caller.openid) }
}

/**
 * What wx.requestSubscribeMessage answered: each accepted template becomes one credit. A grant
 * for a template other than the purpose's current one adds nothing (the client held a stale id;
 * WeChat would refuse a send under the new one), and so does one past the per-purpose cap.
 */
export async function consent(
  input: { grants: Array<{ purpose: NotifyPurpose; templateId: string; accepted: boolean }> },
  ctx: ActionContext,
): Promise<NotifyConsentView> {
  const openid = ctx.caller.openid
  const now = ctx.clock.now()
  // one dialog shows each template once: a purpose repeated in one answer counts once
  const accepted = new Map<NotifyPurpose, string>()
  for (const g of input.grants) if (g.accepted && !accepted.has(g.purpose)) accepted.set(g.purpose, g.templateId)
  const resolved = await resolveTemplates(ctx, [...accepted.keys()])
  let added = 0
  for (const [purpose, templateId] of accepted) {
    if (resolved.get(purpose)?.templateId !== templateId) continue
    const held = (await unused(ctx, openid, purpose, templateId).count()).total
    if (held >= NOTIFY_LIMITS.creditsPerPurpose) continue
    const doc: Omit<CreditDoc, '_id'> = { openid, purpose, templateId, grantedAt: now, usedAt: null }
    await ctx.db.collection(N.credits).add({ data: { _id: creditId(), ...doc } })
    added++
  }
  return { added, credits: await creditsOf(ctx, openid) }
}

/**
 * Spends one credit of the person for `templateId`, or says there is none. The spend is a
 * conditional update on `usedAt: null`, so two sends racing for one credit cannot both win it:
 * the loser moves on to the next credit, or finds none.
 */
export async function spendCredit(platform: Platform, openid: string, purpose: NotifyPurpose, templateId: string): Promise<string | null> {
  const now = platform.clock.now()
  for (let round = 0; round < 3; round++) {
    const { data } = await unused(platform, openid, purpose, templateId).orderBy('grantedAt', 'asc').limit(5).get()
    if (data.length === 0) return null
    for (const credit of data) {
      const { stats } = await platform.db
        .collection(N.credits)
        .where({ _id: credit._id, usedAt: null })
        .update({ data: { usedAt: now } })
      if (stats.updated === 1) return credit._id
    }
  }
  return null
}

/** Gives a credit back when WeChat refused for its own reasons (not because the person had none). */
export async function refundCredit(platform: Platform, id: string): Promise<void> {
  await platform.db.collection(N.credits).doc(id).update({ data: { usedAt: null } })
}

/** A cut-off `maxAgeDays` before now; the timer reads NOTIFY_CREDIT_MAX_AGE_DAYS when set. */
export function creditMaxAgeMs(): number {
  const configured = Number(process.env.NOTIFY_CREDIT_MAX_AGE_DAYS)
  const days = Number.isFinite(configured) && configured >= 1 ? configured : NOTIFY_LIMITS.creditMaxAgeDays
  return days * DAY_MS
}

const PAGE = 100
/** pages one run removes at most; the next run goes on from what is left (the query is the cursor) */
const PAGES_PER_RUN = 50

/** Removes documents of `collection` whose `field` is before `before`, a page at a time. */
async function dropOlder(platform: Platform, collection: string, field: string, before: number): Promise<number> {
  const _ = platform.db.command
  let removed = 0
  for (let page = 0; page < PAGES_PER_RUN; page++) {
    const { data } = await platform.db
      .collection(collection)
      .where({ [field]: _.lt(before) })
      .orderBy(field, 'asc')
      .limit(PAGE)
      .field({ _id: true })
      .get()
    if (data.length === 0) break
    const { stats } = await platform.db
      .collection(collection)
      .where({ _id: _.in(data.map((d) => d._id)) })
      .remove()
    removed += stats.removed
    if (data.length < PAGE) break
  }
  return removed
}

/**
 * Drops credits granted longer ago than the configured age (spent or not), and outbox entries and
 * reminder marks of the same age, so neither collection grows for ever. Removing what is already gone is nothing:
 * a second run, or two at once, change nothing more.
 */
export async function expireConsents(platform: Platform): Promise<{ credits: number; outbox: number }> {
  const before = platform.clock.now() - creditMaxAgeMs()
  const credits = await dropOlder(platform, N.credits, 'grantedAt', before)
  const outbox = await dropOlder(platform, N.outbox, 'at', before)
  // a reminder's mark only matters until its shift is over; half a year on it is only weight
  const marks = await dropOlder(platform, N.marks, 'at', before)
  if (credits || outbox || marks) platform.log.info('notify: expired consents', { credits, outbox, marks })
  return { credits, outbox }
}
