import type { LatLng } from '@/shared/report'
import { APPROXIMATE_RADIUS_M, MAP_STYLE, METRES_PER_DEGREE_LAT, type BBox, type PlaceScene } from './geometry'

/**
 * The H5 build's map: the scene drawn as SVG. Taro's H5 `<Map>` loads Baidu's map from the
 * internet, which the local build must not depend on, so the browser gets this picture of the
 * grids, the pin and the geofence instead. An equirectangular projection scaled by cos(latitude)
 * is true enough at city scale. Only the H5 branch of the place map imports this file.
 */
export const MAP_WIDTH = 600

export interface Projection {
  width: number
  height: number
  /** pixels per degree of latitude (and per degree of longitude × cos(latitude)) */
  scale: number
  toXY(p: LatLng): [number, number]
  toLatLng(x: number, y: number): LatLng
}

export function projectionFor(box: BBox): Projection {
  const [minLng, minLat, maxLng, maxLat] = box
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const spanX = Math.max((maxLng - minLng) * k, 1e-9)
  const spanY = Math.max(maxLat - minLat, 1e-9)
  const scale = MAP_WIDTH / spanX
  return {
    width: MAP_WIDTH,
    height: Math.round(spanY * scale),
    scale,
    toXY: ({ lat, lng }) => [(lng - minLng) * k * scale, (maxLat - lat) * scale],
    toLatLng: (x, y) => ({ lng: minLng + x / scale / k, lat: maxLat - y / scale }),
  }
}

const LABEL_SIZE = 22

const escape = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)
const n = (v: number) => v.toFixed(1)

/** a round length near a quarter of the picture's width, for the scale bar */
function scaleBarMetres(proj: Projection): number {
  const target = (MAP_WIDTH / 4 / proj.scale) * METRES_PER_DEGREE_LAT
  return [20, 50, 100, 200, 500, 1000, 2000, 5000, 10000].reduce((best, m) => (Math.abs(m - target) < Math.abs(best - target) ? m : best))
}

export function mapSvg(scene: PlaceScene, box: BBox): string {
  const proj = projectionFor(box)
  const px = (metres: number) => (metres / METRES_PER_DEGREE_LAT) * proj.scale
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${proj.width} ${proj.height}" width="${proj.width}" height="${proj.height}">`,
    `<rect width="100%" height="100%" fill="#f7f3ee"/>`,
  ]
  for (const grid of scene.grids) {
    const points = grid.ring.map(([lng, lat]) => proj.toXY({ lat, lng }).map(n).join(',')).join(' ')
    const current = grid.id === scene.highlightGridId
    const s = current ? MAP_STYLE.current : MAP_STYLE.grid
    parts.push(
      `<polygon points="${points}" fill="${current ? '#fcedef' : '#ffffff'}" stroke="${s.stroke}" stroke-width="${s.strokeWidth + 1}"${current ? '' : ` stroke-dasharray="${MAP_STYLE.grid.dash.join(' ')}"`}/>`,
    )
  }
  for (const grid of scene.grids) {
    // the name sits near the top of its grid, so a pin in the middle does not hide it
    const ring = grid.ring.slice(0, -1)
    const cx = ring.reduce((sum, [lng]) => sum + lng, 0) / ring.length
    const top = Math.max(...ring.map(([, lat]) => lat))
    const bottom = Math.min(...ring.map(([, lat]) => lat))
    const [x, y] = proj.toXY({ lat: top - (top - bottom) * 0.22, lng: cx })
    // a neighbour whose name would be cut by the frame's edge goes unnamed rather than show 「和平」
    const halfWidth = (LABEL_SIZE * [...grid.name].length) / 2
    if (x - halfWidth < 4 || x + halfWidth > proj.width - 4 || y < LABEL_SIZE + 4 || y > proj.height - 8) continue
    parts.push(`<text x="${n(x)}" y="${n(y)}" text-anchor="middle" font-size="${LABEL_SIZE}" fill="#4a4440" font-family="sans-serif">${escape(grid.name)}</text>`)
  }
  if (scene.geofence) {
    const [x, y] = proj.toXY(scene.geofence.center)
    parts.push(
      `<circle cx="${n(x)}" cy="${n(y)}" r="${n(px(scene.geofence.radiusM))}" fill="#c8102e" fill-opacity="0.1" stroke="#c8102e" stroke-width="3" stroke-dasharray="10 6"/>`,
    )
  }
  if (scene.pin) {
    const [x, y] = proj.toXY(scene.pin)
    if (scene.approximate) {
      parts.push(`<circle cx="${n(x)}" cy="${n(y)}" r="${n(Math.max(px(APPROXIMATE_RADIUS_M), 14))}" fill="#c8102e" fill-opacity="0.25" stroke="#c8102e" stroke-width="2"/>`)
    } else {
      parts.push(
        `<path d="M${n(x)} ${n(y)} l-14 -30 a16 16 0 1 1 28 0 z" fill="#c8102e" stroke="#ffffff" stroke-width="3"/>`,
        `<circle cx="${n(x)}" cy="${n(y - 36)}" r="6" fill="#ffffff"/>`,
      )
    }
  }
  // a scale bar instead of coordinates: how big the grid or the check-in circle is on the ground
  const metres = scaleBarMetres(proj)
  const bar = px(metres)
  const [bx, by] = [16, proj.height - 16]
  parts.push(
    `<rect x="${bx - 6}" y="${by - 34}" width="${n(bar + 12)}" height="40" rx="6" fill="#ffffff" fill-opacity="0.9"/>`,
    `<path d="M${bx} ${by - 8} v8 h${n(bar)} v-8" fill="none" stroke="#4a4440" stroke-width="3"/>`,
    `<text x="${n(bx + bar / 2)}" y="${by - 12}" text-anchor="middle" font-size="18" fill="#4a4440" font-family="sans-serif">${metres >= 1000 ? `${metres / 1000} 公里` : `${metres} 米`}</text>`,
  )
  parts.push('</svg>')
  return parts.join('')
}

/** URL-encoded rather than base64: only browsers show this picture, and they take either. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}
