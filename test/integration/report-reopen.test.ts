import { REPORT_TEMPLATES } from '@/shared/contract/report'
import type { ReportDoc } from '@/cloud/domain/report/types'
import { expectOk } from '../support/cloud'
import { grantConsent } from '../support/notify'
import { ALICE_PHONE, HOUR, P, reportIn, startReportCloud, type ReportCloud } from './report-fixtures'

let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
  // the reporter subscribed to these messages on the detail page
  await grantConsent(cloud, P.alice, ['reopenDecided', 'rateReminder'])
})
afterEach(() => cloud.close())

const DAY = 24 * HOUR
const timer = (name: string) => cloud.as(null).raw('report', { Type: 'Timer', TriggerName: name })
const messagesTo = (openid: string, templateId: string) =>
  cloud.platform.openApi.outbox.filter((e) => e.api === 'subscribeMessage.send' && e.touser === openid && e.templateId === templateId)
const stored = async (reportId: string) => (await cloud.platform.db.collection('reports').doc(reportId).get()).data as unknown as ReportDoc
const OTHERS = [P.bob, P.otherGrid, P.handler, P.otherHandler] as const

describe('申请重办: the reporter asks, the grid worker decides', () => {
  test('「问题未解决」 needs the reporter and a reason; it puts the report with the grid worker, with a due time and its photo', async () => {
    const report = await reportIn(cloud, 'resolved')
    for (const someone of [P.bob, P.grid, P.handler, P.office]) {
      const result = await cloud.as(someone).call('report', 'requestReopen', { reportId: report.id, reason: '又贴回来了' })
      expect({ someone, code: result.ok ? 'ok' : result.code }).toEqual({ someone, code: 'AUTH.FORBIDDEN' })
    }
    expect(await cloud.as(P.alice).call('report', 'requestReopen', { reportId: report.id, reason: '' })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await cloud.as(P.alice).call('report', 'requestReopen', { reportId: report.id, reason: '长'.repeat(201) })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await cloud.as(P.alice).call('report', 'requestReopen', { reportId: report.id, reason: '又贴回来了', photos: [await cloud.photo(P.bob)] })).toMatchObject({
      ok: false,
      code: 'REPORT.PHOTO_NOT_YOURS',
    })
    const at = cloud.clock.now()
    const requested = expectOk(
      await cloud.as(P.alice).call('report', 'requestReopen', { reportId: report.id, reason: '又贴回来了', photos: [await cloud.photo(P.alice)] }),
    )
    expect(requested).toMatchObject({ status: 'reopen-requested', statusLabel: '申请重办', dueAt: at + 2 * HOUR, holderName: '文明路网格', rating: null })
    expect(requested.timeline.at(-1)).toMatchObject({ action: 'requestReopen', reason: '又贴回来了', label: '问题未解决，申请重办', actor: '市民' })
    const forGrid = await cloud.view(P.grid, report.id)
    expect(forGrid.allowedActions.sort()).toEqual(['keepClosed', 'reopen'])
    expect(forGrid.reopenRequest).toMatchObject({ reason: '又贴回来了', score: null, photos: [expect.objectContaining({ heldReason: null })] })
    const queue = expectOk(await cloud.as(P.grid).call('report', 'queue', { as: 'grid', status: 'reopen-requested' }))
    expect(queue.items.map((i) => i.id)).toEqual([report.id])
  })

  test('同意重办 by the grid worker: back to 重办 with the reporter’s reason, counted, the reporter told; everyone else refused', async () => {
    const report = await reportIn(cloud, 'reopen-requested')
    for (const someone of [P.alice, ...OTHERS]) {
      const result = await cloud.as(someone).call('report', 'reopen', { reportId: report.id })
      expect({ someone, code: result.ok ? 'ok' : result.code }).toEqual({ someone, code: 'AUTH.FORBIDDEN' })
    }
    expect((await stored(report.id)).status).toBe('reopen-requested')
    const reopened = expectOk(await cloud.as(P.grid).call('report', 'reopen', { reportId: report.id, note: '现场核实属实' }))
    expect(reopened).toMatchObject({ status: 'reopened', public: false })
    expect(reopened.timeline.at(-1)).toMatchObject({ action: 'reopen', reason: '第二天又贴上了', note: '现场核实属实', actor: '网格员（文明路网格）' })
    expect(await stored(report.id)).toMatchObject({ reopenCount: 1 })
    expect(messagesTo(P.alice, REPORT_TEMPLATES.reopenDecided)).toEqual([
      expect.objectContaining({ page: `packages/reports/pages/detail/index?id=${report.id}`, data: expect.objectContaining({ phrase3: { value: '同意重办' } }) }),
    ])
    // the existing path: dispatched to the unit again
    expect(expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id })).status).toBe('dispatched')
    const audit = (await cloud.platform.db.collection('report_events').where({ reportId: report.id, action: 'reopen' }).get()).data
    expect(audit).toEqual([expect.objectContaining({ actorOpenid: P.grid, actorRole: 'grid', actorScope: 'grid-demo', from: 'reopen-requested', to: 'reopened' })])
  })

  test('维持办结 needs a written reason the reporter sees; it is counted apart from 重办 and the reporter is told', async () => {
    const report = await reportIn(cloud, 'reopen-requested')
    for (const someone of [P.alice, ...OTHERS]) {
      const result = await cloud.as(someone).call('report', 'keepClosed', { reportId: report.id, note: '已清理干净' })
      expect({ someone, code: result.ok ? 'ok' : result.code }).toEqual({ someone, code: 'AUTH.FORBIDDEN' })
    }
    expect(await cloud.as(P.grid).raw('report', { action: 'keepClosed', data: { reportId: report.id } })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    const kept = expectOk(await cloud.as(P.grid).call('report', 'keepClosed', { reportId: report.id, note: '现场核实已清理干净' }))
    expect(kept).toMatchObject({ status: 'resolved', statusLabel: '已办结' })
    const seen = await cloud.view(P.alice, report.id)
    expect(seen.timeline.at(-1)).toMatchObject({ action: 'keepClosed', note: '现场核实已清理干净', label: '网格员核实后维持办结' })
    expect(await stored(report.id)).toMatchObject({ reopenCount: 0, keptClosedCount: 1 })
    expect(messagesTo(P.alice, REPORT_TEMPLATES.reopenDecided)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ phrase3: { value: '维持办结' }, thing4: { value: '现场核实已清理干净' } }) }),
    ])
  })

  test('the office may decide in the grid worker’s stead, and says so on the timeline', async () => {
    const report = await reportIn(cloud, 'reopen-requested')
    const kept = expectOk(await cloud.as(P.office).call('report', 'keepClosed', { reportId: report.id, note: '督查核实已整改' }))
    expect(kept.timeline.at(-1)).toMatchObject({ action: 'keepClosed', actor: '文明办' })
  })

  test('after 维持办结 the same rating cannot ask again, but a new 「问题未解决」 within the window can', async () => {
    const report = await reportIn(cloud, 'reopen-requested') // asked with 1★
    expectOk(await cloud.as(P.grid).call('report', 'keepClosed', { reportId: report.id, note: '现场核实已清理干净' }))
    expect(await cloud.as(P.alice).call('report', 'rate', { reportId: report.id, score: 1, comment: '还是没弄好' })).toMatchObject({ ok: false, code: 'REPORT.RATING_STANDS' })
    expect(await cloud.as(P.alice).call('report', 'rate', { reportId: report.id, score: 5 })).toMatchObject({ ok: false, code: 'REPORT.RATING_STANDS' })
    expect((await cloud.view(P.alice, report.id)).allowedActions).toEqual(['requestReopen'])
    const again = expectOk(await cloud.as(P.alice).call('report', 'requestReopen', { reportId: report.id, reason: '今天又贴满了' }))
    expect(again).toMatchObject({ status: 'reopen-requested', rating: { score: 1 } })
  })
})

