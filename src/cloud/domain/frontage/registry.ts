import {
  BUSINESS_TYPES,
  FRONTAGE_LIMITS,
  SHOP_KIND_LABEL,
  type BusinessTypeId,
  type Duty,
  type FrontageGeometry,
  type ShopKind,
  type ShopPublicView,
  type ShopView,
  type StreetOfficeView,
} from '@/shared/contract/frontage'
import { categoryOf } from '@/shared/report/categories'
import { encodeScene } from '@/shared/scene'
import { fail, type Fail } from '@/shared/errors'
import type { Database, QueryCondition } from '../../platform/database'
import { findById } from '../../platform/find'
import type { Platform } from '../../platform'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import { writeAudit } from '../audit'
import { keyOf } from '../inspect/model'
import { keysetMulti, maskPhone } from '../inspect/sites'
import { gridAt } from '../report/city'
import { claimUploads, takeReservations } from '../upload/reservations'
import { grantRole, revokeRole } from '../user/roles'
import { readSheet } from '../xlsx/read'
import { frontageShape, templateCategories, writeShopCells, type FrontageShape } from './geo'
import { frontageFail, M, type In, type Out, type ShopDoc, type ShopReportDoc } from './model'

/**
 * The registry: the street office (街道办) registers the shops and street-front units of its
 * street, or confirms an owner's own registration; the office (文明办) may do either anywhere.
 * A shop's street is its frontage's grid's 街道; the street office of a 街道 is the 街道办事处 unit
 * frontage_streets names for it.
 */

const DAY = 24 * 60 * 60 * 1000
/** a 责任书 runs for a year or a few; ten years is a typing mistake */
const MAX_TERM_MS = 10 * 366 * DAY
const ENTRY_PAGE = 'pages/entry/index'
const MAX_PENDING_APPLICATIONS = 5

/** What is stored beyond the shared ShopDoc: the unsigned flag the lists filter on, and the door code's image. */
export interface ShopRow extends ShopDoc {
  /** signedVersion === pledgeVersion, kept on every write that changes either */
  pledgeSigned: boolean
  codeFileID?: string | null
  closedReason?: string | null
}

export interface StreetDoc {
  /** the 街道办事处 unit (report_units _id) */
  _id: string
  district: string
}

export interface MemberDoc {
  /** `${shopId}__${openid}` */
  _id: string
  shopId: string
  openid: string
  role: 'owner' | 'staff'
  at: number
}

export interface TemplateDoc {
  _id: string
  name: string
  version: number
  duties: Duty[]
  updatedAt: number
}

export const memberId = (shopId: string, openid: string) => `${shopId}__${openid}`

// ---- who may see what ----

/** The 街道办事处 units the caller is street office of. */
export function streetUnits(ctx: ActionContext): string[] {
  return ctx.grants.filter((g) => g.role === 'street_office' && g.scopeId).map((g) => g.scopeId as string)
}

/** The office, or the street office of the shop's street. */
export const managesShop = (ctx: ActionContext, shop: Pick<ShopDoc, 'streetUnitId'>) => ctx.isAdmin || streetUnits(ctx).includes(shop.streetUnitId)

/** The caller holds shop_owner for this shop (owner or staff). */
export const ownsShop = (ctx: ActionContext, shopId: string) => hasRole(ctx.grants, 'shop_owner', shopId)

export async function loadShop(db: Database, shopId: string): Promise<ShopRow | null> {
  return findById<ShopRow>(db, M.shops, shopId)
}

/**
 * The shop if the caller may see it: the office and its own street office (who also see the
 * owner's phone), or one of its owners/staff. Another street's office and other shops' owners
 * are refused with a code saying which.
 */
export async function shopFor(ctx: ActionContext, shopId: string): Promise<{ shop: ShopRow; manager: boolean } | Fail> {
  const shop = await loadShop(ctx.db, shopId)
  if (!shop) return frontageFail('FRONTAGE.SHOP_NOT_FOUND')
  if (managesShop(ctx, shop)) return { shop, manager: true }
  if (ownsShop(ctx, shopId)) return { shop, manager: false }
  return streetUnits(ctx).length > 0 ? frontageFail('FRONTAGE.NOT_YOUR_STREET') : frontageFail('FRONTAGE.NOT_YOUR_SHOP')
}

