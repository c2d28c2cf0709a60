import { PLEDGE_ITEMS } from '@/shared/contract/family'
import { expectOk, TEST_ADMIN } from '../support/cloud'
import { createClass, docsOf, joined, setThisWeek, SA, SB, startFamilyCloud, T1, T2, T3, THIS_WEEK, type FamilyWorld } from './family-support'

let world: FamilyWorld
beforeEach(async () => {
  world = await startFamilyCloud()
})
afterEach(() => world.cloud.close())

const refused = { ok: false, code: 'AUTH.FORBIDDEN' }

describe('a teacher sees and runs only their own classes', () => {
  test('myClasses lists the caller’s classes only', async () => {
    const own = await createClass(world.cloud, T2, world.schoolA, { name: '5 班' })
    expect(expectOk(await world.cloud.as(T1).call('family', 'myClasses', {})).map((c) => c.id)).toEqual([world.classA1.id])
    expect(expectOk(await world.cloud.as(T2).call('family', 'myClasses', {})).map((c) => c.id)).toEqual([own.id])
    expect(expectOk(await world.cloud.as(T3).call('family', 'myClasses', {})).map((c) => c.id)).toEqual([world.classB1.id])
  })

  test("another teacher — same school or not — is refused every action on a class that is not theirs, and nothing changes", async () => {
    const classId = world.classA1.id
    for (const teacher of [T2, T3]) {
      const before = await world.cloud.snapshot()
      const as = world.cloud.as(teacher)
      expect(await as.call('family', 'board', { classId })).toMatchObject(refused)
      expect(await as.call('family', 'plan', { classId })).toMatchObject(refused)
      expect(await as.call('family', 'classCode', { classId })).toMatchObject(refused)
      expect(await as.call('family', 'setWeek', { classId, week: THIS_WEEK, tasks: [{ kind: 'quiz', title: '家庭答题' }] })).toMatchObject(refused)
      expect(await as.call('family', 'useDefaultPlan', { classId })).toMatchObject(refused)
      expect(await as.call('family', 'remind', { classId })).toMatchObject(refused)
      expect(await as.call('family', 'archive', { classId })).toMatchObject(refused)
      expect(await world.cloud.snapshot()).toEqual(before)
    }
  })

  test('a teacher creates classes only in the school they are granted, and loses their classes with the grant', async () => {
    expect(
      await world.cloud.as(T1).call('family', 'createClass', { schoolId: world.schoolB, grade: 3, name: '3 班', size: 40, termEndsAt: world.cloud.clock.now() + 86_400_000 }),
    ).toMatchObject({ ok: false, code: 'FAMILY.NOT_YOUR_SCHOOL' })
    expect(
      await world.cloud.as(T1).call('family', 'createClass', { schoolId: 'no-such-school', grade: 3, name: '3 班', size: 40, termEndsAt: world.cloud.clock.now() + 86_400_000 }),
    ).toMatchObject({ ok: false, code: 'FAMILY.SCHOOL_NOT_FOUND' })
    expectOk(await world.cloud.as(SA).call('family', 'grantTeacher', { schoolId: world.schoolA, openid: T1, granted: false }))
    expect(await world.cloud.as(T1).call('family', 'board', { classId: world.classA1.id })).toMatchObject(refused)
  })

  test('a term must end after today and within half a year', async () => {
    const now = world.cloud.clock.now()
    for (const termEndsAt of [now - 1, now + 27 * 7 * 86_400_000]) {
      expect(
        await world.cloud.as(T1).call('family', 'createClass', { schoolId: world.schoolA, grade: 3, name: '4 班', size: 40, termEndsAt }),
      ).toMatchObject({ ok: false, code: 'FAMILY.TERM_INVALID' })
    }
  })

  test('residents, volunteers and school admins cannot run a class', async () => {
    const before = await world.cloud.snapshot()
    for (const who of ['parent-1', SA]) {
      expect(await world.cloud.as(who).call('family', 'archive', { classId: world.classA1.id })).toMatchObject(refused)
      expect(await world.cloud.as(who).call('family', 'createClass', { schoolId: world.schoolA, grade: 3, name: '3 班', size: 40, termEndsAt: world.cloud.clock.now() + 86_400_000 })).toMatchObject(refused)
    }
    expect(await world.cloud.as('parent-1').call('family', 'board', { classId: world.classA1.id })).toMatchObject(refused)
    expect(await world.cloud.as('parent-1').call('family', 'createSchool', { name: '某某小学', district: '文明区' })).toMatchObject(refused)
    expect(await world.cloud.snapshot()).toEqual(before)
  })
})

