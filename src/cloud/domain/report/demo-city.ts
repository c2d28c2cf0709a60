import type { CategoryId } from '@/shared/report'

/**
 * 示范市: the demo city the local host is seeded with — six grids in two 街道, as GeoJSON, the
 * units that handle reports there, and which unit gets which category (by grid where it
 * matters). The office can change the routing; a real city loads its own 网格 data the same way.
 */
export const DEMO_CITY_NAME = '示范市'

type Position = [number, number]

// A 4×3 lattice of [lng, lat] vertices; inner vertices are nudged so the grids look like
// streets rather than a chessboard, and neighbouring grids share their edges exactly.
const V: Position[][] = [
  // row 0 (south edge), row 1 (middle), row 2 (north edge); columns west → east
  [[120.12, 30.255], [120.1396, 30.255], [120.1607, 30.255], [120.18, 30.255]],
  [[120.12, 30.2705], [120.1405, 30.2712], [120.1592, 30.2694], [120.18, 30.2698]],
  [[120.12, 30.285], [120.1398, 30.285], [120.1603, 30.285], [120.18, 30.285]],
]

function cell(col: number, row: number): Position[] {
  const ring = [V[row][col], V[row][col + 1], V[row + 1][col + 1], V[row + 1][col]]
  return [...ring, ring[0]]
}

export interface DemoGridFeature {
  type: 'Feature'
  properties: { id: string; name: string; district: string }
  geometry: { type: 'Polygon'; coordinates: Position[][] }
}

export const DEMO_GRIDS: { type: 'FeatureCollection'; features: DemoGridFeature[] } = {
  type: 'FeatureCollection',
  features: [
    { id: 'grid-xicheng', name: '西城网格', district: '西城街道', col: 0, row: 0 },
    { id: 'grid-xinhua', name: '新华街网格', district: '西城街道', col: 1, row: 0 },
    { id: 'grid-binhe', name: '滨河网格', district: '东城街道', col: 2, row: 0 },
    { id: 'grid-beizhan', name: '北站网格', district: '西城街道', col: 0, row: 1 },
    // the demo grid worker's grid (seed.ts: demo-grid → grid-demo)
    { id: 'grid-demo', name: '文明路网格', district: '东城街道', col: 1, row: 1 },
    { id: 'grid-heping', name: '和平里网格', district: '东城街道', col: 2, row: 1 },
  ].map(({ id, name, district, col, row }) => ({
    type: 'Feature' as const,
    properties: { id, name, district },
    geometry: { type: 'Polygon' as const, coordinates: [cell(col, row)] },
  })),
}

export const DEMO_UNITS = [
  // the demo handler's unit (seed.ts: demo-handler → unit-demo)
  { id: 'unit-demo', name: '城市管理综合执法大队' },
  { id: 'unit-traffic', name: '交警大队文明交通中队' },
  { id: 'unit-market', name: '市场监督管理所' },
  { id: 'unit-sanitation', name: '环境卫生管理所' },
  { id: 'unit-dog', name: '公安分局养犬管理办公室' },
  { id: 'unit-publicity', name: '公益广告管理中心' },
  { id: 'unit-street-east', name: '东城街道办事处' },
  { id: 'unit-street-west', name: '西城街道办事处' },
] as const

export type DemoUnitId = (typeof DEMO_UNITS)[number]['id']

/** category → unit for every grid; `byDistrict` where the 街道 that owns the grid must act. */
export const DEMO_ROUTES: Array<{ categoryId: CategoryId; unitId: DemoUnitId } | { categoryId: CategoryId; byDistrict: true }> = [
  { categoryId: 'street-vending', unitId: 'unit-demo' },
  { categoryId: 'illegal-ads', unitId: 'unit-demo' },
  { categoryId: 'blind-lane', unitId: 'unit-demo' },
  { categoryId: 'back-alley', byDistrict: true },
  { categoryId: 'market-order', unitId: 'unit-market' },
  { categoryId: 'psa-damaged', unitId: 'unit-publicity' },
  { categoryId: 'illegal-parking', unitId: 'unit-traffic' },
  { categoryId: 'jaywalking', unitId: 'unit-traffic' },
  { categoryId: 'no-helmet', unitId: 'unit-traffic' },
  { categoryId: 'throwing-from-car', unitId: 'unit-traffic' },
  { categoryId: 'spitting', unitId: 'unit-sanitation' },
  { categoryId: 'littering', unitId: 'unit-sanitation' },
  { categoryId: 'dog-walking', unitId: 'unit-dog' },
  { categoryId: 'facility-damaged', byDistrict: true },
  { categoryId: 'other', byDistrict: true },
]

export const DISTRICT_UNIT: Record<string, DemoUnitId> = {
  东城街道: 'unit-street-east',
  西城街道: 'unit-street-west',
}

/** A point in the demo grid (文明路), for tests and the H5 picker's fallback. */
export const DEMO_POINT = { lat: 30.2775, lng: 120.15 } as const
