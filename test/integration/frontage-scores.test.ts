import { randomUUID } from 'node:crypto'
import { SEED_TEMPLATES, type FrontageGeometry, type ShopBoardRow } from '@/shared/contract/frontage'
import { seedCity } from '@/cloud/domain/report/seed'
import { DEMO_TEAMS } from '@/cloud/domain/inspect/seed-sites'
import { emptyMonth, recordShopReport } from '@/cloud/domain/frontage/ledger'
import type { ShopDoc } from '@/cloud/domain/frontage/model'
import type { ActionContext } from '@/cloud/runtime/context'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { JPEG } from './report-fixtures'

/**
 * Shop scores against hand-computed examples (findings by level, repeats doubled, fixes in time
 * halved, reports fixed and escalated), the star bands at their edges, the street's 红黑榜 with
 * ties, its publication (only after the month, once, frozen), and who sees which score.
 */

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const ITEMS = SEED_TEMPLATES.find((t) => t.id === 'three')!.duties.flatMap((d) => d.items.map((i) => i.id))
/** the test clock starts 2026-11-25 10:00 Beijing; November ends at 2026-12-01 00:00 Beijing */
const DECEMBER = Date.UTC(2026, 10, 30, 16, 0, 0)

const P = {
  city: 'inspector-city',
  east: 'inspector-east',
  streetEast: 'street-east',
  streetWest: 'street-west',
  owner: 'owner-tea',
  resident: 'resident-dave',
}

const line = (lng: number, lat: number): FrontageGeometry => ({
  type: 'LineString',
  coordinates: [
    [lng, lat],
    [lng + 0.0003, lat],
  ],
})

async function startScoreCloud() {
  const cloud = startTestCloud()
  await seedCity(cloud.platform)
  const db = cloud.platform.db
  for (const { _id, ...data } of DEMO_TEAMS) await db.collection('inspect_teams').doc(_id).set({ data })
  for (const t of SEED_TEMPLATES) await db.collection('frontage_templates').doc(t.id).set({ data: { name: t.name, version: 1, duties: t.duties, updatedAt: 0 } })
  await db.collection('frontage_streets').doc('unit-street-east').set({ data: { district: '东城街道' } })
  await db.collection('frontage_streets').doc('unit-street-west').set({ data: { district: '西城街道' } })
  const grants: Array<[string, 'inspector' | 'street_office', string]> = [
    [P.city, 'inspector', 'insp-city'],
    [P.east, 'inspector', 'insp-district'],
    [P.streetEast, 'street_office', 'unit-street-east'],
    [P.streetWest, 'street_office', 'unit-street-west'],
  ]
  for (const [openid, role, scopeId] of grants) expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid, role, scopeId }))

  /** 文明路 (东城街道) shops 50 m apart; a 新华街 (西城街道) shop with `west` */
  async function register(name: string, k: number, west = false): Promise<string> {
    return expectOk(
      await cloud.as(west ? P.streetWest : P.streetEast).call('frontage', 'registerShop', {
        name,
        kind: 'shop',
        businessType: 'retail',
        address: `${west ? '新华街' : '文明路'} ${k + 1} 号`,
        frontage: west ? line(120.15 + k * 0.0005, 30.262) : line(120.15 + k * 0.0005, 30.278),
        ownerName: '李老板',
        ownerPhone: '13800138000',
        templateId: 'three',
        termFrom: cloud.clock.now(),
        termTo: cloud.clock.now() + 365 * DAY,
        requestId: randomUUID(),
      }),
    ).shopId
  }
  async function photo(openid: string): Promise<string> {
    const { paths } = expectOk(await cloud.as(openid).call('storage', 'reserve', { area: 'frontage', count: 1 }))
    const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: `${paths[0]}.jpg`, fileContent: JPEG })
    return fileID
  }
  async function inspect(shopId: string, fail: string[] = [], as = P.city) {
    const evidence = fail.length ? await photo(as) : ''
    return expectOk(
      await cloud.as(as).call('frontage', 'inspectShop', {
        inspectionId: randomUUID(),
        shopId,
        items: ITEMS.map((itemId) => (fail.includes(itemId) ? { itemId, result: 'fail' as const, note: '门前堆放杂物', photos: [evidence] } : { itemId, result: 'pass' as const })),
      }),
    )
  }
  /** what the 随手拍 routing calls when a report at the shop's door is confirmed fixed, or escalated */
  const ctx = (): ActionContext => ({ ...cloud.platform, caller: { openid: 'report-routing' }, grants: [], isAdmin: false })
  async function reports(shopId: string, event: 'fixed' | 'escalated', n: number, fixedInTime = false, at = cloud.clock.now()) {
    for (let i = 0; i < n; i++) await recordShopReport(ctx(), shopId, event, at, fixedInTime)
  }
  const storedShop = async (shopId: string) => (await db.collection('frontage_shops').where({ _id: shopId }).limit(1).get()).data[0] as unknown as ShopDoc
  return Object.assign(cloud, { register, photo, inspect, reports, storedShop })
}

