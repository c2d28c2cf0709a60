import { z } from 'zod'
import { GRANTABLE_ROLES, type RoleGrantView } from '../roles'
import { id, noInput, openid, shortText } from './common'
import { returns } from './define'

export interface UserSettings {
  /** 适老化: larger type across every page */
  largeText: boolean
}

export interface MeView {
  /** the caller's own id, shown in 我的 so the office can grant them a role */
  userId: string
  nickname: string
  roles: RoleGrantView[]
  isAdmin: boolean
  points: number
  settings: UserSettings
  createdAt: number
}

export interface RoleGrantsView {
  openid: string
  grants: RoleGrantView[]
}

const settingsPatch = z.object({ largeText: z.boolean().optional() }).strict()

const roleGrantInput = z
  .object({ openid, role: z.enum(GRANTABLE_ROLES), scopeId: id.optional() })
  .strict()

export const userActions = {
  me: returns<MeView>()({
    input: noInput,
    roles: ['resident'],
    summary: '当前用户的资料、角色、积分与设置（首次调用时创建）',
  }),
  updateProfile: returns<MeView>()({
    input: z
      .object({ nickname: shortText(20).optional(), settings: settingsPatch.optional() })
      .strict()
      .refine((v) => v.nickname !== undefined || v.settings !== undefined, { message: '没有要修改的内容' }),
    roles: ['resident'],
    summary: '修改昵称（经内容安全检测）与设置（大字模式）',
  }),
  grantRole: returns<RoleGrantsView>()({
    input: roleGrantInput,
    roles: ['admin'],
    summary: '文明办授予角色；有范围的角色须给出队伍、网格、单位或学校编号',
  }),
  rolesOf: returns<RoleGrantsView>()({
    input: z.object({ openid }).strict(),
    roles: ['admin'],
    summary: '文明办查看某人的全部角色',
  }),
  revokeRole: returns<RoleGrantsView>()({
    input: roleGrantInput,
    roles: ['admin'],
    summary: '文明办撤销角色',
  }),
}

export const USER_ERRORS = {
  'USER.NICKNAME_REJECTED': '昵称包含不适宜的内容，请修改后再试',
  'USER.SCOPE_REQUIRED': '该角色需要指定范围（队伍、网格、单位或班级）',
  'USER.SCOPE_NOT_ALLOWED': '该角色不需要指定范围',
  'USER.CONFIG_ADMIN': '该管理员由系统配置，不能在这里撤销',
  'USER.SELF_REVOKE': '不能撤销自己的文明办权限',
  'USER.GRANT_NOT_FOUND': '该用户没有这个角色',
} as const

export type UserErrorCode = keyof typeof USER_ERRORS
