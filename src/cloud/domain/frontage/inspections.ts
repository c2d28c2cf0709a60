import { FRONTAGE_LIMITS, SEED_TEMPLATES, type Duty, type FindingView, type LadderStep } from '@/shared/contract/frontage'
import type { InspectLevel } from '@/shared/inspect'
import type { Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import { keyOf } from '../inspect/model'
import { callerTeam, isDuplicateKey, teamCovers } from '../inspect/sites'
import { routeFor } from '../report/city'
import { keysetPage } from '../report/paging'
import { claimUploads, consumeReservations, ReservationTaken } from '../upload/reservations'
import { loadShopRules, recordFinding, recordInspection, shopDeductionOf, type LedgerFinding } from './ledger'
import { frontageFail, M, type In, type Out, type ShopDoc } from './model'

/**
 * Inspections of shops against their 责任书, and what a failed item becomes: a finding on the
 * 告诫 → 限期整改通知书 → 移交执法 ladder. The phone names the inspection when it starts, so a
 * resend over a bad connection is the same inspection and records nothing new.
 *
 * The ladder, per shop and 责任书 item, from frontage_last_findings:
 * - nothing before, or the last finding is older than the repeat window → 告诫 (a recorded
 *   warning, open, no deadline; the owner still fixes it with a photo, in time within WARNING_FIX_DAYS);
 * - the last finding within the window → one step up (告诫 → 限期整改通知书 with a NOTICE_DAYS
 *   deadline → 移交执法), and it counts as a repeat (doubled);
 * - the last finding is a 限期整改通知书 (or 移交执法) still not fixed past its deadline → 移交执法
 *   however long ago it was issued: an ignored notice does not fall back to a warning.
 * 移交执法 is a finding with status `handed` naming the unit the city's 随手拍 routing sends
 * 占道经营 to in the shop's grid (the street's 综合执法); it is not raised as a second 随手拍, so the
 * unit is not asked twice about one problem. The shop can no longer close it with a photo.
 */

export const DAY = 24 * 60 * 60 * 1000
/** 限期整改通知书: the deadline, in days from the inspection */
export const NOTICE_DAYS = 3
/** 告诫 has no deadline, but a fix within this many days still counts as in time (halved) */
export const WARNING_FIX_DAYS = 3
/** the 随手拍 category whose unit takes a shop handed to enforcement (占道经营 is 综合执法's) */
const ENFORCEMENT_CATEGORY = 'street-vending'

// ---- stored shapes ----

export interface ShopInspectionDoc {
  _id: string
  shopId: string
  teamId: string
  level: InspectLevel
  inspectorOpenid: string
  at: number
  items: Array<{ itemId: string; result: 'pass' | 'fail' | 'na'; note: string; photos: string[] }>
  counts: { pass: number; fail: number; na: number }
  findingIds: string[]
}

export interface FindingDoc extends LedgerFinding {
  _id: string
  inspectionId: string
  shopName: string
  district: string
  streetUnitId: string
  itemId: string
  itemText: string
  note: string
  photos: string[]
  teamId: string
  dueAt: number | null
  /** 告诫's soft limit for fixedInTime (no deadline is shown) */
  fixBy: number
  handedTo: { unitId: string; name: string } | null
  answer: { note: string; photos: string[]; at: number; by: string } | null
  updatedAt: number
}

/** `_id` keyOf(shopId, itemId): the latest finding of this item at this shop, and its place on the ladder */
export interface LastShopFindingDoc {
  _id: string
  findingId: string
  foundAt: number
  step: LadderStep
}

// ---- who may see what (shared with scores.ts) ----

/** The 街道 of the street offices the caller holds (frontage_streets: unit id → district). */
export async function streetDistricts(ctx: ActionContext): Promise<string[]> {
  const units = ctx.grants.filter((g) => g.role === 'street_office' && g.scopeId).map((g) => g.scopeId as string)
  const out: string[] = []
  for (const unitId of units) {
    const street = await findById<{ _id: string; district: string }>(ctx.db, M.streets, unitId)
    if (street) out.push(street.district)
  }
  return out
}

export const holdsShop = (ctx: ActionContext, shopId: string) => hasRole(ctx.grants, 'shop_owner', shopId)
export const shopsHeld = (ctx: ActionContext) => ctx.grants.filter((g) => g.role === 'shop_owner' && g.scopeId).map((g) => g.scopeId as string)
export const isStreetOfficeOf = (ctx: ActionContext, shop: Pick<ShopDoc, 'streetUnitId'>) => hasRole(ctx.grants, 'street_office', shop.streetUnitId)

/** The duties of a shop's 责任书 template as the office keeps it now (the seeded text until it is stored). */
export async function templateDuties(ctx: Pick<ActionContext, 'db'>, templateId: string): Promise<Duty[]> {
  const stored = await findById<{ _id: string; duties?: Duty[] }>(ctx.db, M.templates, templateId)
  return stored?.duties ?? SEED_TEMPLATES.find((t) => t.id === templateId)?.duties ?? []
}

// ---- views ----

async function urlsOf(ctx: ActionContext, fileIds: string[]): Promise<Map<string, string>> {
  if (fileIds.length === 0) return new Map()
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: [...new Set(fileIds)] })
  return new Map(fileList.map((f) => [f.fileID, f.tempFileURL]))
}

