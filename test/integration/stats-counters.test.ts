import type { StatsRangeView, StatsRow } from '@/shared/contract'
import { open311 } from '@/cloud/domain/open311'
import { DEMO_POINT } from '@/cloud/domain/report/demo-city'
import { segmentsOf } from '@/cloud/domain/stats/read'
import { expectOk } from '../support/cloud'
import { HOUR, P, startReportCloud, XICHENG_POINT, type ReportCloud } from './report-fixtures'

/**
 * 随手拍 counters kept on write, against a dataset whose answers are known. The clock starts on
 * Wednesday 2026-11-25 10:00 Beijing. Three reports of 牛皮癣小广告 (routed to unit-demo):
 * - A in 文明路网格: resolved after 1 h (on time, ≤2h), rated 5★
 * - B in 文明路网格: resolved after 51 h (late: the 48 h limit), rated 2★ with a reason, 重办 agreed
 * - C in 西城网格: resolved after 51 h (late), never rated; its rating window closes unrated
 */
let cloud: ReportCloud
const ids: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' }

async function step(openid: string, action: string, reportId: string, data: Record<string, unknown> = {}) {
  const result = await cloud.as(openid).raw('report', { action, data: { reportId, ...data } })
  if (!result.ok) throw new Error(`${action} failed: ${result.code}`)
}

const range = async (input: Record<string, unknown>) => expectOk(await cloud.as(P.office).raw('stats', { action: 'range', data: input })) as StatsRangeView
const row = (view: StatsRangeView, id: string) => view.rows.find((r) => r.id === id) as StatsRow

beforeAll(async () => {
  cloud = await startReportCloud()
  ids.A = (await cloud.submit(P.alice)).id
  ids.B = (await cloud.submit(P.alice)).id
  ids.C = (await cloud.submit(P.bob, { location: { ...XICHENG_POINT, address: '西城路 1 号' } })).id
  for (const [id, grid] of [[ids.A, P.grid], [ids.B, P.grid], [ids.C, P.otherGrid]] as const) {
    await step(grid, 'dispatch', id)
    await step(P.handler, 'start', id)
  }
  cloud.clock.advance(HOUR)
  await step(P.handler, 'resolve', ids.A, { afterPhotos: [await cloud.photo(P.handler)], note: '已清理' })
  await step(P.alice, 'rate', ids.A, { score: 5 })
  cloud.clock.advance(50 * HOUR)
  for (const id of [ids.B, ids.C]) await step(P.handler, 'resolve', id, { afterPhotos: [await cloud.photo(P.handler)], note: '已清理' })
  await step(P.alice, 'rate', ids.B, { score: 2, comment: '第二天又贴上了' })
  await step(P.grid, 'reopen', ids.B)
})
afterAll(() => cloud.close())

