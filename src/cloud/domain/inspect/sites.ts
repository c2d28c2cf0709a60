import kinks from '@turf/kinks'
import { polygon as turfPolygon } from '@turf/helpers'
import {
  INSPECT_LIMITS,
  REQUIRED_SITE_COLUMNS,
  SITE_COLUMNS,
  type ChecklistItemView,
  type InspectTeamView,
  type MapSiteView,
  type OrderListItem,
  type SiteColumn,
  type SiteReportView,
  type SiteTypeView,
  type SiteView,
} from '@/shared/contract/inspect'
import { categoryOf } from '@/shared/report/categories'
import { STATUS_LABEL } from '@/shared/report/state-machine'
import { cellOf, type LatLng } from '@/shared/report/geo'
import { fail, type Fail } from '@/shared/errors'
import type { Database, QueryCondition, Transaction } from '../../platform/database'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { Platform } from '../../platform'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import { gridAt } from '../report/city'
import type { ReportDoc } from '../report/types'
import { claimUploads, takeReservations } from '../upload/reservations'
import { readSheet } from '../xlsx/read'
import { orderListItems } from './orders'
import { I, inspectFail, keyOf, type ChecklistDoc, type ChecklistEntry, type OrderDoc, type SiteDoc, type SiteTypeDoc, type TeamDoc, type TotalsDoc, type In, type Out } from './model'
import { changeUnitCounts } from './standards'

/**
 * 点位: the office registers assessment sites (a point, or an area such as a market), each in a
 * city grid and so in a 街道; 督查员 see the sites of their team's area, 联络员 the sites their
 * unit answers for or is 包联 of. A site's open problems are counters kept by whoever changes
 * them, in the same transaction as the change, so the list and the map never count orders.
 */

export const SITE_STATES = 'inspect_site_states'
const DAY = 24 * 60 * 60 * 1000
/** a polygon covering more lattice cells than this is a district, not a site */
const MAX_CELLS = 900
const M_PER_DEG_LAT = 111_320

export const isDuplicateKey = (error: unknown) => error instanceof DatabaseError && error.code === DUPLICATE_KEY

// ---- who may see what ----

/** The caller's 督查组 from their inspector grant (the first, when a person holds several). */
export async function callerTeam(ctx: ActionContext): Promise<TeamDoc | null> {
  const grant = ctx.grants.find((g) => g.role === 'inspector' && g.scopeId)
  return grant?.scopeId ? findById<TeamDoc>(ctx.db, I.teams, grant.scopeId) : null
}

export const teamCovers = (team: Pick<TeamDoc, 'area'>, district: string) => team.area === null || team.area === district

/** The units the caller is 联络员 of. */
export function liaisonUnits(ctx: ActionContext): string[] {
  return ctx.grants.filter((g) => g.role === 'liaison' && g.scopeId).map((g) => g.scopeId as string)
}

export const teamView = (t: TeamDoc): InspectTeamView => ({ teamId: t._id, name: t.name, level: t.level, area: t.area })

/** 138****8000: the office and the site's own units call the contact, others only see there is one. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 7) return '****'
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}

// ---- counters ----

export type SiteState = 'clear' | 'open' | 'overdue'

export function stateOf(site: Pick<SiteDoc, 'openOrders' | 'overdueOrders'>): SiteState {
  return site.overdueOrders > 0 ? 'overdue' : site.openOrders > 0 ? 'open' : 'clear'
}

const STATE_BAND: Record<SiteState, number> = { clear: 0, open: 1_000_000, overdue: 2_000_000 }

/**
 * The map's order in one number: the state's band first (so a state filter is a range on the
 * same index), then open orders, then open 随手拍.
 */
export function problemKeyOf(site: Pick<SiteDoc, 'openOrders' | 'overdueOrders' | 'openReports'>): number {
  return STATE_BAND[stateOf(site)] + Math.min(site.openOrders, 999) * 1000 + Math.min(site.openReports, 999)
}

export function problemRange(state: SiteState): { gte: number; lt: number } {
  return { gte: STATE_BAND[state], lt: STATE_BAND[state] + 1_000_000 }
}

interface StateDoc {
  _id: string
  kind: 'all' | 'district' | 'type' | 'districtType'
  district: string
  typeId: string
  clear: number
  open: number
  overdue: number
}

const stateKeys = (district: string, typeId: string): Array<Omit<StateDoc, 'clear' | 'open' | 'overdue'>> => [
  { _id: '*|*', kind: 'all', district: '*', typeId: '*' },
  { _id: `${district}|*`, kind: 'district', district, typeId: '*' },
  { _id: `*|${typeId}`, kind: 'type', district: '*', typeId },
  { _id: `${district}|${typeId}`, kind: 'districtType', district, typeId },
]