/** The 街道办事处 unit of a 街道 (one indexed read), or null when the city has none for it. */
export async function streetUnitOf(db: Database, district: string): Promise<string | null> {
  const { data } = await db.collection(M.streets).where({ district }).limit(1).get()
  return data[0]?._id ?? null
}

export async function loadTemplate(db: Database, templateId: string): Promise<TemplateDoc | null> {
  return findById<TemplateDoc>(db, M.templates, templateId)
}

// ---- views ----

export function shopView(shop: ShopRow, seesPhone: boolean, templateName: string): ShopView {
  return {
    shopId: shop._id,
    code: shop.code,
    name: shop.name,
    kind: shop.kind,
    businessType: shop.businessType,
    address: shop.address,
    frontage: shop.frontage,
    district: shop.district,
    status: shop.status,
    ownerName: shop.ownerName,
    ownerPhone: seesPhone ? shop.ownerPhone : maskPhone(shop.ownerPhone),
    templateName,
    pledgeVersion: shop.pledgeVersion,
    signedVersion: shop.signedVersion,
    signedAt: shop.signedAt,
    termFrom: shop.termFrom,
    termTo: shop.termTo,
    waitingReports: shop.waitingReports,
    stars: shop.stars,
  }
}

/** Template names for a page of shops: one read per distinct template (a city has a few). */
async function templateNames(db: Database, shops: ShopRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  for (const id of new Set(shops.map((s) => s.templateId).filter(Boolean))) names.set(id, (await loadTemplate(db, id))?.name ?? '')
  return names
}

export async function shopViews(ctx: ActionContext, shops: ShopRow[]): Promise<ShopView[]> {
  const names = await templateNames(ctx.db, shops)
  return shops.map((s) => shopView(s, managesShop(ctx, s), names.get(s.templateId) ?? ''))
}

/** What anyone may see of a shop: its duties, stars and record — no owner, no phone, no reporter. */
export async function publicView(db: Database, shop: ShopRow): Promise<ShopPublicView> {
  const template = shop.templateId ? await loadTemplate(db, shop.templateId) : null
  const _ = db.command
  const { data } = await db
    .collection(M.shopReports)
    .where({ shopId: shop._id, fixedInTime: _.in([true, false]) })
    .orderBy('createdAt', 'desc')
    .limit(FRONTAGE_LIMITS.recordItems)
    .get()
  const record = (data as unknown as ShopReportDoc[]).map((r) => ({
    categoryName: categoryOf(r.categoryId)?.name ?? '其他',
    at: r.answeredAt ?? r.escalatedAt ?? r.createdAt,
    fixedInTime: r.fixedInTime === true,
  }))
  return {
    shopId: shop._id,
    code: shop.code,
    name: shop.name,
    businessType: shop.businessType,
    address: shop.address,
    duties: (template?.duties ?? []).map((d) => ({ name: d.name, items: d.items.map((i) => i.text), itemIds: d.items.map((i) => i.id) })),
    stars: shop.stars,
    starsMonth: shop.starsMonth,
    record,
    place: { lat: shop.anchor.lat, lng: shop.anchor.lng, address: shop.address },
    categories: [...new Set((template?.duties ?? []).flatMap((d) => d.categories))],
    signed: shop.signedVersion !== null && shop.signedVersion === shop.pledgeVersion,
  }
}

// ---- writing a shop ----

export interface ShopFields {
  name: string
  kind: ShopKind
  businessType: BusinessTypeId
  address: string
  frontage: FrontageGeometry
  ownerName: string
  ownerPhone: string
}

export interface Placed {
  shape: FrontageShape
  gridId: string
  district: string
  streetUnitId: string
}

/** The frontage's shape, its grid and the street office of its 街道; nothing is written. */
export async function placeFrontage(platform: Platform, frontage: FrontageGeometry): Promise<Placed | Fail> {
  const shape = frontageShape(frontage)
  if ('ok' in shape) return shape
  const grid = await gridAt(platform, shape.anchor)
  if (!grid) return frontageFail('FRONTAGE.OUTSIDE_CITY')
  const streetUnitId = await streetUnitOf(platform.db, grid.district)
  if (!streetUnitId) return frontageFail('FRONTAGE.NOT_YOUR_STREET', `${grid.district}还没有对应的街道办事处，请联系文明办`)
  return { shape, gridId: grid._id, district: grid.district, streetUnitId }
}

