import { CONTRACT } from '@/shared/contract'
import { getMe, updateProfile } from '../../domain/user/profile'
import { grantRole, grantsOf, revokeRole } from '../../domain/user/roles'
import { defineFunction } from '../../runtime/define-function'

/** 用户: profile, settings and, for the office, role grants. */
export const userFunction = defineFunction(
  'user',
  CONTRACT.user,
  {
    me: (_input, ctx) => getMe(ctx),
    updateProfile: (input, ctx) => updateProfile(input, ctx),
    grantRole: (input, ctx) => grantRole(input, ctx),
    rolesOf: (input, ctx) => grantsOf(ctx, input.openid),
    revokeRole: (input, ctx) => revokeRole(input, ctx),
  },
  ['security.msgSecCheck'],
)

export default userFunction
