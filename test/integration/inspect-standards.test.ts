import { seedStandards } from '@/cloud/domain/inspect/seed-standards'
import { DEMO_STANDARDS } from '@/cloud/domain/inspect/demo-standards'
import { keyOf } from '@/cloud/domain/inspect/model'
import { expectOk, type TestCloud } from '../support/cloud'
import { grantLiaison, importSheet, sheetBytes, standardsSheet, startInspectCloud, TEST_ADMIN, UNIT, uploadSheet } from './inspect-support'

/** 创文督查, the 测评体系 sheet and the 任务清单: import, re-import, assignment, a unit's own list. */
let cloud: TestCloud
beforeEach(async () => {
  cloud = await startInspectCloud()
})
afterEach(() => cloud.close())

const DAY = 24 * 60 * 60 * 1000
/** 2026-11-30 23:59:59.999 in Beijing */
const END_OF_NOV_30 = Date.UTC(2026, 10, 30, 16) - 1

const GOOD = [
  { number: '1.1', project: '公共环境', content: '主次干道', text: '路面干净整洁，无卫生死角。', methods: '实地考察', siteTypes: '主次干道、背街小巷', lead: UNIT.sanitation.name, support: UNIT.enforcement.name, deadline: '2027-03-31' },
  { number: '1.2', project: '公共环境', content: '农贸市场', text: '市场出入口设置公平秤。', methods: '材料审核、实地考察', evidence: '公平秤校验记录', siteTypes: '农贸市场', lead: UNIT.market.name, deadline: '2026-11-30' },
  { number: '1.10', project: '重点工作', content: '志愿服务', text: '建立志愿服务台账。', methods: '材料审核', evidence: '台账与照片' },
]

const totals = async () => expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'home', {})).standards
const siteType = async (id: string) => (await cloud.platform.db.collection('inspect_site_types').where({ _id: id }).get()).data[0]
const audit = async (action: string) => (await cloud.platform.db.collection('audit_log').where({ action }).get()).data

/** Imports a sheet that must fail, checking nothing was written, and returns its issues. */
async function refused(rows: Parameters<typeof standardsSheet>[0], columns?: Parameters<typeof standardsSheet>[1]) {
  const fileId = await uploadSheet(cloud, await sheetBytes(standardsSheet(rows, columns)))
  const before = await cloud.snapshot()
  const result = await cloud.as(TEST_ADMIN).call('inspect', 'importStandards', { fileId })
  expect(await cloud.snapshot()).toEqual(before)
  if (result.ok) throw new Error('expected the sheet to be refused')
  expect(result.code).toBe('INSPECT.SHEET_INVALID')
  return { message: result.message, issues: result.issues ?? [] }
}

