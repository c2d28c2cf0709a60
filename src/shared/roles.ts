/** Roles granted by the office and stored server-side. `resident` is implicit for every caller. */
export const ROLES = ['resident', 'volunteer', 'organizer', 'grid', 'handler', 'teacher', 'school_admin', 'district_reviewer', 'verifier', 'liaison', 'inspector', 'street_office', 'shop_owner', 'admin'] as const
export type Role = (typeof ROLES)[number]
export type GrantableRole = Exclude<Role, 'resident'>
export const GRANTABLE_ROLES = ROLES.filter((r): r is GrantableRole => r !== 'resident')

/** What a scoped role is scoped to; `null` means the role carries no scope. */
export const ROLE_SCOPE_KIND: Record<GrantableRole, 'team' | 'grid' | 'unit' | 'school' | 'inspect_team' | 'shop' | null> = {
  volunteer: null,
  organizer: 'team',
  grid: 'grid',
  handler: 'unit',
  // a teacher creates classes in their school; which classes are theirs is the class's own record
  teacher: 'school',
  school_admin: 'school',
  // 身边好人 nominations name their district in free Chinese text (文明区), not an ASCII id: which
  // districts a reviewer reviews is the office's delegation record (rolemodel_delegations)
  district_reviewer: null,
  // 核销员 stand where rewards are collected; a code names its reward, so no scope is needed
  verifier: null,
  // 创文督查: a unit's 联络员 receives its task list and 督办单 and answers for it
  liaison: 'unit',
  // a 督查员 belongs to a 督查组 (市级, 区级 or 街道): the level weighs what they find, the area bounds where
  inspector: 'inspect_team',
  // 门前三包: a 街道办 registers and confirms the shops of its street (its unit is the 街道办事处)
  street_office: 'unit',
  // the owner (or staff) of one registered shop
  shop_owner: 'shop',
  admin: null,
}

export const ROLE_LABEL: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  organizer: '组织者',
  grid: '网格员',
  handler: '处置人员',
  teacher: '教师',
  school_admin: '学校管理员',
  district_reviewer: '区文明办审核员',
  verifier: '核销员',
  liaison: '单位联络员',
  inspector: '督查员',
  street_office: '街道办',
  shop_owner: '门店负责人',
  admin: '文明办',
}

export interface RoleGrantView {
  role: GrantableRole
  /** team, grid, unit or class id for scoped roles */
  scopeId: string | null
}
