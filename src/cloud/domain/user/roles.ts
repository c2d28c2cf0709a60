import type { RoleGrantsView } from '@/shared/contract'
import { USER_ERRORS, type UserErrorCode } from '@/shared/contract'
import { fail, type Fail } from '@/shared/errors'
import { ROLE_SCOPE_KIND, type GrantableRole, type RoleGrantView } from '@/shared/roles'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { grantId, type StoredGrant } from '../../runtime/grants'
import { writeAudit } from '../audit'

export interface RoleChange {
  openid: string
  role: GrantableRole
  scopeId?: string
}

const userFail = (code: UserErrorCode): Fail => fail(code, USER_ERRORS[code])

/** A scoped role needs its scope; an unscoped one must not carry one. */
export function checkScope(change: RoleChange): Fail | null {
  const kind = ROLE_SCOPE_KIND[change.role]
  if (kind && !change.scopeId) return userFail('USER.SCOPE_REQUIRED')
  if (!kind && change.scopeId) return userFail('USER.SCOPE_NOT_ALLOWED')
  return null
}

export async function grantsOf(ctx: ActionContext, openid: string): Promise<RoleGrantsView> {
  const { data } = await ctx.db.collection('role_grants').where({ openid }).limit(100).get()
  const grants: RoleGrantView[] = data
    .map((d) => d as unknown as StoredGrant)
    .map((g) => ({ role: g.role, scopeId: g.scopeId }))
  return { openid, grants }
}

export async function grantRole(change: RoleChange, ctx: ActionContext): Promise<RoleGrantsView | Fail> {
  const invalid = checkScope(change)
  if (invalid) return invalid
  const scopeId = change.scopeId ?? null
  const id = grantId(change.openid, change.role, scopeId)
  const now = ctx.clock.now()
  // set() on a key derived from the grant: granting twice leaves one grant.
  await ctx.db.collection('role_grants').doc(id).set({
    data: { openid: change.openid, role: change.role, scopeId, grantedBy: ctx.caller.openid, grantedAt: now },
  })
  await writeAudit(ctx, { subjectType: 'user', subjectId: change.openid, action: 'grantRole', detail: { role: change.role, scopeId } })
  return grantsOf(ctx, change.openid)
}

export async function revokeRole(change: RoleChange, ctx: ActionContext): Promise<RoleGrantsView | Fail> {
  const invalid = checkScope(change)
  if (invalid) return invalid
  if (change.role === 'admin' && ctx.config.adminOpenids.includes(change.openid)) return userFail('USER.CONFIG_ADMIN')
  if (change.role === 'admin' && change.openid === ctx.caller.openid) return userFail('USER.SELF_REVOKE')
  const scopeId = change.scopeId ?? null
  const id = grantId(change.openid, change.role, scopeId)
  if (!(await findById(ctx.db, 'role_grants', id))) return userFail('USER.GRANT_NOT_FOUND')
  await ctx.db.collection('role_grants').doc(id).remove()
  await writeAudit(ctx, { subjectType: 'user', subjectId: change.openid, action: 'revokeRole', detail: { role: change.role, scopeId } })
  return grantsOf(ctx, change.openid)
}
