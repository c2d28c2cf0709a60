import type { ReportView } from '@/shared/contract'
import { holderOf } from '@/shared/report'
import { markOverdue, readReportNow, REPORT_NOW, type MarkedReport } from '@/cloud/domain/report/now'
import { systemContext } from '@/cloud/runtime/define-function'
import type { ActionContext } from '@/cloud/runtime/context'
import type { Database } from '@/cloud/platform/database'
import { expectOk } from '../support/cloud'
import { HOUR, P, startReportCloud, XICHENG_POINT, type ReportCloud } from './report-fixtures'

/**
 * 随手拍 now: open reports by status and overdue now, kept on write, against counts by hand.
 * 牛皮癣小广告 (illegal-ads) is due in 2 h at 待受理, 4 h at 待签收 and 48 h at 处理中.
 */
let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

const ctx = (): ActionContext => systemContext(cloud.platform, 'test.reportNow')
const timer = async () => expectOk(await cloud.as(null).raw('report', { Type: 'Timer', TriggerName: 'markOverdue' }))

async function step(openid: string, action: string, reportId: string, data: Record<string, unknown> = {}) {
  const result = await cloud.as(openid).raw('report', { action, data: { reportId, ...data } })
  if (!result.ok) throw new Error(`${action} failed: ${result.code}`)
  return result.data as ReportView
}

async function allReports(): Promise<MarkedReport[]> {
  const out: MarkedReport[] = []
  for (let skip = 0; ; skip += 100) {
    const { data } = await cloud.platform.db.collection('reports').orderBy('_id', 'asc').skip(skip).limit(100).get()
    out.push(...(data as unknown as MarkedReport[]))
    if (data.length < 100) return out
  }
}

/** The answer by hand: 随手拍 per open status, and open reports past due at `at`. */
async function byHand(at: number) {
  const docs = await allReports()
  const byStatus: Record<string, number> = {}
  for (const d of docs) if (d.kind === 'report' && holderOf(d.status) !== null) byStatus[d.status] = (byStatus[d.status] ?? 0) + 1
  return { byStatus, overdue: docs.filter((d) => d.open && d.dueAt != null && d.dueAt < at).length, marked: docs.filter((d) => d.overdueMarkedAt != null).length }
}

const nonZero = (byStatus: Record<string, number>) => Object.fromEntries(Object.entries(byStatus).filter(([, n]) => n > 0))

async function storedState() {
  const counters = (await cloud.platform.db.collection(REPORT_NOW).orderBy('_id', 'asc').get()).data
  return { reports: await allReports(), counters }
}

test('after a mix of transitions the counters equal a count by hand; a second timer run changes nothing', async () => {
  const a = await cloud.submit(P.alice)
  const b = await cloud.submit(P.bob)
  const c = await cloud.submit(P.carol, { location: { ...XICHENG_POINT, address: '西城路 1 号' } })
  const d = await cloud.submit(P.alice)
  expect(nonZero((await readReportNow(ctx())).byStatus)).toEqual({ submitted: 4 })

  // nothing is overdue yet: the timer marks nothing
  await timer()
  expect((await readReportNow(ctx())).overdue).toBe(0)

  cloud.clock.advance(3 * HOUR) // every 待受理 is past its 2 h
  await timer()
  expect((await readReportNow(ctx())).overdue).toBe(4)

  await step(P.grid, 'dispatch', a.id) // leaves an overdue step: −1
  await step(P.grid, 'reject', d.id, { reason: 'out-of-scope' }) // closed: −1
  expect(await readReportNow(ctx())).toEqual({ byStatus: expect.objectContaining({ submitted: 2, dispatched: 1 }), overdue: 2 })

  const before = await storedState()
  await timer()
  expect(await storedState()).toEqual(before) // idempotent: nothing new is past due

  cloud.clock.advance(5 * HOUR) // A's 待签收 (4 h) is past due now
  await timer()
  expect((await readReportNow(ctx())).overdue).toBe(3)
  await step(P.handler, 'start', a.id)
  await step(P.otherGrid, 'dispatch', c.id)
  await step(P.handler, 'resolve', a.id, { afterPhotos: [await cloud.photo(P.handler)], note: '已清理' })
  await step(P.alice, 'rate', a.id, { score: 1, comment: '第二天又贴上了' }) // 重办 asked: open again, with the grid
  await timer()

  const now = await readReportNow(ctx())
  const hand = await byHand(cloud.clock.now())
  expect(nonZero(now.byStatus)).toEqual(hand.byStatus)
  expect(nonZero(now.byStatus)).toEqual({ submitted: 1, dispatched: 1, 'reopen-requested': 1 })
  // B is still past its 待受理; C and A entered fresh steps that are not due yet
  expect(now.overdue).toBe(hand.overdue)
  expect(now.overdue).toBe(1)
  expect(hand.marked).toBe(1)
  void b
})

