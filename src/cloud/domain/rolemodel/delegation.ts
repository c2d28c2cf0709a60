import type { DelegationView, ReviewScopeView } from '@/shared/contract/rolemodel'
import type { Fail } from '@/shared/errors'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import { writeAudit } from '../audit'
import { grantRole, revokeRole } from '../user/roles'
import { C, rmFail, sha, type NominationDoc } from './model'

/**
 * 区文明办审核员: the office delegates a district to a person, and they review that district's
 * nominations (accept, ask for more, decline) and nothing else. A role scope must be an ASCII id
 * while a nomination names its district in Chinese as the nominator wrote it, so the districts
 * are this record and the role itself is unscoped: access needs both the role and a delegation.
 */
export interface DelegationDoc {
  _id: string
  openid: string
  district: string
  grantedBy: string
  grantedAt: number
}

/** Delegations are few (one per reviewer and district): a page of 200 is all of them. */
const MAX_DELEGATIONS = 200

export const delegationId = (openid: string, district: string) => sha('delegation', openid, district).slice(0, 24)

const viewOf = (d: DelegationDoc): DelegationView => ({ openid: d.openid, district: d.district, grantedBy: d.grantedBy, grantedAt: d.grantedAt })

/** The office reviews every district; a district reviewer, the districts delegated to them. */
export type ReviewScope = { office: true } | { office: false; districts: readonly string[] }

async function districtsOf(ctx: ActionContext, openid: string): Promise<string[]> {
  const { data } = await ctx.db.collection(C.delegations).where({ openid }).orderBy('district', 'asc').limit(MAX_DELEGATIONS).get()
  return (data as unknown as DelegationDoc[]).map((d) => d.district)
}

export async function reviewScopeOf(ctx: ActionContext): Promise<ReviewScope> {
  if (ctx.isAdmin) return { office: true }
  // a delegation left behind after the role was revoked elsewhere gives nothing
  if (!hasRole(ctx.grants, 'district_reviewer')) return { office: false, districts: [] }
  return { office: false, districts: await districtsOf(ctx, ctx.caller.openid) }
}

export const mayReview = (scope: ReviewScope, doc: NominationDoc) => scope.office || scope.districts.includes(doc.place.district)

export async function reviewScope(ctx: ActionContext): Promise<ReviewScopeView> {
  const scope = await reviewScopeOf(ctx)
  return scope.office ? { office: true, districts: [] } : { office: false, districts: [...scope.districts] }
}

export async function delegations(ctx: ActionContext): Promise<DelegationView[]> {
  const { data } = await ctx.db.collection(C.delegations).where({}).orderBy('openid', 'asc').orderBy('district', 'asc').limit(MAX_DELEGATIONS).get()
  return (data as unknown as DelegationDoc[]).map(viewOf)
}

/**
 * Grants or takes back one district. The role follows the delegations: granted with the first,
 * revoked with the last, through the user domain so it is audited like any role change.
 */
export async function delegate(input: { openid: string; district: string; granted: boolean }, ctx: ActionContext): Promise<DelegationView[] | Fail> {
  const id = delegationId(input.openid, input.district)
  const ref = ctx.db.collection(C.delegations).doc(id)
  if (input.granted) {
    const now = ctx.clock.now()
    // set() on a key derived from person and district: delegating twice leaves one record
    await ref.set({ data: { openid: input.openid, district: input.district, grantedBy: ctx.caller.openid, grantedAt: now } })
    const granted = await grantRole({ openid: input.openid, role: 'district_reviewer' }, ctx)
    if ('ok' in granted) return granted
  } else {
    const { stats } = await ctx.db.collection(C.delegations).where({ _id: id }).remove()
    if (stats.removed === 0) return rmFail('ROLEMODEL.DELEGATION_NOT_FOUND')
    if ((await districtsOf(ctx, input.openid)).length === 0) {
      // USER.GRANT_NOT_FOUND: the role was already revoked elsewhere; nothing is left to take back
      const revoked = await revokeRole({ openid: input.openid, role: 'district_reviewer' }, ctx)
      if ('ok' in revoked && revoked.code !== 'USER.GRANT_NOT_FOUND') return revoked
    }
  }
  await writeAudit(ctx, {
    subjectType: 'rolemodel_delegation',
    subjectId: id,
    action: input.granted ? 'delegate' : 'undelegate',
    detail: { openid: input.openid, district: input.district },
  })
  return delegations(ctx)
}
