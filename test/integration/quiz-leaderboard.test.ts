import { addToBoards, boardKey } from '@/cloud/domain/quiz/leaderboard'
import { LEADERBOARD_TOP } from '@/cloud/domain/quiz/rules'
import type { ActionContext } from '@/cloud/runtime/context'
import { expectOk, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { DAY, startDaily, startQuizCloud, takeQuiz, type Intent } from './quiz-support'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await startQuizCloud()
})
afterEach(() => cloud.close())

/** Puts a person in a community and groups, as the areas that own those would. */
async function placePerson(openid: string, nickname: string, gridId: string | null, groupIds: string[] = []) {
  expectOk(await cloud.as(openid).call('user', 'me', {}))
  await cloud.platform.db.collection('users').doc(openid).update({ data: { nickname, gridId, groupIds } })
}

const correctTimes = (n: number): Intent[] => Array.from({ length: 10 }, (_, i) => (i < n ? 'right' : 'wrong'))

async function dailyScore(openid: string, correct: number) {
  return takeQuiz(cloud, openid, await startDaily(cloud, openid), correctTimes(correct))
}

const board = (openid: string, scope: 'city' | 'grid' | 'group', period: 'week' | 'all', scopeId?: string) =>
  cloud.as(openid).call('quiz', 'leaderboard', { scope, period, ...(scopeId ? { scopeId } : {}) })

test('orders by score; among equal scores, whoever got there first ranks higher', async () => {
  await placePerson('amy', '阿美', 'grid-1')
  await placePerson('ben', '阿斌', 'grid-1')
  await placePerson('cat', '小猫', 'grid-1')
  await dailyScore('ben', 6) // ben reaches 6 first
  cloud.clock.advance(60_000)
  await dailyScore('amy', 6) // amy reaches 6 later
  cloud.clock.advance(60_000)
  await dailyScore('cat', 9)
  const view = expectOk(await board('amy', 'city', 'week'))
  expect(view.entries.map((e) => [e.rank, e.nickname, e.score, e.isMe])).toEqual([
    [1, '小猫', 9, false],
    [2, '阿斌', 6, false],
    [3, '阿美', 6, true],
  ])
  expect(view.me).toEqual({ rank: 3, score: 6 })
})

test('a tie is broken by when the score was reached, not by when the person started', async () => {
  await placePerson('amy', '阿美', null)
  await placePerson('ben', '阿斌', null)
  await dailyScore('amy', 3) // day 1: amy 3, ben nothing
  cloud.clock.advance(DAY)
  await dailyScore('ben', 5) // day 2: ben reaches 5
  cloud.clock.advance(60_000)
  await dailyScore('amy', 2) // amy reaches 5 after ben
  const view = expectOk(await board('amy', 'city', 'all'))
  expect(view.entries.map((e) => [e.nickname, e.score])).toEqual([
    ['阿斌', 5],
    ['阿美', 5],
  ])
})

test('the weekly board starts empty each Monday; the all-time board keeps everything', async () => {
  await placePerson('amy', '阿美', null)
  await dailyScore('amy', 4) // Wednesday 2026-11-25
  cloud.clock.advance(5 * DAY) // Monday 2026-11-30
  expect(expectOk(await board('amy', 'city', 'week')).entries).toEqual([])
  expect(expectOk(await board('amy', 'city', 'week')).periodLabel).toBe('本周（11月30日—12月6日）')
  await dailyScore('amy', 2)
  expect(expectOk(await board('amy', 'city', 'week')).me).toEqual({ rank: 1, score: 2 })
  expect(expectOk(await board('amy', 'city', 'all')).me).toEqual({ rank: 1, score: 6 })
})

test('the community board holds only that community, the group board only that group', async () => {
  await placePerson('amy', '阿美', 'grid-1', ['class-1'])
  await placePerson('ben', '阿斌', 'grid-2', ['class-1'])
  await placePerson('cat', '小猫', 'grid-1')
  await dailyScore('amy', 5)
  await dailyScore('ben', 7)
  await dailyScore('cat', 3)
  const community = expectOk(await board('amy', 'grid', 'week'))
  expect(community.scopeId).toBe('grid-1')
  expect(community.entries.map((e) => e.nickname)).toEqual(['阿美', '小猫'])
  const group = expectOk(await board('amy', 'group', 'all', 'class-1'))
  expect(group.entries.map((e) => e.nickname)).toEqual(['阿斌', '阿美'])
  expect(group.memberOf).toEqual({ gridId: 'grid-1', groupIds: ['class-1'] })
})

test("a person cannot read another community's or group's board; the office and the class teacher can", async () => {
  const school = expectOk(await cloud.as(TEST_ADMIN).call('family', 'createSchool', { name: '文明路小学', district: '文明区' }))
  for (const teacher of ['teacher-liu', 'teacher-wang']) {
    expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: teacher, role: 'teacher', scopeId: school.id }))
  }
  const cls = expectOk(
    await cloud.as('teacher-liu').call('family', 'createClass', {
      schoolId: school.id,
      grade: 3,
      name: '3 班',
      size: 40,
      termEndsAt: cloud.clock.now() + 60 * DAY,
    }),
  )
  await placePerson('amy', '阿美', 'grid-1', [cls.id])
  await placePerson('cat', '小猫', 'grid-2')
  await dailyScore('amy', 5)
  expect(await board('cat', 'grid', 'week', 'grid-1')).toMatchObject({ ok: false, code: 'QUIZ.NOT_IN_SCOPE' })
  expect(await board('cat', 'group', 'week')).toMatchObject({ ok: false, code: 'QUIZ.NOT_IN_SCOPE' })
  expect(expectOk(await board(TEST_ADMIN, 'grid', 'week', 'grid-1')).entries).toHaveLength(1)
  expect(expectOk(await board('teacher-liu', 'group', 'all', cls.id)).entries.map((e) => e.nickname)).toEqual(['阿美'])
  // a teacher of the same school who does not teach the class does not read its board
  expect(await board('teacher-wang', 'group', 'all', cls.id)).toMatchObject({ ok: false, code: 'QUIZ.NOT_IN_SCOPE' })
})

