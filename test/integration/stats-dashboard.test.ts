import { STATS_DASHBOARD_POSTER_PAGE, type PublishedStatsBoardView, type StatsDashboardView } from '@/shared/contract'
import { CATEGORIES, STATUS_LABEL, type ReportStatus } from '@/shared/report'
import { QUIZ_TOPICS } from '@/shared/contract/quiz'
import { seedQuiz } from '@/cloud/domain/quiz/bank-store'
import { DEMO_GRIDS } from '@/cloud/domain/report/demo-city'
import { readReportNow } from '@/cloud/domain/report/now'
import { systemContext } from '@/cloud/runtime/define-function'
import { expectOk } from '../support/cloud'
import { HOUR, P, startReportCloud, XICHENG_POINT, type ReportCloud } from './report-fixtures'
import { answersFor } from './quiz-support'
import { currentCode, ORGANIZER, OTHER_ORGANIZER, OTHER_TEAM, PLACE, registerVolunteer, signUp, TEAM } from './volunteer-fixtures'

/**
 * The office's dashboard against a dataset whose every figure is known by hand. Beijing times:
 *
 * Thursday 5 November (outside the last 7 days, inside the last 30):
 * - report D (文明路网格, 牛皮癣小广告 → unit-demo): resolved in 1 h, on time, rated 5★
 * - carol scans poster P2, then a waste practice of 2 questions, both right
 * Wednesday 25 November (the clock's "today" is Friday the 27th):
 * - reports A, B (文明路网格) and C (西城网格) as in stats-counters: A resolved in 1 h (on time), 5★;
 *   B and C resolved after 51 h (late), B rated 2★ and 重办 agreed, C never rated
 * - volunteers amy, ben, cat, dan register (amy twice: a correction, not a second volunteer);
 *   one more registered in January, before the counters existed
 * - team-a's shift 13:00–15:00: amy and ben check in at the start and out at the end (120 min
 *   each, confirmed), cat never comes (absent); team-b's shift: dan cancels an hour before (late)
 * - alice and bob scan poster P1 (alice twice); then alice: a waste practice of 4 (right, right,
 *   wrong, blank) and the dogs chapter opened then finished; bob: a traffic practice of 2, both
 *   right, and the dogs chapter finished in one go; carol opens the waste chapter
 * - the snapshot taken at 00:10 on the 26th: nothing overdue on the 25th; one older snapshot
 *   (the 24th) says 2
 */
let cloud: ReportCloud
const at = (iso: string) => cloud.clock.set(Date.parse(iso))
const office = () => cloud.as(P.office)
/** the whole dashboard (no view): every section filled */
type Whole = { [K in keyof StatsDashboardView]: NonNullable<StatsDashboardView[K]> }
const ask = async (input: Record<string, unknown>) => expectOk(await office().raw('stats', { action: 'dashboard', data: input })) as StatsDashboardView
const dashboard = async (input: Record<string, unknown>): Promise<Whole> => {
  const view = await ask(input)
  if (view.view !== 'all' || !view.overview || !view.reports || !view.volunteers || !view.quiz || !view.posters || !view.handbook) throw new Error(`not the whole dashboard: ${view.view}`)
  return view as Whole
}

async function step(openid: string, action: string, reportId: string, data: Record<string, unknown> = {}) {
  const result = await cloud.as(openid).raw('report', { action, data: { reportId, ...data } })
  if (!result.ok) throw new Error(`${action} failed: ${result.code}`)
}

async function practice(openid: string, topic: string, count: number, intents: Array<'right' | 'wrong' | 'skip'>) {
  const paper = expectOk(await cloud.as(openid).raw('quiz', { action: 'start', data: { mode: 'practice', topic, count } })) as Parameters<typeof answersFor>[1]
  const answers = await answersFor(cloud, paper, intents)
  cloud.clock.advance(10_000 * paper.questions.length)
  expectOk(await cloud.as(openid).call('quiz', 'submit', { attemptId: paper.attemptId, answers }))
}

const read = (openid: string, chapterId: string, sectionId: string, completed?: true) =>
  cloud.as(openid).call('handbook', 'recordProgress', { chapterId, sectionId, ...(completed ? { completed } : {}) })