async function findingViews(ctx: ActionContext, docs: FindingDoc[]): Promise<FindingView[]> {
  const urls = await urlsOf(ctx, docs.flatMap((d) => [...d.photos, ...(d.answer?.photos ?? [])]))
  const url = (f: string) => urls.get(f) ?? ''
  return docs.map((d) => ({
    findingId: d._id,
    shopId: d.shopId,
    shopName: d.shopName,
    itemText: d.itemText,
    note: d.note,
    photos: d.photos.map(url),
    step: d.step,
    dueAt: d.dueAt,
    status: d.status,
    repeat: d.repeat,
    foundAt: d.foundAt,
    answer: d.answer ? { note: d.answer.note, photos: d.answer.photos.map(url), at: d.answer.at } : null,
    handedTo: d.handedTo?.name ?? null,
  }))
}

async function findingsByIds(ctx: ActionContext, ids: string[]): Promise<FindingDoc[]> {
  if (ids.length === 0) return []
  const { data } = await ctx.db.collection(M.findings).where({ _id: ctx.db.command.in(ids) }).limit(100).get()
  const byId = new Map((data as unknown as FindingDoc[]).map((f) => [f._id, f]))
  return ids.map((id) => byId.get(id)).filter((f): f is FindingDoc => !!f)
}

async function replay(ctx: ActionContext, inspectionId: string, shopId: string): Promise<Out<'inspectShop'> | null> {
  const first = await findById<ShopInspectionDoc>(ctx.db, M.inspections, inspectionId)
  if (!first) return null
  if (first.shopId !== shopId) return frontageFail('FRONTAGE.INSPECTION_CONFLICT')
  return { inspectionId, duplicate: true, findings: await findingViews(ctx, await findingsByIds(ctx, first.findingIds)) }
}

/** Photos the caller reserved in `frontage`, in storage, images, passing the content check. */
async function checkPhotos(ctx: ActionContext, fileIds: string[]): Promise<{ reservations: string[] } | Fail> {
  const claim = await claimUploads(ctx, 'frontage', fileIds)
  if (typeof claim === 'string') return frontageFail('FRONTAGE.PHOTO_NOT_YOURS', claim === 'wrong-type' ? '照片必须是 JPG、PNG、WEBP 或 GIF 图片' : undefined)
  for (const fileID of new Set(fileIds)) {
    if (!(await ctx.openApi.checkImage({ fileID })).pass) return frontageFail('FRONTAGE.PHOTO_REJECTED')
  }
  return claim
}

/** The step a new finding takes, given the last one of the same item at the same shop. */
export function nextStep(last: { foundAt: number; step: LadderStep } | null, lastFinding: Pick<FindingDoc, 'status' | 'dueAt'> | null, at: number, windowDays: number): { step: LadderStep; repeat: boolean } {
  if (!last) return { step: 'warning', repeat: false }
  const repeat = last.foundAt <= at && at - last.foundAt <= windowDays * DAY
  const ignoredNotice = last.step !== 'warning' && lastFinding !== null && lastFinding.status !== 'fixed' && lastFinding.dueAt !== null && lastFinding.dueAt < at
  if (ignoredNotice) return { step: 'enforcement', repeat }
  if (!repeat) return { step: 'warning', repeat: false }
  return { step: last.step === 'warning' ? 'notice' : 'enforcement', repeat: true }
}

