/** @jest-environment jsdom */
import fs from 'node:fs'
import path from 'node:path'
import { CANNED_ACTIVITY, CANNED_CITY, CANNED_REPORT, respond } from './canned-cloud'
import { loadMiniProgram, WEAPP_DIST, type MiniProgram, type OpenedPage, type TaroNode } from './harness'

/**
 * The pages that show a place use WeChat's native `<map>` in the compiled mini-program, with the
 * city's grids, the pin and the check-in circle — and never print coordinates. Each page is opened
 * from the COMPILED build and its render tree (the data Taro setData's to the view layer) is read.
 */
const DIST = WEAPP_DIST

interface Point {
  latitude: number
  longitude: number
}
interface Marker extends Point {
  id: unknown
  iconPath: unknown
}
interface Polygon {
  points: Point[]
  strokeColor?: string
  strokeWidth?: number
  fillColor?: string
  dashArray?: number[]
}
interface Circle extends Point {
  radius: number
}

/**
 * Taro compiles `<map>` into one template of base.wxml: the render tree names the node by that
 * template's number and keeps each attribute under a short key (`markers="{{i.p17||[]}}"`). Both
 * are read from the build, so the test follows Taro's numbering instead of hard-coding it.
 */
function mapTemplate(dist: string): { nn: string; key: Record<string, string> } {
  const wxml = fs.readFileSync(path.join(dist, 'base.wxml'), 'utf8')
  const found = /<template name="tmpl_0_(\w+)">\s*<map ([^>]*)>/.exec(wxml)
  if (!found) throw new Error('base.wxml has no <map> template: no page of the build uses the native map')
  const key: Record<string, string> = {}
  for (const [, attribute, dataKey] of found[2].matchAll(/([\w-]+)="\{\{(?:xs\.\w\()?i\.(\w+)/g)) key[attribute] = dataKey
  return { nn: found[1], key }
}

const TEMPLATE = mapTemplate(DIST)

function mapNode(page: OpenedPage): TaroNode | null {
  return page.find((node) => String(node.nn) === TEMPLATE.nn)
}

function attr<T>(node: TaroNode, attribute: string): T | undefined {
  const dataKey = TEMPLATE.key[attribute]
  if (!dataKey) throw new Error(`the compiled <map> template has no ${attribute} attribute`)
  return node[dataKey] as T | undefined
}

const markersOf = (node: TaroNode) => attr<Marker[]>(node, 'markers') ?? []
const polygonsOf = (node: TaroNode) => attr<Polygon[]>(node, 'polygons') ?? []
const circlesOf = (node: TaroNode) => attr<Circle[]>(node, 'circles') ?? []
const includePointsOf = (node: TaroNode) => attr<Point[]>(node, 'include-points') ?? []

/** waits for the page's native map and returns it once `ready` holds for it */
async function nativeMap(page: OpenedPage, ready: (node: TaroNode) => boolean, what: string): Promise<TaroNode> {
  await page.until(() => {
    const node = mapNode(page)
    return node !== null && ready(node)
  }, what)
  return mapNode(page) as TaroNode
}

/** A coordinate as a resident would see one printed: 30.27628, 120.1502, 31.8583 … */
const COORDINATE = /\b\d{2,3}\.\d{3,}\b/

function ringOf(gridId: string): Point[] {
  const grid = CANNED_CITY.grids.find((g) => g.id === gridId)
  if (!grid) throw new Error(`no grid ${gridId}`)
  return grid.ring.map(([longitude, latitude]) => ({ latitude, longitude }))
}

const styleOf = ({ strokeColor, strokeWidth, fillColor, dashArray }: Polygon) => JSON.stringify({ strokeColor, strokeWidth, fillColor, dashArray })

/** the polygons are the city's grids, and only `gridId`'s stands out */
function expectGridsWithHighlight(node: TaroNode, gridId: string): void {
  const polygons = polygonsOf(node)
  expect(polygons).toHaveLength(CANNED_CITY.grids.length)
  for (const grid of CANNED_CITY.grids) expect(polygons.map((p) => p.points)).toContainEqual(ringOf(grid.id))
  const highlighted = polygons.find((p) => JSON.stringify(p.points) === JSON.stringify(ringOf(gridId))) as Polygon
  const others = polygons.filter((p) => p !== highlighted)
  expect(styleOf(highlighted)).not.toBe(styleOf(others[0]))
  expect(new Set(others.map(styleOf)).size).toBe(1)
  expect(highlighted.strokeWidth).toBeGreaterThan(others[0].strokeWidth ?? 0)
}

/** the one marker is the pin: a numeric id, at `at`, with an icon the package ships */
function expectPinAt(node: TaroNode, at: { lat: number; lng: number }): void {
  const markers = markersOf(node)
  expect(markers).toHaveLength(1)
  const [pin] = markers
  expect(typeof pin.id).toBe('number')
  expect(pin.latitude).toBe(at.lat)
  expect(pin.longitude).toBe(at.lng)
  expect(typeof pin.iconPath).toBe('string')
  expect(fs.existsSync(path.join(DIST, String(pin.iconPath).replace(/^\//, '')))).toBe(true)
}

/** WeChat zooms to include-points: everything in `points` must lie in their box */
function expectInView(node: TaroNode, points: Point[]): void {
  const view = includePointsOf(node)
  expect(view.length).toBeGreaterThanOrEqual(2)
  const lats = view.map((p) => p.latitude)
  const lngs = view.map((p) => p.longitude)
  for (const p of points) {
    expect(p.latitude).toBeGreaterThanOrEqual(Math.min(...lats))
    expect(p.latitude).toBeLessThanOrEqual(Math.max(...lats))
    expect(p.longitude).toBeGreaterThanOrEqual(Math.min(...lngs))
    expect(p.longitude).toBeLessThanOrEqual(Math.max(...lngs))
  }
}

const REPORT_PIN = { lat: CANNED_REPORT.location.lat, lng: CANNED_REPORT.location.lng }
const pinPoint = (p: { lat: number; lng: number }): Point => ({ latitude: p.lat, longitude: p.lng })

describe('native maps in the compiled mini-program', () => {
  let mp: MiniProgram

  beforeAll(() => {
    mp = loadMiniProgram(DIST, respond)
  })

  test('the report detail shows the city’s grids with the report’s grid highlighted, and its pin in view', async () => {
    const page = mp.openPage('packages/reports/pages/detail/index', { id: CANNED_REPORT.id })
    const map = await nativeMap(page, (node) => polygonsOf(node).length > 0 && markersOf(node).length > 0, 'the native map with grids and pin')
    expect(map.uid).toBe('wm-report-map')
    expectGridsWithHighlight(map, CANNED_REPORT.gridId)
    expectPinAt(map, REPORT_PIN)
    expectInView(map, [pinPoint(REPORT_PIN), ...ringOf(CANNED_REPORT.gridId)])
    expect(circlesOf(map)).toEqual([])
    const text = page.text()
    expect(text).toContain('文明路网格')
    expect(text).toContain(CANNED_REPORT.location.address)
    expect(text).not.toMatch(COORDINATE)
  })

  test('the grid worker’s dispatch screen shows the same map above the dispatch form', async () => {
    const page = mp.openPage('packages/reports/pages/act/index', { id: CANNED_REPORT.id, action: 'dispatch' })
    await page.until(() => page.text().includes('派发给'), 'the dispatch form')
    const map = await nativeMap(page, (node) => polygonsOf(node).length > 0 && markersOf(node).length > 0, 'the native map with grids and pin')
    expectGridsWithHighlight(map, CANNED_REPORT.gridId)
    expectPinAt(map, REPORT_PIN)
    expectInView(map, [pinPoint(REPORT_PIN), ...ringOf(CANNED_REPORT.gridId)])
    expect(page.text()).toContain('城市管理综合执法大队（推荐）')
    expect(page.text()).not.toMatch(COORDINATE)
  })

  test('the grid worker sees 「更改类别」 on a 待受理 report, and its step screen offers report categories (no praise tab), marks the current one and asks a reason', async () => {
    const detail = mp.openPage('packages/reports/pages/detail/index', { id: CANNED_REPORT.id })
    await detail.until(() => detail.text().includes('更改类别'), 'the 更改类别 button')
    const page = mp.openPage('packages/reports/pages/act/index', { id: CANNED_REPORT.id, action: 'recategorize' })
    await page.until(() => page.text().includes('更改原因（必填）'), 'the recategorise form')
    const text = page.text()
    expect(text).toMatch(/当前类别：\s*牛皮癣小广告/)
    expect(text).toContain('游商小贩/占道经营')
    // a report cannot become praise: neither the praise tab nor its categories are offered
    expect(text).not.toContain('文明点赞')
    expect(text).not.toContain('志愿服务')
    // the current category is shown as such in place of its hint, not offered as the new one
    expect(text).toMatch(/牛皮癣小广告\s*当前类别/)
    expect(text).not.toContain('乱贴乱画、楼道和电线杆上的小广告')
    expect(text).toMatch(/确认\s*更改类别/)
  })

  test('the activity page shows its place and its check-in circle at the activity’s radius', async () => {
    const page = mp.openPage('packages/volunteer/pages/activity/index', { id: CANNED_ACTIVITY.id })
    const map = await nativeMap(page, (node) => markersOf(node).length > 0, 'the native map with the activity’s place')
    const { place, geofenceRadiusM } = CANNED_ACTIVITY
    expectPinAt(map, place)
    expect(circlesOf(map)).toEqual([expect.objectContaining({ latitude: place.lat, longitude: place.lng, radius: geofenceRadiusM })])
    // the whole circle is in view: 200 m north, east, south and west of the place
    const dLat = geofenceRadiusM / 111_320
    const dLng = dLat / Math.cos((place.lat * Math.PI) / 180)
    expectInView(map, [
      { latitude: place.lat + dLat, longitude: place.lng },
      { latitude: place.lat - dLat, longitude: place.lng },
      { latitude: place.lat, longitude: place.lng + dLng },
      { latitude: place.lat, longitude: place.lng - dLng },
    ])
    expect(polygonsOf(map)).toEqual([])
    const text = page.text()
    expect(text).toContain(place.address)
    expect(text).toMatch(new RegExp(`${geofenceRadiusM}\\s*米`))
    expect(text).not.toMatch(COORDINATE)
    expect(text).not.toContain('坐标')
  })

  test('the report form places itself at the phone’s position; its folded map shows every grid with the pin in its highlighted grid', async () => {
    // the phone is on 文明路 (a GCJ-02 fix, as WeChat returns it)
    const here = { lat: 30.27702, lng: 120.14955 }
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx
    const original = wx.getLocation
    const asked: unknown[] = []
    wx.getLocation = (options: { type?: string; success?: (res: unknown) => void; complete?: (res: unknown) => void }) => {
      asked.push(options.type)
      const res = { errMsg: 'getLocation:ok', latitude: here.lat, longitude: here.lng, accuracy: 20, speed: -1, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: 20 }
      setTimeout(() => {
        options.success?.(res)
        options.complete?.(res)
      }, 0)
    }
    try {
      // photo first: the place comes by itself as the form opens
      const page = mp.openPage('pages/report/index')
      await page.until(() => page.text().includes('已定位：文明路网格'), 'the located grid')
      expect(asked).toEqual(['gcj02'])
      // the map is folded away until 地图选点
      page.tap('wm-report-pick-map')
      const after = await nativeMap(page, (node) => polygonsOf(node).length > 0 && markersOf(node).length > 0, 'the picker’s native map with grids and the pin')
      expect(polygonsOf(after)).toHaveLength(CANNED_CITY.grids.length)
      expectPinAt(after, here)
      expectGridsWithHighlight(after, 'grid-demo')
      expectInView(after, [pinPoint(here), ...ringOf('grid-demo')])
      // 重新定位 asks again, the same way
      page.tap('wm-report-locate')
      await page.until(() => asked.length === 2, 'the second fix')
      expect(asked).toEqual(['gcj02', 'gcj02'])
      const text = page.text()
      expect(text).toContain('地址：文明路网格附近')
      expect(text).not.toMatch(COORDINATE)
    } finally {
      wx.getLocation = original
    }
  })
})
