import type { Caller, Platform } from '../platform'
import type { RoleGrantView } from '@/shared/roles'

/** What every handler receives: the platform, who is calling, and what they may do. */
export interface ActionContext extends Platform {
  caller: Caller
  /** the caller's grants, loaded once per invocation (config admins included) */
  grants: readonly RoleGrantView[]
  isAdmin: boolean
}
