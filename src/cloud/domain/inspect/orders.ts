import { INSPECT_LIMITS, ORDER_STATUSES, type OrderEventView, type OrderListItem, type OrderPhotoView, type OrderStatus, type OrderView } from '@/shared/contract/inspect'
import type { Fail } from '@/shared/errors'
import type { Database } from '../../platform/database'
import { findById } from '../../platform/find'
import type { Platform } from '../../platform'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import { keysetPage } from '../report/paging'
import { claimUploads, consumeReservations, ReservationTaken } from '../upload/reservations'
import { deductionOf, recordOrder } from './ledger'
import { I, inspectFail, type OrderDoc, type OrderEvent, type StandardDoc, type StoredPhoto, type TeamDoc, type In, type Out } from './model'
import { callerTeam, changeSite, incTotals, liaisonUnits, oldestOpenAt, teamCovers } from './sites'

/**
 * 督办单: one per problem an inspection found. The unit's 联络员 answers it with after-photos
 * (待整改 → 待复查); an inspector of a team covering the site, or the office, closes it by 回头看
 * or sends it back (整改不实, counted). Every change of its deduction goes to the ledger as a
 * before/after pair; the site's open and overdue counts move in the change's own transaction.
 */

const ROLE_LABEL: Record<OrderEvent['role'], string> = { inspector: '督查员', liaison: '单位联络员', admin: '文明办' }
const UNCLOSED: OrderStatus[] = ['open', 'answered']

export const isOverdue = (o: Pick<OrderDoc, 'status' | 'dueAt'>, now: number) => o.status !== 'closed' && o.dueAt < now

async function namesIn(db: Database, collection: string, ids: Iterable<string>, fields: Record<string, boolean>): Promise<Map<string, Record<string, unknown>>> {
  const wanted = [...new Set(ids)]
  const out = new Map<string, Record<string, unknown>>()
  for (let i = 0; i < wanted.length; i += 100) {
    const { data } = await db.collection(collection).where({ _id: db.command.in(wanted.slice(i, i + 100)) }).field(fields).limit(100).get()
    for (const d of data) out.set(d._id, d)
  }
  return out
}

/** List rows for orders: the unit's and the standard's names fetched once for the page. */
export async function orderListItems(platform: Pick<Platform, 'db' | 'clock'>, docs: OrderDoc[]): Promise<OrderListItem[]> {
  const units = await namesIn(platform.db, 'report_units', docs.map((d) => d.unitId), { name: true })
  const standards = await namesIn(platform.db, I.standards, docs.map((d) => d.standardId), { number: true, text: true })
  const now = platform.clock.now()
  return docs.map((d) => {
    const s = standards.get(d.standardId) as Partial<StandardDoc> | undefined
    return {
      orderId: d._id,
      code: d.code,
      site: { siteId: d.siteId, name: d.siteName },
      unit: { unitId: d.unitId, name: String(units.get(d.unitId)?.name ?? '') },
      standard: { standardId: d.standardId, number: s?.number ?? '', text: s?.text ?? '' },
      description: d.description,
      severity: d.severity,
      level: d.level,
      status: d.status,
      repeat: d.repeat,
      foundAt: d.foundAt,
      dueAt: d.dueAt,
      overdue: isOverdue(d, now),
    }
  })
}

async function photoViews(ctx: ActionContext, photos: StoredPhoto[]): Promise<OrderPhotoView[]> {
  if (photos.length === 0) return []
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: photos.map((p) => p.fileId) })
  const urls = new Map(fileList.map((f) => [f.fileID, f.tempFileURL]))
  return photos.map((p) => ({ url: urls.get(p.fileId) ?? '', takenAt: p.takenAt }))
}

/** Who the caller acts as on this order, or why not: the office, an inspector covering its site, its unit's 联络员. */
async function roleOn(ctx: ActionContext, order: OrderDoc): Promise<{ role: OrderEvent['role']; team: TeamDoc | null; liaison: boolean } | Fail> {
  const team = hasRole(ctx.grants, 'inspector') ? await callerTeam(ctx) : null
  const liaison = liaisonUnits(ctx).includes(order.unitId)
  if (ctx.isAdmin) return { role: 'admin', team, liaison }
  if (liaison) return { role: 'liaison', team, liaison }
  if (team && teamCovers(team, order.district)) return { role: 'inspector', team, liaison }
  return team || liaisonUnits(ctx).length === 0 ? inspectFail('INSPECT.NOT_YOUR_AREA') : inspectFail('INSPECT.NOT_YOUR_UNIT')
}

