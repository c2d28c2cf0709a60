import { PLEDGE_ITEMS } from '@/shared/contract/family'
import { FAMILY_TEMPLATES } from '@/shared/contract/family'
import { CONSENT_MOMENTS } from '@/shared/notify'
import { grantConsent } from '../support/notify'
import { seedHandbook } from '@/cloud/domain/handbook/publish'
import { seedQuiz } from '@/cloud/domain/quiz/bank-store'
import { expectOk, TEST_ADMIN } from '../support/cloud'
import {
  DAY,
  docsOf,
  familyOf,
  joined,
  setThisWeek,
  startFamilyCloud,
  T1,
  taskOf,
  THIS_WEEK,
  WEEK,
  type FamilyWorld,
} from './family-support'
import { startDaily, takeQuiz, type Intent } from './quiz-support'
import { ORGANIZER, PLACE, publish, registerVolunteer, TEAM } from './volunteer-fixtures'

let world: FamilyWorld
beforeEach(async () => {
  world = await startFamilyCloud()
})
afterEach(() => world.cloud.close())

const call = (openid: string) => world.cloud.as(openid)
const complete = (openid: string, familyId: string, taskId: string, confirm?: boolean) =>
  call(openid).call('family', 'complete', { familyId, taskId, ...(confirm === undefined ? {} : { confirm }) })
const board = async () => expectOk(await call(T1).call('family', 'board', { classId: world.classA1.id }))

describe('the weekly plan', () => {
  test('setWeek replaces a week; a week outside the term, or not a Monday, is refused', async () => {
    await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'quiz', title: '家庭答题' }])
    const replaced = await setThisWeek(world.cloud, T1, world.classA1.id, [
      { kind: 'chapter', title: '一起读文明交通', ref: 'traffic' },
      { kind: 'free', title: '画一张文明手抄报', description: '全家一起画' },
    ])
    expect(replaced.tasks.map((t) => t.kind)).toEqual(['chapter', 'free'])
    const plan = expectOk(await call(T1).call('family', 'plan', { classId: world.classA1.id }))
    expect(plan[0]).toEqual({ week: THIS_WEEK, tasks: replaced.tasks })
    expect(plan).toHaveLength(17)
    for (const week of ['2026-11-24', '2026-11-16', '2027-06-07']) {
      expect(await call(T1).call('family', 'setWeek', { classId: world.classA1.id, week, tasks: [{ kind: 'quiz', title: '家庭答题' }] })).toMatchObject({
        ok: false,
        code: 'FAMILY.WEEK_OUT_OF_TERM',
      })
    }
  })

  test('a task must say what it refers to: an unknown chapter, item or a free task without a description is FAMILY.BAD_TASK', async () => {
    const bad = [
      [{ kind: 'chapter', title: '读一章', ref: 'no-such-chapter' }],
      [{ kind: 'microAction', title: '微行动', ref: 'fly-to-the-moon' }],
      [{ kind: 'explain', title: '讲一讲' }],
      [{ kind: 'free', title: '自定任务' }],
      [{ kind: 'quiz', title: '家庭答题', ref: 'traffic' }],
      [{ kind: 'quiz', title: '家庭答题' }, { kind: 'quiz', title: '家庭答题' }],
    ] as const
    for (const tasks of bad) {
      expect(await call(T1).call('family', 'setWeek', { classId: world.classA1.id, week: THIS_WEEK, tasks: [...tasks] })).toMatchObject({
        ok: false,
        code: 'FAMILY.BAD_TASK',
      })
    }
  })

  test('the default plan fills every unset week to term end: 回执 and pledge first, a family shift every fourth week; set weeks stay', async () => {
    const mine = await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'quiz', title: '家庭答题' }], '2026-11-30')
    const plan = expectOk(await call(T1).call('family', 'useDefaultPlan', { classId: world.classA1.id }))
    expect(plan.every((w) => w.tasks.length > 0)).toBe(true)
    expect(plan[0].tasks.map((t) => t.kind)).toEqual(['receipt', 'pledge', 'chapter'])
    expect(plan[1]).toEqual(mine)
    expect(plan[3].tasks.map((t) => t.kind)).toContain('shift')
    expect(plan.filter((w) => w.tasks.some((t) => t.kind === 'shift')).length).toBe(4)
    const again = expectOk(await call(T1).call('family', 'useDefaultPlan', { classId: world.classA1.id }))
    expect(again).toEqual(plan)
  })
})

