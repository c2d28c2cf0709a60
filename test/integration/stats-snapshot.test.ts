import { expectOk } from '../support/cloud'
import { HOUR, P, startReportCloud, type ReportCloud } from './report-fixtures'

/** The daily city snapshot: the previous Beijing day's totals and the overdue-open count at that moment. */
let cloud: ReportCloud
beforeAll(async () => {
  cloud = await startReportCloud()
})
afterAll(() => cloud.close())

const run = () => cloud.as(null).raw('stats', { Type: 'Timer', TriggerName: 'snapshotCity' })
const snapshots = async () => (await cloud.platform.db.collection('stats_snapshots').orderBy('_id', 'asc').get()).data

test('one doc for the previous day; running it twice changes nothing', async () => {
  // Wednesday 25 November 10:00 Beijing: two reports, one dispatched; neither is overdue yet
  const waiting = await cloud.submit(P.alice)
  const second = await cloud.submit(P.bob)
  expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: second.id }))
  // Thursday 00:10 Beijing (25 November 16:10 UTC): the accept step of the first (2 h) and the start step of the second (4 h) are past due
  cloud.clock.set(Date.UTC(2026, 10, 25, 16, 10, 0))
  expectOk(await run())
  const first = await snapshots()
  expect(first).toEqual([
    expect.objectContaining({
      _id: '2026-11-25',
      day: '2026-11-25',
      overdueOpen: 2,
      takenAt: Date.UTC(2026, 10, 25, 16, 10, 0),
      city: expect.objectContaining({ received: 2, dispatched: 1, resolved: 0 }),
    }),
  ])
  // later the same night: the same day is not taken again, even though the numbers moved
  cloud.clock.advance(HOUR)
  expectOk(await cloud.as(P.grid).call('report', 'reject', { reportId: waiting.id, reason: 'out-of-scope' }))
  expectOk(await run())
  expect(await snapshots()).toEqual(first)
})

test('the next day gets its own doc, zeros where nothing happened', async () => {
  cloud.clock.set(Date.UTC(2026, 10, 26, 16, 10, 0))
  expectOk(await run())
  const docs = await snapshots()
  expect(docs.map((d) => d._id)).toEqual(['2026-11-25', '2026-11-26'])
  expect(docs[1]).toMatchObject({ city: { received: 0, resolved: 0, buckets: { h2: 0, more: 0 } } })
})
