import { randomUUID } from 'node:crypto'
import { open311 } from '@/cloud/domain/open311'
import { DEMO_POINT } from '@/cloud/domain/report/demo-city'
import { seedDemoReports } from '@/cloud/domain/report/demo-reports'
import { BACKFILL } from '@/cloud/domain/report/ticket'
import type { ReportDoc } from '@/cloud/domain/report/types'
import type { ReportView } from '@/shared/contract'
import { expectOk } from '../support/cloud'
import { HOUR, P, reportIn, startReportCloud, storedReport, XICHENG_POINT, type ReportCloud } from './report-fixtures'

/**
 * 受理编号: SSP-<Beijing date>-<the day's sequence>, from one counter per day taken in the
 * transaction that stores the report — distinct and gap-free under concurrent submits, kept by a
 * retry, restarting each Beijing day; findable by staff within their scope; given to old reports
 * by a resumable backfill.
 */
let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

/** the test clock starts 2026-11-25 10:00 Beijing */
const TODAY = 'SSP-20261125'
const ticket = (seq: number, day = TODAY) => `${day}-${String(seq).padStart(4, '0')}`
const byTicket = (openid: string | null, ticketNo: string) => cloud.as(openid).call('report', 'byTicket', { ticketNo })
const timer = () => cloud.as(null).raw('report', { Type: 'Timer', TriggerName: 'backfillTicketNumbers' })

test('500 concurrent submits get 500 distinct numbers, the day’s sequence 1..500 without a gap', async () => {
  // 20 a day each (the demo city's limit): 25 residents
  const residents = Array.from({ length: 25 }, (_, i) => `resident-crowd-${i}`)
  const prepared: Array<{ openid: string; photo: string }> = []
  for (const openid of residents) {
    for (let i = 0; i < 20; i++) prepared.push({ openid, photo: await cloud.photo(openid) })
  }
  const views = await Promise.all(prepared.map(({ openid, photo }) => cloud.submit(openid, { photos: [photo] })))
  const numbers = views.map((v) => v.ticketNo)
  expect(new Set(numbers).size).toBe(500)
  expect([...numbers].sort()).toEqual(Array.from({ length: 500 }, (_, i) => ticket(i + 1)))
  // what the view said is what was stored
  const stored = await storedReport(cloud, views[123].id)
  expect(stored.ticketNo).toBe(views[123].ticketNo)
})

test('a retried submit keeps its number; two copies racing take one number, and the next report the next one', async () => {
  const photo = await cloud.photo(P.alice)
  const requestId = randomUUID()
  const first = await cloud.submit(P.alice, { photos: [photo], requestId })
  expect(first.ticketNo).toBe(ticket(1))
  const retry = await cloud.submit(P.alice, { photos: [photo], requestId })
  expect(retry).toMatchObject({ id: first.id, ticketNo: ticket(1) })

  // the same submit arriving twice at once: the loser's transaction rolls its number back with it
  const racing = await cloud.photo(P.bob)
  const again = randomUUID()
  const [a, b] = await Promise.all([cloud.submit(P.bob, { photos: [racing], requestId: again }), cloud.submit(P.bob, { photos: [racing], requestId: again })])
  expect(a.id).toBe(b.id)
  expect(a.ticketNo).toBe(ticket(2))
  expect(b.ticketNo).toBe(ticket(2))
  expect((await cloud.submit(P.carol)).ticketNo).toBe(ticket(3))
})

test('the sequence restarts at 0001 on the next Beijing day (midnight is 16:00 UTC)', async () => {
  cloud.clock.set(Date.UTC(2026, 10, 25, 15, 59, 59))
  expect((await cloud.submit(P.alice)).ticketNo).toBe(ticket(1))
  expect((await cloud.submit(P.bob)).ticketNo).toBe(ticket(2))
  cloud.clock.set(Date.UTC(2026, 10, 25, 16, 0, 0))
  expect((await cloud.submit(P.alice)).ticketNo).toBe(ticket(1, 'SSP-20261126'))
  expect((await cloud.submit(P.carol)).ticketNo).toBe(ticket(2, 'SSP-20261126'))
})

