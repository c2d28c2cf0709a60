import type { StatsBoardView, StatsCounts } from '@/shared/contract'
import { emptyCounts, statsDocId, type StatsDoc } from '@/cloud/domain/stats/counters'
import { expectOk } from '../support/cloud'
import { P, startReportCloud, type ReportCloud } from './report-fixtures'

/**
 * The 红黑榜 from week docs whose numbers the test sets (the counters themselves are checked in
 * stats-counters.test.ts), the office's rule, publication and the 约谈 flag. The clock starts on
 * Wednesday 2026-11-25 10:00 Beijing, in the week of Monday the 23rd.
 */
let cloud: ReportCloud
beforeAll(async () => {
  cloud = await startReportCloud()
})
afterAll(() => cloud.close())

type Counts = Partial<Omit<StatsCounts, 'buckets'>> & { buckets?: Partial<StatsCounts['buckets']> }

async function seedWeek(scope: 'unit' | 'grid', week: string, rows: Record<string, Counts>) {
  for (const [scopeId, counts] of Object.entries(rows)) {
    const base = emptyCounts()
    const doc: StatsDoc = { _id: statsDocId(scope, scopeId, week), scope, scopeId, period: week, ...base, ...counts, buckets: { ...base.buckets, ...counts.buckets }, updatedAt: 0 }
    await cloud.platform.db.collection('stats_weeks').add({ data: { ...doc } })
  }
}

const board = async (scope: 'unit' | 'grid' = 'unit', period: 'week' | 'month' = 'week') =>
  expectOk(await cloud.as(P.carol).call('stats', 'board', { scope, period })) as StatsBoardView

const order = (view: StatsBoardView) => view.rows.map((r) => [r.id, r.rank, r.list])

test('ranked by on-time rate with the office rule: ties share a rank, too few reports are not ranked', async () => {
  await seedWeek('unit', '2026-11-23', {
    'unit-demo': { received: 10, resolved: 10, resolvedOnTime: 9, buckets: { h4: 6, d1: 4 }, ratings: 4, satisfied: 3 },
    'unit-traffic': { received: 10, resolved: 10, resolvedOnTime: 8, reopened: 1 },
    'unit-market': { received: 5, resolved: 5, resolvedOnTime: 4 },
    'unit-street-east': { received: 6, resolved: 6, resolvedOnTime: 3 },
    'unit-sanitation': { received: 4, resolved: 4, resolvedOnTime: 2 },
    'unit-publicity': { received: 3 },
    'unit-dog': { received: 2, resolved: 2, resolvedOnTime: 2 },
  })
  const before = await board()
  // the defaults 5 / 3 / 5: only four units received five or more
  expect(before.rule).toEqual({ red: 5, black: 3, minReceived: 5 })
  expect(before.ruleText).toBe('按按时办结率从高到低排名（按时办结率相同的并列，按时办结件数多的排在前面）；前 5 名上红榜，其余单位中排名最后的 3 个上黑榜；本期受理少于 5 件的单位不参与排名。')
  expect(before.red.map((r) => r.id)).toEqual(['unit-demo', 'unit-traffic', 'unit-market', 'unit-street-east'])
  expect(before.black).toEqual([])

  expectOk(await cloud.as(P.office).call('stats', 'setBoardRule', { red: 2, black: 2, minReceived: 3 }))
  const view = await board()
  expect(view).toMatchObject({ scope: 'unit', period: 'week', key: '2026-11-23', rule: { red: 2, black: 2, minReceived: 3 } })
  expect(view.ruleText).toContain('前 2 名上红榜，其余单位中排名最后的 2 个上黑榜；本期受理少于 3 件的单位不参与排名')
  expect(order(view)).toEqual([
    ['unit-demo', 1, 'red'],
    ['unit-traffic', 2, 'red'],
    // the same 80% as 交警: the same rank, behind it for fewer resolved on time, and not on the 红榜
    ['unit-market', 2, null],
    ['unit-street-east', 4, null],
    ['unit-sanitation', 4, 'black'],
    // nothing resolved counts as 0%
    ['unit-publicity', 6, 'black'],
    ['unit-dog', null, null],
  ])
  expect(view.rows[0]).toMatchObject({ name: '城市管理综合执法大队', received: 10, resolved: 10, resolvedOnTime: 9, onTimeRate: 0.9, medianLabel: '4 小时内', satisfactionRate: 0.75, reopened: 0 })
  expect(view.rows[1]).toMatchObject({ reopened: 1, reopenedShare: 0.1 })

  // the change is on the audit log with before and after
  const { data } = await cloud.platform.db.collection('audit_log').where({ subjectType: 'stats_board_rule' }).get()
  expect(data).toEqual([
    expect.objectContaining({ action: 'set', actorOpenid: P.office, detail: { before: JSON.stringify({ red: 5, black: 3, minReceived: 5 }), after: JSON.stringify({ red: 2, black: 2, minReceived: 3 }) } }),
  ])
})

