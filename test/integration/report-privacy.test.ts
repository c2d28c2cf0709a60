import type { ReportView } from '@/shared/contract'
import { expectOk } from '../support/cloud'
import { ALICE_PHONE, P, reportIn, startReportCloud, type ReportCloud } from './report-fixtures'

/**
 * Anonymity and masking from each role's view of `get`, `queue` and the public feed: staff never
 * learn an anonymous reporter, nor anyone's full phone; the office can, and its looking is audited.
 */
let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

const MASKED = '138****5678'
const leaks = (value: unknown) => {
  const text = JSON.stringify(value)
  return { openid: text.includes(P.alice), phone: text.includes(ALICE_PHONE), nickname: text.includes('举报人爱丽丝') }
}

async function resolvedAnonymous(): Promise<ReportView> {
  return reportIn(cloud, 'resolved', { anonymous: true, phone: ALICE_PHONE })
}

describe('an anonymous report', () => {
  test('the reporter sees their own identity and phone', async () => {
    const report = await resolvedAnonymous()
    const mine = await cloud.view(P.alice, report.id)
    expect(mine.viewerRole).toBe('reporter')
    expect(mine.reporter).toEqual({ anonymous: true, name: '举报人爱丽丝', phone: ALICE_PHONE, identityRemoved: false })
    expect(mine.canForget).toBe(true)
  })

  test.each([
    ['grid worker', P.grid, 'grid'],
    ['handler', P.handler, 'handler'],
    ['office', P.office, 'office'],
  ])('the %s sees neither who nor any phone in get', async (_label, openid, role) => {
    const report = await resolvedAnonymous()
    const seen = await cloud.view(openid, report.id)
    expect(seen.viewerRole).toBe(role)
    expect(seen.reporter).toEqual({ anonymous: true, name: null, phone: null, identityRemoved: false })
    expect(leaks(seen)).toEqual({ openid: false, phone: false, nickname: false })
  })

  test('grid and unit queues carry no identity either', async () => {
    const submitted = await reportIn(cloud, 'submitted', { anonymous: true, phone: ALICE_PHONE })
    const gridQueue = expectOk(await cloud.as(P.grid).call('report', 'queue', { as: 'grid', status: 'submitted' }))
    expect(gridQueue.items.map((i) => i.id)).toContain(submitted.id)
    expect(leaks(gridQueue)).toEqual({ openid: false, phone: false, nickname: false })
    const dispatched = await reportIn(cloud, 'dispatched', { anonymous: true, phone: ALICE_PHONE })
    const unitQueue = expectOk(await cloud.as(P.handler).call('report', 'queue', { as: 'handler', status: 'dispatched' }))
    expect(unitQueue.items.map((i) => i.id)).toEqual([dispatched.id])
    expect(leaks(unitQueue)).toEqual({ openid: false, phone: false, nickname: false })
  })

  test('the office reveals who it was, and that look is written to the audit log', async () => {
    const report = await resolvedAnonymous()
    expect((await cloud.view(P.office, report.id)).canReveal).toBe(true)
    const revealed = expectOk(await cloud.as(P.office).call('report', 'reveal', { reportId: report.id }))
    expect(revealed).toEqual({ openid: P.alice, nickname: '举报人爱丽丝', phone: ALICE_PHONE, anonymous: true, identityRemoved: false })
    const audit = (await cloud.snapshot()).audit_log as Array<Record<string, unknown>>
    expect(audit.filter((a) => a.action === 'revealReporter')).toEqual([
      expect.objectContaining({ subjectType: 'report', subjectId: report.id, actorOpenid: P.office, actorRoles: ['admin'] }),
    ])
  })

  test.each([
    ['grid worker', P.grid],
    ['handler', P.handler],
    ['another resident', P.bob],
  ])('the %s cannot reveal', async (_label, openid) => {
    const report = await resolvedAnonymous()
    expect(await cloud.as(openid).call('report', 'reveal', { reportId: report.id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(((await cloud.snapshot()).audit_log as Array<Record<string, unknown>>).some((a) => a.action === 'revealReporter')).toBe(false)
  })
})

describe('a named report', () => {
  test.each([
    ['grid worker', P.grid],
    ['handler', P.handler],
    ['office', P.office],
  ])('the %s sees the nickname and only a masked phone', async (_label, openid) => {
    const report = await reportIn(cloud, 'processing', { anonymous: false, phone: ALICE_PHONE })
    const seen = await cloud.view(openid, report.id)
    expect(seen.reporter).toEqual({ anonymous: false, name: '举报人爱丽丝', phone: MASKED, identityRemoved: false })
    expect(leaks(seen)).toMatchObject({ openid: false, phone: false })
  })

  test('staff of another grid or unit cannot open it at all', async () => {
    const report = await reportIn(cloud, 'processing')
    for (const openid of [P.otherGrid, P.otherHandler, P.bob]) {
      expect(await cloud.as(openid).call('report', 'get', { reportId: report.id })).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' })
    }
  })

  test('a grid worker asking for another grid’s queue is refused', async () => {
    expect(await cloud.as(P.grid).call('report', 'queue', { as: 'grid', status: 'submitted', scopeId: 'grid-xicheng' })).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    })
    expect(await cloud.as(P.grid).call('report', 'queue', { as: 'handler', status: 'dispatched' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await cloud.as(P.bob).call('report', 'queue', { as: 'grid', status: 'submitted' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })
})

describe('the public feed and public views', () => {
  test('a resolved report shows in 爆料广场 without identity, contact or exact place', async () => {
    const report = await reportIn(cloud, 'resolved', { anonymous: false, phone: ALICE_PHONE })
    const feed = expectOk(await cloud.as(P.bob).call('report', 'feed', {}))
    expect(feed.items.map((i) => i.id)).toEqual([report.id])
    const item = feed.items[0]
    expect(leaks(feed)).toEqual({ openid: false, phone: false, nickname: false })
    expect(JSON.stringify(feed)).not.toContain('文明路 12 号')
    expect(item.approx).toEqual({ lat: 30.278, lng: 120.15 })
    expect(item).toMatchObject({ gridName: '文明路网格', categoryName: '牛皮癣小广告', resolutionNote: '已清理小广告' })
    expect(item.beforeUrl).toBeTruthy()
    expect(item.afterUrl).toBeTruthy()

    const publicView = await cloud.view(P.bob, report.id)
    expect(publicView).toMatchObject({ viewerRole: 'public', reporter: null, location: { address: '', approximate: true }, allowedActions: [] })
    expect(leaks(publicView)).toEqual({ openid: false, phone: false, nickname: false })
  })

  test('timelines name units and grids, never a staff member', async () => {
    const report = await reportIn(cloud, 'rated')
    for (const openid of [P.alice, P.bob, P.grid, P.handler]) {
      const text = JSON.stringify(await cloud.view(openid, report.id))
      for (const staff of [P.grid, P.handler]) expect(text).not.toContain(staff)
    }
  })

  test('an open report is not public: strangers cannot open it and the feed leaves it out', async () => {
    const report = await reportIn(cloud, 'processing')
    expect(await cloud.as(P.bob).call('report', 'get', { reportId: report.id })).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' })
    expect(expectOk(await cloud.as(P.bob).call('report', 'feed', {})).items).toEqual([])
  })

  test('文明点赞 appears in the praise feed once the grid worker approves it', async () => {
    const praise = await cloud.submit(P.alice, { categoryId: 'good-deed', description: '外卖小哥扶起摔倒的老人', phone: ALICE_PHONE })
    expect(expectOk(await cloud.as(P.bob).call('report', 'feed', { kind: 'praise' })).items).toEqual([])
    expectOk(await cloud.as(P.grid).call('report', 'approve', { reportId: praise.id }))
    const feed = expectOk(await cloud.as(P.bob).call('report', 'feed', { kind: 'praise' }))
    expect(feed.items).toEqual([expect.objectContaining({ id: praise.id, kind: 'praise', description: '外卖小哥扶起摔倒的老人' })])
    expect(expectOk(await cloud.as(P.bob).call('report', 'feed', { kind: 'report' })).items).toEqual([])
    expect(leaks(feed)).toEqual({ openid: false, phone: false, nickname: false })
  })
})

describe('content check', () => {
  test('held text and photos: the reporter sees them with the reason; staff and the public do not', async () => {
    const clean = await cloud.photo(P.alice)
    const risky = await cloud.photo(P.alice, 'risky')
    const report = await cloud.submit(P.alice, { photos: [clean, risky], description: '这里有人在赌博' })
    expect(report.status).toBe('submitted')
    expect(report.description).toBe('这里有人在赌博')
    expect(report.descriptionHeldReason).toMatch(/内容安全/)
    expect(report.photos.map((p) => p.heldReason === null)).toEqual([true, false])

    const staff = await cloud.view(P.grid, report.id)
    expect(staff).toMatchObject({ description: null, descriptionHeldReason: null, hiddenPhotoCount: 1 })
    expect(staff.photos).toHaveLength(1)
    expect(JSON.stringify(staff)).not.toContain('risky')
  })
})

describe('forget: deleting my personal data from a report', () => {
  test('removes the phone and the link to me; the report stays with the grid and leaves 我的随手拍', async () => {
    const report = await reportIn(cloud, 'dispatched', { anonymous: false, phone: ALICE_PHONE })
    const forgotten = expectOk(await cloud.as(P.alice).call('report', 'forget', { reportId: report.id }))
    expect(forgotten.reporter).toMatchObject({ identityRemoved: true, phone: null })
    expect(forgotten.timeline.at(-1)).toMatchObject({ action: 'forget', label: '上报人删除了个人信息' })

    const stored = (await cloud.snapshot()) as Record<string, Array<Record<string, unknown>>>
    expect(leaks(stored.reports)).toMatchObject({ openid: false, phone: false })
    expect(leaks(stored.report_events)).toMatchObject({ openid: false })
    expect(expectOk(await cloud.as(P.alice).call('report', 'mine', {})).items).toEqual([])
    expect(await cloud.as(P.alice).call('report', 'get', { reportId: report.id })).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' })

    const staff = await cloud.view(P.handler, report.id)
    expect(staff).toMatchObject({ status: 'dispatched', reporter: { identityRemoved: true, name: null, phone: null } })
    expect(expectOk(await cloud.as(P.office).call('report', 'reveal', { reportId: report.id }))).toEqual({
      openid: null,
      nickname: null,
      phone: null,
      anonymous: true,
      identityRemoved: true,
    })
  })

  test('only the reporter can forget', async () => {
    const report = await reportIn(cloud, 'submitted')
    for (const openid of [P.bob, P.grid, P.office]) {
      expect(await cloud.as(openid).call('report', 'forget', { reportId: report.id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    }
  })
})