type Placed = { district: string; typeId: string; state: SiteState }

/** Moves one site between state counters (null: the site is new, or gone). Inside the caller's transaction. */
export async function moveState(tx: Transaction, from: Placed | null, to: Placed | null): Promise<void> {
  if (from && to && from.district === to.district && from.typeId === to.typeId && from.state === to.state) return
  const deltas = new Map<string, { key: Omit<StateDoc, 'clear' | 'open' | 'overdue'>; d: Record<SiteState, number> }>()
  const add = (p: Placed, by: number) => {
    for (const key of stateKeys(p.district, p.typeId)) {
      const entry = deltas.get(key._id) ?? { key, d: { clear: 0, open: 0, overdue: 0 } }
      entry.d[p.state] += by
      deltas.set(key._id, entry)
    }
  }
  if (from) add(from, -1)
  if (to) add(to, 1)
  for (const { key, d } of deltas.values()) {
    if (d.clear === 0 && d.open === 0 && d.overdue === 0) continue
    const ref = tx.collection(SITE_STATES).doc(key._id)
    const current = (await ref.get().catch(() => null))?.data as unknown as StateDoc | undefined
    const next: StateDoc = {
      ...key,
      clear: (current?.clear ?? 0) + d.clear,
      open: (current?.open ?? 0) + d.open,
      overdue: (current?.overdue ?? 0) + d.overdue,
    }
    const { _id, ...data } = next
    void _id
    await ref.set({ data })
  }
}

/**
 * The city-wide figures, created at zero by the first writer. Inside the caller's transaction;
 * only the fields this area counts are written, so the standards' and evidence counts others keep
 * are never overwritten.
 */
export async function incTotals(tx: Transaction, delta: Partial<Record<'sites' | 'openOrders', number>>): Promise<void> {
  const ref = tx.collection(I.totals).doc('city')
  const current = (await ref.get().catch(() => null))?.data as unknown as TotalsDoc | undefined
  const sites = (current?.sites ?? 0) + (delta.sites ?? 0)
  const openOrders = (current?.openOrders ?? 0) + (delta.openOrders ?? 0)
  if (current) await ref.update({ data: { sites, openOrders } })
  else await ref.set({ data: { standards: 0, assigned: 0, evidenceWaiting: 0, sites, openOrders } })
}

/**
 * Writes a change of a site's counters inside `tx`: `patch` is computed from the fresh stored
 * site, the map's key follows, and the state counters move if the state did.
 */
export async function changeSite(tx: Transaction, siteId: string, patch: (site: SiteDoc) => Partial<SiteDoc> | null, now: number): Promise<SiteDoc | null> {
  const ref = tx.collection(I.sites).doc(siteId)
  const site = (await ref.get().catch(() => null))?.data as unknown as SiteDoc | undefined
  if (!site) return null
  const change = patch(site)
  if (!change) return site
  const after: SiteDoc = { ...site, ...change }
  after.openOrders = Math.max(0, after.openOrders)
  after.overdueOrders = Math.max(0, after.overdueOrders)
  after.openReports = Math.max(0, after.openReports)
  after.problemKey = problemKeyOf(after)
  after.updatedAt = now
  const { _id, ...data } = after
  void _id
  await ref.set({ data })
  if (site.status === 'active') await moveState(tx, { district: site.district, typeId: site.typeId, state: stateOf(site) }, { district: after.district, typeId: after.typeId, state: stateOf(after) })
  // the unit's open 督办单 are the sum of its sites' openOrders: the same change, in the same transaction
  const opened = after.openOrders - site.openOrders
  if (opened !== 0) await changeUnitCounts(tx, site.unitId, (u) => void (u.openOrders += opened), now)
  return after
}

/** The found time of the site's oldest order still open or answered, or null (two indexed reads). */
export async function oldestOpenAt(db: Database, siteId: string): Promise<number | null> {
  let oldest: number | null = null
  for (const status of ['open', 'answered']) {
    const { data } = await db.collection(I.orders).where({ siteId, status }).orderBy('foundAt', 'asc').limit(1).get()
    const at = (data[0] as unknown as OrderDoc | undefined)?.foundAt
    if (at !== undefined && (oldest === null || at < oldest)) oldest = at
  }
  return oldest
}

// ---- site types and checklists ----

async function allTypes(db: Database): Promise<SiteTypeDoc[]> {
  const out: SiteTypeDoc[] = []
  // a city has tens of types; the loop is bounded all the same
  for (let page = 0; page < 10; page++) {
    const { data } = await db.collection(I.siteTypes).orderBy('order', 'asc').orderBy('_id', 'asc').skip(page * 100).limit(100).get()
    out.push(...(data as unknown as SiteTypeDoc[]))
    if (data.length < 100) break
  }
  return out
}