describe('completing a task needs its evidence', () => {
  test('a confirm task without the confirmation is FAMILY.NOT_DONE_YET and writes nothing; with it, it is done once', async () => {
    await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'microAction', title: '家庭文明微行动', ref: 'clean-plate' }, { kind: 'receipt', title: '回执' }])
    const family = await joined(world.cloud, 'parent-1', world.classA1)
    const [micro] = family.tasks
    const before = await world.cloud.snapshot()
    expect(await complete('parent-1', family.id, micro.id)).toMatchObject({ ok: false, code: 'FAMILY.NOT_DONE_YET' })
    expect(await complete('parent-1', family.id, micro.id, false)).toMatchObject({ ok: false, code: 'FAMILY.NOT_DONE_YET' })
    expect(await complete('parent-1', family.id, 'quiz-notthis')).toMatchObject({ ok: false, code: 'FAMILY.TASK_NOT_FOUND' })
    expect(await world.cloud.snapshot()).toEqual(before)
    const done = expectOk(await complete('parent-1', family.id, micro.id, true))
    expect(done.tasks[0]).toMatchObject({ done: true, evidence: '家长已确认全家完成' })
    const snapshot = await world.cloud.snapshot()
    expectOk(await complete('parent-1', family.id, micro.id, true))
    expect(await world.cloud.snapshot()).toEqual(snapshot)
    expect((await board()).weeks[0]).toEqual({ week: THIS_WEEK, tasks: 2, familiesDone: 0, completions: 1 })
  })

  test('a chapter task is done when the parent finished the chapter in the app this week', async () => {
    await seedHandbook(world.cloud.platform)
    await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'chapter', title: '一起读文明交通', ref: 'traffic' }])
    const family = await joined(world.cloud, 'parent-1', world.classA1)
    const [chapter] = family.tasks
    expect(chapter.how).toContain('文明交通')
    expect(await complete('parent-1', family.id, chapter.id, true)).toMatchObject({ ok: false, code: 'FAMILY.NOT_DONE_YET' })
    expectOk(await call('parent-1').call('handbook', 'recordProgress', { chapterId: 'traffic', sectionId: 'traffic-pedestrian' }))
    expect(await complete('parent-1', family.id, chapter.id)).toMatchObject({ ok: false, code: 'FAMILY.NOT_DONE_YET' })
    expectOk(await call('parent-1').call('handbook', 'recordProgress', { chapterId: 'traffic', sectionId: 'traffic-driving', completed: true }))
    const done = expectOk(await complete('parent-1', family.id, chapter.id))
    expect(done.tasks[0]).toMatchObject({ done: true, evidence: '已读完「文明交通」' })
    expect(done.weeksDone).toBe(1)
  })

  test("a chapter read last week does not count for this week's task", async () => {
    await seedHandbook(world.cloud.platform)
    expectOk(await call('parent-1').call('handbook', 'recordProgress', { chapterId: 'traffic', sectionId: 'traffic-driving', completed: true }))
    world.cloud.clock.advance(WEEK)
    await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'chapter', title: '一起读文明交通', ref: 'traffic' }], '2026-11-30')
    const family = await joined(world.cloud, 'parent-1', world.classA1)
    expect(await complete('parent-1', family.id, family.tasks[0].id)).toMatchObject({ ok: false, code: 'FAMILY.NOT_DONE_YET' })
  })

  test("a quiz task records the parent's best score of the week, and the class's quiz average is kept on write", async () => {
    await seedQuiz(world.cloud.platform)
    await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'quiz', title: '家庭答题' }])
    const a = await joined(world.cloud, 'parent-1', world.classA1)
    const b = await joined(world.cloud, 'parent-2', world.classA1, [{ nickname: '豆豆', grade: 3 }])
    expect(await complete('parent-1', a.id, a.tasks[0].id)).toMatchObject({ ok: false, code: 'FAMILY.NOT_DONE_YET' })
    const answers = (n: number): Intent[] => Array.from({ length: 10 }, (_, i) => (i < n ? 'right' : 'wrong'))
    await takeQuiz(world.cloud, 'parent-1', await startDaily(world.cloud, 'parent-1'), answers(8))
    await takeQuiz(world.cloud, 'parent-2', await startDaily(world.cloud, 'parent-2'), answers(5))
    expect(expectOk(await complete('parent-1', a.id, a.tasks[0].id)).tasks[0].evidence).toBe('答题 80 分')
    expect(expectOk(await complete('parent-2', b.id, b.tasks[0].id)).tasks[0].evidence).toBe('答题 50 分')
    expect((await board()).quizAverage).toBe(65)
  })

  test('a family volunteer shift completes the family task once the parent’s record is confirmed; the child is on no roster', async () => {
    expectOk(await call(TEST_ADMIN).call('user', 'grantRole', { openid: ORGANIZER, role: 'organizer', scopeId: TEAM }))
    await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'shift', title: '亲子志愿服务' }])
    const family = await joined(world.cloud, 'parent-1', world.classA1, [{ nickname: '小明', grade: 3 }])
    await registerVolunteer(world.cloud, 'parent-1')
    const HOUR = 3_600_000
    const plain = await publish(world.cloud, [{ startIn: 1 * HOUR }])
    const familyShift = await publish(world.cloud, [{ startIn: 4 * HOUR }], {
      title: '校门口亲子文明交通劝导',
      shifts: [{ startAt: world.cloud.clock.now() + 4 * HOUR, endAt: world.cloud.clock.now() + 6 * HOUR, capacity: 10, family: true }],
    })
    const detail = expectOk(await call('parent-1').call('volunteer', 'getActivity', { activityId: familyShift.activityId }))
    expect(detail.shifts[0].family).toBe(true)
    const here = { kind: 'geofence' as const, lat: PLACE.lat, lng: PLACE.lng }
    const start = world.cloud.clock.now()
    for (const [shiftId, at] of [
      [plain.shiftIds[0], start + 1 * HOUR],
      [familyShift.shiftIds[0], start + 4 * HOUR],
    ] as const) {
      expectOk(await call('parent-1').call('volunteer', 'signUp', { shiftId, requestId: `req-${shiftId}` }))
      world.cloud.clock.set(at)
      expectOk(await call('parent-1').call('volunteer', 'checkIn', { shiftId, proof: here }))
      world.cloud.clock.set(at + 2 * HOUR)
      expectOk(await call('parent-1').call('volunteer', 'checkOut', { shiftId, proof: here }))
    }
    // checked out but not yet confirmed: not done
    expect(await complete('parent-1', family.id, family.tasks[0].id)).toMatchObject({ ok: false, code: 'FAMILY.NOT_DONE_YET' })
    // the ordinary shift's confirmed record does not count
    expectOk(await call(ORGANIZER).call('volunteer', 'confirmHours', { shiftId: plain.shiftIds[0], all: true }))
    expect(await complete('parent-1', family.id, family.tasks[0].id)).toMatchObject({ ok: false, code: 'FAMILY.NOT_DONE_YET' })
    expectOk(await call(ORGANIZER).call('volunteer', 'confirmHours', { shiftId: familyShift.shiftIds[0], all: true }))
    const done = expectOk(await complete('parent-1', family.id, family.tasks[0].id))
    expect(done.tasks[0]).toMatchObject({ done: true, evidence: '亲子志愿服务 2 小时（已确认）' })
    const roster = expectOk(await call(ORGANIZER).call('volunteer', 'roster', { shiftId: familyShift.shiftIds[0] }))
    expect(roster.items).toHaveLength(1)
    expect(JSON.stringify(roster)).not.toContain('小明')
  })

  test('the pledge needs every item ticked; signing stores who (the parent’s nickname), when and which version, and completes the pledge task', async () => {
    expectOk(await call('parent-1').call('user', 'updateProfile', { nickname: '小明爸爸' }))
    await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'pledge', title: '签署家庭文明承诺书' }])
    const family = await joined(world.cloud, 'parent-1', world.classA1)
    expect(await complete('parent-1', family.id, family.tasks[0].id, true)).toMatchObject({ ok: false, code: 'FAMILY.NOT_DONE_YET' })
    const before = await world.cloud.snapshot()
    const some = PLEDGE_ITEMS.map((_, i) => i).slice(1)
    expect(await call('parent-1').call('family', 'signPledge', { familyId: family.id, items: some })).toMatchObject({ ok: false, code: 'FAMILY.PLEDGE_INCOMPLETE' })
    expect(await world.cloud.snapshot()).toEqual(before)
    const signed = expectOk(await call('parent-1').call('family', 'signPledge', { familyId: family.id, items: PLEDGE_ITEMS.map((_, i) => i) }))
    expect(signed.pledge).toEqual({ items: [...PLEDGE_ITEMS], version: '2026-1', signedAt: world.cloud.clock.now(), signedBy: '小明爸爸' })
    expect(expectOk(await complete('parent-1', family.id, family.tasks[0].id)).tasks[0].done).toBe(true)
  })
})

