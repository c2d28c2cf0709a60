import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import { point as turfPoint, polygon as turfPolygon } from '@turf/helpers'
import kinks from '@turf/kinks'
import { FRONTAGE_LIMITS, ZONE_EXEMPTS, type FrontageGeometry, type Position, type ZoneKind } from '@/shared/contract/frontage'
import { cellOf, type LatLng } from '@/shared/report/geo'
import type { Fail } from '@/shared/errors'
import type { Database } from '../../platform/database'
import type { Platform } from '../../platform'
import { frontageFail, M, type ShopDoc } from './model'

/**
 * Where a point falls among the frontages and painted zones. Each shop (and zone) writes one
 * document per 0.001° lattice cell its (buffered) box touches, so finding the candidates for a
 * point is one indexed query on the point's own cell — a frontage is tens of metres, a cell about
 * a hundred, so a cell holds a handful of shops however many the city registers. The exact test
 * (inside the polygon, or within the pavement's width of the line) runs on those few.
 */

const M_PER_DEG_LAT = 111_320
/** a frontage is one shopfront to the kerb: a box wider or taller than this is a block, not a shop */
export const MAX_FRONTAGE_SPAN_M = 200
/** a painted zone is a stretch of pavement; the same lattice bound as a 创文督查 area site */
const MAX_ZONE_CELLS = 100

export interface FrontageShape {
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
  anchor: LatLng
  cells: string[]
}

export interface ZoneDoc {
  _id: string
  name: string
  kind: ZoneKind
  polygon: Position[]
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
  gridId: string
  district: string
  createdAt: number
  updatedAt: number
}

/** The lattice cells (cellOf's) a box touches, south-west to north-east; stops past `max`. */
export function cellsOfBox(minLat: number, maxLat: number, minLng: number, maxLng: number, max = 400): string[] {
  const [r0, c0] = cellOf({ lat: minLat, lng: minLng }).split(':').map(Number)
  const [r1, c1] = cellOf({ lat: maxLat, lng: maxLng }).split(':').map(Number)
  const cells: string[] = []
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      cells.push(`${r}:${c}`)
      if (cells.length > max) return cells
    }
  }
  return cells
}

const closed = (ring: Position[]) => ring.length >= 4 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]

/** A ring that closes and does not cross itself (turf's kinks: an hourglass has no sensible inside). */
export function validRing(ring: Position[]): boolean {
  if (!closed(ring)) return false
  try {
    return kinks(turfPolygon([ring])).features.length === 0
  } catch {
    // fewer than four distinct positions, or NaN coordinates: not a ring
    return false
  }
}

const box = (points: Position[]) => {
  const lngs = points.map((p) => p[0])
  const lats = points.map((p) => p[1])
  return { minLng: Math.min(...lngs), maxLng: Math.max(...lngs), minLat: Math.min(...lats), maxLat: Math.max(...lats) }
}

/** Metres east/north of `origin`: at a frontage's scale the flat-earth error is far below a pavement's width. */
function toLocal(origin: LatLng, p: LatLng): [number, number] {
  const kx = M_PER_DEG_LAT * Math.cos((origin.lat * Math.PI) / 180)
  return [(p.lng - origin.lng) * kx, (p.lat - origin.lat) * M_PER_DEG_LAT]
}

/** Distance in metres from a point to a line of [lng, lat] positions (nearest segment). */
export function metersToLine(p: LatLng, line: Position[]): number {
  let best = Infinity
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = toLocal(p, { lng: line[i][0], lat: line[i][1] })
    const [bx, by] = toLocal(p, { lng: line[i + 1][0], lat: line[i + 1][1] })
    const dx = bx - ax
    const dy = by - ay
    const len2 = dx * dx + dy * dy
    // the point is the local origin: project it onto the segment, clamped to its ends
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2))
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy))
  }
  return best
}

/** Half way along a line, by length: where the door page pins a report. */
function lineMidpoint(line: Position[]): LatLng {
  const origin = { lng: line[0][0], lat: line[0][1] }
  const local = line.map((q) => toLocal(origin, { lng: q[0], lat: q[1] }))
  const lengths = local.slice(1).map((q, i) => Math.hypot(q[0] - local[i][0], q[1] - local[i][1]))
  let left = lengths.reduce((a, b) => a + b, 0) / 2
  for (let i = 0; i < lengths.length; i++) {
    if (left <= lengths[i] || i === lengths.length - 1) {
      const t = lengths[i] === 0 ? 0 : Math.min(1, left / lengths[i])
      return { lng: line[i][0] + t * (line[i + 1][0] - line[i][0]), lat: line[i][1] + t * (line[i + 1][1] - line[i][1]) }
    }
    left -= lengths[i]
  }
  return origin
}