const typeView = (t: SiteTypeDoc): SiteTypeView => ({ typeId: t._id, name: t.name, checklistSize: t.checklistSize, siteCount: t.siteCount })

export async function siteTypes(_input: In<'siteTypes'>, ctx: ActionContext): Out<'siteTypes'> {
  return (await allTypes(ctx.db)).map(typeView)
}

export async function addSiteType(input: In<'addSiteType'>, ctx: ActionContext): Out<'addSiteType'> {
  const types = await allTypes(ctx.db)
  if (types.some((t) => t.name === input.name)) return inspectFail('INSPECT.SITE_TYPE_EXISTS')
  const doc: SiteTypeDoc = { _id: `t-${keyOf('site-type', input.name).slice(0, 12)}`, name: input.name, order: Math.max(0, ...types.map((t) => t.order)) + 1, checklistSize: 0, siteCount: 0 }
  try {
    await ctx.db.collection(I.siteTypes).add({ data: { ...doc } })
  } catch (error) {
    // the same name added twice at once
    if (isDuplicateKey(error)) return inspectFail('INSPECT.SITE_TYPE_EXISTS')
    throw error
  }
  return [...types, doc].map(typeView)
}

/**
 * The active standards that apply to a site type, in catalogue order: one key lookup of the
 * type's checklist document, which the standards import keeps (a type no import named has none).
 */
export async function checklistOf(db: Database, typeId: string): Promise<ChecklistEntry[]> {
  return (await findById<ChecklistDoc>(db, I.checklists, typeId))?.items ?? []
}

// ---- saving a site ----

export interface SiteFields {
  name: string
  typeId: string
  place: LatLng
  polygon?: Array<[number, number]>
  address: string
  unitId: string
  pairUnitId?: string
  contactName: string
  contactPhone: string
}

interface Shape {
  polygon: Array<[number, number]> | null
  minLat: number
  maxLat: number
  minLng: number
  maxLng: number
  cells: string[]
}

/** The lattice cells (cellOf's 0.001° cells) a box touches, from its south-west to its north-east corner. */
function cellsOfBox(minLat: number, maxLat: number, minLng: number, maxLng: number): string[] {
  const [r0, c0] = cellOf({ lat: minLat, lng: minLng }).split(':').map(Number)
  const [r1, c1] = cellOf({ lat: maxLat, lng: maxLng }).split(':').map(Number)
  const cells: string[] = []
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      cells.push(`${r}:${c}`)
      if (cells.length > MAX_CELLS) return cells
    }
  }
  return cells
}

/**
 * An area site's ring must close and must not cross itself (turf's kinks finds the crossings: an
 * hourglass ring has no sensible inside); its box and the lattice cells the box touches follow.
 */
export function shapeOf(place: LatLng, ring: Array<[number, number]> | undefined): Shape | Fail {
  if (ring) {
    const [first, last] = [ring[0], ring[ring.length - 1]]
    if (first[0] !== last[0] || first[1] !== last[1]) return inspectFail('INSPECT.BAD_POLYGON')
    let poly
    try {
      poly = turfPolygon([ring])
    } catch {
      return inspectFail('INSPECT.BAD_POLYGON')
    }
    if (kinks(poly).features.length > 0) return inspectFail('INSPECT.BAD_POLYGON')
    const lngs = ring.map((p) => p[0])
    const lats = ring.map((p) => p[1])
    const [minLng, minLat, maxLng, maxLat] = [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)]
    const cells = cellsOfBox(minLat, maxLat, minLng, maxLng)
    if (cells.length > MAX_CELLS) return inspectFail('INSPECT.BAD_POLYGON', '点位范围过大：一个点位应是一处市场、广场或小区，而不是整片街区')
    return { polygon: ring, minLat, maxLat, minLng, maxLng, cells }
  }
  const dLat = INSPECT_LIMITS.siteRadiusM / M_PER_DEG_LAT
  const dLng = INSPECT_LIMITS.siteRadiusM / (M_PER_DEG_LAT * Math.cos((place.lat * Math.PI) / 180))
  const box = { minLat: place.lat - dLat, maxLat: place.lat + dLat, minLng: place.lng - dLng, maxLng: place.lng + dLng }
  return { polygon: null, ...box, cells: cellsOfBox(box.minLat, box.maxLat, box.minLng, box.maxLng) }
}