export function checkTerm(termFrom: number, termTo: number): Fail | null {
  if (termTo <= termFrom) return frontageFail('FRONTAGE.BAD_TERM')
  if (termTo - termFrom > MAX_TERM_MS) return frontageFail('FRONTAGE.BAD_TERM', '责任书期限不能超过十年')
  return null
}

const codeOf = (n: number) => `MQ-${String(n).padStart(5, '0')}`

export interface NewShop {
  shopId: string
  fields: ShopFields
  placed: Placed
  status: 'pending' | 'active'
  applicantOpenid: string | null
  template: TemplateDoc | null
  termFrom: number
  termTo: number
}

/**
 * Stores a new shop under `shopId` with the next door-code number, in one transaction with the
 * counter (a number is never handed out twice); a shop already stored under that id (the same
 * request sent again) is returned as it is. The cells follow the transaction.
 */
export async function insertShop(platform: Platform, s: NewShop): Promise<{ shop: ShopRow; created: boolean }> {
  const now = platform.clock.now()
  const result = await platform.db.runTransaction(async (tx) => {
    const ref = tx.collection(M.shops).doc(s.shopId)
    const before = (await ref.get().catch(() => null))?.data as unknown as ShopRow | undefined
    if (before) return { shop: { ...before, _id: s.shopId }, created: false }
    const seqRef = tx.collection(M.seq).doc('shop')
    const seq = (await seqRef.get().catch(() => null))?.data as unknown as { n?: number } | undefined
    const n = (seq?.n ?? 0) + 1
    await seqRef.set({ data: { n } })
    const version = s.template?.version ?? 0
    const shop: ShopRow = {
      _id: s.shopId,
      code: codeOf(n),
      ...s.fields,
      minLat: s.placed.shape.minLat,
      maxLat: s.placed.shape.maxLat,
      minLng: s.placed.shape.minLng,
      maxLng: s.placed.shape.maxLng,
      anchor: s.placed.shape.anchor,
      gridId: s.placed.gridId,
      district: s.placed.district,
      streetUnitId: s.placed.streetUnitId,
      status: s.status,
      applicantOpenid: s.applicantOpenid,
      templateId: s.template?._id ?? '',
      pledgeVersion: version,
      signedVersion: null,
      signedAt: null,
      pledgeSigned: false,
      termFrom: s.termFrom,
      termTo: s.termTo,
      waitingReports: 0,
      stars: null,
      starsMonth: null,
      codeFileID: null,
      closedReason: null,
      createdAt: now,
      updatedAt: now,
    }
    const { _id, ...data } = shop
    void _id
    await ref.set({ data })
    return { shop, created: true }
  })
  if (result.created) await writeShopCells(platform.db, s.shopId, s.placed.shape.cells)
  return result
}

/** Replaces a shop's registered fields and place (a re-imported row), keeping its pledge, code and record. */
async function updateShopFields(platform: Platform, shop: ShopRow, fields: ShopFields, placed: Placed): Promise<void> {
  await platform.db
    .collection(M.shops)
    .doc(shop._id)
    .update({
      data: {
        ...fields,
        frontage: platform.db.command.set(fields.frontage),
        minLat: placed.shape.minLat,
        maxLat: placed.shape.maxLat,
        minLng: placed.shape.minLng,
        maxLng: placed.shape.maxLng,
        anchor: platform.db.command.set(placed.shape.anchor),
        gridId: placed.gridId,
        district: placed.district,
        streetUnitId: placed.streetUnitId,
        updatedAt: platform.clock.now(),
      },
    })
  await writeShopCells(platform.db, shop._id, placed.shape.cells)
}

const fieldsOf = (input: ShopFields): ShopFields => ({
  name: input.name,
  kind: input.kind,
  businessType: input.businessType,
  address: input.address,
  frontage: input.frontage,
  ownerName: input.ownerName,
  ownerPhone: input.ownerPhone,
})

// ---- actions ----

