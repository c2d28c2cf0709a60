import { deductionOf, recordMaterialReturn, recordRating } from '@/cloud/domain/inspect/ledger'
import { I } from '@/cloud/domain/inspect/model'
import { starsFor } from '@/cloud/domain/inspect/scores'
import { DEFAULT_STAR_BANDS, DEFAULT_SCORE_RULE } from '@/shared/inspect'
import { DAY_MS, weekStartMs } from '@/shared/calendar/weeks'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { addUnits, change, close, grantLiaison, officeCtx, raise, sendBack } from './inspect-score-support'

let cloud: TestCloud
beforeEach(async () => {
  cloud = startTestCloud()
  await addUnits(cloud, { 'unit-a': '城市管理综合执法大队', 'unit-b': '市场监督管理局' })
})
afterEach(() => cloud.close())

const office = () => cloud.as(TEST_ADMIN)
// the test clock starts Wednesday 2026-11-25 10:00 Beijing: week 2026-11-23, month 2026-11
const WEEK = '2026-11-23'
const score = async (input: { unitId?: string; week?: string; month?: string; cursor?: string } = {}) =>
  expectOk(await office().call('inspect', 'unitScore', { unitId: 'unit-a', ...input }))
const line = (view: Awaited<ReturnType<typeof score>>, label: string) => view.lines.find((l) => l.label.includes(label))

describe('deductionOf', () => {
  const base = { weight: 2, repeat: false, repeatFactor: 2, falseCount: 0, falseFactor: 2, onTime: null, onTimeFactor: 0.5 }
  it('doubles a repeat and a false rectification once each and halves an on-time fix, in words', () => {
    expect(deductionOf(base)).toEqual({ centi: 200, how: '2' })
    expect(deductionOf({ ...base, level: 'city' })).toEqual({ centi: 200, how: '2（市级）' })
    // 2 × 2 = 4
    expect(deductionOf({ ...base, level: 'city', repeat: true })).toEqual({ centi: 400, how: '2（市级）× 2（重复）= 4' })
    // sent back twice still doubles once: 1 × 2 = 2
    expect(deductionOf({ ...base, weight: 1, level: 'district', falseCount: 2 })).toEqual({ centi: 200, how: '1（区级）× 2（整改不实）= 2' })
    // 2 × 2 × 0.5 = 2
    expect(deductionOf({ ...base, level: 'city', repeat: true, onTime: true })).toEqual({ centi: 200, how: '2（市级）× 2（重复）× 0.5（按时整改）= 2' })
    // 0.5 × 0.5 = 0.25; closed late halves nothing
    expect(deductionOf({ ...base, weight: 0.5, onTime: true }).centi).toBe(25)
    expect(deductionOf({ ...base, onTime: false }).centi).toBe(200)
  })
})