async function unitsExist(db: Database, ids: string[]): Promise<boolean> {
  const wanted = [...new Set(ids)]
  const { data } = await db.collection('report_units').where({ _id: db.command.in(wanted) }).field({ _id: true }).limit(100).get()
  return data.length === wanted.length
}

/** Replaces the lattice cells a site covers: the 随手拍 link finds candidate sites by one cell key. */
async function writeCells(db: Database, siteId: string, cells: string[]): Promise<void> {
  const { data } = await db.collection(I.siteCells).where({ siteId }).field({ cell: true }).limit(1000).get()
  const keep = new Set(cells)
  for (const old of data) if (!keep.has(String(old.cell))) await db.collection(I.siteCells).doc(old._id).remove()
  const have = new Set(data.map((d) => String(d.cell)))
  for (const cell of cells) if (!have.has(cell)) await db.collection(I.siteCells).doc(`${cell}__${siteId}`).set({ data: { cell, siteId } })
}

/** Checks a site's fields against the stored types, units and grids; nothing is written. */
async function checkSite(platform: Platform, f: SiteFields): Promise<{ shape: Shape; gridId: string; district: string } | Fail> {
  if (!(await findById<SiteTypeDoc>(platform.db, I.siteTypes, f.typeId))) return inspectFail('INSPECT.SITE_TYPE_NOT_FOUND')
  if (!(await unitsExist(platform.db, [f.unitId, ...(f.pairUnitId ? [f.pairUnitId] : [])]))) return inspectFail('INSPECT.UNIT_NOT_FOUND')
  const grid = await gridAt(platform, f.place)
  if (!grid) return inspectFail('INSPECT.OUTSIDE_CITY')
  const shape = shapeOf(f.place, f.polygon)
  if ('ok' in shape) return shape
  return { shape, gridId: grid._id, district: grid.district }
}

/**
 * Stores a checked site: new, or an edit that keeps its counters. Type counts, the city total and
 * the state counters move in the same transaction; the cells are replaced after it.
 */
async function writeSite(platform: Platform, siteId: string | undefined, f: SiteFields, checked: { shape: Shape; gridId: string; district: string }, newId?: string): Promise<SiteDoc | Fail> {
  const now = platform.clock.now()
  const id = siteId ?? newId ?? `site-${keyOf('site', f.name, f.address, String(now), String(Math.random())).slice(0, 16)}`
  const fields = {
    name: f.name,
    typeId: f.typeId,
    place: { lat: f.place.lat, lng: f.place.lng },
    polygon: checked.shape.polygon,
    minLat: checked.shape.minLat,
    maxLat: checked.shape.maxLat,
    minLng: checked.shape.minLng,
    maxLng: checked.shape.maxLng,
    address: f.address,
    gridId: checked.gridId,
    district: checked.district,
    unitId: f.unitId,
    pairUnitId: f.pairUnitId ?? null,
    contactName: f.contactName,
    contactPhone: f.contactPhone,
  }
  const saved = await platform.db.runTransaction(async (tx) => {
    const ref = tx.collection(I.sites).doc(id)
    const before = (await ref.get().catch(() => null))?.data as unknown as SiteDoc | undefined
    if (siteId && !before) return null
    const after: SiteDoc = before
      ? { ...before, ...fields, updatedAt: now }
      : {
          _id: id,
          ...fields,
          openOrders: 0,
          overdueOrders: 0,
          oldestOpenAt: null,
          openReports: 0,
          lastInspectedAt: null,
          lastResult: null,
          lastItems: {},
          problemKey: 0,
          status: 'active',
          createdAt: now,
          updatedAt: now,
        }
    const { _id, ...data } = after
    void _id
    await ref.set({ data })
    if (!before || before.typeId !== after.typeId) {
      if (before) await bumpType(tx, before.typeId, -1)
      await bumpType(tx, after.typeId, 1)
    }
    if (!before) await incTotals(tx, { sites: 1 })
    if (before && before.unitId !== after.unitId && before.openOrders > 0) {
      // the site's open 督办单 are now the new unit's to answer: its figures follow the site
      await changeUnitCounts(tx, before.unitId, (u) => void (u.openOrders -= before.openOrders), now)
      await changeUnitCounts(tx, after.unitId, (u) => void (u.openOrders += before.openOrders), now)
    }
    await moveState(tx, before ? { district: before.district, typeId: before.typeId, state: stateOf(before) } : null, { district: after.district, typeId: after.typeId, state: stateOf(after) })
    return after
  })
  if (!saved) return inspectFail('INSPECT.SITE_NOT_FOUND')
  await writeCells(platform.db, id, checked.shape.cells)
  return saved
}

