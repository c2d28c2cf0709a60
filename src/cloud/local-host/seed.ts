import type { GrantableRole } from '@/shared/roles'
import type { Platform } from '../platform'
import { grantId } from '../runtime/grants'
import { seedVolunteer } from '../domain/volunteer/seed'
import { seedHandbook } from '../domain/handbook/publish'
import { seedEntry } from '../domain/entry/seed'
import { seedQuizDemo } from '../domain/quiz/seed'
import { seedReports } from '../domain/report/seed'
import { seedCalendars } from '../domain/calendar/store'
import { seedFamily } from '../domain/family/seed'
import { seedRolemodel } from '../domain/rolemodel/seed'
import { seedSurvey } from '../domain/survey/seed'
import { seedInspect } from '../domain/inspect/seed'
import { seedFrontage } from '../domain/frontage/seed'

/**
 * Demo data for `npm start`, written with set() on fixed ids so seeding twice changes nothing.
 * Areas add their own demo records here as they arrive (grids, units, activities, questions…).
 */
export interface DemoIdentity {
  openid: string
  label: string
  nickname: string
  grants: Array<{ role: GrantableRole; scopeId: string | null }>
}

export const DEMO_SCOPES = { team: 'team-demo', grid: 'grid-demo', unit: 'unit-demo', school: 'school-demo', inspectTeam: 'insp-city', street: 'unit-street-east', shop: 'shop-demo-tea' } as const

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  { openid: 'demo-resident', label: '居民', nickname: '市民小王', grants: [] },
  { openid: 'demo-volunteer', label: '志愿者', nickname: '志愿者小李', grants: [{ role: 'volunteer', scopeId: null }] },
  {
    openid: 'demo-organizer',
    label: '组织者',
    nickname: '队长老张',
    grants: [{ role: 'volunteer', scopeId: null }, { role: 'organizer', scopeId: DEMO_SCOPES.team }],
  },
  { openid: 'demo-grid', label: '网格员', nickname: '网格员小陈', grants: [{ role: 'grid', scopeId: DEMO_SCOPES.grid }] },
  { openid: 'demo-handler', label: '处置人员', nickname: '城管队员小赵', grants: [{ role: 'handler', scopeId: DEMO_SCOPES.unit }] },
  // 刘老师 teaches 三年级 3 班 (class-demo, join code WMXS26) at 文明路小学
  { openid: 'demo-teacher', label: '教师', nickname: '刘老师', grants: [{ role: 'teacher', scopeId: DEMO_SCOPES.school }] },
  {
    openid: 'demo-school-admin',
    label: '学校管理员',
    nickname: '文明路小学赵主任',
    grants: [{ role: 'school_admin', scopeId: DEMO_SCOPES.school }],
  },
  // reviews 文明区's 身边好人 nominations: the rolemodel seed records the delegation
  { openid: 'demo-district-reviewer', label: '区文明办审核员', nickname: '文明区文明办小吴', grants: [{ role: 'district_reviewer', scopeId: null }] },
  // 创文督查: the 城管执法大队's 联络员 answers its task list and 督办单; the inspector is on the city's 督查组
  { openid: 'demo-liaison', label: '单位联络员', nickname: '执法大队联络员小孙', grants: [{ role: 'liaison', scopeId: DEMO_SCOPES.unit }] },
  { openid: 'demo-inspector', label: '督查员', nickname: '市创文办督查员老郑', grants: [{ role: 'inspector', scopeId: DEMO_SCOPES.inspectTeam }] },
  // 门前三包: 东城街道办 registers its street's shops; the owner runs 文明路 18 号's tea shop
  { openid: 'demo-street', label: '街道办', nickname: '东城街道办小钱', grants: [{ role: 'street_office', scopeId: DEMO_SCOPES.street }] },
  { openid: 'demo-shop', label: '门店负责人', nickname: '茶叶店李老板', grants: [{ role: 'shop_owner', scopeId: DEMO_SCOPES.shop }] },
  { openid: 'demo-admin', label: '文明办', nickname: '文明办小周', grants: [{ role: 'admin', scopeId: null }] },
]

export async function seedDemoData(platform: Platform): Promise<void> {
  const now = platform.clock.now()
  for (const person of DEMO_IDENTITIES) {
    const users = platform.db.collection('users')
    const { total } = await users.where({ _id: person.openid }).count()
    // Only create: a developer's own changes to a demo profile survive a restart.
    if (total === 0) {
      await users.doc(person.openid).set({
        data: { nickname: person.nickname, settings: { largeText: false }, points: 0, createdAt: now, updatedAt: now },
      })
    }
    for (const grant of person.grants) {
      await platform.db.collection('role_grants').doc(grantId(person.openid, grant.role, grant.scopeId)).set({
        data: { openid: person.openid, role: grant.role, scopeId: grant.scopeId, grantedBy: 'seed', grantedAt: now },
      })
    }
  }
  // the teacher's grant was scoped to the class before schools existed
  await platform.db.collection('role_grants').where({ _id: grantId('demo-teacher', 'teacher', 'class-demo') }).remove()
  await seedCalendars(platform)
  await seedReports(platform)
  await seedHandbook(platform)
  await seedEntry(platform)
  await seedQuizDemo(platform)
  await seedVolunteer(platform)
  // after the quiz seed: its neighbours join class-demo as the demo families
  await seedFamily(platform)
  await seedRolemodel(platform)
  // after the report seed: the survey's communities are its grids
  await seedSurvey(platform)
  // after the report seed: sites sit in its grids and name its units
  await seedInspect(platform)
  // after the report and inspect seeds: shops sit in its grids; a street office is its unit
  await seedFrontage(platform)
}
