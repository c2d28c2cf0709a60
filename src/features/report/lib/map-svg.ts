import type { CityMapView } from '@/shared/contract'
import type { LatLng } from '@/shared/report'

/**
 * The city's grids drawn as SVG from their GeoJSON rings: the H5 build has no map component
 * that works offline, and the same picture serves the mini-program as an image. An
 * equirectangular projection scaled by cos(latitude) is true enough at city scale.
 */
export const MAP_WIDTH = 600
const PAD = 12

export interface Projection {
  width: number
  height: number
  toXY(p: LatLng): [number, number]
  toLatLng(x: number, y: number): LatLng
}

export function projectionFor(bbox: CityMapView['bbox']): Projection {
  const [minLng, minLat, maxLng, maxLat] = bbox
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const spanX = Math.max((maxLng - minLng) * k, 1e-9)
  const spanY = Math.max(maxLat - minLat, 1e-9)
  const inner = MAP_WIDTH - 2 * PAD
  const scale = inner / spanX
  const height = Math.round(spanY * scale + 2 * PAD)
  return {
    width: MAP_WIDTH,
    height,
    toXY: ({ lat, lng }) => [PAD + (lng - minLng) * k * scale, PAD + (maxLat - lat) * scale],
    toLatLng: (x, y) => ({ lng: minLng + (x - PAD) / scale / k, lat: maxLat - (y - PAD) / scale }),
  }
}

const escape = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)

export interface MapPicture {
  map: CityMapView
  pin?: LatLng | null
  /** draw the pin as a ~100 m circle: the public only learns roughly where */
  approximate?: boolean
  highlightGridId?: string | null
}

export function mapSvg({ map, pin, approximate, highlightGridId }: MapPicture): string {
  const proj = projectionFor(map.bbox)
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${proj.width} ${proj.height}" width="${proj.width}" height="${proj.height}">`,
    `<rect width="100%" height="100%" fill="#f7f3ee"/>`,
  ]
  for (const grid of map.grids) {
    const points = grid.ring.map(([lng, lat]) => proj.toXY({ lat, lng }).map((v) => v.toFixed(1)).join(',')).join(' ')
    const current = grid.id === highlightGridId
    parts.push(
      `<polygon points="${points}" fill="${current ? '#fcedef' : '#ffffff'}" stroke="${current ? '#c8102e' : '#b9aea3'}" stroke-width="${current ? 4 : 2}"${current ? '' : ' stroke-dasharray="8 5"'}/>`,
    )
  }
  for (const grid of map.grids) {
    // the name sits near the top of its grid, so a pin in the middle does not hide it
    const ring = grid.ring.slice(0, -1)
    const cx = ring.reduce((s, [lng]) => s + lng, 0) / ring.length
    const top = Math.max(...ring.map(([, lat]) => lat))
    const bottom = Math.min(...ring.map(([, lat]) => lat))
    const [x, y] = proj.toXY({ lat: top - (top - bottom) * 0.22, lng: cx })
    parts.push(
      `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="middle" font-size="22" fill="#4a4440" font-family="sans-serif">${escape(grid.name)}</text>`,
    )
  }
  if (pin) {
    const [x, y] = proj.toXY(pin)
    if (approximate) {
      parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="26" fill="#c8102e" fill-opacity="0.25" stroke="#c8102e" stroke-width="2"/>`)
    } else {
      parts.push(
        `<path d="M${x.toFixed(1)} ${y.toFixed(1)} l-14 -30 a16 16 0 1 1 28 0 z" fill="#c8102e" stroke="#ffffff" stroke-width="3"/>`,
        `<circle cx="${x.toFixed(1)}" cy="${(y - 36).toFixed(1)}" r="6" fill="#ffffff"/>`,
      )
    }
  }
  parts.push('</svg>')
  return parts.join('')
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** UTF-8 then base64, by hand: the mini-program has neither TextEncoder nor btoa. */
function base64Utf8(text: string): string {
  const bytes: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c < 0x80) bytes.push(c)
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]]
    const n = (a << 16) | (b << 8) | c
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=')
  }
  return out
}

/** base64 rather than URL-encoded: the mini-program's <image> reliably shows only base64 data URIs. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${base64Utf8(svg)}`
}