async function poster(title: string, requestId: string): Promise<string> {
  const view = expectOk(
    await office().call('entry', 'registerPoster', { title, place: { lat: 30.2801, lng: 120.1523, address: '文明路社区宣传栏' }, target: { kind: 'dailyQuiz' }, requestId }),
  )
  return view.id
}

const ids: Record<'A' | 'B' | 'C' | 'D' | 'P1' | 'P2', string> = { A: '', B: '', C: '', D: '', P1: '', P2: '' }

beforeAll(async () => {
  cloud = await startReportCloud()
  await seedQuiz(cloud.platform)
  expectOk(await office().call('user', 'grantRole', { openid: ORGANIZER, role: 'organizer', scopeId: TEAM }))
  expectOk(await office().call('user', 'grantRole', { openid: OTHER_ORGANIZER, role: 'organizer', scopeId: OTHER_TEAM }))

  // ---- Thursday 5 November
  at('2026-11-05T02:00:00Z')
  ids.D = (await cloud.submit(P.alice)).id
  await step(P.grid, 'dispatch', ids.D)
  await step(P.handler, 'start', ids.D)
  cloud.clock.advance(HOUR)
  await step(P.handler, 'resolve', ids.D, { afterPhotos: [await cloud.photo(P.handler)], note: '已清理' })
  await step(P.alice, 'rate', ids.D, { score: 5 })
  ids.P2 = await poster('文明养犬宣传栏', 'poster-two')
  expectOk(await cloud.as(P.carol).call('entry', 'scan', { posterId: ids.P2 }))
  await practice(P.carol, 'waste', 2, ['right', 'right'])

  // ---- Wednesday 25 November
  at('2026-11-25T02:00:00Z')
  ids.A = (await cloud.submit(P.alice)).id
  ids.B = (await cloud.submit(P.alice)).id
  ids.C = (await cloud.submit(P.bob, { location: { ...XICHENG_POINT, address: '西城路 1 号' } })).id
  for (const [id, grid] of [[ids.A, P.grid], [ids.B, P.grid], [ids.C, P.otherGrid]] as const) {
    await step(grid, 'dispatch', id)
    await step(P.handler, 'start', id)
  }
  at('2026-11-25T03:00:00Z')
  await step(P.handler, 'resolve', ids.A, { afterPhotos: [await cloud.photo(P.handler)], note: '已清理' })
  await step(P.alice, 'rate', ids.A, { score: 5 })

  // volunteers: one registered before the counters existed (its profile only), four now, then
  // signed up for the 13:00 shifts of two teams
  await cloud.platform.db.collection('volunteer_profiles').add({ data: { _id: 'vol-old', realName: '王老志', createdAt: Date.parse('2026-01-05T02:00:00Z') } })
  for (const [n, who] of ['vol-amy', 'vol-ben', 'vol-cat', 'vol-dan'].entries()) await registerVolunteer(cloud, who, n + 1)
  await registerVolunteer(cloud, 'vol-amy', 1)
  const shiftOf = async (organizer: string, teamId: string) => {
    const detail = expectOk(
      await cloud.as(organizer).call('volunteer', 'publishActivity', {
        teamId,
        type: 'traffic',
        title: '路口文明交通劝导',
        description: '协助劝导行人遵守信号灯',
        place: PLACE,
        geofenceRadiusM: 200,
        shifts: [{ startAt: Date.parse('2026-11-25T05:00:00Z'), endAt: Date.parse('2026-11-25T07:00:00Z'), capacity: 10 }],
      }),
    )
    return detail.shifts[0].id
  }
  const shiftA = await shiftOf(ORGANIZER, TEAM)
  const shiftB = await shiftOf(OTHER_ORGANIZER, OTHER_TEAM)
  for (const who of ['vol-amy', 'vol-ben', 'vol-cat']) expectOk(await signUp(cloud, who, shiftA))
  const dan = expectOk(await signUp(cloud, 'vol-dan', shiftB))
  at('2026-11-25T04:00:00Z')
  expect(expectOk(await cloud.as('vol-dan').call('volunteer', 'cancelSignup', { signupId: dan.signupId })).countedAsNoShow).toBe(true)
  at('2026-11-25T05:00:00Z')
  for (const who of ['vol-amy', 'vol-ben']) {
    const { code } = await currentCode(cloud, shiftA)
    expectOk(await cloud.as(who).call('volunteer', 'checkIn', { shiftId: shiftA, proof: { kind: 'code', code } }))
  }
  at('2026-11-25T07:00:00Z')
  for (const who of ['vol-amy', 'vol-ben']) {
    const { code } = await currentCode(cloud, shiftA)
    expect(expectOk(await cloud.as(who).call('volunteer', 'checkOut', { shiftId: shiftA, proof: { kind: 'code', code } })).minutes).toBe(120)
  }

  // posters, quiz and handbook
  at('2026-11-25T08:00:00Z')
  ids.P1 = await poster('创文知识天天答', 'poster-one')
  expectOk(await cloud.as(P.alice).call('entry', 'scan', { posterId: ids.P1 }))
  expectOk(await cloud.as(P.alice).call('entry', 'scan', { posterId: ids.P1 }))
  expectOk(await cloud.as(P.bob).call('entry', 'scan', { posterId: ids.P1 }))
  await practice(P.alice, 'waste', 4, ['right', 'right', 'wrong', 'skip'])
  await practice(P.bob, 'traffic', 2, ['right', 'right'])
  expectOk(await read(P.alice, 'dogs', 'dogs-registration'))
  expectOk(await read(P.alice, 'dogs', 'dogs-cleanup'))
  expectOk(await read(P.alice, 'dogs', 'dogs-leash')) // reading again: neither a new reader nor a new finish
  expectOk(await read(P.bob, 'dogs', 'dogs-leash', true))
  expectOk(await read(P.carol, 'waste', 'waste-four-categories'))

  // 00:10 on the 26th: the day's snapshot, the shifts closed, team-a's hours confirmed
  at('2026-11-25T16:10:00Z')
  expectOk(await cloud.as(null).raw('stats', { Type: 'Timer', TriggerName: 'snapshotCity' }))
  expectOk(await cloud.as(null).raw('volunteer', { Type: 'Timer', TriggerName: 'closeEndedShifts' }))
  expect(expectOk(await cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId: shiftA, all: true }))).toEqual({ confirmed: 2, confirmedMinutes: 240 })
  await cloud.platform.db.collection('stats_snapshots').add({ data: { _id: '2026-11-24', day: '2026-11-24', overdueOpen: 2, takenAt: Date.parse('2026-11-24T16:10:00Z') } })

  // ---- Friday 27 November, 13:00
  at('2026-11-27T05:00:00Z')
  for (const id of [ids.B, ids.C]) await step(P.handler, 'resolve', id, { afterPhotos: [await cloud.photo(P.handler)], note: '已清理' })
  await step(P.alice, 'rate', ids.B, { score: 2, comment: '第二天又贴上了' })
  await step(P.grid, 'reopen', ids.B)
})
afterAll(() => cloud.close())

