import { deductionOf, loadRules, recordOrder } from '@/cloud/domain/inspect/ledger'
import { I, type OrderDoc } from '@/cloud/domain/inspect/model'
import { grantId } from '@/cloud/runtime/grants'
import type { ActionContext } from '@/cloud/runtime/context'
import type { InspectLevel } from '@/shared/inspect'
import { DAY_MS, weekStartMs } from '@/shared/calendar/weeks'
import { TEST_ADMIN, type TestCloud } from '../support/cloud'

/**
 * Drives the score ledger directly, without the inspection screens: an order is written to
 * inspect_orders as the inspection code would write it, then recordOrder moves the counters.
 * Arithmetic tests stay exact and independent of how findings are raised.
 */

export const officeCtx = (cloud: TestCloud): ActionContext => ({ ...cloud.platform, caller: { openid: TEST_ADMIN }, grants: [], isAdmin: true })

export async function addUnits(cloud: TestCloud, units: Record<string, string>): Promise<void> {
  for (const [id, name] of Object.entries(units)) await cloud.platform.db.collection('report_units').doc(id).set({ data: { name } })
}

export async function grantLiaison(cloud: TestCloud, openid: string, unitId: string): Promise<void> {
  await cloud.platform.db
    .collection('role_grants')
    .doc(grantId(openid, 'liaison', unitId))
    .set({ data: { openid, role: 'liaison', scopeId: unitId, grantedBy: TEST_ADMIN, grantedAt: cloud.clock.now() } })
}

let seq = 0

export interface NewOrder {
  unitId: string
  level: InspectLevel
  district?: string
  repeat?: boolean
  foundAt?: number
  dueAt?: number
}

/** A new 督办单 with the weights of the rules in force, written and counted. */
export async function raise(cloud: TestCloud, o: NewOrder): Promise<OrderDoc> {
  const ctx = officeCtx(cloud)
  const rules = (await loadRules(ctx)).score
  const foundAt = o.foundAt ?? cloud.clock.now()
  seq += 1
  const order: OrderDoc = {
    _id: `insp-${seq}__std-${seq}`,
    code: `DB-TEST-${String(seq).padStart(4, '0')}`,
    inspectionId: `insp-${seq}`,
    siteId: 'site-1',
    siteName: '人民路',
    district: o.district ?? '文明区',
    unitId: o.unitId,
    standardId: `std-${seq}`,
    level: o.level,
    severity: 'normal',
    description: '占道经营',
    photos: [],
    status: 'open',
    repeat: o.repeat ?? false,
    falseCount: 0,
    foundAt,
    dueAt: o.dueAt ?? foundAt + 3 * DAY_MS,
    onTime: null,
    answer: null,
    history: [],
    weight: rules.weights[o.level],
    repeatFactor: rules.repeatFactor,
    falseFactor: rules.falseFactor,
    onTimeFactor: rules.onTimeFactor,
    deduction: 0,
    overdueCounted: false,
    updatedAt: foundAt,
  }
  order.deduction = deductionOf(order).centi
  await cloud.platform.db.collection(I.orders).doc(order._id).set({ data: { ...order } })
  await recordOrder(ctx, null, order)
  return order
}

/** The order moved to a new state (deduction recomputed as the order code does), written and counted. */
export async function change(cloud: TestCloud, before: OrderDoc, patch: Partial<OrderDoc>): Promise<OrderDoc> {
  const after: OrderDoc = { ...before, ...patch }
  after.deduction = deductionOf(after).centi
  await cloud.platform.db.collection(I.orders).doc(after._id).set({ data: { ...after } })
  await recordOrder(officeCtx(cloud), before, after)
  return after
}

/** Rectified and closed by 回头看; on time when `onTime`. */
export const close = (cloud: TestCloud, order: OrderDoc, onTime: boolean) => change(cloud, order, { status: 'closed', onTime })

/** 回头看 found the fix false: back to 待整改 with one more false count. */
export const sendBack = (cloud: TestCloud, order: OrderDoc) => change(cloud, order, { status: 'open', falseCount: order.falseCount + 1 })

/**
 * `due` problems of `unitId` falling due in `week` (found on its Monday, due on its Thursday),
 * `onTime` of them closed on time and the rest left open.
 */
export async function dueInWeek(cloud: TestCloud, unitId: string, week: string, due: number, onTime: number, district = '文明区'): Promise<OrderDoc[]> {
  const out: OrderDoc[] = []
  for (let i = 0; i < due; i++) {
    const o = await raise(cloud, { unitId, level: 'district', district, foundAt: weekStartMs(week) + 3600_000, dueAt: weekStartMs(week) + 3 * DAY_MS })
    out.push(i < onTime ? await close(cloud, o, true) : o)
  }
  return out
}