async function bumpType(tx: Transaction, typeId: string, by: number): Promise<void> {
  const ref = tx.collection(I.siteTypes).doc(typeId)
  const type = (await ref.get().catch(() => null))?.data as unknown as SiteTypeDoc | undefined
  if (type) await ref.update({ data: { siteCount: Math.max(0, (type.siteCount ?? 0) + by) } })
}

/** Check and store in one step: an edit of `siteId`, or a new site (with `newId`, the seed's fixed ids). */
export async function putSite(platform: Platform, siteId: string | undefined, f: SiteFields, newId?: string): Promise<SiteDoc | Fail> {
  const checked = await checkSite(platform, f)
  if ('ok' in checked) return checked
  return writeSite(platform, siteId, f, checked, newId)
}

export async function saveSite(input: In<'saveSite'>, ctx: ActionContext): Out<'saveSite'> {
  const saved = await putSite(ctx, input.siteId, input)
  if ('ok' in saved) return saved
  const views = await siteViews(ctx, [saved])
  return views[0]
}

// ---- the 点位信息表 ----

interface SheetRow {
  row: number
  cells: Record<string, string>
}

async function unitsByName(db: Database): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  for (let page = 0; page < 20; page++) {
    const { data } = await db.collection('report_units').orderBy('_id', 'asc').skip(page * 100).limit(100).field({ name: true }).get()
    for (const u of data) names.set(String(u.name), u._id)
    if (data.length < 100) break
  }
  return names
}

const PHONE = /^[0-9-]{7,20}$/

export async function importSites(input: In<'importSites'>, ctx: ActionContext): Out<'importSites'> {
  const claim = await claimUploads(ctx, 'sheets', [input.fileId])
  if (claim === 'not-yours' || claim === 'not-found') return inspectFail('INSPECT.FILE_NOT_YOURS')
  if (claim === 'wrong-type') return inspectFail('INSPECT.SHEET_UNREADABLE')
  const { fileContent } = await ctx.storage.downloadFile({ fileID: input.fileId })
  if (fileContent.length > INSPECT_LIMITS.sheetMaxBytes) return inspectFail('INSPECT.SHEET_UNREADABLE', '表格太大，请分成几个文件导入')
  const sheet = readSheet(new Uint8Array(fileContent))
  if (!sheet) return inspectFail('INSPECT.SHEET_UNREADABLE')

  const issues: Array<{ path: string; message: string }> = []
  const missing = REQUIRED_SITE_COLUMNS.filter((c) => !sheet.headers.includes(SITE_COLUMNS[c]))
  if (missing.length) return fail('INSPECT.SHEET_INVALID', '表格有误，未导入任何内容', [{ path: '表头', message: `缺少列：${missing.map((c) => SITE_COLUMNS[c]).join('、')}` }])
  const rows = (sheet.rows as SheetRow[]).filter((r) => Object.values(r.cells).some((v) => String(v ?? '').trim() !== ''))
  if (rows.length > INSPECT_LIMITS.sitesPerSheet) return fail('INSPECT.SHEET_INVALID', '表格有误，未导入任何内容', [{ path: '表格', message: `一次最多导入 ${INSPECT_LIMITS.sitesPerSheet} 个点位` }])

  const types = new Map((await allTypes(ctx.db)).map((t) => [t.name, t._id]))
  const units = await unitsByName(ctx.db)
  const ready: Array<{ siteId?: string; fields: SiteFields; checked: { shape: Shape; gridId: string; district: string } }> = []
  const seen = new Set<string>()
  for (const r of rows) {
    const v = (c: SiteColumn) => String(r.cells[SITE_COLUMNS[c]] ?? '').trim()
    const path = `第${r.row}行`
    const problems: string[] = []
    const name = v('name')
    const address = v('address')
    if (!name || name.length > 60) problems.push('点位名称须填写，不超过 60 字')
    if (!address || address.length > 120) problems.push('详细地址须填写，不超过 120 字')
    const typeId = types.get(v('type'))
    if (!typeId) problems.push(`没有这个点位类型：${v('type') || '（空）'}`)
    const unitId = units.get(v('unit'))
    if (!unitId) problems.push(`没有这个责任单位：${v('unit') || '（空）'}`)
    const pairName = v('pair')
    const pairUnitId = pairName ? units.get(pairName) : undefined
    if (pairName && !pairUnitId) problems.push(`没有这个包联单位：${pairName}`)
    const lat = Number(v('lat'))
    const lng = Number(v('lng'))
    const placed = v('lat') !== '' && v('lng') !== '' && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180
    if (!placed) problems.push('经度、纬度须是数字')
    const contactName = v('contactName')
    const contactPhone = v('contactPhone')
    if (contactName.length > 20) problems.push('联系人不超过 20 字')
    if (contactPhone && !PHONE.test(contactPhone)) problems.push('联系电话格式不正确')
    const key = `${name}\u0000${address}`
    if (name && address && seen.has(key)) problems.push('与前面某行是同一个点位（名称和地址相同）')
    seen.add(key)
    if (problems.length === 0 && typeId && unitId) {
      const fields: SiteFields = { name, typeId, place: { lat, lng }, address, unitId, pairUnitId, contactName, contactPhone }
      const checked = await checkSite(ctx, fields)
      if ('ok' in checked) problems.push(checked.code === 'INSPECT.OUTSIDE_CITY' ? '位置不在本市网格范围内（请核对经纬度）' : checked.message)
      else {
        const { data } = await ctx.db.collection(I.sites).where({ name }).limit(100).get()
        const match = (data as unknown as SiteDoc[]).find((s) => s.address === address && s.status === 'active')
        ready.push({ siteId: match?._id, fields, checked })
      }
    }
    for (const message of problems) issues.push({ path, message })
  }
  if (issues.length) return fail('INSPECT.SHEET_INVALID', '表格有误，未导入任何内容', issues.slice(0, 200))
  const added = ready.filter((r) => !r.siteId).length
  const view = { applied: !input.dryRun, added, updated: ready.length - added, rows: rows.length }
  if (input.dryRun) return view
  if (!(await takeReservations(ctx, claim))) return inspectFail('INSPECT.FILE_NOT_YOURS')
  for (const r of ready) {
    const saved = await writeSite(ctx, r.siteId, r.fields, r.checked)
    if ('ok' in saved) return saved
  }
  return view
}