describe('the last 7 days (21–27 November)', () => {
  let view: Whole
  beforeAll(async () => {
    view = await dashboard({ period: '7d' })
  })

  test('the range', () => {
    expect(view).toMatchObject({ from: '2026-11-21', to: '2026-11-27', days: 7, generatedAt: cloud.clock.now() })
  })

  test('reports: the city, per day, per category, per unit', () => {
    expect(view.reports.totals).toMatchObject({
      id: 'all',
      name: '全市',
      received: 3,
      dispatched: 3,
      resolved: 3,
      resolvedOnTime: 1,
      ratings: 2,
      ratingSum: 7,
      satisfied: 1,
      reopened: 1,
      onTimeRate: 1 / 3,
      medianLabel: '3 天内',
      satisfactionRate: 0.5,
      reopenedShare: 1 / 3,
    })
    expect(view.reports.series.map((p) => p.day)).toEqual(['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'])
    const day = Object.fromEntries(view.reports.series.map((p) => [p.day, p]))
    expect(day['2026-11-25']).toMatchObject({ received: 3, dispatched: 3, resolved: 1, resolvedOnTime: 1 })
    expect(day['2026-11-27']).toMatchObject({ received: 0, resolved: 2, resolvedOnTime: 0, reopened: 1 })
    expect(day['2026-11-21']).toMatchObject({ received: 0, resolved: 0 })

    // every category of the list, the one with reports first
    expect(view.reports.byCategory).toHaveLength(CATEGORIES.length)
    expect(view.reports.byCategory[0]).toMatchObject({ id: 'illegal-ads', name: '牛皮癣小广告', received: 3, resolved: 3, onTimeRate: 1 / 3 })
    expect(view.reports.byCategory.slice(1).every((r) => r.received === 0 && r.onTimeRate === null)).toBe(true)

    expect(view.reports.byUnit).toHaveLength(1)
    expect(view.reports.byUnit[0]).toMatchObject({
      id: 'unit-demo',
      name: '城市管理综合执法大队',
      received: 3,
      resolved: 3,
      onTimeRate: 1 / 3,
      medianLabel: '3 天内',
      reopenedShare: 1 / 3,
      satisfactionRate: 0.5,
    })
  })

  test('reports by grid: every grid, with its polygon for the map', () => {
    expect(view.reports.byGrid.map((g) => g.id).sort()).toEqual(DEMO_GRIDS.features.map((f) => f.properties.id).sort())
    const grid = Object.fromEntries(view.reports.byGrid.map((g) => [g.id, g]))
    expect(grid['grid-demo']).toMatchObject({ name: '文明路网格', received: 2, resolved: 2, onTimeRate: 0.5 })
    expect(grid['grid-xicheng']).toMatchObject({ name: '西城网格', received: 1, resolved: 1, onTimeRate: 0 })
    const demo = DEMO_GRIDS.features.find((f) => f.properties.id === 'grid-demo')!
    expect(grid['grid-demo'].polygon).toEqual(demo.geometry.coordinates[0])
  })

  test('open reports now and overdue now come from the report-side counters; the overdue series from the snapshots', async () => {
    const now = await readReportNow(systemContext(cloud.platform, 'test'))
    expect(view.reports.overdueNow).toBe(now.overdue)
    for (const row of view.reports.nowByStatus) expect(row).toEqual({ status: row.status, label: STATUS_LABEL[row.status as ReportStatus], count: now.byStatus[row.status] ?? 0 })
    for (const status of ['submitted', 'dispatched', 'processing', 'reopened']) expect(view.reports.nowByStatus.map((r) => r.status)).toContain(status)
    expect(view.reports.overdueSeries).toEqual([
      { day: '2026-11-21', overdue: null },
      { day: '2026-11-22', overdue: null },
      { day: '2026-11-23', overdue: null },
      { day: '2026-11-24', overdue: 2 },
      { day: '2026-11-25', overdue: 0 },
      { day: '2026-11-26', overdue: null },
      { day: '2026-11-27', overdue: null },
    ])
  })

  test('volunteers: registered, hours per week, active teams, no-shows', () => {
    expect(view.volunteers).toEqual({
      // a running total, whatever the range: the four of this week and the one from January
      registered: 5,
      population: null,
      registrationTarget: null,
      registrationRate: null,
      // the weeks the range touches: 16 and 23 November
      hoursByWeek: [
        { week: '2026-11-16', hours: 0 },
        { week: '2026-11-23', hours: 4 },
      ],
      // team-b's only record is a late cancellation
      activeTeams: 1,
      // amy, ben, cat held places on team-a's shift, dan on team-b's; cat absent, dan cancelled late
      signups: 4,
      noShows: 2,
      noShowRate: 0.5,
    })
  })

  test('quiz per topic: papers, answered (a blank is not), right, accuracy', () => {
    expect(view.quiz.byTopic.map((t) => t.topic)).toEqual([...QUIZ_TOPICS])
    const topic = Object.fromEntries(view.quiz.byTopic.map((t) => [t.topic, t]))
    expect(topic.waste).toEqual({ topic: 'waste', name: '垃圾分类', papers: 1, answered: 3, correct: 2, accuracy: 2 / 3 })
    expect(topic.traffic).toMatchObject({ papers: 1, answered: 2, correct: 2, accuracy: 1 })
    expect(topic.dogs).toMatchObject({ papers: 0, answered: 0, correct: 0, accuracy: null })
  })

  test('posters: scans, people (per day), and what people did after scanning', () => {
    expect(view.posters).toEqual({
      rows: [{ posterId: ids.P1, title: '创文知识天天答', scans: 3, people: 2, reports: 0, reads: 2, quizzes: 2 }],
      truncated: false,
      next: null,
    })
  })

  test('handbook: readers (first opens) and finishes per chapter', () => {
    const chapter = Object.fromEntries(view.handbook.byChapter.map((c) => [c.chapterId, c]))
    expect(chapter.dogs).toEqual({ chapterId: 'dogs', title: '文明养犬', readers: 2, finished: 2 })
    expect(chapter.waste).toMatchObject({ readers: 1, finished: 0 })
    expect(chapter.traffic).toMatchObject({ readers: 0, finished: 0 })
  })
})