describe('a school admin sees only their school', () => {
  test('their school view and its class boards; another school’s are refused', async () => {
    const school = expectOk(await world.cloud.as(SA).call('family', 'school', { schoolId: world.schoolA }))
    expect(school.classes.map((c) => c.id)).toEqual([world.classA1.id])
    expectOk(await world.cloud.as(SA).call('family', 'board', { classId: world.classA1.id }))
    expect(await world.cloud.as(SA).call('family', 'school', { schoolId: world.schoolB })).toMatchObject(refused)
    expect(await world.cloud.as(SA).call('family', 'board', { classId: world.classB1.id })).toMatchObject(refused)
    expect(await world.cloud.as(SB).call('family', 'board', { classId: world.classA1.id })).toMatchObject(refused)
    expect(await world.cloud.as(T1).call('family', 'school', { schoolId: world.schoolA })).toMatchObject(refused)
    expect(await world.cloud.as(SA).call('family', 'overview', {})).toMatchObject(refused)
    expect(expectOk(await world.cloud.as(SA).call('family', 'schools', {})).map((s) => s.id)).toEqual([world.schoolA])
    expect(expectOk(await world.cloud.as(TEST_ADMIN).call('family', 'schools', {})).map((s) => s.id).sort()).toEqual([world.schoolA, world.schoolB].sort())
  })

  test('grants the teacher role within their school only, audited; the new teacher can then create a class there', async () => {
    expect(await world.cloud.as(SA).call('family', 'grantTeacher', { schoolId: world.schoolB, openid: 'new-teacher', granted: true })).toMatchObject(refused)
    expect(await docsOf(world.cloud, 'role_grants', { openid: 'new-teacher' })).toEqual([])
    expect(expectOk(await world.cloud.as(SA).call('family', 'grantTeacher', { schoolId: world.schoolA, openid: 'new-teacher', granted: true }))).toEqual({
      openid: 'new-teacher',
      schoolId: world.schoolA,
      granted: true,
    })
    const [audit] = await docsOf(world.cloud, 'audit_log', { subjectId: 'new-teacher' })
    expect(audit).toMatchObject({ action: 'grantRole', actorOpenid: SA, actorRoles: ['school_admin'], detail: { role: 'teacher', scopeId: world.schoolA } })
    await createClass(world.cloud, 'new-teacher', world.schoolA)
    expect(await world.cloud.as('parent-1').call('family', 'grantTeacher', { schoolId: world.schoolA, openid: 'x', granted: true })).toMatchObject(refused)
  })
})

describe('a parent sees and changes only their own family', () => {
  test("another parent's family reads as not found for every family action, and nothing changes", async () => {
    await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'receipt', title: '交回回执' }])
    const mine = await joined(world.cloud, 'parent-1', world.classA1, [{ nickname: '小明', grade: 3 }])
    await joined(world.cloud, 'parent-2', world.classA1, [{ nickname: '豆豆', grade: 3 }])
    const before = await world.cloud.snapshot()
    const other = world.cloud.as('parent-2')
    const notFound = { ok: false, code: 'FAMILY.NOT_FOUND' }
    expect(await other.call('family', 'addChild', { familyId: mine.id, child: { nickname: '小红', grade: 1 } })).toMatchObject(notFound)
    expect(await other.call('family', 'removeChild', { familyId: mine.id, childId: mine.children[0].id })).toMatchObject(notFound)
    expect(await other.call('family', 'complete', { familyId: mine.id, taskId: mine.tasks[0].id, confirm: true })).toMatchObject(notFound)
    expect(await other.call('family', 'signPledge', { familyId: mine.id, items: PLEDGE_ITEMS.map((_, i) => i) })).toMatchObject(notFound)
    expect(await world.cloud.as(T1).call('family', 'complete', { familyId: mine.id, taskId: mine.tasks[0].id, confirm: true })).toMatchObject(notFound)
    expect(await world.cloud.snapshot()).toEqual(before)
    const home = expectOk(await other.call('family', 'home', {}))
    expect(home.families.flatMap((f) => f.children.map((c) => c.nickname))).toEqual(['豆豆'])
  })

  test("the class board shows children's nicknames only — no parent, no openid", async () => {
    expectOk(await world.cloud.as('parent-1').call('user', 'updateProfile', { nickname: '小明妈妈' }))
    await joined(world.cloud, 'parent-1', world.classA1, [{ nickname: '小明', grade: 3 }])
    const board = expectOk(await world.cloud.as(T1).call('family', 'board', { classId: world.classA1.id }))
    expect(board.familyRows).toEqual([{ nicknames: ['小明'], doneThisWeek: 0, tasksThisWeek: 0, receipt: false }])
    const json = JSON.stringify(board)
    expect(json).not.toContain('parent-1')
    expect(json).not.toContain('小明妈妈')
  })
})