// ---- views ----

async function unitNames(db: Database, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((v): v is string => !!v))]
  const names = new Map<string, string>()
  for (let i = 0; i < wanted.length; i += 100) {
    const { data } = await db.collection('report_units').where({ _id: db.command.in(wanted.slice(i, i + 100)) }).field({ name: true }).limit(100).get()
    for (const d of data) names.set(d._id, String(d.name))
  }
  return names
}

async function typeNames(db: Database, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)]
  const names = new Map<string, string>()
  if (wanted.length === 0) return names
  const { data } = await db.collection(I.siteTypes).where({ _id: db.command.in(wanted) }).field({ name: true }).limit(100).get()
  for (const d of data) names.set(d._id, String(d.name))
  return names
}

/** Whether the caller sees the contact's number whole: the office, and the site's own units' 联络员. */
function seesPhone(ctx: ActionContext, site: SiteDoc): boolean {
  if (ctx.isAdmin) return true
  const mine = liaisonUnits(ctx)
  return mine.includes(site.unitId) || (site.pairUnitId !== null && mine.includes(site.pairUnitId))
}

export async function siteViews(ctx: ActionContext, docs: SiteDoc[]): Promise<SiteView[]> {
  const units = await unitNames(ctx.db, docs.flatMap((d) => [d.unitId, d.pairUnitId]))
  const types = await typeNames(ctx.db, docs.map((d) => d.typeId))
  return docs.map((d) => ({
    siteId: d._id,
    name: d.name,
    typeId: d.typeId,
    typeName: types.get(d.typeId) ?? '',
    place: { lat: d.place.lat, lng: d.place.lng },
    polygon: d.polygon,
    address: d.address,
    district: d.district,
    unit: { unitId: d.unitId, name: units.get(d.unitId) ?? '' },
    pairUnit: d.pairUnitId ? { unitId: d.pairUnitId, name: units.get(d.pairUnitId) ?? '' } : null,
    contactName: d.contactName,
    contactPhone: seesPhone(ctx, d) ? d.contactPhone : maskPhone(d.contactPhone),
    openOrders: d.openOrders,
    overdueOrders: d.overdueOrders,
    openReports: d.openReports,
    lastInspectedAt: d.lastInspectedAt,
    lastResult: d.lastResult,
  }))
}

type Sort = Array<[string, 'asc' | 'desc']>

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

function decodeCursor(cursor: string | undefined, sort: Sort): unknown[] | null {
  if (!cursor) return null
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (!Array.isArray(values) || values.length !== sort.length + 1) return null
    return values
  } catch {
    return null
  }
}

/**
 * Keyset paging over several sort fields (problemKey desc, name asc …) with `_id` as the last
 * tie-break: the next page starts after the last row's values, so rows neither repeat nor vanish.
 */