export async function streetHome(_input: In<'streetHome'>, ctx: ActionContext): Out<'streetHome'> {
  let streets: StreetDoc[]
  if (ctx.isAdmin) {
    // a city has a few dozen 街道: one page
    const { data } = await ctx.db.collection(M.streets).orderBy('district', 'asc').limit(100).get()
    streets = data as unknown as StreetDoc[]
  } else {
    const units = streetUnits(ctx)
    const { data } = units.length ? await ctx.db.collection(M.streets).where({ _id: ctx.db.command.in(units.slice(0, 100)) }).limit(100).get() : { data: [] }
    streets = data as unknown as StreetDoc[]
  }
  const names = new Map<string, string>()
  if (streets.length) {
    const { data } = await ctx.db.collection('report_units').where({ _id: ctx.db.command.in(streets.map((s) => s._id)) }).field({ name: true }).limit(100).get()
    for (const u of data) names.set(u._id, String(u.name))
  }
  const _ = ctx.db.command
  const out: StreetOfficeView[] = []
  for (const s of streets) {
    const count = async (where: QueryCondition) => (await ctx.db.collection(M.shops).where(where).count()).total
    // the shops with reports waiting now: few at a time, each carrying its own counter
    const { data: waiting } = await ctx.db.collection(M.shops).where({ streetUnitId: s._id, status: 'active', waitingReports: _.gt(0) }).field({ waitingReports: true }).limit(100).get()
    out.push({
      unitId: s._id,
      unitName: names.get(s._id) ?? '',
      district: s.district,
      counts: {
        active: await count({ streetUnitId: s._id, status: 'active' }),
        pending: await count({ streetUnitId: s._id, status: 'pending' }),
        unsigned: await count({ streetUnitId: s._id, status: 'active', pledgeSigned: false }),
        waitingReports: waiting.reduce((sum, d) => sum + Number(d.waitingReports ?? 0), 0),
      },
    })
  }
  return out
}

export async function registerShop(input: In<'registerShop'>, ctx: ActionContext): Out<'registerShop'> {
  const shopId = `shop-${keyOf('register', ctx.caller.openid, input.requestId).slice(0, 16)}`
  const again = await loadShop(ctx.db, shopId)
  if (again) return shopView(again, managesShop(ctx, again), (await loadTemplate(ctx.db, again.templateId))?.name ?? '')
  const badTerm = checkTerm(input.termFrom, input.termTo)
  if (badTerm) return badTerm
  const template = await loadTemplate(ctx.db, input.templateId)
  if (!template) return frontageFail('FRONTAGE.TEMPLATE_NOT_FOUND')
  const placed = await placeFrontage(ctx, input.frontage)
  if ('ok' in placed) return placed
  if (!ctx.isAdmin && !streetUnits(ctx).includes(placed.streetUnitId)) return frontageFail('FRONTAGE.NOT_YOUR_STREET')
  const { shop, created } = await insertShop(ctx, {
    shopId,
    fields: fieldsOf(input),
    placed,
    status: 'active',
    applicantOpenid: null,
    template,
    termFrom: input.termFrom,
    termTo: input.termTo,
  })
  if (created) await writeAudit(ctx, { subjectType: 'shop', subjectId: shopId, action: 'registerShop', detail: { code: shop.code, district: shop.district } })
  return shopView(shop, true, template.name)
}

export async function applyShop(input: In<'applyShop'>, ctx: ActionContext): Out<'applyShop'> {
  const shopId = `shop-${keyOf('apply', ctx.caller.openid, input.requestId).slice(0, 16)}`
  const again = await loadShop(ctx.db, shopId)
  if (again) return shopView(again, managesShop(ctx, again), '')
  // an owner registers a shop or two; more waiting at once is a mistake or a flood
  const { total: waiting } = await ctx.db.collection(M.shops).where({ applicantOpenid: ctx.caller.openid, status: 'pending' }).count()
  if (waiting >= MAX_PENDING_APPLICATIONS) return frontageFail('FRONTAGE.TOO_MANY_APPLICATIONS')
  const placed = await placeFrontage(ctx, input.frontage)
  if ('ok' in placed) return placed
  const { shop, created } = await insertShop(ctx, {
    shopId,
    fields: fieldsOf(input),
    placed,
    status: 'pending',
    applicantOpenid: ctx.caller.openid,
    template: null,
    termFrom: 0,
    termTo: 0,
  })
  if (created) await writeAudit(ctx, { subjectType: 'shop', subjectId: shopId, action: 'applyShop', detail: { district: shop.district } })
  return shopView(shop, managesShop(ctx, shop), '')
}

