import {
  APPROXIMATE_RADIUS_M,
  MAP_ASPECT,
  PIN_MARKER_ID,
  circleExtent,
  fitBox,
  frameBox,
  gridAt,
  gridPolygons,
  nativeView,
  pinMarkers,
  sceneCircles,
  type PlaceScene,
} from '@/components/place-map/geometry'
import { mapSvg, projectionFor, svgDataUri } from '@/components/place-map/map-svg'
import type { CityGridView } from '@/shared/contract'
import { DEMO_GRIDS, DEMO_POINT } from '@/cloud/domain/report/demo-city'
import { metersBetween, type LatLng } from '@/shared/report'

const grids: CityGridView[] = DEMO_GRIDS.features.map((f) => ({ id: f.properties.id, name: f.properties.name, ring: f.geometry.coordinates[0] }))
/** the demo activity on 长江路 and its 200 m check-in circle (volunteer seed) */
const ACTIVITY: LatLng = { lat: 31.8206, lng: 117.2272 }

const scene = (patch: Partial<PlaceScene>): PlaceScene => ({
  grids,
  highlightGridId: null,
  pin: null,
  approximate: false,
  geofence: null,
  frame: 'place',
  ...patch,
})

const contains = ([minLng, minLat, maxLng, maxLat]: [number, number, number, number], p: LatLng) =>
  p.lng >= minLng && p.lng <= maxLng && p.lat >= minLat && p.lat <= maxLat

/** ground width : height of a box, as the frame promises it */
const aspectOf = ([minLng, minLat, maxLng, maxLat]: [number, number, number, number]) =>
  ((maxLng - minLng) * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)) / (maxLat - minLat)

describe('grids → native polygons', () => {
  test('one polygon per grid, its ring as WeChat points in order', () => {
    const polygons = gridPolygons(grids, 'grid-demo')
    expect(polygons).toHaveLength(grids.length)
    const demo = grids.findIndex((g) => g.id === 'grid-demo')
    expect(polygons[demo].points).toEqual(grids[demo].ring.map(([longitude, latitude]) => ({ latitude, longitude })))
  })

  test('the highlighted grid differs by line (solid, thicker) as well as colour; the others are alike', () => {
    const polygons = gridPolygons(grids, 'grid-demo')
    const demo = polygons[grids.findIndex((g) => g.id === 'grid-demo')]
    const others = polygons.filter((p) => p !== demo)
    expect(demo.dashArray).toBeUndefined()
    expect(demo.strokeWidth).toBeGreaterThan(others[0].strokeWidth ?? 0)
    expect(demo.strokeColor).not.toBe(others[0].strokeColor)
    for (const other of others) {
      expect(other.dashArray).toEqual([8, 6])
      expect(other).toEqual({ ...others[0], points: other.points })
    }
  })

  test('with no highlighted grid every grid looks the same', () => {
    const styles = new Set(gridPolygons(grids, null).map(({ strokeColor, strokeWidth, fillColor }) => `${strokeColor}/${strokeWidth}/${fillColor}`))
    expect(styles.size).toBe(1)
  })
})

describe('pin → marker', () => {
  test('a numeric id, the place as latitude/longitude, an icon path and its tip on the place', () => {
    expect(pinMarkers(DEMO_POINT, false, '/components/place-map/pin.png', '文明路 18 号')).toEqual([
      expect.objectContaining({
        id: PIN_MARKER_ID,
        latitude: DEMO_POINT.lat,
        longitude: DEMO_POINT.lng,
        iconPath: '/components/place-map/pin.png',
        anchor: { x: 0.5, y: 1 },
        title: '文明路 18 号',
      }),
    ])
    expect(typeof pinMarkers(DEMO_POINT, false, 'x')[0].id).toBe('number')
  })

  test('an approximate pin is an area, never a point', () => {
    expect(pinMarkers(DEMO_POINT, true, 'x')).toEqual([])
    expect(sceneCircles({ pin: DEMO_POINT, approximate: true, geofence: null })).toEqual([
      expect.objectContaining({ latitude: DEMO_POINT.lat, longitude: DEMO_POINT.lng, radius: APPROXIMATE_RADIUS_M }),
    ])
  })

  test('no pin, no marker', () => {
    expect(pinMarkers(null, false, 'x')).toEqual([])
  })
})

describe('activity → geofence circle', () => {
  test('the circle is the activity’s place and check-in radius in metres', () => {
    expect(sceneCircles({ pin: ACTIVITY, approximate: false, geofence: { center: ACTIVITY, radiusM: 200 } })).toEqual([
      expect.objectContaining({ latitude: ACTIVITY.lat, longitude: ACTIVITY.lng, radius: 200 }),
    ])
  })

  test('its extent lies on the circle, 200 m from the centre each way', () => {
    for (const p of circleExtent(ACTIVITY, 200)) expect(metersBetween(ACTIVITY, p)).toBeCloseTo(200, -1)
  })
})

