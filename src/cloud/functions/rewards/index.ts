import { CONTRACT } from '@/shared/contract'
import { createReward, listRewards, myRedemptions, pointsRules, redeem, updateReward, verify, withdrawReward } from '../../domain/rewards'
import { defineFunction } from '../../runtime/define-function'

/** 积分兑换: the office's rewards, residents' redemptions with one-time codes, and 核销 by a verifier. */
export const rewardsFunction = defineFunction('rewards', CONTRACT.rewards, {
  list: (input, ctx) => listRewards(input, ctx),
  myRedemptions: (input, ctx) => myRedemptions(input, ctx),
  redeem: (input, ctx) => redeem(input, ctx),
  createReward: (input, ctx) => createReward(input, ctx),
  updateReward: (input, ctx) => updateReward(input, ctx),
  withdraw: (input, ctx) => withdrawReward(input, ctx),
  verify: (input, ctx) => verify(input, ctx),
  rules: (_input, ctx) => pointsRules(ctx),
})

export default rewardsFunction