async function orderView(ctx: ActionContext, order: OrderDoc, as: { team: TeamDoc | null; liaison: boolean }): Promise<OrderView> {
  const [item] = await orderListItems(ctx, [order])
  const d = deductionOf(order)
  const history: OrderEventView[] = order.history.map((h) => ({ at: h.at, action: h.action, by: ROLE_LABEL[h.role], note: h.note }))
  return {
    ...item,
    photos: await photoViews(ctx, order.photos),
    answer: order.answer ? { note: order.answer.note, photos: await photoViews(ctx, order.answer.photos), at: order.answer.at } : null,
    falseCount: order.falseCount,
    deduction: { points: d.centi / 100, how: d.how },
    history,
    mayAnswer: order.status === 'open' && as.liaison,
    mayRecheck: order.status === 'answered' && (ctx.isAdmin || (as.team !== null && teamCovers(as.team, order.district))),
  }
}

// ---- lists ----

type Scope = { where: Record<string, unknown> } | { empty: true } | Fail

/** The orders the caller may list, as the leading equality fields of an index. */
async function scopeOf(ctx: ActionContext, input: { unitId?: string; siteId?: string }): Promise<Scope> {
  const _ = ctx.db.command
  const where: Record<string, unknown> = {}
  if (input.siteId) where.siteId = input.siteId
  if (input.unitId) where.unitId = input.unitId
  if (ctx.isAdmin) return { where }
  const team = hasRole(ctx.grants, 'inspector') ? await callerTeam(ctx) : null
  if (team) {
    if (team.area !== null) where.district = team.area
    return { where }
  }
  const units = liaisonUnits(ctx)
  if (units.length === 0) return inspectFail('INSPECT.NO_TEAM')
  if (input.unitId) return units.includes(input.unitId) ? { where } : { empty: true }
  where.unitId = units.length === 1 ? units[0] : _.in(units)
  return { where }
}

async function countsOf(db: Database, where: Record<string, unknown>): Promise<Record<OrderStatus, number>> {
  const counts = { open: 0, answered: 0, closed: 0 }
  for (const status of ORDER_STATUSES) counts[status] = (await db.collection(I.orders).where({ ...where, status }).count()).total
  return counts
}

export async function orders(input: In<'orders'>, ctx: ActionContext): Out<'orders'> {
  const scope = await scopeOf(ctx, input)
  if ('ok' in scope) return scope
  if ('empty' in scope) return { items: [], nextCursor: null, counts: { open: 0, answered: 0, closed: 0 } }
  const status = input.status ? input.status : ctx.db.command.in([...ORDER_STATUSES])
  const page = await keysetPage<OrderDoc>(ctx.db, {
    collection: I.orders,
    where: { ...scope.where, status },
    field: 'foundAt',
    order: 'desc',
    pageSize: INSPECT_LIMITS.pageSize,
    cursor: input.cursor,
  })
  return { items: await orderListItems(ctx, page.docs), nextCursor: page.next, counts: await countsOf(ctx.db, scope.where) }
}

export async function order(input: In<'order'>, ctx: ActionContext): Out<'order'> {
  const doc = await findById<OrderDoc>(ctx.db, I.orders, input.orderId)
  if (!doc) return inspectFail('INSPECT.ORDER_NOT_FOUND')
  const as = await roleOn(ctx, doc)
  if ('ok' in as) return as
  return orderView(ctx, doc, as)
}

export async function rechecks(input: In<'rechecks'>, ctx: ActionContext): Out<'rechecks'> {
  const scope = await scopeOf(ctx, {})
  if ('ok' in scope) return scope
  if ('empty' in scope) return { items: [], nextCursor: null, counts: { open: 0, answered: 0, closed: 0 } }
  // the longest-waiting first: an answer not checked is a unit left waiting
  const page = await keysetPage<OrderDoc>(ctx.db, {
    collection: I.orders,
    where: { ...scope.where, status: 'answered' },
    field: 'foundAt',
    order: 'asc',
    pageSize: INSPECT_LIMITS.pageSize,
    cursor: input.cursor,
  })
  return { items: await orderListItems(ctx, page.docs), nextCursor: page.next, counts: await countsOf(ctx.db, scope.where) }
}