test('30 days instead of 7: the 5 November report, quiz and poster come in', async () => {
  const view = await dashboard({ period: '30d' })
  expect(view).toMatchObject({ from: '2026-10-29', to: '2026-11-27', days: 30 })
  expect(view.reports.totals).toMatchObject({ received: 4, resolved: 4, resolvedOnTime: 2, ratings: 3, ratingSum: 12, satisfied: 2, onTimeRate: 0.5, medianLabel: '2 小时内', reopenedShare: 0.25 })
  expect(view.reports.series).toHaveLength(30)
  expect(view.reports.series.find((p) => p.day === '2026-11-05')).toMatchObject({ received: 1, resolved: 1, resolvedOnTime: 1 })
  expect(view.reports.byUnit[0]).toMatchObject({ id: 'unit-demo', received: 4, onTimeRate: 0.5 })
  expect(view.reports.byGrid.find((g) => g.id === 'grid-demo')).toMatchObject({ received: 3, resolved: 3, onTimeRate: 2 / 3 })
  expect(view.volunteers.hoursByWeek.map((w) => w.week)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'])
  expect(view.quiz.byTopic.find((t) => t.topic === 'waste')).toMatchObject({ papers: 2, answered: 5, correct: 4, accuracy: 0.8 })
  expect(view.posters.rows).toEqual([
    { posterId: ids.P1, title: '创文知识天天答', scans: 3, people: 2, reports: 0, reads: 2, quizzes: 2 },
    { posterId: ids.P2, title: '文明养犬宣传栏', scans: 1, people: 1, reports: 0, reads: 0, quizzes: 1 },
  ])
  // a custom range of the 5th alone
  const fifth = await dashboard({ period: 'custom', from: '2026-11-05', to: '2026-11-05' })
  expect(fifth.reports.totals).toMatchObject({ received: 1, resolved: 1, onTimeRate: 1 })
  expect(fifth.volunteers).toMatchObject({ signups: 0, activeTeams: 0, noShowRate: null, registered: 5 })
})

test('the campaign targets: set by the office, audited, and the registration rate follows', async () => {
  const first = expectOk(await office().call('stats', 'setTargets', { population: 1000, registrationTarget: 0.05 }))
  expect(first).toEqual({ population: 1000, registrationTarget: 0.05 })
  expect((await dashboard({ period: '7d' })).volunteers).toMatchObject({ registered: 5, population: 1000, registrationTarget: 0.05, registrationRate: 0.005 })
  cloud.clock.advance(60_000)
  expectOk(await office().call('stats', 'setTargets', { population: 2000, registrationTarget: 0.1 }))
  const { data } = await cloud.platform.db.collection('audit_log').where({ subjectType: 'stats_targets' }).orderBy('at', 'asc').limit(10).get()
  expect(data.map((e) => [e.action, e.actorOpenid, (e.detail as Record<string, unknown>).before, (e.detail as Record<string, unknown>).after])).toEqual([
    ['set', P.office, null, JSON.stringify({ population: 1000, registrationTarget: 0.05 })],
    ['set', P.office, JSON.stringify({ population: 1000, registrationTarget: 0.05 }), JSON.stringify({ population: 2000, registrationTarget: 0.1 })],
  ])
  expect((await dashboard({ period: '7d' })).volunteers.registrationRate).toBe(0.0025)
})

describe('one view at a time: the same figures as the whole dashboard, and nothing of another view', () => {
  const SECTIONS = ['overview', 'reports', 'volunteers', 'quiz', 'posters', 'handbook'] as const
  const ranges: Array<Record<string, unknown>> = [{ period: '7d' }, { period: '30d' }, { period: 'quarter' }, { period: 'custom', from: '2026-11-05', to: '2026-11-25' }]

  test.each(ranges)('%o: each view equals its section of the whole dashboard, every other section null', async (range) => {
    const whole = await dashboard(range)
    // the dashboard may read a week or month that overhangs the range and subtract the days outside
    // it: its sums must be the range action's, which reads the exact split
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))
    const units = expectOk(await office().call('stats', 'range', { ...range, scope: 'unit' } as never)) as { rows: Array<{ id: string }> }
    expect(byId(whole.reports.byUnit)).toEqual(byId(units.rows))
    const grids = expectOk(await office().call('stats', 'range', { ...range, scope: 'grid' } as never)) as { rows: Array<{ id: string; received: number; resolved: number }> }
    for (const g of grids.rows) expect(whole.reports.byGrid.find((r) => r.id === g.id)).toMatchObject({ received: g.received, resolved: g.resolved })
    const city = expectOk(await office().call('stats', 'range', { ...range, scope: 'city' } as never)) as { rows: Array<{ id: string }> }
    expect(city.rows.length ? [whole.reports.totals] : []).toEqual(city.rows)
    for (const name of SECTIONS) {
      const one = await ask({ ...range, view: name })
      expect({ name, from: one.from, to: one.to, days: one.days, view: one.view }).toEqual({ name, from: whole.from, to: whole.to, days: whole.days, view: name })
      for (const other of SECTIONS) if (other !== name) expect({ name, other, section: one[other] }).toEqual({ name, other, section: null })
      if (name === 'posters') {
        // one page here (two posters): the same rows as the whole, in id order, and no next page
        expect(one.posters!.next).toBeNull()
        expect([...one.posters!.rows].sort((a, b) => (a.posterId < b.posterId ? -1 : 1))).toEqual([...whole.posters.rows].sort((a, b) => (a.posterId < b.posterId ? -1 : 1)))
      } else expect({ name, section: one[name] }).toEqual({ name, section: whole[name] })
    }
  })

  test('总览 carries the headline only: the city, open-now, the volunteer total and hours, the quiz summed', async () => {
    const whole = await dashboard({ period: '7d' })
    const one = await ask({ period: '7d', view: 'overview' })
    expect(one.overview).toEqual({
      totals: whole.reports.totals,
      series: whole.reports.series,
      overdueNow: whole.reports.overdueNow,
      volunteers: {
        registered: whole.volunteers.registered,
        population: whole.volunteers.population,
        registrationTarget: whole.volunteers.registrationTarget,
        registrationRate: whole.volunteers.registrationRate,
        hoursByWeek: whole.volunteers.hoursByWeek,
      },
      // 7 days: waste 1 paper (3 answered, 2 right), traffic 1 paper (2 of 2)
      quiz: { papers: 2, answered: 5, correct: 4, accuracy: 0.8 },
    })
    // no row per unit, grid, category or poster anywhere in the answer
    const text = JSON.stringify(one)
    for (const id of ['unit-demo', 'grid-demo', 'grid-xicheng', 'illegal-ads', ids.P1]) expect(text).not.toContain(id)
  })

  test('the 随手拍 view carries no poster, quiz or handbook rows', async () => {
    const one = await ask({ period: '30d', view: 'reports' })
    const text = JSON.stringify(one)
    for (const word of [ids.P1, ids.P2, '创文知识天天答', '宣传栏', '垃圾分类']) expect(text).not.toContain(word)
    expect(one.reports!.byUnit.map((u) => u.id)).toEqual(['unit-demo'])
  })
})

