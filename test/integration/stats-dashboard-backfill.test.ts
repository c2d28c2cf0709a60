import { backfillCounters, BACKFILL, type BackfillMarker } from '@/cloud/domain/stats/backfill'
import { STATS } from '@/cloud/domain/stats/counters'
import { findById } from '@/cloud/platform/find'
import { systemContext } from '@/cloud/runtime/define-function'
import { expectOk } from '../support/cloud'
import { HOUR, P, startReportCloud, XICHENG_POINT, type ReportCloud } from './report-fixtures'

/**
 * Reports stored before the counters existed: the backfill replays their timelines into the same
 * counter docs the write path keeps. Three reports are moved through real calls (A on time 5★;
 * B late, 2★, 重办; C late, its rating window closed unrated), which the write path counts — that
 * count is the answer. Then 79 copies of each (timelines too) are stored as the old code would
 * have left them, every counter and mark is wiped, and the backfill must produce 80 × the answer.
 */
let cloud: ReportCloud
const COPIES = 79
type Docs = Map<string, Record<string, unknown>>

async function step(openid: string, action: string, reportId: string, data: Record<string, unknown> = {}) {
  const result = await cloud.as(openid).raw('report', { action, data: { reportId, ...data } })
  if (!result.ok) throw new Error(`${action} failed: ${result.code}`)
}

/** Every counter doc of stats_days/weeks/months, by collection and id, without the write time. */
async function counters(): Promise<Docs> {
  const out: Docs = new Map()
  for (const collection of [STATS.days, STATS.weeks, STATS.months]) {
    for (let skip = 0; ; skip += 100) {
      const { data } = await cloud.platform.db.collection(collection).orderBy('_id', 'asc').skip(skip).limit(100).get()
      for (const { updatedAt, ...doc } of data) out.set(`${collection}/${doc._id}`, (void updatedAt, doc))
      if (data.length < 100) break
    }
  }
  return out
}

const COUNTED = ['received', 'dispatched', 'resolved', 'resolvedOnTime', 'ratings', 'ratingSum', 'satisfied', 'reopened', 'closedUnrated'] as const

function times(docs: Docs, k: number): Docs {
  const out: Docs = new Map()
  for (const [key, doc] of docs) {
    const next: Record<string, unknown> = { ...doc }
    for (const field of COUNTED) next[field] = (doc[field] as number) * k
    next.buckets = Object.fromEntries(Object.entries(doc.buckets as Record<string, number>).map(([b, n]) => [b, n * k]))
    out.set(key, next)
  }
  return out
}

/** Two sets of docs summed field by field (a doc in one only is taken as it is). */
function plus(a: Docs, b: Docs): Docs {
  const out: Docs = new Map(a)
  for (const [key, doc] of b) {
    const into = out.get(key)
    if (!into) {
      out.set(key, doc)
      continue
    }
    const next: Record<string, unknown> = { ...into }
    for (const field of COUNTED) next[field] = (into[field] as number) + (doc[field] as number)
    const buckets = into.buckets as Record<string, number>
    next.buckets = Object.fromEntries(Object.entries(doc.buckets as Record<string, number>).map(([k, n]) => [k, n + buckets[k]]))
    out.set(key, next)
  }
  return out
}

const timer = () => cloud.as(null).raw('stats', { Type: 'Timer', TriggerName: 'backfillCounters' })
const marker = () => findById<BackfillMarker>(cloud.platform.db, BACKFILL.collection, BACKFILL.id)

beforeAll(async () => {
  cloud = await startReportCloud()
  const A = (await cloud.submit(P.alice)).id
  const B = (await cloud.submit(P.alice)).id
  const C = (await cloud.submit(P.bob, { location: { ...XICHENG_POINT, address: '西城路 1 号' } })).id
  for (const [id, grid] of [[A, P.grid], [B, P.grid], [C, P.otherGrid]] as const) {
    await step(grid, 'dispatch', id)
    await step(P.handler, 'start', id)
  }
  cloud.clock.advance(HOUR)
  await step(P.handler, 'resolve', A, { afterPhotos: [await cloud.photo(P.handler)], note: '已清理' })
  await step(P.alice, 'rate', A, { score: 5 })
  cloud.clock.advance(50 * HOUR)
  for (const id of [B, C]) await step(P.handler, 'resolve', id, { afterPhotos: [await cloud.photo(P.handler)], note: '已清理' })
  await step(P.alice, 'rate', B, { score: 2, comment: '第二天又贴上了' })
  await step(P.grid, 'reopen', B)
  cloud.clock.advance(8 * 24 * HOUR)
  expectOk(await cloud.as(null).raw('report', { Type: 'Timer', TriggerName: 'closeRatingWindows' }))
  expect((await cloud.platform.db.collection('reports').doc(C).get()).data.status).toBe('closed-unrated')
})
afterAll(() => cloud.close())