export async function confirmShop(input: In<'confirmShop'>, ctx: ActionContext): Out<'confirmShop'> {
  const shop = await loadShop(ctx.db, input.shopId)
  if (!shop) return frontageFail('FRONTAGE.SHOP_NOT_FOUND')
  if (!managesShop(ctx, shop)) return frontageFail('FRONTAGE.NOT_YOUR_STREET')
  if (shop.status !== 'pending') return frontageFail('FRONTAGE.NOT_PENDING')
  const now = ctx.clock.now()
  let template: TemplateDoc | null = null
  if (input.decision === 'confirm') {
    template = input.templateId ? await loadTemplate(ctx.db, input.templateId) : null
    if (!template) return frontageFail('FRONTAGE.TEMPLATE_NOT_FOUND')
    if (input.termFrom === undefined || input.termTo === undefined) return frontageFail('FRONTAGE.BAD_TERM', '请填写责任书期限')
    const badTerm = checkTerm(input.termFrom, input.termTo)
    if (badTerm) return badTerm
  }
  const patch: Partial<ShopRow> =
    input.decision === 'confirm' && template
      ? { status: 'active', templateId: template._id, pledgeVersion: template.version, signedVersion: null, signedAt: null, pledgeSigned: false, termFrom: input.termFrom ?? 0, termTo: input.termTo ?? 0, updatedAt: now }
      : { status: 'closed', closedReason: input.reason || '登记信息有误，请核对后重新登记', updatedAt: now }
  // the status is the guard: two clicks of 确认 confirm once
  const { stats } = await ctx.db.collection(M.shops).where({ _id: shop._id, status: 'pending' }).update({ data: patch })
  if (stats.updated === 0) return frontageFail('FRONTAGE.NOT_PENDING')
  if (input.decision === 'confirm' && shop.applicantOpenid) {
    const member: MemberDoc = { _id: memberId(shop._id, shop.applicantOpenid), shopId: shop._id, openid: shop.applicantOpenid, role: 'owner', at: now }
    const { _id, ...data } = member
    await ctx.db.collection(M.members).doc(_id).set({ data })
    const granted = await grantRole({ openid: shop.applicantOpenid, role: 'shop_owner', scopeId: shop._id }, ctx)
    if ('ok' in granted) return granted
  } else if (input.decision === 'refuse') {
    await writeShopCells(ctx.db, shop._id, [])
  }
  await writeAudit(ctx, { subjectType: 'shop', subjectId: shop._id, action: 'confirmShop', detail: { decision: input.decision, reason: input.reason ?? null } })
  const after = { ...shop, ...patch } as ShopRow
  return shopView(after, true, template?.name ?? '')
}

// ---- the sheet ----

export const SHOP_COLUMNS = {
  name: '门店名称',
  kind: '类型',
  businessType: '经营类别',
  address: '地址',
  ownerName: '负责人',
  ownerPhone: '联系电话',
  fromLng: '起点经度',
  fromLat: '起点纬度',
  toLng: '终点经度',
  toLat: '终点纬度',
  template: '责任书模板',
} as const
type ShopColumn = keyof typeof SHOP_COLUMNS
const REQUIRED_COLUMNS: ShopColumn[] = ['name', 'kind', 'businessType', 'address', 'ownerName', 'ownerPhone', 'fromLng', 'fromLat', 'toLng', 'toLat']
const SHEET_MAX_BYTES = 5 * 1024 * 1024
const PHONE = /^[0-9-]{7,20}$/
const KIND_BY_LABEL = new Map<string, ShopKind>(Object.entries(SHOP_KIND_LABEL).map(([k, v]) => [v, k as ShopKind]))
const BUSINESS_BY_NAME = new Map<string, BusinessTypeId>(BUSINESS_TYPES.map((b) => [b.name as string, b.id]))
const DEFAULT_TEMPLATE = 'three'

const sheetInvalid = (issues: Array<{ path: string; message: string }>) => fail('FRONTAGE.SHEET_INVALID', '表格有误，未导入任何内容', issues.slice(0, 200))

/**
 * A street's existing list from Excel: one row a shop, its frontage the shopfront's two ends.
 * Every row is checked before anything is written; a row with the name and address of a shop
 * already registered updates that shop (its pledge and record stay).
 */
