import { createHash, randomBytes, randomInt } from 'node:crypto'
import {
  REDEEM_CODE_ALPHABET,
  REDEEM_CODE_LENGTH,
  REWARD_LIMITS,
  REWARDS_ERRORS,
  type PointsRulesView,
  type RedeemResultView,
  type RedemptionPage,
  type RedemptionView,
  type RewardPage,
  type RewardsErrorCode,
  type RewardStatus,
  type RewardView,
  type VerifyResultView,
} from '@/shared/contract/rewards'
import { fail, type Fail } from '@/shared/errors'
import { REDEEM_REASON } from '@/shared/points-rules'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { ledgerId, type LedgerDoc } from '../points'
import { txFind } from '../points/earn'
import { ensureUser, type UserDoc } from '../user/profile'
import { rulesInForce } from '../settings/points-overrides'

const rewardsFail = (code: RewardsErrorCode): Fail => fail(code, REWARDS_ERRORS[code])

interface RewardDoc {
  _id: string
  name: string
  pictureFileId: string | null
  points: number
  /** what is left to redeem, decremented in the redeeming transaction */
  stock: number
  redeemed: number
  validFrom: number
  validTo: number
  pickupPlace: string
  status: RewardStatus
  createdAt: number
  updatedAt: number
}

interface RedemptionDoc {
  _id: string
  openid: string
  rewardId: string
  rewardName: string
  points: number
  code: string
  pickupPlace: string
  status: 'issued' | 'collected'
  createdAt: number
  collectedAt: number | null
  collectedBy: string | null
}

/** Derived from (person, requestId) so a retried redeem finds the first; hashed so the id carries no openid. */
const redemptionId = (openid: string, requestId: string) => `rd${createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 30)}`

function newCode(): string {
  return Array.from({ length: REDEEM_CODE_LENGTH }, () => REDEEM_CODE_ALPHABET[randomInt(REDEEM_CODE_ALPHABET.length)]).join('')
}

function openState(reward: RewardDoc, now: number): RewardsErrorCode | null {
  if (reward.status === 'withdrawn') return 'REWARDS.WITHDRAWN'
  if (now < reward.validFrom) return 'REWARDS.NOT_OPEN'
  if (now > reward.validTo) return 'REWARDS.EXPIRED'
  return null
}

function toRewardView(r: RewardDoc, now: number): RewardView {
  return {
    rewardId: r._id,
    name: r.name,
    pictureFileId: r.pictureFileId,
    points: r.points,
    stock: r.stock,
    validFrom: r.validFrom,
    validTo: r.validTo,
    pickupPlace: r.pickupPlace,
    status: r.status,
    redeemable: openState(r, now) === null,
  }
}

function toRedemptionView(d: RedemptionDoc): RedemptionView {
  return {
    redemptionId: d._id,
    rewardId: d.rewardId,
    rewardName: d.rewardName,
    points: d.points,
    code: d.code,
    pickupPlace: d.pickupPlace,
    status: d.status,
    createdAt: d.createdAt,
    collectedAt: d.collectedAt,
  }
}

/** Rewards still to be had (not withdrawn, not past their end), soonest to end first; upcoming ones say so. */
export async function listRewards(input: { offset?: number }, ctx: ActionContext): Promise<RewardPage> {
  const now = ctx.clock.now()
  const offset = input.offset ?? 0
  const _ = ctx.db.command
  const [user, { data }] = await Promise.all([
    ensureUser(ctx),
    ctx.db
      .collection('rewards')
      .where({ status: 'active', validTo: _.gte(now) })
      .orderBy('validTo', 'asc')
      .skip(offset)
      .limit(REWARD_LIMITS.pageSize + 1)
      .get(),
  ])
  const docs = data as unknown as RewardDoc[]
  return {
    items: docs.slice(0, REWARD_LIMITS.pageSize).map((r) => toRewardView(r, now)),
    nextOffset: docs.length > REWARD_LIMITS.pageSize ? offset + REWARD_LIMITS.pageSize : null,
    balance: user.points,
  }
}

export async function myRedemptions(input: { offset?: number }, ctx: ActionContext): Promise<RedemptionPage> {
  const offset = input.offset ?? 0
  const { data } = await ctx.db
    .collection('reward_redemptions')
    .where({ openid: ctx.caller.openid })
    .orderBy('createdAt', 'desc')
    .skip(offset)
    .limit(REWARD_LIMITS.pageSize + 1)
    .get()
  const docs = data as unknown as RedemptionDoc[]
  return {
    items: docs.slice(0, REWARD_LIMITS.pageSize).map(toRedemptionView),
    nextOffset: docs.length > REWARD_LIMITS.pageSize ? offset + REWARD_LIMITS.pageSize : null,
  }
}

