import type { InspectResultView } from '@/shared/contract/inspect'
import { ORDER_CODE_PREFIX, type ItemResult } from '@/shared/contract/inspect'
import type { Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import { consumeReservations, ReservationTaken } from '../upload/reservations'
import { deductionOf, loadRules, recordOrder } from './ledger'
import {
  I,
  inspectFail,
  keyOf,
  type InspectionDoc,
  type InspectionItem,
  type LastFindingDoc,
  type OrderDoc,
  type SiteDoc,
  type TeamDoc,
  type In,
  type Out,
} from './model'
import { checkInspectPhotos, orderListItems, recheckCount } from './orders'
import { callerTeam, changeSite, checklistOf, DAY, incTotals, isDuplicateKey, teamCovers, teamView } from './sites'

/**
 * 实地督查: a 督查组 (市级, 区级 or 街道) inspects a site against its type's checklist. The phone
 * names the inspection when it starts, so a send repeated over a bad connection is the same
 * inspection; each failed item raises one 督办单 to the site's responsible unit.
 */

/** a phone's clock may run a little ahead of the server's */
const CLOCK_SKEW_MS = 5 * 60 * 1000

export async function teams(_input: In<'teams'>, ctx: ActionContext): Out<'teams'> {
  const { data } = await ctx.db.collection(I.teams).orderBy('_id', 'asc').limit(100).get()
  return (data as unknown as TeamDoc[]).map(teamView)
}

export async function saveTeam(input: In<'saveTeam'>, ctx: ActionContext): Out<'saveTeam'> {
  // a city team covers the whole city; district and street teams are bounded by their area
  if (input.level !== 'city' && !input.area) return inspectFail('INSPECT.BAD_AREA')
  const area = input.level === 'city' ? null : input.area
  if (input.teamId) {
    const current = await findById<TeamDoc>(ctx.db, I.teams, input.teamId)
    if (!current) return inspectFail('INSPECT.TEAM_NOT_FOUND')
    await ctx.db.collection(I.teams).doc(current._id).update({ data: { name: input.name, level: input.level, area } })
  } else {
    const doc: TeamDoc = { _id: `team-${keyOf('team', input.name, String(ctx.clock.now())).slice(0, 12)}`, name: input.name, level: input.level, area, createdAt: ctx.clock.now() }
    const { _id, ...data } = doc
    await ctx.db.collection(I.teams).doc(_id).set({ data })
  }
  return teams({}, ctx)
}

export async function inspectorHome(_input: In<'inspectorHome'>, ctx: ActionContext): Out<'inspectorHome'> {
  const team = hasRole(ctx.grants, 'inspector') ? await callerTeam(ctx) : null
  if (!team) return { team: null, rechecks: ctx.isAdmin ? await recheckCount(ctx.db, null) : 0 }
  return { team: teamView(team), rechecks: await recheckCount(ctx.db, team.area) }
}

/** 20261201: the Beijing calendar day a 督办单 is issued on */
const beijingDay = (ms: number) => new Date(ms + 8 * 60 * 60 * 1000).toISOString().slice(0, 10).replace(/-/g, '')

async function resultView(ctx: ActionContext, inspection: InspectionDoc, duplicate: boolean): Promise<InspectResultView> {
  const orders: OrderDoc[] = []
  if (inspection.orderIds.length) {
    const { data } = await ctx.db.collection(I.orders).where({ _id: ctx.db.command.in(inspection.orderIds) }).limit(100).get()
    const byId = new Map((data as unknown as OrderDoc[]).map((o) => [o._id, o]))
    for (const id of inspection.orderIds) {
      const o = byId.get(id)
      if (o) orders.push(o)
    }
  }
  return { inspectionId: inspection._id, siteId: inspection.siteId, duplicate, counts: inspection.counts, orders: await orderListItems(ctx, orders) }
}

async function replay(ctx: ActionContext, inspectionId: string, siteId: string): Promise<InspectResultView | Fail | null> {
  const first = await findById<InspectionDoc>(ctx.db, I.inspections, inspectionId)
  if (!first) return null
  if (first.siteId !== siteId) return inspectFail('INSPECT.INSPECTION_CONFLICT')
  return resultView(ctx, first, true)
}

export async function submitInspection(input: In<'submitInspection'>, ctx: ActionContext): Out<'submitInspection'> {
  const team = await callerTeam(ctx)
  if (!team) return inspectFail('INSPECT.NO_TEAM')
  const again = await replay(ctx, input.inspectionId, input.siteId)
  if (again) return again

  const site = await findById<SiteDoc>(ctx.db, I.sites, input.siteId)
  if (!site || site.status !== 'active') return inspectFail('INSPECT.SITE_NOT_FOUND')
  if (!teamCovers(team, site.district)) return inspectFail('INSPECT.NOT_YOUR_AREA')
  const now = ctx.clock.now()
  if (!(input.startedAt < input.finishedAt && input.finishedAt <= now + CLOCK_SKEW_MS)) return inspectFail('INSPECT.BAD_TIMES')

  const checklist = await checklistOf(ctx.db, site.typeId)
  const onList = new Set(checklist.map((s) => s._id))
  const seen = new Set<string>()
  for (const item of input.items) {
    if (!onList.has(item.standardId)) return inspectFail('INSPECT.NOT_ON_CHECKLIST')
    if (seen.has(item.standardId)) return inspectFail('INSPECT.ITEM_TWICE')
    seen.add(item.standardId)
  }
  if (seen.size < onList.size) return inspectFail('INSPECT.CHECKLIST_INCOMPLETE')
  for (const item of input.items) {
    if (item.result === 'fail' && (!item.photos?.length || !item.note)) return inspectFail('INSPECT.FAIL_NEEDS_EVIDENCE')
  }
  const checked = await checkInspectPhotos(ctx, input.items.flatMap((i) => i.photos ?? []))
  if ('ok' in checked) return checked
  const photoOf = new Map(checked.photos.map((p) => [p.fileId, p]))

  const items: InspectionItem[] = input.items.map((i) => ({
    standardId: i.standardId,
    result: i.result,
    severity: i.result === 'fail' ? i.severity ?? 'normal' : null,
    note: i.note ?? '',
    photos: (i.photos ?? []).map((p) => photoOf.get(p.fileId)).filter((p): p is NonNullable<typeof p> => !!p),
  }))
  const counts = { pass: 0, fail: 0, na: 0 }
  for (const i of items) counts[i.result]++
  const failed = items.filter((i) => i.result === 'fail')
  const rules = await loadRules(ctx)
  const orderIds = failed.map((i) => `${input.inspectionId}__${i.standardId}`)
  const inspection: InspectionDoc = {
    _id: input.inspectionId,
    siteId: site._id,
    teamId: team._id,
    level: team.level,
    inspectorOpenid: ctx.caller.openid,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    receivedAt: now,
    items,
    counts,
    orderIds,
  }

  let written: OrderDoc[]
  try {
    written = await ctx.db.runTransaction(async (tx) => {
      // first: a second arrival of the same inspection stops here with a duplicate key
      const { _id, ...data } = inspection
      await tx.collection(I.inspections).add({ data: { _id, ...data } })
      const orders: OrderDoc[] = []
      if (failed.length) {
        // 督办单号: the day's counter moves by the number of orders, inside this transaction
        const day = beijingDay(now)
        const seqRef = tx.collection(I.orderSeq).doc(day)
        const seq = (await seqRef.get().catch(() => null))?.data as { n?: number } | undefined
        const start = seq?.n ?? 0
        await seqRef.set({ data: { n: start + failed.length } })
        for (const [k, item] of failed.entries()) {
          const findingRef = tx.collection(I.lastFindings).doc(keyOf(site._id, item.standardId))
          const last = (await findingRef.get().catch(() => null))?.data as unknown as LastFindingDoc | undefined
          const repeat = !!last && last.foundAt <= input.finishedAt && input.finishedAt - last.foundAt <= rules.score.repeatWindowDays * DAY
          const severity = item.severity ?? 'normal'
          const order: OrderDoc = {
            _id: orderIds[k],
            code: `${ORDER_CODE_PREFIX}-${day}-${String(start + k + 1).padStart(4, '0')}`,
            inspectionId: inspection._id,
            siteId: site._id,
            siteName: site.name,
            district: site.district,
            unitId: site.unitId,
            standardId: item.standardId,
            level: team.level,
            severity,
            description: item.note,
            photos: item.photos,
            status: 'open',
            repeat,
            falseCount: 0,
            foundAt: input.finishedAt,
            dueAt: input.finishedAt + rules.severityDays[severity] * DAY,
            onTime: null,
            answer: null,
            history: [{ at: input.finishedAt, action: 'found', role: 'inspector', note: item.note }],
            weight: rules.score.weights[team.level],
            repeatFactor: rules.score.repeatFactor,
            falseFactor: rules.score.falseFactor,
            onTimeFactor: rules.score.onTimeFactor,
            deduction: 0,
            overdueCounted: false,
            updatedAt: now,
          }
          order.deduction = deductionOf(order).centi
          const { _id: orderId, ...orderData } = order
          await tx.collection(I.orders).add({ data: { _id: orderId, ...orderData } })
          // an inspection uploaded late must not make an older finding the latest
          if (!last || last.foundAt <= input.finishedAt) await findingRef.set({ data: { orderId: order._id, foundAt: input.finishedAt } })
          orders.push(order)
        }
        await incTotals(tx, { openOrders: failed.length })
      }
      await changeSite(
        tx,
        site._id,
        (s) => {
          const latest = s.lastInspectedAt === null || s.lastInspectedAt <= input.finishedAt
          const lastItems: Record<string, ItemResult> = {}
          for (const i of items) lastItems[i.standardId] = i.result
          return {
            openOrders: s.openOrders + failed.length,
            oldestOpenAt: failed.length && (s.oldestOpenAt === null || input.finishedAt < s.oldestOpenAt) ? input.finishedAt : s.oldestOpenAt,
            ...(latest ? { lastInspectedAt: input.finishedAt, lastResult: counts, lastItems } : {}),
          }
        },
        now,
      )
      await consumeReservations(tx, checked.reservations, ctx.caller.openid)
      return orders
    })
  } catch (error) {
    // the same inspection arrived twice at once: the other one stored it
    if (isDuplicateKey(error) || error instanceof ReservationTaken) {
      const first = await replay(ctx, input.inspectionId, input.siteId)
      if (first) return first
      if (error instanceof ReservationTaken) return inspectFail('INSPECT.FILE_NOT_YOURS')
    }
    throw error
  }
  for (const order of written) await recordOrder(ctx, null, order)
  return { inspectionId: inspection._id, siteId: site._id, duplicate: false, counts, orders: await orderListItems(ctx, written) }
}