type World = Awaited<ReturnType<typeof startScoreCloud>>

const score = (w: TestCloud, shopId: string, as: string, month?: string) => w.as(as).call('frontage', 'shopScore', { shopId, month })

type Board = { rows: ShopBoardRow[]; nextCursor: string | null }
/** every page of a street's board, in order: each page at most 50 rows, the cursor always moving on */
async function allRows(w: TestCloud, as: string, input: { district?: string; month?: string }): Promise<ShopBoardRow[]> {
  const rows: ShopBoardRow[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 100; pages++) {
    const page: Board = expectOk(await w.as(as).call('frontage', 'shopBoard', { ...input, cursor }))
    expect(page.rows.length).toBeLessThanOrEqual(50)
    rows.push(...page.rows)
    if (page.nextCursor === null) return rows
    cursor = page.nextCursor
  }
  throw new Error('the board never ended')
}
/** rows compared as [name, score, rank, list, stars]; within a tie the order is the index's, so sorted by name */
const named = (rows: ShopBoardRow[]) => rows.map((r) => [r.name, r.score, r.rank, r.list, r.stars] as const).sort((a, b) => a[2] - b[2] || a[0].localeCompare(b[0], 'zh-Hans-CN'))

/** month docs written as the ledger would have (the board reads only these, never the shops): one per centi-score */
async function monthDocs(w: TestCloud, scores: number[]): Promise<void> {
  for (const [i, centi] of scores.entries()) {
    const doc = emptyMonth({ _id: `shop-bulk-${i}`, district: '东城街道', streetUnitId: 'unit-street-east', name: `门店${String(i).padStart(3, '0')}` }, '2026-11', 100, 0)
    doc.score = centi
    doc.deduction = 10_000 - centi
    const { _id, ...data } = doc
    await w.platform.db.collection('frontage_months').doc(_id).set({ data })
  }
}

/** what the board must say, computed apart: scores below 0 count as 0, a rank is 1 + the shops scoring strictly more */
function expectedRanks(scores: number[]): Array<[number, number]> {
  const shown = scores.map((c) => Math.max(0, c) / 100).sort((a, b) => b - a)
  return shown.map((s) => [s, 1 + shown.filter((t) => t > s).length])
}

