import { I } from '@/cloud/domain/inspect/model'
import { rankRows } from '@/cloud/domain/inspect/scores'
import { DEFAULT_BOARD_RULE } from '@/shared/inspect'
import { addWeeks, DAY_MS, weekStartMs } from '@/shared/calendar/weeks'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { addUnits, close, dueInWeek, grantLiaison, raise } from './inspect-score-support'

let cloud: TestCloud
beforeEach(async () => {
  cloud = startTestCloud()
  await addUnits(cloud, { a: '甲局', b: '乙局', c: '丙局', d: '丁局', e: '戊局', f: '己局', g: '庚局', h: '辛局', i: '壬局' })
})
afterEach(() => cloud.close())

const office = () => cloud.as(TEST_ADMIN)
const resident = () => cloud.as('resident-1')
const W1 = '2026-11-02'
const W2 = addWeeks(W1, 1)
const W3 = addWeeks(W1, 2)
const W4 = addWeeks(W1, 3)
const setBoardRule = async (rule: Partial<typeof DEFAULT_BOARD_RULE>) =>
  expectOk(await office().call('inspect', 'setRules', { board: { ...DEFAULT_BOARD_RULE, ...rule } }))
const liveBoard = async (week: string) => expectOk(await office().call('inspect', 'board', { week }))
const lists = (rows: Array<{ id: string; list: string | null }>) => ({
  red: rows.filter((r) => r.list === 'red').map((r) => r.id).sort(),
  black: rows.filter((r) => r.list === 'black').map((r) => r.id).sort(),
})
const afterAll4 = () => cloud.clock.set(weekStartMs(addWeeks(W4, 1)) + 3600_000)

/**
 * Week W1's 整改率: a 2/2 = 1, b 1/1 = 1, c 3/4 = 0.75, d 1/2 = 0.5, e 2/4 = 0.5, f 1/4 = 0.25,
 * g 0/2 = 0, h 0/1 = 0; i had a problem found but nothing due this week.
 */
async function eightUnits() {
  const plan: Array<[string, number, number, string]> = [
    ['a', 2, 2, '文明区'],
    ['b', 1, 1, '文明区'],
    ['c', 4, 3, '文明区'],
    ['d', 2, 1, '和平区'],
    ['e', 4, 2, '和平区'],
    ['f', 4, 1, '和平区'],
    ['g', 2, 0, '和平区'],
    ['h', 1, 0, '和平区'],
  ]
  for (const [unit, due, onTime, district] of plan) await dueInWeek(cloud, unit, W1, due, onTime, district)
  // found in W1, due the next week: i has a W1 counter but nothing due in it
  await raise(cloud, { unitId: 'i', level: 'city', foundAt: weekStartMs(W1) + 6 * DAY_MS, dueAt: weekStartMs(W2) + DAY_MS })
}

