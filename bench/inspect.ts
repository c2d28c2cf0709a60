/**
 * 创文督查 at the scale of a real city: 1,200 sites of 40 types, 120 units, 200 standards and one
 * year of weekly inspections (≈ 60k inspections, ≈ 300k findings, each a 督办单). Times, through the
 * real handlers (in-process), a unit's task list (`myTasks`), the map (`map`), the weekly 红黑榜
 * (`board`, live and published) and a unit's score page (`unitScore`, week and month), p50/p99, and
 * prints SQLite's EXPLAIN QUERY PLAN for every query those views run. Figures, not pass/fail:
 * `npx tsx bench/inspect.ts`.
 *
 * The bulk data goes straight into the SQLite file, one transaction per collection (the same
 * `(id, doc)` rows the store writes, as bench/quiz.ts does), because 300k one-by-one writes would
 * take many minutes. The period counters are computed with the ledger's own per-order counts
 * (`contributions` / `applyCounts` of domain/inspect/ledger.ts), so they hold exactly what
 * `recordOrder` would have left; site counters and the map's state counters likewise follow the
 * site code's own rules. Everything measured goes through the handlers. A view whose handler is
 * still a stub is reported as skipped.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { FUNCTIONS } from '../src/cloud/functions'
import { createLocalPlatform } from '../src/cloud/platform/local'
import type { QueryCondition } from '../src/cloud/platform/database'
import type { Order } from '../src/cloud/platform/local/database/query'
import { applyCounts, contributions, deductionOf, emptyPeriod, periodDocId, type LedgerPeriodDoc, type PeriodKey } from '../src/cloud/domain/inspect/ledger'
import { I, type InspectionDoc, type OrderDoc, type SiteDoc, type StandardDoc, type TaskDoc, type UnitCountsDoc } from '../src/cloud/domain/inspect/model'
import { addShare, checklistsOf, emptyUnitCounts, taskShare } from '../src/cloud/domain/inspect/standards'
import { grantId } from '../src/cloud/runtime/grants'
import { DEFAULT_SCORE_RULE, DEFAULT_SEVERITY_DAYS, SEED_SITE_TYPES, SEVERITIES, type InspectLevel, type ItemResult } from '../src/shared/inspect'
import { addWeeks, DAY_MS, monthOf, weekOf, weekStartMs } from '../src/shared/calendar/weeks'
import type { Result } from '../src/shared/errors'
import { percentiles } from './actions'

const SITES = 1_200
const UNITS = 120
const STANDARDS = 200
const WEEKS = 52
/** each site is inspected in 50 of the 52 weeks: 60,000 inspections */
const SKIPPED_WEEKS = 2
/** 不合格 items per inspection: 300,000 findings */
const FAILS = 5
const TYPES_PER_STANDARD = 5
const DISTRICTS = ['文明区', '和平区', '友谊区', '光明区', '新华区', '高新区']
const SAMPLES = 200
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

