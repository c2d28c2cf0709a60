import { POINTS_RULES, type PointsRule } from '@/shared/points-rules'
import type { Database } from '../../platform/database'

/**
 * `points_rule_overrides/<rule>`: the office's points and daily cap for a built-in rule. Kept apart
 * from the rule table (src/shared/points-rules.ts) so the label and the wording stay the product's
 * and a rule the office never touched reads as the built-in one.
 */
export interface PointsRuleOverrideDoc {
  _id: string
  points?: number
  dailyCap?: number
  updatedAt: number
  updatedBy: string | null
}

export const POINTS_OVERRIDES = 'points_rule_overrides'

/** The rule as in force: the override's values where it has them. */
export function applyRuleOverride<R extends PointsRule>(rule: R, override: PointsRuleOverrideDoc | null | undefined): R {
  if (!override) return rule
  const points = override.points ?? rule.points
  return {
    ...rule,
    points,
    dailyCap: override.dailyCap ?? rule.dailyCap,
    // the one sentence that names the points per hour says the number in force
    how: points === rule.points ? rule.how : rule.how.replace(`${rule.points} 分`, `${points} 分`),
  }
}

/** Every rule as in force, in the table's order: one query for the few overrides. */
export async function rulesInForce(db: Database): Promise<Array<{ base: PointsRule; rule: PointsRule; override: PointsRuleOverrideDoc | null }>> {
  const bases: PointsRule[] = Object.values(POINTS_RULES)
  const _ = db.command
  const { data } = await db.collection(POINTS_OVERRIDES).where({ _id: _.in(bases.map((r) => r.reason)) }).limit(100).get()
  const overrides = new Map((data as unknown as PointsRuleOverrideDoc[]).map((o) => [o._id, o]))
  return bases.map((base) => {
    const override = overrides.get(base.reason) ?? null
    return { base, rule: applyRuleOverride(base, override), override }
  })
}