test('bad input: a clear code and message, nothing written', async () => {
  const before = await cloud.snapshot()
  const cases: Array<[string, string, Record<string, unknown>, string]> = [
    [P.office, 'dashboard', { period: 'custom', from: '2026-11-01' }, 'STATS.RANGE_REQUIRED'],
    [P.office, 'dashboard', { period: 'custom', from: '2026-11-20', to: '2026-11-01' }, 'STATS.RANGE_ORDER'],
    [P.office, 'dashboard', { period: 'custom', from: '2026-01-01', to: '2026-11-01' }, 'STATS.RANGE_TOO_LONG'],
    [P.office, 'dashboard', { period: 'custom', from: '2026-11-20', to: '2026-12-30' }, 'STATS.RANGE_IN_FUTURE'],
    [P.office, 'dashboard', { period: 'year' }, 'INPUT.INVALID'],
    [P.office, 'dashboard', { period: 'custom', from: '2026-02-30', to: '2026-03-01' }, 'INPUT.INVALID'],
    [P.alice, 'dashboard', { period: '7d' }, 'AUTH.FORBIDDEN'],
    [P.office, 'dashboard', { period: '7d', view: 'briefing' }, 'INPUT.INVALID'],
    [P.office, 'dashboard', { period: '7d', view: 'everything' }, 'INPUT.INVALID'],
    [P.office, 'dashboard', { period: '7d', view: 1 }, 'INPUT.INVALID'],
    [P.office, 'dashboard', { period: '7d', view: 'reports', posterCursor: 'P1' }, 'INPUT.INVALID'],
    [P.office, 'dashboard', { period: '7d', posterCursor: 'P1' }, 'INPUT.INVALID'],
    [P.office, 'dashboard', { period: '7d', view: 'posters', posterCursor: '' }, 'INPUT.INVALID'],
    [P.office, 'dashboard', { period: '7d', view: 'posters', posterCursor: 'x'.repeat(101) }, 'INPUT.INVALID'],
    [P.alice, 'dashboard', { period: '7d', view: 'overview' }, 'AUTH.FORBIDDEN'],
    [P.office, 'setTargets', { population: 0, registrationTarget: 0.1 }, 'INPUT.INVALID'],
    [P.office, 'setTargets', { population: 1.5, registrationTarget: 0.1 }, 'INPUT.INVALID'],
    [P.office, 'setTargets', { population: 100_000_001, registrationTarget: 0.1 }, 'INPUT.INVALID'],
    [P.office, 'setTargets', { population: 1000, registrationTarget: 1.2 }, 'INPUT.INVALID'],
    [P.office, 'setTargets', { population: 1000, registrationTarget: -0.1 }, 'INPUT.INVALID'],
    [P.office, 'setTargets', { population: 1000 }, 'INPUT.INVALID'],
    [P.office, 'setTargets', { population: 1000, registrationTarget: 0.1, extra: 1 }, 'INPUT.INVALID'],
    [P.alice, 'setTargets', { population: 1000, registrationTarget: 0.1 }, 'AUTH.FORBIDDEN'],
    [P.alice, 'publishedBoard', { week: '2026-13-01' }, 'INPUT.INVALID'],
    [P.alice, 'publishedBoards', { cursor: 'x'.repeat(101) }, 'INPUT.INVALID'],
  ]
  for (const [who, action, data, code] of cases) {
    const result = await cloud.as(who).raw('stats', { action, data })
    expect({ action, data, result }).toMatchObject({ action, data, result: { ok: false, code } })
    if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fa5]/)
  }
  expect(await cloud.snapshot()).toEqual(before)
})