/** 回头看 waiting in a team's area (or the city's), an indexed count. */
export async function recheckCount(db: Database, area: string | null): Promise<number> {
  return (await db.collection(I.orders).where(area === null ? { status: 'answered' } : { district: area, status: 'answered' }).count()).total
}

// ---- changes ----

/** Photos the caller attaches: their own reservations in the inspect area, each through the image check. */
export async function checkInspectPhotos(ctx: ActionContext, photos: Array<{ fileId: string; takenAt?: number; lat?: number; lng?: number }>): Promise<{ photos: StoredPhoto[]; reservations: string[] } | Fail> {
  const claim = await claimUploads(ctx, 'inspect', photos.map((p) => p.fileId))
  if (claim === 'not-yours' || claim === 'not-found') return inspectFail('INSPECT.FILE_NOT_YOURS')
  if (claim === 'wrong-type') return inspectFail('INSPECT.FILE_NOT_YOURS', '照片必须是 JPG、PNG、WEBP 或 GIF 图片')
  const checked = new Set<string>()
  for (const p of photos) {
    if (checked.has(p.fileId)) continue
    checked.add(p.fileId)
    const verdict = await ctx.openApi.checkImage({ fileID: p.fileId })
    if (!verdict.pass) return inspectFail('INSPECT.PHOTO_REJECTED')
  }
  return {
    photos: photos.map((p) => ({ fileId: p.fileId, takenAt: p.takenAt ?? null, lat: p.lat ?? null, lng: p.lng ?? null })),
    reservations: claim.reservations,
  }
}

/**
 * Applies one transition in a transaction that re-reads the order (a decision on an old state is
 * refused), then tells the ledger what changed.
 */
async function transition(
  ctx: ActionContext,
  doc: OrderDoc,
  from: OrderStatus,
  next: (order: OrderDoc) => OrderDoc,
  site: ((order: OrderDoc) => Parameters<typeof changeSite>[2]) | null,
  reservations: string[],
): Promise<OrderDoc | 'stale' | 'photo-taken'> {
  const now = ctx.clock.now()
  const result = await ctx.db
    .runTransaction(async (tx) => {
      const ref = tx.collection(I.orders).doc(doc._id)
      const fresh = (await ref.get()).data as unknown as OrderDoc
      if (fresh.status !== from) return null
      const after = next(fresh)
      after.deduction = deductionOf(after).centi
      after.updatedAt = now
      const { _id, ...data } = after
      void _id
      await ref.set({ data })
      if (site) await changeSite(tx, fresh.siteId, site(fresh), now)
      if (from !== 'closed' && after.status === 'closed') await incTotals(tx, { openOrders: -1 })
      await consumeReservations(tx, reservations, ctx.caller.openid)
      return { before: fresh, after }
    })
    .catch((error: unknown) => {
      if (error instanceof ReservationTaken) return 'photo-taken' as const
      throw error
    })
  if (result === 'photo-taken') return result
  if (!result) return 'stale'
  await recordOrder(ctx, result.before, result.after)
  return result.after
}

export async function rectify(input: In<'rectify'>, ctx: ActionContext): Out<'rectify'> {
  const doc = await findById<OrderDoc>(ctx.db, I.orders, input.orderId)
  if (!doc) return inspectFail('INSPECT.ORDER_NOT_FOUND')
  if (!liaisonUnits(ctx).includes(doc.unitId)) return inspectFail('INSPECT.NOT_YOUR_UNIT')
  if (doc.status !== 'open') return inspectFail('INSPECT.ORDER_NOT_OPEN')
  const checked = await checkInspectPhotos(ctx, input.photos)
  if ('ok' in checked) return checked
  const now = ctx.clock.now()
  const after = await transition(
    ctx,
    doc,
    'open',
    (o) => ({
      ...o,
      status: 'answered',
      answer: { note: input.note, photos: checked.photos, at: now, by: ctx.caller.openid },
      history: [...o.history, { at: now, action: 'answered', role: 'liaison', note: input.note }],
    }),
    null,
    checked.reservations,
  )
  if (after === 'stale') return inspectFail('INSPECT.ORDER_NOT_OPEN')
  if (after === 'photo-taken') return inspectFail('INSPECT.FILE_NOT_YOURS')
  return orderView(ctx, after, { team: null, liaison: true })
}

