import { POINTS_RULES, pointsFor, type PointsRuleId } from '@/shared/points-rules'
import { DatabaseError, DOCUMENT_NOT_FOUND, DUPLICATE_KEY, type Command, type Transaction } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import { shanghaiDay } from '../quiz/rules'
import { applyRuleOverride, POINTS_OVERRIDES, type PointsRuleOverrideDoc } from '../settings/points-overrides'
import { ensureUser } from '../user/profile'
import { ledgerId, type LedgerDoc } from './index'

/**
 * Earning by the rules of src/shared/points-rules.ts: the ledger entry, the balance and the
 * person's daily count for the rule move together in one transaction, so a cap cannot be passed
 * by two awards at once and an award is never half written.
 */
export interface Earning {
  openid: string
  rule: PointsRuleId
  /** the ledger key within the person's ledger: a source earns once */
  sourceId: string
  /** occurrences, or minutes for an hourly rule */
  units?: number
  refId?: string
}

export type EarnOutcome =
  | { earned: true; delta: number }
  /** `already`: the source has earned before; `capped`: the day's cap is reached; `zero`: too little to earn */
  | { earned: false; why: 'already' | 'capped' | 'zero' | 'no-profile' }

/** `points_daily`: one document per person, rule and Beijing day, with what that rule earned. */
interface DailyDoc {
  _id: string
  openid: string
  reason: string
  day: string
  earned: number
}

export const dailyCounterId = (openid: string, reason: string, day: string) => `${openid}:${reason}:${day}`

export async function txFind<T>(tx: Transaction, collection: string, id: string): Promise<T | null> {
  try {
    return (await tx.collection(collection).doc(id).get()).data as unknown as T
  } catch (error) {
    if (error instanceof DatabaseError && error.code === DOCUMENT_NOT_FOUND) return null
    throw error
  }
}

/**
 * Earns inside a transaction the caller already holds (a report transition earns in the same
 * transaction that moves the report, so the two cannot disagree). Reads everything first, then
 * writes; a person without a profile (they deleted their data) earns nothing.
 */
export async function earnInTransaction(tx: Transaction, _: Command, earning: Earning, now: number): Promise<EarnOutcome> {
  // the office's points and cap for this rule (设置 → 积分规则), read in the same transaction as the counter
  const rule = applyRuleOverride(POINTS_RULES[earning.rule], await txFind<PointsRuleOverrideDoc>(tx, POINTS_OVERRIDES, POINTS_RULES[earning.rule].reason))
  const id = ledgerId(earning.openid, earning.sourceId)
  if (await txFind<LedgerDoc>(tx, 'points_ledger', id)) return { earned: false, why: 'already' }
  if (!(await txFind<{ _id: string }>(tx, 'users', earning.openid))) return { earned: false, why: 'no-profile' }
  const day = shanghaiDay(now)
  const counterId = dailyCounterId(earning.openid, rule.reason, day)
  const counter = await txFind<DailyDoc>(tx, 'points_daily', counterId)
  const full = pointsFor(rule, earning.units ?? 1)
  if (full <= 0) return { earned: false, why: 'zero' }
  const soFar = counter?.earned ?? 0
  const delta = Math.min(full, rule.dailyCap - soFar)
  if (delta <= 0) return { earned: false, why: 'capped' }

  const entry: LedgerDoc = { _id: id, openid: earning.openid, delta, reason: rule.reason, sourceId: earning.sourceId, refId: earning.refId ?? null, at: now }
  await tx.collection('points_ledger').add({ data: { ...entry } })
  const daily: DailyDoc = { _id: counterId, openid: earning.openid, reason: rule.reason, day, earned: soFar + delta }
  await tx.collection('points_daily').doc(counterId).set({ data: { ...daily } })
  await tx.collection('users').doc(earning.openid).update({ data: { points: _.inc(delta), pointsUpdatedAt: now } })
  return { earned: true, delta }
}

/**
 * Earns in a transaction of its own. `createProfile` is for people who are acting now (a reader,
 * a volunteer whose hours are confirmed); a report's reporter is only credited while their
 * profile exists. A concurrent award of the same source loses on the ledger key and changes nothing.
 */
export async function earnPoints(ctx: ActionContext, earning: Earning, options: { createProfile: boolean }): Promise<EarnOutcome> {
  if (options.createProfile) await ensureUser({ ...ctx, caller: { openid: earning.openid } })
  const now = ctx.clock.now()
  try {
    return await ctx.db.runTransaction((tx) => earnInTransaction(tx, ctx.db.command, earning, now))
  } catch (error) {
    if (error instanceof DatabaseError && error.code === DUPLICATE_KEY) return { earned: false, why: 'already' }
    throw error
  }
}
