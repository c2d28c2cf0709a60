import { expectOk } from '../support/cloud'
import { HOUR, P, startReportCloud, type ReportCloud } from './report-fixtures'

/**
 * 类别与时限: the office overrides a built-in category's name, hint and step limits. A step a
 * report enters after the change is timed by the override; a due time already set stays.
 */
let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

const DEFAULT_LIMITS = { accept: { amount: 2, unit: 'hours' }, start: { amount: 4, unit: 'hours' }, resolve: { amount: 48, unit: 'hours' } } as const

describe('settings.setCategory: the next report follows the new limits', () => {
  test('受理 2 h → 4 h: the next report is due 4 h after it is filed; the earlier one keeps its 2 h', async () => {
    const before = await cloud.submit(P.alice)
    expect(before.dueAt).toBe(cloud.clock.now() + 2 * HOUR)

    const changed = expectOk(
      await cloud.as(P.office).call('settings', 'setCategory', { categoryId: 'illegal-ads', limits: { ...DEFAULT_LIMITS, accept: { amount: 4, unit: 'hours' } } }),
    )
    expect(changed).toMatchObject({ id: 'illegal-ads', overridden: true, limits: { accept: { amount: 4, unit: 'hours' } }, defaultLimits: DEFAULT_LIMITS })
    expect(changed.limitsText).toContain('受理 4 小时')

    cloud.clock.advance(10 * 60 * 1000)
    const after = await cloud.submit(P.alice)
    expect(after.dueAt).toBe(cloud.clock.now() + 4 * HOUR)
    expect((await cloud.view(P.alice, before.id)).dueAt).toBe(before.dueAt)
  })

  test('a step entered after the change (签收 on dispatch) is timed by it; a name change keeps the limits', async () => {
    const report = await cloud.submit(P.alice)
    expectOk(await cloud.as(P.office).call('settings', 'setCategory', { categoryId: 'illegal-ads', limits: { ...DEFAULT_LIMITS, start: { amount: 6, unit: 'hours' } } }))
    expectOk(await cloud.as(P.office).call('settings', 'setCategory', { categoryId: 'illegal-ads', name: '牛皮癣广告', hint: '电线杆、楼道里的小广告' }))
    const dispatched = expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id }))
    expect(dispatched.dueAt).toBe(cloud.clock.now() + 6 * HOUR)

    const { categories } = expectOk(await cloud.as(P.office).call('settings', 'categories', {}))
    const ads = categories.find((c) => c.id === 'illegal-ads')
    expect(ads).toMatchObject({ name: '牛皮癣广告', hint: '电线杆、楼道里的小广告', defaultName: '牛皮癣小广告', limits: { start: { amount: 6 } }, overridden: true })
    expect(categories.find((c) => c.id === 'littering')).toMatchObject({ name: '乱扔垃圾', overridden: false, updatedAt: null })
    expect(categories).toHaveLength(19)
  })

  test('each change is audited with before and after', async () => {
    expectOk(await cloud.as(P.office).call('settings', 'setCategory', { categoryId: 'illegal-ads', limits: { ...DEFAULT_LIMITS, accept: { amount: 4, unit: 'hours' } } }))
    const { items } = expectOk(await cloud.as(P.office).call('settings', 'audit', { subjectType: 'reportCategory' }))
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({
      who: '文明办',
      subjectId: 'illegal-ads',
      action: 'setCategory',
      before: { name: '牛皮癣小广告', limits: { accept: { amount: 2, unit: 'hours' } } },
      after: { name: '牛皮癣小广告', limits: { accept: { amount: 4, unit: 'hours' } } },
    })
  })
})