export async function recheck(input: In<'recheck'>, ctx: ActionContext): Out<'recheck'> {
  const doc = await findById<OrderDoc>(ctx.db, I.orders, input.orderId)
  if (!doc) return inspectFail('INSPECT.ORDER_NOT_FOUND')
  const team = hasRole(ctx.grants, 'inspector') ? await callerTeam(ctx) : null
  if (!ctx.isAdmin) {
    if (!team) return inspectFail('INSPECT.NO_TEAM')
    if (!teamCovers(team, doc.district)) return inspectFail('INSPECT.NOT_YOUR_AREA')
  }
  if (doc.status !== 'answered') return inspectFail('INSPECT.ORDER_NOT_ANSWERED')
  const checked = await checkInspectPhotos(ctx, input.photos ?? [])
  if ('ok' in checked) return checked
  const now = ctx.clock.now()
  const role: OrderEvent['role'] = ctx.isAdmin && !(team && teamCovers(team, doc.district)) ? 'admin' : 'inspector'
  const close = input.decision === 'close'
  const after = await transition(
    ctx,
    doc,
    'answered',
    (o) =>
      close
        ? { ...o, status: 'closed', onTime: o.answer !== null && o.answer.at <= o.dueAt, history: [...o.history, { at: now, action: 'closed', role, note: input.note }] }
        : // 整改不实: back to 待整改; the answer stays on the order and its words in the history
          { ...o, status: 'open', falseCount: o.falseCount + 1, history: [...o.history, { at: now, action: 'sent_back', role, note: input.note }] },
    close ? (o) => (s) => ({ openOrders: s.openOrders - 1, overdueOrders: s.overdueOrders - (o.overdueCounted ? 1 : 0) }) : null,
    checked.reservations,
  )
  if (after === 'stale') return inspectFail('INSPECT.ORDER_NOT_ANSWERED')
  if (after === 'photo-taken') return inspectFail('INSPECT.FILE_NOT_YOURS')
  if (close) await refreshOldestOpen(ctx, doc.siteId)
  return orderView(ctx, after, { team, liaison: liaisonUnits(ctx).includes(after.unitId) })
}

/** The site's oldest open order after one closed: an indexed read, then a small transaction. */
async function refreshOldestOpen(ctx: ActionContext, siteId: string): Promise<void> {
  const oldest = await oldestOpenAt(ctx.db, siteId)
  const now = ctx.clock.now()
  await ctx.db.runTransaction((tx) => changeSite(tx, siteId, (s) => (s.oldestOpenAt === oldest ? null : { oldestOpenAt: oldest }), now))
}

// ---- the overdue timer ----

const OVERDUE_PAGE = 100
const OVERDUE_MAX_PAGES = 50

/**
 * Hourly: orders past their deadline and not yet counted become counted, and their site's
 * overdue count goes up. Each order flips in its own transaction (re-read, so never twice); a run
 * cut short resumes where it stopped, since counted orders leave the query.
 */
export async function markOverdueOrders(ctx: Pick<Platform, 'db' | 'clock'>): Promise<number> {
  const _ = ctx.db.command
  const now = ctx.clock.now()
  let marked = 0
  for (let page = 0; page < OVERDUE_MAX_PAGES; page++) {
    const { data } = await ctx.db
      .collection(I.orders)
      .where({ status: _.in(UNCLOSED), overdueCounted: false, dueAt: _.lt(now) })
      .orderBy('dueAt', 'asc')
      .limit(OVERDUE_PAGE)
      .get()
    for (const found of data as unknown as OrderDoc[]) {
      const flipped = await ctx.db.runTransaction(async (tx) => {
        const ref = tx.collection(I.orders).doc(found._id)
        const fresh = (await ref.get()).data as unknown as OrderDoc
        if (fresh.overdueCounted || fresh.status === 'closed' || fresh.dueAt >= now) return false
        await ref.update({ data: { overdueCounted: true } })
        await changeSite(tx, fresh.siteId, (s) => ({ overdueOrders: s.overdueOrders + 1 }), now)
        return true
      })
      if (flipped) marked++
    }
    if (data.length < OVERDUE_PAGE) break
  }
  return marked
}