export async function inspectShop(input: In<'inspectShop'>, ctx: ActionContext): Out<'inspectShop'> {
  const team = await callerTeam(ctx)
  if (!team) return frontageFail('FRONTAGE.NO_TEAM')
  const again = await replay(ctx, input.inspectionId, input.shopId)
  if (again) return again

  const shop = await findById<ShopDoc>(ctx.db, M.shops, input.shopId)
  if (!shop || shop.status === 'closed') return frontageFail('FRONTAGE.SHOP_NOT_FOUND')
  if (shop.status !== 'active') return frontageFail('FRONTAGE.NOT_ACTIVE')
  if (!teamCovers(team, shop.district)) return frontageFail('FRONTAGE.NOT_YOUR_AREA')

  const itemText = new Map((await templateDuties(ctx, shop.templateId)).flatMap((d) => d.items.map((i) => [i.id, i.text] as const)))
  const seen = new Set<string>()
  for (const item of input.items) {
    if (!itemText.has(item.itemId)) return frontageFail('FRONTAGE.NOT_ON_PLEDGE')
    if (seen.has(item.itemId)) return frontageFail('FRONTAGE.CHECKLIST_INCOMPLETE', '同一检查项填写了两次')
    seen.add(item.itemId)
  }
  if (seen.size < itemText.size) return frontageFail('FRONTAGE.CHECKLIST_INCOMPLETE')
  for (const item of input.items) {
    if (item.result === 'fail' && (!item.note || !item.photos?.length)) return frontageFail('FRONTAGE.FAIL_NEEDS_EVIDENCE')
  }
  const checked = await checkPhotos(ctx, input.items.flatMap((i) => i.photos ?? []))
  if ('ok' in checked) return checked

  const now = ctx.clock.now()
  const rules = (await loadShopRules(ctx)).score
  const items = input.items.map((i) => ({ itemId: i.itemId, result: i.result, note: i.note ?? '', photos: i.photos ?? [] }))
  const counts = { pass: 0, fail: 0, na: 0 }
  for (const i of items) counts[i.result]++
  const failed = items.filter((i) => i.result === 'fail')
  const inspection: ShopInspectionDoc = {
    _id: input.inspectionId,
    shopId: shop._id,
    teamId: team._id,
    level: team.level,
    inspectorOpenid: ctx.caller.openid,
    at: now,
    items,
    counts,
    findingIds: failed.map((i) => `${input.inspectionId}__${i.itemId}`),
  }
  // named before the transaction: a read of report_routes inside it would be a query, not a doc op
  const enforcer = failed.length ? await routeFor(ctx, ENFORCEMENT_CATEGORY, shop.gridId) : null

  let written: FindingDoc[]
  try {
    written = await ctx.db.runTransaction(async (tx) => {
      // first: a second arrival of the same inspection stops here with a duplicate key
      const { _id, ...data } = inspection
      await tx.collection(M.inspections).add({ data: { _id, ...data } })
      const out: FindingDoc[] = []
      for (const [k, item] of failed.entries()) {
        const lastRef = tx.collection(M.lastFindings).doc(keyOf(shop._id, item.itemId))
        const last = (await lastRef.get().catch(() => null))?.data as unknown as LastShopFindingDoc | undefined
        const lastFinding = last ? ((await tx.collection(M.findings).doc(last.findingId).get().catch(() => null))?.data as unknown as FindingDoc | undefined) : undefined
        const { step, repeat } = nextStep(last ?? null, lastFinding ?? null, now, rules.repeatWindowDays)
        const finding: FindingDoc = {
          _id: inspection.findingIds[k],
          inspectionId: inspection._id,
          shopId: shop._id,
          shopName: shop.name,
          district: shop.district,
          streetUnitId: shop.streetUnitId,
          itemId: item.itemId,
          itemText: itemText.get(item.itemId) ?? '',
          note: item.note,
          photos: item.photos,
          teamId: team._id,
          level: team.level,
          step,
          status: step === 'enforcement' ? 'handed' : 'open',
          repeat,
          foundAt: now,
          dueAt: step === 'notice' ? now + NOTICE_DAYS * DAY : null,
          fixBy: now + (step === 'notice' ? NOTICE_DAYS : WARNING_FIX_DAYS) * DAY,
          handedTo: step === 'enforcement' ? (enforcer ? { unitId: enforcer._id, name: enforcer.name } : { unitId: '', name: '综合行政执法部门' }) : null,
          fixedInTime: null,
          answer: null,
          weight: rules.weights[team.level],
          repeatFactor: rules.repeatFactor,
          onTimeFactor: rules.onTimeFactor,
          deduction: 0,
          updatedAt: now,
        }
        finding.deduction = shopDeductionOf(finding).centi
        const { _id: findingId, ...findingData } = finding
        await tx.collection(M.findings).add({ data: { _id: findingId, ...findingData } })
        await lastRef.set({ data: { findingId, foundAt: now, step } })
        out.push(finding)
      }
      await consumeReservations(tx, checked.reservations, ctx.caller.openid)
      return out
    })
  } catch (error) {
    // the same inspection arrived twice at once: the other one stored it
    if (isDuplicateKey(error) || error instanceof ReservationTaken) {
      const first = await replay(ctx, input.inspectionId, input.shopId)
      if (first) return first
      if (error instanceof ReservationTaken) return frontageFail('FRONTAGE.PHOTO_NOT_YOURS')
    }
    throw error
  }
  await recordInspection(ctx, shop, now)
  for (const f of written) await recordFinding(ctx, shop, null, f)
  return { inspectionId: inspection._id, duplicate: false, findings: await findingViews(ctx, written) }
}

// ---- lists ----

type Scope = { where: Record<string, unknown>; field: 'foundAt' } | { empty: true } | Fail