describe('门前三包 shop scores and the street 红黑榜', () => {
  let w: World
  beforeEach(async () => {
    w = await startScoreCloud()
  })
  afterEach(() => w.close())

  test('score arithmetic: findings by level, a repeat doubled, a fix in time halved, reports fixed and escalated', async () => {
    const tea = await w.register('清心茶叶店', 0)
    expectOk(await w.as(TEST_ADMIN).call('user', 'grantRole', { openid: P.owner, role: 'shop_owner', scopeId: tea }))
    // 市级: two 告诫, 2 + 2
    const first = await w.inspect(tea, ['order-2', 'clean-1'])
    w.clock.advance(DAY)
    // clean-1 fixed within 3 days: 2 × 0.5 = 1
    const clean = first.findings.find((f) => f.itemText.startsWith('责任区内每天清扫'))!
    expectOk(await w.as(P.owner).call('frontage', 'fixFinding', { findingId: clean.findingId, note: '已清扫', photos: [await w.photo(P.owner)] }))
    w.clock.advance(DAY)
    // 区级 finds order-2 again within 30 days: 1 × 2 (重复) = 2, a 限期整改通知书, still open
    const again = await w.inspect(tea, ['order-2'], P.east)
    expect(again.findings[0]).toMatchObject({ step: 'notice', repeat: true })
    // reports: one fixed in time 0.5 × 0.5, one fixed late 0.5, two escalated 2 × 2
    await w.reports(tea, 'fixed', 1, true)
    await w.reports(tea, 'fixed', 1, false)
    await w.reports(tea, 'escalated', 2)

    const view = expectOk(await score(w, tea, P.owner))
    expect(view.month).toBe('2026-11')
    expect(view.base).toBe(100)
    expect(view.lines.map((l) => [l.label, l.count, l.points])).toEqual([
      ['检查发现问题（市级）', 2, -3],
      ['检查发现问题（区级）', 1, -2],
      ['检查发现问题（街道）', 0, 0],
      ['门前随手拍（门店已处理）', 2, -0.75],
      ['门前随手拍转责任单位', 2, -4],
    ])
    expect(view.lines[3].how).toBe('按时处理 1 条 × 0.5 × 0.5（按时） + 超时处理 1 条 × 0.5 = 0.75')
    expect(view.lines[4].how).toContain('2 次 × 2 分 = 4')
    // 100 − 3 − 2 − 0.75 − 4
    expect(view.score).toBe(90.25)
    expect(view.stars).toBe(4)
    expect(view.frozen).toBe(false)
    expect(view.tips).toEqual(
      expect.arrayContaining([
        // the first 告诫 of order-2 (2) and the notice (2) are both open: halving them would give back 2
        '本月有 2 个问题未整改：按时整改可减半扣分（最多挽回 2 分）',
        '门前随手拍请在 2 小时内处理，转到责任单位每次扣 2 分',
        '同一问题 30 天内再次被查到扣分加倍：整改后请保持',
        '距★★★★★（95 分）还差 4.75 分',
      ]),
    )
    // a month with nothing counted: the base, five stars
    const december = expectOk(await score(w, tea, P.owner, '2026-12'))
    expect([december.score, december.stars]).toEqual([100, 5])
    expect(december.tips).toContain('本月暂无扣分，请继续保持')
  })

  test('star bands at their edges: 95 is ★★★★★, 94.75 ★★★★; 75 is ★, 74.75 no star', async () => {
    const shop = await w.register('老街面馆', 0)
    const at = async () => {
      const v = expectOk(await score(w, shop, TEST_ADMIN))
      return [v.score, v.stars]
    }
    await w.reports(shop, 'escalated', 2)
    await w.reports(shop, 'fixed', 2, false)
    expect(await at()).toEqual([95, 5])
    await w.reports(shop, 'fixed', 1, true)
    expect(await at()).toEqual([94.75, 4])
    await w.reports(shop, 'escalated', 9)
    await w.reports(shop, 'fixed', 1, false)
    await w.reports(shop, 'fixed', 5, true)
    expect(await at()).toEqual([75, 1])
    await w.reports(shop, 'fixed', 1, true)
    expect(await at()).toEqual([74.75, 0])
  })

  test('the 红黑榜: ties share a place and a list; publish only after the month, once; frozen after later changes; stars reach the shops', async () => {
    expectOk(await w.as(TEST_ADMIN).call('frontage', 'setShopRules', { board: { red: 1, black: 1 } }))
    const [a, b, c, d, e, quiet] = [
      await w.register('甲茶叶店', 0),
      await w.register('乙面馆', 1),
      await w.register('丙水果店', 2),
      await w.register('丁五金店', 3),
      await w.register('戊药店', 4),
      await w.register('己书店', 5),
    ]
    const west = await w.register('新华街烟酒店', 0, true)
    await w.inspect(a)
    await w.inspect(b)
    await w.reports(c, 'escalated', 3)
    await w.reports(d, 'escalated', 5)
    await w.reports(e, 'escalated', 5)
    await w.reports(west, 'escalated', 1)

    // before publication: residents are refused, the street office previews
    expect(await w.as(P.resident).call('frontage', 'shopBoard', { district: '东城街道', month: '2026-11' })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_PUBLISHED' })
    const preview = expectOk(await w.as(P.streetEast).call('frontage', 'shopBoard', {}))
    expect(preview).toMatchObject({ published: false, district: '东城街道', month: '2026-11' })
    const rows = named(preview.rows)
    expect(rows).toEqual([
      ['甲茶叶店', 100, 1, 'red', 5],
      ['乙面馆', 100, 1, 'red', 5],
      ['丙水果店', 94, 3, null, 4],
      ['丁五金店', 90, 4, 'black', 4],
      ['戊药店', 90, 4, 'black', 4],
    ])
    expect(preview.ruleText).toContain('前 1 名上红榜、后 1 名上黑榜，并列的共同纳入')
    expect(preview).toMatchObject({ total: 5, nextCursor: null, redCount: 2, blackCount: 2 })
    // the total is the ledger's counter, one per shop's first touch of the month (c's three reports count it once)
    const { data: counters } = await w.platform.db.collection('frontage_street_months').where({ month: '2026-11' }).limit(10).get()
    expect(counters.map((c) => [c._id, c.shops]).sort()).toEqual([
      ['东城街道__2026-11', 5],
      ['西城街道__2026-11', 1],
    ])
    expect(named(preview.red)).toEqual(rows.slice(0, 2))
    expect(named(preview.black)).toEqual(rows.slice(3))

    const publish = (as: string) => w.as(as).call('frontage', 'publishShopBoard', { district: '东城街道', month: '2026-11' })
    expect(await publish(P.streetEast)).toMatchObject({ ok: false, code: 'FRONTAGE.PERIOD_NOT_ENDED' })
    w.clock.set(DECEMBER - 1)
    expect(await publish(P.streetEast)).toMatchObject({ ok: false, code: 'FRONTAGE.PERIOD_NOT_ENDED' })
    w.clock.set(DECEMBER)
    expect(await publish(P.streetWest)).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_STREET' })
    const published = expectOk(await publish(P.streetEast))
    expect(published).toMatchObject({ published: true, publishedAt: DECEMBER, districts: ['东城街道'] })
    expect(named(published.rows)).toEqual(rows)
    expect(published).toMatchObject({ total: 5, nextCursor: null, redCount: 2, blackCount: 2 })
    expect(named(published.black)).toEqual(rows.slice(3))
    expect(await publish(TEST_ADMIN)).toMatchObject({ ok: false, code: 'FRONTAGE.ALREADY_PUBLISHED' })

    // the door shows the published stars; a shop with nothing counted keeps the base's five
    expect(await w.storedShop(a)).toMatchObject({ stars: 5, starsMonth: '2026-11' })
    expect(await w.storedShop(c)).toMatchObject({ stars: 4, starsMonth: '2026-11' })
    expect(await w.storedShop(quiet)).toMatchObject({ stars: 5, starsMonth: '2026-11' })
    expect(await w.storedShop(west)).toMatchObject({ stars: null })

    // a late escalation counted in November changes the month's counters, not what was published
    const frozenBefore = expectOk(await score(w, d, TEST_ADMIN, '2026-11'))
    await w.reports(d, 'escalated', 1, false, DECEMBER - DAY)
    const frozenAfter = expectOk(await score(w, d, TEST_ADMIN, '2026-11'))
    expect(frozenAfter).toEqual(frozenBefore)
    expect(frozenAfter).toMatchObject({ frozen: true, score: 90, stars: 4 })
    expect(frozenAfter.lines.find((l) => l.label === '门前随手拍转责任单位')).toMatchObject({ count: 5, points: -10 })
    const seen = expectOk(await w.as(P.resident).call('frontage', 'shopBoard', {}))
    expect(seen).toMatchObject({ published: true, district: '东城街道', month: '2026-11' })
    expect(named(seen.rows)).toEqual(rows)
    expect(named(seen.red)).toEqual(rows.slice(0, 2))
    // 西城街道 has no board: residents are refused, its street office previews
    expect(await w.as(P.resident).call('frontage', 'shopBoard', { district: '西城街道', month: '2026-11' })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_PUBLISHED' })
    expect(expectOk(await w.as(P.streetWest).call('frontage', 'shopBoard', { month: '2026-11' })).rows.map((r) => r.name)).toEqual(['新华街烟酒店'])
  })

  test('a street of 250 shops pages 50 at a time: each shop once, in order, ties sharing a rank across page edges; the same after publication', async () => {
    // 36 shops share each score: ties across page edges (50, 100, 150, 200)
    const scores = Array.from({ length: 250 }, (_, i) => 10_000 - (i % 7) * 50)
    await monthDocs(w, scores)
    const first = expectOk(await w.as(TEST_ADMIN).call('frontage', 'shopBoard', { district: '东城街道', month: '2026-11' }))
    expect(first).toMatchObject({ total: 250, published: false })
    expect(first.rows).toHaveLength(50)
    expect(first.nextCursor).not.toBeNull()
    const live = await allRows(w, TEST_ADMIN, { district: '东城街道', month: '2026-11' })
    expect(live).toHaveLength(250)
    expect(new Set(live.map((r) => r.shopId)).size).toBe(250)
    expect(live.map((r) => [r.score, r.rank])).toEqual(expectedRanks(scores))
    expect(live[36]).toMatchObject({ score: 99.5, rank: 37 })
    // 红榜 (5): the 36 tied at 100; 黑榜 (3): the 35 tied at 97 — each listed, each list only its own
    expect(live.filter((r) => r.list === 'red')).toHaveLength(36)
    expect(live.filter((r) => r.list === 'black')).toHaveLength(35)
    expect(first).toMatchObject({ redCount: 36, blackCount: 35 })
    expect(first.red.map((r) => r.shopId).sort()).toEqual(live.filter((r) => r.list === 'red').map((r) => r.shopId).sort())
    expect(first.black.map((r) => r.shopId).sort()).toEqual(live.filter((r) => r.list === 'black').map((r) => r.shopId).sort())
    expect(first.black.every((r) => r.rank === 216 && r.score === 97)).toBe(true)
    // a cursor the board did not make starts from the top
    const stray = expectOk(await w.as(TEST_ADMIN).call('frontage', 'shopBoard', { district: '东城街道', month: '2026-11', cursor: 'not-a-cursor' }))
    expect(stray.rows.map((r) => r.shopId)).toEqual(first.rows.map((r) => r.shopId))

    w.clock.set(DECEMBER)
    expectOk(await w.as(P.streetEast).call('frontage', 'publishShopBoard', { district: '东城街道', month: '2026-11' }))
    // a score counted late moves the counters, not the published board
    await w.platform.db.collection('frontage_months').doc('shop-bulk-6:2026-11').update({ data: { score: 10_000 } })
    const published = await allRows(w, P.resident, { district: '东城街道', month: '2026-11' })
    expect(published.map((r) => [r.shopId, r.score, r.rank, r.list])).toEqual(live.map((r) => [r.shopId, r.score, r.rank, r.list]))
  })

  test('红榜 and 黑榜 on a large street: ties at both boundaries included, scores below 0 tie at 0, never a shop on both, a long tie counted not listed', async () => {
    // 3 at 100 and 4 at 99: 红榜 (5) is 7; 3 at 20 and two at 0 (one −5 shown as 0): 黑榜 (3) is 5; 238 between
    const middle = Array.from({ length: 238 }, (_, i) => 3_000 + (i % 60) * 100)
    const scores = [10_000, 10_000, 10_000, 9_900, 9_900, 9_900, 9_900, ...middle, 2_000, 2_000, 2_000, 0, -500]
    await monthDocs(w, scores)
    const view = expectOk(await w.as(P.streetEast).call('frontage', 'shopBoard', { district: '东城街道', month: '2026-11' }))
    expect(view).toMatchObject({ total: 250, redCount: 7, blackCount: 5 })
    expect(view.red.map((r) => [r.score, r.rank])).toEqual([[100, 1], [100, 1], [100, 1], [99, 4], [99, 4], [99, 4], [99, 4]])
    expect(view.black.map((r) => [r.score, r.rank])).toEqual([[20, 246], [20, 246], [20, 246], [0, 249], [0, 249]])
    const all = await allRows(w, P.streetEast, { district: '东城街道', month: '2026-11' })
    expect(all.map((r) => [r.score, r.rank])).toEqual(expectedRanks(scores))
    expect(all.filter((r) => r.list === 'black').map((r) => r.shopId).sort()).toEqual(view.black.map((r) => r.shopId).sort())

    // every shop at 100: all tie for 红榜; 60 listed, all 250 counted, nobody left for 黑榜
    await monthDocs(w, scores.map(() => 10_000))
    const tied = expectOk(await w.as(P.streetEast).call('frontage', 'shopBoard', { district: '东城街道', month: '2026-11' }))
    expect(tied).toMatchObject({ total: 250, redCount: 250, blackCount: 0, black: [] })
    expect(tied.red).toHaveLength(60)
    expect(tied.rows.every((r) => r.rank === 1 && r.list === 'red')).toBe(true)

    // 黑榜 tied 240 deep: the worst listed, all counted
    await monthDocs(w, scores.map((_, i) => (i < 10 ? 10_000 - i * 100 : 5_000)))
    const deep = expectOk(await w.as(P.streetEast).call('frontage', 'shopBoard', { district: '东城街道', month: '2026-11' }))
    expect(deep).toMatchObject({ redCount: 5, blackCount: 240 })
    expect(deep.black).toHaveLength(60)
    expect(deep.black.every((r) => r.score === 50 && r.rank === 11)).toBe(true)
  })

  test('a published board of 250 shops: its document holds the summary only and stays small; the rows page over the frozen month docs', async () => {
    const scores = Array.from({ length: 250 }, (_, i) => 10_000 - (i % 40) * 37)
    await monthDocs(w, scores)
    w.clock.set(DECEMBER)
    const published = expectOk(await w.as(TEST_ADMIN).call('frontage', 'publishShopBoard', { district: '东城街道', month: '2026-11' }))
    expect(published).toMatchObject({ published: true, total: 250 })
    expect(published.rows).toHaveLength(50)
    const { data } = await w.platform.db.collection('frontage_boards').where({ _id: '东城街道__2026-11' }).limit(1).get()
    expect(Buffer.byteLength(JSON.stringify(data[0]), 'utf8')).toBeLessThan(10_000)
    expect(data[0]).not.toHaveProperty('rows')
    expect(data[0]).toMatchObject({ shops: 250, redCount: published.redCount, blackCount: published.blackCount })
    // each shop's row is frozen on its own month doc
    const { data: months } = await w.platform.db.collection('frontage_months').where({ _id: 'shop-bulk-0:2026-11' }).limit(1).get()
    expect(months[0]).toMatchObject({ boardRank: 1, frozen: { score: 100, rank: 1, list: 'red', stars: 5 } })
    const rows = await allRows(w, P.resident, { district: '东城街道', month: '2026-11' })
    expect(rows.map((r) => [r.score, r.rank])).toEqual(expectedRanks(scores))
  })

  test('a shop owner sees only their own shop’s score; a street office only its street’s', async () => {
    const tea = await w.register('清心茶叶店', 0)
    const noodles = await w.register('老街面馆', 1)
    const west = await w.register('新华街烟酒店', 0, true)
    expectOk(await w.as(TEST_ADMIN).call('user', 'grantRole', { openid: P.owner, role: 'shop_owner', scopeId: tea }))
    expectOk(await score(w, tea, P.owner))
    expect(await score(w, noodles, P.owner)).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_SHOP' })
    expectOk(await score(w, noodles, P.streetEast))
    expect(await score(w, west, P.streetEast)).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_STREET' })
    expect(await score(w, tea, P.resident)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await score(w, 'shop-none', TEST_ADMIN)).toMatchObject({ ok: false, code: 'FRONTAGE.SHOP_NOT_FOUND' })
  })

  test('shop rules: anyone reads them; the office changes them, bands best first, audited with before and after', async () => {
    expect(expectOk(await w.as(P.resident).call('frontage', 'shopRules', {}))).toMatchObject({ limitHours: 2, board: { red: 5, black: 3 }, updatedAt: null })
    const ascending = [
      { min: 80, stars: 1 },
      { min: 90, stars: 2 },
    ]
    expect(await w.as(TEST_ADMIN).call('frontage', 'setShopRules', { stars: ascending })).toMatchObject({ ok: false, code: 'FRONTAGE.BAD_BANDS' })
    const sameStars = [
      { min: 90, stars: 3 },
      { min: 80, stars: 3 },
    ]
    expect(await w.as(TEST_ADMIN).call('frontage', 'setShopRules', { stars: sameStars })).toMatchObject({ ok: false, code: 'FRONTAGE.BAD_BANDS' })
    expect(await w.as(P.streetEast).call('frontage', 'setShopRules', { limitHours: 4 })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    const bands = [
      { min: 90, stars: 3 },
      { min: 70, stars: 1 },
    ]
    const after = expectOk(await w.as(TEST_ADMIN).call('frontage', 'setShopRules', { stars: bands, limitHours: 4 }))
    expect(after).toMatchObject({ stars: bands, limitHours: 4, updatedAt: w.clock.now() })
    const { data } = await w.platform.db.collection('audit_log').where({ subjectType: 'frontage_rules' }).limit(10).get()
    expect(data).toHaveLength(1)
    expect(data[0].detail).toMatchObject({ changed: 'stars,limitHours' })
    expect(JSON.parse(String((data[0].detail as Record<string, unknown>).before))).toMatchObject({ limitHours: 2 })
    expect(JSON.parse(String((data[0].detail as Record<string, unknown>).after))).toMatchObject({ stars: bands, limitHours: 4 })
    // the new bands and limit apply at once
    const shop = await w.register('老街面馆', 0)
    await w.reports(shop, 'escalated', 6)
    const view = expectOk(await score(w, shop, TEST_ADMIN))
    expect([view.score, view.stars]).toEqual([88, 1])
    expect(view.tips).toContain('门前随手拍请在 4 小时内处理，转到责任单位每次扣 2 分')
  })
})
