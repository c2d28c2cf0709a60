import { SITE_COLUMNS, type SiteColumn } from '@/shared/inspect'
import type { SitePage } from '@/shared/contract'
import { open311 } from '@/cloud/domain/open311'
import { seedSites, DEMO_SITES } from '@/cloud/domain/inspect/seed-sites'
import { seedSiteTypes } from '@/cloud/domain/inspect/seed-standards'
import { expectOk } from '../support/cloud'
import { EAST_POINT, F, ROAD_ITEMS, startFieldCloud, TEST_ADMIN, WEST_POINT, type FieldCloud } from './inspect-field-support'
import { sheetBytes, uploadSheet } from './inspect-support'
import { P, reportIn } from './report-fixtures'

let cloud: FieldCloud

beforeEach(async () => {
  cloud = await startFieldCloud()
})
afterEach(() => cloud.close())

/** 东城农贸市场: a rectangle in 和平里网格 (东城街道), about 210 m × 150 m */
const MARKET: Array<[number, number]> = [
  [120.1689, 30.2753],
  [120.1711, 30.2753],
  [120.1711, 30.2767],
  [120.1689, 30.2767],
  [120.1689, 30.2753],
]
const MARKET_CENTRE = { lat: 30.276, lng: 120.17 }

const cellsOf = async (siteId: string) =>
  (await cloud.platform.db.collection('inspect_site_cells').where({ siteId }).limit(1000).get()).data.map((c) => String(c.cell)).sort()

describe('saveSite', () => {
  it('refuses an unknown type or unit, a place outside the city and a ring that is open or crosses itself, writing nothing', async () => {
    const before = await cloud.snapshot()
    const save = (o: Record<string, unknown>) =>
      cloud.as(TEST_ADMIN).call('inspect', 'saveSite', {
        name: '东城农贸市场',
        typeId: 'farm-market',
        place: MARKET_CENTRE,
        address: '和平路 88 号',
        unitId: 'unit-market',
        contactName: '钱经理',
        contactPhone: '13800138002',
        ...o,
      })
    expect(await save({ typeId: 'no-such-type' })).toMatchObject({ code: 'INSPECT.SITE_TYPE_NOT_FOUND' })
    expect(await save({ unitId: 'no-such-unit' })).toMatchObject({ code: 'INSPECT.UNIT_NOT_FOUND' })
    expect(await save({ pairUnitId: 'no-such-unit' })).toMatchObject({ code: 'INSPECT.UNIT_NOT_FOUND' })
    expect(await save({ place: { lat: 31.2, lng: 121.4 } })).toMatchObject({ code: 'INSPECT.OUTSIDE_CITY' })
    expect(await save({ polygon: MARKET.slice(0, 4).concat([[120.169, 30.2754]]) })).toMatchObject({ code: 'INSPECT.BAD_POLYGON' })
    // an hourglass: the second and fourth edges cross
    const bowTie: Array<[number, number]> = [
      [120.1689, 30.2753],
      [120.1711, 30.2767],
      [120.1711, 30.2753],
      [120.1689, 30.2767],
      [120.1689, 30.2753],
    ]
    expect(await save({ polygon: bowTie })).toMatchObject({ code: 'INSPECT.BAD_POLYGON' })
    expect(await save({ siteId: 'site-nobody', polygon: MARKET })).toMatchObject({ code: 'INSPECT.SITE_NOT_FOUND' })
    expect(await cloud.as(F.inspector).call('inspect', 'saveSite', { name: '文明路', typeId: 'main-road', place: EAST_POINT, address: '文明路', unitId: 'unit-demo', contactName: '周', contactPhone: '13800138000' })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  it('stores an area site with its grid, box and cells; an edit moves the cells, the type counts and keeps the counters', async () => {
    const market = await cloud.site({ name: '东城农贸市场', typeId: 'farm-market', place: MARKET_CENTRE, polygon: MARKET, address: '和平路 88 号', unitId: 'unit-market' })
    expect(market).toMatchObject({ district: '东城街道', typeName: '农贸市场', unit: { unitId: 'unit-market', name: '市场监督管理所' }, polygon: MARKET, contactPhone: '13800138000' })
    const stored = await cloud.storedSite(market.siteId)
    expect(stored).toMatchObject({ gridId: 'grid-heping', minLat: 30.2753, maxLat: 30.2767, minLng: 120.1689, maxLng: 120.1711 })
    // 0.001° cells from row 30275 to 30276 and column 120168 to 120171
    expect(await cellsOf(market.siteId)).toEqual(['30275:120168', '30275:120169', '30275:120170', '30275:120171', '30276:120168', '30276:120169', '30276:120170', '30276:120171'])
    const types = () => cloud.as(TEST_ADMIN).call('inspect', 'siteTypes', {}).then(expectOk)
    expect((await types()).find((t) => t.typeId === 'farm-market')?.siteCount).toBe(1)
    expect((await cloud.stored<{ sites: number }>('inspect_totals', 'city'))?.sites).toBe(1)

    // moved to 新华街 as a point site: the cells follow, the types recount, the total stays
    const moved = expectOk(
      await cloud.as(TEST_ADMIN).call('inspect', 'saveSite', { siteId: market.siteId, name: '新华街市场', typeId: 'back-street', place: WEST_POINT, address: '新华街', unitId: 'unit-market', contactName: '钱经理', contactPhone: '13800138002' }),
    )
    expect(moved).toMatchObject({ siteId: market.siteId, district: '西城街道', polygon: null })
    const cells = await cellsOf(market.siteId)
    expect(cells).toContain('30262:120150')
    expect(cells.some((c) => c.startsWith('30275:'))).toBe(false)
    // a point site covers the cells within 100 m: a 3 × 3 block around the point here
    expect(cells.length).toBeGreaterThanOrEqual(4)
    expect(cells.length).toBeLessThanOrEqual(9)
    const after = await types()
    expect(after.find((t) => t.typeId === 'farm-market')?.siteCount).toBe(0)
    expect(after.find((t) => t.typeId === 'back-street')?.siteCount).toBe(1)
    expect((await cloud.stored<{ sites: number }>('inspect_totals', 'city'))?.sites).toBe(1)
  })

  it('adds a site type with an id the product makes, once per name', async () => {
    const list = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'addSiteType', { name: '夜市' }))
    const added = list.find((t) => t.name === '夜市')
    expect(added?.typeId).toMatch(/^t-[0-9a-f]{12}$/)
    expect(list[list.length - 1].name).toBe('夜市')
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'addSiteType', { name: '夜市' })).toMatchObject({ code: 'INSPECT.SITE_TYPE_EXISTS' })
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'addSiteType', { name: '主次干道' })).toMatchObject({ code: 'INSPECT.SITE_TYPE_EXISTS' })
  })
})

