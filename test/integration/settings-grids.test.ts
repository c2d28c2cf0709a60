import { expectOk } from '../support/cloud'
import { P, startReportCloud, type ReportCloud } from './report-fixtures'

/**
 * 网格导入: a GeoJSON sheet is checked whole — closed rings, no self-intersection, no overlap with
 * another feature or a stored grid beyond a sliver, inside the country, at most 2,000 vertices —
 * and a sheet with any bad feature writes nothing and names each bad one by index and name.
 */
let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

type Ring = Array<[number, number]>

/** An axis-aligned square east of the demo city (its grids end at 120.18). */
const square = (west: number, south: number, size = 0.01): Ring => {
  // rounded, so a box reads back as the numbers written here rather than 30.270000000000003
  const east = Number((west + size).toFixed(6))
  const north = Number((south + size).toFixed(6))
  return [[west, south], [east, south], [east, north], [west, north], [west, south]]
}

const feature = (name: string, ring: Ring, district = '东城街道') => ({
  type: 'Feature' as const,
  properties: { name, district },
  geometry: { type: 'Polygon', coordinates: [ring] },
})

const sheet = (...features: Array<ReturnType<typeof feature>>) => ({ type: 'FeatureCollection' as const, features })

const importing = (geojson: ReturnType<typeof sheet>, dryRun?: boolean) =>
  cloud.as(P.office).call('settings', 'importGrids', dryRun === undefined ? { geojson } : { geojson, dryRun })

/** A ring of `n` vertices round a point: simple (no kinks), closed. */
function circle(n: number, lng = 120.25, lat = 30.27, r = 0.004): Ring {
  const ring: Ring = []
  for (let i = 0; i < n; i++) ring.push([lng + r * Math.cos((2 * Math.PI * i) / n), lat + r * Math.sin((2 * Math.PI * i) / n)])
  return [...ring, ring[0]]
}

describe('settings.importGrids: a good sheet', () => {
  test('adds the grids with their boxes; a report there lands in the new grid; audited', async () => {
    const result = expectOk(await importing(sheet(feature('江滨网格', square(120.2, 30.26)), feature('江南网格', square(120.21, 30.26), '南区街道'))))
    expect(result).toEqual({ dryRun: false, added: ['江滨网格', '江南网格'], replaced: [] })

    const { grids } = expectOk(await cloud.as(P.office).call('settings', 'grids', {}))
    const jiangbin = grids.find((g) => g.name === '江滨网格')
    expect(jiangbin).toMatchObject({ district: '东城街道', vertexCount: 4, bbox: { minLng: 120.2, minLat: 30.26, maxLng: 120.21, maxLat: 30.27 } })
    expect(jiangbin?.gridId).toMatch(/^grid-[0-9a-f]{12}$/)
    expect(grids.find((g) => g.gridId === 'grid-demo')).toMatchObject({ name: '文明路网格', vertexCount: 4 })

    // the shared edge (120.21) is touching, not overlapping: both accepted, and point-in-polygon finds the right one
    const report = await cloud.submit(P.alice, { location: { lat: 30.265, lng: 120.205, address: '江滨路' } })
    expect(report.gridId).toBe(jiangbin?.gridId)

    const { items } = expectOk(await cloud.as(P.office).call('settings', 'audit', { subjectType: 'reportGrid' }))
    expect(items.map((e) => e.action)).toEqual(['addGrid', 'addGrid'])
    expect(items.find((e) => e.subjectId === jiangbin?.gridId)).toMatchObject({ before: null, after: { name: '江滨网格', vertexCount: 4 } })
  })

  test('a grid of an existing name is replaced in place (same id), and may then overlap its old self', async () => {
    // 文明路网格 again, same outline: it covers the stored version (which it replaces) and only touches its neighbours' edges
    const result = expectOk(await importing(sheet(feature('文明路网格', [[120.1405, 30.2712], [120.1592, 30.2694], [120.1603, 30.285], [120.1398, 30.285], [120.1405, 30.2712]]))))
    expect(result).toEqual({ dryRun: false, added: [], replaced: ['文明路网格'] })
    const { grids } = expectOk(await cloud.as(P.office).call('settings', 'grids', {}))
    expect(grids.filter((g) => g.name === '文明路网格')).toHaveLength(1)
    expect(grids.find((g) => g.name === '文明路网格')?.gridId).toBe('grid-demo')
    const { items } = expectOk(await cloud.as(P.office).call('settings', 'audit', { subjectType: 'reportGrid' }))
    expect(items[0]).toMatchObject({ action: 'replaceGrid', subjectId: 'grid-demo', before: { name: '文明路网格' } })
  })

  test('dryRun checks and answers, writing nothing', async () => {
    const before = await cloud.snapshot()
    expect(expectOk(await importing(sheet(feature('江滨网格', square(120.2, 30.26))), true))).toEqual({ dryRun: true, added: ['江滨网格'], replaced: [] })
    expect(await cloud.snapshot()).toEqual(before)
  })
})