describe('importing the standards sheet', () => {
  test('a good sheet adds every standard in number order, splits the assigned ones into tasks, and keeps the counts', async () => {
    const view = expectOk(await importSheet(cloud, GOOD))
    expect(view).toEqual({ applied: true, added: ['1.1', '1.2', '1.10'], changed: [], unchanged: 0, withdrawn: [], rows: 3 })
    const page = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'standards', {}))
    // 1.10 after 1.2: numbers order by their parts, not as text
    expect(page.items.map((s) => s.number)).toEqual(['1.1', '1.2', '1.10'])
    expect(page.items[1]).toMatchObject({
      standardId: keyOf('std', '1.2'),
      methods: ['material', 'site'],
      evidence: '公平秤校验记录',
      siteTypes: [{ typeId: 'farm-market', name: '农贸市场' }],
      lead: { unitId: UNIT.market.id, name: UNIT.market.name },
      supports: [],
      deadline: END_OF_NOV_30,
      status: 'active',
    })
    expect(page.items[0].supports).toEqual([{ unitId: UNIT.enforcement.id, name: UNIT.enforcement.name }])
    expect({ total: page.total, assigned: page.assigned }).toEqual({ total: 3, assigned: 2 })
    expect(await totals()).toEqual({ total: 3, assigned: 2 })
    expect(expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'standards', { unassigned: true })).items.map((s) => s.number)).toEqual(['1.10'])
    expect(expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'standards', { unitId: UNIT.enforcement.id })).items.map((s) => s.number)).toEqual(['1.1'])
    expect((await siteType('main-road')).checklistSize).toBe(1)
    expect((await siteType('farm-market')).checklistSize).toBe(1)
    expect((await siteType('park-square')).checklistSize).toBe(0)
    const tasks = (await cloud.platform.db.collection('inspect_tasks').orderBy('_id', 'asc').get()).data
    expect(tasks.map((t) => [t.standardId, t.unitId, t.role, t.needsMaterial])).toEqual(
      expect.arrayContaining([
        [keyOf('std', '1.1'), UNIT.sanitation.id, 'lead', false],
        [keyOf('std', '1.1'), UNIT.enforcement.id, 'support', false],
        [keyOf('std', '1.2'), UNIT.market.id, 'lead', true],
      ]),
    )
    expect(tasks).toHaveLength(3)
    expect(await audit('importStandards')).toEqual([expect.objectContaining({ actorOpenid: TEST_ADMIN, detail: expect.objectContaining({ added: 3, rows: 3 }) })])
  })

  test('a sheet missing a required column is refused with one message naming the column, nothing written', async () => {
    const { message, issues } = await refused(GOOD, ['number', 'project', 'content', 'text', 'evidence'])
    expect(issues).toEqual([{ path: '表头', message: '缺少「测评方法」列' }])
    expect(message).toContain('测评方法')
  })

  test('duplicate numbers are refused naming both rows, nothing half-imported', async () => {
    const { message, issues } = await refused([GOOD[0], GOOD[1], { ...GOOD[2], number: '1.1' }])
    expect(issues).toEqual([{ path: '第4行', message: '编号「1.1」与第2行重复' }])
    expect(message).toContain('第4行')
  })

  test('a unit that does not exist is refused naming the row and the unit', async () => {
    const { issues } = await refused([GOOD[0], { ...GOOD[1], support: '不存在的管理局' }])
    expect(issues).toEqual([{ path: '第3行', message: '责任单位「不存在的管理局」不存在' }])
  })

  test('an unknown site type, a bad method and a bad date are each named on their row', async () => {
    const { message, issues } = await refused([
      { ...GOOD[0], siteTypes: '主次干道、月球基地' },
      { ...GOOD[1], methods: '材料审核、掷骰子' },
      { ...GOOD[2], lead: UNIT.east.name, deadline: '明年春天' },
      { ...GOOD[2], number: '1.11', text: '' },
    ])
    expect(issues).toEqual([
      { path: '第2行', message: '点位类型「月球基地」不存在' },
      { path: '第3行', message: expect.stringContaining('测评方法「掷骰子」不认识') },
      { path: '第4行', message: '完成时限「明年春天」不是日期（如 2027-06-30）' },
      { path: '第5行', message: '缺少测评标准' },
    ])
    // the summary names the first few rows and says how many more
    expect(message).toContain('第2行')
    expect(message).toContain('另有 1 处')
  })

  test('a file that is not a spreadsheet, or not the office’s sheet, is refused', async () => {
    const fileId = await uploadSheet(cloud, Buffer.from('编号,测评项目\n1.1,公共环境\n'))
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'importStandards', { fileId })).toMatchObject({ ok: false, code: 'INSPECT.SHEET_UNREADABLE' })
    const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: 'reports/20261125/0123456789abcdef01234567.jpg', fileContent: await sheetBytes(standardsSheet(GOOD)) })
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'importStandards', { fileId: fileID })).toMatchObject({ ok: false, code: 'INSPECT.FILE_NOT_YOURS' })
  })

  test('a sheet that unpacks past the size cap, or has more rows than a catalogue may, is refused', async () => {
    const { strToU8, zipSync } = await import('fflate')
    // 25 MB of spaces compress to a few KB: the reader stops at its 20 MB cap instead of unpacking it
    const bomb = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="a" sheetId="1"/></sheets></workbook>'),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${' '.repeat(25 * 1024 * 1024)}</sheetData></worksheet>`),
    })
    const bombId = await uploadSheet(cloud, Buffer.from(bomb))
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'importStandards', { fileId: bombId })).toMatchObject({ ok: false, code: 'INSPECT.SHEET_UNREADABLE' })
    const many = Array.from({ length: 1001 }, (_, i) => ({ number: `9.${i + 1}`, project: '公共环境', content: '内容', text: '标准原文。', methods: '实地考察' }))
    const fileId = await uploadSheet(cloud, await sheetBytes(standardsSheet(many)))
    const before = await cloud.snapshot()
    const result = await cloud.as(TEST_ADMIN).call('inspect', 'importStandards', { fileId })
    expect(result).toMatchObject({ ok: false, code: 'INSPECT.SHEET_INVALID', issues: [{ path: '表格', message: '一张表最多 1000 条测评标准' }] })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('a sheet without the unit columns leaves the office’s own assignment as it is', async () => {
    expectOk(await importSheet(cloud, GOOD))
    const standardId = keyOf('std', '1.10')
    expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'assign', { standardId, leadUnitId: UNIT.east.id, supportUnitIds: [], deadline: null }))
    const view = expectOk(await importSheet(cloud, GOOD, { columns: ['number', 'project', 'content', 'text', 'methods', 'evidence', 'siteTypes'] }))
    expect(view).toMatchObject({ added: [], changed: [], unchanged: 3, withdrawn: [] })
    const page = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'standards', { unitId: UNIT.east.id }))
    expect(page.items.map((s) => [s.number, s.lead?.unitId])).toEqual([['1.10', UNIT.east.id]])
  })

  test('an Excel date cell is read as that day, to its last moment in Beijing', async () => {
    expectOk(await importSheet(cloud, [{ ...GOOD[1], deadline: new Date(Date.UTC(2026, 10, 30)) }]))
    const page = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'standards', {}))
    expect(page.items[0].deadline).toBe(END_OF_NOV_30)
  })

  test('dryRun says what an import would do and writes nothing', async () => {
    const fileId = await uploadSheet(cloud, await sheetBytes(standardsSheet(GOOD)))
    const before = await cloud.snapshot()
    const view = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'importStandards', { fileId, dryRun: true }))
    expect(view).toMatchObject({ applied: false, added: ['1.1', '1.2', '1.10'], rows: 3 })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('re-importing a changed sheet updates in place by number, says which columns changed, and withdraws what is gone', async () => {
    expectOk(await importSheet(cloud, GOOD))
    const firstId = keyOf('std', '1.1')
    cloud.clock.advance(DAY)
    const view = expectOk(
      await importSheet(cloud, [
        { ...GOOD[0], text: '路面干净整洁，无卫生死角，无乱扔垃圾。', support: '' },
        GOOD[2],
        { number: '2.1', project: '公共秩序', content: '交通秩序', text: '车辆行人各行其道。', methods: '实地考察', siteTypes: '主次干道', lead: UNIT.traffic.name },
      ]),
    )
    // 1.1's support cell was emptied with its lead still named: the sheet now says no supporting unit
    expect(view).toEqual({ applied: true, added: ['2.1'], changed: [{ number: '1.1', fields: ['测评标准', '配合单位'] }], unchanged: 1, withdrawn: ['1.2'], rows: 3 })
    const page = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'standards', {}))
    expect(page.items.map((s) => s.number)).toEqual(['1.1', '1.10', '2.1'])
    expect(page.items[0]).toMatchObject({ standardId: firstId, text: '路面干净整洁，无卫生死角，无乱扔垃圾。', supports: [] })
    const withdrawn = (await cloud.platform.db.collection('inspect_standards').where({ _id: keyOf('std', '1.2') }).get()).data[0]
    expect(withdrawn.status).toBe('withdrawn')
    const tasks = (await cloud.platform.db.collection('inspect_tasks').get()).data
    const statusOf = (standard: string, unitId: string) => tasks.find((t) => t.standardId === keyOf('std', standard) && t.unitId === unitId)?.status
    expect(statusOf('1.2', UNIT.market.id)).toBe('withdrawn')
    expect(statusOf('1.1', UNIT.enforcement.id)).toBe('withdrawn')
    expect(statusOf('1.1', UNIT.sanitation.id)).toBe('active')
    expect(statusOf('2.1', UNIT.traffic.id)).toBe('active')
    expect(await totals()).toEqual({ total: 3, assigned: 2 })
    expect((await siteType('farm-market')).checklistSize).toBe(0)
    expect((await siteType('main-road')).checklistSize).toBe(2)
    // the same sheet again: nothing changes
    const before = await cloud.snapshot()
    const again = expectOk(await importSheet(cloud, [{ ...GOOD[0], text: '路面干净整洁，无卫生死角，无乱扔垃圾。', support: '' }, GOOD[2], { number: '2.1', project: '公共秩序', content: '交通秩序', text: '车辆行人各行其道。', methods: '实地考察', siteTypes: '主次干道', lead: UNIT.traffic.name }]))
    expect(again).toMatchObject({ added: [], changed: [], unchanged: 3, withdrawn: [] })
    const after = await cloud.snapshot()
    // only the new upload's own reservation and the audit line differ
    expect(after.inspect_standards).toEqual(before.inspect_standards)
    expect(after.inspect_tasks).toEqual(before.inspect_tasks)
  })

  test('a sheet of 200 standards imports whole', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({
      number: `${Math.floor(i / 20) + 1}.${(i % 20) + 1}`,
      project: '公共环境',
      content: `内容${i}`,
      text: `标准原文第 ${i + 1} 条。`,
      methods: i % 2 ? '材料审核' : '实地考察',
      siteTypes: i % 2 ? '' : '主次干道',
      lead: [UNIT.east, UNIT.west, UNIT.market, UNIT.traffic][i % 4].name,
      support: UNIT.sanitation.name,
      deadline: '2027-06-30',
    }))
    const view = expectOk(await importSheet(cloud, rows))
    expect(view.added).toHaveLength(200)
    expect(await totals()).toEqual({ total: 200, assigned: 200 })
    expect((await cloud.platform.db.collection('inspect_tasks').where({ status: 'active' }).count()).total).toBe(400)
    expect((await siteType('main-road')).checklistSize).toBe(100)
  })
})

