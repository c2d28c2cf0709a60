import { awardPoints } from '@/cloud/domain/points'
import type { ActionContext } from '@/cloud/runtime/context'
import { expectOk, type TestCloud } from '../support/cloud'
import { DAY, ledgerSum, startDaily, startQuizCloud, takeQuiz, userPoints } from './quiz-support'

/** The shared 文明积分 ledger (src/cloud/domain/points), as other areas will use it. */
let cloud: TestCloud
beforeEach(async () => {
  cloud = await startQuizCloud()
})
afterEach(() => cloud.close())

const ctxOf = (openid: string): ActionContext => ({ ...cloud.platform, caller: { openid }, grants: [], isAdmin: false })

test('an award is idempotent by source: the same source twice is one entry', async () => {
  const award = { openid: 'alice', delta: 5, reason: 'volunteer.hours', sourceId: 'shift-42' }
  expect((await awardPoints(ctxOf('organizer'), award)).awarded).toBe(true)
  expect((await awardPoints(ctxOf('organizer'), award)).awarded).toBe(false)
  expect(await ledgerSum(cloud, 'alice')).toBe(5)
  expect(await userPoints(cloud, 'alice')).toBe(5)
})

test('concurrent awards of one source write one entry and move the balance once', async () => {
  const award = { openid: 'alice', delta: 3, reason: 'quiz.daily', sourceId: 'quiz.daily:2026-11-25' }
  const outcomes = await Promise.all(Array.from({ length: 10 }, () => awardPoints(ctxOf('alice'), award)))
  expect(outcomes.filter((o) => o.awarded)).toHaveLength(1)
  expect(await ledgerSum(cloud, 'alice')).toBe(3)
  expect(await userPoints(cloud, 'alice')).toBe(3)
})

test('points awarded to someone who never opened the app create their profile', async () => {
  await awardPoints(ctxOf('organizer'), { openid: 'newcomer', delta: 2, reason: 'volunteer.hours', sourceId: 's1' })
  expect(expectOk(await cloud.as('newcomer').call('user', 'me', {})).points).toBe(2)
})

test('points can be taken back with a negative entry; the balance stays the ledger sum', async () => {
  await awardPoints(ctxOf('alice'), { openid: 'alice', delta: 8, reason: 'quiz.daily', sourceId: 'a' })
  await awardPoints(ctxOf('admin'), { openid: 'alice', delta: -3, reason: 'office.correction', sourceId: 'b' })
  expect(await userPoints(cloud, 'alice')).toBe(5)
  expect(await ledgerSum(cloud, 'alice')).toBe(5)
})

test('a quiz day already counted through another paper is reported as already counted', async () => {
  const paper = await startDaily(cloud, 'alice')
  // the day's points were already awarded (e.g. by a paper of the same day on another device)
  await awardPoints(ctxOf('alice'), { openid: 'alice', delta: 1, reason: 'quiz.daily', sourceId: `quiz.daily:${paper.day}`, refId: 'other' })
  const result = await takeQuiz(cloud, 'alice', paper, 'right')
  expect(result).toMatchObject({ correct: 10, points: 'already', pointsAwarded: 0 })
  expect(await userPoints(cloud, 'alice')).toBe(1)
})

test('over many days, the profile balance always equals the ledger sum', async () => {
  for (let d = 0; d < 5; d++) {
    await takeQuiz(cloud, 'alice', await startDaily(cloud, 'alice'), d % 2 === 0 ? 'right' : ['right', 'wrong', 'right'])
    cloud.clock.advance(DAY)
  }
  expect(await ledgerSum(cloud, 'alice')).toBe(10 + 2 + 10 + 2 + 10)
  expect(await userPoints(cloud, 'alice')).toBe(await ledgerSum(cloud, 'alice'))
})
