import type { Platform } from '../../platform'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import type { RoleGrantView } from '@/shared/roles'
import { NOTICE_VERSION } from '@/shared/contract/family'
import { countClass, countSchool } from './counters'
import { join } from './membership'
import { useDefaultPlan } from './plan'
import { complete } from './progress'
import { freshClass } from './classes'
import { F, WEEK_MS, type ClassDoc, type SchoolDoc } from './model'

/** The demo school and class of the local host (DEMO_SCOPES there); the quiz seed puts demo residents in this class's group. */
export const DEMO_SCHOOL = 'school-demo'
export const DEMO_CLASS = 'class-demo'
/** printed on the demo notice: type it on the join page to walk the parent's journey */
export const DEMO_JOIN_CODE = 'WMXS26'
const DEMO_TEACHER = 'demo-teacher'

/** Neighbours the quiz seed puts in class-demo; here they join it as families, nicknames only. */
const DEMO_FAMILIES: ReadonlyArray<{ openid: string; children: Array<{ nickname: string; grade: number }>; receipt: boolean }> = [
  { openid: 'demo-neighbour-3', children: [{ nickname: '小明', grade: 3 }], receipt: true },
  { openid: 'demo-neighbour-5', children: [{ nickname: '朵朵', grade: 3 }, { nickname: '豆豆', grade: 1 }], receipt: false },
]

const asPerson = (platform: Platform, openid: string, grants: RoleGrantView[] = []): ActionContext => ({
  ...platform,
  caller: { openid },
  grants,
  isAdmin: false,
})

/**
 * 文明路小学 with 刘老师's 三年级 3 班 (join code WMXS26), a default plan and two families.
 * Only what is missing is created, so a restart keeps whatever a developer did in the demo.
 */
export async function seedFamily(platform: Platform): Promise<void> {
  const now = platform.clock.now()
  const office = asPerson(platform, 'seed')
  if (!(await findById<SchoolDoc>(platform.db, F.schools, DEMO_SCHOOL))) {
    const school: Omit<SchoolDoc, '_id'> = { name: '文明路小学', district: '文明区', classes: 0, families: 0, children: 0, receipts: 0, createdBy: 'seed', createdAt: now }
    await platform.db.collection(F.schools).doc(DEMO_SCHOOL).set({ data: { ...school } })
    await countSchool(office)
  }
  const teacher = asPerson(platform, DEMO_TEACHER, [{ role: 'teacher', scopeId: DEMO_SCHOOL }])
  if (!(await findById<ClassDoc>(platform.db, F.classes, DEMO_CLASS))) {
    const cls = freshClass(
      { schoolId: DEMO_SCHOOL, schoolName: '文明路小学', grade: 3, name: '3 班', size: 45, termEndsAt: now + 18 * WEEK_MS },
      { openid: DEMO_TEACHER, name: '刘老师' },
      DEMO_JOIN_CODE,
      now,
    )
    await platform.db.collection(F.codes).doc(DEMO_JOIN_CODE).set({ data: { classId: DEMO_CLASS, archived: false } })
    await platform.db.collection(F.classes).doc(DEMO_CLASS).set({ data: { ...cls } })
    await countClass(office, DEMO_SCHOOL)
    await useDefaultPlan({ classId: DEMO_CLASS }, teacher)
    for (const demo of DEMO_FAMILIES) {
      const parent = asPerson(platform, demo.openid)
      const family = await join({ joinCode: DEMO_JOIN_CODE, consent: { noticeVersion: NOTICE_VERSION, agreed: true }, children: demo.children }, parent)
      if (!('id' in family) || !demo.receipt) continue
      const receipt = family.tasks.find((t) => t.kind === 'receipt')
      if (receipt) await complete({ familyId: family.id, taskId: receipt.id, confirm: true }, parent)
    }
  }
}
