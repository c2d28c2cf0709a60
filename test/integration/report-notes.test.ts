import type { ReportView } from '@/shared/contract'
import { open311 } from '@/cloud/domain/open311'
import type { ReportEventDoc } from '@/cloud/domain/report/types'
import { expectOk } from '../support/cloud'
import { grantConsent } from '../support/notify'
import { HOUR, P, reportIn, startReportCloud, storedReport, type ReportCloud } from './report-fixtures'

/**
 * 内部备注: a staff note marked internal is read by the report's staff and the office, and by no
 * one else — not the reporter, not the public feed, not a confirmer, not Open311, not a message.
 * The checks scan whole JSON answers for the note's text, so a new field that carried it would fail.
 */
let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

const SECRET = '内部：当事人是区里挂点单位的职工，先电话沟通'
const carries = (value: unknown, text = SECRET) => JSON.stringify(value).includes(text)
const eventsOf = async (reportId: string) =>
  (await cloud.platform.db.collection('report_events').where({ reportId }).orderBy('seq', 'asc').get()).data as unknown as ReportEventDoc[]

async function open311Answers(reportId: string): Promise<unknown[]> {
  // Open311 asks a partner's key since keys exist
  const { key } = expectOk(await cloud.as(P.office).call('open311', 'issueKey', { partner: '12345 热线' }))
  const query = () => new URLSearchParams({ api_key: key })
  const one = await open311({ method: 'GET', path: `requests/${reportId}.json`, query: query() }, cloud.platform)
  const list = await open311({ method: 'GET', path: 'requests.json', query: query() }, cloud.platform)
  expect([one.status, list.status]).toEqual([200, 200])
  return [one.body, list.body]
}

describe('an internal note on a transition', () => {
  test('dispatch with 内部备注: staff and the office read it, the reporter sees the step without it', async () => {
    const report = await cloud.submit(P.alice)
    const dispatched = expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id, note: SECRET, noteVisibility: 'internal' }))
    expect(dispatched.timeline.at(-1)).toMatchObject({ action: 'dispatch', note: null, internalNote: SECRET })
    for (const staff of [P.grid, P.handler, P.office]) {
      expect({ staff, note: (await cloud.view(staff, report.id)).timeline.at(-1)?.internalNote }).toEqual({ staff, note: SECRET })
    }
    const mine = await cloud.view(P.alice, report.id)
    expect(mine.timeline.at(-1)).toMatchObject({ action: 'dispatch', label: '派发至 城市管理综合执法大队', note: null })
    // not even the key: a client that showed every field would still show nothing
    expect(mine.timeline.some((e) => 'internalNote' in e)).toBe(false)
    expect(carries(mine)).toBe(false)
    // stored apart from the public note, and with the actor for the office's audit
    expect((await eventsOf(report.id)).at(-1)).toMatchObject({ note: null, internalNote: SECRET, actorOpenid: P.grid })
  })

  test('a public note stays the reporter’s to read, as before', async () => {
    const report = await cloud.submit(P.alice)
    expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id, note: '已通知城管中队', noteVisibility: 'public' }))
    expect((await cloud.view(P.alice, report.id)).timeline.at(-1)).toMatchObject({ note: '已通知城管中队' })
    // leaving the choice out is 对市民可见, as every note was before internal notes existed
    const other = await cloud.submit(P.bob)
    expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: other.id, note: '请尽快处理' }))
    expect((await cloud.view(P.bob, other.id)).timeline.at(-1)).toMatchObject({ note: '请尽快处理' })
  })

  test.each([
    ['start', P.handler, 'dispatched', {}],
    ['sendBack', P.handler, 'dispatched', { reason: 'not-our-duty' }],
    ['reject', P.grid, 'submitted', { reason: 'out-of-scope' }],
  ] as const)('%s takes an internal note too, and the reporter never reads it', async (action, openid, status, extra) => {
    const report = await reportIn(cloud, status)
    const result = await cloud.as(openid).raw('report', { action, data: { reportId: report.id, ...extra, note: SECRET, noteVisibility: 'internal' } })
    expect(result.ok).toBe(true)
    expect(carries(await cloud.view(P.alice, report.id))).toBe(false)
    expect((await cloud.view(P.office, report.id)).timeline.at(-1)?.internalNote).toBe(SECRET)
  })

  test('an internal note on 同意重办 reaches the unit, not the reporter’s message', async () => {
    const report = await reportIn(cloud, 'reopen-requested')
    await grantConsent(cloud, P.alice, ['reopenDecided'])
    expectOk(await cloud.as(P.grid).call('report', 'reopen', { reportId: report.id, note: SECRET, noteVisibility: 'internal' }))
    const sent = cloud.platform.openApi.outbox.filter((m) => m.api === 'subscribeMessage.send' && m.touser === P.alice)
    expect(sent.length).toBeGreaterThan(0)
    expect(carries(sent)).toBe(false)
    expect(carries(await cloud.view(P.alice, report.id))).toBe(false)
  })

  test('steps whose words the reporter must read take no visibility: 办结 and 维持办结 are refused with one, and nothing moves', async () => {
    const processing = await reportIn(cloud, 'processing')
    const resolve = await cloud.as(P.handler).raw('report', {
      action: 'resolve',
      data: { reportId: processing.id, afterPhotos: [await cloud.photo(P.handler)], note: '已清理', noteVisibility: 'internal' },
    })
    expect(resolve).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect((await storedReport(cloud, processing.id)).status).toBe('processing')
    const requested = await reportIn(cloud, 'reopen-requested')
    const keep = await cloud.as(P.grid).raw('report', { action: 'keepClosed', data: { reportId: requested.id, note: '已清理干净', noteVisibility: 'internal' } })
    expect(keep).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect((await storedReport(cloud, requested.id)).status).toBe('reopen-requested')
  })
})

