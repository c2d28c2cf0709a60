import { publish, ORGANIZER, TEAM } from './volunteer-fixtures'
import { POINTS_RULES } from '@/shared/points-rules'
import { expectOk, TEST_ADMIN } from '../support/cloud'
import { P, startReportCloud, type ReportCloud } from './report-fixtures'

/** 文明积分 earned outside the quiz: accepted reports, approved praise, confirmed hours, read chapters. */
let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

const DAY = 24 * 60 * 60 * 1000
const REPORT = POINTS_RULES['report.accepted']

async function balance(openid: string): Promise<number> {
  return expectOk(await cloud.as(openid).call('user', 'me', {})).points
}

async function ledger(openid: string) {
  const { data } = await cloud.platform.db.collection('points_ledger').where({ openid }).limit(100).get()
  return data as unknown as Array<{ delta: number; reason: string; sourceId: string }>
}

describe('reports', () => {
  test('10 concurrent dispatches of one report earn its reporter the points exactly once', async () => {
    const report = await cloud.submit(P.alice)
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id })))
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1)
    expect(await balance(P.alice)).toBe(REPORT.points)
    expect(await ledger(P.alice)).toEqual([expect.objectContaining({ delta: REPORT.points, reason: 'report.accepted', sourceId: `report:${report.id}` })])
  })

  test('a rejected report earns nothing, under 10 concurrent rejections too', async () => {
    const report = await cloud.submit(P.alice)
    await Promise.all(Array.from({ length: 10 }, () => cloud.as(P.grid).call('report', 'reject', { reportId: report.id, reason: 'out-of-scope' })))
    expect(await balance(P.alice)).toBe(0)
    expect(await ledger(P.alice)).toEqual([])
  })

  test('a report dispatched again after being sent back does not earn a second time', async () => {
    const report = await cloud.submit(P.alice)
    expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id }))
    expectOk(await cloud.as(P.handler).call('report', 'sendBack', { reportId: report.id, reason: 'wrong-location', note: '位置不在辖区' }))
    expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id }))
    expect(await balance(P.alice)).toBe(REPORT.points)
  })

  test('an anonymous report still earns its reporter; a reporter who deleted their data earns nothing', async () => {
    const anonymous = await cloud.submit(P.alice, { anonymous: true })
    expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: anonymous.id }))
    expect(await balance(P.alice)).toBe(REPORT.points)

    const forgotten = await cloud.submit(P.bob)
    expectOk(await cloud.as(P.bob).call('report', 'forget', { reportId: forgotten.id }))
    expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: forgotten.id }))
    expect(await ledger(P.bob)).toEqual([])
  })

  test('an approved praise earns the praise points once', async () => {
    const praise = await cloud.submit(P.alice, { categoryId: 'good-deed', description: '环卫工人帮老人过马路' })
    expectOk(await cloud.as(P.grid).call('report', 'approve', { reportId: praise.id }))
    expect(await balance(P.alice)).toBe(POINTS_RULES['praise.approved'].points)
  })

  test('accepted reports earn up to the daily cap, cut at the cap; the next day counts afresh', async () => {
    const perCap = Math.ceil(REPORT.dailyCap / REPORT.points) + 1
    for (let i = 0; i < perCap; i++) {
      const report = await cloud.submit(P.alice)
      expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id }))
    }
    expect(await balance(P.alice)).toBe(REPORT.dailyCap)
    cloud.clock.advance(DAY)
    const tomorrow = await cloud.submit(P.alice)
    expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: tomorrow.id }))
    expect(await balance(P.alice)).toBe(REPORT.dailyCap + REPORT.points)
  })
})

describe('handbook and volunteering', () => {
  test('finishing a chapter earns once, however often it is read again', async () => {
    const alice = cloud.as(P.alice)
    expectOk(await alice.call('handbook', 'toc', {}))
    expectOk(await alice.call('handbook', 'recordProgress', { chapterId: 'dogs', sectionId: 'dogs-registration' }))
    expect(await balance(P.alice)).toBe(0)
    await Promise.all(Array.from({ length: 5 }, () => alice.call('handbook', 'recordProgress', { chapterId: 'dogs', sectionId: 'dogs-cleanup' })))
    expectOk(await alice.call('handbook', 'recordProgress', { chapterId: 'dogs', sectionId: 'dogs-leash', completed: true }))
    expect(await balance(P.alice)).toBe(POINTS_RULES['handbook.chapter'].points)
  })

  test('confirmed hours earn by the minute, once per record', async () => {
    expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: ORGANIZER, role: 'organizer', scopeId: TEAM }))
    const { shiftIds } = await publish(cloud, [{ startIn: 60 * 60 * 1000 }])
    const shiftId = shiftIds[0]
    cloud.clock.advance(4 * 60 * 60 * 1000)
    // a closed record as check-out leaves it: 90 minutes, waiting for the organizer
    await cloud.platform.db.collection('volunteer_signups').add({
      data: { _id: 'signup-amy', shiftId, openid: 'amy', state: 'checkedOut', minutes: 90, queueKey: '0001', updatedAt: cloud.clock.now() },
    })
    const confirms = await Promise.all(Array.from({ length: 5 }, () => cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId, all: true })))
    expect(confirms.filter((c) => c.ok)).toHaveLength(1)
    expect(await balance('amy')).toBe(15)
    expect(await ledger('amy')).toEqual([expect.objectContaining({ reason: 'volunteer.hours', sourceId: 'volunteer:signup-amy', delta: 15 })])
  })
})
