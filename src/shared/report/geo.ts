/**
 * Small geographic helpers both sides need. Coordinates are GCJ-02 as WeChat's location APIs
 * return them; distances at city scale do not care about the datum.
 */
export interface LatLng {
  lat: number
  lng: number
}

/**
 * Duplicate search works on a coarse lattice of 0.001° cells (≈ 111 m north–south, ≈ 96 m
 * east–west at 30°N, still > 50 m at 60°N): everything within 50 m of a point lies in its cell or
 * one of the eight around it, so one indexed query over nine cell keys finds every candidate.
 */
const CELL_DEGREES = 0.001

export function cellOf({ lat, lng }: LatLng): string {
  return `${Math.floor(lat / CELL_DEGREES)}:${Math.floor(lng / CELL_DEGREES)}`
}

export function cellsAround(point: LatLng): string[] {
  const row = Math.floor(point.lat / CELL_DEGREES)
  const col = Math.floor(point.lng / CELL_DEGREES)
  const cells: string[] = []
  for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) cells.push(`${row + dr}:${col + dc}`)
  return cells
}

/** The public feed shows where, not exactly where: three decimals is a block (≈ 100 m). */
export function approximate({ lat, lng }: LatLng): LatLng {
  return { lat: Math.round(lat * 1000) / 1000, lng: Math.round(lng * 1000) / 1000 }
}

/** Great-circle distance in metres (haversine), for the client's "约 30 米" lines. */
export function metersBetween(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h))
}

/**
 * Whether a point lies inside a polygon ring of [lng, lat] pairs (even–odd rule). The client uses
 * it to name the grid under the pin as the resident moves it; the server decides with turf.
 */
export function insideRing(p: LatLng, ring: ReadonlyArray<readonly [number, number]>): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > p.lat !== yj > p.lat && p.lng < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
