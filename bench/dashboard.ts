/**
 * The office's dashboard and the 红黑榜 at the scale of a real city: one year of 随手拍 counters for
 * 1,000,000 reports (120 units, 60 grids, 15 categories), 365 daily snapshots, and a year of the
 * other areas' counters (200 posters, 100 volunteer teams, 11 quiz topics, 12 handbook chapters).
 * Times, through the real handler (in-process), `dashboard` for each view (and the whole, no view)
 * × 7 days, 30 days and the quarter, and `board` for the week and the month, p50/p99 (a table), and prints SQLite's EXPLAIN QUERY PLAN for every
 * query those views run. Figures, not pass/fail: `npx tsx bench/dashboard.ts`.
 *
 * The counters go straight into the SQLite file, one transaction per collection (the same `(id,
 * doc)` rows the store writes, as bench/inspect.ts does): a million reports through submit would
 * take hours, and the views never read a report — only the counter docs, which are generated here
 * from a million simulated reports with the write path's own bucketing (bucketOf) and doc ids.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { FUNCTIONS } from '../src/cloud/functions'
import { createLocalPlatform } from '../src/cloud/platform/local'
import type { QueryCondition } from '../src/cloud/platform/database'
import type { Order } from '../src/cloud/platform/local/database/query'
import { bucketOf, CITY_ID, emptyCounts, STATS, statsDocId } from '../src/cloud/domain/stats/counters'
import { DASH, DASH_ALL, dashDocId, type DashArea } from '../src/cloud/domain/stats/dash'
import { SNAPSHOTS } from '../src/cloud/domain/stats/snapshot'
import { segmentsOf } from '../src/cloud/domain/stats/read'
import { planOf } from '../src/cloud/domain/stats/dashboard'
import { CATEGORIES } from '../src/shared/report'
import { QUIZ_TOPICS } from '../src/shared/contract/quiz'
import type { StatsCounts, StatsScope } from '../src/shared/contract'
import { HANDBOOK_CHAPTERS } from '../src/shared/handbook/ids'
import { addDays, dayOf, DAY_MS, monthOf, weekOf } from '../src/shared/calendar/weeks'
import type { Result } from '../src/shared/errors'
import { percentiles } from './actions'

const REPORTS = 1_000_000
const UNITS = 120
const GRIDS = 60
const CATEGORY_COUNT = 15
const DAYS = 365
const POSTERS = 200
const TEAMS = 100
const SAMPLES = 100
const ADMIN = 'bench-admin'

/** a small deterministic generator: the same city every run */
function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type StatsRow = StatsCounts & { scope: StatsScope; scopeId: string; period: string; updatedAt: number }