describe('settings.setCategory: bad limits are refused, nothing written', () => {
  const bad: Array<[string, string, Record<string, unknown>]> = [
    ['受理 0 小时', 'SETTINGS.LIMIT_ZERO', { ...DEFAULT_LIMITS, accept: { amount: 0, unit: 'hours' } }],
    ['办结 0 小时 on a report category', 'SETTINGS.LIMIT_ZERO', { ...DEFAULT_LIMITS, resolve: { amount: 0, unit: 'hours' } }],
    ['a negative limit', 'INPUT.INVALID', { ...DEFAULT_LIMITS, accept: { amount: -1, unit: 'hours' } }],
    ['1.5 hours', 'INPUT.INVALID', { ...DEFAULT_LIMITS, accept: { amount: 1.5, unit: 'hours' } }],
    ['721 hours', 'INPUT.INVALID', { ...DEFAULT_LIMITS, resolve: { amount: 721, unit: 'hours' } }],
    ['61 working days', 'INPUT.INVALID', { ...DEFAULT_LIMITS, resolve: { amount: 61, unit: 'workdays' } }],
    ['office hours on a working-day limit', 'INPUT.INVALID', { ...DEFAULT_LIMITS, resolve: { amount: 3, unit: 'workdays', officeHours: true } }],
    ['an unknown unit', 'INPUT.INVALID', { ...DEFAULT_LIMITS, accept: { amount: 2, unit: 'weeks' } }],
    ['a step missing', 'INPUT.INVALID', { accept: DEFAULT_LIMITS.accept, start: DEFAULT_LIMITS.start }],
  ]
  test.each(bad)('%s → %s', async (_label, code, limits) => {
    const before = await cloud.snapshot()
    const result = await cloud.as(P.office).raw('settings', { action: 'setCategory', data: { categoryId: 'illegal-ads', limits } })
    expect(result).toMatchObject({ ok: false, code })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('文明点赞 is only reviewed: its 签收/办结 may stay 0, its 受理 may not', async () => {
    const praise = { accept: { amount: 2, unit: 'workdays' }, start: { amount: 0, unit: 'hours' }, resolve: { amount: 0, unit: 'hours' } } as const
    expectOk(await cloud.as(P.office).call('settings', 'setCategory', { categoryId: 'good-deed', limits: praise }))
    expect(await cloud.as(P.office).call('settings', 'setCategory', { categoryId: 'good-deed', limits: { ...praise, accept: { amount: 0, unit: 'workdays' } } })).toMatchObject({
      ok: false,
      code: 'SETTINGS.LIMIT_ZERO',
      message: '受理环节的时限不能为 0',
    })
  })

  test('an empty change and an unknown category are input errors', async () => {
    expect(await cloud.as(P.office).call('settings', 'setCategory', { categoryId: 'illegal-ads' })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await cloud.as(P.office).raw('settings', { action: 'setCategory', data: { categoryId: 'no-such', name: '新类别' } })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
  })
})

describe('settings: only the office', () => {
  test('a resident and a grid worker are refused every action (AUTH.FORBIDDEN)', async () => {
    for (const who of [P.alice, P.grid]) {
      const calls = [
        cloud.as(who).call('settings', 'categories', {}),
        cloud.as(who).call('settings', 'setCategory', { categoryId: 'illegal-ads', name: '小广告' }),
        cloud.as(who).call('settings', 'units', {}),
        cloud.as(who).call('settings', 'saveUnit', { name: '新单位' }),
        cloud.as(who).call('settings', 'grids', {}),
        cloud.as(who).call('settings', 'audit', {}),
      ]
      for (const result of await Promise.all(calls)) expect(result).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    }
  })
})

describe('a renamed category reaches every place that names it', () => {
  test('the form (report.prepare), the detail, the lists, the timeline and Open311 show the office’s name and hint', async () => {
    const report = await cloud.submit(P.alice)
    const built = expectOk(await cloud.as(P.alice).call('report', 'prepare', {}))
    expect(built.categoryTexts).toEqual([])

    expectOk(await cloud.as(P.office).call('settings', 'setCategory', { categoryId: 'illegal-ads', name: '牛皮癣广告', hint: '电线杆、楼道里的小广告' }))

    const prepared = expectOk(await cloud.as(P.alice).call('report', 'prepare', {}))
    expect(prepared.categoryTexts).toEqual([{ id: 'illegal-ads', name: '牛皮癣广告', hint: '电线杆、楼道里的小广告', limits: null }])
    expect((await cloud.view(P.alice, report.id)).categoryName).toBe('牛皮癣广告')
    const mine = expectOk(await cloud.as(P.alice).call('report', 'mine', {}))
    expect(mine.items.find((i) => i.id === report.id)?.categoryName).toBe('牛皮癣广告')
    const queue = expectOk(await cloud.as(P.grid).call('report', 'queue', { as: 'grid', status: 'submitted' }))
    expect(queue.items.find((i) => i.id === report.id)?.categoryName).toBe('牛皮癣广告')

    // 更改类别 names both sides by the names in force
    expectOk(await cloud.as(P.grid).call('report', 'recategorize', { reportId: report.id, categoryId: 'littering', reason: '现场是乱扔的垃圾' }))
    const timeline = (await cloud.view(P.alice, report.id)).timeline.map((e) => e.label)
    expect(timeline.some((l) => l.includes('类别由 牛皮癣广告 改为 乱扔垃圾'))).toBe(true)

    const { open311 } = await import('@/cloud/domain/open311')
    const services = await open311({ method: 'GET', path: 'services.json', query: new URLSearchParams() }, cloud.platform)
    const ads = (services.body as Array<{ service_code: string; service_name: string; description: string }>).find((s) => s.service_code === 'illegal-ads')
    expect(ads).toMatchObject({ service_name: '牛皮癣广告', description: '电线杆、楼道里的小广告' })
  })
})
