import { PLEDGE_ITEMS } from '@/shared/contract/family'
import { expectOk, TEST_ADMIN } from '../support/cloud'
import { joined, setThisWeek, startFamilyCloud, T1, taskOf, type FamilyWorld } from './family-support'

/** The office's spreadsheet of 小手拉大手: figures per school and per week, and nobody in it. */
let world: FamilyWorld
beforeEach(async () => {
  world = await startFamilyCloud()
})
afterEach(() => world.cloud.close())

const parse = (csv: string) => csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((line) => line.split(','))

test('per school, the city total and the last 8 weeks, from the counters; no parent, child or code', async () => {
  const { cloud } = world
  await setThisWeek(cloud, T1, world.classA1.id, [{ kind: 'receipt', title: '回执' }])
  const first = await joined(cloud, 'parent-a', world.classA1, [{ nickname: '小明', grade: 3 }, { nickname: '豆豆', grade: 1 }])
  await joined(cloud, 'parent-b', world.classA1, [{ nickname: '朵朵', grade: 3 }])
  await joined(cloud, 'parent-c', world.classB1, [{ nickname: '乐乐', grade: 7 }])
  expectOk(await cloud.as('parent-a').call('family', 'complete', { familyId: first.id, taskId: taskOf(first, 'receipt').id, confirm: true }))

  const exported = expectOk(await cloud.as(TEST_ADMIN).call('family', 'exportOverview', { delivery: 'inline' }))
  expect(exported).toMatchObject({ rows: 2, fileID: null })
  expect(exported.filename).toMatch(/^小手拉大手参与情况_\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = exported.csv ?? ''
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const rows = parse(csv)
  expect(rows[0]).toEqual(['学校', '区县', '班级数', '参与家庭数', '登记孩子数', '回执数', '回执率'])
  expect(rows).toContainEqual(['文明路小学', '文明区', '1', '2', '3', '1', '50%'])
  expect(rows).toContainEqual(['和平里中学', '和平区', '1', '1', '1', '0', '0%'])
  expect(rows).toContainEqual(['全市合计', '', '2', '3', '4', '1', '33.3%'])
  const trendHeader = rows.findIndex((r) => r[0] === '周次（周一）')
  expect(rows.slice(trendHeader + 1)).toHaveLength(8)
  expect(rows.at(-1)).toEqual([expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), '1', '1', '1'])
  for (const secret of ['parent-a', '小明', '豆豆', '朵朵', '乐乐', world.classA1.joinCode ?? '-']) expect({ secret, found: csv.includes(secret) }).toEqual({ secret, found: false })

  // the mini-program gets a stored file and a link; the export is audited
  const stored = expectOk(await cloud.as(TEST_ADMIN).call('family', 'exportOverview', { delivery: 'storage' }))
  expect(stored).toMatchObject({ csv: null, rows: 2, fileID: expect.stringMatching(/^cloud:\/\//) })
  const audits = (await cloud.platform.db.collection('audit_log').where({ action: 'exportOverview' }).get()).data
  expect(audits).toHaveLength(2)
})

test('only the office exports', async () => {
  for (const someone of [T1, 'school-admin-a', 'parent-a']) {
    const result = await world.cloud.as(someone).call('family', 'exportOverview', { delivery: 'inline' })
    expect({ someone, code: result.ok ? 'ok' : result.code }).toEqual({ someone, code: 'AUTH.FORBIDDEN' })
  }
})

describe('the term-end job', () => {
  const timer = () => world.cloud.as(null).raw('family', { Type: 'Timer', TriggerName: 'archiveEndedTerms' })

  test('two weeks past its term a class is archived as its teacher would: code off, children gone, history kept', async () => {
    const { cloud } = world
    const family = await joined(cloud, 'parent-a', world.classA1, [{ nickname: '小明', grade: 3 }])
    const classDoc = (await cloud.platform.db.collection('family_classes').doc(world.classA1.id).get()).data as unknown as { termEndsAt: number }
    cloud.clock.set(classDoc.termEndsAt + 13 * 24 * 3600_000)
    expectOk(await timer())
    expect((await cloud.platform.db.collection('family_classes').doc(world.classA1.id).get()).data).toMatchObject({ status: 'active' })

    cloud.clock.set(classDoc.termEndsAt + 15 * 24 * 3600_000)
    expectOk(await timer())
    expect((await cloud.platform.db.collection('family_classes').doc(world.classA1.id).get()).data).toMatchObject({ status: 'archived', joinCode: null })
    const stored = (await cloud.platform.db.collection('family_families').doc(family.id).get()).data as unknown as { children: unknown[]; status: string }
    expect(stored).toMatchObject({ status: 'archived', children: [] })
    expect(await cloud.as('parent-b').call('family', 'preview', { joinCode: world.classA1.joinCode ?? '' })).toMatchObject({ ok: false, code: 'FAMILY.CLASS_ARCHIVED' })
    // the other school's class ended the same day: archived in the same run
    const other = (await cloud.platform.db.collection('family_classes').doc(world.classB1.id).get()).data as unknown as { status: string }
    expect(other.status).toBe('archived')
    // run again: nothing left to do, nothing changes
    const before = await cloud.platform.db.collection('audit_log').where({ action: 'archiveClass' }).count()
    expectOk(await timer())
    expect((await cloud.platform.db.collection('audit_log').where({ action: 'archiveClass' }).count()).total).toBe(before.total)
  })
})

test('signing the 承诺书 completes this week’s pledge task by itself', async () => {
  const { cloud } = world
  await setThisWeek(cloud, T1, world.classA1.id, [{ kind: 'pledge', title: '签署家庭文明承诺书' }, { kind: 'receipt', title: '回执' }])
  const family = await joined(cloud, 'parent-a', world.classA1)
  expect(taskOf(family, 'pledge').done).toBe(false)
  const signed = expectOk(await cloud.as('parent-a').call('family', 'signPledge', { familyId: family.id, items: PLEDGE_ITEMS.map((_, i) => i) }))
  expect(taskOf(signed, 'pledge')).toMatchObject({ done: true })
  expect(taskOf(signed, 'receipt').done).toBe(false)
  // signing again changes nothing and completes nothing twice
  const again = expectOk(await cloud.as('parent-a').call('family', 'signPledge', { familyId: family.id, items: PLEDGE_ITEMS.map((_, i) => i) }))
  expect(again.tasks).toEqual(signed.tasks)
  const board = expectOk(await cloud.as(T1).call('family', 'board', { classId: world.classA1.id }))
  expect(board.weeks.find((w) => w.week === board.thisWeek)?.completions).toBe(1)
})