describe('importSites', () => {
  const header = (Object.keys(SITE_COLUMNS) as SiteColumn[]).map((c) => SITE_COLUMNS[c])
  const row = (o: Partial<Record<SiteColumn, string | number>> = {}) =>
    (Object.keys(SITE_COLUMNS) as SiteColumn[]).map(
      (c) =>
        ({ name: '文明路', type: '主次干道', address: '东城街道文明路', lat: 30.278, lng: 120.15, unit: '城市管理综合执法大队', pair: '东城街道办事处', contactName: '周队长', contactPhone: '13800138000', ...o })[c] ?? null,
    )
  const importRows = async (rows: Array<ReturnType<typeof row>>, dryRun?: boolean) =>
    cloud.as(TEST_ADMIN).call('inspect', 'importSites', { fileId: await uploadSheet(cloud, await sheetBytes([header, ...rows])), dryRun })

  it('adds new sites and updates the one with the same name and address', async () => {
    const existing = await cloud.site({ contactName: '旧联系人' })
    const rows = [row(), row({ name: '新华街三弄', type: '背街小巷', address: '西城街道新华街三弄', lat: WEST_POINT.lat, lng: WEST_POINT.lng, unit: '西城街道办事处', pair: '' })]
    const plan = expectOk(await importRows(rows, true))
    expect(plan).toEqual({ applied: false, added: 1, updated: 1, rows: 2 })
    expect((await cloud.storedSite(existing.siteId)).contactName).toBe('旧联系人')
    expect(expectOk(await importRows(rows))).toEqual({ applied: true, added: 1, updated: 1, rows: 2 })
    expect((await cloud.storedSite(existing.siteId)).contactName).toBe('周队长')
    const all = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'sites', {}))
    expect(all.items.map((s) => [s.name, s.district]).sort()).toEqual([
      ['文明路', '东城街道'],
      ['新华街三弄', '西城街道'],
    ])
  })

  it('refuses the whole sheet when any row is wrong, saying which row and why', async () => {
    const before = await cloud.snapshot()
    const result = await importRows([
      row(),
      row({ name: '甲', type: '不存在的类型' }),
      row({ name: '乙', unit: '不存在的单位' }),
      row({ name: '丙', lat: '北纬三十度' }),
      row({ name: '丁', lat: 31.2, lng: 121.4 }),
      row({ name: '戊', contactPhone: '电话' }),
    ])
    expect(result).toMatchObject({ ok: false, code: 'INSPECT.SHEET_INVALID' })
    if (result.ok) return
    expect(result.issues?.map((i) => i.path)).toEqual(['第3行', '第4行', '第5行', '第6行', '第7行'])
    expect(result.issues?.[0].message).toContain('不存在的类型')
    expect(result.issues?.[3].message).toContain('网格')
    const after = await cloud.snapshot()
    for (const c of ['inspect_sites', 'inspect_site_cells', 'inspect_totals', 'inspect_site_types']) expect(after[c]).toEqual(before[c])
    const noColumns = await cloud.as(TEST_ADMIN).call('inspect', 'importSites', { fileId: await uploadSheet(cloud, await sheetBytes([['点位名称'], ['文明路']])) })
    expect(noColumns).toMatchObject({ code: 'INSPECT.SHEET_INVALID', issues: [{ path: '表头' }] })
    const junk = await uploadSheet(cloud, Buffer.from('PK\u0003\u0004 not really a workbook'))
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'importSites', { fileId: junk })).toMatchObject({ ok: false })
  })
})

