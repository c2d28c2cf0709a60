import type { ReportEventDoc } from '@/cloud/domain/report/types'
import type { CategoryId } from '@/shared/report'
import { expectOk } from '../support/cloud'
import { HOUR, P, reportIn, startReportCloud, storedReport, type ReportCloud } from './report-fixtures'

let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

const MINUTE = 60 * 1000
const recategorize = (openid: string, reportId: string, categoryId: CategoryId, reason = '现场核实类别有误') =>
  cloud.as(openid).call('report', 'recategorize', { reportId, categoryId, reason })
const auditOf = async (reportId: string) =>
  (await cloud.platform.db.collection('report_events').where({ reportId, action: 'recategorize' }).get()).data as unknown as ReportEventDoc[]

describe('更改类别: a wrong category is corrected instead of rejected', () => {
  test('the grid worker recategorises a 待受理 report: category, suggested unit and due time follow, and the timeline says from, to and why', async () => {
    const report = await reportIn(cloud, 'submitted')
    expect(await cloud.view(P.grid, report.id)).toMatchObject({ suggestedUnit: { id: 'unit-demo' }, canRecategorize: true })
    cloud.clock.advance(30 * MINUTE)
    const changed = expectOk(await recategorize(P.grid, report.id, 'market-order', '是农贸市场门口的摊位'))
    // the 受理 clock still runs from when the report reached the grid, not from the correction
    expect(changed).toMatchObject({ categoryId: 'market-order', categoryName: '农贸市场秩序', status: 'submitted', dueAt: report.createdAt + 2 * HOUR })
    expect(changed.suggestedUnit).toEqual({ id: 'unit-market', name: '市场监督管理所' })
    expect(changed.timeline.at(-1)).toMatchObject({
      action: 'recategorize',
      label: '类别由 牛皮癣小广告 改为 农贸市场秩序：是农贸市场门口的摊位',
      reason: '是农贸市场门口的摊位',
      actor: '网格员（文明路网格）',
    })
    expect(await auditOf(report.id)).toEqual([
      expect.objectContaining({ fromCategoryId: 'illegal-ads', toCategoryId: 'market-order', actorOpenid: P.grid, actorRole: 'grid', at: report.createdAt + 30 * MINUTE }),
    ])
    // the reporter sees the correction too, and the grid worker dispatches to the new unit by default
    expect((await cloud.view(P.alice, report.id)).categoryName).toBe('农贸市场秩序')
    expect(expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id })).unitId).toBe('unit-market')
  })

  test('the grid worker may also recategorise a 退回 report, but not one a unit holds', async () => {
    const returned = await reportIn(cloud, 'returned')
    expect(expectOk(await recategorize(P.grid, returned.id, 'illegal-parking')).categoryId).toBe('illegal-parking')
    const dispatched = await reportIn(cloud, 'dispatched')
    // the 「更改类别」 button follows the same rule: gone for the grid worker, there for the office, never for the unit
    expect((await cloud.view(P.grid, dispatched.id)).canRecategorize).toBe(false)
    expect((await cloud.view(P.office, dispatched.id)).canRecategorize).toBe(true)
    expect((await cloud.view(P.handler, dispatched.id)).canRecategorize).toBe(false)
    expect(await recategorize(P.grid, dispatched.id, 'illegal-parking')).toMatchObject({ ok: false, code: 'REPORT.NOT_RECATEGORIZABLE' })
    expect((await storedReport(cloud, dispatched.id)).categoryId).toBe('illegal-ads')
  })

  test('the office recategorises a dispatched report: it moves to the unit the new category routes to', async () => {
    const report = await reportIn(cloud, 'dispatched')
    const dispatchedAt = cloud.clock.now()
    cloud.clock.advance(HOUR)
    const changed = expectOk(await recategorize(P.office, report.id, 'illegal-parking', '是违停，不是小广告'))
    expect(changed).toMatchObject({ categoryId: 'illegal-parking', status: 'dispatched', unitId: 'unit-traffic', unitName: '交警大队文明交通中队', dueAt: dispatchedAt + 4 * HOUR })
    expect(changed.timeline.at(-1)).toMatchObject({ action: 'recategorize', actor: '文明办', label: '类别由 牛皮癣小广告 改为 车辆乱停乱放：是违停，不是小广告' })
    // the new unit holds it now; the old one no longer does
    expect(expectOk(await cloud.as(P.otherHandler).call('report', 'start', { reportId: report.id })).status).toBe('processing')
    expect(await cloud.as(P.handler).call('report', 'start', { reportId: report.id })).toMatchObject({ ok: false })
  })

  test('the office recategorises a report in 处置中: the step keeps its start and takes the new category’s limit', async () => {
    const report = await reportIn(cloud, 'processing')
    const startedAt = (await storedReport(cloud, report.id)).stepEnteredAt
    expect((await storedReport(cloud, report.id)).dueAt).toBe(startedAt + 48 * HOUR)
    cloud.clock.advance(3 * HOUR)
    // 游商小贩 is the same unit's, with a 24 h 办结 limit instead of 48 h
    const changed = expectOk(await recategorize(P.office, report.id, 'street-vending'))
    expect(changed).toMatchObject({ status: 'processing', unitId: 'unit-demo', dueAt: startedAt + 24 * HOUR })
    expect(await storedReport(cloud, report.id)).toMatchObject({ categoryId: 'street-vending', dueAt: startedAt + 24 * HOUR, stepEnteredAt: startedAt })
  })

  test('everyone but the grid worker of its grid and the office is refused, and nothing changes', async () => {
    const report = await reportIn(cloud, 'submitted')
    for (const someone of [P.alice, P.bob, P.otherGrid, P.handler, P.otherHandler]) {
      const result = await recategorize(someone, report.id, 'market-order')
      expect({ someone, code: result.ok ? 'ok' : result.code }).toEqual({ someone, code: 'AUTH.FORBIDDEN' })
    }
    expect(await storedReport(cloud, report.id)).toMatchObject({ categoryId: 'illegal-ads', version: 1 })
    expect(await auditOf(report.id)).toEqual([])
  })

  test('a closed or 已办结 report cannot be recategorised, not even by the office', async () => {
    for (const status of ['rejected', 'resolved', 'rated'] as const) {
      const report = await reportIn(cloud, status)
      for (const someone of [P.grid, P.office]) {
        const result = await recategorize(someone, report.id, 'market-order')
        expect({ status, someone, code: result.ok ? 'ok' : result.code }).toEqual({ status, someone, code: 'REPORT.NOT_RECATEGORIZABLE' })
      }
      expect((await storedReport(cloud, report.id)).categoryId).toBe('illegal-ads')
    }
  })

  test('the same category, or a praise category for a report (and back), is refused with its own code', async () => {
    const report = await reportIn(cloud, 'submitted')
    expect(await recategorize(P.grid, report.id, 'illegal-ads')).toMatchObject({ ok: false, code: 'REPORT.SAME_CATEGORY' })
    expect(await recategorize(P.grid, report.id, 'good-deed')).toMatchObject({ ok: false, code: 'REPORT.CATEGORY_KIND_MISMATCH' })
    const praise = await cloud.submit(P.alice, { categoryId: 'good-deed', description: '有人扶老人过马路' })
    expect(await recategorize(P.grid, praise.id, 'illegal-ads')).toMatchObject({ ok: false, code: 'REPORT.CATEGORY_KIND_MISMATCH' })
    // between praise categories it is fine
    expect(expectOk(await recategorize(P.grid, praise.id, 'volunteering')).categoryId).toBe('volunteering')
    expect((await storedReport(cloud, report.id)).categoryId).toBe('illegal-ads')
  })

  test('an unknown category, a missing, short, long or blocked reason is refused and changes nothing', async () => {
    const report = await reportIn(cloud, 'submitted')
    const bad: Array<Record<string, unknown>> = [
      { reportId: report.id, categoryId: 'no-such-category', reason: '类别有误' },
      { reportId: report.id, categoryId: 'market-order' },
      { reportId: report.id, categoryId: 'market-order', reason: ' 错 ' },
      { reportId: report.id, categoryId: 'market-order', reason: '长'.repeat(201) },
    ]
    for (const data of bad) {
      expect(await cloud.as(P.grid).raw('report', { action: 'recategorize', data })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    }
    expect(await recategorize(P.grid, report.id, 'market-order', '其实是在赌博')).toMatchObject({ ok: false, code: 'REPORT.NOTE_REJECTED' })
    expect(await storedReport(cloud, report.id)).toMatchObject({ categoryId: 'illegal-ads', version: 1, dueAt: report.dueAt })
    expect(await auditOf(report.id)).toEqual([])
  })
})
