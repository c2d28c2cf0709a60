import { useMemo } from 'react'
import { Image, View } from '@tarojs/components'
import type { CityMapView } from '@/shared/contract'
import { insideRing, type LatLng } from '@/shared/report'
import { mapSvg, projectionFor, svgDataUri } from '../lib/map-svg'
import './report.scss'

export interface GridMapProps {
  map: CityMapView
  pin?: LatLng | null
  approximate?: boolean
  /** H5 only: a tap on the map moves the pin there */
  onPick?: (point: LatLng) => void
  label?: string
}

export function gridAt(map: CityMapView, point: LatLng): CityMapView['grids'][number] | null {
  return map.grids.find((g) => insideRing(point, g.ring)) ?? null
}

interface PointerLike {
  clientX?: number
  clientY?: number
  changedTouches?: ArrayLike<{ clientX: number; clientY: number }>
  currentTarget?: { getBoundingClientRect?: () => { left: number; top: number; width: number; height: number } }
}

/** The city's grids with the report's pin; in the H5 picker a tap places the pin. */
export function GridMap({ map, pin, approximate, onPick, label }: GridMapProps) {
  const highlight = pin ? gridAt(map, pin)?.id ?? null : null
  const src = useMemo(() => svgDataUri(mapSvg({ map, pin, approximate, highlightGridId: highlight })), [map, pin, approximate, highlight])
  const proj = useMemo(() => projectionFor(map.bbox), [map])

  const pick = (event: unknown) => {
    if (!onPick || process.env.TARO_ENV !== 'h5') return
    const e = event as PointerLike
    const rect = e.currentTarget?.getBoundingClientRect?.()
    const touch = e.changedTouches?.[0]
    const clientX = touch?.clientX ?? e.clientX
    const clientY = touch?.clientY ?? e.clientY
    if (!rect || clientX === undefined || clientY === undefined || rect.width === 0) return
    const x = ((clientX - rect.left) / rect.width) * proj.width
    const y = ((clientY - rect.top) / rect.height) * proj.height
    onPick(proj.toLatLng(x, y))
  }

  return (
    // the box keeps the picture's aspect ratio, so a tap's place in the box is its place on the map
    <View
      className={`wm-map${onPick ? ' wm-map--pickable' : ''}`}
      style={{ paddingTop: `${((proj.height / proj.width) * 100).toFixed(3)}%` }}
      onClick={pick}
      aria-label={label ?? '网格地图'}
      id='wm-report-map'
    >
      <Image className='wm-map__image' src={src} mode='scaleToFill' />
    </View>
  )
}