describe('who sees which site', () => {
  async function twoSites() {
    const east = await cloud.site({ contactPhone: '13800138000' })
    const west = await cloud.site({ name: '新华街三弄', typeId: 'back-street', place: WEST_POINT, address: '新华街三弄', unitId: 'unit-street-west', pairUnitId: 'unit-market', contactPhone: '13912345678' })
    return { east, west }
  }
  const names = async (openid: string, input: Record<string, string> = {}) =>
    expectOk(await cloud.as(openid).call('inspect', 'sites', input)).items.map((s) => s.name).sort()

  it('lists by role: the office and a city team all, a street team its 街道, a 联络员 what their unit answers for or is 包联 of', async () => {
    await twoSites()
    expect(await names(TEST_ADMIN)).toEqual(['文明路', '新华街三弄'])
    expect(await names(F.inspector)).toEqual(['文明路', '新华街三弄'])
    expect(await names(F.west)).toEqual(['新华街三弄'])
    expect(await names(F.east)).toEqual(['文明路'])
    expect(await names(F.west, { district: '东城街道' })).toEqual([])
    expect(await names(F.liaison)).toEqual(['文明路'])
    expect(await names(F.pairLiaison)).toEqual(['文明路'])
    expect(await names(F.otherLiaison)).toEqual(['新华街三弄'])
    expect(await names(TEST_ADMIN, { typeId: 'back-street' })).toEqual(['新华街三弄'])
    expect(await cloud.as(F.resident).call('inspect', 'sites', {})).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  })

  it('pages the list by open problems, then name, without repeating or losing a site', async () => {
    const made = []
    for (let i = 0; i < 25; i++) made.push(await cloud.site({ name: `路段${String(i).padStart(2, '0')}`, address: `文明路 ${i} 号`, place: { lat: 30.278, lng: 120.145 + i * 0.0005 } }))
    expectOk(await cloud.inspect(made[7].siteId, { fail: [ROAD_ITEMS[0], ROAD_ITEMS[1]] }))
    expectOk(await cloud.inspect(made[3].siteId, { fail: [ROAD_ITEMS[0]] }))
    const seen: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 5; page++) {
      const page: SitePage = expectOk(await cloud.as(F.liaison).call('inspect', 'sites', cursor ? { cursor } : {}))
      const { items, nextCursor } = page
      seen.push(...items.map((s) => s.name))
      if (!nextCursor) break
      cursor = nextCursor
    }
    expect(seen).toHaveLength(25)
    expect(new Set(seen).size).toBe(25)
    const office: string[] = []
    cursor = undefined
    for (let page = 0; page < 5; page++) {
      const page: SitePage = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'sites', cursor ? { cursor } : {}))
      const { items, nextCursor } = page
      office.push(...items.map((s) => s.name))
      if (!nextCursor) break
      cursor = nextCursor
    }
    expect(office.slice(0, 3)).toEqual(['路段07', '路段03', '路段00'])
    expect(new Set(office).size).toBe(25)
  })

  it('masks the contact number to all but the office and the site own units, and refuses others the detail', async () => {
    const { east } = await twoSites()
    const phone = async (openid: string) => expectOk(await cloud.as(openid).call('inspect', 'site', { siteId: east.siteId })).site.contactPhone
    expect(await phone(TEST_ADMIN)).toBe('13800138000')
    expect(await phone(F.liaison)).toBe('13800138000')
    expect(await phone(F.pairLiaison)).toBe('13800138000')
    expect(await phone(F.inspector)).toBe('138****8000')
    expect(expectOk(await cloud.as(F.inspector).call('inspect', 'sites', {})).items.find((s) => s.siteId === east.siteId)?.contactPhone).toBe('138****8000')
    expect(await cloud.as(F.otherLiaison).call('inspect', 'site', { siteId: east.siteId })).toMatchObject({ code: 'INSPECT.NOT_YOUR_UNIT' })
    expect(await cloud.as(F.west).call('inspect', 'site', { siteId: east.siteId })).toMatchObject({ code: 'INSPECT.NOT_YOUR_AREA' })
    expect(await cloud.as(F.resident).call('inspect', 'site', { siteId: east.siteId })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  })

  it('shows the checklist with last results, open orders and whether the caller may inspect', async () => {
    const { east } = await twoSites()
    expectOk(await cloud.inspect(east.siteId, { fail: [ROAD_ITEMS[2]] }))
    const detail = expectOk(await cloud.as(F.inspector).call('inspect', 'site', { siteId: east.siteId }))
    expect(detail.checklist.map((c) => c.standardId)).toEqual(ROAD_ITEMS)
    expect(detail.checklist[2].lastResult).toBe('fail')
    expect(detail.checklist[0].lastResult).toBe('pass')
    expect(detail.orders.map((o) => o.standard.standardId)).toEqual([ROAD_ITEMS[2]])
    expect(detail.mayInspect).toBe(true)
    expect(expectOk(await cloud.as(F.liaison).call('inspect', 'site', { siteId: east.siteId })).mayInspect).toBe(false)
    const map = expectOk(await cloud.as(F.inspector).call('inspect', 'map', {}))
    expect(map.sites.map((s) => [s.name, s.state])).toEqual([
      ['文明路', 'open'],
      ['新华街三弄', 'clear'],
    ])
    expect(map).toMatchObject({ total: 2, counts: { clear: 1, open: 1, overdue: 0 }, districts: ['东城街道', '西城街道'] })
    expect(expectOk(await cloud.as(F.inspector).call('inspect', 'map', { state: 'clear' })).sites.map((s) => s.name)).toEqual(['新华街三弄'])
    expect(expectOk(await cloud.as(F.west).call('inspect', 'map', {}))).toMatchObject({ total: 1, districts: ['西城街道'] })
    expect(await cloud.as(F.west).call('inspect', 'map', { district: '东城街道' })).toMatchObject({ code: 'INSPECT.NOT_YOUR_AREA' })
    expect(await cloud.as(F.liaison).call('inspect', 'map', {})).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  })
})