export async function importShops(input: In<'importShops'>, ctx: ActionContext): Out<'importShops'> {
  const claim = await claimUploads(ctx, 'sheets', [input.fileId])
  if (claim === 'not-yours' || claim === 'not-found') return frontageFail('FRONTAGE.SHEET_UNREADABLE', '文件不存在或不是您上传的')
  if (claim === 'wrong-type') return frontageFail('FRONTAGE.SHEET_UNREADABLE')
  const { fileContent } = await ctx.storage.downloadFile({ fileID: input.fileId })
  if (fileContent.length > SHEET_MAX_BYTES) return frontageFail('FRONTAGE.SHEET_UNREADABLE', '表格太大，请分成几个文件导入')
  const sheet = readSheet(new Uint8Array(fileContent), { maxRows: FRONTAGE_LIMITS.shopsPerSheet })
  if (!sheet) return frontageFail('FRONTAGE.SHEET_UNREADABLE')
  const missing = REQUIRED_COLUMNS.filter((c) => !sheet.headers.includes(SHOP_COLUMNS[c]))
  if (missing.length) return sheetInvalid([{ path: '表头', message: `缺少列：${missing.map((c) => SHOP_COLUMNS[c]).join('、')}` }])
  const rows = sheet.rows.filter((r) => Object.values(r.cells).some((v) => String(v ?? '').trim() !== ''))
  if (rows.length === 0) return sheetInvalid([{ path: '表格', message: '表格里没有门店' }])
  if (rows.length > FRONTAGE_LIMITS.shopsPerSheet) return sheetInvalid([{ path: '表格', message: `一次最多导入 ${FRONTAGE_LIMITS.shopsPerSheet} 家门店` }])

  const templates = new Map<string, TemplateDoc>()
  const templateByName = async (name: string): Promise<TemplateDoc | null> => {
    const key = name || DEFAULT_TEMPLATE
    if (!templates.has(key)) {
      const byId = name ? null : await loadTemplate(ctx.db, DEFAULT_TEMPLATE)
      const found = byId ?? (name ? ((await ctx.db.collection(M.templates).where({ name }).limit(1).get()).data[0] as unknown as TemplateDoc | undefined) ?? null : null)
      if (found) templates.set(key, found)
      else return null
    }
    return templates.get(key) ?? null
  }
  const mine = streetUnits(ctx)
  const issues: Array<{ path: string; message: string }> = []
  const ready: Array<{ existing: ShopRow | null; fields: ShopFields; placed: Placed; template: TemplateDoc; row: number }> = []
  const seen = new Set<string>()
  for (const r of rows) {
    const v = (c: ShopColumn) => String(r.cells[SHOP_COLUMNS[c]] ?? '').trim()
    const path = `第${r.row}行`
    const problems: string[] = []
    const name = v('name')
    const address = v('address')
    if (!name || name.length > 60) problems.push('门店名称须填写，不超过 60 字')
    if (!address || address.length > 120) problems.push('地址须填写，不超过 120 字')
    const kind = KIND_BY_LABEL.get(v('kind'))
    if (!kind) problems.push(`类型须是「商户」或「单位」：${v('kind') || '（空）'}`)
    const businessType = BUSINESS_BY_NAME.get(v('businessType'))
    if (!businessType) problems.push(`没有这个经营类别：${v('businessType') || '（空）'}（可填：${BUSINESS_TYPES.map((b) => b.name).join('、')}）`)
    const ownerName = v('ownerName')
    if (!ownerName || ownerName.length > 20) problems.push('负责人须填写，不超过 20 字')
    const ownerPhone = v('ownerPhone')
    if (!PHONE.test(ownerPhone)) problems.push('联系电话格式不正确')
    const nums = (['fromLng', 'fromLat', 'toLng', 'toLat'] as const).map((c) => (v(c) === '' ? NaN : Number(v(c))))
    const [fromLng, fromLat, toLng, toLat] = nums
    const coordsOk = nums.every(Number.isFinite) && Math.abs(fromLat) <= 90 && Math.abs(toLat) <= 90 && Math.abs(fromLng) <= 180 && Math.abs(toLng) <= 180
    if (!coordsOk) problems.push('起点、终点的经度和纬度须是数字')
    const template = await templateByName(v('template'))
    if (!template) problems.push(`没有这个责任书模板：${v('template')}`)
    const key = `${name}\u0000${address}`
    if (name && address && seen.has(key)) problems.push('与前面某行是同一家门店（名称和地址相同）')
    seen.add(key)
    if (problems.length === 0 && kind && businessType && template) {
      const frontage: FrontageGeometry = { type: 'LineString', coordinates: [[fromLng, fromLat], [toLng, toLat]] }
      const placed = await placeFrontage(ctx, frontage)
      if ('ok' in placed) {
        problems.push(placed.code === 'FRONTAGE.OUTSIDE_CITY' ? '位置不在本市网格范围内（请核对经纬度）' : placed.message)
      } else if (!ctx.isAdmin && !mine.includes(placed.streetUnitId)) {
        problems.push(`这家门店在${placed.district}，不在您街道的范围内`)
      } else {
        const { data } = await ctx.db.collection(M.shops).where({ name, address }).limit(100).get()
        const existing = (data as unknown as ShopRow[]).find((s) => s.status !== 'closed') ?? null
        ready.push({ existing, fields: { name, kind, businessType, address, frontage, ownerName, ownerPhone }, placed, template, row: r.row })
      }
    }
    for (const message of problems) issues.push({ path, message })
  }
  if (issues.length) return sheetInvalid(issues)
  const added = ready.filter((r) => !r.existing).length
  const view = { applied: !input.dryRun, added, updated: ready.length - added, rows: rows.length }
  if (input.dryRun) return view
  if (!(await takeReservations(ctx, claim))) return frontageFail('FRONTAGE.SHEET_UNREADABLE', '文件不存在或不是您上传的')
  const now = ctx.clock.now()
  for (const r of ready) {
    if (r.existing) {
      await updateShopFields(ctx, r.existing, r.fields, r.placed)
      continue
    }
    await insertShop(ctx, {
      shopId: `shop-${keyOf('import', input.fileId, String(r.row)).slice(0, 16)}`,
      fields: r.fields,
      placed: r.placed,
      status: 'active',
      applicantOpenid: null,
      template: r.template,
      // the imported list's 责任书 runs a year from the import; the street office may re-sign later
      termFrom: now,
      termTo: now + 365 * DAY,
    })
  }
  await writeAudit(ctx, { subjectType: 'shop', subjectId: input.fileId, action: 'importShops', detail: { added, updated: view.updated } })
  return view
}