describe('assignment and a unit’s own list', () => {
  test('assign splits a standard to a lead and supports; each unit’s 联络员 sees only its own list', async () => {
    expectOk(await importSheet(cloud, GOOD))
    const standardId = keyOf('std', '1.10')
    const assigned = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'assign', { standardId, leadUnitId: UNIT.east.id, supportUnitIds: [UNIT.west.id], deadline: END_OF_NOV_30 }))
    expect(assigned).toMatchObject({ lead: { unitId: UNIT.east.id, name: UNIT.east.name }, supports: [{ unitId: UNIT.west.id, name: UNIT.west.name }], deadline: END_OF_NOV_30 })
    expect(await totals()).toEqual({ total: 3, assigned: 3 })
    await grantLiaison(cloud, 'east-liaison', UNIT.east.id)
    await grantLiaison(cloud, 'west-liaison', UNIT.west.id)
    await grantLiaison(cloud, 'market-liaison', UNIT.market.id)

    const east = expectOk(await cloud.as('east-liaison').call('inspect', 'myTasks', {}))
    expect(east.unit).toEqual({ unitId: UNIT.east.id, name: UNIT.east.name })
    expect(east.items.map((t) => [t.number, t.role, t.needsEvidence, t.evidence])).toEqual([['1.10', 'lead', true, '台账与照片']])
    expect(east.counts).toEqual({ total: 1, overdue: 0, needsEvidence: 1, accepted: 0 })
    const west = expectOk(await cloud.as('west-liaison').call('inspect', 'myTasks', {}))
    expect(west.items.map((t) => [t.number, t.role])).toEqual([['1.10', 'support']])
    // the market's list has its own standard only
    expect(expectOk(await cloud.as('market-liaison').call('inspect', 'myTasks', {})).items.map((t) => t.number)).toEqual(['1.2'])
    // another unit's list, or one of its tasks, is refused to a 联络员; the office sees any
    expect(await cloud.as('market-liaison').call('inspect', 'myTasks', { unitId: UNIT.east.id })).toMatchObject({ ok: false, code: 'INSPECT.NOT_YOUR_UNIT' })
    expect(await cloud.as('market-liaison').call('inspect', 'task', { taskId: east.items[0].taskId })).toMatchObject({ ok: false, code: 'INSPECT.NOT_YOUR_UNIT' })
    expect(expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'myTasks', { unitId: UNIT.east.id })).items).toHaveLength(1)
    const detail = expectOk(await cloud.as('east-liaison').call('inspect', 'task', { taskId: east.items[0].taskId }))
    expect(detail).toMatchObject({ lead: { unitId: UNIT.east.id }, supports: [{ unitId: UNIT.west.id }], evidence: [], maySubmit: true })

    // reassigned without the west: its task is withdrawn and leaves its list
    expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'assign', { standardId, leadUnitId: UNIT.east.id, supportUnitIds: [], deadline: null }))
    expect(expectOk(await cloud.as('west-liaison').call('inspect', 'myTasks', {})).items).toEqual([])
    expect(await cloud.as('west-liaison').call('inspect', 'task', { taskId: west.items[0].taskId })).toMatchObject({ ok: false, code: 'INSPECT.TASK_NOT_FOUND' })
    expect(await audit('assignStandard')).toHaveLength(2)

    const units = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'units', {}))
    expect(units.find((u) => u.unitId === UNIT.east.id)).toEqual({ unitId: UNIT.east.id, name: UNIT.east.name, counts: { total: 1, overdue: 0, needsEvidence: 1, accepted: 0 }, openOrders: 0, liaisons: 1 })
    expect(units.find((u) => u.unitId === UNIT.west.id)?.counts.total).toBe(0)
  })

  test('assign refuses a lead among the supports, an unknown unit or standard, writing nothing', async () => {
    expectOk(await importSheet(cloud, GOOD))
    const standardId = keyOf('std', '1.10')
    const before = await cloud.snapshot()
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'assign', { standardId, leadUnitId: UNIT.east.id, supportUnitIds: [UNIT.east.id], deadline: null })).toMatchObject({ ok: false, code: 'INSPECT.LEAD_IN_SUPPORTS' })
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'assign', { standardId, leadUnitId: UNIT.east.id, supportUnitIds: ['unit-nowhere'], deadline: null })).toMatchObject({ ok: false, code: 'INSPECT.UNIT_NOT_FOUND' })
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'assign', { standardId: 'no-such-standard', leadUnitId: UNIT.east.id, supportUnitIds: [], deadline: null })).toMatchObject({ ok: false, code: 'INSPECT.STANDARD_NOT_FOUND' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('standards by standardId reads that one standard; a stale or withdrawn one is not found', async () => {
    expectOk(await importSheet(cloud, GOOD))
    const standardId = keyOf('std', '1.10')
    const one = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'standards', { standardId }))
    expect(one.items.map((s) => s.number)).toEqual(['1.10'])
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'standards', { standardId: 'no-such-standard' })).toMatchObject({ ok: false, code: 'INSPECT.STANDARD_NOT_FOUND' })
  })

  test('the overdue filter follows the clock: a material item past its deadline and not accepted', async () => {
    expectOk(await importSheet(cloud, GOOD))
    await grantLiaison(cloud, 'market-liaison', UNIT.market.id)
    const overdue = async () => expectOk(await cloud.as('market-liaison').call('inspect', 'myTasks', { filter: 'overdue' }))
    cloud.clock.set(END_OF_NOV_30)
    expect((await overdue()).items).toEqual([])
    cloud.clock.set(END_OF_NOV_30 + 1)
    const late = await overdue()
    expect(late.items.map((t) => [t.number, t.overdue])).toEqual([['1.2', true]])
    expect(late.counts.overdue).toBe(1)
    expect(expectOk(await cloud.as('market-liaison').call('inspect', 'myTasks', { filter: 'evidence' })).items.map((t) => t.number)).toEqual(['1.2'])
  })

  test('each action refuses the wrong role', async () => {
    expectOk(await importSheet(cloud, GOOD))
    await grantLiaison(cloud, 'east-liaison', UNIT.east.id)
    const fileId = await uploadSheet(cloud, await sheetBytes(standardsSheet(GOOD)))
    const forbidden = [
      await cloud.as('resident').call('inspect', 'importStandards', { fileId }),
      await cloud.as('east-liaison').call('inspect', 'importStandards', { fileId }),
      await cloud.as('east-liaison').call('inspect', 'assign', { standardId: keyOf('std', '1.10'), leadUnitId: UNIT.east.id, supportUnitIds: [], deadline: null }),
      await cloud.as('east-liaison').call('inspect', 'standards', {}),
      await cloud.as('east-liaison').call('inspect', 'units', {}),
      await cloud.as('east-liaison').call('inspect', 'sheetTemplate', { kind: 'standards' }),
      await cloud.as('resident').call('inspect', 'myTasks', {}),
      await cloud.as('resident').call('inspect', 'home', {}),
    ]
    expect(forbidden.map((r) => (r.ok ? 'ok' : r.code))).toEqual(Array(forbidden.length).fill('AUTH.FORBIDDEN'))
    // the office with no unit of its own must say which unit's list it wants
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'myTasks', {})).toMatchObject({ ok: false, code: 'INSPECT.UNIT_NOT_FOUND' })
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'myTasks', { unitId: 'unit-nowhere' })).toMatchObject({ ok: false, code: 'INSPECT.UNIT_NOT_FOUND' })
  })

  test('home tells each caller their part', async () => {
    await grantLiaison(cloud, 'east-liaison', UNIT.east.id)
    expect(expectOk(await cloud.as('east-liaison').call('inspect', 'home', {})).roles).toEqual({ office: false, liaison: [{ unitId: UNIT.east.id, name: UNIT.east.name }], inspector: null })
    expect(expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'home', {}))).toEqual({
      roles: { office: true, liaison: [], inspector: null },
      standards: { total: 0, assigned: 0 },
      sites: 0,
      openOrders: 0,
      evidenceWaiting: 0,
    })
  })
})