describe('随手拍 at a site', () => {
  it('links a report inside an area site or within 100 m of a point site, not one outside; closing it takes it off', async () => {
    const market = await cloud.site({ name: '东城农贸市场', typeId: 'farm-market', place: MARKET_CENTRE, polygon: MARKET, address: '和平路 88 号', unitId: 'unit-market' })
    const road = await cloud.site({ place: EAST_POINT })
    const inMarket = await cloud.submit(P.alice, { location: { lat: 30.2762, lng: 120.1705, address: '农贸市场门口' } })
    // about 60 m north of 文明路's point
    const nearRoad = await cloud.submit(P.bob, { location: { lat: 30.27855, lng: 120.15, address: '文明路' } })
    // about 150 m from it, and just outside the market's ring
    await cloud.submit(P.carol, { location: { lat: 30.27935, lng: 120.15, address: '文明路北' } })
    await cloud.submit(P.carol, { location: { lat: 30.2769, lng: 120.1705, address: '市场北侧' } })

    expect((await cloud.storedSite(market.siteId)).openReports).toBe(1)
    expect((await cloud.storedSite(road.siteId)).openReports).toBe(1)
    const links = (await cloud.platform.db.collection('inspect_site_reports').limit(100).get()).data
    expect(links.map((l) => [l._id, l.siteId]).sort()).toEqual([[inMarket.id, market.siteId], [nearRoad.id, road.siteId]].sort())
    const detail = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'site', { siteId: market.siteId }))
    expect(detail.reports).toEqual([expect.objectContaining({ reportId: inMarket.id, categoryName: expect.any(String), status: expect.any(String) })])

    // the grid worker rejects it: no longer open, off the site's count; the map follows
    expectOk(await cloud.as(P.grid).call('report', 'reject', { reportId: nearRoad.id, reason: 'out-of-scope' }))
    expect((await cloud.storedSite(road.siteId)).openReports).toBe(0)
    expect((await cloud.storedSite(market.siteId)).openReports).toBe(1)
  })
})

