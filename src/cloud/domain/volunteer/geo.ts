import distance from '@turf/distance'
import { point } from '@turf/helpers'

/** Metres between two points on the earth (great-circle). */
export function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  return distance(point([a.lng, a.lat]), point([b.lng, b.lat]), { units: 'meters' })
}

export interface GeofenceVerdict {
  inside: boolean
  /** whole metres, for the message */
  distanceM: number
}

/** On the boundary counts as inside. */
export function checkGeofence(
  centre: { lat: number; lng: number },
  radiusM: number,
  at: { lat: number; lng: number },
): GeofenceVerdict {
  const d = metresBetween(centre, at)
  return { inside: d <= radiusM, distanceM: Math.round(d) }
}

/**
 * "Near me" without a geo index: a shift stores the cell of its place on a 0.05° grid (about
 * 5.5 km north–south), and a near-me query asks for the 3×3 cells around the caller, which cover
 * every place within 5 km; exact distances are then computed on that page.
 */
export const CELL_DEGREES = 0.05

export function cellOf(lat: number, lng: number): string {
  return `${Math.floor(lat / CELL_DEGREES)}:${Math.floor(lng / CELL_DEGREES)}`
}

export function cellsAround(lat: number, lng: number): string[] {
  const row = Math.floor(lat / CELL_DEGREES)
  const col = Math.floor(lng / CELL_DEGREES)
  const cells: string[] = []
  // longitude cells shrink towards the poles; at China's latitudes one cell is ≥ 4 km wide, so a
  // second ring east–west keeps 5 km covered
  for (let dr = -1; dr <= 1; dr++) for (let dc = -2; dc <= 2; dc++) cells.push(`${row + dr}:${col + dc}`)
  return cells
}
