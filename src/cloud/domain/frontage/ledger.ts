import { DEFAULT_SHOP_BOARD, DEFAULT_SHOP_LIMIT, DEFAULT_SHOP_RULE, DEFAULT_SHOP_STARS, type LadderStep, type ShopBoardRule, type ShopScoreRule } from '@/shared/frontage'
import { INSPECT_LEVELS, type InspectLevel } from '@/shared/inspect'
import { monthOf } from '@/shared/calendar/weeks'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { pointsText } from '../inspect/ledger'
import { M, type ShopDoc } from './model'

/**
 * A shop's monthly score ledger: one counter doc per shop and month in frontage_months, moved by
 * `_.inc` whenever a finding or a 随手拍 at its frontage changes what it deducts. Scores, tips and
 * the street's 红黑榜 read these docs, never the findings or reports themselves.
 */

// ---- rules ----

export interface ShopRulesDoc {
  _id: 'current'
  score: ShopScoreRule
  stars: Array<{ min: number; stars: number }>
  board: ShopBoardRule
  /** the shop's time to answer a report at its frontage, in working hours (read by the 随手拍 routing) */
  limitHours: number
  updatedAt: number
  updatedBy: string
}

/** The rules in force (seeded defaults until the office changes them); read on every call so a change applies at once. */
export async function loadShopRules(ctx: Pick<ActionContext, 'db'>): Promise<ShopRulesDoc> {
  const stored = await findById<ShopRulesDoc>(ctx.db, M.rules, 'current')
  if (stored) return stored
  return {
    _id: 'current',
    score: { ...DEFAULT_SHOP_RULE, weights: { ...DEFAULT_SHOP_RULE.weights } },
    stars: DEFAULT_SHOP_STARS.map((b) => ({ ...b })),
    board: { ...DEFAULT_SHOP_BOARD },
    limitHours: DEFAULT_SHOP_LIMIT.hours,
    updatedAt: 0,
    updatedBy: '',
  }
}

// ---- one finding's deduction ----

const LEVEL_WORD: Record<InspectLevel, string> = { city: '市级', district: '区级', street: '街道' }

/** What a finding needs to price itself: the factors are stored on it when found, so a later rule change does not reprice it. */
export interface Priced {
  level: InspectLevel
  weight: number
  repeat: boolean
  repeatFactor: number
  fixedInTime: boolean | null
  onTimeFactor: number
}

/**
 * What one finding takes off its shop's month, in centi-points, and the arithmetic in words:
 * 「2（市级）× 2（重复）× 0.5（按时整改）= 2」. The same words as 创文督查's deductionOf; a shop
 * finding has no 整改不实 step (the owner's photo closes it), so that factor never applies.
 */
export function shopDeductionOf(f: Priced): { centi: number; how: string } {
  let value = f.weight
  const parts = [`${pointsText(f.weight)}（${LEVEL_WORD[f.level]}）`]
  if (f.repeat) {
    value *= f.repeatFactor
    parts.push(`${pointsText(f.repeatFactor)}（重复）`)
  }
  if (f.fixedInTime === true) {
    value *= f.onTimeFactor
    parts.push(`${pointsText(f.onTimeFactor)}（按时整改）`)
  }
  const centi = Math.round(value * 100)
  const how = parts.length === 1 ? `${parts[0]} = ${pointsText(centi / 100)}` : `${parts.join(' × ')} = ${pointsText(centi / 100)}`
  return { centi, how }
}

/** A 随手拍 at the frontage: fixed by the shop (halved when in time) or escalated past it. */
export function reportDeductionOf(rule: ShopScoreRule, event: 'fixed' | 'escalated', fixedInTime: boolean): number {
  if (event === 'escalated') return Math.round(rule.escalated * 100)
  return Math.round(rule.confirmedReport * (fixedInTime ? rule.onTimeFactor : 1) * 100)
}

// ---- the month docs ----

/**
 * One shop's month. All points are integer centi-points so sums never drift; `score` too
 * (base × 100 − deduction, with the base in force when the doc was first touched) — kept current
 * on every move so the by_district_month index ranks the street's shops without reading them all.
 */
