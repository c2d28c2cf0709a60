import type { InspectTeamView } from '@/shared/contract/inspect'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { namesOf } from '../report/city'
import { I, type In, type Out, type TeamDoc, type TotalsDoc } from './model'

/**
 * The area's front page: what the caller is here (文明办, 联络员 of which units, 督查员 of which
 * team), so the page shows only their part, and the city's figures from the totals kept on write.
 */
export async function home(_input: In<'home'>, ctx: ActionContext): Out<'home'> {
  const unitIds = [...new Set(ctx.grants.filter((g) => g.role === 'liaison' && g.scopeId).map((g) => g.scopeId as string))]
  const names = await namesOf(ctx, 'report_units', unitIds)
  // a 联络员 of a unit since removed from the list has nothing to answer for there
  const liaison = unitIds.filter((id) => names.has(id)).map((unitId) => ({ unitId, name: names.get(unitId) ?? '' }))
  const teamId = ctx.grants.find((g) => g.role === 'inspector' && g.scopeId)?.scopeId ?? null
  const team = teamId ? await findById<TeamDoc>(ctx.db, I.teams, teamId) : null
  const inspector: InspectTeamView | null = team ? { teamId: team._id, name: team.name, level: team.level, area: team.area } : null
  const totals = await findById<TotalsDoc>(ctx.db, I.totals, 'city')
  return {
    roles: { office: ctx.isAdmin, liaison, inspector },
    standards: { total: totals?.standards ?? 0, assigned: totals?.assigned ?? 0 },
    sites: totals?.sites ?? 0,
    openOrders: totals?.openOrders ?? 0,
    evidenceWaiting: totals?.evidenceWaiting ?? 0,
  }
}