test('a published 红黑榜 reads back as frozen, newest week first, 20 a page', async () => {
  // Tuesday 1 December: the week of the 23rd is over
  at('2026-12-01T02:00:00Z')
  expect(await cloud.as(P.alice).call('stats', 'publishedBoard', { week: '2026-11-23' })).toMatchObject({ ok: false, code: 'STATS.NOT_PUBLISHED', message: '这一周的红黑榜还没有发布' })
  expect(expectOk(await cloud.as(P.alice).call('stats', 'publishedBoards', {}))).toEqual({ items: [], next: null })
  expectOk(await office().call('stats', 'setBoardRule', { red: 1, black: 1, minReceived: 1 }))
  const published = expectOk(await office().call('stats', 'publishBoard', { week: '2026-11-23' })) as PublishedStatsBoardView
  // a later change of the rule does not move the frozen board
  expectOk(await office().call('stats', 'setBoardRule', { red: 0, black: 0, minReceived: 100 }))
  expect(expectOk(await cloud.as(P.alice).call('stats', 'publishedBoard', { week: '2026-11-23' }))).toEqual(published)
  expect(published.units.rows.find((r) => r.id === 'unit-demo')).toMatchObject({ received: 3, resolved: 3, resolvedOnTime: 1 })

  // 21 more published weeks (back to July): the first page holds the newest 20
  for (let i = 1; i <= 21; i++) {
    const week = new Date(Date.parse('2026-11-23T00:00:00Z') - i * 7 * 86_400_000).toISOString().slice(0, 10)
    expectOk(await office().call('stats', 'publishBoard', { week }))
  }
  const first = expectOk(await cloud.as(P.alice).call('stats', 'publishedBoards', {}))
  expect(first.items).toHaveLength(20)
  expect(first.items[0]).toMatchObject({ week: '2026-11-23', publishedAt: published.publishedAt, escalated: [], redUnits: 1, blackUnits: 0 })
  expect(first.items.map((w) => w.week)).toEqual([...first.items.map((w) => w.week)].sort().reverse())
  expect(first.next).toBe(first.items[19].week)
  const second = expectOk(await cloud.as(P.alice).call('stats', 'publishedBoards', { cursor: first.next! }))
  expect(second.items.map((w) => w.week)).toEqual(['2026-07-06', '2026-06-29'])
  expect(second.next).toBeNull()
})