describe('a unit’s score', () => {
  it('adds up city, district and street problems, a repeat, a false fix, on-time fixes, material returns and satisfaction', async () => {
    const day = weekStartMs(WEEK) + DAY_MS
    // 市级: plain 2; repeat 2 × 2 = 4; closed on time 2 × 0.5 = 1 → 3 problems, 7
    await raise(cloud, { unitId: 'unit-a', level: 'city', foundAt: day })
    await raise(cloud, { unitId: 'unit-a', level: 'city', repeat: true, foundAt: day })
    await close(cloud, await raise(cloud, { unitId: 'unit-a', level: 'city', foundAt: day }), true)
    // 区级: plain 1; sent back once 1 × 2 = 2 → 2 problems, 3
    await raise(cloud, { unitId: 'unit-a', level: 'district', foundAt: day })
    await sendBack(cloud, await raise(cloud, { unitId: 'unit-a', level: 'district', foundAt: day }))
    // 街道: plain 0.5; repeat and on time 0.5 × 2 × 0.5 = 0.5 → 2 problems, 1
    await raise(cloud, { unitId: 'unit-a', level: 'street', foundAt: day })
    await close(cloud, await raise(cloud, { unitId: 'unit-a', level: 'street', repeat: true, foundAt: day }), true)
    // another unit's problem counts nowhere here
    await raise(cloud, { unitId: 'unit-b', level: 'city', foundAt: day })
    // two material returns: 2 × 1 = 2
    await recordMaterialReturn(officeCtx(cloud), 'unit-a', day)
    await recordMaterialReturn(officeCtx(cloud), 'unit-a', day)
    // six ratings, four of 4★ or more: 2 ÷ 6 × 5 = 1.666… → 1.67
    for (const stars of [5, 4, 4, 5, 3, 1]) await recordRating(officeCtx(cloud), 'unit-a', stars, day)

    const view = await score({ week: WEEK })
    expect(view.base).toBe(100)
    expect(line(view, '市级')).toMatchObject({ count: 3, points: -7 })
    expect(line(view, '区级')).toMatchObject({ count: 2, points: -3 })
    expect(line(view, '街道')).toMatchObject({ count: 2, points: -1 })
    expect(line(view, '材料')).toMatchObject({ count: 2, points: -2, how: '2 次 × 1 分 = 2' })
    expect(line(view, '满意度')).toMatchObject({ count: 6, points: -1.67 })
    // 100 − 7 − 3 − 1 − 2 − 1.67 = 85.33 → ★★★ (≥ 85)
    expect(view.score).toBe(85.33)
    expect(view.stars).toBe(3)
    expect(view.frozen).toBe(false)
    expect(view.period).toMatchObject({ kind: 'week', key: WEEK, label: '2026年11月23日—11月29日' })

    // the problems behind the lines, each with its own arithmetic
    expect(view.problems).toHaveLength(7)
    const hows = view.problems.map((p) => `${p.how}|${p.points}`).sort()
    expect(hows).toEqual(
      [
        '2（市级）|-2',
        '2（市级）× 2（重复）= 4|-4',
        '2（市级）× 0.5（按时整改）= 1|-1',
        '1（区级）|-1',
        '1（区级）× 2（整改不实）= 2|-2',
        '0.5（街道）|-0.5',
        '0.5（街道）× 2（重复）× 0.5（按时整改）= 0.5|-0.5',
      ].sort(),
    )
    // the month holds the same week's figures (nothing else happened in November)
    expect((await score({ month: '2026-11' })).score).toBe(85.33)
    // the week before is untouched: 100, ★★★★★
    expect(await score({ week: '2026-11-16' })).toMatchObject({ score: 100, stars: 5, problems: [] })
  })

  it('a repeat fixed on time: 2 × 2 × 0.5 = 2; sent back first then fixed on time: 2 × 2 × 0.5 = 2', async () => {
    const repeat = await raise(cloud, { unitId: 'unit-a', level: 'city', repeat: true })
    expect((await score()).score).toBe(96) // 100 − 4
    await close(cloud, repeat, true)
    expect((await score()).score).toBe(98) // 100 − 2
    const plain = await raise(cloud, { unitId: 'unit-a', level: 'city' })
    const back = await sendBack(cloud, await change(cloud, plain, { status: 'answered' }))
    expect((await score()).score).toBe(94) // 100 − 2 − 4
    await close(cloud, back, true)
    expect((await score()).score).toBe(96) // 100 − 2 − 2
    const view = await score()
    expect(line(view, '市级')).toMatchObject({ count: 2, points: -4 })
    // the false fix counted once in the period
    const period = (await cloud.platform.db.collection(I.periods).where({ _id: `unit:unit-a:${WEEK}` }).get()).data[0]
    expect(period).toMatchObject({ found: 2, repeats: 1, falseFound: 1, deduction: 400, due: 2, onTime: 2 })
  })

  it('satisfaction counts only with enough ratings', async () => {
    // four ratings, one unhappy: fewer than minRatings 5, so nothing is taken off
    for (const stars of [5, 5, 4, 2]) await recordRating(officeCtx(cloud), 'unit-a', stars, cloud.clock.now())
    let view = await score()
    expect(line(view, '满意度')).toMatchObject({ count: 4, points: 0, how: '评价不足 5 条，不计（本期 4 条）' })
    expect(view.score).toBe(100)
    // the fifth: 2 unhappy of 5 × 5 = 2 → 98
    await recordRating(officeCtx(cloud), 'unit-a', 1, cloud.clock.now())
    view = await score()
    expect(line(view, '满意度')).toMatchObject({ count: 5, points: -2 })
    expect(view.score).toBe(98)
    expect(view.stars).toBe(5)
  })

  it('never goes below 0', async () => {
    // 26 city problems repeated: 26 × 4 = 104 > 100
    for (let i = 0; i < 26; i++) await raise(cloud, { unitId: 'unit-a', level: 'city', repeat: true })
    const view = await score()
    expect(line(view, '市级')).toMatchObject({ count: 26, points: -104 })
    expect(view.score).toBe(0)
    expect(view.stars).toBe(0)
    // one page of 50 would hold them all; the cursor is null
    expect(view.problems).toHaveLength(26)
    expect(view.nextCursor).toBeNull()
  })

  it('pages the problems 50 at a time, newest first', async () => {
    for (let i = 0; i < 53; i++) await raise(cloud, { unitId: 'unit-a', level: 'street', foundAt: cloud.clock.now() + i * 60_000 })
    const first = await score()
    expect(first.problems).toHaveLength(50)
    expect(first.nextCursor).not.toBeNull()
    const second = await score({ cursor: first.nextCursor ?? undefined })
    expect(second.problems).toHaveLength(3)
    expect(new Set([...first.problems, ...second.problems].map((p) => p.orderId)).size).toBe(53)
    expect(second.nextCursor).toBeNull()
    // 53 × 0.5 = 26.5
    expect(first.score).toBe(73.5)
  })

  it('a custom rule applies to problems found after it; earlier ones keep their weights', async () => {
    await raise(cloud, { unitId: 'unit-a', level: 'city' }) // 2 under the seeded rule
    expectOk(await office().call('inspect', 'setRules', { score: { ...DEFAULT_SCORE_RULE, weights: { city: 3, district: 1.5, street: 0.75 }, materialReturn: 2.5 } }))
    await raise(cloud, { unitId: 'unit-a', level: 'city' }) // 3
    await raise(cloud, { unitId: 'unit-a', level: 'street' }) // 0.75
    await recordMaterialReturn(officeCtx(cloud), 'unit-a', cloud.clock.now()) // 1 × 2.5
    const view = await score()
    expect(line(view, '市级')).toMatchObject({ count: 2, points: -5 })
    expect(line(view, '街道')).toMatchObject({ count: 1, points: -0.75 })
    expect(line(view, '材料')).toMatchObject({ points: -2.5 })
    // 100 − 5 − 0.75 − 2.5 = 91.75
    expect(view.score).toBe(91.75)
  })
})