let answer: Docs
let liveOnly: Docs
let liveId = ''

test('a run that stops half way resumes at its cursor; a third run changes nothing', async () => {
  answer = await counters()
  expect(answer.get(`${STATS.months}/city:all:2026-11`)).toMatchObject({ received: 3, resolved: 3, resolvedOnTime: 1, ratings: 2, reopened: 1 })
  expect(answer.get(`${STATS.months}/city:all:2026-12`)).toMatchObject({ closedUnrated: 1 })

  // the copies, as the code before the counters stored them: reports and timelines, nothing counted
  const db = cloud.platform.db
  const { data: originals } = await db.collection('reports').orderBy('_id', 'asc').limit(10).get()
  expect(originals).toHaveLength(3)
  for (const report of originals) {
    const { data: events } = await db.collection('report_events').where({ reportId: report._id }).orderBy('seq', 'asc').limit(100).get()
    // (the old code gave no 受理编号 either, which is unique)
    const { ticketNo, ...stored } = report
    void ticketNo
    for (let k = 1; k <= COPIES; k++) {
      const copyId = `${report._id}-old${String(k).padStart(2, '0')}`
      await db.collection('reports').add({ data: { ...stored, _id: copyId } })
      for (const { _id, ...event } of events) await db.collection('report_events').add({ data: { ...event, _id: `${_id}-old${k}`, reportId: copyId } })
    }
  }
  for (const collection of [STATS.days, STATS.weeks, STATS.months, STATS.marks]) await db.collection(collection).where({ _id: db.command.exists(true) }).remove()
  expect((await counters()).size).toBe(0)

  // one report the write path counts now (its received mark stands): the backfill leaves it alone
  liveId = (await cloud.submit(P.carol)).id
  liveOnly = await counters()
  expect(liveOnly.get(`${STATS.months}/city:all:2026-12`)).toMatchObject({ received: 1, resolved: 0 })
  cloud.clock.advance(60_000)

  // 3 × 80 + 1 = 241 reports: three pages of 100. The first run is cut after one page.
  const { data: firstPage } = await db.collection('reports').orderBy('_id', 'asc').limit(100).get()
  const oldInFirstPage = firstPage.filter((r) => r._id !== liveId).length
  const first = await backfillCounters(systemContext(cloud.platform, 'test'), { maxPages: 1 })
  expect(first).toMatchObject({ pages: 1, done: false, counted: oldInFirstPage, after: firstPage[99]._id })
  expect((await counters()).get(`${STATS.months}/city:all:2026-11`)).toMatchObject({ received: oldInFirstPage })

  // the timer's run picks up at the cursor and finishes: 80 × the answer, and the live report once
  expectOk(await timer())
  const done = (await marker())!
  expect(done).toMatchObject({ pages: 3, done: true, counted: 240 })
  const result = await counters()
  expect(result).toEqual(plus(times(answer, COPIES + 1), liveOnly))
  expect(result.get(`${STATS.months}/city:all:2026-12`)).toMatchObject({ received: 1, closedUnrated: 80 })

  // a third run (and a fourth, straight) change nothing
  expectOk(await timer())
  expect(await counters()).toEqual(result)
  expect(await backfillCounters(systemContext(cloud.platform, 'test'))).toEqual(done)
  expect(await counters()).toEqual(result)
})

test('a single clean pass over the same reports gives the same counts', async () => {
  const db = cloud.platform.db
  for (const collection of [STATS.days, STATS.weeks, STATS.months, STATS.marks, BACKFILL.collection]) await db.collection(collection).where({ _id: db.command.exists(true) }).remove()
  // the live report keeps its mark, as the write path left it
  await db.collection(STATS.marks).add({ data: { _id: `received:${liveId}`, at: cloud.clock.now() } })
  expect(await backfillCounters(systemContext(cloud.platform, 'test'), { maxPages: 10 })).toMatchObject({ pages: 3, done: true, counted: 240 })
  expect(await counters()).toEqual(times(answer, COPIES + 1))
})