export async function keysetMulti<T extends { _id: string }>(db: Database, collection: string, where: QueryCondition, sort: Sort, pageSize: number, cursor?: string, fields?: Record<string, boolean>): Promise<{ docs: T[]; next: string | null }> {
  const _ = db.command
  const all: Sort = [...sort, ['_id', 'asc']]
  const after = decodeCursor(cursor, sort)
  let condition: QueryCondition = where
  if (after) {
    const branches: QueryCondition[] = all.map(([f, dir], i) => {
      const eqs: Record<string, unknown> = {}
      for (let j = 0; j < i; j++) eqs[all[j][0]] = after[j]
      return { ...eqs, [f]: dir === 'asc' ? _.gt(after[i]) : _.lt(after[i]) }
    })
    condition = _.and([where, _.or(branches)])
  }
  let q = db.collection(collection).where(condition)
  for (const [f, dir] of all) q = q.orderBy(f, dir)
  if (fields) q = q.field(fields)
  const { data } = await q.limit(pageSize + 1).get()
  const docs = data.slice(0, pageSize) as unknown as T[]
  const last = docs[docs.length - 1]
  const next = data.length > pageSize && last ? encodeCursor(all.map(([f]) => (last as Record<string, unknown>)[f])) : null
  return { docs, next }
}

const SITE_SORT: Sort = [
  ['problemKey', 'desc'],
  ['name', 'asc'],
]

export async function sites(input: In<'sites'>, ctx: ActionContext): Out<'sites'> {
  const _ = ctx.db.command
  const where: Record<string, unknown> = { status: 'active' }
  if (input.typeId) where.typeId = input.typeId
  if (input.district) where.district = input.district
  if (input.unitId) where.unitId = input.unitId
  if (!ctx.isAdmin) {
    const team = hasRole(ctx.grants, 'inspector') ? await callerTeam(ctx) : null
    const units = liaisonUnits(ctx)
    if (team) {
      if (team.area !== null) {
        if (input.district && input.district !== team.area) return { items: [], nextCursor: null }
        where.district = team.area
      }
    } else if (units.length) {
      if (input.unitId && !units.includes(input.unitId)) return { items: [], nextCursor: null }
      const mine = input.unitId ? [input.unitId] : units
      delete where.unitId
      // responsible or 包联: both the by_unit and by_pair_unit indexes serve this
      const scoped = _.and([where, _.or([{ unitId: _.in(mine) }, { pairUnitId: _.in(mine) }])])
      const page = await keysetMulti<SiteDoc>(ctx.db, I.sites, scoped, [['name', 'asc']], INSPECT_LIMITS.pageSize, input.cursor)
      return { items: await siteViews(ctx, page.docs), nextCursor: page.next }
    } else return inspectFail('INSPECT.NO_TEAM')
  }
  const page = await keysetMulti<SiteDoc>(ctx.db, I.sites, where, SITE_SORT, INSPECT_LIMITS.pageSize, input.cursor)
  return { items: await siteViews(ctx, page.docs), nextCursor: page.next }
}

// ---- one site, and the map ----

/** Whether the caller may see a site: the office; an inspector whose team covers it; its units' 联络员. */
export async function siteAccess(ctx: ActionContext, site: SiteDoc): Promise<{ team: TeamDoc | null } | Fail> {
  const team = hasRole(ctx.grants, 'inspector') ? await callerTeam(ctx) : null
  if (ctx.isAdmin) return { team }
  if (team && teamCovers(team, site.district)) return { team }
  const units = liaisonUnits(ctx)
  if (units.includes(site.unitId) || (site.pairUnitId !== null && units.includes(site.pairUnitId))) return { team }
  return team || !units.length ? inspectFail('INSPECT.NOT_YOUR_AREA') : inspectFail('INSPECT.NOT_YOUR_UNIT')
}

async function linkedReports(db: Database, siteId: string): Promise<SiteReportView[]> {
  const { data: links } = await db.collection(I.siteReports).where({ siteId }).orderBy('createdAt', 'desc').limit(20).get()
  if (links.length === 0) return []
  const { data } = await db
    .collection('reports')
    .where({ _id: db.command.in(links.map((l) => l._id)) })
    .field({ status: true, categoryId: true, createdAt: true })
    .limit(100)
    .get()
  const byId = new Map((data as unknown as ReportDoc[]).map((r) => [r._id, r]))
  return links.flatMap((l) => {
    const r = byId.get(l._id)
    if (!r) return []
    return [{ reportId: r._id, categoryName: categoryOf(r.categoryId)?.name ?? '其他', status: STATUS_LABEL[r.status] ?? r.status, createdAt: r.createdAt }]
  })
}