describe('the period counters', () => {
  it('count a problem in the week and month it was found, and its deadline in the week and month it falls due', async () => {
    // found Sunday 2026-11-29 23:00 Beijing (week 2026-11-23, month 2026-11), due three days later (week 2026-11-30, month 2026-12)
    const foundAt = Date.UTC(2026, 10, 29, 15, 0)
    const order = await raise(cloud, { unitId: 'unit-a', level: 'city', district: '和平区', foundAt, dueAt: foundAt + 3 * DAY_MS })
    const closed = await close(cloud, order, true)
    const doc = async (id: string) => (await cloud.platform.db.collection(I.periods).where({ _id: id }).get()).data[0]
    for (const id of ['unit:unit-a:2026-11-23', 'unit:unit-a:2026-11', 'district:和平区:2026-11-23', 'district:和平区:2026-11']) {
      // 2 × 0.5 = 1 once closed on time
      expect(await doc(id)).toMatchObject({ found: 1, foundByLevel: { city: 1, district: 0, street: 0 }, deduction: 100, due: 0, onTime: 0 })
    }
    for (const id of ['unit:unit-a:2026-11-30', 'unit:unit-a:2026-12', 'district:和平区:2026-11-30', 'district:和平区:2026-12']) {
      expect(await doc(id)).toMatchObject({ found: 0, deduction: 0, due: 1, onTime: 1 })
    }
    // a second change that moves nothing writes no new counts
    await change(cloud, closed, {})
    expect(await doc('unit:unit-a:2026-11-30')).toMatchObject({ due: 1, onTime: 1 })
    expect((await score({ week: '2026-11-23' })).score).toBe(99)
  })
})

describe('star bands', () => {
  it('95 is ★★★★★, 94.99 ★★★★, 74.99 none', async () => {
    expect(starsFor(95, [...DEFAULT_STAR_BANDS])).toBe(5)
    expect(starsFor(94.99, [...DEFAULT_STAR_BANDS])).toBe(4)
    expect(starsFor(75, [...DEFAULT_STAR_BANDS])).toBe(1)
    expect(starsFor(74.99, [...DEFAULT_STAR_BANDS])).toBe(0)

    // through the page: 2 + 2 + 1 = 5 off
    await raise(cloud, { unitId: 'unit-a', level: 'city' })
    await raise(cloud, { unitId: 'unit-a', level: 'city' })
    await raise(cloud, { unitId: 'unit-a', level: 'district' })
    expect(await score()).toMatchObject({ score: 95, stars: 5 })
    // base 99.99 − 5 = 94.99
    expectOk(await office().call('inspect', 'setRules', { score: { ...DEFAULT_SCORE_RULE, base: 99.99 } }))
    expect(await score()).toMatchObject({ base: 99.99, score: 94.99, stars: 4 })
    // base 79.99 − 5 = 74.99
    expectOk(await office().call('inspect', 'setRules', { score: { ...DEFAULT_SCORE_RULE, base: 79.99 } }))
    expect(await score()).toMatchObject({ score: 74.99, stars: 0 })
    // custom bands: ≥ 70 ★★★
    expectOk(await office().call('inspect', 'setRules', { stars: [{ min: 90, stars: 5 }, { min: 70, stars: 3 }] }))
    expect(await score()).toMatchObject({ score: 74.99, stars: 3 })
  })
})

