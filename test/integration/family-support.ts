import type { ClassView, FamilyView, InputOf, Contract } from '@/shared/contract'
import { NOTICE_VERSION } from '@/shared/contract/family'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'

export const DAY = 86_400_000
export const WEEK = 7 * DAY
/** the test clock starts on Wednesday 2026-11-25 10:00 Shanghai, in the week of Monday 2026-11-23 */
export const THIS_WEEK = '2026-11-23'

/** Teachers, school admins and their scopes in every family test. */
export const T1 = 'teacher-liu' // school A, class A1
export const T2 = 'teacher-wang' // school A, no class of their own until a test makes one
export const T3 = 'teacher-chen' // school B, class B1
export const SA = 'school-admin-a'
export const SB = 'school-admin-b'

export interface FamilyWorld {
  cloud: TestCloud
  schoolA: string
  schoolB: string
  classA1: ClassView
  classB1: ClassView
}

export async function startFamilyCloud(): Promise<FamilyWorld> {
  const cloud = startTestCloud()
  const admin = cloud.as(TEST_ADMIN)
  const schoolA = expectOk(await admin.call('family', 'createSchool', { name: '文明路小学', district: '文明区' })).id
  const schoolB = expectOk(await admin.call('family', 'createSchool', { name: '和平里中学', district: '和平区' })).id
  const grants: Array<[string, 'teacher' | 'school_admin', string]> = [
    [T1, 'teacher', schoolA],
    [T2, 'teacher', schoolA],
    [T3, 'teacher', schoolB],
    [SA, 'school_admin', schoolA],
    [SB, 'school_admin', schoolB],
  ]
  for (const [openid, role, scopeId] of grants) expectOk(await admin.call('user', 'grantRole', { openid, role, scopeId }))
  const classA1 = await createClass(cloud, T1, schoolA)
  const classB1 = await createClass(cloud, T3, schoolB, { grade: 7, name: '2 班' })
  return { cloud, schoolA, schoolB, classA1, classB1 }
}

export async function createClass(
  cloud: TestCloud,
  teacher: string,
  schoolId: string,
  overrides: Partial<InputOf<Contract['family']['createClass']>> = {},
): Promise<ClassView> {
  return expectOk(
    await cloud.as(teacher).call('family', 'createClass', {
      schoolId,
      grade: 3,
      name: '3 班',
      size: 40,
      termEndsAt: cloud.clock.now() + 16 * WEEK,
      ...overrides,
    }),
  )
}

export type ChildInput = { nickname: string; grade: number }

export function joinAs(cloud: TestCloud, openid: string, joinCode: string, children: ChildInput[] = [{ nickname: '小明', grade: 3 }]) {
  return cloud.as(openid).call('family', 'join', { joinCode, consent: { noticeVersion: NOTICE_VERSION, agreed: true }, children })
}

export async function joined(cloud: TestCloud, openid: string, cls: ClassView, children?: ChildInput[]): Promise<FamilyView> {
  if (!cls.joinCode) throw new Error('class has no join code')
  return expectOk(await joinAs(cloud, openid, cls.joinCode, children))
}

/** Sets this week's tasks of a class to exactly these. */
export async function setThisWeek(
  cloud: TestCloud,
  teacher: string,
  classId: string,
  tasks: InputOf<Contract['family']['setWeek']>['tasks'],
  week = THIS_WEEK,
) {
  return expectOk(await cloud.as(teacher).call('family', 'setWeek', { classId, week, tasks }))
}

export async function familyOf(cloud: TestCloud, openid: string, familyId: string): Promise<FamilyView> {
  const home = expectOk(await cloud.as(openid).call('family', 'home', {}))
  const family = home.families.find((f) => f.id === familyId)
  if (!family) throw new Error(`family ${familyId} not in ${openid}'s home`)
  return family
}

export function taskOf(family: FamilyView, kind: FamilyView['tasks'][number]['kind']) {
  const task = family.tasks.find((t) => t.kind === kind)
  if (!task) throw new Error(`no ${kind} task this week`)
  return task
}

/** All stored documents as one string: to prove a value is stored nowhere. */
export async function everythingStored(cloud: TestCloud): Promise<string> {
  return JSON.stringify(await cloud.snapshot())
}

export async function docsOf(cloud: TestCloud, collection: string, where: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = []
  for (let skip = 0; ; skip += 100) {
    const base = cloud.platform.db.collection(collection)
    const query = Object.keys(where).length > 0 ? base.where(where) : base
    const { data } = await query.orderBy('_id', 'asc').skip(skip).limit(100).get()
    out.push(...data)
    if (data.length < 100) return out
  }
}
