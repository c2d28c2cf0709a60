import { PLEDGE_ITEMS } from '@/shared/contract/family'
import { expectOk, TEST_ADMIN } from '../support/cloud'
import { docsOf, everythingStored, familyOf, joined, setThisWeek, startFamilyCloud, T1, taskOf, type FamilyWorld } from './family-support'

let world: FamilyWorld
beforeEach(async () => {
  world = await startFamilyCloud()
})
afterEach(() => world.cloud.close())

const board = async () => expectOk(await world.cloud.as(T1).call('family', 'board', { classId: world.classA1.id }))

describe('removing a child', () => {
  test("deletes the child's data: the nickname is stored nowhere afterwards", async () => {
    const family = await joined(world.cloud, 'parent-1', world.classA1, [{ nickname: '小明', grade: 3 }, { nickname: '豆豆', grade: 1 }])
    const doudou = family.children.find((c) => c.nickname === '豆豆')
    const after = expectOk(await world.cloud.as('parent-1').call('family', 'removeChild', { familyId: family.id, childId: doudou?.id ?? '' }))
    expect(after.children.map((c) => c.nickname)).toEqual(['小明'])
    const stored = await everythingStored(world.cloud)
    expect(stored).not.toContain('豆豆')
    expect(stored).not.toContain(doudou?.id ?? '-')
    expect([(await board()).families, (await board()).children]).toEqual([1, 1])
  })

  test('removing the last child leaves the class: the record stays as history, marked left, and the figures drop it', async () => {
    await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'receipt', title: '交回回执' }])
    const family = await joined(world.cloud, 'parent-1', world.classA1, [{ nickname: '小明', grade: 3 }])
    expectOk(await world.cloud.as('parent-1').call('family', 'complete', { familyId: family.id, taskId: family.tasks[0].id, confirm: true }))
    expectOk(await world.cloud.as('parent-1').call('family', 'removeChild', { familyId: family.id, childId: family.children[0].id }))
    const [stored] = await docsOf(world.cloud, 'family_families', { _id: family.id })
    expect(stored).toMatchObject({ status: 'left', children: [], receipt: true })
    expect(await everythingStored(world.cloud)).not.toContain('小明')
    const view = await board()
    expect([view.families, view.children, view.familyRows]).toEqual([0, 0, []])
    const [user] = await docsOf(world.cloud, 'users', { _id: 'parent-1' })
    expect(user.groupIds).toEqual([])
    expect(expectOk(await world.cloud.as('parent-1').call('family', 'home', {})).families).toEqual([])
    // coming back is the same record, with a fresh consent and new children
    const back = await joined(world.cloud, 'parent-1', world.classA1, [{ nickname: '小明', grade: 3 }])
    expect(back.id).toBe(family.id)
    expect([(await board()).families, (await board()).children]).toEqual([1, 1])
  })

  test('a child id that is not in the family is not found and changes nothing', async () => {
    const family = await joined(world.cloud, 'parent-1', world.classA1)
    const before = await world.cloud.snapshot()
    expect(await world.cloud.as('parent-1').call('family', 'removeChild', { familyId: family.id, childId: 'ch-nothere' })).toMatchObject({
      ok: false,
      code: 'FAMILY.NOT_FOUND',
    })
    expect(await world.cloud.snapshot()).toEqual(before)
  })
})

describe('archiving at term end', () => {
  test("deletes the class's list of children, stops the code, and keeps each family's own records", async () => {
    await setThisWeek(world.cloud, T1, world.classA1.id, [
      { kind: 'receipt', title: '交回回执' },
      { kind: 'pledge', title: '签署家庭文明承诺书' },
    ])
    const families = []
    for (let i = 0; i < 3; i++) families.push(await joined(world.cloud, `parent-${i}`, world.classA1, [{ nickname: `孩子${'甲乙丙'[i]}`, grade: 3 }]))
    const other = await joined(world.cloud, 'parent-0', world.classB1, [{ nickname: '大哥', grade: 7 }])
    const first = families[0]
    expectOk(await world.cloud.as('parent-0').call('family', 'signPledge', { familyId: first.id, items: PLEDGE_ITEMS.map((_, i) => i) }))
    for (const kind of ['receipt', 'pledge'] as const) {
      const task = taskOf(await familyOf(world.cloud, 'parent-0', first.id), kind)
      expectOk(await world.cloud.as('parent-0').call('family', 'complete', { familyId: first.id, taskId: task.id, confirm: true }))
    }

    const archived = expectOk(await world.cloud.as(T1).call('family', 'archive', { classId: world.classA1.id }))
    expect(archived).toMatchObject({ status: 'archived', joinCode: null })
    const stored = await everythingStored(world.cloud)
    for (const nickname of ['孩子甲', '孩子乙', '孩子丙']) expect(stored).not.toContain(nickname)
    expect(stored).toContain('大哥') // another class's children are untouched
    expect((await board()).familyRows).toEqual([])
    expect((await board()).children).toBe(0)

    const history = await familyOf(world.cloud, 'parent-0', first.id)
    expect(history).toMatchObject({ archived: true, children: [], weeksDone: 1, streak: 1 })
    expect(history.badges.map((b) => b.name)).toEqual(['文明家庭·起步'])
    expect(history.pledge?.items).toEqual([...PLEDGE_ITEMS])
    expect(await docsOf(world.cloud, 'family_completions', { familyId: first.id })).toHaveLength(2)
    expect((await familyOf(world.cloud, 'parent-0', other.id)).children.map((c) => c.nickname)).toEqual(['大哥'])
    const [user] = await docsOf(world.cloud, 'users', { _id: 'parent-0' })
    expect(user.groupIds).toEqual([world.classB1.id])

    // a family of an archived class changes no more
    expect(await world.cloud.as('parent-1').call('family', 'addChild', { familyId: families[1].id, child: { nickname: '新来的', grade: 3 } })).toMatchObject({
      ok: false,
      code: 'FAMILY.CLASS_ARCHIVED',
    })
  })

  test('archiving again changes nothing', async () => {
    for (let i = 0; i < 3; i++) await joined(world.cloud, `parent-${i}`, world.classA1)
    expectOk(await world.cloud.as(T1).call('family', 'archive', { classId: world.classA1.id }))
    const before = await world.cloud.snapshot()
    expectOk(await world.cloud.as(T1).call('family', 'archive', { classId: world.classA1.id }))
    expect(await world.cloud.snapshot()).toEqual(before)
    const overview = expectOk(await world.cloud.as(TEST_ADMIN).call('family', 'overview', {}))
    expect([overview.families, overview.children]).toEqual([3, 0])
  })

  test('archives classes larger than one page', async () => {
    for (let i = 0; i < 105; i++) await joined(world.cloud, `parent-${i}`, world.classA1, [{ nickname: `孩子${i}号`.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]), grade: 3 }])
    expect((await board()).children).toBe(105)
    expectOk(await world.cloud.as(T1).call('family', 'archive', { classId: world.classA1.id }))
    const left = await docsOf(world.cloud, 'family_families', { classId: world.classA1.id, status: 'active' })
    expect(left).toEqual([])
    expect((await board()).children).toBe(0)
  })
})