// ---- lists and one shop ----

export async function shops(input: In<'shops'>, ctx: ActionContext): Out<'shops'> {
  const _ = ctx.db.command
  const where: Record<string, unknown> = {}
  if (!ctx.isAdmin) {
    const units = streetUnits(ctx)
    if (units.length === 0) return { items: [], nextCursor: null }
    where.streetUnitId = units.length === 1 ? units[0] : _.in(units.slice(0, 100))
  }
  if (input.unsigned) {
    where.status = 'active'
    where.pledgeSigned = false
  } else if (input.status) where.status = input.status
  const page = await keysetMulti<ShopRow>(ctx.db, M.shops, where, [['name', 'asc']], FRONTAGE_LIMITS.pageSize, input.cursor)
  return { items: await shopViews(ctx, page.docs), nextCursor: page.next }
}

export async function shop(input: In<'shop'>, ctx: ActionContext): Out<'shop'> {
  const found = await shopFor(ctx, input.shopId)
  if ('ok' in found) return found
  return (await shopViews(ctx, [found.shop]))[0]
}

export async function closeShop(input: In<'closeShop'>, ctx: ActionContext): Out<'closeShop'> {
  const found = await loadShop(ctx.db, input.shopId)
  if (!found || found.status === 'closed') return frontageFail('FRONTAGE.SHOP_NOT_FOUND')
  if (!managesShop(ctx, found)) return frontageFail('FRONTAGE.NOT_YOUR_STREET')
  const now = ctx.clock.now()
  await ctx.db.collection(M.shops).doc(found._id).update({ data: { status: 'closed', closedReason: input.reason, updatedAt: now } })
  // a closed shop's frontage no longer takes reports: its cells go, its record stays
  await writeShopCells(ctx.db, found._id, [])
  await writeAudit(ctx, { subjectType: 'shop', subjectId: found._id, action: 'closeShop', detail: { reason: input.reason } })
  return (await shopViews(ctx, [{ ...found, status: 'closed', closedReason: input.reason, updatedAt: now }]))[0]
}