describe('添加备注 without a status change', () => {
  test('the grid worker, the unit and the office add notes; an internal one is invisible to the reporter, even as a newer time', async () => {
    const report = await reportIn(cloud, 'dispatched')
    const before = await storedReport(cloud, report.id)
    cloud.clock.advance(HOUR)
    const noted = expectOk(await cloud.as(P.handler).call('report', 'addNote', { reportId: report.id, note: SECRET, noteVisibility: 'internal' }))
    expect(noted.status).toBe('dispatched')
    expect(noted.timeline.at(-1)).toMatchObject({ action: 'note', label: '内部备注', internalNote: SECRET, note: null, actor: '城市管理综合执法大队' })
    expect(await storedReport(cloud, report.id)).toMatchObject({ status: 'dispatched', dueAt: before.dueAt, updatedAt: before.updatedAt })
    const mine = await cloud.view(P.alice, report.id)
    expect(mine.timeline.map((e) => e.action)).not.toContain('note')
    expect(mine.updatedAt).toBe(before.updatedAt)
    expect(carries(mine)).toBe(false)

    expectOk(await cloud.as(P.grid).call('report', 'addNote', { reportId: report.id, note: '单位已约定明天上午到现场', noteVisibility: 'public' }))
    expectOk(await cloud.as(P.office).call('report', 'addNote', { reportId: report.id, note: '文明办已督办', noteVisibility: 'internal' }))
    const seen = await cloud.view(P.alice, report.id)
    expect(seen.timeline.filter((e) => e.action === 'note')).toEqual([
      expect.objectContaining({ label: '补充说明', note: '单位已约定明天上午到现场', actor: '网格员（文明路网格）' }),
    ])
    expect(seen.updatedAt).toBe(cloud.clock.now())
    expect((await cloud.view(P.office, report.id)).timeline.filter((e) => e.action === 'note').map((e) => e.actor)).toEqual([
      '城市管理综合执法大队',
      '网格员（文明路网格）',
      '文明办',
    ])
    expect((await cloud.view(P.grid, report.id)).canAddNote).toBe(true)
    expect((await cloud.view(P.alice, report.id)).canAddNote).toBe(false)
  })

  test('the reporter, other residents, and staff of another grid or unit are refused, and nothing is written', async () => {
    const report = await reportIn(cloud, 'dispatched')
    const count = (await eventsOf(report.id)).length
    for (const someone of [P.alice, P.bob, P.otherGrid, P.otherHandler]) {
      const result = await cloud.as(someone).call('report', 'addNote', { reportId: report.id, note: '随便写写', noteVisibility: 'public' })
      expect({ someone, ok: result.ok, code: result.ok ? null : result.code }).toEqual({
        someone,
        ok: false,
        // the role check refuses residents before the report is read; other staff are told it is not theirs
        code: someone === P.alice || someone === P.bob ? 'AUTH.FORBIDDEN' : 'REPORT.NOT_FOUND',
      })
    }
    expect((await eventsOf(report.id)).length).toBe(count)
  })

  test('bad input gets a clear code and changes nothing', async () => {
    const report = await reportIn(cloud, 'dispatched')
    const count = (await eventsOf(report.id)).length
    for (const data of [
      { reportId: report.id, note: '好', noteVisibility: 'internal' },
      { reportId: report.id, note: '一条正常的备注', noteVisibility: 'secret' },
      { reportId: report.id, note: '一条正常的备注' },
      { reportId: report.id, note: '长'.repeat(201), noteVisibility: 'public' },
      { reportId: 'no-such-report', note: '一条正常的备注', noteVisibility: 'public' },
    ]) {
      const result = await cloud.as(P.grid).raw('report', { action: 'addNote', data })
      expect(result.ok).toBe(false)
    }
    expect((await eventsOf(report.id)).length).toBe(count)
  })
})

describe('every view outside the staff', () => {
  async function resolvedWithInternalNotes(): Promise<ReportView> {
    const report = await cloud.submit(P.alice)
    expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id, note: SECRET, noteVisibility: 'internal' }))
    expectOk(await cloud.as(P.handler).call('report', 'addNote', { reportId: report.id, note: `${SECRET}（二）`, noteVisibility: 'internal' }))
    expectOk(await cloud.as(P.handler).call('report', 'start', { reportId: report.id, note: `${SECRET}（三）`, noteVisibility: 'internal' }))
    return expectOk(await cloud.as(P.handler).call('report', 'resolve', { reportId: report.id, afterPhotos: [await cloud.photo(P.handler)], note: '已清理小广告' }))
  }

  test('the reporter, the public, a confirmer, the feed and Open311 carry none of it', async () => {
    const report = await resolvedWithInternalNotes()
    const feed = expectOk(await cloud.as(P.carol).call('report', 'feed', {}))
    expect(feed.items.map((i) => i.id)).toContain(report.id)
    const publicView = await cloud.view(P.carol, report.id)
    expect(publicView.viewerRole).toBe('public')
    const answers = { reporter: await cloud.view(P.alice, report.id), publicView, feed, open311: await open311Answers(report.id) }
    for (const [name, answer] of Object.entries(answers)) expect({ name, carries: carries(answer) }).toEqual({ name, carries: false })
    // the public words did go out: the 处置说明 is Open311's status_notes
    expect(carries(answers.open311, '已清理小广告')).toBe(true)
    // and the staff still read all three
    const office = await cloud.view(P.office, report.id)
    expect(office.timeline.filter((e) => e.internalNote?.startsWith(SECRET)).length).toBe(3)
  })
})
