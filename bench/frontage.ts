/**
 * 门前三包 at the scale of a city's commercial streets: 20,000 registered frontages (shopfront
 * lines and forecourt polygons on both sides of east–west and north–south streets across the demo
 * city's box), each with its month of counters. Times, p50/p99, the point-on-frontage lookup the
 * 随手拍 routing runs (`frontageAt`, random points on and off frontages), a street's 红黑榜
 * (`shopBoard`, one page of 50 with the red and black lists: the live preview the street office sees and
 * the published board residents see, its first page and page 150 by cursor),
 * publishing it once, and one shop's frozen score; prints SQLite's EXPLAIN QUERY PLAN for every
 * query those run. Figures, not pass/fail: `npx tsx bench/frontage.ts`.
 *
 * Each shop's place goes through the registry's own `placeFrontage` (geo.ts's shape and cells,
 * the grid and street) and its cells through geo.ts's `writeShopCells`, so the lattice index is
 * exactly what registration writes. The shop docs and month docs go straight into the SQLite file
 * in one transaction each (the same `(id, doc)` rows the store writes); the month counters are
 * built with the ledger's own `findingCounts` / `applyMonth`, so they hold what the handlers
 * would have left.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { FUNCTIONS } from '../src/cloud/functions'
import { createLocalPlatform } from '../src/cloud/platform/local'
import type { QueryCondition } from '../src/cloud/platform/database'
import type { Order } from '../src/cloud/platform/local/database/query'
import { seedCity } from '../src/cloud/domain/report/seed'
import { DISTRICT_UNIT } from '../src/cloud/domain/report/demo-city'
import { frontageAt, writeShopCells } from '../src/cloud/domain/frontage/geo'
import { placeFrontage, type ShopRow } from '../src/cloud/domain/frontage/registry'
import { applyMonth, emptyMonth, findingCounts, monthDocId, reportDeductionOf, shopDeductionOf, STREET_MONTHS, streetMonthId, type LedgerFinding, type ShopMonthDoc } from '../src/cloud/domain/frontage/ledger'
import { M } from '../src/cloud/domain/frontage/model'
import { boardDocId } from '../src/cloud/domain/frontage/scores'
import { DEFAULT_SHOP_RULE, SEED_TEMPLATES, type FrontageGeometry, type LadderStep, type Position } from '../src/shared/contract/frontage'
import { INSPECT_LEVELS } from '../src/shared/inspect'
import { monthStartMs } from '../src/shared/calendar/weeks'
import type { Result } from '../src/shared/errors'
import { percentiles } from './actions'

const SHOPS = 20_000
const SAMPLES = 2_000
const BOARD_SAMPLES = 30
const ADMIN = 'bench-admin'
const RESIDENT = 'bench-resident'
/** the demo city's box (report/demo-city.ts V), kept 50 m inside its edges */
const BOX = { minLng: 120.1205, maxLng: 120.1795, minLat: 30.2555, maxLat: 30.2845 }
const M_PER_DEG_LAT = 111_320
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((30.27 * Math.PI) / 180)
/** a shop every 28 m along a street, 25 m of frontage; streets every 0.001° north–south, 0.0015° east–west */
const SLOT_M = 28
const FRONT_M = 25
const MONTH = '2026-11'

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

/**
 * Frontages along both sides of every street: a line 6 m off the centre line (the building line
 * to the kerb is the buffer), every fourth a forecourt polygon 6 m deep instead.
 */