describe('随手拍 resolved and asked again', () => {
  it('leaves the site count when resolved and comes back when the reporter asks for 重办', async () => {
    const road = await cloud.site({ place: EAST_POINT })
    await reportIn(cloud, 'resolved', { location: { ...EAST_POINT, address: '文明路' } })
    expect((await cloud.storedSite(road.siteId)).openReports).toBe(0)
    await reportIn(cloud, 'reopen-requested', { location: { ...EAST_POINT, address: '文明路' } })
    expect((await cloud.storedSite(road.siteId)).openReports).toBe(1)
    expect((await cloud.storedSite(road.siteId)).problemKey).toBe(1)
  })
})

describe('随手拍 from a partner system', () => {
  it('links an Open311 request at a site the same way, once however often it is posted', async () => {
    const road = await cloud.site({ place: EAST_POINT })
    const apiKey = expectOk(await cloud.as(TEST_ADMIN).call('open311', 'issueKey', { partner: '12345 热线' })).key
    const fields = { api_key: apiKey, service_code: 'illegal-ads', lat: String(EAST_POINT.lat), long: String(EAST_POINT.lng), address_string: '文明路', description: '电线杆上贴满小广告', request_id: 'hotline-0001' }
    const post = () => open311({ method: 'POST', path: 'requests.json', query: new URLSearchParams(), body: new URLSearchParams(fields) }, cloud.platform)
    expect(await post()).toMatchObject({ status: 201 })
    await post()
    expect((await cloud.storedSite(road.siteId)).openReports).toBe(1)
  })
})

describe('the demo seed', () => {
  it('puts twelve sites in the demo grids and three teams, and seeding twice changes nothing', async () => {
    await seedSiteTypes(cloud.platform)
    await seedSites(cloud.platform)
    const first = await cloud.snapshot()
    expect(first.inspect_sites).toHaveLength(DEMO_SITES.length)
    expect(first.inspect_teams.map((t) => (t as { _id: string })._id).sort()).toEqual(['insp-city', 'insp-district', 'insp-street'])
    // the test catalogue gives 主次干道 a checklist: the demo inspection raised one 督办单 at 文明路
    expect(first.inspect_orders).toHaveLength(1)
    expect(first.inspect_orders[0]).toMatchObject({ siteId: 'site-demo-wenming-road', unitId: 'unit-demo', status: 'open' })
    await seedSites(cloud.platform)
    expect(await cloud.snapshot()).toEqual(first)
    const map = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'map', {}))
    expect(map.counts).toEqual({ clear: 11, open: 1, overdue: 0 })
    expect(map.sites[0].name).toBe('文明路')
  })
})