/** The findings the caller may list, as the leading equality fields of an index. */
async function scopeOf(ctx: ActionContext, shopId: string | undefined): Promise<Scope> {
  const _ = ctx.db.command
  if (shopId !== undefined) {
    if (ctx.isAdmin || holdsShop(ctx, shopId)) return { where: { shopId }, field: 'foundAt' }
    const shop = await findById<ShopDoc>(ctx.db, M.shops, shopId)
    if (!shop) return frontageFail('FRONTAGE.SHOP_NOT_FOUND')
    if (isStreetOfficeOf(ctx, shop)) return { where: { shopId }, field: 'foundAt' }
    const team = hasRole(ctx.grants, 'inspector') ? await callerTeam(ctx) : null
    if (team && teamCovers(team, shop.district)) return { where: { shopId }, field: 'foundAt' }
    if (team) return frontageFail('FRONTAGE.NOT_YOUR_AREA')
    return shopsHeld(ctx).length ? frontageFail('FRONTAGE.NOT_YOUR_SHOP') : frontageFail('FRONTAGE.NOT_YOUR_STREET')
  }
  if (ctx.isAdmin) return { where: {}, field: 'foundAt' }
  const districts = await streetDistricts(ctx)
  if (districts.length) return { where: { district: districts.length === 1 ? districts[0] : _.in(districts) }, field: 'foundAt' }
  const team = hasRole(ctx.grants, 'inspector') ? await callerTeam(ctx) : null
  if (team) return { where: team.area === null ? {} : { district: team.area }, field: 'foundAt' }
  const shops = shopsHeld(ctx)
  if (shops.length) return { where: { shopId: shops.length === 1 ? shops[0] : _.in(shops) }, field: 'foundAt' }
  if (hasRole(ctx.grants, 'inspector')) return frontageFail('FRONTAGE.NO_TEAM')
  return { empty: true }
}

export async function findings(input: In<'findings'>, ctx: ActionContext): Out<'findings'> {
  const scope = await scopeOf(ctx, input.shopId)
  if ('ok' in scope) return scope
  if ('empty' in scope) return { items: [], nextCursor: null }
  const _ = ctx.db.command
  const status = input.status ?? _.in(['open', 'fixed', 'handed'])
  const page = await keysetPage<FindingDoc>(ctx.db, {
    collection: M.findings,
    where: { ...scope.where, status },
    field: scope.field,
    order: 'desc',
    pageSize: FRONTAGE_LIMITS.pageSize,
    // a cursor this list did not make starts from the top rather than failing
    cursor: input.cursor && /^\d+~.+$/.test(input.cursor) ? input.cursor : undefined,
  })
  return { items: await findingViews(ctx, page.docs), nextCursor: page.next }
}

export async function fixFinding(input: In<'fixFinding'>, ctx: ActionContext): Out<'fixFinding'> {
  const doc = await findById<FindingDoc>(ctx.db, M.findings, input.findingId)
  if (!doc) return frontageFail('FRONTAGE.FINDING_NOT_FOUND')
  // owner and staff both hold shop_owner of the shop, and either may fix what was found
  if (!holdsShop(ctx, doc.shopId)) return frontageFail('FRONTAGE.NOT_YOUR_SHOP')
  if (doc.status !== 'open') return frontageFail('FRONTAGE.FINDING_NOT_OPEN')
  const checked = await checkPhotos(ctx, input.photos)
  if ('ok' in checked) return checked
  const now = ctx.clock.now()
  let after: FindingDoc | null
  try {
    after = await ctx.db.runTransaction(async (tx) => {
      const ref = tx.collection(M.findings).doc(doc._id)
      const fresh = (await ref.get()).data as unknown as FindingDoc
      // fixed meanwhile (a second tap, another staff member): refused, nothing written
      if (fresh.status !== 'open') return null
      const next: FindingDoc = {
        ...fresh,
        _id: doc._id,
        status: 'fixed',
        fixedInTime: now <= fresh.fixBy,
        answer: { note: input.note, photos: input.photos, at: now, by: ctx.caller.openid },
        updatedAt: now,
      }
      next.deduction = shopDeductionOf(next).centi
      const { _id, ...data } = next
      void _id
      await ref.set({ data })
      await consumeReservations(tx, checked.reservations, ctx.caller.openid)
      return next
    })
  } catch (error) {
    if (error instanceof ReservationTaken) return frontageFail('FRONTAGE.PHOTO_NOT_YOURS')
    throw error
  }
  if (!after) return frontageFail('FRONTAGE.FINDING_NOT_OPEN')
  await recordFinding(ctx, { _id: doc.shopId, district: doc.district, streetUnitId: doc.streetUnitId, name: doc.shopName }, doc, after)
  return (await findingViews(ctx, [after]))[0]
}