test('an organizer’s later adjustment moves the hours, and an absent record credited by hand stops being a no-show', async () => {
  const signupOf = async (openid: string) => {
    const { data } = await cloud.platform.db.collection('volunteer_signups').where({ openid }).limit(1).get()
    return data[0] as { _id: string; state: string }
  }
  const amy = await signupOf('vol-amy')
  const cat = await signupOf('vol-cat')
  expect([amy.state, cat.state]).toEqual(['confirmed', 'noShow'])
  expectOk(await cloud.as(ORGANIZER).call('volunteer', 'adjustMinutes', { signupId: amy._id, minutes: 90, reason: '提前半小时离开' }))
  expectOk(await cloud.as(ORGANIZER).call('volunteer', 'adjustMinutes', { signupId: cat._id, minutes: 60, reason: '忘带手机，现场签到表为证' }))
  const week = await dashboard({ period: 'custom', from: '2026-11-23', to: '2026-11-27' })
  // amy 90 + ben 120 confirmed; cat's 60 are not confirmed yet, so not in the hours
  expect(week.volunteers).toMatchObject({ hoursByWeek: [{ week: '2026-11-23', hours: 3.5 }], signups: 4, noShows: 1, noShowRate: 0.25, activeTeams: 1 })
})

test('the 海报 view pages by poster id: every page together is the whole dashboard’s posters, each page a page long', async () => {
  // 47 more posters' counters on three days of the week before (a custom range of day docs only):
  // every poster on the 18th, the even ones on the 19th, the ones from 30 on the 20th — so the
  // days' pages end at different ids and a page must stop where every day has been read
  const docs: Array<{ _id: string; area: 'poster'; scopeId: string; period: string; counts: Record<string, number>; updatedAt: number }> = []
  for (let i = 0; i < 47; i++) {
    const scopeId = `poster-bulk-${String(i).padStart(2, '0')}`
    for (const day of ['2026-11-18', '2026-11-19', '2026-11-20']) {
      if (day === '2026-11-19' && i % 2) continue
      if (day === '2026-11-20' && i < 30) continue
      docs.push({ _id: `poster:${scopeId}:${day}`, area: 'poster', scopeId, period: day, counts: { scans: i + 1, people: 1, reports: 0, chapters: 0, quizzes: 0 }, updatedAt: cloud.clock.now() })
    }
  }
  for (const doc of docs) await cloud.platform.db.collection('dash_days').add({ data: doc })
  const range = { period: 'custom', from: '2026-11-18', to: '2026-11-20' }
  const whole = await dashboard(range)
  expect(whole.posters.rows).toHaveLength(47)
  const seen: Array<{ posterId: string; scans: number }> = []
  let cursor: string | undefined
  let pages = 0
  do {
    const page = (await ask({ ...range, view: 'posters', ...(cursor ? { posterCursor: cursor } : {}) })).posters!
    pages++
    expect(page.rows.length).toBeLessThanOrEqual(3 * STATS_DASHBOARD_POSTER_PAGE)
    seen.push(...page.rows.map((r) => ({ posterId: r.posterId, scans: r.scans })))
    cursor = page.next ?? undefined
  } while (cursor && pages < 10)
  expect(pages).toBeGreaterThan(1)
  // each poster once, in id order, with the same sums as the whole dashboard
  expect(seen.map((r) => r.posterId)).toEqual([...seen.map((r) => r.posterId)].sort())
  expect(new Set(seen.map((r) => r.posterId)).size).toBe(seen.length)
  expect([...seen].sort((a, b) => (a.posterId < b.posterId ? -1 : 1))).toEqual(whole.posters.rows.map((r) => ({ posterId: r.posterId, scans: r.scans })).sort((a, b) => (a.posterId < b.posterId ? -1 : 1)))
  const p40 = seen.find((r) => r.posterId === 'poster-bulk-40')
  expect(p40).toEqual({ posterId: 'poster-bulk-40', scans: 41 * 3 })
})
