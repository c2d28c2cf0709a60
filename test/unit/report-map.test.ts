import { svgDataUri, mapSvg, projectionFor } from '@/features/report/lib/map-svg'
import type { CityMapView } from '@/shared/contract'
import { DEMO_GRIDS, DEMO_POINT } from '@/cloud/domain/report/demo-city'
import { insideRing } from '@/shared/report'

const map: CityMapView = {
  name: '示范市',
  bbox: [120.12, 30.255, 120.18, 30.285],
  center: { lat: 30.27, lng: 120.15 },
  grids: DEMO_GRIDS.features.map((f) => ({ id: f.properties.id, name: f.properties.name, ring: f.geometry.coordinates[0] })),
  units: [],
}

test('the drawn map’s data URI decodes back to the same SVG, Chinese names included', () => {
  const svg = mapSvg({ map, pin: DEMO_POINT })
  const uri = svgDataUri(svg)
  expect(Buffer.from(uri.replace('data:image/svg+xml;base64,', ''), 'base64').toString('utf8')).toBe(svg)
  expect(svg).toContain('文明路网格')
})

test('a tap on the picture maps back to the place it shows', () => {
  const proj = projectionFor(map.bbox)
  const [x, y] = proj.toXY(DEMO_POINT)
  const back = proj.toLatLng(x, y)
  expect(back.lat).toBeCloseTo(DEMO_POINT.lat, 9)
  expect(back.lng).toBeCloseTo(DEMO_POINT.lng, 9)
})

test('the client’s point-in-ring agrees with the demo grid the server would pick', () => {
  const holding = map.grids.filter((g) => insideRing(DEMO_POINT, g.ring)).map((g) => g.id)
  expect(holding).toEqual(['grid-demo'])
})
