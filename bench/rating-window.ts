/**
 * The 随手拍 rating-window timers at 100k 已办结 reports: `closeRatingWindows` (the window ends,
 * the report becomes 已评价 / 已办结（未评价）), `remindRatings` (one 评价提醒 a day before) and
 * `expireContacts` (the reporter's contact data goes after the retention period). Each job runs
 * through the report function's timer entry, as the platform's trigger calls it, until a run finds
 * nothing: a job does at most 20 pages of 100 per run, so a backlog takes several runs, and the
 * last run shows what an idle run costs. Figures, not pass/fail: time per run and per page, how many
 * runs a backlog takes, what was changed against what was seeded, and the plans that show each
 * job's query walks its index (cost follows the work left, not the table).
 * `npx tsx bench/rating-window.ts`, or through `npm run bench`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FUNCTIONS } from '../src/cloud/functions'
import { createLocalPlatform } from '../src/cloud/platform/local'
import type { CollectionReference, Database, DocumentReference, Query, QueryCondition } from '../src/cloud/platform/database'
import { loadSettings } from '../src/cloud/domain/report/city'
import { seedCity } from '../src/cloud/domain/report/seed'
import { RATE_REMINDER_BEFORE_MS } from '../src/cloud/domain/report/timers'
import type { ReportDoc } from '../src/cloud/domain/report/types'
import { REPORT_TEMPLATES } from '../src/shared/contract/report'
import { CATEGORIES, cellOf } from '../src/shared/report'
import { DEMO_GRIDS, DEMO_POINT } from '../src/cloud/domain/report/demo-city'
import { percentiles } from './actions'

const HOUR = 3600_000
const DAY = 24 * HOUR
/** shares of the seeded reports by where their window ends, seen from the bench's clock */
const PAST_DUE_SHARE = 0.3
const IN_HORIZON_SHARE = 0.05
/** safety stop: a job that never drains must not hang the bench */
const MAX_RUNS = 200
/**
 * The windows due within a day end in its last 4 hours: the close job's clock moves an hour per
 * run while it works off the backlog (15 runs), and must not reach them.
 */
const HORIZON_SPREAD_MS = 4 * HOUR
const SEED_BATCH = 5000

type Figures = Record<string, string | number>

/** What one timer run did, as the observed database saw it. */
interface RunTrace {
  ms: number
  /** page reads the job made, the last short (or empty) one included */
  pages: number
  /** ms from each page read to the next (or to the end of the run), for pages that held work */
  pageMs: number[]
}

/**
 * The jobs' paging loop is private to timers.ts, so the bench sees pages from outside: every
 * `get()` on a `where` query of `reports` is one page read. Transactions (`tx.collection`) and
 * document reads pass through unobserved.
 */
function observeReportPages(db: Database, onPage: (docs: number) => void): Database {
  const watch = (query: Query): Query => ({
    where: (condition: QueryCondition) => watch(query.where(condition)),
    orderBy: (field: string, order: 'asc' | 'desc') => watch(query.orderBy(field, order)),
    skip: (n: number) => watch(query.skip(n)),
    limit: (n: number) => watch(query.limit(n)),
    field: (projection: Record<string, boolean>) => watch(query.field(projection)),
    get: async () => {
      const result = await query.get()
      onPage(result.data.length)
      return result
    },
    count: () => query.count(),
    update: (options) => query.update(options),
    remove: () => query.remove(),
  })
  return {
    command: db.command,
    runTransaction: (work) => db.runTransaction(work),
    collection: (name: string): CollectionReference => {
      const collection = db.collection(name)
      if (name !== 'reports') return collection
      return {
        ...watch(collection),
        add: (options) => collection.add(options),
        doc: (id: string): DocumentReference => collection.doc(id),
      }
    },
  }
}