describe('weeks, streaks and badges', () => {
  test('a week is done when every task is; streaks count consecutive weeks; badges at 1, 4, 8 and 12 weeks', async () => {
    expectOk(await call(T1).call('family', 'useDefaultPlan', { classId: world.classA1.id }))
    // the default plan's tasks that need a record are replaced by confirm tasks, so a loop can do them
    const plan = expectOk(await call(T1).call('family', 'plan', { classId: world.classA1.id }))
    for (const w of plan) await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'receipt', title: '回执' }, { kind: 'microAction', title: '微行动', ref: 'clean-plate' }], w.week)
    const family = await joined(world.cloud, 'parent-1', world.classA1)
    const doWeek = async () => {
      const view = await familyOf(world.cloud, 'parent-1', family.id)
      for (const t of view.tasks) expectOk(await complete('parent-1', family.id, t.id, true))
      return familyOf(world.cloud, 'parent-1', family.id)
    }
    const half = await familyOf(world.cloud, 'parent-1', family.id)
    expectOk(await complete('parent-1', family.id, half.tasks[0].id, true))
    expect((await familyOf(world.cloud, 'parent-1', family.id)).weeksDone).toBe(0)
    let view = await doWeek()
    expect([view.streak, view.weeksDone, view.badges.map((b) => b.id)]).toEqual([1, 1, ['start']])
    for (let w = 2; w <= 4; w++) {
      world.cloud.clock.advance(WEEK)
      view = await doWeek()
    }
    expect([view.streak, view.badges.map((b) => b.name)]).toEqual([4, ['文明家庭·起步', '文明家庭·坚持']])
    expect(view.badges[1].detail).toBe('连续 4 周完成家庭任务')
    // a week missed: the streak shows 0 once that week is over, and starts again from 1
    world.cloud.clock.advance(2 * WEEK)
    expect((await familyOf(world.cloud, 'parent-1', family.id)).streak).toBe(0)
    view = await doWeek()
    expect([view.streak, view.weeksDone, view.badges.length]).toEqual([1, 5, 2])
    for (let w = 0; w < 11; w++) {
      world.cloud.clock.advance(WEEK)
      view = await doWeek()
    }
    expect([view.streak, view.weeksDone, view.badges.map((b) => b.id)]).toEqual([12, 16, ['start', 'streak-4', 'streak-8', 'streak-12']])
    // badges are the family's own: the board shows none of them
    expect(JSON.stringify(await board())).not.toContain('文明家庭·')
  })
})

