import type { RoleGrantView } from '@/shared/roles'
import { GRANTABLE_ROLES, type GrantableRole } from '@/shared/roles'
import type { Caller, Platform } from '../platform'

export interface StoredGrant {
  _id: string
  openid: string
  role: GrantableRole
  scopeId: string | null
  grantedBy: string
  grantedAt: number
}

/** Grants are few per person; a page of 100 is every one of them. */
export async function loadGrants(
  platform: Platform,
  caller: Caller,
): Promise<{ grants: RoleGrantView[]; isAdmin: boolean }> {
  const { data } = await platform.db.collection('role_grants').where({ openid: caller.openid }).limit(100).get()
  const grants = data
    .map((doc) => doc as unknown as StoredGrant)
    .filter((g) => (GRANTABLE_ROLES as readonly string[]).includes(g.role))
    .map((g) => ({ role: g.role, scopeId: g.scopeId ?? null }))
  const isAdmin = platform.config.adminOpenids.includes(caller.openid) || grants.some((g) => g.role === 'admin')
  return { grants, isAdmin }
}

/** The grant's document id makes granting idempotent: the same grant twice is one document. */
export function grantId(openid: string, role: GrantableRole, scopeId: string | null): string {
  return `${openid}__${role}__${scopeId ?? '-'}`
}

export function hasRole(grants: readonly RoleGrantView[], role: GrantableRole, scopeId?: string): boolean {
  return grants.some((g) => g.role === role && (scopeId === undefined || g.scopeId === scopeId))
}
