import type { StatsTargets } from '@/shared/contract'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'

/**
 * The campaign's targets (the city's population and the volunteer registration-rate goal): one
 * doc the office sets, audited with before and after. Until it is set the dashboard shows no rate
 * rather than a rate against a made-up population.
 */
export const TARGETS = { collection: 'stats_rules', id: 'targets' } as const

interface TargetsDoc extends StatsTargets {
  _id: string
  updatedAt: number
  updatedBy: string
}

export async function loadTargets(ctx: ActionContext): Promise<StatsTargets | null> {
  const doc = await findById<TargetsDoc>(ctx.db, TARGETS.collection, TARGETS.id)
  return doc ? { population: doc.population, registrationTarget: doc.registrationTarget } : null
}

export async function setTargets(input: StatsTargets, ctx: ActionContext): Promise<StatsTargets> {
  const before = await loadTargets(ctx)
  const after: StatsTargets = { population: input.population, registrationTarget: input.registrationTarget }
  await ctx.db.collection(TARGETS.collection).doc(TARGETS.id).set({ data: { ...after, updatedAt: ctx.clock.now(), updatedBy: ctx.caller.openid } })
  await writeAudit(ctx, {
    subjectType: 'stats_targets',
    subjectId: TARGETS.id,
    action: 'set',
    detail: { before: before ? JSON.stringify(before) : null, after: JSON.stringify(after) },
  })
  return after
}