describe('reminders', () => {
  test('the teacher reminds families who have not finished this week, once per class per week', async () => {
    await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'receipt', title: '回执' }])
    const done = await joined(world.cloud, 'parent-done', world.classA1)
    await joined(world.cloud, 'parent-late', world.classA1, [{ nickname: '豆豆', grade: 3 }])
    // each parent accepted the 家庭任务提醒 (one credit a message; family-notify.test.ts: none, none sent)
    await grantConsent(world.cloud, 'parent-done', CONSENT_MOMENTS.family)
    await grantConsent(world.cloud, 'parent-late', CONSENT_MOMENTS.family, 2)
    expectOk(await complete('parent-done', done.id, done.tasks[0].id, true))
    expect(expectOk(await call(T1).call('family', 'remind', { classId: world.classA1.id }))).toEqual({ reminded: 1 })
    const sent = world.cloud.platform.openApi.outbox.filter((e) => e.api === 'subscribeMessage.send')
    expect(sent).toEqual([expect.objectContaining({ touser: 'parent-late', templateId: FAMILY_TEMPLATES.weeklyReminder })])
    expect(await call(T1).call('family', 'remind', { classId: world.classA1.id })).toMatchObject({ ok: false, code: 'FAMILY.ALREADY_REMINDED' })
    expect((await board()).remindedAt).toBe(world.cloud.clock.now())
    world.cloud.clock.advance(WEEK)
    await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'quiz', title: '家庭答题' }], '2026-11-30')
    expect((await board()).remindedAt).toBeNull()
    expect(expectOk(await call(T1).call('family', 'remind', { classId: world.classA1.id }))).toEqual({ reminded: 2 })
  })
})

