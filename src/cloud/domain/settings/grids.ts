import { randomBytes } from 'node:crypto'
import area from '@turf/area'
import { featureCollection, polygon } from '@turf/helpers'
import intersect from '@turf/intersect'
import kinks from '@turf/kinks'
import { SETTINGS_ERRORS, SETTINGS_LIMITS, type GridSettingView } from '@/shared/contract/settings'
import type { Fail } from '@/shared/errors'
import type { ActionContext } from '../../runtime/context'
import type { GridDoc } from '../report/types'
import { auditChange, settingsFail, SUBJECT, type In, type Out } from './model'

type Position = [number, number]
type Box = { minLng: number; minLat: number; maxLng: number; maxLat: number }

/** What an import stores: a GridDoc (bbox fields for gridAt's indexed query) and its vertex count for the list. */
interface ImportedGridDoc extends GridDoc {
  vertexCount?: number
  updatedAt?: number
}

/**
 * A sane grid: inside the country's extent (mainland, islands and the 南海 included, roughly) —
 * swapped lat/lng or a projected (metre) sheet falls outside — and no wider than a degree, which
 * no street grid is; such a polygon is a unit mistake, not a grid.
 */
const COUNTRY: Box = { minLng: 73, minLat: 3, maxLng: 136, maxLat: 54 }
const MAX_SPAN_DEGREES = 1

/**
 * Neighbouring grids digitised by hand share edges only approximately: an overlap up to this is a
 * sliver, not two grids claiming the same street (the larger of an absolute area and a share of the smaller grid).
 */
const SLIVER_M2 = 50
const SLIVER_SHARE = 0.001

const boxOf = (ring: Position[]): Box => {
  let minLng = Infinity
  let minLat = Infinity
  let maxLng = -Infinity
  let maxLat = -Infinity
  for (const [lng, lat] of ring) {
    minLng = Math.min(minLng, lng)
    maxLng = Math.max(maxLng, lng)
    minLat = Math.min(minLat, lat)
    maxLat = Math.max(maxLat, lat)
  }
  return { minLng, minLat, maxLng, maxLat }
}

const boxesMeet = (a: Box, b: Box) => a.minLng <= b.maxLng && b.minLng <= a.maxLng && a.minLat <= b.maxLat && b.minLat <= a.maxLat

interface Candidate {
  index: number
  name: string
  district: string
  ring: Position[]
  box: Box
  area: number
}

type FeatureIn = In<'importGrids'>['geojson']['features'][number]

/** The feature's one ring as [lng, lat] (an altitude is dropped), or the reason it is not a usable grid. */
function readFeature(feature: FeatureIn): { ring: Position[] } | { problem: string } {
  if (feature.geometry.type !== 'Polygon') return { problem: `几何类型须为 Polygon（实为 ${feature.geometry.type}）` }
  if (feature.geometry.coordinates.length !== 1) return { problem: '网格只能有一个外边界，不能带洞' }
  const ring = feature.geometry.coordinates[0].map((p): Position => [p[0], p[1]])
  const first = ring[0]
  const last = ring[ring.length - 1]
  if (ring.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) return { problem: '边界未闭合（首末顶点须相同，且至少 3 个顶点）' }
  if (ring.length - 1 > SETTINGS_LIMITS.maxVertices) return { problem: `顶点过多（${ring.length - 1} 个，最多 ${SETTINGS_LIMITS.maxVertices} 个）` }
  const box = boxOf(ring)
  if (box.minLng < COUNTRY.minLng || box.maxLng > COUNTRY.maxLng || box.minLat < COUNTRY.minLat || box.maxLat > COUNTRY.maxLat) {
    return { problem: '坐标超出国内经纬度范围（请确认是 WGS84/GCJ-02 经纬度，且经度在前、纬度在后）' }
  }
  if (box.maxLng - box.minLng > MAX_SPAN_DEGREES || box.maxLat - box.minLat > MAX_SPAN_DEGREES) return { problem: '范围过大（超过 1 度），不像一个网格' }
  try {
    if (kinks(polygon([ring])).features.length > 0) return { problem: '边界自相交' }
  } catch {
    // turf refuses a ring it cannot read (repeated points only, NaN): not a grid either
    return { problem: '边界无法识别' }
  }
  return { ring }
}

/** Shared area in m², beyond a sliver; 0 when the two only touch or barely overlap. */
function overlapBeyondSliver(a: { ring: Position[]; area: number }, b: { ring: Position[]; area: number }): number {
  const shared = intersect(featureCollection([polygon([a.ring]), polygon([b.ring])]))
  const m2 = shared ? area(shared) : 0
  return m2 > Math.max(SLIVER_M2, SLIVER_SHARE * Math.min(a.area, b.area)) ? m2 : 0
}

/** Grids whose box meets `box` (the by_bbox query gridAt uses, widened to a box). */
async function gridsNear(ctx: ActionContext, box: Box): Promise<ImportedGridDoc[]> {
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection('report_grids')
    .where({ minLat: _.lte(box.maxLat), maxLat: _.gte(box.minLat), minLng: _.lte(box.maxLng), maxLng: _.gte(box.minLng) })
    .limit(100)
    .get()
  return data as unknown as ImportedGridDoc[]
}

async function gridsNamed(ctx: ActionContext, names: string[]): Promise<Map<string, ImportedGridDoc>> {
  const _ = ctx.db.command
  const found = new Map<string, ImportedGridDoc>()
  for (let i = 0; i < names.length; i += 100) {
    const { data } = await ctx.db.collection('report_grids').where({ name: _.in(names.slice(i, i + 100)) }).limit(100).get()
    for (const g of data as unknown as ImportedGridDoc[]) found.set(g.name, g)
  }
  return found
}