/** 一店一码: the door code is made once per shop and kept in storage; the card shows it with the public view. */
export async function doorCard(input: In<'doorCard'>, ctx: ActionContext): Out<'doorCard'> {
  const found = await shopFor(ctx, input.shopId)
  if ('ok' in found) return found
  const s = found.shop
  if (s.status !== 'active') return frontageFail('FRONTAGE.NOT_ACTIVE')
  const scene = encodeScene({ kind: 'shopDoor', shopId: s._id })
  let fileID = s.codeFileID ?? null
  if (!fileID) {
    const code = await ctx.openApi.createMiniProgramCode({ scene, page: ENTRY_PAGE, width: 430 })
    fileID = (await ctx.storage.uploadFile({ cloudPath: `frontage/doors/${s._id}.png`, fileContent: code.buffer })).fileID
    await ctx.db.collection(M.shops).doc(s._id).update({ data: { codeFileID: fileID } })
  }
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: [fileID] })
  return { shop: await publicView(ctx.db, s), codeImageUrl: fileList[0]?.tempFileURL ?? '', scene }
}

export async function myShops(_input: In<'myShops'>, ctx: ActionContext): Out<'myShops'> {
  const _ = ctx.db.command
  const { data: members } = await ctx.db.collection(M.members).where({ openid: ctx.caller.openid }).orderBy('shopId', 'asc').limit(100).get()
  const ids = members.map((m) => String(m.shopId))
  const { data: owned } = ids.length ? await ctx.db.collection(M.shops).where({ _id: _.in(ids) }).limit(100).get() : { data: [] }
  const { data: pending } = await ctx.db.collection(M.shops).where({ applicantOpenid: ctx.caller.openid, status: 'pending' }).orderBy('createdAt', 'desc').limit(100).get()
  const mineShops = (owned as unknown as ShopRow[]).filter((s) => s.status !== 'closed').sort((a, b) => a.name.localeCompare(b.name, 'zh'))
  return { shops: await shopViews(ctx, mineShops), pending: await shopViews(ctx, pending as unknown as ShopRow[]) }
}

export async function shopPublic(input: In<'shopPublic'>, ctx: ActionContext): Out<'shopPublic'> {
  const s = await loadShop(ctx.db, input.shopId)
  if (!s || s.status !== 'active') return frontageFail('FRONTAGE.SHOP_NOT_FOUND')
  return publicView(ctx.db, s)
}

/** The categories a shop's 责任书 covers (for others: the report routing asks this through frontageAt). */
export const shopCategories = (db: Database, shop: Pick<ShopDoc, 'templateId'>) => templateCategories(db, shop.templateId)

/**
 * The street office names the owner of a shop it registered (or imported): a shop the office put
 * on the list has an owner's name and phone but no account until someone holds the role. One
 * owner per shop: a previous owner leaves (their role revoked); staff stay.
 */
export async function setOwner(input: In<'setOwner'>, ctx: ActionContext): Out<'setOwner'> {
  const shop = await loadShop(ctx.db, input.shopId)
  if (!shop) return frontageFail('FRONTAGE.SHOP_NOT_FOUND')
  if (!managesShop(ctx, shop)) return frontageFail('FRONTAGE.NOT_YOUR_STREET')
  if (shop.status !== 'active') return frontageFail('FRONTAGE.NOT_ACTIVE')
  const { data } = await ctx.db.collection(M.members).where({ shopId: shop._id, role: 'owner' }).limit(10).get()
  for (const previous of data as unknown as MemberDoc[]) {
    if (previous.openid === input.openid) continue
    await ctx.db.collection(M.members).doc(previous._id).remove()
    const revoked = await revokeRole({ openid: previous.openid, role: 'shop_owner', scopeId: shop._id }, ctx)
    if ('ok' in revoked && revoked.code !== 'USER.GRANT_NOT_FOUND') return revoked
  }
  const member: MemberDoc = { _id: memberId(shop._id, input.openid), shopId: shop._id, openid: input.openid, role: 'owner', at: ctx.clock.now() }
  const { _id, ...fields } = member
  // set(): naming the same owner twice, or promoting a staff member, leaves one record
  await ctx.db.collection(M.members).doc(_id).set({ data: fields })
  const granted = await grantRole({ openid: input.openid, role: 'shop_owner', scopeId: shop._id }, ctx)
  if ('ok' in granted) return granted
  await writeAudit(ctx, { subjectType: 'shop', subjectId: shop._id, action: 'setOwner', detail: { openid: input.openid } })
  const updated = await loadShop(ctx.db, shop._id)
  return (await shopViews(ctx, [updated ?? shop]))[0]
}