/** An expected refusal inside the transaction: thrown to roll it back, turned into a Fail outside. */
class Refused extends Error {
  constructor(readonly code: RewardsErrorCode) {
    super(code)
  }
}

/**
 * Redeems one reward in one transaction: the stock must be above zero and the balance at least
 * the cost, as read in the transaction (inside a transaction the cloud allows only document
 * operations, so the read is the condition; the transaction fails on a concurrent write of the
 * same documents, and locally transactions run one at a time). Then stock −1, balance −cost, a
 * ledger entry, the code and the redemption are written together, or nothing is.
 * A retry with the same requestId returns the first redemption and charges nothing.
 */
export async function redeem(input: { rewardId: string; requestId: string }, ctx: ActionContext): Promise<RedeemResultView | Fail> {
  const { openid } = ctx.caller
  const id = redemptionId(openid, input.requestId)
  const done = await findById<RedemptionDoc>(ctx.db, 'reward_redemptions', id)
  if (done) return { redemption: toRedemptionView(done), balance: (await ensureUser(ctx)).points }
  await ensureUser(ctx)
  const _ = ctx.db.command

  // a fresh code is drawn per attempt: a clash with an existing code (duplicate key) retries
  for (let attempt = 0; attempt < 5; attempt++) {
    const now = ctx.clock.now()
    const code = newCode()
    try {
      const outcome = await ctx.db.runTransaction(async (tx) => {
        const first = await txFind<RedemptionDoc>(tx, 'reward_redemptions', id)
        if (first) return { doc: first, balance: (await txFind<UserDoc>(tx, 'users', openid))?.points ?? 0 }
        const reward = await txFind<RewardDoc>(tx, 'rewards', input.rewardId)
        if (!reward) throw new Refused('REWARDS.NOT_FOUND')
        const closed = openState(reward, now)
        if (closed) throw new Refused(closed)
        if (reward.stock <= 0) throw new Refused('REWARDS.OUT_OF_STOCK')
        const user = await txFind<UserDoc>(tx, 'users', openid)
        if (!user || user.points < reward.points) throw new Refused('REWARDS.INSUFFICIENT_POINTS')

        const doc: RedemptionDoc = {
          _id: id,
          openid,
          rewardId: reward._id,
          rewardName: reward.name,
          points: reward.points,
          code,
          pickupPlace: reward.pickupPlace,
          status: 'issued',
          createdAt: now,
          collectedAt: null,
          collectedBy: null,
        }
        const entry: LedgerDoc = { _id: ledgerId(openid, `redeem:${id}`), openid, delta: -reward.points, reason: REDEEM_REASON, sourceId: `redeem:${id}`, refId: reward._id, at: now }
        await tx.collection('reward_codes').add({ data: { _id: code, redemptionId: id } })
        await tx.collection('rewards').doc(reward._id).update({ data: { stock: _.inc(-1), redeemed: _.inc(1), updatedAt: now } })
        await tx.collection('users').doc(openid).update({ data: { points: _.inc(-reward.points), pointsUpdatedAt: now } })
        await tx.collection('points_ledger').add({ data: { ...entry } })
        await tx.collection('reward_redemptions').add({ data: { ...doc } })
        return { doc, balance: user.points - reward.points }
      })
      return { redemption: toRedemptionView(outcome.doc), balance: outcome.balance }
    } catch (error) {
      if (error instanceof Refused) return rewardsFail(error.code)
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
      // either the code clashed (try another) or a concurrent retry of this redemption won
      const raced = await findById<RedemptionDoc>(ctx.db, 'reward_redemptions', id)
      if (raced) return { redemption: toRedemptionView(raced), balance: (await ensureUser(ctx)).points }
    }
  }
  throw new Error('redeem: no free code after 5 draws')
}

/**
 * Marks a code collected, once: a conditional update from `issued`. A second verify changes
 * nothing and says when it was collected.
 */
export async function verify(input: { code: string }, ctx: ActionContext): Promise<VerifyResultView | Fail> {
  const link = await findById<{ _id: string; redemptionId: string }>(ctx.db, 'reward_codes', input.code)
  const doc = link ? await findById<RedemptionDoc>(ctx.db, 'reward_redemptions', link.redemptionId) : null
  if (!doc) return rewardsFail('REWARDS.CODE_NOT_FOUND')
  const now = ctx.clock.now()
  const { stats } = await ctx.db
    .collection('reward_redemptions')
    .where({ _id: doc._id, status: 'issued' })
    .update({ data: { status: 'collected', collectedAt: now, collectedBy: ctx.caller.openid } })
  if (stats.updated === 1) {
    await writeAudit(ctx, { subjectType: 'reward_redemption', subjectId: doc._id, action: 'verify', detail: { rewardId: doc.rewardId } })
    return { collectedNow: true, collectedAt: now, rewardName: doc.rewardName, points: doc.points }
  }
  const current = await findById<RedemptionDoc>(ctx.db, 'reward_redemptions', doc._id)
  return { collectedNow: false, collectedAt: current?.collectedAt ?? now, rewardName: doc.rewardName, points: doc.points }
}