test('my rank is shown even when I am far below the top 50', async () => {
  const ctx = (openid: string): ActionContext => ({ ...cloud.platform, caller: { openid }, grants: [], isAdmin: false })
  // 70 neighbours with scores 71…2 (counters written the way an award writes them)
  for (let i = 0; i < 70; i++) {
    await addToBoards(ctx(`n-${i}`), { openid: `n-${i}`, delta: 71 - i, sourceId: 'seed', memberships: { gridId: null, groupIds: [] } })
  }
  await placePerson('amy', '阿美', null)
  await dailyScore('amy', 1)
  const view = expectOk(await board('amy', 'city', 'all'))
  expect(view.entries).toHaveLength(LEADERBOARD_TOP)
  expect(view.entries.some((e) => e.isMe)).toBe(false)
  expect(view.me).toEqual({ rank: 71, score: 1 })
})

test('my rank among equal scores counts only those who got there first', async () => {
  const ctx = (openid: string): ActionContext => ({ ...cloud.platform, caller: { openid }, grants: [], isAdmin: false })
  for (let i = 0; i < 60; i++) {
    await addToBoards(ctx(`early-${i}`), { openid: `early-${i}`, delta: 10, sourceId: 'seed', memberships: { gridId: null, groupIds: [] } })
  }
  cloud.clock.advance(60_000)
  await placePerson('amy', '阿美', null)
  await dailyScore('amy', 10)
  cloud.clock.advance(60_000)
  for (let i = 0; i < 5; i++) {
    await addToBoards(ctx(`late-${i}`), { openid: `late-${i}`, delta: 10, sourceId: 'seed', memberships: { gridId: null, groupIds: [] } })
  }
  expect(expectOk(await board('amy', 'city', 'all')).me).toEqual({ rank: 61, score: 10 })
})

test('someone with no points yet has no rank, and the board still shows', async () => {
  await placePerson('amy', '阿美', null)
  await dailyScore('amy', 2)
  const view = expectOk(await board('newcomer', 'city', 'week'))
  expect(view.me).toBeNull()
  expect(view.entries).toHaveLength(1)
})

test('the same award counted twice moves a counter once', async () => {
  const ctx: ActionContext = { ...cloud.platform, caller: { openid: 'amy' }, grants: [], isAdmin: false }
  const award = { openid: 'amy', delta: 4, sourceId: 'quiz.daily:2026-11-25', memberships: { gridId: 'grid-1', groupIds: [] } }
  await addToBoards(ctx, award)
  await addToBoards(ctx, award)
  const { data } = await cloud.platform.db.collection('quiz_scores').where({ openid: 'amy' }).get()
  expect(data).toHaveLength(4) // city and community, week and all time
  const { data: buckets } = await cloud.platform.db.collection('quiz_score_buckets').where({ score: 4 }).get()
  expect(buckets.map((b) => b.members)).toEqual([1, 1, 1, 1])
  for (const doc of data) expect(doc.score).toBe(4)
  expect(data.map((d) => d.board).sort()).toEqual(
    [
      boardKey('city', null, 'all', cloud.clock.now()),
      boardKey('city', null, 'week', cloud.clock.now()),
      boardKey('grid', 'grid-1', 'all', cloud.clock.now()),
      boardKey('grid', 'grid-1', 'week', cloud.clock.now()),
    ].sort(),
  )
})

test('the score buckets always agree with the counters, also under concurrent and repeated awards', async () => {
  const ctx = (openid: string): ActionContext => ({ ...cloud.platform, caller: { openid }, grants: [], isAdmin: false })
  const memberships = { gridId: 'grid-1', groupIds: ['class-1'] }
  const awards = Array.from({ length: 60 }, (_, k) => ({ openid: `p-${k % 12}`, delta: 1 + (k % 5), sourceId: `day-${Math.floor(k / 12)}`, memberships }))
  // every award twice (a retry), all at once
  await Promise.all([...awards, ...awards].map((a) => addToBoards(ctx(a.openid), a)))
  const counters = (await cloud.snapshot()).quiz_scores as Array<{ board: string; score: number }>
  const buckets = (await cloud.snapshot()).quiz_score_buckets as Array<{ board: string; score: number; members: number }>
  const expected = new Map<string, number>()
  for (const c of counters) expected.set(`${c.board}@${c.score}`, (expected.get(`${c.board}@${c.score}`) ?? 0) + 1)
  const actual = new Map(buckets.filter((b) => b.members !== 0).map((b) => [`${b.board}@${b.score}`, b.members]))
  expect(actual).toEqual(expected)
  // and each person's total is the sum of their awards, counted once
  const cityAll = counters.filter((c) => c.board === boardKey('city', null, 'all', cloud.clock.now()))
  expect(cityAll.reduce((n, c) => n + c.score, 0)).toBe(awards.reduce((n, a) => n + a.delta, 0))
})

test('practice never reaches a leaderboard', async () => {
  await placePerson('amy', '阿美', null)
  const paper = expectOk(await cloud.as('amy').call('quiz', 'start', { mode: 'practice', topic: 'traffic', count: 10 }))
  await takeQuiz(cloud, 'amy', paper, 'right')
  expect((await cloud.snapshot()).quiz_scores).toEqual([])
})