describe('红黑榜 rule', () => {
  it('ties share a place and are all included; units with nothing due are not ranked; districts likewise', async () => {
    await eightUnits()
    await setBoardRule({ redUnits: 1, blackUnits: 1, redDistricts: 1, blackDistricts: 1, minDue: 1 })
    const view = await liveBoard(W1)
    expect(view.published).toBe(false)
    expect(view.units.map((r) => [r.id, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['d', 4],
      ['e', 4],
      ['f', 6],
      ['g', 7],
      ['h', 7],
      ['i', null],
    ])
    // one red place, a and b tie for it: both; one black place, g and h tie: both (并列共同纳入)
    expect(lists(view.units)).toEqual({ red: ['a', 'b'], black: ['g', 'h'] })
    expect(view.units.find((r) => r.id === 'i')).toMatchObject({ due: 0, rate: null, rank: null, list: null })
    expect(view.units.find((r) => r.id === 'c')).toMatchObject({ name: '丙局', due: 4, onTime: 3, rate: 0.75 })
    // 文明区 6/7, 和平区 5/13
    expect(view.districts).toEqual([
      { id: '文明区', name: '文明区', due: 7, onTime: 6, rate: 6 / 7, rank: 1, list: 'red' },
      { id: '和平区', name: '和平区', due: 13, onTime: 4, rate: 4 / 13, rank: 2, list: 'black' },
    ])
    expect(view.ruleText).toContain('前 1 名的单位上红榜，后 1 名上黑榜，并列的共同纳入')
    expect(view.ruleText).toContain('本周到期不足 1 件的单位不参与排名')

    // minDue 2: b (1 due) and h (1 due) drop out of the ranking; red a alone, black g alone
    await setBoardRule({ redUnits: 1, blackUnits: 1, minDue: 2 })
    const strict = await liveBoard(W1)
    expect(lists(strict.units)).toEqual({ red: ['a'], black: ['g'] })
    expect(strict.units.find((r) => r.id === 'b')).toMatchObject({ rate: 1, rank: null, list: null })
    expect(strict.units.find((r) => r.id === 'h')).toMatchObject({ rate: 0, rank: null, list: null })

    // the seeded rule (5 red, 3 black): a b c d e red (d, e tie in place 4 and both fit), black f g h
    await setBoardRule({})
    expect(lists((await liveBoard(W1)).units)).toEqual({ red: ['a', 'b', 'c', 'd', 'e'], black: ['f', 'g', 'h'] })
  })

  it('when too few units are ranked, red is filled first and nobody is on both lists', () => {
    const row = (id: string, due: number, onTime: number) => ({ id, name: id, due, onTime })
    // two ranked for 5 red and 3 black: both red, nobody black
    expect(lists(rankRows([row('x', 2, 1), row('y', 2, 2)], 5, 3, 1))).toEqual({ red: ['x', 'y'], black: [] })
    // three ranked for 1 red and 3 black: the best red, the other two black
    expect(lists(rankRows([row('x', 2, 1), row('y', 2, 2), row('z', 3, 0)], 1, 3, 1))).toEqual({ red: ['y'], black: ['x', 'z'] })
    // all tied: all red (a tie never splits across the lists)
    expect(lists(rankRows([row('x', 2, 1), row('y', 4, 2), row('z', 6, 3)], 1, 1, 1))).toEqual({ red: ['x', 'y', 'z'], black: [] })
    // 1/3 and 2/6 are the same rate, exactly
    expect(rankRows([row('x', 3, 1), row('y', 6, 2), row('z', 1, 1)], 1, 1, 1).map((r) => r.rank)).toEqual([1, 2, 2])
    // nothing ranked: empty lists
    expect(lists(rankRows([row('x', 0, 0)], 5, 3, 1))).toEqual({ red: [], black: [] })
  })
})

describe('publishing a week', () => {
  it('is refused before the week ended and twice; residents see only published weeks', async () => {
    const week = '2026-11-23' // the test clock is Wednesday of this week
    await dueInWeek(cloud, 'a', week, 1, 1)
    await expect(office().call('inspect', 'publishBoard', { week })).resolves.toMatchObject({ ok: false, code: 'INSPECT.PERIOD_NOT_ENDED' })
    await expect(resident().call('inspect', 'board', {})).resolves.toMatchObject({ ok: false, code: 'INSPECT.NOT_PUBLISHED' })
    await expect(resident().call('inspect', 'board', { week })).resolves.toMatchObject({ ok: false, code: 'INSPECT.NOT_PUBLISHED' })
    await expect(resident().call('inspect', 'publishBoard', { week: '2026-11-16' })).resolves.toMatchObject({ ok: false })
    await expect(office().call('inspect', 'publishBoard', { week: '2026-11-24' })).resolves.toMatchObject({ ok: false, code: 'INSPECT.BAD_PERIOD' })
    // the office's board without a week: this week, live
    expect(expectOk(await office().call('inspect', 'board', {}))).toMatchObject({ published: false, period: { key: week } })

    // the Monday after, 00:00 Beijing: the week has ended
    cloud.clock.set(weekStartMs(addWeeks(week, 1)))
    const published = expectOk(await office().call('inspect', 'publishBoard', { week }))
    expect(published).toMatchObject({ published: true, publishedAt: cloud.clock.now() })
    expect(published.units).toEqual([{ id: 'a', name: '甲局', due: 1, onTime: 1, rate: 1, rank: 1, list: 'red' }])
    await expect(office().call('inspect', 'publishBoard', { week })).resolves.toMatchObject({ ok: false, code: 'INSPECT.ALREADY_PUBLISHED' })
    expect(expectOk(await resident().call('inspect', 'board', {}))).toMatchObject({ published: true, period: { key: week } })
    const { data: audit } = await cloud.platform.db.collection('audit_log').where({ subjectType: 'inspect_board', subjectId: week }).get()
    expect(audit).toHaveLength(1)
  })

  it('a published board stays frozen after later changes; the rule it used stays with it', async () => {
    const [, open] = await dueInWeek(cloud, 'a', W1, 2, 1)
    await dueInWeek(cloud, 'b', W1, 1, 0)
    afterAll4()
    const published = expectOk(await office().call('inspect', 'publishBoard', { week: W1 }))
    const a = () => published.units.find((r) => r.id === 'a')
    expect(a()).toMatchObject({ due: 2, onTime: 1, rate: 0.5 })

    // later: a's open order closed on time, more problems due in that week, a new rule — the counters move, the board does not
    expect(open.status).toBe('open')
    await close(cloud, open, true)
    await dueInWeek(cloud, 'c', W1, 3, 3)
    await setBoardRule({ redUnits: 2 })
    const period = (await cloud.platform.db.collection(I.periods).where({ _id: `unit:a:${W1}` }).get()).data[0]
    expect(period).toMatchObject({ due: 2, onTime: 2 })

    for (const view of [expectOk(await resident().call('inspect', 'board', { week: W1 })), expectOk(await office().call('inspect', 'board', { week: W1 }))]) {
      expect(view.published).toBe(true)
      expect(view.units).toEqual(published.units)
      expect(view.rule).toEqual(DEFAULT_BOARD_RULE)
      expect(view.units.map((r) => r.id)).not.toContain('c')
    }
  })
})

describe('escalation', () => {
  it('last in weeks 1, 2 and 3 → 约谈, 报组织部, 问责; not last in week 4 → nothing more', async () => {
    await setBoardRule({ redUnits: 1, blackUnits: 1 })
    // a: 0/2 in W1–W3, 2/2 in W4; b: 2/2 in W1–W3, 0/2 in W4
    for (const week of [W1, W2, W3]) {
      await dueInWeek(cloud, 'a', week, 2, 0)
      await dueInWeek(cloud, 'b', week, 2, 2)
    }
    await dueInWeek(cloud, 'a', W4, 2, 2)
    await dueInWeek(cloud, 'b', W4, 2, 0)
    afterAll4()

    const steps: Array<Array<[string, number, string]>> = []
    for (const week of [W1, W2, W3, W4]) {
      const view = expectOk(await office().call('inspect', 'publishBoard', { week }))
      steps.push(view.escalations.map((e) => [e.unitId, e.streak, e.step]))
    }
    expect(steps).toEqual([[['a', 1, '约谈']], [['a', 2, '报组织部']], [['a', 3, '问责']], [['b', 1, '约谈']]])

    // the unit's record, newest first; its liaison sees it, not another unit's
    const record = expectOk(await office().call('inspect', 'escalations', { unitId: 'a' }))
    expect(record.map((e) => [e.week, e.step])).toEqual([
      [W3, '问责'],
      [W2, '报组织部'],
      [W1, '约谈'],
    ])
    expect(record[0]).toMatchObject({ unitName: '甲局', detail: '连续三次及以上排名末位，按问责办法追责' })
    await grantLiaison(cloud, 'liaison-a', 'a')
    expect(expectOk(await cloud.as('liaison-a').call('inspect', 'escalations', {}))).toHaveLength(3)
    await expect(cloud.as('liaison-a').call('inspect', 'escalations', { unitId: 'b' })).resolves.toMatchObject({ ok: false, code: 'INSPECT.NOT_YOUR_UNIT' })
    expect(expectOk(await office().call('inspect', 'escalations', {})).map((e) => e.unitId)).toEqual(['b', 'a', 'a', 'a'])
    // the published board shows the week's escalation to residents
    expect(expectOk(await resident().call('inspect', 'board', { week: W2 })).escalations).toEqual([
      { unitId: 'a', unitName: '甲局', week: W2, streak: 2, step: '报组织部', detail: '连续两次排名末位，报组织部门约谈' },
    ])
  })

  it('a gap resets the streak: a week off the black list, or a week not published', async () => {
    await setBoardRule({ redUnits: 1, blackUnits: 1 })
    // a: last in W1, first in W2, last in W3 → 约谈 both times
    await dueInWeek(cloud, 'a', W1, 2, 0)
    await dueInWeek(cloud, 'b', W1, 2, 2)
    await dueInWeek(cloud, 'a', W2, 2, 2)
    await dueInWeek(cloud, 'b', W2, 2, 0)
    await dueInWeek(cloud, 'a', W3, 2, 0)
    await dueInWeek(cloud, 'b', W3, 2, 2)
    afterAll4()
    const streakOf = async (week: string, unit: string) =>
      expectOk(await office().call('inspect', 'publishBoard', { week })).escalations.find((e) => e.unitId === unit)
    expect(await streakOf(W1, 'a')).toMatchObject({ streak: 1, step: '约谈' })
    expect(await streakOf(W2, 'a')).toBeUndefined()
    expect(await streakOf(W3, 'a')).toMatchObject({ streak: 1, step: '约谈' })
  })

  it('a week left unpublished breaks the streak too', async () => {
    await setBoardRule({ redUnits: 1, blackUnits: 1 })
    for (const week of [W1, W2, W3]) {
      await dueInWeek(cloud, 'a', week, 2, 0)
      await dueInWeek(cloud, 'b', week, 2, 2)
    }
    afterAll4()
    expect(expectOk(await office().call('inspect', 'publishBoard', { week: W1 })).escalations).toMatchObject([{ unitId: 'a', streak: 1 }])
    // W2 never published
    expect(expectOk(await office().call('inspect', 'publishBoard', { week: W3 })).escalations).toMatchObject([{ unitId: 'a', streak: 1, step: '约谈' }])
  })
})

describe('星级评定', () => {
  it('publishing a month freezes every unit’s score and stars; later changes leave it as it was', async () => {
    const nov = '2026-11'
    // a: 2 + 2 + 1 = 5 off → 95 ★★★★★; b: 3 city repeats 12 off → 88 ★★★; the other units 100
    await raise(cloud, { unitId: 'a', level: 'city' })
    await raise(cloud, { unitId: 'a', level: 'city' })
    await raise(cloud, { unitId: 'a', level: 'district' })
    for (let i = 0; i < 3; i++) await raise(cloud, { unitId: 'b', level: 'city', repeat: true })
    await expect(office().call('inspect', 'publishRatings', { month: nov })).resolves.toMatchObject({ ok: false, code: 'INSPECT.PERIOD_NOT_ENDED' })
    await expect(resident().call('inspect', 'ratings', { month: nov })).resolves.toMatchObject({ ok: false, code: 'INSPECT.NOT_PUBLISHED' })
    // the office previews it live
    expect(expectOk(await office().call('inspect', 'ratings', { month: nov })).published).toBe(false)

    cloud.clock.set(Date.UTC(2026, 10, 30, 16, 0, 0)) // 2026-12-01 00:00 Beijing
    const published = expectOk(await office().call('inspect', 'publishRatings', { month: nov }))
    expect(published.published).toBe(true)
    expect(published.rows).toHaveLength(9)
    const rowOf = (rows: typeof published.rows, id: string) => rows.find((r) => r.unit.unitId === id)
    expect(rowOf(published.rows, 'a')).toMatchObject({ score: 95, stars: 5 })
    expect(rowOf(published.rows, 'b')).toMatchObject({ score: 88, stars: 3 })
    expect(rowOf(published.rows, 'c')).toMatchObject({ score: 100, stars: 5 })
    expect(published.rows[published.rows.length - 1].unit.unitId).toBe('b')
    await expect(office().call('inspect', 'publishRatings', { month: nov })).resolves.toMatchObject({ ok: false, code: 'INSPECT.ALREADY_PUBLISHED' })

    // a late November problem and a new band: the published month does not move
    await raise(cloud, { unitId: 'a', level: 'city', foundAt: Date.UTC(2026, 10, 29) })
    expectOk(await office().call('inspect', 'setRules', { stars: [{ min: 99, stars: 5 }] }))
    const again = expectOk(await resident().call('inspect', 'ratings', {}))
    expect(again).toMatchObject({ published: true, period: { key: nov } })
    expect(again.rows).toEqual(published.rows)
    const frozen = expectOk(await office().call('inspect', 'unitScore', { unitId: 'a', month: nov }))
    expect(frozen).toMatchObject({ frozen: true, score: 95, stars: 5, base: 100 })
    expect(frozen.lines.find((l) => l.label.includes('市级'))).toMatchObject({ count: 2, points: -4 })
    // the week is live: it now holds the late problem
    expect(expectOk(await office().call('inspect', 'unitScore', { unitId: 'a', week: '2026-11-23' })).frozen).toBe(false)
  })
})
