import { awardPoints } from '@/cloud/domain/points'
import type { ActionContext } from '@/cloud/runtime/context'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'

/** 积分兑换: stock and balance move together, a retry charges once, a code is collected once. */
let cloud: TestCloud
beforeEach(async () => {
  cloud = startTestCloud()
  expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: 'verifier-1', role: 'verifier' }))
})
afterEach(() => cloud.close())

const DAY = 24 * 60 * 60 * 1000
const ctxOf = (openid: string): ActionContext => ({ ...cloud.platform, caller: { openid }, grants: [], isAdmin: false })
const give = (openid: string, delta: number) => awardPoints(ctxOf(openid), { openid, delta, reason: 'quiz.daily', sourceId: `seed:${openid}` })

async function createReward(overrides: { stock?: number; points?: number; validFrom?: number; validTo?: number } = {}) {
  const now = cloud.clock.now()
  return expectOk(
    await cloud.as(TEST_ADMIN).call('rewards', 'createReward', {
      name: '文明帆布袋',
      points: 10,
      stock: 5,
      validFrom: now - DAY,
      validTo: now + 30 * DAY,
      pickupPlace: '文明路社区服务中心一楼',
      ...overrides,
    }),
  )
}

async function balance(openid: string) {
  return expectOk(await cloud.as(openid).call('user', 'me', {})).points
}

async function stockOf(rewardId: string) {
  return ((await cloud.platform.db.collection('rewards').doc(rewardId).get()).data as unknown as { stock: number }).stock
}

test('200 concurrent redemptions for 50 items leave exactly 50 codes, stock 0, and no one charged without a code', async () => {
  const reward = await createReward({ stock: 50, points: 10 })
  const people = Array.from({ length: 200 }, (_, i) => `resident-${i}`)
  for (const who of people) await give(who, 10)
  const results = await Promise.all(people.map((who, i) => cloud.as(who).call('rewards', 'redeem', { rewardId: reward.rewardId, requestId: `req-${i}-abcdef` })))
  const won = results.flatMap((r) => (r.ok ? [r.data] : []))
  expect(won).toHaveLength(50)
  expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'REWARDS.OUT_OF_STOCK')).toBe(true)
  expect(new Set(won.map((w) => w.redemption.code)).size).toBe(50)
  expect(await stockOf(reward.rewardId)).toBe(0)
  expect((await cloud.platform.db.collection('reward_codes').count()).total).toBe(50)
  for (const [i, who] of people.entries()) {
    expect({ who, balance: await balance(who) }).toEqual({ who, balance: results[i]?.ok ? 0 : 10 })
  }
})

test('a retried redemption (same requestId, even concurrently) returns the same code and charges once', async () => {
  const reward = await createReward({ points: 10 })
  await give('alice', 25)
  const tries = await Promise.all(Array.from({ length: 5 }, () => cloud.as('alice').call('rewards', 'redeem', { rewardId: reward.rewardId, requestId: 'req-alice-0001' })))
  const codes = new Set(tries.map((t) => expectOk(t).redemption.code))
  expect(codes.size).toBe(1)
  expect(await balance('alice')).toBe(15)
  expect(await stockOf(reward.rewardId)).toBe(4)
  expect(expectOk(await cloud.as('alice').call('rewards', 'myRedemptions', {})).items).toHaveLength(1)
})

test('a code verifies once; a second verify says when it was collected', async () => {
  const reward = await createReward()
  await give('alice', 10)
  const { redemption } = expectOk(await cloud.as('alice').call('rewards', 'redeem', { rewardId: reward.rewardId, requestId: 'req-alice-0001' }))
  const typed = `${redemption.code.slice(0, 4).toLowerCase()}-${redemption.code.slice(4)}`
  const first = expectOk(await cloud.as('verifier-1').call('rewards', 'verify', { code: typed }))
  expect(first).toMatchObject({ collectedNow: true, rewardName: '文明帆布袋' })
  cloud.clock.advance(60_000)
  const second = expectOk(await cloud.as(TEST_ADMIN).call('rewards', 'verify', { code: redemption.code }))
  expect(second).toEqual({ ...first, collectedNow: false })
  expect(expectOk(await cloud.as('alice').call('rewards', 'myRedemptions', {})).items[0]).toMatchObject({ status: 'collected', collectedAt: first.collectedAt })
  expect(await cloud.as('verifier-1').call('rewards', 'verify', { code: 'ZZZZ2222' })).toMatchObject({ ok: false, code: 'REWARDS.CODE_NOT_FOUND' })
})