test('every report view names the report by its number: detail, my list, the grid’s queue, the ledger', async () => {
  const report = await cloud.submit(P.alice)
  expect(report.ticketNo).toBe(ticket(1))
  expect((await cloud.view(P.grid, report.id)).ticketNo).toBe(ticket(1))
  const mine = expectOk(await cloud.as(P.alice).call('report', 'mine', {}))
  expect(mine.items[0].ticketNo).toBe(ticket(1))
  const queue = expectOk(await cloud.as(P.grid).call('report', 'queue', { as: 'grid', status: 'submitted' }))
  expect(queue.items.map((i) => i.ticketNo)).toEqual([ticket(1)])
  cloud.clock.advance(30 * 24 * HOUR)
  const ledger = expectOk(await cloud.as(P.office).call('report', 'ledger', {}))
  expect(ledger.items.map((i) => i.ticketNo)).toEqual([ticket(1)])
})

describe('按编号查找 (report.byTicket)', () => {
  test('the grid worker of its grid finds it, another grid’s does not; the office finds any', async () => {
    const here = await cloud.submit(P.alice)
    const there = await cloud.submit(P.bob, { location: { ...XICHENG_POINT, address: '西城路' } })
    expect(expectOk(await byTicket(P.grid, here.ticketNo))).toMatchObject({ id: here.id, viewerRole: 'grid', ticketNo: here.ticketNo })
    expect(await byTicket(P.grid, there.ticketNo)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' })
    expect(await byTicket(P.otherGrid, here.ticketNo)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' })
    expect(expectOk(await byTicket(P.otherGrid, there.ticketNo)).id).toBe(there.id)
    expect(expectOk(await byTicket(P.office, there.ticketNo))).toMatchObject({ id: there.id, viewerRole: 'office' })
  })

  test('a handler finds only what was dispatched to their unit', async () => {
    const report = await cloud.submit(P.alice)
    expect(await byTicket(P.handler, report.ticketNo)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' })
    const dispatched = await reportIn(cloud, 'dispatched')
    expect(expectOk(await byTicket(P.handler, dispatched.ticketNo))).toMatchObject({ id: dispatched.id, viewerRole: 'handler' })
    expect(await byTicket(P.otherHandler, dispatched.ticketNo)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' })
  })

  test('a resident finds their own only — not someone else’s, not even a public one', async () => {
    const mine = await cloud.submit(P.alice)
    expect(expectOk(await byTicket(P.alice, mine.ticketNo))).toMatchObject({ id: mine.id, viewerRole: 'reporter' })
    expect(await byTicket(P.bob, mine.ticketNo)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' })
    await cloud.platform.db.collection('reports').doc(mine.id).update({ data: { public: true } })
    expect(expectOk(await cloud.as(P.bob).call('report', 'get', { reportId: mine.id })).viewerRole).toBe('public')
    expect(await byTicket(P.bob, mine.ticketNo)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' })
  })

  test('what people type is forgiven (case, spaces); a malformed number is refused, an unknown one not found', async () => {
    const report = await cloud.submit(P.alice)
    expect(expectOk(await byTicket(P.grid, ` ${report.ticketNo.toLowerCase()} `)).id).toBe(report.id)
    expect(await byTicket(P.grid, 'FE476CB1')).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await byTicket(P.grid, ticket(99))).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' })
  })
})

test('an Open311 partner report draws from the same counter, and GeoReport’s token is the number', async () => {
  const apiKey = expectOk(await cloud.as(P.office).call('open311', 'issueKey', { partner: '12345 热线' })).key
  const resident = await cloud.submit(P.alice)
  const posted = await open311(
    {
      method: 'POST',
      path: 'requests.json',
      query: new URLSearchParams(),
      body: new URLSearchParams({ api_key: apiKey, service_code: 'illegal-ads', lat: String(DEMO_POINT.lat), long: String(DEMO_POINT.lng), description: '电线杆上贴满小广告', request_id: 'hotline-1' }),
    },
    cloud.platform,
  )
  expect(posted.status).toBe(201)
  const [{ service_request_id: id }] = posted.body as Array<{ service_request_id: string }>
  expect((await storedReport(cloud, id)).ticketNo).toBe(ticket(2))
  expect(resident.ticketNo).toBe(ticket(1))
  const got = await open311({ method: 'GET', path: `requests/${id}.json`, query: new URLSearchParams({ api_key: apiKey }) }, cloud.platform)
  expect(got.body).toMatchObject([{ service_request_id: id, token: ticket(2) }])
  expect(expectOk(await byTicket(P.grid, ticket(2))).id).toBe(id)
})

test('seeded demo reports carry numbers of the day they were filed', async () => {
  await seedDemoReports(cloud.platform)
  const { data } = await cloud.platform.db.collection('reports').where({ reporterOpenid: 'demo-neighbour' }).limit(100).get()
  const numbers = (data as unknown as ReportDoc[]).map((r) => r.ticketNo)
  expect(numbers.length).toBeGreaterThan(0)
  for (const n of numbers) expect(n).toMatch(/^SSP-\d{8}-\d{4}$/)
  expect(new Set(numbers).size).toBe(numbers.length)
})

test('reports stored before numbers existed get one from the backfill, once, on the day they were filed; it resumes and then stops', async () => {
  const old: ReportView[] = []
  for (let i = 0; i < 3; i++) old.push(await cloud.submit(P.alice))
  const yesterday = Date.UTC(2026, 10, 24, 3, 0, 0)
  for (const r of old) {
    await cloud.platform.db.collection('reports').doc(r.id).update({ data: { ticketNo: cloud.platform.db.command.remove(), createdAt: yesterday } })
  }
  // before the backfill reaches it, a view shows the old fragment
  expect((await cloud.view(P.alice, old[0].id)).ticketNo).toBe(old[0].id.slice(-8).toUpperCase())
  const fresh = await cloud.submit(P.bob)
  expect(fresh.ticketNo).toBe(ticket(4))

  expectOk(await timer())
  const numbered = await Promise.all(old.map(async (r) => (await storedReport(cloud, r.id)).ticketNo))
  expect([...numbered].sort()).toEqual([ticket(1, 'SSP-20261124'), ticket(2, 'SSP-20261124'), ticket(3, 'SSP-20261124')])
  expect((await storedReport(cloud, fresh.id)).ticketNo).toBe(ticket(4))
  expect(expectOk(await byTicket(P.grid, numbered[0] as string)).id).toBe(old[0].id)
  const cursor = (await cloud.platform.db.collection(BACKFILL).doc('reports').get()).data
  expect(cursor).toMatchObject({ done: true, numbered: 3 })

  // idempotent: a second run numbers nothing again
  expectOk(await timer())
  expect(await Promise.all(old.map(async (r) => (await storedReport(cloud, r.id)).ticketNo))).toEqual(numbered)
})

test('the backfill resumes from its cursor: a run that stopped part-way carries on after the last report it handled', async () => {
  const reports: ReportView[] = []
  for (let i = 0; i < 4; i++) reports.push(await cloud.submit(i % 2 ? P.alice : P.bob))
  for (const r of reports) await cloud.platform.db.collection('reports').doc(r.id).update({ data: { ticketNo: cloud.platform.db.command.remove() } })
  const ids = reports.map((r) => r.id).sort()
  // as if a run had stopped after the first two reports in _id order, numbering them
  await cloud.platform.db.collection(BACKFILL).doc('reports').set({ data: { after: ids[1], done: false, numbered: 2, updatedAt: 0 } })
  expectOk(await timer())
  const after = await Promise.all(ids.map(async (id) => (await storedReport(cloud, id)).ticketNo ?? null))
  expect(after.slice(0, 2)).toEqual([null, null])
  expect(after.slice(2).sort()).toEqual([ticket(5), ticket(6)])
  expect((await cloud.platform.db.collection(BACKFILL).doc('reports').get()).data).toMatchObject({ done: true, numbered: 4 })
})
