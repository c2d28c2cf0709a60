import { useMemo } from 'react'
import { Image, Map, View } from '@tarojs/components'
import { alt } from '@/components/alt'
import type { CityGridView } from '@/shared/contract'
import type { LatLng } from '@/shared/report'
import { frameBox, gridPolygons, nativeView, pinMarkers, sceneCircles, type Geofence, type PlaceScene } from './geometry'
import { mapSvg, projectionFor, svgDataUri } from './map-svg'
// pin.svg drawn 3× at 84×108 on a transparent background (headless chromium, omitBackground);
// over 2 KB, so the build ships it as a file: WeChat takes a marker icon only from a path
import pinIcon from './pin.png'
import './index.scss'



export { gridAt, type Geofence } from './geometry'

export interface PlaceMapProps {
  /** the city's grids to outline; leave out for a map of one place */
  grids?: readonly CityGridView[]
  /** the grid drawn in red: the report's, or the one under the pin */
  highlightGridId?: string | null
  pin?: LatLng | null
  /** the place's name, read out by screen readers and shown when the pin is tapped */
  pinTitle?: string
  /** public views: the pin is only known to about 100 m and is drawn as an area */
  approximate?: boolean
  /** a volunteer activity's check-in circle */
  geofence?: Geofence | null
  /** `city` frames every grid (for picking anywhere), `place` the pin with its grid or the geofence */
  frame?: 'city' | 'place'
  /** a tap on the map places the pin there; `placeName` when WeChat knew the spot tapped (a POI) */
  onPick?: (point: LatLng, placeName?: string) => void
  /** a tap on a map that does not pick: e.g. open WeChat's own map to navigate there */
  onOpen?: () => void
  /** what the map shows, for screen readers */
  label: string
  id?: string
}

interface MapTapDetail {
  latitude: number
  longitude: number
  name?: string
}

/** WeChat's map taps carry the spot tapped (base library 2.9+); older ones carry nothing. */
function tappedPoint(detail: unknown): MapTapDetail | null {
  if (typeof detail !== 'object' || detail === null) return null
  const { latitude, longitude, name } = detail as Record<string, unknown>
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null
  return { latitude, longitude, ...(typeof name === 'string' && name ? { name } : {}) }
}

function NativePlaceMap({ scene, pinTitle, onPick, onOpen, id }: { scene: PlaceScene } & Omit<PlaceMapProps, keyof PlaceScene>) {
  const { grids, highlightGridId, pin, approximate, geofence } = scene
  const polygons = useMemo(() => gridPolygons(grids, highlightGridId), [grids, highlightGridId])
  const markers = useMemo(() => pinMarkers(pin, approximate, pinIcon, pinTitle), [pin, approximate, pinTitle])
  const circles = useMemo(() => sceneCircles({ pin, approximate, geofence }), [pin, approximate, geofence])
  const view = useMemo(() => nativeView(scene), [scene])
  if (!view) return null
  const tap = (detail: unknown) => {
    const spot = tappedPoint(detail)
    if (onPick && spot) onPick({ lat: spot.latitude, lng: spot.longitude }, spot.name)
    else onOpen?.()
  }
  return (
    <Map
      id={id}
      className='wm-place-map wm-place-map--native'
      latitude={view.center.lat}
      longitude={view.center.lng}
      scale={view.scale}
      includePoints={view.includePoints}
      polygons={polygons}
      markers={markers}
      circles={circles}
      enableRotate={false}
      enableOverlooking={false}
      onTap={(e) => tap(e.detail)}
      onPoiTap={(e) => tap(e.detail)}
      onMarkerTap={() => (onPick ? undefined : onOpen?.())}
      // no network or no map key: the page's address and grid lines still say where
      onError={() => undefined}
    />
  )
}

interface PointerLike {
  clientX?: number
  clientY?: number
  changedTouches?: ArrayLike<{ clientX: number; clientY: number }>
  currentTarget?: { getBoundingClientRect?: () => { left: number; top: number; width: number; height: number } }
}

function DrawnPlaceMap({ scene, onPick, label, id }: { scene: PlaceScene } & Omit<PlaceMapProps, keyof PlaceScene>) {
  const box = useMemo(() => frameBox(scene), [scene])
  const picture = useMemo(() => (box ? { src: svgDataUri(mapSvg(scene, box)), proj: projectionFor(box) } : null), [scene, box])
  if (!picture) return null
  const { proj } = picture

  const pick = (event: unknown) => {
    if (!onPick) return
    const e = event as PointerLike
    const rect = e.currentTarget?.getBoundingClientRect?.()
    const touch = e.changedTouches?.[0]
    const clientX = touch?.clientX ?? e.clientX
    const clientY = touch?.clientY ?? e.clientY
    if (!rect || clientX === undefined || clientY === undefined || rect.width === 0) return
    onPick(proj.toLatLng(((clientX - rect.left) / rect.width) * proj.width, ((clientY - rect.top) / rect.height) * proj.height))
  }

  return (
    // the box keeps the picture's aspect ratio, so a tap's place in the box is its place on the map
    <View
      id={id}
      className={`wm-place-map wm-place-map--drawn${onPick ? ' wm-place-map--pickable' : ''}`}
      style={{ paddingTop: `${((proj.height / proj.width) * 100).toFixed(3)}%` }}
      onClick={pick}
      aria-label={label}
      role='img'
    >
      {/* the box above is the picture (role img, labelled); the <img> inside H5's image says nothing more */}
      <Image className='wm-place-map__image' src={picture.src} mode='scaleToFill' {...alt('')} />
    </View>
  )
}

/**
 * A place on a map: the city's grids (the current one in red), a pin, a check-in circle. In the
 * mini-program it is WeChat's own `<map>`; in the H5 build a drawn picture of the same frame, since
 * Taro's H5 map loads Baidu's from the internet. `TARO_ENV` is a compile-time constant, so each
 * build keeps only its own branch. Never shows coordinates: the page beside it names the grid and
 * the address.
 */
export function PlaceMap({ grids, highlightGridId = null, pin = null, approximate = false, geofence = null, frame = 'place', ...rest }: PlaceMapProps) {
  const noGrids = grids ?? NO_GRIDS
  // one scene object per change, so the memoised polygons and frame are not recomputed every render
  const scene = useMemo<PlaceScene>(
    () => ({ grids: noGrids, highlightGridId, pin, approximate, geofence, frame }),
    // pins and geofences arrive as fresh objects from their pages: compare what they say
    [noGrids, highlightGridId, pin?.lat, pin?.lng, approximate, geofence?.center.lat, geofence?.center.lng, geofence?.radiusM, frame],
  )
  return process.env.TARO_ENV === 'weapp' ? <NativePlaceMap scene={scene} {...rest} /> : <DrawnPlaceMap scene={scene} {...rest} />
}

const NO_GRIDS: readonly CityGridView[] = []
