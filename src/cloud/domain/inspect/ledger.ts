import { DEFAULT_BOARD_RULE, DEFAULT_SCORE_RULE, DEFAULT_SEVERITY_DAYS, DEFAULT_STAR_BANDS, INSPECT_LEVELS, type InspectLevel } from '@/shared/inspect'
import { monthOf, weekOf } from '@/shared/calendar/weeks'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { I, type OrderDoc, type PeriodDoc, type RulesDoc } from './model'

/**
 * The score ledger: what a problem deducts, and the per-period counters of units and districts
 * that every score, 红黑榜 and rating reads instead of counting orders.
 */

const LEVEL_WORD: Record<InspectLevel, string> = { city: '市级', district: '区级', street: '街道' }

/** The rules in force (seeded defaults until the office changes them). Read on every call: a rule change applies at once. */
export async function loadRules(ctx: ActionContext): Promise<RulesDoc> {
  const stored = await findById<RulesDoc>(ctx.db, I.rules, 'current')
  if (stored) return stored
  return {
    _id: 'current',
    score: { ...DEFAULT_SCORE_RULE, weights: { ...DEFAULT_SCORE_RULE.weights } },
    board: { ...DEFAULT_BOARD_RULE },
    stars: DEFAULT_STAR_BANDS.map((b) => ({ ...b })),
    severityDays: { ...DEFAULT_SEVERITY_DAYS },
    updatedAt: 0,
    updatedBy: '',
  }
}

/** 2, 0.5, 1.25: a point figure as people write it (no trailing zeros). */
export const pointsText = (n: number) => String(Math.round(n * 100) / 100)

/**
 * What one problem takes off its unit's score now, in centi-points, and the arithmetic in words
 * ("2（市级）× 2（重复）× 0.5（按时整改）= 2"). Pure: from the order's own stored weights and state.
 *
 * Each factor applies once: a repeat multiplies by repeatFactor; a rectification found false by
 * falseFactor however many times 回头看 sent it back (the issue says "doubled", not "doubled each
 * time"); an on-time rectification by onTimeFactor. A problem that was both found false and then
 * fixed by its deadline gets both (the fix still held in time). `level` is optional so the
 * signature's callers (any OrderDoc) name the level in the words; without it the weight stands alone.
 */
export function deductionOf(
  order: Pick<OrderDoc, 'weight' | 'repeat' | 'repeatFactor' | 'falseCount' | 'falseFactor' | 'onTime' | 'onTimeFactor'> & { level?: InspectLevel },
): { centi: number; how: string } {
  let value = order.weight
  const parts = [order.level ? `${pointsText(order.weight)}（${LEVEL_WORD[order.level]}）` : pointsText(order.weight)]
  if (order.repeat) {
    value *= order.repeatFactor
    parts.push(`${pointsText(order.repeatFactor)}（重复）`)
  }
  if (order.falseCount >= 1) {
    value *= order.falseFactor
    parts.push(`${pointsText(order.falseFactor)}（整改不实）`)
  }
  if (order.onTime === true) {
    value *= order.onTimeFactor
    parts.push(`${pointsText(order.onTimeFactor)}（按时整改）`)
  }
  // centi-points as an integer so sums over a period never drift; weights are given to 0.01
  const centi = Math.round(value * 100)
  // 「2（市级）× 2（重复）= 4」: no space after a full-width bracket, as it is printed
  const gap = (before: string) => (before.endsWith('）') ? '' : ' ')
  const joined = parts.reduce((text, part) => `${text}${gap(text)}× ${part}`)
  const how = parts.length === 1 ? parts[0] : `${joined}${gap(joined)}= ${pointsText(centi / 100)}`
  return { centi, how }
}

/**
 * A period doc as the ledger writes it: PeriodDoc plus the deduction split by level, so a score
 * page prints one line per level without reading the orders.
 */
export type LedgerPeriodDoc = PeriodDoc & { deductionByLevel: Record<InspectLevel, number> }

type ByLevel = `foundByLevel.${InspectLevel}` | `deductionByLevel.${InspectLevel}`
type Counter = 'found' | 'repeats' | 'falseFound' | 'deduction' | 'materialReturns' | 'ratings' | 'satisfied' | 'due' | 'onTime' | ByLevel
export type Deltas = Partial<Record<Counter, number>>

export interface PeriodKey {
  scope: PeriodDoc['scope']
  scopeId: string
  kind: PeriodDoc['kind']
  period: string
}

export const periodDocId = (k: PeriodKey) => `${k.scope}:${k.scopeId}:${k.period}`

/** The four period docs an instant counts in for one unit and one district (either may be absent). */
function keysAt(at: number, unitId: string | null, district: string | null): PeriodKey[] {
  const keys: PeriodKey[] = []
  const periods: Array<[PeriodDoc['kind'], string]> = [
    ['week', weekOf(at)],
    ['month', monthOf(at)],
  ]
  for (const [kind, period] of periods) {
    if (unitId) keys.push({ scope: 'unit', scopeId: unitId, kind, period })
    if (district) keys.push({ scope: 'district', scopeId: district, kind, period })
  }
  return keys
}