export interface ShopMonthDoc {
  _id: string
  shopId: string
  month: string
  district: string
  streetUnitId: string
  /** the shop's name when last touched, so a board row needs no shop read */
  name: string
  base: number
  inspections: number
  findings: number
  findingsByLevel: Record<InspectLevel, number>
  deductionByLevel: Record<InspectLevel, number>
  repeats: number
  /** findings fixed within their limit (halved) */
  fixedInTime: number
  /** findings still open, and what they deduct now: fixing them in time would halve it */
  open: number
  openDeduction: number
  handed: number
  byStep: Record<LadderStep, number>
  reportsFixed: number
  reportsFixedInTime: number
  reportDeduction: number
  escalated: number
  escalationDeduction: number
  deduction: number
  score: number
  updatedAt: number
}

export const monthDocId = (shopId: string, month: string) => `${shopId}:${month}`

/**
 * How many shops of a street have a month doc that month (= the shops its 红黑榜 ranks), kept on
 * write: bumpMonth adds 1 when it creates a month doc, so the board's `total` is one doc read, not
 * a count over the street's index. (Collection frontage_street_months; model.ts's M is not ours.)
 */
export const STREET_MONTHS = 'frontage_street_months'
export interface StreetMonthDoc {
  _id: string
  district: string
  month: string
  shops: number
}
export const streetMonthId = (district: string, month: string) => `${district}__${month}`

async function countShopMonth(ctx: ActionContext, district: string, month: string): Promise<void> {
  const _ = ctx.db.command
  const id = streetMonthId(district, month)
  const counters = ctx.db.collection(STREET_MONTHS)
  const inc = () => counters.where({ _id: id }).update({ data: { shops: _.inc(1) } })
  if ((await inc()).stats.updated === 1) return
  try {
    await counters.add({ data: { _id: id, district, month, shops: 1 } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    await inc()
  }
}

type Level = `findingsByLevel.${InspectLevel}` | `deductionByLevel.${InspectLevel}`
type Step = `byStep.${LadderStep}`
type Counter =
  | 'inspections'
  | 'findings'
  | 'repeats'
  | 'fixedInTime'
  | 'open'
  | 'openDeduction'
  | 'handed'
  | 'reportsFixed'
  | 'reportsFixedInTime'
  | 'reportDeduction'
  | 'escalated'
  | 'escalationDeduction'
  | 'deduction'
  | Level
  | Step
export type MonthDeltas = Partial<Record<Counter, number>>

export function emptyMonth(shop: Pick<ShopDoc, '_id' | 'district' | 'streetUnitId' | 'name'>, month: string, base: number, now: number): ShopMonthDoc {
  return {
    _id: monthDocId(shop._id, month),
    shopId: shop._id,
    month,
    district: shop.district,
    streetUnitId: shop.streetUnitId,
    name: shop.name,
    base,
    inspections: 0,
    findings: 0,
    findingsByLevel: { city: 0, district: 0, street: 0 },
    deductionByLevel: { city: 0, district: 0, street: 0 },
    repeats: 0,
    fixedInTime: 0,
    open: 0,
    openDeduction: 0,
    handed: 0,
    byStep: { warning: 0, notice: 0, enforcement: 0 },
    reportsFixed: 0,
    reportsFixedInTime: 0,
    reportDeduction: 0,
    escalated: 0,
    escalationDeduction: 0,
    deduction: 0,
    score: Math.round(base * 100),
    updatedAt: now,
  }
}

/** Adds `deltas` to a month doc held in memory (a first touch, or a bulk load computing the same counts). */
export function applyMonth(doc: ShopMonthDoc, deltas: MonthDeltas): void {
  for (const [field, n] of Object.entries(deltas) as Array<[Counter, number]>) {
    const [group, key] = field.split('.')
    if (key === undefined) doc[field as Exclude<Counter, Level | Step>] += n
    else if (group === 'byStep') doc.byStep[key as LadderStep] += n
    else doc[group as 'findingsByLevel' | 'deductionByLevel'][key as InspectLevel] += n
  }
  doc.score -= deltas.deduction ?? 0
}

/**
 * Moves one shop's month by `deltas`, creating the doc on first touch: increment; if there was
 * nothing to increment, add it; if a concurrent writer added it first (duplicate key), increment.
 * `score` moves opposite to `deduction` in the same update.
 */
export async function bumpMonth(ctx: ActionContext, shop: Pick<ShopDoc, '_id' | 'district' | 'streetUnitId' | 'name'>, month: string, deltas: MonthDeltas): Promise<void> {
  const moves = (Object.entries(deltas) as Array<[Counter, number]>).filter(([, n]) => n !== 0)
  if (moves.length === 0) return
  const _ = ctx.db.command
  const now = ctx.clock.now()
  const id = monthDocId(shop._id, month)
  const months = ctx.db.collection(M.months)
  const data: Record<string, unknown> = { updatedAt: now, name: shop.name }
  for (const [field, n] of moves) data[field] = _.inc(n)
  const deduction = deltas.deduction ?? 0
  if (deduction !== 0) data.score = _.inc(-deduction)
  const inc = () => months.where({ _id: id }).update({ data })
  if ((await inc()).stats.updated === 1) return
  const doc = emptyMonth(shop, month, (await loadShopRules(ctx)).score.base, now)
  applyMonth(doc, Object.fromEntries(moves))
  try {
    await months.add({ data: { ...doc } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    // a concurrent writer created it (and counted it)
    await inc()
    return
  }
  await countShopMonth(ctx, doc.district, month)
}

/** What one state of a finding counts in the month it was found in. */
export interface LedgerFinding extends Priced {
  shopId: string
  foundAt: number
  step: LadderStep
  status: 'open' | 'fixed' | 'handed'
  deduction: number
}

export function findingCounts(f: LedgerFinding): MonthDeltas {
  return {
    findings: 1,
    [`findingsByLevel.${f.level}`]: 1,
    [`deductionByLevel.${f.level}`]: f.deduction,
    [`byStep.${f.step}`]: 1,
    repeats: f.repeat ? 1 : 0,
    fixedInTime: f.fixedInTime === true ? 1 : 0,
    open: f.status === 'open' ? 1 : 0,
    openDeduction: f.status === 'open' ? f.deduction : 0,
    handed: f.status === 'handed' ? 1 : 0,
    deduction: f.deduction,
  }
}

/**
 * Applies what changed between two states of one finding to its shop's month (the month it was
 * found in: fixing it in time later still halves that month). `before` null: the finding is new.
 * Computed as (what `after` counts) − (what `before` counted), so any change lands exactly.
 */
export async function recordFinding(ctx: ActionContext, shop: Pick<ShopDoc, '_id' | 'district' | 'streetUnitId' | 'name'>, before: LedgerFinding | null, after: LedgerFinding): Promise<void> {
  const a = findingCounts(after)
  const b = before ? findingCounts(before) : {}
  const deltas: MonthDeltas = {}
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)]) as Set<Counter>) deltas[field] = (a[field] ?? 0) - (b[field] ?? 0)
  await bumpMonth(ctx, shop, monthOf(after.foundAt), deltas)
}