export async function runInspectBench(): Promise<Record<string, string | number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-inspect-bench-'))
  // Tuesday 2026-12-01 14:00 Beijing: the year of data runs up to now
  const now = Date.UTC(2026, 11, 1, 6, 0)
  const silent = { info: () => undefined, error: () => undefined }
  const platform = createLocalPlatform({ dataDir, adminOpenids: [ADMIN], log: silent, clock: { now: () => now } })
  const raw = new BetterSqlite3(path.join(dataDir, 'wenming.sqlite'))
  raw.pragma('journal_mode = WAL')
  const figures: Record<string, string | number> = {}
  const plans: Array<[string, string[]]> = []
  const rng = seeded(12)
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
    // ---- units, their 联络员, site types, standards and the 任务清单
    const unitId = (u: number) => `unit-${String(u).padStart(3, '0')}`
    bulk('report_units', (function* () {
      for (let u = 0; u < UNITS; u++) yield [unitId(u), { name: `责任单位${u + 1}` }] as [string, unknown]
    })())
    const liaison = (u: number) => `liaison-${u}`
    bulk('role_grants', (function* () {
      for (let u = 0; u < UNITS; u++) {
        yield [grantId(liaison(u), 'liaison', unitId(u)), { openid: liaison(u), role: 'liaison', scopeId: unitId(u), grantedBy: ADMIN, grantedAt: now }] as [string, unknown]
      }
    })())
    const types = SEED_SITE_TYPES.slice(0, 40)
    const checklist = new Map<string, string[]>(types.map((t) => [t.id, []]))
    const standards: StandardDoc[] = []
    for (let s = 0; s < STANDARDS; s++) {
      const number = `${1 + Math.floor(s / 40)}.${1 + Math.floor((s % 40) / 8)}.${1 + (s % 8)}`
      const siteTypeIds = Array.from({ length: TYPES_PER_STANDARD }, (_, k) => types[(s * 7 + k * 11) % types.length].id)
      const lead = s % UNITS
      const supports = [(s * 13 + 1) % UNITS, (s * 29 + 2) % UNITS].filter((u) => u !== lead)
      const id = `std-${s}`
      standards.push({
        _id: id,
        number,
        sortKey: number.split('.').map((p) => p.padStart(4, '0')).join('.'),
        project: `测评项目${1 + Math.floor(s / 40)}`,
        content: `测评内容${1 + Math.floor(s / 8)}`,
        text: `第 ${s + 1} 条测评标准：公共场所整洁有序，无乱堆乱放、乱贴乱画、占道经营。`,
        methods: s % 3 === 0 ? ['material', 'site'] : ['site'],
        evidence: s % 3 === 0 ? '工作方案、台账、照片' : '',
        siteTypeIds,
        leadUnitId: unitId(lead),
        supportUnitIds: supports.map(unitId),
        deadline: now + (pick(120) - 30) * DAY_MS,
        status: 'active',
        importedAt: now - 365 * DAY_MS,
        updatedAt: now - 365 * DAY_MS,
      })
      for (const t of siteTypeIds) checklist.get(t)?.push(id)
    }
    bulk(I.standards, standards.map((s) => [s._id, { ...s, _id: undefined }] as [string, unknown]))
    const tasks: TaskDoc[] = standards.flatMap((s) =>
      [s.leadUnitId as string, ...s.supportUnitIds].map((u, k) => ({
        _id: `${s._id}__${u}`,
        standardId: s._id,
        unitId: u,
        role: k === 0 ? ('lead' as const) : ('support' as const),
        deadline: s.deadline,
        needsMaterial: s.methods.includes('material'),
        evidenceStatus: s.methods.includes('material') ? (['none', 'submitted', 'accepted', 'returned'] as const)[pick(4)] : ('none' as const),
        returnReason: null,
        status: 'active' as const,
        sortKey: s.sortKey,
        updatedAt: now,
      })),
    )
    figures.tasks = bulk(I.tasks, tasks.map((t) => [t._id, { ...t, _id: undefined }] as [string, unknown]))
    // each type's checklist document, as the standards import writes it
    const lists = checklistsOf(standards)
    bulk(I.checklists, types.map((t) => [t.id, { items: lists.get(t.id) ?? [], updatedAt: now }] as [string, unknown]))
    // each unit's figures, as the task writes keep them (open orders are added with the sites below)
    const unitCounts = new Map<string, Omit<UnitCountsDoc, '_id'>>()
    for (let u = 0; u < UNITS; u++) unitCounts.set(unitId(u), emptyUnitCounts(now))
    for (const t of tasks) addShare(unitCounts.get(t.unitId) ?? emptyUnitCounts(now), taskShare(t), 1)
    bulk(I.siteTypes, types.map((t, k) => [t.id, { name: t.name, order: k, checklistSize: checklist.get(t.id)?.length ?? 0, siteCount: SITES / types.length }] as [string, unknown]))

    // ---- sites: 30 of each type, 10 per unit, spread over six districts
    const sites: SiteDoc[] = []
    for (let i = 0; i < SITES; i++) {
      const lat = 24.4 + (i % 40) * 0.004
      const lng = 118.0 + Math.floor(i / 40) * 0.004
      sites.push({
        _id: `site-${String(i).padStart(4, '0')}`,
        name: `点位${i + 1}`,
        typeId: types[i % types.length].id,
        place: { lat, lng },
        polygon: null,
        minLat: lat - 0.001,
        maxLat: lat + 0.001,
        minLng: lng - 0.001,
        maxLng: lng + 0.001,
        address: `示范市${DISTRICTS[i % DISTRICTS.length]}第${i + 1}号`,
        gridId: `grid-${i % 60}`,
        district: DISTRICTS[i % DISTRICTS.length],
        unitId: unitId(Math.floor(i / (SITES / UNITS))),
        pairUnitId: unitId((i * 7) % UNITS),
        contactName: '张三',
        contactPhone: '13800138000',
        openOrders: 0,
        overdueOrders: 0,
        oldestOpenAt: null,
        openReports: pick(3),
        lastInspectedAt: null,
        lastResult: null,
        lastItems: {},
        problemKey: 0,
        status: 'active',
        createdAt: now - 400 * DAY_MS,
        updatedAt: now,
      })
    }

    // ---- a year of inspections and their 督办单, oldest first
    const firstWeek = addWeeks(weekOf(now), -(WEEKS - 1))
    const levels: InspectLevel[] = ['city', 'district', 'district', 'street', 'street']
    const periods = new Map<string, LedgerPeriodDoc>()
    const count = (order: OrderDoc) => {
      for (const [id, { key, deltas }] of contributions(order)) {
        const doc = periods.get(id) ?? emptyPeriod(key, now)
        applyCounts(doc, deltas)
        periods.set(id, doc)
      }
    }
    let inspectionRows = 0
    let orderRows = 0
    let writeMs = 0
    for (let w = 0; w < WEEKS; w++) {
      // one week at a time, written in a transaction per collection: a year in memory at once would be gigabytes
      const inspections: InspectionDoc[] = []
      const orders: OrderDoc[] = []
      const week = addWeeks(firstWeek, w)
      for (const [i, site] of sites.entries()) {
        if ((i + w) % (WEEKS / SKIPPED_WEEKS) === 0) continue
        const finishedAt = weekStartMs(week) + (i % 5) * DAY_MS + 9 * 3600_000 + pick(8 * 3600_000)
        if (finishedAt > now) continue
        const items = checklist.get(site.typeId) ?? []
        const failing = new Set<string>()
        while (failing.size < Math.min(FAILS, items.length)) failing.add(items[pick(items.length)])
        const level = levels[(i + w) % levels.length]
        const inspectionId = `insp-${w}-${i}`
        const orderIds: string[] = []
        const itemRows = items.map((standardId) => {
          const result: ItemResult = failing.has(standardId) ? 'fail' : pick(10) === 0 ? 'na' : 'pass'
          return { standardId, result, severity: result === 'fail' ? SEVERITIES[pick(3)] : null, note: result === 'fail' ? '发现乱堆乱放' : '', photos: [] }
        })
        for (const item of itemRows.filter((r) => r.result === 'fail')) {
          const severity = item.severity ?? 'minor'
          const dueAt = finishedAt + DEFAULT_SEVERITY_DAYS[severity] * DAY_MS
          const age = now - finishedAt
          const closed = age > 14 * DAY_MS || (age > 4 * DAY_MS && pick(2) === 0)
          const falseCount = pick(20) === 0 ? 1 : 0
          const onTime = closed ? pick(10) < 8 : null
          const id = `${inspectionId}__${item.standardId}`
          const order: OrderDoc = {
            _id: id,
            code: `DB-${week.replace(/-/g, '')}-${String(orderRows + orders.length).padStart(6, '0')}`,
            inspectionId,
            siteId: site._id,
            siteName: site.name,
            district: site.district,
            unitId: site.unitId,
            standardId: item.standardId,
            level,
            severity,
            description: '发现乱堆乱放，影响市容',
            photos: [{ fileId: `cloud://bench/${id}.jpg`, takenAt: finishedAt, lat: site.place.lat, lng: site.place.lng }],
            status: closed ? 'closed' : age > 2 * DAY_MS && pick(2) === 0 ? 'answered' : 'open',
            repeat: pick(10) === 0,
            falseCount,
            foundAt: finishedAt,
            dueAt,
            onTime,
            answer: closed ? { note: '已清理', photos: [], at: dueAt - DAY_MS, by: liaison(0) } : null,
            history: [{ at: finishedAt, action: 'found', role: 'inspector', note: '' }],
            weight: DEFAULT_SCORE_RULE.weights[level],
            repeatFactor: DEFAULT_SCORE_RULE.repeatFactor,
            falseFactor: DEFAULT_SCORE_RULE.falseFactor,
            onTimeFactor: DEFAULT_SCORE_RULE.onTimeFactor,
            deduction: 0,
            overdueCounted: !closed && dueAt < now,
            updatedAt: finishedAt,
          }
          order.deduction = deductionOf(order).centi
          orders.push(order)
          orderIds.push(id)
          count(order)
          if (order.status !== 'closed') {
            site.openOrders++
            if (order.dueAt < now) site.overdueOrders++
            site.oldestOpenAt = site.oldestOpenAt === null ? order.foundAt : Math.min(site.oldestOpenAt, order.foundAt)
          }
        }
        const counts = { pass: itemRows.filter((r) => r.result === 'pass').length, fail: orderIds.length, na: itemRows.filter((r) => r.result === 'na').length }
        inspections.push({ _id: inspectionId, siteId: site._id, teamId: `team-${level}`, level, inspectorOpenid: `inspector-${i % 30}`, startedAt: finishedAt - 1800_000, finishedAt, receivedAt: finishedAt, items: itemRows, counts, orderIds })
        site.lastInspectedAt = finishedAt
        site.lastResult = counts
        site.lastItems = Object.fromEntries(itemRows.map((r) => [r.standardId, r.result]))
      }
      const ws = performance.now()
      inspectionRows += bulk(I.inspections, inspections.map((d) => [d._id, { ...d, _id: undefined }] as [string, unknown]))
      orderRows += bulk(I.orders, orders.map((d) => [d._id, { ...d, _id: undefined }] as [string, unknown]))
      writeMs += performance.now() - ws
    }
    // material returns and 随手拍 ratings, a few a unit a week
    for (let w = 0; w < WEEKS; w++) {
      const at = weekStartMs(addWeeks(firstWeek, w)) + 2 * DAY_MS
      if (at > now) continue
      for (let u = 0; u < UNITS; u++) {
        const ratings = pick(9)
        const satisfied = Math.min(ratings, pick(9))
        const returns = pick(4) === 0 ? 1 : 0
        for (const [kind, period] of [['week', weekOf(at)], ['month', monthOf(at)]] as const) {
          const key: PeriodKey = { scope: 'unit', scopeId: unitId(u), kind, period }
          const doc = periods.get(periodDocId(key)) ?? emptyPeriod(key, now)
          applyCounts(doc, { ratings, satisfied, materialReturns: returns })
          periods.set(periodDocId(key), doc)
        }
      }
    }
    // the map's order and its state counters, as the site code keeps them
    const band = (s: SiteDoc) => (s.overdueOrders > 0 ? 'overdue' : s.openOrders > 0 ? 'open' : 'clear')
    const states = new Map<string, { kind: string; district: string; typeId: string; clear: number; open: number; overdue: number }>()
    for (const s of sites) {
      s.problemKey = { clear: 0, open: 1_000_000, overdue: 2_000_000 }[band(s)] + Math.min(s.openOrders, 999) * 1000 + Math.min(s.openReports, 999)
      for (const [kind, district, typeId] of [['all', '*', '*'], ['district', s.district, '*'], ['type', '*', s.typeId], ['districtType', s.district, s.typeId]]) {
        const id = `${district}|${typeId}`
        const st = states.get(id) ?? { kind, district, typeId, clear: 0, open: 0, overdue: 0 }
        st[band(s)]++
        states.set(id, st)
      }
    }
    const t1 = performance.now()
    bulk(I.sites, sites.map((s) => [s._id, { ...s, _id: undefined }] as [string, unknown]))
    bulk('inspect_site_states', states.entries())
    for (const s of sites) {
      const c = unitCounts.get(s.unitId)
      if (c) c.openOrders += s.openOrders
    }
    bulk(I.unitCounts, unitCounts.entries())
    figures.inspections = inspectionRows
    figures['findings (督办单)'] = orderRows
    figures['period counters'] = bulk(I.periods, [...periods.values()].map((d) => [d._id, { ...d, _id: undefined }] as [string, unknown]))
    figures['open 督办单'] = sites.reduce((n, s) => n + s.openOrders, 0)
    figures['generate and write inspections + orders (s)'] = Number(((t1 - t0) / 1000).toFixed(1))
    figures['of which writing (s)'] = Number((writeMs / 1000).toFixed(1))
    figures['write sites + counters (s)'] = Number(((performance.now() - t1) / 1000).toFixed(1))
    figures['database MB'] = Math.round(fs.statSync(path.join(dataDir, 'wenming.sqlite')).size / 1e6)

    // ---- the views, through the handlers
    const fn = FUNCTIONS.inspect
    const invoke = async (who: string, action: string, data: unknown): Promise<{ ms: number; result: Result<unknown> }> => {
      const s = performance.now()
      const result = (await fn.invoke({ action, data }, platform, { openid: who })) as Result<unknown>
      return { ms: performance.now() - s, result }
    }
    const skipped: string[] = []
    const measure = async (label: string, call: (k: number) => Promise<{ ms: number; result: Result<unknown> }>) => {
      const first = await call(0)
      if (!first.result.ok) {
        skipped.push(`${label}: ${first.result.code} ${first.result.message}`)
        return
      }
      const samples: number[] = []
      for (let k = 0; k < SAMPLES; k++) {
        const { ms, result } = await call(k)
        if (!result.ok) throw new Error(`${label}: ${result.code} ${result.message}`)
        samples.push(ms)
      }
      const p = percentiles(samples)
      figures[`${label} p50 ms`] = p.p50
      figures[`${label} p99 ms`] = p.p99
    }

    // publish the last ten weeks and last month first: residents read published boards, and
    // publishing is itself a view over every unit's counters
    const lastWeek = addWeeks(weekOf(now), -1)
    const publishTimes: number[] = []
    for (let w = 10; w >= 1; w--) {
      const { ms, result } = await invoke(ADMIN, 'publishBoard', { week: addWeeks(weekOf(now), -w) })
      if (!result.ok) throw new Error(`publishBoard: ${result.code}`)
      publishTimes.push(ms)
    }
    figures['publishBoard ms (median of 10 weeks)'] = percentiles(publishTimes).p50
    const lastMonth = monthOf(weekStartMs(weekOf(now)) - DAY_MS)
    const pr = await invoke(ADMIN, 'publishRatings', { month: lastMonth })
    if (pr.result.ok) figures['publishRatings ms (120 units)'] = Number(pr.ms.toFixed(1))
    else skipped.push(`publishRatings: ${pr.result.code}`)

    const filters = ['all', 'overdue', 'evidence'] as const
    await measure('myTasks (liaison, own unit)', (k) => invoke(liaison(k % UNITS), 'myTasks', { filter: filters[k % 3] }))
    await measure('map (office, whole city)', () => invoke(ADMIN, 'map', {}))
    await measure('map (office, one district / type / state)', (k) =>
      invoke(ADMIN, 'map', k % 3 === 0 ? { district: DISTRICTS[k % DISTRICTS.length] } : k % 3 === 1 ? { typeId: types[k % types.length].id } : { state: 'overdue' }),
    )
    await measure('units (office, 120 units)', () => invoke(ADMIN, 'units', {}))
    await measure('site (office, detail with checklist)', (k) => invoke(ADMIN, 'site', { siteId: sites[k % SITES]._id }))
    await measure('board (resident, latest published)', (k) => invoke(`resident-${k}`, 'board', {}))
    await measure('board (office, this week live)', () => invoke(ADMIN, 'board', {}))
    await measure('board (office, a past week published)', (k) => invoke(ADMIN, 'board', { week: addWeeks(lastWeek, -(k % 10)) }))
    await measure('unitScore (liaison, this week)', (k) => invoke(liaison(k % UNITS), 'unitScore', {}))
    await measure('unitScore (liaison, a past week)', (k) => invoke(liaison(k % UNITS), 'unitScore', { week: addWeeks(lastWeek, -(k % 40)) }))
    await measure('unitScore (office, a live month)', (k) => invoke(ADMIN, 'unitScore', { unitId: unitId(k % UNITS), month: monthOf(now) }))
    await measure('unitScore (office, a published month)', (k) => invoke(ADMIN, 'unitScore', { unitId: unitId(k % UNITS), month: lastMonth }))
    await measure('ratings (resident, latest published)', (k) => invoke(`resident-${k}`, 'ratings', {}))

    // ---- query plans of what those views run
    const _ = platform.db.command
    const explain = (label: string, collection: string, where: QueryCondition, orderBy: Order[], limit: number) =>
      plans.push([`${label} — ${collection}`, platform.db.explain(collection, { where, orderBy, limit })])
    const week = weekOf(now)
    const range = _.gte(weekStartMs(week)).and(_.lt(weekStartMs(addWeeks(week, 1))))
    explain('myTasks all', I.tasks, { unitId: unitId(1), status: 'active' }, [{ path: 'sortKey', order: 'asc' }], 21)
    explain('myTasks evidence (one query per owing status)', I.tasks, { unitId: unitId(1), status: 'active', needsMaterial: true, evidenceStatus: 'returned' }, [{ path: 'sortKey', order: 'asc' }], 21)
    explain('myTasks overdue', I.tasks, { unitId: unitId(1), status: 'active', needsMaterial: true, evidenceStatus: _.neq('accepted'), deadline: _.lt(now) }, [{ path: 'deadline', order: 'asc' }, { path: '_id', order: 'asc' }], 21)
    explain('map whole city', I.sites, { status: 'active' }, [{ path: 'problemKey', order: 'desc' }, { path: 'name', order: 'asc' }, { path: '_id', order: 'asc' }], 100)
    explain('map whole city, second page (keyset)', I.sites, _.and([{ status: 'active' }, _.or([{ problemKey: _.lt(1_000_000) }, { problemKey: 1_000_000, name: _.gt('点位1') }, { problemKey: 1_000_000, name: '点位1', _id: _.gt('site-0000') }])]), [{ path: 'problemKey', order: 'desc' }, { path: 'name', order: 'asc' }, { path: '_id', order: 'asc' }], 100)
    explain('units: liaison grants', 'role_grants', { role: 'liaison' }, [{ path: 'scopeId', order: 'asc' }, { path: '_id', order: 'asc' }], 100)
    explain('units: counters', I.unitCounts, { _id: _.in([unitId(1), unitId(2)]) }, [], 100)
    explain('site: checklist', I.checklists, { _id: types[0].id }, [], 1)
    explain('map one district', I.sites, { status: 'active', district: DISTRICTS[0] }, [{ path: 'problemKey', order: 'desc' }, { path: 'name', order: 'asc' }, { path: '_id', order: 'asc' }], 100)
    explain('map one state', I.sites, { status: 'active', problemKey: _.gte(2_000_000).and(_.lt(3_000_000)) }, [{ path: 'problemKey', order: 'desc' }, { path: 'name', order: 'asc' }, { path: '_id', order: 'asc' }], 100)
    explain('map district counters', 'inspect_site_states', { kind: 'district' }, [{ path: 'district', order: 'asc' }], 100)
    explain('board live: unit counters of the week', I.periods, { scope: 'unit', kind: 'week', period: week }, [{ path: 'scopeId', order: 'asc' }], 100)
    explain('board live: next page', I.periods, { scope: 'unit', kind: 'week', period: week, scopeId: _.gt(unitId(99)) }, [{ path: 'scopeId', order: 'asc' }], 100)
    explain('board: unit names', 'report_units', { _id: _.in([unitId(1), unitId(2)]) }, [], 100)
    explain('board published: latest', I.boards, {}, [{ path: 'week', order: 'desc' }], 1)
    explain('board: the week’s escalations', I.escalations, { week: lastWeek }, [{ path: 'week', order: 'desc' }], 100)
    explain('unitScore: the period counter', I.periods, { _id: `unit:${unitId(1)}:${week}` }, [], 1)
    explain('unitScore: problems of the period', I.orders, { unitId: unitId(1), foundAt: range }, [{ path: 'foundAt', order: 'desc' }, { path: '_id', order: 'asc' }], 51)
    explain('unitScore: standards of the page', I.standards, { _id: _.in(['std-1', 'std-2']) }, [], 100)
    explain('escalations of a unit', I.escalations, { unitId: unitId(1) }, [{ path: 'week', order: 'desc' }], 100)
    explain('publishRatings: units page', 'report_units', { _id: _.gt(unitId(99)) }, [{ path: '_id', order: 'asc' }], 100)
    if (skipped.length > 0) figures.skipped = skipped.join(' | ')
  } finally {
    raw.close()
    platform.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  for (const [label, lines] of plans) figures[`plan: ${label}`] = lines.join('; ')
  return figures
}

if (require.main === module) {
  runInspectBench()
    .then((figures) => {
      for (const [key, value] of Object.entries(figures)) console.log(`${key}: ${value}`)
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
