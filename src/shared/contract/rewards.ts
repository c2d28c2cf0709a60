import { z } from 'zod'
import { fileId, id, noInput, shortText } from './common'
import { returns } from './define'

/** 积分兑换: rewards the office lists, redemptions residents make, codes a verifier marks collected. */
export type RewardStatus = 'active' | 'withdrawn'

export interface RewardView {
  rewardId: string
  name: string
  pictureFileId: string | null
  points: number
  stock: number
  validFrom: number
  validTo: number
  pickupPlace: string
  status: RewardStatus
  /** inside its validity and not withdrawn: a resident may redeem it now (stock permitting) */
  redeemable: boolean
}

export interface RewardPage {
  items: RewardView[]
  nextOffset: number | null
  /** the caller's balance, so the list can say what is within reach */
  balance: number
}

export interface RedemptionView {
  redemptionId: string
  rewardId: string
  rewardName: string
  points: number
  /** the one-time code, shown to the verifier (8 characters, no look-alike letters) */
  code: string
  pickupPlace: string
  status: 'issued' | 'collected'
  createdAt: number
  collectedAt: number | null
}

export interface RedemptionPage {
  items: RedemptionView[]
  nextOffset: number | null
}

export interface RedeemResultView {
  redemption: RedemptionView
  balance: number
}

export interface VerifyResultView {
  /** false: the code was collected before, at `collectedAt` — nothing changed now */
  collectedNow: boolean
  collectedAt: number
  rewardName: string
  points: number
}

/** Characters of a code: digits and capitals without 0/O, 1/I/L, so it reads out and types back. */
export const REDEEM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const REDEEM_CODE_LENGTH = 8

export const REWARD_LIMITS = { nameMax: 30, placeMax: 60, pointsMax: 100_000, stockMax: 100_000, pageSize: 20 } as const

const ms = z.number().int().min(0)
const points = z.number().int().min(1).max(REWARD_LIMITS.pointsMax)
const code = z
  .string()
  .trim()
  .max(20)
  // people type codes in lower case and with spaces or a dash; the stored code has neither
  .transform((v) => v.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().length(REDEEM_CODE_LENGTH, '核销码为 8 位').regex(new RegExp(`^[${REDEEM_CODE_ALPHABET}]+$`), '核销码格式不正确'))
const offset = z.number().int().min(0).max(10_000).optional()

const rewardFields = {
  name: shortText(REWARD_LIMITS.nameMax),
  pictureFileId: fileId.optional(),
  points,
  validFrom: ms,
  validTo: ms,
  pickupPlace: shortText(REWARD_LIMITS.placeMax),
}

export const rewardsActions = {
  list: returns<RewardPage>()({
    input: z.object({ offset }).strict(),
    roles: ['resident'],
    summary: '居民查看可兑换的奖品（有效期内、未下架），附自己的积分余额',
  }),
  myRedemptions: returns<RedemptionPage>()({
    input: z.object({ offset }).strict(),
    roles: ['resident'],
    summary: '我的兑换记录与核销码',
  }),
  redeem: returns<RedeemResultView>()({
    input: z.object({ rewardId: id, requestId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/) }).strict(),
    roles: ['resident'],
    summary: '兑换一件奖品：扣积分、减库存、发核销码（同一 requestId 重试返回同一兑换，不重复扣分）',
  }),
  createReward: returns<RewardView>()({
    input: z.object({ ...rewardFields, stock: z.number().int().min(0).max(REWARD_LIMITS.stockMax) }).strict(),
    roles: ['admin'],
    summary: '文明办上架奖品（名称、图片、所需积分、库存、有效期、领取地点）',
  }),
  updateReward: returns<RewardView>()({
    input: z
      .object({
        rewardId: id,
        name: rewardFields.name.optional(),
        pictureFileId: fileId.nullable().optional(),
        points: points.optional(),
        validFrom: ms.optional(),
        validTo: ms.optional(),
        pickupPlace: rewardFields.pickupPlace.optional(),
        /** added to (or, negative, taken from) the stock left; the stock never goes below zero */
        addStock: z.number().int().min(-REWARD_LIMITS.stockMax).max(REWARD_LIMITS.stockMax).optional(),
      })
      .strict(),
    roles: ['admin'],
    summary: '文明办修改奖品信息，或增减库存',
  }),
  withdraw: returns<RewardView>()({
    input: z.object({ rewardId: id }).strict(),
    roles: ['admin'],
    summary: '文明办下架奖品：不能再兑换，已发出的核销码仍可领取',
  }),
  verify: returns<VerifyResultView>()({
    input: z.object({ code }).strict(),
    roles: ['verifier', 'admin'],
    summary: '核销员或文明办核销兑换码（每个码只能核销一次）',
  }),
  rules: returns<PointsRulesView>()({
    input: noInput,
    roles: ['resident'],
    summary: '积分规则：每种获取方式的分值与每日上限',
  }),
}

export interface PointsRulesView {
  rules: Array<{ reason: string; label: string; points: number; per: 'each' | 'hour'; dailyCap: number; how: string }>
}

export const REWARDS_ERRORS = {
  'REWARDS.NOT_FOUND': '奖品不存在或已下线',
  'REWARDS.WITHDRAWN': '该奖品已下架，不能兑换',
  'REWARDS.NOT_OPEN': '该奖品尚未开始兑换',
  'REWARDS.EXPIRED': '该奖品已过兑换期限',
  'REWARDS.OUT_OF_STOCK': '该奖品已兑完',
  'REWARDS.INSUFFICIENT_POINTS': '您的文明积分不足，无法兑换',
  'REWARDS.BAD_VALIDITY': '结束时间须晚于开始时间',
  'REWARDS.STOCK_NEGATIVE': '减少的数量超过了剩余库存',
  'REWARDS.CODE_NOT_FOUND': '核销码不存在，请核对后重新输入',
} as const

export type RewardsErrorCode = keyof typeof REWARDS_ERRORS