function* frontages(): Generator<FrontageGeometry> {
  const dLat = (m: number) => m / M_PER_DEG_LAT
  const dLng = (m: number) => m / M_PER_DEG_LNG
  let n = 0
  const along = function* (horizontal: boolean, at: number, from: number, to: number): Generator<FrontageGeometry> {
    const length = horizontal ? (to - from) * M_PER_DEG_LNG : (to - from) * M_PER_DEG_LAT
    for (let slot = 0; (slot + 1) * SLOT_M < length; slot++) {
      for (const side of [-1, 1]) {
        const s0 = from + (horizontal ? dLng(slot * SLOT_M) : dLat(slot * SLOT_M))
        const s1 = s0 + (horizontal ? dLng(FRONT_M) : dLat(FRONT_M))
        const near = at + side * (horizontal ? dLat(6) : dLng(6))
        const far = at + side * (horizontal ? dLat(12) : dLng(12))
        const pt = (s: number, o: number): Position => (horizontal ? [s, o] : [o, s])
        n++
        if (n % 4 === 0) yield { type: 'Polygon', coordinates: [[pt(s0, near), pt(s1, near), pt(s1, far), pt(s0, far), pt(s0, near)]] }
        else yield { type: 'LineString', coordinates: [pt(s0, near), pt(s1, near)] }
      }
    }
  }
  for (let lat = BOX.minLat + 0.0005; lat < BOX.maxLat; lat += 0.0015) yield* along(true, lat, BOX.minLng, BOX.maxLng)
  for (let lng = BOX.minLng + 0.0005; lng < BOX.maxLng; lng += 0.001) yield* along(false, lng, BOX.minLat, BOX.maxLat)
}

