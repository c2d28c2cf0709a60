import type { PointsLedgerPage } from '@/shared/contract/quiz'
import { POINTS_RULES, REDEEM_LABEL, REDEEM_REASON } from '@/shared/points-rules'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { ensureUser } from '../user/profile'

/**
 * 文明积分, shared by every area. The ledger (`points_ledger`) is the truth: one entry per change,
 * with its reason and source, never updated or removed; the balance is the sum of the ledger.
 * `users.points` is the same sum kept on write, in the same transaction as the entry, so a
 * profile or a leaderboard never has to add up the ledger.
 */
export interface LedgerDoc {
  /** `${openid}:${sourceId}`: the same source can change a person's points only once */
  _id: string
  openid: string
  delta: number
  /** a stable code, e.g. `quiz.daily`; its label is in POINTS_REASON_LABEL */
  reason: string
  sourceId: string
  /** the record that earned it (e.g. the quiz attempt), when the source is broader (a day) */
  refId: string | null
  at: number
}

export interface PointsAward {
  openid: string
  /** a non-zero integer; negative to take points back */
  delta: number
  reason: string
  /** idempotency key within the person's ledger: awarding the same source again changes nothing */
  sourceId: string
  refId?: string
}

/** What people read in their ledger for each reason code. Areas add theirs here. */
export const POINTS_REASON_LABEL: Record<string, string> = {
  ...Object.fromEntries(Object.values(POINTS_RULES).map((r) => [r.reason, r.label])),
  [REDEEM_REASON]: REDEEM_LABEL,
}

export const ledgerId = (openid: string, sourceId: string) => `${openid}:${sourceId}`

/**
 * Adds one ledger entry and moves `users.points` by the same delta, atomically. Idempotent by
 * (openid, sourceId): a retry, or a second award for the same source, returns `awarded: false`
 * and the entry that is already there.
 */
export async function awardPoints(ctx: ActionContext, award: PointsAward): Promise<{ awarded: boolean; entry: LedgerDoc }> {
  if (!Number.isInteger(award.delta) || award.delta === 0) throw new Error('awardPoints: delta must be a non-zero integer')
  const id = ledgerId(award.openid, award.sourceId)
  const already = await findById<LedgerDoc>(ctx.db, 'points_ledger', id)
  if (already) return { awarded: false, entry: already }

  // the profile may not exist yet when the points go to someone other than the caller
  await ensureUser({ ...ctx, caller: { openid: award.openid } })
  const now = ctx.clock.now()
  const entry: LedgerDoc = {
    _id: id,
    openid: award.openid,
    delta: award.delta,
    reason: award.reason,
    sourceId: award.sourceId,
    refId: award.refId ?? null,
    at: now,
  }
  const _ = ctx.db.command
  try {
    await ctx.db.runTransaction(async (tx) => {
      await tx.collection('points_ledger').add({ data: { ...entry } })
      const { stats } = await tx
        .collection('users')
        .doc(award.openid)
        .update({ data: { points: _.inc(award.delta), pointsUpdatedAt: now } })
      // throwing rolls the ledger entry back: the two never disagree
      if (stats.updated !== 1) throw new Error('awardPoints: the profile disappeared')
    })
    return { awarded: true, entry }
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    // a concurrent award of the same source won the race
    const raced = await findById<LedgerDoc>(ctx.db, 'points_ledger', id)
    if (!raced) throw error
    return { awarded: false, entry: raced }
  }
}

/** The caller's balance and a page of ledger entries, newest first. */
export async function myPointsLedger(ctx: ActionContext, offset: number, pageSize = 20): Promise<PointsLedgerPage> {
  const user = await ensureUser(ctx)
  const { data } = await ctx.db
    .collection('points_ledger')
    .where({ openid: ctx.caller.openid })
    .orderBy('at', 'desc')
    .skip(offset)
    .limit(pageSize + 1)
    .get()
  const entries = data.slice(0, pageSize) as unknown as LedgerDoc[]
  return {
    balance: user.points,
    items: entries.map((e) => ({
      delta: e.delta,
      reason: e.reason,
      reasonLabel: POINTS_REASON_LABEL[e.reason] ?? e.reason,
      sourceId: e.sourceId,
      at: e.at,
    })),
    nextOffset: data.length > pageSize ? offset + pageSize : null,
  }
}