const m2Text = (m2: number) => (m2 >= 10_000 ? `${(m2 / 1_000_000).toFixed(3)} 平方公里` : `${Math.round(m2)} 平方米`)

function refuse(problems: Array<{ index: number; name: string; problem: string }>): Fail {
  const lines = problems.map((p) => `第 ${p.index + 1} 个（${p.name}）：${p.problem}`)
  const shown = lines.slice(0, 5).join('；')
  const more = lines.length > 5 ? `；等共 ${lines.length} 处` : ''
  return settingsFail(
    'SETTINGS.GRIDS_INVALID',
    `${SETTINGS_ERRORS['SETTINGS.GRIDS_INVALID']}：${shown}${more}`,
    problems.map((p, i) => ({ path: `geojson.features.${p.index}`, message: lines[i] })),
  )
}

/**
 * Checks the whole sheet, then writes it: a refused sheet writes nothing, and names every bad
 * feature (index and name) so the clerk fixes them in one pass. A grid of a name that exists is
 * replaced (its id, and with it the routing and the reports in it, stays).
 */
export async function importGrids(input: In<'importGrids'>, ctx: ActionContext): Out<'importGrids'> {
  const features = input.geojson.features
  const problems: Array<{ index: number; name: string; problem: string }> = []
  const seen = new Map<string, number>()
  const candidates: Candidate[] = []
  features.forEach((feature, index) => {
    const { name, district } = feature.properties
    const earlier = seen.get(name)
    if (earlier !== undefined) {
      problems.push({ index, name, problem: `与第 ${earlier + 1} 个同名` })
      return
    }
    seen.set(name, index)
    const read = readFeature(feature)
    if ('problem' in read) problems.push({ index, name, problem: read.problem })
    else candidates.push({ index, name, district, ring: read.ring, box: boxOf(read.ring), area: area(polygon([read.ring])) })
  })

  // within the sheet: each pair whose boxes meet (a sheet is at most 200, so pairs stay few thousand)
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const a = candidates[i]
      const b = candidates[j]
      if (!boxesMeet(a.box, b.box)) continue
      const m2 = overlapBeyondSliver(a, b)
      if (m2 > 0) problems.push({ index: b.index, name: b.name, problem: `与第 ${a.index + 1} 个（${a.name}）重叠约 ${m2Text(m2)}` })
    }
  }

  // against the stored grids, except those this sheet replaces (same name): the sheet's own versions were checked above
  const existingByName = await gridsNamed(ctx, candidates.map((c) => c.name))
  const replacedIds = new Set([...existingByName.values()].map((g) => g._id))
  for (const c of candidates) {
    for (const g of await gridsNear(ctx, c.box)) {
      if (replacedIds.has(g._id)) continue
      const ring = g.geometry.coordinates[0]
      const m2 = overlapBeyondSliver(c, { ring, area: area(polygon([ring])) })
      if (m2 > 0) problems.push({ index: c.index, name: c.name, problem: `与已有网格「${g.name}」重叠约 ${m2Text(m2)}` })
    }
  }

  if (problems.length) return refuse(problems.sort((a, b) => a.index - b.index))

  const added = candidates.filter((c) => !existingByName.has(c.name)).map((c) => c.name)
  const replaced = candidates.filter((c) => existingByName.has(c.name)).map((c) => c.name)
  if (input.dryRun) return { dryRun: true, added, replaced }

  const now = ctx.clock.now()
  for (const c of candidates) {
    const before = existingByName.get(c.name) ?? null
    const gridId = before?._id ?? `grid-${randomBytes(6).toString('hex')}`
    const doc: Omit<ImportedGridDoc, '_id'> = {
      name: c.name,
      district: c.district,
      geometry: { type: 'Polygon', coordinates: [c.ring] },
      ...c.box,
      vertexCount: c.ring.length - 1,
      updatedAt: now,
    }
    await ctx.db.collection('report_grids').doc(gridId).set({ data: doc })
    // the audit keeps what a person reads (name, 街道, size, box); a 2,000-vertex ring is not that
    await auditChange(ctx, {
      subjectType: SUBJECT.grid,
      subjectId: gridId,
      action: before ? 'replaceGrid' : 'addGrid',
      before: before ? gridView(before) : null,
      after: gridView({ _id: gridId, ...doc }),
    })
  }
  return { dryRun: false, added, replaced }
}

function gridView(g: ImportedGridDoc): GridSettingView {
  return {
    gridId: g._id,
    name: g.name,
    district: g.district,
    vertexCount: g.vertexCount ?? Math.max(0, (g.geometry.coordinates[0]?.length ?? 1) - 1),
    bbox: { minLng: g.minLng, minLat: g.minLat, maxLng: g.maxLng, maxLat: g.maxLat },
  }
}

/** A city's grids: hundreds at most, read in pages of 100 (at most 2,000), as the routing list is. */
export async function listGrids(ctx: ActionContext): Out<'grids'> {
  const grids: GridSettingView[] = []
  for (let page = 0; page < 20; page++) {
    const { data } = await ctx.db.collection('report_grids').orderBy('_id', 'asc').skip(page * 100).limit(100).get()
    for (const g of data as unknown as ImportedGridDoc[]) grids.push(gridView(g))
    if (data.length < 100) break
  }
  return { grids }
}