export async function site(input: In<'site'>, ctx: ActionContext): Out<'site'> {
  const doc = await findById<SiteDoc>(ctx.db, I.sites, input.siteId)
  if (!doc || doc.status !== 'active') return inspectFail('INSPECT.SITE_NOT_FOUND')
  const access = await siteAccess(ctx, doc)
  if ('ok' in access) return access
  const checklist: ChecklistItemView[] = (await checklistOf(ctx.db, doc.typeId)).map((s) => ({
    standardId: s._id,
    number: s.number,
    content: s.content,
    text: s.text,
    lastResult: doc.lastItems[s._id] ?? null,
  }))
  const { data: open } = await ctx.db
    .collection(I.orders)
    .where({ siteId: doc._id, status: ctx.db.command.in(['open', 'answered']) })
    .orderBy('foundAt', 'desc')
    .limit(20)
    .get()
  const orders: OrderListItem[] = await orderListItems(ctx, open as unknown as OrderDoc[])
  const [view] = await siteViews(ctx, [doc])
  return {
    site: view,
    checklist,
    orders,
    reports: await linkedReports(ctx.db, doc._id),
    mayInspect: access.team !== null && teamCovers(access.team, doc.district),
  }
}

const MAP_PAGE = 100
/** the fields the map shows, and the map's order (problemKey, name) for its keyset */
const MAP_FIELDS = { name: true, typeId: true, place: true, polygon: true, openOrders: true, overdueOrders: true, oldestOpenAt: true, openReports: true, lastResult: true, problemKey: true } as const
type MapSiteDoc = Pick<SiteDoc, '_id' | keyof typeof MAP_FIELDS>

export async function map(input: In<'map'>, ctx: ActionContext): Out<'map'> {
  const _ = ctx.db.command
  let district = input.district
  let areaBound: string | null = null
  if (!ctx.isAdmin) {
    const team = await callerTeam(ctx)
    if (!team) return inspectFail('INSPECT.NO_TEAM')
    if (team.area !== null) {
      if (district && district !== team.area) return inspectFail('INSPECT.NOT_YOUR_AREA')
      district = team.area
      areaBound = team.area
    }
  }
  const where: Record<string, unknown> = { status: 'active' }
  if (district) where.district = district
  if (input.typeId) where.typeId = input.typeId
  if (input.state) {
    const range = problemRange(input.state)
    where.problemKey = _.gte(range.gte).and(_.lt(range.lt))
  }
  // The index is by_district_problem, by_type_problem or by_status_problem, by which is pinned.
  // Only what the map draws is read: a site document also carries the last inspection's verdict
  // on every checklist item (lastItems, for the detail view), its box and its contact; across 200
  // sites that was most of what the whole-city map read and parsed. Pages follow on by keyset, so
  // a page costs its own rows, not every row before it as skip() did.
  const docs: MapSiteDoc[] = []
  let cursor: string | undefined
  while (docs.length < INSPECT_LIMITS.mapSites) {
    // keysetMulti reads one row past the page to know whether another follows: 99 + 1 ≤ the limit of 100
    const page = await keysetMulti<MapSiteDoc>(ctx.db, I.sites, where, SITE_SORT, Math.min(MAP_PAGE - 1, INSPECT_LIMITS.mapSites - docs.length), cursor, MAP_FIELDS)
    docs.push(...page.docs)
    if (!page.next) break
    cursor = page.next
  }
  const types = await typeNames(ctx.db, docs.map((d) => d.typeId))
  const sitesOut: MapSiteView[] = docs.map((d) => ({
    siteId: d._id,
    name: d.name,
    typeName: types.get(d.typeId) ?? '',
    lat: d.place.lat,
    lng: d.place.lng,
    polygon: d.polygon,
    openOrders: d.openOrders,
    overdueOrders: d.overdueOrders,
    oldestOpenAt: d.oldestOpenAt,
    openReports: d.openReports,
    lastResult: d.lastResult,
    state: stateOf(d),
  }))
  const counter = await findById<StateDoc>(ctx.db, SITE_STATES, `${district ?? '*'}|${input.typeId ?? '*'}`)
  const counts = { clear: counter?.clear ?? 0, open: counter?.open ?? 0, overdue: counter?.overdue ?? 0 }
  const total = input.state ? counts[input.state] : counts.clear + counts.open + counts.overdue
  const { data: districtDocs } = await ctx.db.collection(SITE_STATES).where({ kind: 'district' }).orderBy('district', 'asc').limit(100).get()
  const districts = (districtDocs as unknown as StateDoc[])
    .filter((d) => d.clear + d.open + d.overdue > 0)
    .map((d) => d.district)
    .filter((d) => areaBound === null || d === areaBound)
  return { sites: sitesOut, total, counts, districts }
}

export { DAY }