test('too few points is refused and changes nothing', async () => {
  const reward = await createReward({ points: 10 })
  await give('alice', 9)
  expect(await cloud.as('alice').call('rewards', 'redeem', { rewardId: reward.rewardId, requestId: 'req-alice-0001' })).toMatchObject({
    ok: false,
    code: 'REWARDS.INSUFFICIENT_POINTS',
  })
  expect(await balance('alice')).toBe(9)
  expect(await stockOf(reward.rewardId)).toBe(5)
  expect((await cloud.platform.db.collection('reward_redemptions').count()).total).toBe(0)
  expect((await cloud.platform.db.collection('points_ledger').where({ openid: 'alice' }).count()).total).toBe(1)
})

test('expired, not yet open and withdrawn rewards refuse', async () => {
  await give('alice', 100)
  const now = cloud.clock.now()
  const expired = await createReward({ validFrom: now - 10 * DAY, validTo: now - DAY })
  const upcoming = await createReward({ validFrom: now + DAY, validTo: now + 10 * DAY })
  const withdrawn = await createReward()
  expectOk(await cloud.as(TEST_ADMIN).call('rewards', 'withdraw', { rewardId: withdrawn.rewardId }))
  const redeem = (rewardId: string) => cloud.as('alice').call('rewards', 'redeem', { rewardId, requestId: `req-${rewardId}` })
  expect(await redeem(expired.rewardId)).toMatchObject({ ok: false, code: 'REWARDS.EXPIRED' })
  expect(await redeem(upcoming.rewardId)).toMatchObject({ ok: false, code: 'REWARDS.NOT_OPEN' })
  expect(await redeem(withdrawn.rewardId)).toMatchObject({ ok: false, code: 'REWARDS.WITHDRAWN' })
  expect(await balance('alice')).toBe(100)
  const listed = expectOk(await cloud.as('alice').call('rewards', 'list', {}))
  expect(listed.items.map((i) => [i.rewardId, i.redeemable])).toEqual([[upcoming.rewardId, false]])
})

test('the office changes and withdraws rewards with an audit entry; stock never goes below zero', async () => {
  const reward = await createReward({ stock: 2 })
  expect(await cloud.as(TEST_ADMIN).call('rewards', 'updateReward', { rewardId: reward.rewardId, addStock: -3 })).toMatchObject({ ok: false, code: 'REWARDS.STOCK_NEGATIVE' })
  expect(expectOk(await cloud.as(TEST_ADMIN).call('rewards', 'updateReward', { rewardId: reward.rewardId, addStock: 3, name: '文明水杯' }))).toMatchObject({ stock: 5, name: '文明水杯' })
  expectOk(await cloud.as(TEST_ADMIN).call('rewards', 'withdraw', { rewardId: reward.rewardId }))
  const { data } = await cloud.platform.db.collection('audit_log').where({ subjectType: 'reward', subjectId: reward.rewardId }).limit(10).get()
  expect(data.map((d) => String(d.action)).sort()).toEqual(['createReward', 'updateReward', 'withdraw'])
})

test('roles: a resident can neither verify nor create; a verifier cannot create', async () => {
  const reward = await createReward()
  await give('alice', 10)
  const { redemption } = expectOk(await cloud.as('alice').call('rewards', 'redeem', { rewardId: reward.rewardId, requestId: 'req-alice-0001' }))
  expect(await cloud.as('alice').call('rewards', 'verify', { code: redemption.code })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  const input = { name: '奖品', points: 1, stock: 1, validFrom: 0, validTo: cloud.clock.now() + DAY, pickupPlace: '服务中心' }
  expect(await cloud.as('alice').call('rewards', 'createReward', input)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  expect(await cloud.as('verifier-1').call('rewards', 'createReward', input)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  expect(await cloud.as('verifier-1').call('rewards', 'withdraw', { rewardId: reward.rewardId })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  expect((await cloud.platform.db.collection('reward_redemptions').where({ status: 'collected' }).count()).total).toBe(0)
})

test('the points rules the 积分规则 page shows are the ones the server awards by', async () => {
  const { rules } = expectOk(await cloud.as('alice').call('rewards', 'rules', {}))
  expect(rules.map((r) => r.reason)).toEqual(expect.arrayContaining(['report.accepted', 'volunteer.hours', 'handbook.chapter', 'quiz.daily']))
  expect(rules.every((r) => r.dailyCap > 0 && r.points > 0)).toBe(true)
})