function spanM(b: { minLat: number; maxLat: number; minLng: number; maxLng: number }): number {
  const [x, y] = toLocal({ lat: b.minLat, lng: b.minLng }, { lat: b.maxLat, lng: b.maxLng })
  return Math.max(Math.abs(x), Math.abs(y))
}

/**
 * Checks a frontage and derives what is stored with it: the box (a line's buffered by the
 * pavement's width, so a pin beside the line still finds its cell), the anchor, the cells.
 */
export function frontageShape(geometry: FrontageGeometry): FrontageShape | Fail {
  let points: Position[]
  let anchor: LatLng
  if (geometry.type === 'LineString') {
    points = geometry.coordinates
    if (points.length < 2 || points.some((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) return frontageFail('FRONTAGE.BAD_FRONTAGE')
    const b = box(points)
    if (b.minLat === b.maxLat && b.minLng === b.maxLng) return frontageFail('FRONTAGE.BAD_FRONTAGE')
    anchor = lineMidpoint(points)
  } else {
    const ring = geometry.coordinates[0]
    if (!ring || !validRing(ring)) return frontageFail('FRONTAGE.BAD_FRONTAGE')
    points = ring
    const inner = ring.slice(0, -1)
    const mean = { lng: inner.reduce((a, p) => a + p[0], 0) / inner.length, lat: inner.reduce((a, p) => a + p[1], 0) / inner.length }
    // a concave forecourt's vertex mean can fall outside it; a vertex is on it
    anchor = booleanPointInPolygon(turfPoint([mean.lng, mean.lat]), turfPolygon([ring])) ? mean : { lng: ring[0][0], lat: ring[0][1] }
  }
  const b = box(points)
  if (spanM(b) > MAX_FRONTAGE_SPAN_M) return frontageFail('FRONTAGE.FRONTAGE_TOO_LARGE')
  const pad = geometry.type === 'LineString' ? FRONTAGE_LIMITS.lineBufferM : 0
  const dLat = pad / M_PER_DEG_LAT
  const dLng = pad / (M_PER_DEG_LAT * Math.cos((anchor.lat * Math.PI) / 180))
  const buffered = { minLat: b.minLat - dLat, maxLat: b.maxLat + dLat, minLng: b.minLng - dLng, maxLng: b.maxLng + dLng }
  return { ...buffered, anchor, cells: cellsOfBox(buffered.minLat, buffered.maxLat, buffered.minLng, buffered.maxLng) }
}

/** A painted zone's ring: closed, not crossing itself, a stretch of street rather than a district. */
export function zoneShape(polygon: Position[]): Omit<FrontageShape, 'anchor'> | Fail {
  if (!validRing(polygon)) return frontageFail('FRONTAGE.BAD_ZONE')
  const b = box(polygon)
  const cells = cellsOfBox(b.minLat, b.maxLat, b.minLng, b.maxLng, MAX_ZONE_CELLS)
  if (cells.length > MAX_ZONE_CELLS) return frontageFail('FRONTAGE.BAD_ZONE', '划线区过大：一处划线区应是一段人行道或路边，而不是整片街区')
  return { ...b, cells }
}

/** Whether a point is on a frontage: inside its polygon, or within the pavement's width of its line. */
export function onFrontage(p: LatLng, geometry: FrontageGeometry): { on: boolean; distanceM: number } {
  if (geometry.type === 'Polygon') {
    const inside = booleanPointInPolygon(turfPoint([p.lng, p.lat]), turfPolygon(geometry.coordinates))
    return { on: inside, distanceM: inside ? 0 : Infinity }
  }
  const d = metersToLine(p, geometry.coordinates)
  return { on: d <= FRONTAGE_LIMITS.lineBufferM, distanceM: d }
}

/** Replaces the cell documents of one owner (a shop or a zone): old cells out, new ones in. */
async function replaceCells(db: Database, collection: string, ownerField: 'shopId' | 'zoneId', ownerId: string, cells: string[]): Promise<void> {
  const { data } = await db.collection(collection).where({ [ownerField]: ownerId }).field({ cell: true }).limit(100).get()
  const keep = new Set(cells)
  for (const old of data) if (!keep.has(String(old.cell))) await db.collection(collection).doc(old._id).remove()
  const have = new Set(data.map((d) => String(d.cell)))
  for (const cell of cells) if (!have.has(cell)) await db.collection(collection).doc(`${cell}__${ownerId}`).set({ data: { cell, [ownerField]: ownerId } })
}

export const writeShopCells = (db: Database, shopId: string, cells: string[]) => replaceCells(db, M.shopCells, 'shopId', shopId, cells)
export const writeZoneCells = (db: Database, zoneId: string, cells: string[]) => replaceCells(db, M.zoneCells, 'zoneId', zoneId, cells)

interface TemplateCategories {
  _id: string
  duties: Array<{ categories: string[] }>
}

/** The 随手拍 categories a template's duties make the shop answer first. */
export async function templateCategories(db: Database, templateId: string): Promise<string[]> {
  const { data } = await db.collection(M.templates).where({ _id: templateId }).limit(1).get()
  const t = data[0] as unknown as TemplateCategories | undefined
  return [...new Set((t?.duties ?? []).flatMap((d) => d.categories))]
}

async function idsInCell(db: Database, collection: string, ownerField: 'shopId' | 'zoneId', p: LatLng): Promise<string[]> {
  const { data } = await db.collection(collection).where({ cell: cellOf(p) }).limit(100).get()
  return [...new Set(data.map((d) => String(d[ownerField])))]
}

/**
 * The active shop whose frontage the point is on (the nearest when frontages touch), and whether
 * its 责任书 covers `categoryId` (false when no category is given). Null when on no frontage.
 */
export async function frontageAt(platform: Platform, p: LatLng, categoryId?: string): Promise<{ shop: ShopDoc; covers: boolean } | null> {
  const db = platform.db
  const ids = await idsInCell(db, M.shopCells, 'shopId', p)
  if (ids.length === 0) return null
  const { data } = await db.collection(M.shops).where({ _id: db.command.in(ids.slice(0, 100)), status: 'active' }).limit(100).get()
  const hits = (data as unknown as ShopDoc[])
    .map((shop) => ({ shop, ...onFrontage(p, shop.frontage) }))
    .filter((h) => h.on)
    .sort((a, b) => a.distanceM - b.distanceM || a.shop._id.localeCompare(b.shop._id))
  const hit = hits[0]
  if (!hit) return null
  const covers = categoryId ? (await templateCategories(db, hit.shop.templateId)).includes(categoryId) : false
  return { shop: hit.shop, covers }
}

/** The painted zone the point is inside (the first by id when zones overlap), or null. */
export async function zoneAt(platform: Platform, p: LatLng): Promise<ZoneDoc | null> {
  const db = platform.db
  const ids = await idsInCell(db, M.zoneCells, 'zoneId', p)
  if (ids.length === 0) return null
  const { data } = await db.collection(M.zones).where({ _id: db.command.in(ids.slice(0, 100)) }).limit(100).get()
  const here = turfPoint([p.lng, p.lat])
  return (data as unknown as ZoneDoc[]).sort((a, b) => a._id.localeCompare(b._id)).find((z) => booleanPointInPolygon(here, turfPolygon([z.polygon]))) ?? null
}

/**
 * What the report routing needs in one call: the shop whose frontage the point is on and whether
 * its 责任书 covers the category, and the painted zone the point is in and whether the zone takes
 * the category out of play (selling inside a vending zone is not 占道经营). A report goes to the
 * shop first only when `toShop`.
 */
export async function placeOf(platform: Platform, p: LatLng, categoryId: string): Promise<{ shop: ShopDoc | null; covers: boolean; zone: ZoneDoc | null; exempts: boolean; toShop: boolean }> {
  const onShop = await frontageAt(platform, p, categoryId)
  const zone = await zoneAt(platform, p)
  const exempts = zone !== null && (ZONE_EXEMPTS[zone.kind] as readonly string[]).includes(categoryId)
  const covers = onShop?.covers ?? false
  return { shop: onShop?.shop ?? null, covers, zone, exempts, toShop: covers && !exempts }
}