/** An inspection of the shop at `at`, pass or fail: the shop has a score that month even with nothing found. */
export async function recordInspection(ctx: ActionContext, shop: Pick<ShopDoc, '_id' | 'district' | 'streetUnitId' | 'name'>, at: number): Promise<void> {
  await bumpMonth(ctx, shop, monthOf(at), { inspections: 1 })
}

/**
 * A 随手拍 at the shop's frontage, called by the 随手拍 routing: 'fixed' when the shop's fix is
 * confirmed (−confirmedReport, halved when it answered within its limit), 'escalated' when it went
 * past the shop to the responsible unit (−escalated). Counted in the month of `at`. A shop that
 * no longer exists counts nothing.
 */
export async function recordShopReport(ctx: ActionContext, shopId: string, event: 'fixed' | 'escalated', at: number, fixedInTime: boolean): Promise<void> {
  const shop = await findById<ShopDoc>(ctx.db, M.shops, shopId)
  if (!shop) return
  const rules = await loadShopRules(ctx)
  const centi = reportDeductionOf(rules.score, event, fixedInTime)
  const deltas: MonthDeltas =
    event === 'fixed'
      ? { reportsFixed: 1, reportsFixedInTime: fixedInTime ? 1 : 0, reportDeduction: centi, deduction: centi }
      : { escalated: 1, escalationDeduction: centi, deduction: centi }
  await bumpMonth(ctx, shop, monthOf(at), deltas)
}

export const LEVELS: readonly InspectLevel[] = INSPECT_LEVELS