export interface RatingWindowFigures {
  seed: Figures
  close: Figures
  /** one row per hourly run it took to work off the backlog, and the idle run after */
  closeRuns: Array<Record<string, number>>
  remind: Figures
  expire: Figures
  plans: Figures
}

export async function runRatingWindowBench(reports = 100_000): Promise<RatingWindowFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-rating-window-bench-'))
  const silent = { info: () => undefined, error: () => undefined }
  const now0 = Date.UTC(2026, 11, 1, 1, 5)
  let now = now0
  const platform = createLocalPlatform({ dataDir, adminOpenids: ['bench-admin'], log: silent, clock: { now: () => now } })
  try {
    await seedCity(platform)
    const db = platform.db

    // 100k 已办结 reports from 20k people. A stride permutation of the index (7919 is prime, so
    // coprime to 100k) decides the bucket and the due time: insertion order (the _id) says nothing
    // about ratingDueAt, as in real life, and each bucket's size is exact.
    const pastDue = Math.round(reports * PAST_DUE_SHARE)
    const inHorizon = Math.round(reports * IN_HORIZON_SHARE)
    const later = reports - pastDue - inHorizon
    const grids = DEMO_GRIDS.features.map((f) => f.properties.id)
    let seededWithRating = 0
    const t0 = performance.now()
    // One transaction per batch: one commit for 5000 documents instead of one each (a commit per
    // add on this WAL file costs about 0.4 ms, and 100k of them are most of a minute). The table
    // and its declared indexes were made by opening the platform, as the local host opens it.
    const insertAll = (docs: ReportDoc[]) =>
      db.runTransaction(async (tx) => {
        for (const doc of docs) await tx.collection('reports').add({ data: { ...doc } })
      })
    const batch: ReportDoc[] = []
    for (let i = 0; i < reports; i++) {
      const rank = (i * 7919) % reports
      const ratingDueAt =
        rank < pastDue
          ? now0 - 1 - Math.floor((rank / pastDue) * 7 * DAY)
          : rank < pastDue + inHorizon
            ? now0 + RATE_REMINDER_BEFORE_MS - Math.floor(((rank - pastDue) / inHorizon) * HORIZON_SPREAD_MS)
            : now0 + RATE_REMINDER_BEFORE_MS + 1 + Math.floor(((rank - pastDue - inHorizon) / later) * 6 * DAY)
      // one in twenty went 1–2★ → 重办 requested → 维持办结: the rating stands, the window reopened
      const keptClosed = i % 20 === 0
      if (keptClosed && rank < pastDue) seededWithRating++
      const category = CATEGORIES[i % 15]
      const resolvedAt = ratingDueAt - 7 * DAY
      const lat = DEMO_POINT.lat - 0.02 + ((i * 7919) % 1000) / 25_000
      const lng = DEMO_POINT.lng - 0.03 + ((i * 104729) % 1000) / 16_000
      const doc: ReportDoc = {
        _id: `bench-${i.toString(36).padStart(6, '0')}`,
        kind: 'report',
        categoryId: category.id,
        status: 'resolved',
        reporterOpenid: `person-${i % 20_000}`,
        anonymous: i % 3 === 0,
        contactPhone: i % 2 === 0 ? '13800000000' : null,
        identityRemoved: false,
        location: { lat, lng, address: '示范路' },
        cell: cellOf({ lat, lng }),
        gridId: grids[i % grids.length],
        unitId: 'unit-demo',
        description: '示例',
        descriptionCheck: { pass: true, label: null },
        photos: [{ fileId: `cloud://local.wenming/reports/bench/${i}.jpg`, pass: true, label: null }],
        afterPhotos: [{ fileId: `cloud://local.wenming/reports/bench/${i}-after.jpg`, pass: true, label: null }],
        resolutionNote: '已清理',
        dueAt: null,
        open: false,
        stepEnteredAt: resolvedAt,
        confirmations: 0,
        rating: keptClosed ? { score: 2, comment: '还有残留', at: resolvedAt + HOUR } : null,
        rejectReason: null,
        duplicateOf: null,
        returnCount: 0,
        reopenCount: 0,
        keptClosedCount: keptClosed ? 1 : 0,
        ratingDueAt,
        ratingReminded: false,
        closedAt: null,
        public: true,
        publishedAt: resolvedAt,
        resolvedAt,
        version: keptClosed ? 7 : 5,
        createdAt: resolvedAt - 2 * DAY,
        updatedAt: resolvedAt,
      }
      batch.push(doc)
      if (batch.length >= SEED_BATCH) await insertAll(batch.splice(0))
    }
    await insertAll(batch)
    const seedMs = performance.now() - t0

    // runs the timer through the function's entry, on a platform whose reads of `reports` are timed
    const runTimer = async (trigger: string): Promise<RunTrace> => {
      const reads: Array<{ at: number; docs: number }> = []
      const observed = { ...platform, db: observeReportPages(platform.db, (docs) => reads.push({ at: performance.now(), docs })) }
      const started = performance.now()
      const result = await FUNCTIONS.report.invoke({ Type: 'Timer', TriggerName: trigger }, observed, null)
      const ended = performance.now()
      if (!result.ok) throw new Error(`timer ${trigger} failed: ${result.code}`)
      const pageMs = reads.flatMap((read, k) => (read.docs > 0 ? [(reads[k + 1]?.at ?? ended) - read.at] : []))
      return { ms: ended - started, pages: reads.length, pageMs }
    }

    // runs a job until a run changes nothing (that last run is the idle one); `clockAt(k)` is the
    // clock of run k, for a job whose trigger fires hourly while it works off a backlog
    const drain = async (trigger: string, changed: () => Promise<number>, clockAt: (run: number) => number = () => now) => {
      const runs: Array<RunTrace & { changed: number }> = []
      for (let before = await changed(); runs.length < MAX_RUNS; ) {
        now = clockAt(runs.length)
        const trace = await runTimer(trigger)
        const after = await changed()
        runs.push({ ...trace, changed: after - before })
        before = after
        if (trace.pageMs.length === 0) break
      }
      const busy = runs.filter((r) => r.changed > 0)
      const idle = runs[runs.length - 1]
      const pageMs = percentiles(busy.flatMap((r) => r.pageMs).concat(busy.length ? [] : [0]))
      return {
        runs,
        figures: {
          'runs until nothing left': busy.length,
          'changed by run 1': runs[0].changed,
          'changed in all': busy.reduce((n, r) => n + r.changed, 0),
          'total time, all runs (ms)': Math.round(busy.reduce((n, r) => n + r.ms, 0)),
          'run 1 time (ms)': Math.round(runs[0].ms),
          'pages read in all': busy.reduce((n, r) => n + r.pages, 0),
          'time per page p50 (ms)': pageMs.p50,
          'time per page p99 (ms)': pageMs.p99,
          'idle run: changed': idle.changed,
          'idle run: pages read': idle.pages,
          'idle run time (ms)': Number(idle.ms.toFixed(3)),
        },
      }
    }

    const _ = db.command
    const count = async (where: QueryCondition) => (await db.collection('reports').where(where).count()).total
    const closedCount = () => count({ status: _.in(['rated', 'closed-unrated']) })
    const sentReminders = () =>
      platform.openApi.outbox.filter((e) => e.api === 'subscribeMessage.send' && e.templateId === REPORT_TEMPLATES.rateReminder).length

    // 1. at the bench's clock, back to back: the windows ending within a day get their one
    // reminder, later ones wait (an hourly clock would slide the horizon over some of them)
    const remind = await drain('remindRatings', async () => sentReminders(), () => now0)
    const remindCheck = {
      'seeded within the reminder horizon': inHorizon,
      'reminders sent': remind.figures['changed in all'],
      'sent = seeded in horizon': remind.figures['changed in all'] === inHorizon ? 'yes' : 'NO',
      'flagged ratingReminded': await count({ status: 'resolved', ratingReminded: true }),
    }

    // 2. from the same clock on, an hour per run as the trigger fires: exactly the past-due close
    const close = await drain('closeRatingWindows', closedCount, (run) => now0 + run * HOUR)
    const rated = await count({ status: 'rated' })
    const stillPastDue = await count({ status: 'resolved', ratingDueAt: _.lt(now0) })
    const closeCheck = {
      'seeded past due': pastDue,
      closed: close.figures['changed in all'],
      'closed = seeded past due': close.figures['changed in all'] === pastDue ? 'yes' : 'NO',
      '→ 已评价 (rating stood) / seeded with rating': `${rated} / ${seededWithRating}`,
      'still 已办结 and past due': stillPastDue,
      'due within a day, still 已办结': await count({ status: 'resolved', ratingDueAt: _.gte(now0).and(_.lte(now0 + RATE_REMINDER_BEFORE_MS)) }),
      'closeWindow timeline entries': (await db.collection('report_events').where({ action: 'closeWindow' }).count()).total,
    }

    // 3. half an hour past the retention of what run 1 closed (at now0); the later runs' reports,
    // closed an hour apart after it, keep their contact data for now
    const { contactRetentionDays } = await loadSettings(platform)
    const closedFirstHour = close.runs[0].changed
    const expire = await drain('expireContacts', () => count({ identityRemoved: true }), () => now0 + contactRetentionDays * DAY + HOUR / 2)
    const expireCheck = {
      'contact retention (days)': contactRetentionDays,
      'closed before the cutoff (close run 1)': closedFirstHour,
      'contacts removed': expire.figures['changed in all'],
      'removed = closed before cutoff': expire.figures['changed in all'] === closedFirstHour ? 'yes' : 'NO',
      'closed later, contacts kept': await count({ status: _.in(['rated', 'closed-unrated']), identityRemoved: false }),
    }

    const plan = (where: QueryCondition, by: string) =>
      db.explain('reports', { where, orderBy: [{ path: by, order: 'asc' }], limit: 100 }).join(' | ')
    const plans = {
      closeRatingWindows: plan({ status: 'resolved', ratingDueAt: _.lt(now0) }, 'ratingDueAt'),
      remindRatings: plan({ status: 'resolved', ratingReminded: false, ratingDueAt: _.gte(now0).and(_.lte(now0 + RATE_REMINDER_BEFORE_MS)) }, 'ratingDueAt'),
      expireContacts: plan({ identityRemoved: false, closedAt: _.lte(now0) }, 'closedAt'),
    }

    return {
      seed: { 'resolved reports': reports, 'seed (s)': Number((seedMs / 1000).toFixed(1)), 'past due': pastDue, 'within a day': inHorizon, later },
      close: { ...close.figures, ...closeCheck },
      closeRuns: close.runs.map((r, k) => ({ run: k + 1, changed: r.changed, 'pages read': r.pages, ms: Math.round(r.ms) })),
      remind: { ...remind.figures, ...remindCheck },
      expire: { ...expire.figures, ...expireCheck },
      plans,
    }
  } finally {
    platform.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

export function printRatingWindowBench(figures: RatingWindowFigures): void {
  console.table(figures.seed)
  console.log('closeRatingWindows (run k at the bench clock + k−1 hours, until a run closes nothing)')
  console.table(figures.close)
  console.table(figures.closeRuns)
  console.log('remindRatings (back to back at the bench clock, until a run sends nothing)')
  console.table(figures.remind)
  console.log('expireContacts (past the retention of what close run 1 closed)')
  console.table(figures.expire)
  console.log('query plans')
  console.table(figures.plans)
}

if (require.main === module) {
  runRatingWindowBench().then(
    (figures) => printRatingWindowBench(figures),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