/** What one state of an order contributes to each period doc it counts in (exported for bulk loads). */
export function contributions(order: OrderDoc): Map<string, { key: PeriodKey; deltas: Deltas }> {
  const out = new Map<string, { key: PeriodKey; deltas: Deltas }>()
  const add = (keys: PeriodKey[], deltas: Deltas) => {
    for (const key of keys) {
      const id = periodDocId(key)
      const entry = out.get(id) ?? { key, deltas: {} }
      for (const [field, n] of Object.entries(deltas) as Array<[Counter, number]>) entry.deltas[field] = (entry.deltas[field] ?? 0) + n
      out.set(id, entry)
    }
  }
  add(keysAt(order.foundAt, order.unitId, order.district), {
    found: 1,
    [`foundByLevel.${order.level}`]: 1,
    repeats: order.repeat ? 1 : 0,
    falseFound: order.falseCount,
    deduction: order.deduction,
    [`deductionByLevel.${order.level}`]: order.deduction,
  })
  add(keysAt(order.dueAt, order.unitId, order.district), {
    due: 1,
    onTime: order.status === 'closed' && order.onTime === true ? 1 : 0,
  })
  return out
}

export function emptyPeriod(key: PeriodKey, now: number): LedgerPeriodDoc {
  return {
    _id: periodDocId(key),
    ...key,
    found: 0,
    foundByLevel: { city: 0, district: 0, street: 0 },
    repeats: 0,
    falseFound: 0,
    deduction: 0,
    deductionByLevel: { city: 0, district: 0, street: 0 },
    materialReturns: 0,
    ratings: 0,
    satisfied: 0,
    due: 0,
    onTime: 0,
    updatedAt: now,
  }
}

/** Adds `deltas` to a period doc held in memory (a first add, or a bulk load computing the same counts). */
export function applyCounts(doc: LedgerPeriodDoc, deltas: Deltas): void {
  for (const [field, n] of Object.entries(deltas) as Array<[Counter, number]>) {
    const [group, level] = field.split('.') as ['foundByLevel' | 'deductionByLevel', InspectLevel | undefined]
    if (level) doc[group][level] += n
    else doc[field as Exclude<Counter, ByLevel>] += n
  }
}

/**
 * Moves one period doc's counters by `deltas`, creating it on first touch: increment; if there was
 * nothing to increment, add it with the deltas as its first counts; if a concurrent writer added it
 * first (duplicate key), increment after all.
 */
async function bump(ctx: ActionContext, key: PeriodKey, deltas: Deltas): Promise<void> {
  const moves = (Object.entries(deltas) as Array<[Counter, number]>).filter(([, n]) => n !== 0)
  if (moves.length === 0) return
  const _ = ctx.db.command
  const now = ctx.clock.now()
  const id = periodDocId(key)
  const periods = ctx.db.collection(I.periods)
  const data: Record<string, unknown> = { updatedAt: now }
  for (const [field, n] of moves) data[field] = _.inc(n)
  const inc = () => periods.where({ _id: id }).update({ data })
  if ((await inc()).stats.updated === 1) return
  const doc = emptyPeriod(key, now)
  applyCounts(doc, Object.fromEntries(moves))
  try {
    await periods.add({ data: { ...doc } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    await inc()
  }
}

/**
 * Applies what changed between two states of one 督办单 to the counters of its unit and district
 * (the week and month it was found in for found/deduction; those of its deadline for due/onTime).
 * `before` null: the order is new. Call after the order's own write; counters move by `_.inc`.
 *
 * Computed as (what `after` counts) − (what `before` counted) per period doc, so any change —
 * a new deduction, a false rectification, a close on time, even a moved deadline — lands exactly.
 */
export async function recordOrder(ctx: ActionContext, before: OrderDoc | null, after: OrderDoc): Promise<void> {
  const next = contributions(after)
  const prev = before ? contributions(before) : new Map<string, { key: PeriodKey; deltas: Deltas }>()
  const ids = new Set([...next.keys(), ...prev.keys()])
  // each id is its own period document, so the writes do not touch each other: send them at once
  // (on the cloud each is a round trip, and this runs on the inspector's submit)
  await Promise.all(
    [...ids].map((id) => {
      const a = next.get(id)
      const b = prev.get(id)
      const key = (a ?? b)!.key
      const deltas: Deltas = {}
      const fields = new Set<Counter>([...(Object.keys(a?.deltas ?? {}) as Counter[]), ...(Object.keys(b?.deltas ?? {}) as Counter[])])
      for (const field of fields) deltas[field] = (a?.deltas[field] ?? 0) - (b?.deltas[field] ?? 0)
      return bump(ctx, key, deltas)
    }),
  )
}

/** A 材料审核 return for `unitId` at `at`: counts against the unit's week and month. */
export async function recordMaterialReturn(ctx: ActionContext, unitId: string, at: number): Promise<void> {
  await Promise.all(keysAt(at, unitId, null).map((key) => bump(ctx, key, { materialReturns: 1 })))
}

/** A resident's rating (1–5★) of a 随手拍 the unit handled, at `at`: 4★ and up counts as satisfied. */
export async function recordRating(ctx: ActionContext, unitId: string, stars: number, at: number): Promise<void> {
  await Promise.all(keysAt(at, unitId, null).map((key) => bump(ctx, key, { ratings: 1, satisfied: stars >= 4 ? 1 : 0 })))
}

/** Every level, for callers that list foundByLevel in a fixed order. */
export const LEVELS: readonly InspectLevel[] = INSPECT_LEVELS