export async function runDashboardBench(): Promise<Record<string, string | number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-dashboard-bench-'))
  // Tuesday 2026-12-01 14:00 Beijing: the year of data runs up to now
  const now = Date.UTC(2026, 11, 1, 6, 0)
  const silent = { info: () => undefined, error: () => undefined }
  const platform = createLocalPlatform({ dataDir, adminOpenids: [ADMIN], log: silent, clock: { now: () => now } })
  const raw = new BetterSqlite3(path.join(dataDir, 'wenming.sqlite'))
  raw.pragma('journal_mode = WAL')
  const figures: Record<string, string | number> = {}
  const plans: Array<[string, string[]]> = []
  const rng = seeded(11)
  const pick = (n: number) => Math.floor(rng() * n)

  const bulk = (table: string, rows: Iterable<[string, unknown]>): number => {
    const insert = raw.prepare(`INSERT INTO "${table}" (id, doc) VALUES (?, ?)`)
    let n = 0
    raw.transaction(() => {
      for (const [id, doc] of rows) {
        insert.run(id, JSON.stringify(doc))
        n++
      }
    })()
    return n
  }

  try {
    const t0 = performance.now()
    const unitId = (u: number) => `unit-${String(u).padStart(3, '0')}`
    const gridId = (g: number) => `grid-${String(g).padStart(2, '0')}`
    const categories = CATEGORIES.slice(0, CATEGORY_COUNT).map((c) => c.id)
    bulk('report_units', Array.from({ length: UNITS }, (_, u) => [unitId(u), { name: `责任单位${u + 1}` }] as [string, unknown]))
    // 60 grids on a 10 × 6 lattice, each a square ring
    bulk(
      'report_grids',
      Array.from({ length: GRIDS }, (_, g) => {
        const lng = 120.1 + (g % 10) * 0.01
        const lat = 30.2 + Math.floor(g / 10) * 0.01
        const ring: Array<[number, number]> = [[lng, lat], [lng + 0.01, lat], [lng + 0.01, lat + 0.01], [lng, lat + 0.01], [lng, lat]]
        return [gridId(g), { name: `网格${g + 1}`, district: '文明区', geometry: { type: 'Polygon', coordinates: [ring] }, minLng: lng, minLat: lat, maxLng: lng + 0.01, maxLat: lat + 0.01 }] as [string, unknown]
      }),
    )

    // ---- a million reports' worth of counters, as recordReceived/recordTransition would leave them
    const docs = { days: new Map<string, StatsRow>(), weeks: new Map<string, StatsRow>(), months: new Map<string, StatsRow>() }
    const touch = (granularity: keyof typeof docs, scope: StatsScope, scopeId: string, period: string): StatsRow => {
      const id = statsDocId(scope, scopeId, period)
      let doc = docs[granularity].get(id)
      if (!doc) {
        doc = { scope, scopeId, period, ...emptyCounts(), updatedAt: now }
        docs[granularity].set(id, doc)
      }
      return doc
    }
    const bump = (scopes: Array<[StatsScope, string]>, at: number, apply: (doc: StatsRow) => void) => {
      for (const [scope, scopeId] of scopes) {
        apply(touch('days', scope, scopeId, dayOf(at)))
        apply(touch('weeks', scope, scopeId, weekOf(at)))
        apply(touch('months', scope, scopeId, monthOf(at)))
      }
    }
    const start = now - DAYS * DAY_MS
    for (let r = 0; r < REPORTS; r++) {
      const createdAt = start + Math.floor(rng() * (DAYS * DAY_MS - 2 * 3_600_000))
      const scopes: Array<[StatsScope, string]> = [['city', CITY_ID], ['grid', gridId(pick(GRIDS))], ['category', categories[pick(CATEGORY_COUNT)]]]
      const unit: [StatsScope, string] = ['unit', unitId(pick(UNITS))]
      bump(scopes, createdAt, (d) => void d.received++)
      const dispatchedAt = createdAt + 600_000
      bump([...scopes, unit], dispatchedAt, (d) => void d.dispatched++)
      bump([unit], dispatchedAt, (d) => void d.received++)
      if (rng() < 0.9) {
        const took = Math.floor(rng() * rng() * 8 * DAY_MS)
        const resolvedAt = Math.min(createdAt + took, now - 1)
        const onTime = took <= 3 * DAY_MS
        const bucket = bucketOf(resolvedAt - createdAt)
        bump([...scopes, unit], resolvedAt, (d) => {
          d.resolved++
          if (onTime) d.resolvedOnTime++
          d.buckets[bucket]++
        })
        if (rng() < 0.5) {
          const score = 1 + pick(5)
          bump([...scopes, unit], resolvedAt, (d) => {
            d.ratings++
            d.ratingSum += score
            if (score >= 4) d.satisfied++
          })
          if (score <= 2 && rng() < 0.5) bump([...scopes, unit], resolvedAt, (d) => void d.reopened++)
        }
      }
    }
    figures.reports = REPORTS
    figures['generate counters (s)'] = Number(((performance.now() - t0) / 1000).toFixed(1))
    const t1 = performance.now()
    figures['stats day docs'] = bulk(STATS.days, docs.days.entries())
    figures['stats week docs'] = bulk(STATS.weeks, docs.weeks.entries())
    figures['stats month docs'] = bulk(STATS.months, docs.months.entries())

    // ---- 365 daily snapshots: a copy of the city's day doc and the overdue count
    const firstDay = dayOf(start)
    const snapshots: Array<[string, unknown]> = []
    for (let day = firstDay; day < dayOf(now); day = addDays(day, 1)) {
      const city = docs.days.get(statsDocId('city', CITY_ID, day)) ?? { ...emptyCounts() }
      const { scope, scopeId, period, updatedAt, ...counts } = city as StatsRow
      void [scope, scopeId, period, updatedAt]
      snapshots.push([day, { day, city: counts, overdueOpen: 200 + pick(300), takenAt: now }])
    }
    figures.snapshots = bulk(SNAPSHOTS, snapshots)

    // ---- the other areas for a year: posters, teams, quiz topics, chapters
    const dash = { days: new Map<string, { area: DashArea; scopeId: string; period: string; counts: Record<string, number>; updatedAt: number }>(), weeks: new Map(), months: new Map() } as const
    const dashBump = (area: DashArea, scopeId: string, day: string, deltas: Record<string, number>) => {
      const noon = Date.parse(`${day}T04:00:00Z`)
      for (const [granularity, period] of [['days', day], ['weeks', weekOf(noon)], ['months', monthOf(noon)]] as const) {
        const id = dashDocId(area, scopeId, period)
        const doc = dash[granularity].get(id) ?? { area, scopeId, period, counts: {}, updatedAt: now }
        for (const [k, n] of Object.entries(deltas)) doc.counts[k] = (doc.counts[k] ?? 0) + n
        dash[granularity].set(id, doc)
      }
    }
    const posterId = (p: number) => `P${String(p).padStart(5, '0')}`
    bulk('posters', Array.from({ length: POSTERS }, (_, p) => [posterId(p), { title: `公益广告${p + 1}`, status: 'active' }] as [string, unknown]))
    let registered = 0
    for (let day = firstDay; day <= dayOf(now); day = addDays(day, 1)) {
      for (let p = 0; p < POSTERS; p++) {
        const scans = pick(40)
        dashBump('poster', posterId(p), day, { scans, people: Math.floor(scans * 0.8), reports: pick(3), chapters: pick(4), quizzes: pick(5) })
      }
      const signedToday = 20 + pick(40)
      registered += signedToday
      dashBump('volunteer', DASH_ALL, day, { registered: signedToday })
      for (let t = 0; t < TEAMS; t++) {
        if (rng() > 0.3) continue
        const signups = 5 + pick(20)
        const confirmed = Math.floor(signups * 0.8)
        const deltas = { signups, noShows: signups - confirmed, minutes: confirmed * 120, confirmed }
        dashBump('volunteerTeam', `team-${t}`, day, deltas)
        dashBump('volunteer', DASH_ALL, day, deltas)
      }
      for (const topic of QUIZ_TOPICS) {
        const papers = 50 + pick(100)
        const deltas = { papers, answered: papers * 5, correct: Math.floor(papers * 5 * 0.7) }
        // the write path bumps the topic and the city-wide `all` doc together (dash.ts)
        dashBump('quiz', topic, day, deltas)
        dashBump('quiz', DASH_ALL, day, deltas)
      }
      for (const c of HANDBOOK_CHAPTERS) dashBump('handbook', c.id, day, { readers: 30 + pick(60), finished: 10 + pick(30) })
    }
    figures['dash day docs'] = bulk(DASH.days, dash.days.entries())
    figures['dash week docs'] = bulk(DASH.weeks, dash.weeks.entries())
    figures['dash month docs'] = bulk(DASH.months, dash.months.entries())
    bulk(DASH.totals, [[`volunteer:${DASH_ALL}`, { area: 'volunteer', scopeId: DASH_ALL, counts: { registered }, updatedAt: now }]])
    figures['write counters (s)'] = Number(((performance.now() - t1) / 1000).toFixed(1))
    // the generator's maps (≈ 200k docs) are in the database now: let them go, so the timings do not
    // pay for collecting a heap the cloud function would never hold
    for (const map of [docs.days, docs.weeks, docs.months, dash.days, dash.weeks, dash.months]) map.clear()
    figures['database MB'] = Math.round(fs.statSync(path.join(dataDir, 'wenming.sqlite')).size / 1e6)

    // ---- the views, through the handler
    const fn = FUNCTIONS.stats
    const invoke = async (who: string, action: string, data: unknown): Promise<{ ms: number; result: Result<unknown> }> => {
      const s = performance.now()
      const result = (await fn.invoke({ action, data }, platform, { openid: who })) as Result<unknown>
      return { ms: performance.now() - s, result }
    }
    expectOkOrThrow(await invoke(ADMIN, 'setTargets', { population: 5_000_000, registrationTarget: 0.13 }))
    const measure = async (label: string, call: (k: number) => Promise<{ ms: number; result: Result<unknown> }>) => {
      expectOkOrThrow(await call(0)) // warm: statements prepared, pages cached
      const samples: number[] = []
      for (let k = 0; k < SAMPLES; k++) {
        const { ms, result } = await call(k)
        expectOkOrThrow({ result })
        samples.push(ms)
      }
      const p = percentiles(samples)
      figures[`${label} p50 ms`] = p.p50
      figures[`${label} p99 ms`] = p.p99
    }
    const today = dayOf(now)
    const PERIODS = [['7d', addDays(today, -6)], ['30d', addDays(today, -29)], ['quarter', '2026-10-01']] as const
    const VIEWS = ['all', 'overview', 'reports', 'volunteers', 'quiz', 'posters', 'handbook'] as const
    for (const [period, from] of PERIODS) {
      const read = segmentsOf(from, today)
      figures[`dashboard ${period} segments`] = `${read.months.length} months + ${read.weeks.length} weeks + ${read.days.length} days`
      const plan = planOf(from, today, today)
      figures[`dashboard ${period} reads per scope`] = `${plan.length}: ${plan.map((p) => `${p.sign < 0 ? '−' : '+'}${p.period}`).join(' ')}`
    }
    // each view × each period; `all` is the whole dashboard (no view), as before this change
    const table: Array<{ view: string; period: string; p50: number; p99: number; kB: number }> = []
    for (const view of VIEWS) {
      for (const [period] of PERIODS) {
        const data = view === 'all' ? { period } : { period, view }
        const label = `dashboard ${view} ${period}`
        await measure(label, () => invoke(ADMIN, 'dashboard', data))
        const once = (await invoke(ADMIN, 'dashboard', data)).result
        table.push({ view, period, p50: Number(figures[`${label} p50 ms`]), p99: Number(figures[`${label} p99 ms`]), kB: once.ok ? Math.round(JSON.stringify(once.data).length / 100) / 10 : -1 })
      }
    }
    const sample = (await invoke(ADMIN, 'dashboard', { period: '30d' })).result
    if (sample.ok) {
      const view = sample.data as { reports: { totals: { received: number }; byUnit: unknown[]; byGrid: unknown[] }; posters: { rows: unknown[] }; volunteers: { registrationRate: number | null } }
      figures['dashboard 30d: received'] = view.reports.totals.received
      figures['dashboard 30d: units / grids / posters'] = `${view.reports.byUnit.length} / ${view.reports.byGrid.length} / ${view.posters.rows.length}`
      figures['dashboard 30d: JSON kB'] = Math.round(JSON.stringify(sample.data).length / 1000)
    }
    // the posters view's pages: how many pages the 200 posters take, and what a later page costs
    const firstPage = (await invoke(ADMIN, 'dashboard', { period: '30d', view: 'posters' })).result
    if (firstPage.ok) {
      const page = (firstPage.data as { posters: { rows: unknown[]; next: string | null } }).posters
      figures['posters 30d: rows on page 1'] = page.rows.length
      if (page.next) await measure('dashboard posters 30d page 2', () => invoke(ADMIN, 'dashboard', { period: '30d', view: 'posters', posterCursor: page.next! }))
    }
    console.table(table)
    await measure('board unit week', (k) => invoke(`resident-${k}`, 'board', { scope: 'unit', period: 'week' }))
    await measure('board unit month', (k) => invoke(`resident-${k}`, 'board', { scope: 'unit', period: 'month' }))
    await measure('board grid week', (k) => invoke(`resident-${k}`, 'board', { scope: 'grid', period: 'week' }))
    await measure('board grid month', (k) => invoke(`resident-${k}`, 'board', { scope: 'grid', period: 'month' }))

    // ---- query plans of what those views run
    const _ = platform.db.command
    const explain = (label: string, collection: string, where: QueryCondition, orderBy: Order[], limit: number) =>
      plans.push([`${label} — ${collection}`, platform.db.explain(collection, { where, orderBy, limit })])
    const asc = (p: string): Order => ({ path: p, order: 'asc' })
    explain('stats segment: a month of one scope', STATS.months, { scope: 'unit', period: '2026-11' }, [asc('scopeId')], 100)
    explain('stats segment: next page', STATS.months, { scope: 'unit', period: '2026-11', scopeId: _.gt(unitId(99)) }, [asc('scopeId')], 100)
    explain('stats segment: a week', STATS.weeks, { scope: 'grid', period: '2026-11-23' }, [asc('scopeId')], 100)
    explain('stats segment: a day', STATS.days, { scope: 'category', period: today }, [asc('scopeId')], 100)
    explain('city series', STATS.days, { scope: 'city', scopeId: CITY_ID, period: _.gte(addDays(today, -29)).and(_.lte(today)) }, [asc('period')], 100)
    explain('dash segment: a month of one area', DASH.months, { area: 'poster', period: '2026-11' }, [asc('scopeId')], 100)
    explain('dash segment: next page', DASH.months, { area: 'poster', period: '2026-11', scopeId: _.gt(posterId(99)) }, [asc('scopeId')], 100)
    explain('dash segment: a week', DASH.weeks, { area: 'volunteerTeam', period: '2026-11-23' }, [asc('scopeId')], 100)
    explain('dash segment: a day', DASH.days, { area: 'quiz', period: today }, [asc('scopeId')], 100)
    explain('hours by week', DASH.weeks, { area: 'volunteer', scopeId: DASH_ALL, period: _.gte('2026-10-26').and(_.lte('2026-11-30')) }, [asc('period')], 100)
    explain('registered total', DASH.totals, { _id: `volunteer:${DASH_ALL}` }, [], 1)
    explain('overdue series', SNAPSHOTS, { _id: _.gte(addDays(today, -29)).and(_.lte(today)) }, [asc('_id')], 100)
    explain('grids for the map', 'report_grids', {}, [asc('_id')], 100)
    explain('unit names', 'report_units', { _id: _.in([unitId(1), unitId(2)]) }, [], 100)
    explain('poster titles', 'posters', { _id: _.in([posterId(1), posterId(2)]) }, [], 100)
    explain('open now', 'report_now', { _id: _.in(['status:submitted', 'overdue']) }, [], 100)
    explain('targets', 'stats_rules', { _id: 'targets' }, [], 1)
    explain('board: the week of every unit', STATS.weeks, { scope: 'unit', period: weekOf(now) }, [asc('scopeId')], 100)
  } finally {
    raw.close()
    platform.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  for (const [label, lines] of plans) figures[`plan: ${label}`] = lines.join('; ')
  return figures
}

function expectOkOrThrow(call: { result: Result<unknown> }): void {
  if (!call.result.ok) throw new Error(`${call.result.code}: ${call.result.message}`)
}

if (require.main === module) {
  runDashboardBench()
    .then((figures) => {
      for (const [key, value] of Object.entries(figures)) console.log(`${key}: ${value}`)
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