test('grids have their own board, named from report_grids; the month board reads the month docs', async () => {
  await seedWeek('grid', '2026-11-23', { 'grid-demo': { received: 4, resolved: 3, resolvedOnTime: 3 }, 'grid-xicheng': { received: 3, resolved: 3, resolvedOnTime: 1 } })
  const grids = await board('grid')
  expect(grids.ruleText).toContain('其余网格中排名最后的 2 个上黑榜')
  expect(order(grids)).toEqual([
    ['grid-demo', 1, 'red'],
    ['grid-xicheng', 2, 'red'],
  ])
  expect(grids.rows.map((r) => r.name)).toEqual(['文明路网格', '西城网格'])
  // nothing counted this month through the report path yet
  expect((await board('unit', 'month')).rows).toEqual([])
})

test('reports moving through the report path land on the live board', async () => {
  await cloud.submit(P.alice)
  const [report] = (await cloud.as(P.grid).call('report', 'queue', { as: 'grid', status: 'submitted' }).then(expectOk)).items
  expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id }))
  const month = await board('unit', 'month')
  expect(month.rows).toEqual([expect.objectContaining({ id: 'unit-demo', received: 1, resolved: 0, rank: null, list: null })])
})

test('publication: a finished week, once; black twice in a row is flagged for 约谈', async () => {
  const publish = (week: string) => cloud.as(P.office).raw('stats', { action: 'publishBoard', data: { week } })
  // the week before: 公益广告 and 环卫 are black (rule 2 / 2 / 3)
  await seedWeek('unit', '2026-11-16', {
    'unit-demo': { received: 5, resolved: 5, resolvedOnTime: 5 },
    'unit-traffic': { received: 5, resolved: 5, resolvedOnTime: 4 },
    'unit-market': { received: 5, resolved: 5, resolvedOnTime: 3 },
    'unit-publicity': { received: 5, resolved: 5, resolvedOnTime: 1 },
    'unit-sanitation': { received: 5, resolved: 5, resolvedOnTime: 0 },
  })
  expect(await publish('2026-11-18')).toMatchObject({ ok: false, code: 'STATS.NOT_MONDAY' })
  const first = expectOk(await publish('2026-11-16')) as { escalated: string[]; units: StatsBoardView }
  expect(first.units.black.map((r) => r.id)).toEqual(['unit-publicity', 'unit-sanitation'])
  // nothing was published the week before that
  expect(first.escalated).toEqual([])
  expect(await publish('2026-11-16')).toMatchObject({ ok: false, code: 'STATS.ALREADY_PUBLISHED' })

  // the week of the 23rd ends at Monday 30 November 00:00 Beijing (29 November 16:00 UTC)
  const weekEnd = Date.UTC(2026, 10, 29, 16, 0, 0)
  cloud.clock.set(weekEnd - 1)
  expect(await publish('2026-11-23')).toMatchObject({ ok: false, code: 'STATS.WEEK_NOT_ENDED' })
  expect((await cloud.platform.db.collection('stats_boards').count()).total).toBe(1)
  cloud.clock.set(weekEnd)
  const second = expectOk(await publish('2026-11-23')) as { escalated: string[]; units: StatsBoardView; grids: StatsBoardView }
  expect(second.units.black.map((r) => r.id)).toEqual(['unit-sanitation', 'unit-publicity'])
  expect(second.escalated.sort()).toEqual(['unit-publicity', 'unit-sanitation'])
  expect(second.grids.rows.map((r) => r.id)).toEqual(['grid-demo', 'grid-xicheng'])
  expect(await publish('2026-11-23')).toMatchObject({ ok: false, code: 'STATS.ALREADY_PUBLISHED' })

  const page = expectOk(await cloud.as(P.office).call('stats', 'escalations', {}))
  expect(page.next).toBeNull()
  expect(page.items.map((e) => [e.unitId, e.unitName, e.week, e.previousWeek, e.at]).sort()).toEqual([
    ['unit-publicity', '公益广告管理中心', '2026-11-23', '2026-11-16', weekEnd],
    ['unit-sanitation', '环境卫生管理所', '2026-11-23', '2026-11-16', weekEnd],
  ])
  // the frozen board does not move when counters do
  await cloud.platform.db.collection('stats_weeks').where({ _id: statsDocId('unit', 'unit-sanitation', '2026-11-23') }).update({ data: { resolvedOnTime: 4 } })
  const frozen = (await cloud.platform.db.collection('stats_boards').doc('2026-11-23').get()).data as unknown as { blackUnitIds: string[] }
  expect(frozen.blackUnitIds).toEqual(['unit-sanitation', 'unit-publicity'])
})

test('only the office publishes', async () => {
  expect(await cloud.as(P.alice).call('stats', 'publishBoard', { week: '2026-11-09' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
})