describe('rules', () => {
  it('anyone reads the seeded rules; the office’s change is audited with before and after', async () => {
    const seeded = expectOk(await cloud.as('resident-1').call('inspect', 'rules', {}))
    expect(seeded).toMatchObject({ score: DEFAULT_SCORE_RULE, stars: DEFAULT_STAR_BANDS, updatedAt: null })

    const board = { redUnits: 3, blackUnits: 2, redDistricts: 1, blackDistricts: 1, minDue: 2 }
    const changed = expectOk(await office().call('inspect', 'setRules', { board }))
    expect(changed.board).toEqual(board)
    expect(changed.score).toEqual(DEFAULT_SCORE_RULE)
    expect(changed.updatedAt).toBe(cloud.clock.now())
    expect(expectOk(await cloud.as('resident-1').call('inspect', 'rules', {})).board).toEqual(board)

    const { data: audit } = await cloud.platform.db.collection('audit_log').where({ subjectType: 'inspect_rules' }).get()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ action: 'set', actorOpenid: TEST_ADMIN, detail: { changed: 'board' } })
    const detail = audit[0].detail as { before: string; after: string }
    expect(JSON.parse(detail.before)).toEqual({ board: { redUnits: 5, blackUnits: 3, redDistricts: 1, blackDistricts: 1, minDue: 1 } })
    expect(JSON.parse(detail.after)).toEqual({ board })
  })

  it('refuses star bands that are not descending in score and stars, writing nothing; residents cannot set rules', async () => {
    const before = await cloud.snapshot()
    for (const stars of [
      [{ min: 90, stars: 5 }, { min: 95, stars: 4 }],
      [{ min: 95, stars: 4 }, { min: 90, stars: 4 }],
      [{ min: 95, stars: 4 }, { min: 95, stars: 3 }],
      [{ min: 90, stars: 3 }, { min: 80, stars: 4 }],
    ]) {
      await expect(office().call('inspect', 'setRules', { stars })).resolves.toMatchObject({ ok: false, code: 'INSPECT.BAD_BANDS' })
    }
    await expect(cloud.as('resident-1').call('inspect', 'setRules', { stars: [{ min: 60, stars: 5 }] })).resolves.toMatchObject({ ok: false })
    expect(await cloud.snapshot()).toEqual(before)
  })
})

describe('who reads a score', () => {
  it('a liaison reads their own unit only; a resident none', async () => {
    await grantLiaison(cloud, 'liaison-a', 'unit-a')
    await raise(cloud, { unitId: 'unit-b', level: 'city' })
    const own = expectOk(await cloud.as('liaison-a').call('inspect', 'unitScore', {}))
    expect(own.unit).toEqual({ unitId: 'unit-a', name: '城市管理综合执法大队' })
    expect(expectOk(await cloud.as('liaison-a').call('inspect', 'unitScore', { unitId: 'unit-a' })).score).toBe(100)
    await expect(cloud.as('liaison-a').call('inspect', 'unitScore', { unitId: 'unit-b' })).resolves.toMatchObject({ ok: false, code: 'INSPECT.NOT_YOUR_UNIT' })
    await expect(cloud.as('resident-1').call('inspect', 'unitScore', { unitId: 'unit-b' })).resolves.toMatchObject({ ok: false })
    // the office reads any unit
    expect(expectOk(await office().call('inspect', 'unitScore', { unitId: 'unit-b' })).score).toBe(98)
    await expect(office().call('inspect', 'unitScore', { unitId: 'unit-nope' })).resolves.toMatchObject({ ok: false, code: 'INSPECT.UNIT_NOT_FOUND' })
    await expect(office().call('inspect', 'unitScore', { unitId: 'unit-a', week: '2026-11-25' })).resolves.toMatchObject({ ok: false, code: 'INSPECT.BAD_PERIOD' })
    await expect(office().call('inspect', 'unitScore', { unitId: 'unit-a', week: WEEK, month: '2026-11' })).resolves.toMatchObject({ ok: false, code: 'INSPECT.BAD_PERIOD' })
  })
})
