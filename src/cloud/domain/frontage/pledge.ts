import { FRONTAGE_LIMITS, type FrontageGeometry, type ShopPledgeView, type TemplateView } from '@/shared/contract/frontage'
import { categoryOf } from '@/shared/report/categories'
import { metersBetween } from '@/shared/report/geo'
import type { Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { grantRole, revokeRole } from '../user/roles'
import { frontageFail, M, type In, type Out } from './model'
import { loadShop, loadTemplate, memberId, ownsShop, shopFor, type MemberDoc, type ShopRow, type TemplateDoc } from './registry'

/**
 * The 责任书: the duties of the shop's template at the version in force, its frontage and term.
 * Only the shop's owner signs (staff answer reports but do not take on the 责任书); a new template
 * version puts every shop on it back to unsigned.
 */

const PAGE = 100

/** The frontage in words for the 责任书: a shopfront's length, or a forecourt's size. */
export function frontageText(f: FrontageGeometry): string {
  if (f.type === 'LineString') {
    let m = 0
    for (let i = 0; i + 1 < f.coordinates.length; i++) {
      m += metersBetween({ lng: f.coordinates[i][0], lat: f.coordinates[i][1] }, { lng: f.coordinates[i + 1][0], lat: f.coordinates[i + 1][1] })
    }
    return `门前沿街约 ${Math.max(1, Math.round(m))} 米，自建筑外墙至人行道路沿`
  }
  // shoelace on local metres: a forecourt is small enough to be flat
  const ring = f.coordinates[0]
  const lat0 = ring[0][1]
  const kx = 111_320 * Math.cos((lat0 * Math.PI) / 180)
  let twice = 0
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * kx * (ring[i + 1][1] * 111_320) - ring[i + 1][0] * kx * (ring[i][1] * 111_320)
  return `门前约 ${Math.max(1, Math.round(Math.abs(twice) / 2))} 平方米的区域（地图上所画范围）`
}

async function memberOf(ctx: ActionContext, shopId: string, openid: string): Promise<MemberDoc | null> {
  return findById<MemberDoc>(ctx.db, M.members, memberId(shopId, openid))
}

async function isOwner(ctx: ActionContext, shopId: string): Promise<boolean> {
  if (!ownsShop(ctx, shopId)) return false
  return (await memberOf(ctx, shopId, ctx.caller.openid))?.role === 'owner'
}

async function pledgeView(ctx: ActionContext, shop: ShopRow): Promise<ShopPledgeView> {
  const template = shop.templateId ? await loadTemplate(ctx.db, shop.templateId) : null
  const unsigned = shop.signedVersion !== shop.pledgeVersion
  return {
    shopId: shop._id,
    shopName: shop.name,
    templateName: template?.name ?? '',
    version: shop.pledgeVersion,
    duties: template?.duties ?? [],
    frontageText: frontageText(shop.frontage),
    termFrom: shop.termFrom,
    termTo: shop.termTo,
    signedVersion: shop.signedVersion,
    signedAt: shop.signedAt,
    maySign: shop.status === 'active' && unsigned && (await isOwner(ctx, shop._id)),
  }
}

export async function pledge(input: In<'pledge'>, ctx: ActionContext): Out<'pledge'> {
  const found = await shopFor(ctx, input.shopId)
  if ('ok' in found) return found
  return pledgeView(ctx, found.shop)
}

export async function signPledge(input: In<'signPledge'>, ctx: ActionContext): Out<'signPledge'> {
  const shop = await loadShop(ctx.db, input.shopId)
  if (!shop) return frontageFail('FRONTAGE.SHOP_NOT_FOUND')
  if (!ownsShop(ctx, shop._id)) return frontageFail('FRONTAGE.NOT_YOUR_SHOP')
  if (!(await isOwner(ctx, shop._id))) return frontageFail('FRONTAGE.NOT_YOUR_SHOP', '责任书须由门店负责人本人签署')
  if (shop.status !== 'active') return frontageFail('FRONTAGE.NOT_ACTIVE')
  const now = ctx.clock.now()
  // the shop's version and the signature are read and written together: a new template version
  // saved meanwhile makes this signature stale rather than a signature of the wrong text
  const outcome = await ctx.db.runTransaction(async (tx): Promise<ShopRow | Fail> => {
    const ref = tx.collection(M.shops).doc(shop._id)
    const fresh = (await ref.get().catch(() => null))?.data as unknown as ShopRow | undefined
    if (!fresh) return frontageFail('FRONTAGE.SHOP_NOT_FOUND')
    if (input.version !== fresh.pledgeVersion) return frontageFail('FRONTAGE.STALE_VERSION')
    if (fresh.signedVersion === input.version) return frontageFail('FRONTAGE.ALREADY_SIGNED')
    const sigRef = tx.collection(M.signatures).doc(`${shop._id}__${input.version}`)
    if ((await sigRef.get().catch(() => null))?.data) return frontageFail('FRONTAGE.ALREADY_SIGNED')
    await sigRef.set({ data: { shopId: shop._id, openid: ctx.caller.openid, at: now, version: input.version, templateId: fresh.templateId } })
    await ref.update({ data: { signedVersion: input.version, signedAt: now, pledgeSigned: true, updatedAt: now } })
    return { ...fresh, _id: shop._id, signedVersion: input.version, signedAt: now, pledgeSigned: true, updatedAt: now }
  })
  if ('ok' in outcome) return outcome
  await writeAudit(ctx, { subjectType: 'shop', subjectId: shop._id, action: 'signPledge', detail: { version: input.version, templateId: outcome.templateId } })
  return pledgeView(ctx, outcome)
}

async function staffCount(ctx: ActionContext, shopId: string): Promise<number> {
  return (await ctx.db.collection(M.members).where({ shopId, role: 'staff' }).count()).total
}

/** The caller as owner of the shop, or why not. */
async function ownerGate(ctx: ActionContext, shopId: string): Promise<ShopRow | Fail> {
  const shop = await loadShop(ctx.db, shopId)
  if (!shop || shop.status === 'closed') return frontageFail('FRONTAGE.SHOP_NOT_FOUND')
  if (!(await isOwner(ctx, shopId))) return frontageFail('FRONTAGE.NOT_YOUR_SHOP', ownsShop(ctx, shopId) ? '只有门店负责人可以管理店员' : undefined)
  return shop
}

export async function addStaff(input: In<'addStaff'>, ctx: ActionContext): Out<'addStaff'> {
  const shop = await ownerGate(ctx, input.shopId)
  if ('ok' in shop) return shop
  const existing = await memberOf(ctx, shop._id, input.openid)
  // the owner (or someone already on the staff) is not added again
  if (existing) return { staff: await staffCount(ctx, shop._id) }
  if ((await staffCount(ctx, shop._id)) >= FRONTAGE_LIMITS.staffPerShop) return frontageFail('FRONTAGE.STAFF_FULL')
  const member: MemberDoc = { _id: memberId(shop._id, input.openid), shopId: shop._id, openid: input.openid, role: 'staff', at: ctx.clock.now() }
  const { _id, ...data } = member
  await ctx.db.collection(M.members).doc(_id).set({ data })
  const granted = await grantRole({ openid: input.openid, role: 'shop_owner', scopeId: shop._id }, ctx)
  if ('ok' in granted) return granted
  return { staff: await staffCount(ctx, shop._id) }
}

export async function removeStaff(input: In<'removeStaff'>, ctx: ActionContext): Out<'removeStaff'> {
  const shop = await ownerGate(ctx, input.shopId)
  if ('ok' in shop) return shop
  const existing = await memberOf(ctx, shop._id, input.openid)
  if (!existing || existing.role !== 'staff') return frontageFail('FRONTAGE.STAFF_NOT_FOUND')
  await ctx.db.collection(M.members).doc(existing._id).remove()
  const revoked = await revokeRole({ openid: input.openid, role: 'shop_owner', scopeId: shop._id }, ctx)
  // a grant the office already took back is gone all the same
  if ('ok' in revoked && revoked.code !== 'USER.GRANT_NOT_FOUND') return revoked
  return { staff: await staffCount(ctx, shop._id) }
}

const templateView = (t: TemplateDoc): TemplateView => ({ templateId: t._id, name: t.name, version: t.version, duties: t.duties, updatedAt: t.updatedAt })

export async function templates(_input: In<'templates'>, ctx: ActionContext): Out<'templates'> {
  // a city keeps a few templates: one page
  const { data } = await ctx.db.collection(M.templates).orderBy('_id', 'asc').limit(100).get()
  return (data as unknown as TemplateDoc[]).map(templateView)
}

function badTemplate(duties: In<'saveTemplate'>['duties']): boolean {
  const dutyIds = new Set(duties.map((d) => d.id))
  const itemIds = duties.flatMap((d) => d.items.map((i) => i.id))
  return dutyIds.size !== duties.length || new Set(itemIds).size !== itemIds.length || duties.some((d) => d.categories.some((c) => !categoryOf(c)))
}

/**
 * The office edits a template: a new version, and every shop on it must sign again. The shops
 * are moved a page of ids at a time by the template index, so a city of thousands is bounded
 * work per round trip.
 */
export async function saveTemplate(input: In<'saveTemplate'>, ctx: ActionContext): Out<'saveTemplate'> {
  if (badTemplate(input.duties)) return frontageFail('FRONTAGE.BAD_TEMPLATE')
  const before = await loadTemplate(ctx.db, input.templateId)
  const now = ctx.clock.now()
  const saved: TemplateDoc = {
    _id: input.templateId,
    name: input.name,
    version: (before?.version ?? 0) + 1,
    duties: input.duties.map((d) => ({ id: d.id, name: d.name, items: d.items.map((i) => ({ id: i.id, text: i.text })), categories: d.categories as TemplateDoc['duties'][number]['categories'] })),
    updatedAt: now,
  }
  const { _id, ...data } = saved
  await ctx.db.collection(M.templates).doc(_id).set({ data })
  const _ = ctx.db.command
  let moved = 0
  let after = ''
  for (;;) {
    const { data: page } = await ctx.db.collection(M.shops).where({ templateId: saved._id, _id: _.gt(after) }).orderBy('_id', 'asc').field({ _id: true }).limit(PAGE).get()
    if (page.length === 0) break
    const ids = page.map((d) => d._id)
    const { stats } = await ctx.db.collection(M.shops).where({ _id: _.in(ids), pledgeVersion: _.lt(saved.version) }).update({ data: { pledgeVersion: saved.version, pledgeSigned: false, updatedAt: now } })
    moved += stats.updated
    after = ids[ids.length - 1]
    if (page.length < PAGE) break
  }
  await writeAudit(ctx, { subjectType: 'template', subjectId: saved._id, action: 'saveTemplate', detail: { version: saved.version, shops: moved } })
  return templateView(saved)
}