type RewardInput = { name: string; pictureFileId?: string; points: number; stock: number; validFrom: number; validTo: number; pickupPlace: string }

export async function createReward(input: RewardInput, ctx: ActionContext): Promise<RewardView | Fail> {
  if (input.validTo <= input.validFrom) return rewardsFail('REWARDS.BAD_VALIDITY')
  const now = ctx.clock.now()
  const doc: RewardDoc = {
    _id: `rw${randomBytes(10).toString('hex')}`,
    name: input.name,
    pictureFileId: input.pictureFileId ?? null,
    points: input.points,
    stock: input.stock,
    redeemed: 0,
    validFrom: input.validFrom,
    validTo: input.validTo,
    pickupPlace: input.pickupPlace,
    status: 'active',
    createdAt: now,
    updatedAt: now,
  }
  await ctx.db.collection('rewards').add({ data: { ...doc } })
  await writeAudit(ctx, { subjectType: 'reward', subjectId: doc._id, action: 'createReward', detail: { name: doc.name, points: doc.points, stock: doc.stock } })
  return toRewardView(doc, now)
}

type RewardPatch = {
  rewardId: string
  name?: string
  pictureFileId?: string | null
  points?: number
  validFrom?: number
  validTo?: number
  pickupPlace?: string
  addStock?: number
}

export async function updateReward(input: RewardPatch, ctx: ActionContext): Promise<RewardView | Fail> {
  const reward = await findById<RewardDoc>(ctx.db, 'rewards', input.rewardId)
  if (!reward) return rewardsFail('REWARDS.NOT_FOUND')
  if ((input.validTo ?? reward.validTo) <= (input.validFrom ?? reward.validFrom)) return rewardsFail('REWARDS.BAD_VALIDITY')
  const now = ctx.clock.now()
  const _ = ctx.db.command
  const changes: Record<string, unknown> = { updatedAt: now }
  for (const key of ['name', 'pictureFileId', 'points', 'validFrom', 'validTo', 'pickupPlace'] as const) {
    if (input[key] !== undefined) changes[key] = input[key]
  }
  const addStock = input.addStock ?? 0
  if (addStock !== 0) changes.stock = _.inc(addStock)
  // a stock change is relative and conditional, so it never races a redemption below zero
  const { stats } = await ctx.db
    .collection('rewards')
    .where(addStock < 0 ? { _id: reward._id, stock: _.gte(-addStock) } : { _id: reward._id })
    .update({ data: changes })
  if (stats.updated !== 1) return rewardsFail('REWARDS.STOCK_NEGATIVE')
  const detail: Record<string, string | number | boolean | null> = {}
  for (const [key, value] of Object.entries(input)) if (key !== 'rewardId' && (typeof value === 'string' || typeof value === 'number' || value === null)) detail[key] = value
  await writeAudit(ctx, { subjectType: 'reward', subjectId: reward._id, action: 'updateReward', detail })
  const updated = await findById<RewardDoc>(ctx.db, 'rewards', reward._id)
  return toRewardView(updated ?? reward, now)
}

export async function withdrawReward(input: { rewardId: string }, ctx: ActionContext): Promise<RewardView | Fail> {
  const reward = await findById<RewardDoc>(ctx.db, 'rewards', input.rewardId)
  if (!reward) return rewardsFail('REWARDS.NOT_FOUND')
  const now = ctx.clock.now()
  const { stats } = await ctx.db.collection('rewards').where({ _id: reward._id, status: 'active' }).update({ data: { status: 'withdrawn', updatedAt: now } })
  if (stats.updated === 1) await writeAudit(ctx, { subjectType: 'reward', subjectId: reward._id, action: 'withdraw', detail: { name: reward.name } })
  return toRewardView({ ...reward, status: 'withdrawn', updatedAt: now }, now)
}

/** The rules as the server awards them: the office's overrides (设置 → 积分规则) applied. */
export async function pointsRules(ctx: ActionContext): Promise<PointsRulesView> {
  const rules = await rulesInForce(ctx.db)
  return { rules: rules.map(({ rule: r }) => ({ reason: r.reason, label: r.label, points: r.points, per: r.per, dailyCap: r.dailyCap, how: r.how })) }
}
