import type { MapProps } from '@tarojs/components'
import type { CityGridView } from '@/shared/contract'
import { insideRing, type LatLng } from '@/shared/report'

/**
 * What a place map shows, in domain terms, and the pure arithmetic that turns it into what
 * WeChat's native `<map>` takes (polygons, markers, circles, the points to keep in view) and into
 * the box the H5 build draws. Both builds frame the same box, so a page looks the same in each.
 */

/** [minLng, minLat, maxLng, maxLat], the order of GeoJSON and `CityMapView.bbox` */
export type BBox = [number, number, number, number]

/** the check-in circle of a volunteer activity */
export interface Geofence {
  center: LatLng
  radiusM: number
}

export interface PlaceScene {
  /** the city's grids to outline; none for a map of one place */
  grids: readonly CityGridView[]
  /** the grid drawn in red (the report's, or the one under the pin) */
  highlightGridId: string | null
  pin: LatLng | null
  /** public views know the pin only to about 100 m: shown as an area, never as a point */
  approximate: boolean
  geofence: Geofence | null
  /** `city`: every grid, for picking anywhere; `place`: the pin with its grid, or the geofence */
  frame: 'city' | 'place'
}

/** width : height of every map we show, drawn or native: a modest band across a 390 px phone */
export const MAP_ASPECT = 16 / 10

/** the marker `id` WeChat hands back on a tap; numbers, as WeChat asks, for cheaper updates */
export const PIN_MARKER_ID = 1

/** how far an approximate (public) pin may be from the real place: three decimals of a degree */
export const APPROXIMATE_RADIUS_M = 110

export const METRES_PER_DEGREE_LAT = 111_320

/** the smallest span a frame has, so a lone pin shows its streets rather than one building */
const MIN_SPAN_M = 400

/** stroke and fill, as WeChat wants them (#RRGGBBAA); the SVG drawing uses the same look */
export const MAP_STYLE = {
  grid: { stroke: '#8c8279', strokeWidth: 1, fill: '#ffffff00', dash: [8, 6] },
  // the current grid: red, thicker and solid, so it is told apart by line as well as by colour
  current: { stroke: '#c8102e', strokeWidth: 3, fill: '#c8102e1f' },
  geofence: { stroke: '#c8102ecc', strokeWidth: 2, fill: '#c8102e1a' },
  area: { stroke: '#c8102e99', strokeWidth: 2, fill: '#c8102e33' },
} as const

export function gridAt(grids: readonly CityGridView[], point: LatLng): CityGridView | null {
  return grids.find((g) => insideRing(point, g.ring)) ?? null
}

const cosLat = (lat: number) => Math.cos((lat * Math.PI) / 180)

/** four points on the circle (north, east, south, west): what must be in view to see all of it */
export function circleExtent(center: LatLng, radiusM: number): LatLng[] {
  const dLat = radiusM / METRES_PER_DEGREE_LAT
  const dLng = dLat / cosLat(center.lat)
  return [
    { lat: center.lat + dLat, lng: center.lng },
    { lat: center.lat, lng: center.lng + dLng },
    { lat: center.lat - dLat, lng: center.lng },
    { lat: center.lat, lng: center.lng - dLng },
  ]
}

const ringPoints = (grid: CityGridView): LatLng[] => grid.ring.map(([lng, lat]) => ({ lat, lng }))

/** The places the map must show; the frame is the box around them. */
export function framePoints(scene: PlaceScene): LatLng[] {
  const own: LatLng[] = []
  if (scene.pin) own.push(scene.pin, ...(scene.approximate ? circleExtent(scene.pin, APPROXIMATE_RADIUS_M) : []))
  if (scene.geofence) own.push(...circleExtent(scene.geofence.center, scene.geofence.radiusM))
  const everyGrid = scene.grids.flatMap(ringPoints)
  if (scene.frame === 'city' || own.length === 0) return everyGrid.length > 0 ? [...everyGrid, ...own] : own
  const current = scene.grids.find((g) => g.id === scene.highlightGridId) ?? (scene.pin ? gridAt(scene.grids, scene.pin) : null)
  return current ? [...ringPoints(current), ...own] : own
}

