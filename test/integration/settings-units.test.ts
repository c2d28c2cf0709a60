import { expectOk } from '../support/cloud'
import { P, startReportCloud, type ReportCloud } from './report-fixtures'

/** 责任单位: the office adds units (the id is made by the product) and renames them; each change audited. */
let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

describe('settings.saveUnit', () => {
  test('a new unit gets an id from the product, is listed, and can be routed to', async () => {
    const unit = expectOk(await cloud.as(P.office).call('settings', 'saveUnit', { name: '园林绿化管理所' }))
    expect(unit.unitId).toMatch(/^unit-[0-9a-f]{12}$/)
    const { units } = expectOk(await cloud.as(P.office).call('settings', 'units', {}))
    expect(units).toContainEqual(unit)
    expect(units.find((u) => u.unitId === 'unit-demo')).toEqual({ unitId: 'unit-demo', name: '城市管理综合执法大队' })
    expectOk(await cloud.as(P.office).call('report', 'setRoute', { categoryId: 'littering', unitId: unit.unitId }))
  })

  test('a rename keeps the id and is audited with the old and the new name; an unchanged name writes nothing', async () => {
    const renamed = expectOk(await cloud.as(P.office).call('settings', 'saveUnit', { unitId: 'unit-demo', name: '城市管理局执法大队' }))
    expect(renamed).toEqual({ unitId: 'unit-demo', name: '城市管理局执法大队' })
    const before = await cloud.snapshot()
    expectOk(await cloud.as(P.office).call('settings', 'saveUnit', { unitId: 'unit-demo', name: '城市管理局执法大队' }))
    expect(await cloud.snapshot()).toEqual(before)

    cloud.clock.advance(1000)
    const added = expectOk(await cloud.as(P.office).call('settings', 'saveUnit', { name: '园林绿化管理所' }))
    const { items } = expectOk(await cloud.as(P.office).call('settings', 'audit', { subjectType: 'reportUnit' }))
    expect(items.map((e) => [e.action, e.subjectId, e.before, e.after])).toEqual([
      ['addUnit', added.unitId, null, { name: '园林绿化管理所' }],
      ['renameUnit', 'unit-demo', { name: '城市管理综合执法大队' }, { name: '城市管理局执法大队' }],
    ])
  })

  test('a name another unit has, and an unknown unit, are refused with nothing written', async () => {
    const before = await cloud.snapshot()
    expect(await cloud.as(P.office).call('settings', 'saveUnit', { name: '市场监督管理所' })).toMatchObject({ ok: false, code: 'SETTINGS.UNIT_NAME_TAKEN' })
    expect(await cloud.as(P.office).call('settings', 'saveUnit', { unitId: 'unit-demo', name: '市场监督管理所' })).toMatchObject({ ok: false, code: 'SETTINGS.UNIT_NAME_TAKEN' })
    expect(await cloud.as(P.office).call('settings', 'saveUnit', { unitId: 'unit-none', name: '新单位' })).toMatchObject({ ok: false, code: 'SETTINGS.UNIT_NOT_FOUND' })
    expect(await cloud.snapshot()).toEqual(before)
  })
})
