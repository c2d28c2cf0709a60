import { seedDemoData } from '@/cloud/local-host/seed'
import { DEMO_CLASS, DEMO_JOIN_CODE } from '@/cloud/domain/family/seed'
import { expectOk } from '../support/cloud'
import { seededDemoCloud } from '../support/demo'

const demo = seededDemoCloud()

test('the demo teacher runs class-demo at 文明路小学, with a default plan and two families by nickname', async () => {
  const cloud = demo()
  const [cls] = expectOk(await cloud.as('demo-teacher').call('family', 'myClasses', {}))
  expect(cls).toMatchObject({ id: DEMO_CLASS, joinCode: DEMO_JOIN_CODE, title: '三年级 3 班 · 文明路小学', teacherName: '刘老师' })
  const board = expectOk(await cloud.as('demo-teacher').call('family', 'board', { classId: DEMO_CLASS }))
  expect(board).toMatchObject({ families: 2, children: 3, receipts: 1 })
  expect(board.familyRows.map((r) => r.nicknames.join('、')).sort()).toEqual(['小明', '朵朵、豆豆'].sort())
  expect(board.weeks.every((w) => w.tasks > 0)).toBe(true)
  expect(expectOk(await cloud.as('demo-school-admin').call('family', 'school', { schoolId: 'school-demo' })).classes).toHaveLength(1)
  expect(expectOk(await cloud.as('demo-admin').call('family', 'overview', {}))).toMatchObject({ schools: 1, classes: 1, families: 2 })
  // a demo resident can walk the parent's journey with the printed code
  expect(expectOk(await cloud.as('demo-resident').call('family', 'preview', { joinCode: DEMO_JOIN_CODE })).classView.id).toBe(DEMO_CLASS)
})

test('seeding again changes nothing', async () => {
  const cloud = demo()
  const before = await cloud.snapshot()
  await seedDemoData(cloud.platform)
  const after = await cloud.snapshot()
  for (const name of Object.keys(before).filter((n) => n.startsWith('family_'))) expect({ name, docs: after[name] }).toEqual({ name, docs: before[name] })
})