export async function runFrontageBench(): Promise<Record<string, string | number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-frontage-bench-'))
  // Tuesday 2026-12-01 14:00 Beijing: November has ended, its board can be published
  const now = Date.UTC(2026, 11, 1, 6, 0)
  const silent = { info: () => undefined, error: () => undefined }
  const platform = createLocalPlatform({ dataDir, adminOpenids: [ADMIN], log: silent, clock: { now: () => now } })
  const figures: Record<string, string | number> = {}
  const plans: Array<[string, string[]]> = []
  const rng = seeded(13)
  const pick = (n: number) => Math.floor(rng() * n)

  let last: unknown = null
  const call = async (openid: string, action: string, data: unknown): Promise<number> => {
    const t = performance.now()
    const result = (await FUNCTIONS.frontage.invoke({ action, data }, platform, { openid })) as Result<unknown>
    const ms = performance.now() - t
    if (!result.ok) throw new Error(`${action} failed: ${result.code} ${result.message}`)
    last = result.data
    return ms
  }
  const rowsOf = () => (last as { rows?: unknown[] } | null)?.rows?.length ?? 0

  try {
    const t0 = performance.now()
    await seedCity(platform)
    for (const [district, unitId] of Object.entries(DISTRICT_UNIT)) await platform.db.collection(M.streets).doc(unitId).set({ data: { district } })
    for (const t of SEED_TEMPLATES) await platform.db.collection(M.templates).doc(t.id).set({ data: { name: t.name, version: 1, duties: t.duties, updatedAt: now } })

    // ---- 20,000 shops: placed and celled by the registry's own functions
    const shops: ShopRow[] = []
    for (const geometry of frontages()) {
      if (shops.length === SHOPS) break
      const placed = await placeFrontage(platform, geometry)
      if ('ok' in placed) continue
      const n = shops.length + 1
      const shopId = `shop-${String(n).padStart(5, '0')}`
      shops.push({
        _id: shopId,
        code: `MQ-${String(n).padStart(5, '0')}`,
        name: `门店${n}`,
        kind: 'shop',
        businessType: 'retail',
        address: `示范路 ${n} 号`,
        frontage: geometry,
        minLat: placed.shape.minLat,
        maxLat: placed.shape.maxLat,
        minLng: placed.shape.minLng,
        maxLng: placed.shape.maxLng,
        anchor: placed.shape.anchor,
        gridId: placed.gridId,
        district: placed.district,
        streetUnitId: placed.streetUnitId,
        status: 'active',
        ownerName: '店主',
        ownerPhone: '13800138000',
        applicantOpenid: null,
        templateId: n % 5 === 0 ? 'five' : 'three',
        pledgeVersion: 1,
        signedVersion: 1,
        signedAt: now,
        pledgeSigned: true,
        termFrom: now,
        termTo: now + 365 * 86_400_000,
        waitingReports: 0,
        stars: null,
        starsMonth: null,
        createdAt: now,
        updatedAt: now,
      })
      await writeShopCells(platform.db, shopId, placed.shape.cells)
    }

    const raw = new BetterSqlite3(path.join(dataDir, 'wenming.sqlite'))
    raw.pragma('journal_mode = WAL')
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
    bulk(M.shops, shops.map((s) => [s._id, { ...s, _id: undefined }] as [string, unknown]))

    // ---- November for every shop: inspections, findings on the ladder, reports fixed and escalated
    const rule = DEFAULT_SHOP_RULE
    const monthStart = monthStartMs(MONTH)
    const months: ShopMonthDoc[] = shops.map((shop) => {
      const doc = emptyMonth(shop, MONTH, rule.base, now)
      applyMonth(doc, { inspections: 1 + pick(2) })
      for (let f = pick(4); f > 0; f--) {
        const level = INSPECT_LEVELS[pick(3)]
        const step: LadderStep = (['warning', 'warning', 'notice', 'enforcement'] as const)[pick(4)]
        const status = step === 'enforcement' ? 'handed' : rng() < 0.6 ? 'fixed' : 'open'
        const finding: LedgerFinding = {
          shopId: shop._id,
          foundAt: monthStart + pick(29) * 86_400_000,
          step,
          status,
          level,
          weight: rule.weights[level],
          repeat: step !== 'warning',
          repeatFactor: rule.repeatFactor,
          fixedInTime: status === 'fixed' ? rng() < 0.7 : null,
          onTimeFactor: rule.onTimeFactor,
          deduction: 0,
        }
        finding.deduction = shopDeductionOf(finding).centi
        applyMonth(doc, findingCounts(finding))
      }
      for (let r = pick(3); r > 0; r--) {
        const inTime = rng() < 0.8
        const centi = reportDeductionOf(rule, 'fixed', inTime)
        applyMonth(doc, { reportsFixed: 1, reportsFixedInTime: inTime ? 1 : 0, reportDeduction: centi, deduction: centi })
      }
      if (rng() < 0.15) {
        const centi = reportDeductionOf(rule, 'escalated', false)
        applyMonth(doc, { escalated: 1, escalationDeduction: centi, deduction: centi })
      }
      return doc
    })
    bulk(M.months, months.map((d) => [d._id, { ...d, _id: undefined }] as [string, unknown]))
    // the ledger's per-street counter of month docs, as bumpMonth would have left it
    const monthsByStreet = new Map<string, number>()
    for (const d of months) monthsByStreet.set(d.district, (monthsByStreet.get(d.district) ?? 0) + 1)
    bulk(STREET_MONTHS, [...monthsByStreet].map(([district, shops]) => [streetMonthId(district, MONTH), { district, month: MONTH, shops }] as [string, unknown]))
    raw.close()
    const byDistrict = new Map<string, number>()
    for (const s of shops) byDistrict.set(s.district, (byDistrict.get(s.district) ?? 0) + 1)
    const [street, streetShops] = [...byDistrict.entries()].sort((a, b) => b[1] - a[1])[0]
    figures.shops = shops.length
    figures['shops by street'] = [...byDistrict.entries()].map(([d, n]) => `${d} ${n}`).join('，')
    figures['frontage cells'] = (await platform.db.collection(M.shopCells).count()).total
    figures['seed s'] = Number(((performance.now() - t0) / 1000).toFixed(1))

    // ---- frontageAt: half on a random frontage (its anchor, up to 2 m off), half anywhere in the box
    const p2 = platform
    const on: number[] = []
    const off: number[] = []
    let onHits = 0
    let offHits = 0
    for (let i = 0; i < SAMPLES; i++) {
      const onFrontage = i % 2 === 0
      const shop = shops[pick(shops.length)]
      const p = onFrontage
        ? { lat: shop.anchor.lat + ((rng() - 0.5) * 4) / M_PER_DEG_LAT, lng: shop.anchor.lng + ((rng() - 0.5) * 4) / M_PER_DEG_LNG }
        : { lat: BOX.minLat + rng() * (BOX.maxLat - BOX.minLat), lng: BOX.minLng + rng() * (BOX.maxLng - BOX.minLng) }
      const t = performance.now()
      const hit = await frontageAt(p2, p, 'street-vending')
      const ms = performance.now() - t
      if (onFrontage) {
        on.push(ms)
        if (hit) onHits++
      } else {
        off.push(ms)
        if (hit) offHits++
      }
    }
    const onP = percentiles(on)
    const offP = percentiles(off)
    figures['frontageAt on a frontage p50 ms'] = onP.p50
    figures['frontageAt on a frontage p99 ms'] = onP.p99
    figures['frontageAt on a frontage: found'] = `${onHits}/${on.length}`
    figures['frontageAt random point p50 ms'] = offP.p50
    figures['frontageAt random point p99 ms'] = offP.p99
    figures['frontageAt random point: on a frontage'] = `${offHits}/${off.length}`

    // ---- the street's 红黑榜
    figures['board street'] = `${street}（${streetShops} 家）`
    const board = () => last as { rows: unknown[]; nextCursor: string | null; total: number; red: unknown[]; redCount: number; black: unknown[]; blackCount: number }
    /** the cursor of page `n` (1-based) of the street's board, walking the pages as a screen would */
    const cursorOf = async (openid: string, n: number): Promise<string> => {
      let cursor: string | undefined
      for (let i = 1; i < n; i++) {
        await call(openid, 'shopBoard', { district: street, month: MONTH, cursor })
        const next = board().nextCursor
        if (next === null) throw new Error(`the board ended before page ${n}`)
        cursor = next
      }
      if (cursor === undefined) throw new Error('page 1 has no cursor')
      return cursor
    }
    const DEEP = 150
    const preview: number[] = []
    for (let i = 0; i < BOARD_SAMPLES; i++) preview.push(await call(ADMIN, 'shopBoard', { district: street, month: MONTH }))
    const previewP = percentiles(preview)
    figures['shopBoard live preview rows (page 1)'] = rowsOf()
    figures['shopBoard live total / red listed (counted) / black listed (counted)'] = `${board().total} / ${board().red.length} (${board().redCount}) / ${board().black.length} (${board().blackCount})`
    figures['shopBoard live preview p50 ms'] = previewP.p50
    figures['shopBoard live preview p99 ms'] = previewP.p99
    const liveDeep = await cursorOf(ADMIN, DEEP)
    const deep: number[] = []
    for (let i = 0; i < BOARD_SAMPLES; i++) deep.push(await call(ADMIN, 'shopBoard', { district: street, month: MONTH, cursor: liveDeep }))
    const deepP = percentiles(deep)
    figures[`shopBoard live page ${DEEP} p50 ms`] = deepP.p50
    figures[`shopBoard live page ${DEEP} p99 ms`] = deepP.p99
    figures['publishShopBoard ms (once)'] = Number((await call(ADMIN, 'publishShopBoard', { district: street, month: MONTH })).toFixed(1))
    const boardDoc = (await p2.db.collection(M.boards).where({ _id: boardDocId(street, MONTH) }).limit(1).get()).data[0]
    figures['published board doc bytes'] = Buffer.byteLength(JSON.stringify(boardDoc), 'utf8')
    const published: number[] = []
    for (let i = 0; i < BOARD_SAMPLES * 4; i++) published.push(await call(RESIDENT, 'shopBoard', { district: street, month: MONTH }))
    const publishedP = percentiles(published)
    figures['shopBoard published rows (page 1)'] = rowsOf()
    figures['shopBoard published p50 ms'] = publishedP.p50
    figures['shopBoard published p99 ms'] = publishedP.p99
    const publishedDeep = await cursorOf(RESIDENT, DEEP)
    const pubDeep: number[] = []
    for (let i = 0; i < BOARD_SAMPLES * 4; i++) pubDeep.push(await call(RESIDENT, 'shopBoard', { district: street, month: MONTH, cursor: publishedDeep }))
    const pubDeepP = percentiles(pubDeep)
    figures[`shopBoard published page ${DEEP} p50 ms`] = pubDeepP.p50
    figures[`shopBoard published page ${DEEP} p99 ms`] = pubDeepP.p99
    const scores: number[] = []
    const inStreet = shops.filter((s) => s.district === street)
    for (let i = 0; i < 200; i++) scores.push(await call(ADMIN, 'shopScore', { shopId: inStreet[pick(inStreet.length)]._id, month: MONTH }))
    const scoreP = percentiles(scores)
    figures['shopScore frozen p50 ms'] = scoreP.p50
    figures['shopScore frozen p99 ms'] = scoreP.p99

    // ---- query plans of what those run
    const _ = p2.db.command
    const explain = (label: string, collection: string, where: QueryCondition, orderBy: Order[], limit: number) =>
      plans.push([`${label} — ${collection}`, p2.db.explain(collection, { where, orderBy, limit })])
    explain('frontageAt: shops in the point’s cell', M.shopCells, { cell: '30278:120150' }, [], 100)
    explain('frontageAt: the candidate shops', M.shops, { _id: _.in(['shop-00001', 'shop-00002']), status: 'active' }, [], 100)
    explain('frontageAt: the template’s categories', M.templates, { _id: 'three' }, [], 1)
    const street2 = { district: street, month: MONTH }
    const byScore: Order[] = [{ path: 'score', order: 'desc' }, { path: '_id', order: 'asc' }]
    explain('shopBoard live: shops ranked (the ledger’s counter)', STREET_MONTHS, { _id: streetMonthId(street, MONTH) }, [], 1)
    explain('shopBoard live: 红榜 (the top 60)', M.months, street2, byScore, 60)
    explain('shopBoard live: 红榜 counted past 60 (at or above its edge)', M.months, { ...street2, score: _.gte(9500) }, [], 1)
    explain('shopBoard live: 黑榜 (the bottom 60 below 红榜, the index read asc)', M.months, { ...street2, score: _.lt(9500) }, [{ path: 'score', order: 'asc' }, { path: '_id', order: 'desc' }], 60)
    explain('shopBoard live: a 黑榜 rank (shops at or below its score)', M.months, { ...street2, score: _.lte(8000) }, [], 1)
    explain('shopBoard live: first page', M.months, street2, byScore, 51)
    explain('shopBoard live: next page (ties of the cursor’s score)', M.months, { ...street2, score: 9500, _id: _.gt('shop-00001:2026-11') }, [{ path: '_id', order: 'asc' }], 51)
    explain('shopBoard live: next page (below the cursor’s score)', M.months, { ...street2, score: _.lt(9500) }, byScore, 51)
    const byRank: Order[] = [{ path: 'boardRank', order: 'asc' }, { path: '_id', order: 'asc' }]
    explain('shopBoard published: first page of the frozen month docs', M.months, { ...street2, boardRank: _.gte(1) }, byRank, 51)
    explain('shopBoard published: next page (ties of the cursor’s rank)', M.months, { ...street2, boardRank: 120, _id: _.gt('shop-00001:2026-11') }, [{ path: '_id', order: 'asc' }], 51)
    explain('shopBoard published: next page (after the cursor’s rank)', M.months, { ...street2, boardRank: _.gt(120) }, byRank, 51)
    explain('shopBoard: the published board', M.boards, { _id: boardDocId(street, MONTH) }, [], 1)
    explain('shopBoard: streets published this month', M.boards, { month: MONTH }, [{ path: 'month', order: 'desc' }], 100)
    explain('shopBoard: latest month of a street', M.boards, { district: street }, [{ path: 'month', order: 'desc' }], 1)
    explain('shopScore: the month doc', M.months, { _id: monthDocId('shop-00001', MONTH) }, [], 1)
    explain(
      'publishShopBoard: the street’s shops, next page',
      M.shops,
      _.and([{ district: street, status: 'active' }, _.or([{ name: _.gt('门店1') }, { name: '门店1', _id: _.gt('shop-00001') }])]),
      [{ path: 'name', order: 'asc' }, { path: '_id', order: 'asc' }],
      100,
    )
  } finally {
    platform.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  for (const [label, lines] of plans) figures[`plan: ${label}`] = lines.join('; ')
  return figures
}

if (require.main === module) {
  runFrontageBench()
    .then((figures) => {
      for (const [key, value] of Object.entries(figures)) console.log(`${key}: ${value}`)
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