describe('评价期: a resolved report closes itself', () => {
  test('the office sets the window; a value out of range is refused', async () => {
    expect(await cloud.as(P.office).call('report', 'updateSettings', { ratingWindowDays: 0 })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await cloud.as(P.grid).call('report', 'updateSettings', { ratingWindowDays: 3 })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(expectOk(await cloud.as(P.office).call('report', 'updateSettings', { ratingWindowDays: 3 }))).toMatchObject({ ratingWindowDays: 3, contactRetentionDays: 365 })
    const resolvedAt = cloud.clock.now()
    const report = await reportIn(cloud, 'resolved')
    expect((await cloud.view(P.alice, report.id)).ratingDueAt).toBeGreaterThanOrEqual(resolvedAt + 3 * DAY)
  })

  test('unrated: reminded once a day before, closed as 已办结（未评价） after, and a second run changes nothing', async () => {
    const report = await reportIn(cloud, 'resolved')
    const dueAt = (await cloud.view(P.alice, report.id)).ratingDueAt as number
    expect(dueAt).toBe(((await stored(report.id)).resolvedAt as number) + 7 * DAY)

    cloud.clock.set(dueAt - DAY - 1)
    expectOk(await timer('remindRatings'))
    expect(messagesTo(P.alice, REPORT_TEMPLATES.rateReminder)).toEqual([])
    cloud.clock.set(dueAt - DAY)
    expectOk(await timer('remindRatings'))
    expectOk(await timer('remindRatings'))
    expect(messagesTo(P.alice, REPORT_TEMPLATES.rateReminder)).toHaveLength(1)

    cloud.clock.set(dueAt)
    expectOk(await timer('closeRatingWindows'))
    expect((await stored(report.id)).status).toBe('resolved') // the last moment of the window is still in it
    cloud.clock.set(dueAt + 1)
    expect(await cloud.as(P.alice).call('report', 'rate', { reportId: report.id, score: 5 })).toMatchObject({ ok: false, code: 'REPORT.WINDOW_CLOSED' })
    expect(await cloud.as(P.alice).call('report', 'requestReopen', { reportId: report.id, reason: '还是没弄好' })).toMatchObject({ ok: false, code: 'REPORT.WINDOW_CLOSED' })
    expectOk(await timer('closeRatingWindows'))
    const first = await stored(report.id)
    expect(first).toMatchObject({ status: 'closed-unrated', open: false, closedAt: dueAt + 1 })
    cloud.clock.advance(HOUR)
    expectOk(await timer('closeRatingWindows'))
    expectOk(await timer('remindRatings'))
    expect(await stored(report.id)).toEqual(first)
    const seen = await cloud.view(P.alice, report.id)
    expect(seen).toMatchObject({ statusLabel: '已办结（未评价）', allowedActions: [] })
    expect(seen.timeline.filter((e) => e.action === 'closeWindow')).toEqual([expect.objectContaining({ actor: '系统', to: 'closed-unrated' })])
    expect(messagesTo(P.alice, REPORT_TEMPLATES.rateReminder)).toHaveLength(1)
  })

  test('a rating that stood through 维持办结 closes as 已评价; a rated report is left alone', async () => {
    const kept = await reportIn(cloud, 'reopen-requested')
    expectOk(await cloud.as(P.grid).call('report', 'keepClosed', { reportId: kept.id, note: '现场核实已清理干净' }))
    const rated = await reportIn(cloud, 'rated')
    const ratedBefore = await stored(rated.id)
    cloud.clock.advance(8 * DAY)
    expectOk(await timer('closeRatingWindows'))
    expect(await stored(kept.id)).toMatchObject({ status: 'rated', rating: { score: 1 } })
    expect(await stored(rated.id)).toEqual(ratedBefore)
  })

  test('the job pages: more than a page of expired reports all close in one run', async () => {
    const report = await reportIn(cloud, 'resolved')
    const base = await stored(report.id)
    const db = cloud.platform.db
    for (let i = 0; i < 150; i++) await db.collection('reports').doc(`bulk-${String(i).padStart(3, '0')}`).set({ data: { ...base, _id: undefined, ticketNo: undefined, reporterOpenid: null } })
    cloud.clock.advance(8 * DAY)
    expectOk(await timer('closeRatingWindows'))
    const left = await db.collection('reports').where({ status: 'resolved' }).count()
    expect(left.total).toBe(0)
  })
})

describe('保留期: contact data goes N days after the report closed; the report stays', () => {
  test('exactly the phone and the account link are removed, once, through the reporter’s own delete path', async () => {
    expectOk(await cloud.as(P.office).call('report', 'updateSettings', { contactRetentionDays: 30 }))
    const report = await reportIn(cloud, 'rated')
    const open = await reportIn(cloud, 'resolved')
    const before = await stored(report.id)
    expect(before).toMatchObject({ contactPhone: ALICE_PHONE, reporterOpenid: P.alice })
    const closedAt = before.closedAt as number

    cloud.clock.set(closedAt + 30 * DAY - 1)
    expectOk(await timer('expireContacts'))
    expect(await stored(report.id)).toEqual(before)

    cloud.clock.set(closedAt + 30 * DAY)
    expectOk(await timer('expireContacts'))
    const after = await stored(report.id)
    // the contact fields changed, the bookkeeping moved on, and nothing else differs
    const contact = { contactPhone: null, reporterOpenid: null, anonymous: true, identityRemoved: true }
    expect(after).toEqual({ ...before, ...contact, version: before.version + 1, updatedAt: cloud.clock.now() })
    const events = (await cloud.platform.db.collection('report_events').where({ reportId: report.id }).get()).data
    expect(events.filter((e) => e.actorOpenid === P.alice)).toEqual([])
    expect(events.filter((e) => e.action === 'forget')).toEqual([expect.objectContaining({ actorRole: 'system', actorOpenid: null })])

    cloud.clock.advance(DAY)
    expectOk(await timer('expireContacts'))
    expect(await stored(report.id)).toEqual(after)
    expect((await cloud.platform.db.collection('report_events').where({ reportId: report.id, action: 'forget' }).get()).data).toHaveLength(1)
    // a report still open keeps its reporter
    expect(await stored(open.id)).toMatchObject({ reporterOpenid: P.alice, contactPhone: ALICE_PHONE })
  })
})