describe('the demo standards and the templates', () => {
  test('the seed imports and assigns 示范市’s standards once; seeding again changes nothing', async () => {
    await seedStandards(cloud.platform)
    const first = await cloud.snapshot()
    await seedStandards(cloud.platform)
    expect(await cloud.snapshot()).toEqual(first)
    expect(await totals()).toEqual({ total: DEMO_STANDARDS.length, assigned: DEMO_STANDARDS.length })
    expect(DEMO_STANDARDS.length).toBeGreaterThanOrEqual(40)
    // the downloadable demo sheet is the same catalogue: importing it changes nothing
    const template = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'sheetTemplate', { kind: 'standards' }))
    expect(template.name).toBe('测评标准表（示范市）.xlsx')
    expect(template.url).not.toBe('')
    const view = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'importStandards', { fileId: template.fileId }))
    expect(view).toMatchObject({ added: [], changed: [], withdrawn: [], unchanged: DEMO_STANDARDS.length })
  })

  test('the 点位信息表 template has the site columns and two example rows', async () => {
    const ExcelJS = (await import('exceljs')).default
    const template = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'sheetTemplate', { kind: 'sites' }))
    const { fileContent } = await cloud.platform.storage.downloadFile({ fileID: template.fileId })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(fileContent as unknown as ArrayBuffer)
    const cells: string[][] = []
    workbook.worksheets[0].eachRow((row) => cells.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))))
    expect(cells[0]).toEqual(['点位名称', '点位类型', '详细地址', '纬度', '经度', '责任单位', '包联单位', '联系人', '联系电话'])
    expect(cells).toHaveLength(3)
  })
})
