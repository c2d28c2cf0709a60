import { ZONE_EXEMPTS, ZONE_KIND_LABEL, type Position, type ZoneKind, type ZoneView } from '@/shared/contract/frontage'
import { DEFAULT_SHOP_LIMIT } from '@/shared/frontage'
import { categoryOf, type CategoryId } from '@/shared/report/categories'
import type { Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { Platform } from '../../platform'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { keyOf } from '../inspect/model'
import { gridAt } from '../report/city'
import { frontageAt, writeZoneCells, zoneAt, zoneShape, type ZoneDoc } from './geo'
import { frontageFail, M, type In, type Out } from './model'

/**
 * Where the pin is: on a shop's frontage (a covered category goes to the shop first) or inside
 * a painted zone (inside the lines, out-of-shop selling or parking is allowed). The report form
 * asks as the pin moves; the report routing asks the same questions through geo.ts.
 */

export function zoneView(z: ZoneDoc): ZoneView {
  return { zoneId: z._id, name: z.name, kind: z.kind, polygon: z.polygon, district: z.district, createdAt: z.createdAt }
}

/** The shop's time to answer, in words, from the stored rule when there is one. */
async function limitWords(platform: Platform): Promise<string> {
  const rules = await findById<{ _id: string; limitHours?: number }>(platform.db, M.rules, 'current')
  const hours = rules?.limitHours ?? DEFAULT_SHOP_LIMIT.hours
  return Number.isInteger(hours) ? `${hours} 小时` : `${Math.round(hours * 60)} 分钟`
}

export async function placeCheck(input: In<'placeCheck'>, ctx: ActionContext): Out<'placeCheck'> {
  const at = { lat: input.lat, lng: input.lng }
  const onShop = await frontageAt(ctx, at, input.categoryId)
  const zone = await zoneAt(ctx, at)
  const exempts = zone !== null && input.categoryId !== undefined && (ZONE_EXEMPTS[zone.kind] as readonly CategoryId[]).includes(input.categoryId as CategoryId)
  let message: string | null = null
  if (zone && exempts) {
    const what = zone.kind === 'vending' ? '线内摆卖不属于占道经营' : '线内停放不属于乱停乱放'
    message = `此处在${ZONE_KIND_LABEL[zone.kind]}「${zone.name}」内，${what}`
  } else if (onShop && onShop.covers) {
    message = `此处是「${onShop.shop.name}」的门前责任区，将先由门店在 ${await limitWords(ctx)}内处理`
  } else if (onShop && input.categoryId) {
    const name = categoryOf(input.categoryId)?.name ?? '这类问题'
    message = `此处是「${onShop.shop.name}」的门前责任区；「${name}」不在门店责任书内，将直接交责任单位处理`
  } else if (zone) {
    message = `此处在${ZONE_KIND_LABEL[zone.kind]}「${zone.name}」内`
  } else if (onShop) {
    message = `此处是「${onShop.shop.name}」的门前责任区`
  }
  return {
    shop: onShop ? { shopId: onShop.shop._id, name: onShop.shop.name, covers: onShop.covers } : null,
    zone: zone ? { zoneId: zone._id, name: zone.name, kind: zone.kind, exempts } : null,
    message,
  }
}

export async function zones(input: In<'zones'>, ctx: ActionContext): Out<'zones'> {
  const q = input.district ? ctx.db.collection(M.zones).where({ district: input.district }) : ctx.db.collection(M.zones).where({})
  // a city paints tens of zones, a street a handful: the newest hundred is all of them
  const { data } = await q.orderBy('createdAt', 'desc').limit(100).get()
  return (data as unknown as ZoneDoc[]).map(zoneView)
}

export interface ZoneFields {
  name: string
  kind: ZoneKind
  polygon: Position[]
}

/** Checks and stores a zone under `zoneId` (new or an edit), then its cells. */
export async function putZone(platform: Platform, zoneId: string, f: ZoneFields): Promise<ZoneDoc | Fail> {
  const shape = zoneShape(f.polygon)
  if ('ok' in shape) return shape
  const inner = f.polygon.slice(0, -1)
  const centre = { lng: inner.reduce((a, p) => a + p[0], 0) / inner.length, lat: inner.reduce((a, p) => a + p[1], 0) / inner.length }
  const grid = await gridAt(platform, centre)
  if (!grid) return frontageFail('FRONTAGE.OUTSIDE_CITY', '划线区不在本市网格范围内')
  const now = platform.clock.now()
  const before = await findById<ZoneDoc>(platform.db, M.zones, zoneId)
  const doc: ZoneDoc = {
    _id: zoneId,
    name: f.name,
    kind: f.kind,
    polygon: f.polygon,
    minLat: shape.minLat,
    maxLat: shape.maxLat,
    minLng: shape.minLng,
    maxLng: shape.maxLng,
    gridId: grid._id,
    district: grid.district,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
  }
  const { _id, ...data } = doc
  void _id
  await platform.db.collection(M.zones).doc(zoneId).set({ data })
  await writeZoneCells(platform.db, zoneId, shape.cells)
  return doc
}

export async function saveZone(input: In<'saveZone'>, ctx: ActionContext): Out<'saveZone'> {
  if (input.zoneId && !(await findById<ZoneDoc>(ctx.db, M.zones, input.zoneId))) return frontageFail('FRONTAGE.ZONE_NOT_FOUND')
  const zoneId = input.zoneId ?? `zone-${keyOf('zone', ctx.caller.openid, input.name, String(ctx.clock.now())).slice(0, 16)}`
  const saved = await putZone(ctx, zoneId, input)
  if ('ok' in saved) return saved
  await writeAudit(ctx, { subjectType: 'zone', subjectId: zoneId, action: 'saveZone', detail: { kind: saved.kind, district: saved.district } })
  return zoneView(saved)
}

export async function removeZone(input: In<'removeZone'>, ctx: ActionContext): Out<'removeZone'> {
  const zone = await findById<ZoneDoc>(ctx.db, M.zones, input.zoneId)
  if (!zone) return frontageFail('FRONTAGE.ZONE_NOT_FOUND')
  await writeZoneCells(ctx.db, zone._id, [])
  await ctx.db.collection(M.zones).doc(zone._id).remove()
  await writeAudit(ctx, { subjectType: 'zone', subjectId: zone._id, action: 'removeZone', detail: { kind: zone.kind } })
  return { removed: true }
}