describe('counters kept on write', () => {
  test('the board, school view and overview match a recount of the stored records', async () => {
    await seedQuiz(world.cloud.platform)
    const tasks = [
      { kind: 'receipt' as const, title: '回执' },
      { kind: 'quiz' as const, title: '家庭答题' },
    ]
    await setThisWeek(world.cloud, T1, world.classA1.id, tasks)
    await setThisWeek(world.cloud, T1, world.classA1.id, tasks, '2026-11-30')
    const families = []
    for (let i = 0; i < 6; i++) families.push(await joined(world.cloud, `p${i}`, world.classA1, Array.from({ length: (i % 3) + 1 }, (_, k) => ({ nickname: `孩${'甲乙丙丁戊己'[i]}${'一二三'[k]}`, grade: 3 }))))
    await joined(world.cloud, 'p0', world.classB1, [{ nickname: '大哥', grade: 7 }])
    for (const [i, f] of families.entries()) {
      if (i % 2 === 0) expectOk(await complete(`p${i}`, f.id, f.tasks[0].id, true))
      if (i < 3) {
        await takeQuiz(world.cloud, `p${i}`, await startDaily(world.cloud, `p${i}`), 'right')
        expectOk(await complete(`p${i}`, f.id, f.tasks[1].id))
      }
    }
    expectOk(await call('p5').call('family', 'removeChild', { familyId: families[5].id, childId: families[5].children[0].id }))
    expectOk(await call('p1').call('family', 'removeChild', { familyId: families[1].id, childId: families[1].children[0].id }))
    expectOk(await call('p1').call('family', 'removeChild', { familyId: families[1].id, childId: families[1].children[1].id }))
    world.cloud.clock.advance(WEEK + DAY)
    const next = await familyOf(world.cloud, 'p2', families[2].id)
    expectOk(await complete('p2', families[2].id, taskOf(next, 'receipt').id, true))

    const stored = await docsOf(world.cloud, 'family_families', { classId: world.classA1.id })
    const active = stored.filter((f) => f.status === 'active')
    const completions = await docsOf(world.cloud, 'family_completions', { classId: world.classA1.id })
    const weeks = await docsOf(world.cloud, 'family_weeks', { classId: world.classA1.id })
    const view = await board()
    expect(view.families).toBe(active.length)
    expect(view.children).toBe(active.reduce((n, f) => n + (f.children as unknown[]).length, 0))
    expect(view.receipts).toBe(stored.filter((f) => f.receipt).length)
    for (const w of view.weeks.slice(0, 2)) {
      expect(w.completions).toBe(completions.filter((c) => c.week === w.week).length)
      expect(w.familiesDone).toBe(weeks.filter((d) => d.week === w.week && d.done).length)
    }
    expect(view.weeks.slice(0, 2).map((w) => [w.completions, w.familiesDone])).toEqual([
      [6, 2],
      [1, 0],
    ])
    const scores = completions.filter((c) => c.kind === 'quiz').map((c) => c.score as number)
    expect(view.quizAverage).toBe(Math.round(scores.reduce((a, b) => a + b, 0) / scores.length))
    expect(view.familyRows.map((r) => r.nicknames.length)).toEqual(active.map((f) => (f.children as unknown[]).length))

    const school = expectOk(await call(TEST_ADMIN).call('family', 'school', { schoolId: world.schoolA }))
    expect([school.families, school.receipts]).toEqual([view.families, view.receipts])
    const overview = expectOk(await call(TEST_ADMIN).call('family', 'overview', {}))
    expect(overview).toMatchObject({ schools: 2, classes: 2, families: view.families + 1, children: view.children + 1, receipts: view.receipts })
    const cityWeeks = overview.weeks.slice(-2)
    expect(cityWeeks.map((w) => w.week)).toEqual([THIS_WEEK, '2026-11-30'])
    expect(cityWeeks.map((w) => [w.families, w.familiesDone, w.completions])).toEqual([
      [4, 2, 6],
      [1, 0, 1],
    ])
    expect(overview.bySchool[0]).toMatchObject({ school: { id: world.schoolA }, classes: 1, families: view.families })
  })
})