describe('settings.importGrids: a bad feature refuses the sheet, named, nothing written', () => {
  const hourglass: Ring = [[120.2, 30.26], [120.21, 30.27], [120.21, 30.26], [120.2, 30.27], [120.2, 30.26]]
  const open: Ring = square(120.2, 30.26).slice(0, 4)
  const cases: Array<[string, ReturnType<typeof sheet>, number, string, RegExp]> = [
    ['self-intersecting', sheet(feature('好网格', square(120.22, 30.26)), feature('沙漏网格', hourglass)), 1, '沙漏网格', /自相交/],
    ['overlapping another feature', sheet(feature('甲网格', square(120.2, 30.26)), feature('乙网格', square(120.205, 30.265))), 1, '乙网格', /与第 1 个（甲网格）重叠/],
    ['overlapping a stored grid', sheet(feature('侵入网格', square(120.15, 30.27))), 0, '侵入网格', /与已有网格「.+」重叠/],
    ['an open ring', sheet(feature('开口网格', open)), 0, '开口网格', /未闭合/],
    ['too many vertices', sheet(feature('圆网格', circle(2001))), 0, '圆网格', /顶点过多（2001 个，最多 2000 个）/],
    ['outside the country (lat/lng swapped)', sheet(feature('颠倒网格', square(30.26, 120.2))), 0, '颠倒网格', /超出国内/],
    ['a feature that is not a Polygon', sheet({ ...feature('线网格', square(120.2, 30.26)), geometry: { type: 'LineString', coordinates: [square(120.2, 30.26)] } }), 0, '线网格', /Polygon/],
    ['two features of one name', sheet(feature('同名网格', square(120.2, 30.26)), feature('同名网格', square(120.22, 30.26))), 1, '同名网格', /与第 1 个同名/],
  ]
  test.each(cases)('%s', async (_label, geojson, index, name, problem) => {
    const before = await cloud.snapshot()
    const result = await importing(geojson)
    expect(result).toMatchObject({ ok: false, code: 'SETTINGS.GRIDS_INVALID' })
    if (result.ok) return
    expect(result.message).toContain(`第 ${index + 1} 个（${name}）`)
    expect(result.message).toMatch(problem)
    expect(result.issues).toContainEqual({ path: `geojson.features.${index}`, message: expect.stringMatching(problem) })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('every bad feature of a sheet is named at once, the good ones with them not written', async () => {
    const before = await cloud.snapshot()
    const result = await importing(sheet(feature('好网格', square(120.22, 30.26)), feature('沙漏网格', hourglass), feature('开口网格', open), feature('圆网格', circle(2001))))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues?.map((i) => i.path)).toEqual(['geojson.features.1', 'geojson.features.2', 'geojson.features.3'])
    expect(await cloud.snapshot()).toEqual(before)
    // a sliver along a shared edge is not an overlap
    const sliver: Ring = [[120.2099995, 30.26], [120.22, 30.26], [120.22, 30.27], [120.2099995, 30.27], [120.2099995, 30.26]]
    expect(expectOk(await importing(sheet(feature('甲网格', square(120.2, 30.26)), feature('乙网格', sliver)), true)).added).toEqual(['甲网格', '乙网格'])
  })

  test('a sheet over 200 features, or a ring far over the cap, is an input error', async () => {
    const many = sheet(...Array.from({ length: 201 }, (_, i) => feature(`网格${i}`, square(120.2 + (i % 20) * 0.01, 30.2 + Math.floor(i / 20) * 0.01))))
    expect(await importing(many)).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await importing(sheet(feature('巨网格', circle(4001))))).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
  })
})