test('the city over the last 7 days: every counter, the rates and the median bucket', async () => {
  const view = await range({ scope: 'city', period: '7d' })
  expect(view).toMatchObject({ from: '2026-11-21', to: '2026-11-27', days: 7 })
  expect(view.rows).toHaveLength(1)
  expect(row(view, 'all')).toMatchObject({
    name: '全市',
    received: 3,
    dispatched: 3,
    resolved: 3,
    resolvedOnTime: 1,
    ratings: 2,
    ratingSum: 7,
    satisfied: 1,
    reopened: 1,
    closedUnrated: 0,
    buckets: { h2: 1, h4: 0, h8: 0, d1: 0, d2: 0, d3: 2, d7: 0, more: 0 },
    onTimeRate: 1 / 3,
    medianLabel: '3 天内',
    satisfactionRate: 0.5,
    averageScore: 3.5,
    reopenedShare: 1 / 3,
  })
  // the per-day series: received and dispatched on the 25th, one resolution then, two on the 27th
  const series = Object.fromEntries(view.series.map((p) => [p.day, p]))
  expect(view.series.map((p) => p.day)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'])
  expect(series['2026-11-25']).toMatchObject({ received: 3, dispatched: 3, resolved: 1, resolvedOnTime: 1, ratings: 1, satisfied: 1 })
  expect(series['2026-11-26']).toMatchObject({ received: 0, resolved: 0 })
  expect(series['2026-11-27']).toMatchObject({ received: 0, resolved: 2, resolvedOnTime: 0, ratings: 1, satisfied: 0, reopened: 1 })
})

test('grid, category and unit sums add up to the city', async () => {
  const grids = await range({ scope: 'grid', period: '7d' })
  expect(grids.rows.map((r) => r.id)).toEqual(['grid-demo', 'grid-xicheng'])
  expect(row(grids, 'grid-demo')).toMatchObject({ name: '文明路网格', received: 2, resolved: 2, resolvedOnTime: 1, onTimeRate: 0.5, medianLabel: '2 小时内', ratings: 2, satisfied: 1, reopened: 1, reopenedShare: 0.5 })
  expect(row(grids, 'grid-xicheng')).toMatchObject({ name: '西城网格', received: 1, resolved: 1, resolvedOnTime: 0, onTimeRate: 0, medianLabel: '3 天内', ratings: 0, satisfactionRate: null })
  const categories = await range({ scope: 'category', period: '7d' })
  expect(categories.rows).toHaveLength(1)
  expect(row(categories, 'illegal-ads')).toMatchObject({ name: '牛皮癣小广告', received: 3, resolved: 3, resolvedOnTime: 1, ratings: 2, ratingSum: 7, reopened: 1 })
  const units = await range({ scope: 'unit', period: '7d' })
  expect(units.rows).toHaveLength(1)
  // a unit receives a report when it is dispatched to it
  expect(row(units, 'unit-demo')).toMatchObject({ name: '城市管理综合执法大队', received: 3, dispatched: 3, resolved: 3, resolvedOnTime: 1, medianLabel: '3 天内', satisfied: 1, reopened: 1 })
  for (const key of ['received', 'resolved', 'resolvedOnTime', 'ratings', 'ratingSum', 'satisfied', 'reopened'] as const) {
    expect(grids.rows.reduce((sum, r) => sum + r[key], 0)).toBe(row(units, 'unit-demo')[key])
  }
})

test('the unit figure on a report detail reads this month', async () => {
  const view = expectOk(await cloud.as(P.carol).call('stats', 'unitMonth', { unitId: 'unit-demo' }))
  expect(view).toMatchObject({ unitId: 'unit-demo', month: '2026-11', received: 3, resolved: 3, onTimeRate: 1 / 3, satisfactionRate: 0.5 })
  expect(view.text).toBe('该单位本月受理 3 件，按时办结率 33%，满意率 50%')
  const none = expectOk(await cloud.as(P.carol).call('stats', 'unitMonth', { unitId: 'unit-dog' }))
  expect(none).toMatchObject({ received: 0, onTimeRate: null, text: '该单位本月受理 0 件，暂无办结' })
})

test('a range is read from whole months and weeks where it can, with the same sums', () => {
  expect(segmentsOf('2026-10-01', '2026-11-27')).toEqual({
    months: ['2026-10'],
    weeks: ['2026-11-02', '2026-11-09', '2026-11-16'],
    days: ['2026-11-01', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'],
  })
})

test('week and month docs hold the same numbers as the days', async () => {
  // Wednesday 2 December: the week of the 23rd is over
  cloud.clock.set(Date.UTC(2026, 11, 2, 2, 0, 0))
  const week = await range({ scope: 'unit', period: 'custom', from: '2026-11-23', to: '2026-11-29' })
  expect(week.read).toEqual({ months: [], weeks: ['2026-11-23'], days: [] })
  const month = await range({ scope: 'unit', period: 'custom', from: '2026-11-01', to: '2026-11-30' })
  expect(month.read).toEqual({ months: ['2026-11'], weeks: [], days: [] })
  for (const view of [week, month]) expect(row(view, 'unit-demo')).toMatchObject({ received: 3, resolved: 3, resolvedOnTime: 1, ratings: 2, ratingSum: 7, satisfied: 1, reopened: 1, buckets: { h2: 1, d3: 2 } })
  const quarter = await range({ scope: 'city', period: 'quarter' })
  expect(quarter).toMatchObject({ from: '2026-10-01', to: '2026-12-02' })
  expect(row(quarter, 'all')).toMatchObject({ received: 3, resolved: 3 })
})

test('a rating window that closes unrated is counted on the day it closes', async () => {
  cloud.clock.set(Date.UTC(2026, 11, 20, 2, 0, 0))
  expectOk(await cloud.as(null).raw('report', { Type: 'Timer', TriggerName: 'closeRatingWindows' }))
  const view = await range({ scope: 'grid', period: 'custom', from: '2026-12-20', to: '2026-12-20' })
  expect(view.rows).toEqual([expect.objectContaining({ id: 'grid-xicheng', closedUnrated: 1, received: 0 })])
  // a second run finds nothing to close and counts nothing more
  expectOk(await cloud.as(null).raw('report', { Type: 'Timer', TriggerName: 'closeRatingWindows' }))
  expect(row(await range({ scope: 'city', period: 'custom', from: '2026-12-20', to: '2026-12-20' }), 'all').closedUnrated).toBe(1)
})

test('custom ranges: both ends, in order, not in the future, at most 92 days', async () => {
  const call = (data: Record<string, unknown>) => cloud.as(P.office).raw('stats', { action: 'range', data: { scope: 'city', period: 'custom', ...data } })
  expect(await call({ from: '2026-12-01' })).toMatchObject({ ok: false, code: 'STATS.RANGE_REQUIRED' })
  expect(await call({ from: '2026-12-10', to: '2026-12-01' })).toMatchObject({ ok: false, code: 'STATS.RANGE_ORDER' })
  expect(await call({ from: '2026-12-10', to: '2026-12-31' })).toMatchObject({ ok: false, code: 'STATS.RANGE_IN_FUTURE' })
  expect(await call({ from: '2026-09-19', to: '2026-12-20' })).toMatchObject({ ok: false, code: 'STATS.RANGE_TOO_LONG' })
  expect(await call({ from: '2026-09-20', to: '2026-12-20' })).toMatchObject({ ok: true })
  expect(await call({ from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
})

test('a resident may not read the office figures nor set the board rule', async () => {
  expect(await cloud.as(P.alice).call('stats', 'range', { scope: 'city', period: '7d' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  expect(await cloud.as(P.alice).call('stats', 'setBoardRule', { red: 1, black: 1, minReceived: 0 })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  expect(await cloud.as(P.handler).call('stats', 'escalations', {})).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
})

describe('a partner report (Open311)', () => {
  let partner: ReportCloud
  beforeAll(async () => {
    partner = await startReportCloud()
  })
  afterAll(() => partner.close())

  test('is received once, even when the partner sends the same request_id again', async () => {
    const apiKey = expectOk(await partner.as(P.office).call('open311', 'issueKey', { partner: '12345 热线' })).key
    const body = new URLSearchParams({ api_key: apiKey, service_code: 'illegal-ads', lat: String(DEMO_POINT.lat), long: String(DEMO_POINT.lng), description: '小广告', request_id: 'hotline-1' })
    for (let i = 0; i < 2; i++) expect(await open311({ method: 'POST', path: 'requests.json', query: new URLSearchParams(), body }, partner.platform)).toMatchObject({ status: expect.any(Number) })
    const view = expectOk(await partner.as(P.office).call('stats', 'range', { scope: 'grid', period: '7d' }))
    expect(view.rows).toEqual([expect.objectContaining({ id: 'grid-demo', received: 1 })])
  })
})
