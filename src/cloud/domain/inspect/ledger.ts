import type { ActionContext } from '../../runtime/context'
import type { OrderDoc, RulesDoc } from './model'

// STUB: the score ledger's interface; the implementation replaces the bodies, not the signatures.

/** The rules in force (seeded defaults until the office changes them). */
export async function loadRules(_ctx: ActionContext): Promise<RulesDoc> {
  throw new Error('not implemented')
}

/**
 * What one problem takes off its unit's score now, in centi-points, and the arithmetic in words
 * ("2 × 2（重复）× 0.5（按时整改）"). Pure: from the order's own stored weights and state.
 */
export function deductionOf(_order: Pick<OrderDoc, 'weight' | 'repeat' | 'repeatFactor' | 'falseCount' | 'falseFactor' | 'onTime' | 'onTimeFactor'>): { centi: number; how: string } {
  throw new Error('not implemented')
}

/**
 * Applies what changed between two states of one 督办单 to the counters of its unit and district
 * (the week and month it was found in for found/deduction; those of its deadline for due/onTime).
 * `before` null: the order is new. Call after the order's own write; counters move by `_.inc`.
 */
export async function recordOrder(_ctx: ActionContext, _before: OrderDoc | null, _after: OrderDoc): Promise<void> {
  throw new Error('not implemented')
}

/** A 材料审核 return for `unitId` at `at`: counts against the unit's week and month. */
export async function recordMaterialReturn(_ctx: ActionContext, _unitId: string, _at: number): Promise<void> {
  throw new Error('not implemented')
}

/** A resident's rating (1–5★) of a 随手拍 the unit handled, at `at`. */
export async function recordRating(_ctx: ActionContext, _unitId: string, _stars: number, _at: number): Promise<void> {
  throw new Error('not implemented')
}