describe('the frame', () => {
  test('a report frames its grid and its pin, not the whole city, at the fixed aspect', () => {
    const box = frameBox(scene({ pin: DEMO_POINT, highlightGridId: 'grid-demo' }))
    if (!box) throw new Error('no frame')
    const demo = grids.find((g) => g.id === 'grid-demo') as CityGridView
    for (const [lng, lat] of demo.ring) expect(contains(box, { lat, lng })).toBe(true)
    expect(contains(box, DEMO_POINT)).toBe(true)
    // 西城网格 is two grids away from 文明路网格: out of the frame
    expect(contains(box, { lat: 30.26, lng: 120.125 })).toBe(false)
    expect(aspectOf(box)).toBeCloseTo(MAP_ASPECT, 6)
  })

  test('the picker frames every grid', () => {
    const box = frameBox(scene({ frame: 'city', pin: DEMO_POINT }))
    if (!box) throw new Error('no frame')
    for (const grid of grids) for (const [lng, lat] of grid.ring) expect(contains(box, { lat, lng })).toBe(true)
    expect(aspectOf(box)).toBeCloseTo(MAP_ASPECT, 6)
  })

  test('an activity frames its whole check-in circle, whatever the city’s grids', () => {
    const box = frameBox(scene({ grids: [], pin: ACTIVITY, geofence: { center: ACTIVITY, radiusM: 500 } }))
    if (!box) throw new Error('no frame')
    for (const p of circleExtent(ACTIVITY, 500)) expect(contains(box, p)).toBe(true)
  })

  test('a lone pin gets streets around it, not a single building', () => {
    const box = fitBox([DEMO_POINT], 0)
    if (!box) throw new Error('no frame')
    expect(metersBetween({ lat: box[1], lng: DEMO_POINT.lng }, { lat: box[3], lng: DEMO_POINT.lng })).toBeGreaterThanOrEqual(399)
  })

  test('nothing to show, no frame and no native view', () => {
    expect(frameBox(scene({ grids: [] }))).toBeNull()
    expect(nativeView(scene({ grids: [] }))).toBeNull()
  })

  test('the native map keeps the frame’s corners in view and looks at the pin', () => {
    const s = scene({ pin: DEMO_POINT, highlightGridId: 'grid-demo' })
    const box = frameBox(s) as [number, number, number, number]
    expect(nativeView(s)).toEqual({
      center: DEMO_POINT,
      includePoints: [
        { latitude: box[1], longitude: box[0] },
        { latitude: box[3], longitude: box[2] },
      ],
      scale: 16,
    })
  })
})

describe('the drawn (H5) map', () => {
  const box = frameBox(scene({ frame: 'city', pin: DEMO_POINT })) as [number, number, number, number]

  test('a tap on the picture maps back to the place it shows', () => {
    const proj = projectionFor(box)
    const [x, y] = proj.toXY(DEMO_POINT)
    const back = proj.toLatLng(x, y)
    expect(back.lat).toBeCloseTo(DEMO_POINT.lat, 9)
    expect(back.lng).toBeCloseTo(DEMO_POINT.lng, 9)
    expect(proj.width / proj.height).toBeCloseTo(MAP_ASPECT, 2)
  })

  test('draws every grid, the current one solid, names in Chinese, a scale bar and no coordinates', () => {
    const svg = mapSvg(scene({ frame: 'city', pin: DEMO_POINT, highlightGridId: 'grid-demo' }), box)
    expect(svg.match(/<polygon /g)).toHaveLength(grids.length)
    expect(svg.match(/stroke-dasharray="8 6"/g)).toHaveLength(grids.length - 1)
    expect(svg).toContain('文明路网格')
    expect(svg).toMatch(/>\d+ (米|公里)</)
    expect(svg).not.toContain('30.27')
    expect(svg).not.toContain('120.15')
  })

  test('the geofence is drawn at its radius', () => {
    const s = scene({ grids: [], pin: ACTIVITY, geofence: { center: ACTIVITY, radiusM: 200 } })
    const activityBox = frameBox(s) as [number, number, number, number]
    const proj = projectionFor(activityBox)
    const r = Number(/<circle [^>]*r="([\d.]+)"[^>]*stroke-dasharray/.exec(mapSvg(s, activityBox))?.[1])
    expect(r).toBeCloseTo((200 / 111_320) * proj.scale, 0)
  })

  test('the data URI decodes back to the same SVG, Chinese names included', () => {
    const svg = mapSvg(scene({ frame: 'city' }), box)
    expect(decodeURIComponent(svgDataUri(svg).replace('data:image/svg+xml;charset=utf-8,', ''))).toBe(svg)
  })
})

test('the client’s point-in-ring agrees with the demo grid the server would pick', () => {
  expect(gridAt(grids, DEMO_POINT)?.id).toBe('grid-demo')
  expect(gridAt(grids, { lat: 23.129, lng: 113.264 })).toBeNull()
})
