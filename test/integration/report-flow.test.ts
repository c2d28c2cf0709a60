import type { ReportView } from '@/shared/contract'
import { TRANSITIONS, type ReportStatus, type TransitionAction } from '@/shared/report'
import { expectOk } from '../support/cloud'
import { HOUR, P, reportIn, startReportCloud, type ReportCloud } from './report-fixtures'

let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

const statusOf = async (id: string) => (await cloud.view(P.office, id)).status

describe('each path of the state machine, with the role that owns each step', () => {
  test('待受理 → 已派发 → 处置中 → 已办结 → 已评价, each step with its due time and timeline entry', async () => {
    const t0 = cloud.clock.now()
    const submitted = await cloud.submit(P.alice)
    // 牛皮癣小广告: accept 2 h, start 4 h, resolve 48 h
    expect(submitted).toMatchObject({ status: 'submitted', gridId: 'grid-demo', gridName: '文明路网格', dueAt: t0 + 2 * HOUR })

    cloud.clock.advance(HOUR)
    const dispatched = expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: submitted.id, note: '请城管处理' }))
    expect(dispatched).toMatchObject({ status: 'dispatched', unitId: 'unit-demo', unitName: '城市管理综合执法大队', dueAt: t0 + HOUR + 4 * HOUR })

    cloud.clock.advance(HOUR)
    const processing = expectOk(await cloud.as(P.handler).call('report', 'start', { reportId: submitted.id }))
    expect(processing).toMatchObject({ status: 'processing', dueAt: t0 + 2 * HOUR + 48 * HOUR })

    cloud.clock.advance(3 * HOUR)
    const after = await cloud.photo(P.handler)
    const resolved = expectOk(await cloud.as(P.handler).call('report', 'resolve', { reportId: submitted.id, afterPhotos: [after], note: '已全部清除' }))
    expect(resolved).toMatchObject({ status: 'resolved', dueAt: null, public: true })
    expect(resolved.resolution).toMatchObject({ note: '已全部清除', at: t0 + 5 * HOUR })
    expect(resolved.resolution?.photos).toHaveLength(1)

    const rated = expectOk(await cloud.as(P.alice).call('report', 'rate', { reportId: submitted.id, score: 4, comment: '处理及时' }))
    expect(rated).toMatchObject({ status: 'rated', rating: { score: 4, comment: '处理及时' } })
    expect(rated.timeline.map((e) => [e.action, e.from, e.to, e.actor])).toEqual([
      ['submit', null, 'submitted', '市民'],
      ['dispatch', 'submitted', 'dispatched', '网格员（文明路网格）'],
      ['start', 'dispatched', 'processing', '城市管理综合执法大队'],
      ['resolve', 'processing', 'resolved', '城市管理综合执法大队'],
      ['rate', 'resolved', 'rated', '市民'],
    ])
    expect(rated.timeline[1]).toMatchObject({ label: '派发至 城市管理综合执法大队', note: '请城管处理', at: t0 + HOUR })
  })

  test('待受理 → 不予受理 with a reason from the list', async () => {
    const report = await reportIn(cloud, 'submitted')
    const rejected = expectOk(await cloud.as(P.grid).call('report', 'reject', { reportId: report.id, reason: 'insufficient-info', note: '照片看不清' }))
    expect(rejected).toMatchObject({ status: 'rejected', statusLabel: '不予受理', rejectReason: '信息不足，无法核实', dueAt: null })
    expect(rejected.timeline.at(-1)).toMatchObject({ action: 'reject', reason: '信息不足，无法核实', note: '照片看不清' })
  })

  test('不予受理 as a duplicate names the original, and the duplicate’s reporter counts on it', async () => {
    const original = await reportIn(cloud, 'submitted')
    const duplicate = await cloud.submit(P.bob)
    expect(await cloud.as(P.grid).call('report', 'reject', { reportId: duplicate.id, reason: 'duplicate' })).toMatchObject({
      ok: false,
      code: 'REPORT.DUPLICATE_OF_REQUIRED',
    })
    const rejected = expectOk(await cloud.as(P.grid).call('report', 'reject', { reportId: duplicate.id, reason: 'duplicate', duplicateOf: original.id }))
    expect(rejected).toMatchObject({ status: 'rejected', duplicateOf: original.id, rejectReason: '重复上报' })
    expect((await cloud.view(P.alice, original.id)).confirmations).toBe(1)
    // bob may now follow the original as someone who reported it too
    expect((await cloud.view(P.bob, original.id)).viewerRole).toBe('confirmer')
  })

  test('已派发 → 退回 → 已派发 → 处置中 → 退回 → 不予受理: the unit sends back with a reason and loses the report', async () => {
    const report = await reportIn(cloud, 'dispatched')
    const returned = expectOk(await cloud.as(P.handler).call('report', 'sendBack', { reportId: report.id, reason: 'not-our-duty', note: '属于市场监管' }))
    expect(returned).toMatchObject({ status: 'returned', unitId: null, holderName: '文明路网格' })
    expect(returned.timeline.at(-1)).toMatchObject({ action: 'sendBack', reason: '不属于本单位职责', note: '属于市场监管' })
    expect(await cloud.as(P.handler).call('report', 'get', { reportId: report.id })).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' })

    expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id, unitId: 'unit-demo' }))
    expectOk(await cloud.as(P.handler).call('report', 'start', { reportId: report.id }))
    expectOk(await cloud.as(P.handler).call('report', 'sendBack', { reportId: report.id, reason: 'wrong-location', note: '找不到位置' }))
    const rejected = expectOk(await cloud.as(P.grid).call('report', 'reject', { reportId: report.id, reason: 'other', note: '已无法核实' }))
    expect(rejected.status).toBe('rejected')
    expect((await cloud.view(P.office, report.id)).timeline.map((e) => e.to)).toEqual([
      'submitted', 'dispatched', 'returned', 'dispatched', 'processing', 'returned', 'rejected',
    ])
  })

  test('the grid worker may dispatch to another unit than the routed one, but not to a unit that does not exist', async () => {
    const report = await reportIn(cloud, 'submitted')
    expect(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id, unitId: 'unit-nowhere' })).toMatchObject({
      ok: false,
      code: 'REPORT.UNIT_NOT_FOUND',
    })
    const dispatched = expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id, unitId: 'unit-traffic' }))
    expect(dispatched.unitId).toBe('unit-traffic')
    expect((await cloud.view(P.otherHandler, report.id)).allowedActions).toEqual(['start', 'sendBack'])
  })

  test('已办结 needs at least one after-photo and a note', async () => {
    const report = await reportIn(cloud, 'processing')
    const before = await cloud.snapshot()
    expect(await cloud.as(P.handler).call('report', 'resolve', { reportId: report.id, afterPhotos: [], note: '已处理' })).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
    })
    const after = await cloud.photo(P.handler)
    const beforeNote = await cloud.snapshot()
    expect(await cloud.as(P.handler).call('report', 'resolve', { reportId: report.id, afterPhotos: [after], note: ' ' })).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
    })
    expect((await cloud.snapshot()).reports).toEqual(before.reports)
    expect((await cloud.snapshot()).report_events).toEqual(beforeNote.report_events)
  })

  test('a resolution photo that fails the content check is refused, and the report stays 处置中', async () => {
    const report = await reportIn(cloud, 'processing')
    const risky = await cloud.photo(P.handler, 'risky')
    expect(await cloud.as(P.handler).call('report', 'resolve', { reportId: report.id, afterPhotos: [risky], note: '已处理' })).toMatchObject({
      ok: false,
      code: 'REPORT.PHOTO_REJECTED',
    })
    expect(await statusOf(report.id)).toBe('processing')
  })

  test('the unit cannot resolve with photos it did not upload (e.g. the reporter’s own)', async () => {
    const report = await reportIn(cloud, 'processing')
    const residentPhoto = await cloud.photo(P.alice)
    expect(await cloud.as(P.handler).call('report', 'resolve', { reportId: report.id, afterPhotos: [residentPhoto], note: '已处理' })).toMatchObject({
      ok: false,
      code: 'REPORT.PHOTO_NOT_YOURS',
    })
  })

  test('文明点赞: 待审核 → 已展示 by the grid worker, or 未采纳; it is never dispatched or rated', async () => {
    const praise = await cloud.submit(P.alice, { categoryId: 'good-deed', description: '环卫工人帮老人过马路' })
    expect(praise).toMatchObject({ kind: 'praise', status: 'submitted', statusLabel: '待审核' })
    expect(await cloud.as(P.grid).call('report', 'dispatch', { reportId: praise.id })).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' })
    const published = expectOk(await cloud.as(P.grid).call('report', 'approve', { reportId: praise.id }))
    expect(published).toMatchObject({ status: 'published', statusLabel: '已展示', public: true, dueAt: null })
    expect(await cloud.as(P.alice).call('report', 'rate', { reportId: praise.id, score: 5 })).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' })

    const other = await cloud.submit(P.bob, { categoryId: 'civic-custom' })
    expect(expectOk(await cloud.as(P.grid).call('report', 'reject', { reportId: other.id, reason: 'out-of-scope' })).statusLabel).toBe('未采纳')
    const report = await reportIn(cloud, 'submitted')
    expect(await cloud.as(P.grid).call('report', 'approve', { reportId: report.id })).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' })
  })

  test('a transition not in the table is refused even for the right role, and changes nothing', async () => {
    const report = await reportIn(cloud, 'rejected')
    const before = await cloud.snapshot()
    expect(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id })).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' })
    expect(await cloud.as(P.grid).call('report', 'reject', { reportId: report.id, reason: 'other' })).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' })
    expect(await cloud.as(P.alice).call('report', 'rate', { reportId: report.id, score: 5 })).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('two grid workers deciding at once: one wins, the other is told the report changed', async () => {
    const report = await reportIn(cloud, 'submitted')
    expectOk(await cloud.as(P.office).call('user', 'grantRole', { openid: 'grid-worker-2', role: 'grid', scopeId: 'grid-demo' }))
    const results = await Promise.all([
      cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id }),
      cloud.as('grid-worker-2').call('report', 'reject', { reportId: report.id, reason: 'other' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)[0]).toMatch(/REPORT\.(STALE|INVALID_TRANSITION)/)
    expect((await cloud.view(P.office, report.id)).timeline).toHaveLength(2)
  })
})

