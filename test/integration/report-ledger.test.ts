import { expectOk } from '../support/cloud'
import { HOUR, P, reportIn, startReportCloud, type ReportCloud } from './report-fixtures'

let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

const MINUTE = 60 * 1000
const ledger = async (cursor?: string) => expectOk(await cloud.as(P.office).call('report', 'ledger', cursor ? { cursor } : {}))

describe('督查台账: overdue reports, how late and who holds them', () => {
  test('a report appears the moment its step is past due, with how long and which grid holds it', async () => {
    const report = await cloud.submit(P.alice) // accept within 2 h
    cloud.clock.advance(2 * HOUR)
    expect((await ledger()).items).toEqual([]) // due exactly now is not yet late
    cloud.clock.advance(1)
    expect((await ledger()).items).toEqual([
      expect.objectContaining({ id: report.id, status: 'submitted', holder: 'grid', holderName: '文明路网格（网格员）', overdueMs: 1 }),
    ])
    cloud.clock.advance(90 * MINUTE)
    expect((await ledger()).items[0].overdueMs).toBe(90 * MINUTE + 1)
    expect((await cloud.view(P.alice, report.id)).overdue).toBe(true)
  })

  test('each step restarts the clock: dispatch clears it, the unit’s own due time puts it back under the unit’s name', async () => {
    const report = await cloud.submit(P.alice)
    cloud.clock.advance(3 * HOUR)
    expect((await ledger()).items).toHaveLength(1)
    expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id }))
    expect((await ledger()).items).toEqual([])
    cloud.clock.advance(4 * HOUR + MINUTE) // start within 4 h
    expect((await ledger()).items).toEqual([
      expect.objectContaining({ id: report.id, status: 'dispatched', holder: 'handler', holderName: '城市管理综合执法大队', overdueMs: MINUTE }),
    ])
    expectOk(await cloud.as(P.handler).call('report', 'start', { reportId: report.id }))
    cloud.clock.advance(47 * HOUR)
    expect((await ledger()).items).toEqual([]) // resolve within 48 h
    cloud.clock.advance(2 * HOUR)
    expect((await ledger()).items.map((i) => [i.status, i.overdueMs])).toEqual([['processing', HOUR]])
  })

  test('resolved, rated and rejected reports never appear, however old', async () => {
    await reportIn(cloud, 'resolved')
    await reportIn(cloud, 'rated')
    await reportIn(cloud, 'rejected')
    cloud.clock.advance(30 * 24 * HOUR)
    expect((await ledger()).items).toEqual([])
  })

  test('longest overdue first, paged by cursor', async () => {
    expectOk(await cloud.as(P.office).call('report', 'updateSettings', { dailyLimit: 30 }))
    const ids: string[] = []
    for (let i = 0; i < 23; i++) {
      ids.push((await cloud.submit(P.alice)).id)
      cloud.clock.advance(MINUTE)
    }
    cloud.clock.advance(3 * HOUR)
    const first = await ledger()
    expect(first.items.map((i) => i.id)).toEqual(ids.slice(0, 20))
    const second = await ledger(first.next ?? undefined)
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(20))
    expect(second.next).toBeNull()
  })

  test('only the office reads the ledger', async () => {
    for (const openid of [P.alice, P.grid, P.handler]) {
      expect(await cloud.as(openid).call('report', 'ledger', {})).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    }
  })
})

describe('after 已办结: rating, and reopening on an unhappy one', () => {
  test('1–2 stars needs a reason; with one, the grid worker is asked, agrees, and the report goes back to the grid with a fresh due time', async () => {
    const report = await reportIn(cloud, 'resolved')
    expect(await cloud.as(P.alice).call('report', 'rate', { reportId: report.id, score: 2 })).toMatchObject({ ok: false, code: 'REPORT.REASON_REQUIRED' })
    expect((await cloud.view(P.office, report.id)).status).toBe('resolved')

    cloud.clock.advance(HOUR)
    const reopenedAt = cloud.clock.now()
    const requested = expectOk(await cloud.as(P.alice).call('report', 'rate', { reportId: report.id, score: 2, comment: '第二天又贴满了' }))
    expect(requested).toMatchObject({ status: 'reopen-requested', statusLabel: '申请重办', dueAt: reopenedAt + 2 * HOUR, holderName: '文明路网格' })
    expect(requested.timeline.at(-1)).toMatchObject({ action: 'requestReopen', reason: '第二天又贴满了', label: '评价 2 星，不满意，申请重办' })
    const reopened = expectOk(await cloud.as(P.grid).call('report', 'reopen', { reportId: report.id }))
    expect(reopened).toMatchObject({ status: 'reopened', statusLabel: '重办', dueAt: reopenedAt + 2 * HOUR, public: false, holderName: '文明路网格' })
    expect(reopened.timeline.at(-1)).toMatchObject({ action: 'reopen', reason: '第二天又贴满了', label: '网格员核实后同意重办' })

    const queue = expectOk(await cloud.as(P.grid).call('report', 'queue', { as: 'grid', status: 'reopened' }))
    expect(queue.items.map((i) => i.id)).toEqual([report.id])
    // out of the feed until it is resolved again
    expect(expectOk(await cloud.as(P.bob).call('report', 'feed', {})).items).toEqual([])

    expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id }))
    expectOk(await cloud.as(P.handler).call('report', 'start', { reportId: report.id }))
    const after = await cloud.photo(P.handler)
    const again = expectOk(await cloud.as(P.handler).call('report', 'resolve', { reportId: report.id, afterPhotos: [after], note: '已安装防贴涂层' }))
    expect(again).toMatchObject({ status: 'resolved', rating: null, reopenRequest: null, public: true })
    const rated = expectOk(await cloud.as(P.alice).call('report', 'rate', { reportId: report.id, score: 5 }))
    expect(rated).toMatchObject({ status: 'rated', rating: { score: 5 } })
    expect((await cloud.view(P.office, report.id)).timeline.map((e) => e.action)).toEqual([
      'submit', 'dispatch', 'start', 'resolve', 'requestReopen', 'reopen', 'dispatch', 'start', 'resolve', 'rate',
    ])
  })

  test('a reopened report is overdue on the ledger if the grid does not act within the limit', async () => {
    const report = await reportIn(cloud, 'reopened')
    cloud.clock.advance(2 * HOUR + MINUTE)
    expect((await ledger()).items).toEqual([expect.objectContaining({ id: report.id, status: 'reopened', holder: 'grid', overdueMs: MINUTE })])
  })

  test('3 stars closes it; the rating comment passes the content check first', async () => {
    const report = await reportIn(cloud, 'resolved')
    expect(await cloud.as(P.alice).call('report', 'rate', { reportId: report.id, score: 3, comment: '还行，就是有人在赌博' })).toMatchObject({
      ok: false,
      code: 'REPORT.NOTE_REJECTED',
    })
    expect(expectOk(await cloud.as(P.alice).call('report', 'rate', { reportId: report.id, score: 3 })).status).toBe('rated')
    expect(await cloud.as(P.alice).call('report', 'rate', { reportId: report.id, score: 1, comment: '改主意了' })).toMatchObject({
      ok: false,
      code: 'REPORT.INVALID_TRANSITION',
    })
  })
})