/**
 * The box around `points` with a margin, widened in one direction to MAP_ASPECT (in ground
 * distance, east–west scaled by cos(latitude)), so the drawn picture and the native map frame the
 * same ground. Null when there is nothing to frame.
 */
export function fitBox(points: readonly LatLng[], margin: number): BBox | null {
  if (points.length === 0) return null
  const lats = points.map((p) => p.lat)
  const lngs = points.map((p) => p.lng)
  const [minLat, maxLat, minLng, maxLng] = [Math.min(...lats), Math.max(...lats), Math.min(...lngs), Math.max(...lngs)]
  const midLat = (minLat + maxLat) / 2
  const k = cosLat(midLat)
  const minSpan = MIN_SPAN_M / METRES_PER_DEGREE_LAT
  let width = Math.max((maxLng - minLng) * k, minSpan) * (1 + 2 * margin)
  let height = Math.max(maxLat - minLat, minSpan) * (1 + 2 * margin)
  if (width / height < MAP_ASPECT) width = height * MAP_ASPECT
  else height = width / MAP_ASPECT
  const midLng = (minLng + maxLng) / 2
  return [midLng - width / 2 / k, midLat - height / 2, midLng + width / 2 / k, midLat + height / 2]
}

export function frameBox(scene: PlaceScene): BBox | null {
  // the whole city is framed tightly (a picker wants every grid large); one place gets room around it
  return fitBox(framePoints(scene), scene.frame === 'city' ? 0.03 : 0.15)
}

export function gridPolygons(grids: readonly CityGridView[], highlightGridId: string | null): MapProps.polygon[] {
  return grids.map((grid) => {
    const current = grid.id === highlightGridId
    const style = current ? MAP_STYLE.current : MAP_STYLE.grid
    return {
      points: grid.ring.map(([longitude, latitude]) => ({ latitude, longitude })),
      strokeColor: style.stroke,
      strokeWidth: style.strokeWidth,
      fillColor: style.fill,
      ...(current ? {} : { dashArray: [...MAP_STYLE.grid.dash] }),
      zIndex: current ? 2 : 1,
    }
  })
}

/** The pin as a marker; none for an approximate pin (that one is an area, see `sceneCircles`). */
export function pinMarkers(pin: LatLng | null, approximate: boolean, iconPath: string, title?: string): MapProps.marker[] {
  if (!pin || approximate) return []
  return [
    {
      id: PIN_MARKER_ID,
      latitude: pin.lat,
      longitude: pin.lng,
      iconPath,
      // the icon is drawn 3× for sharp screens; its tip is the place
      width: 28,
      height: 36,
      anchor: { x: 0.5, y: 1 },
      zIndex: 3,
      ...(title ? { title, ariaLabel: title } : {}),
    },
  ]
}

export function sceneCircles(scene: Pick<PlaceScene, 'pin' | 'approximate' | 'geofence'>): MapProps.circle[] {
  const circles: MapProps.circle[] = []
  if (scene.geofence) {
    const { center, radiusM } = scene.geofence
    const s = MAP_STYLE.geofence
    circles.push({ latitude: center.lat, longitude: center.lng, radius: radiusM, color: s.stroke, fillColor: s.fill, strokeWidth: s.strokeWidth })
  }
  if (scene.pin && scene.approximate) {
    const s = MAP_STYLE.area
    circles.push({ latitude: scene.pin.lat, longitude: scene.pin.lng, radius: APPROXIMATE_RADIUS_M, color: s.stroke, fillColor: s.fill, strokeWidth: s.strokeWidth })
  }
  return circles
}

export interface NativeView {
  center: LatLng
  /** the frame's corners: WeChat zooms so both are in view, whatever the phone's width */
  includePoints: MapProps.point[]
  /** used until include-points applies */
  scale: number
}

/** Where the native map looks; null when the scene has nothing in it to show. */
export function nativeView(scene: PlaceScene): NativeView | null {
  const box = frameBox(scene)
  if (!box) return null
  const [minLng, minLat, maxLng, maxLat] = box
  const center = scene.pin ?? scene.geofence?.center ?? { lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2 }
  return {
    center,
    includePoints: [
      { latitude: minLat, longitude: minLng },
      { latitude: maxLat, longitude: maxLng },
    ],
    scale: scene.frame === 'city' ? 13 : 16,
  }
}