/** Reports stored straight in the database: open, 待受理, due one minute apart in the past. */
async function seedOverdue(n: number): Promise<string[]> {
  const now = cloud.clock.now()
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const id = `rpt-overdue-${String(i).padStart(4, '0')}`
    ids.push(id)
    await cloud.platform.db.collection('reports').add({
      data: { _id: id, kind: 'report', categoryId: 'illegal-ads', status: 'submitted', open: true, gridId: 'grid-demo', unitId: null, stepEnteredAt: now - 10 * HOUR, dueAt: now - 5 * HOUR + i * 60_000, createdAt: now - 10 * HOUR, updatedAt: now - 10 * HOUR },
    })
  }
  return ids
}

const markedIds = async () => (await allReports()).filter((r) => r.overdueMarkedAt != null).map((r) => r._id)

test('pages of 100: a run stopped after page 1 continues where it stopped; a run that failed half way resumes with the counter exact', async () => {
  const ids = await seedOverdue(250)
  expect(await markOverdue(ctx(), { maxPages: 1 })).toBe(100)
  expect(await markedIds()).toEqual(ids.slice(0, 100)) // the longest past due first
  expect((await readReportNow(ctx())).overdue).toBe(100)

  // a run that dies on its 31st report: what it did is done and counted, nothing twice
  const real = ctx()
  let transactions = 0
  const failing: Database = Object.assign(Object.create(real.db) as Database, {
    runTransaction: <T>(work: Parameters<Database['runTransaction']>[0]) => {
      if (++transactions > 30) return Promise.reject(new Error('function instance killed'))
      return real.db.runTransaction(work) as Promise<T>
    },
  })
  await expect(markOverdue({ ...real, db: failing })).rejects.toThrow('killed')
  expect(await markedIds()).toEqual(ids.slice(0, 130))
  expect((await readReportNow(ctx())).overdue).toBe(130)

  expect(await markOverdue(ctx())).toBe(120)
  expect((await readReportNow(ctx())).overdue).toBe(250)
  expect(await markOverdue(ctx())).toBe(0)
  expect((await readReportNow(ctx())).overdue).toBe(250)
})

test('a report that leaves an overdue step is taken off; a mark of the step it is in now stays', async () => {
  const a = await cloud.submit(P.alice)
  cloud.clock.advance(3 * HOUR)
  await timer()
  expect((await readReportNow(ctx())).overdue).toBe(1)
  await step(P.grid, 'dispatch', a.id)
  expect((await readReportNow(ctx())).overdue).toBe(0)
  const stored = (await allReports()).find((r) => r._id === a.id) as MarkedReport
  expect(stored.overdueMarkedAt ?? null).toBeNull()
  cloud.clock.advance(5 * HOUR)
  await timer()
  await timer()
  expect((await readReportNow(ctx())).overdue).toBe(1)
})

test('reports stored before the counters are counted at the first read, and kept from then on', async () => {
  await seedOverdue(3) // straight into the database: no hook saw them
  expect(nonZero((await readReportNow(ctx())).byStatus)).toEqual({ submitted: 3 })
  const a = await cloud.submit(P.alice)
  await step(P.grid, 'dispatch', a.id)
  expect(nonZero((await readReportNow(ctx())).byStatus)).toEqual({ submitted: 3, dispatched: 1 })
  expect(nonZero((await readReportNow(ctx())).byStatus)).toEqual((await byHand(cloud.clock.now())).byStatus)
})