/**
 * Every row of the transition table, tried by every other person first: each gets a permission
 * error and the report does not move; then the owner of the step succeeds.
 */
const EVERYONE = [P.alice, P.bob, P.grid, P.otherGrid, P.handler, P.otherHandler, P.office] as const
const OWNER: Record<'grid' | 'handler' | 'reporter', string> = { grid: P.grid, handler: P.handler, reporter: P.alice }

const INPUT: Record<TransitionAction, () => Promise<Record<string, unknown>>> = {
  dispatch: async () => ({}),
  reject: async () => ({ reason: 'out-of-scope' }),
  approve: async () => ({}),
  start: async () => ({}),
  sendBack: async () => ({ reason: 'other', note: '不归我们管' }),
  resolve: async () => ({ afterPhotos: [await cloud.photo(P.handler)], note: '已处理' }),
  rate: async () => ({ score: 5 }),
  requestReopen: async () => ({ score: 2, comment: '没有处理干净' }),
  reopen: async () => ({}),
  keepClosed: async () => ({ note: '现场核实已清理干净' }),
}

describe.each(TRANSITIONS.map((t) => [`${t.action}: ${t.from} → ${t.to} (${t.role}, ${t.kinds.join('/')})`, t] as const))(
  'permissions on %s',
  (_name, transition) => {
    test('every other role gets a permission error; the owner of the step moves it', async () => {
      const kind = transition.kinds[0]
      const setup = kind === 'praise' ? { categoryId: 'good-deed' as const } : {}
      const report: ReportView =
        kind === 'praise' ? await cloud.submit(P.alice, setup) : await reportIn(cloud, transition.from as Exclude<ReportStatus, 'published' | 'closed-unrated' | 'at-shop'>)
      expect(report.status).toBe(transition.from)
      // an unhappy rating is the request's first door (「问题未解决」 is tested on its own)
      const action = transition.action === 'requestReopen' ? 'rate' : transition.action
      const data = { reportId: report.id, ...(await INPUT[transition.action]()) }
      const owner = OWNER[transition.role]
      // the office may decide a 重办 request in the grid worker's stead (tested in report-reopen)
      const alsoAllowed: string[] = transition.action === 'reopen' || transition.action === 'keepClosed' ? [P.office] : []
      for (const someone of EVERYONE.filter((p) => p !== owner && !alsoAllowed.includes(p))) {
        const result = await cloud.as(someone).raw('report', { action, data })
        expect({ someone, code: result.ok ? 'ok' : result.code }).toEqual({ someone, code: 'AUTH.FORBIDDEN' })
      }
      expect(await statusOf(report.id)).toBe(transition.from)
      const moved = await cloud.as(owner).raw('report', { action, data })
      expect(moved).toMatchObject({ ok: true, data: { status: transition.to } })
    })
  },
)
