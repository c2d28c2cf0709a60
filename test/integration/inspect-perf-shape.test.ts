import { randomUUID } from 'node:crypto'
import type { Database, QueryCondition } from '@/cloud/platform/database'
import type { LocalDatabase } from '@/cloud/platform/local/database'
import type { Order } from '@/cloud/platform/local/database/query'
import { keyOf, type ChecklistDoc, type SiteDoc } from '@/cloud/domain/inspect/model'
import { expectOk, type TestCloud } from '../support/cloud'
import { F, ROAD_ITEMS, startFieldCloud, type FieldCloud } from './inspect-field-support'
import { grantLiaison, importSheet, startInspectCloud, TEST_ADMIN, UNIT, uploadEvidence } from './inspect-support'

/**
 * 创文督查 at a city's scale, by the shape of what the views read rather than by the clock: a
 * checklist is one document, the map reads only what it draws, the unit list reads counters, a
 * unit's 待补材料 list is an index search. Each test records the queries the real handlers run.
 */

interface Read {
  collection: string
  op: 'get' | 'count'
  where: QueryCondition[]
  orderBy: Order[]
  field: Record<string, boolean> | null
  skip: number | null
}

/** Records every query run through `db.collection(...)` until stopped. */
function recordReads(db: Database): { reads: Read[]; stop: () => void } {
  const reads: Read[] = []
  const original = db.collection.bind(db)
  const wrap = (target: object, state: Read): object =>
    new Proxy(target, {
      get(t, key) {
        const value: unknown = Reflect.get(t, key)
        if (typeof value !== 'function') return value
        const fn = (value as (...args: unknown[]) => unknown).bind(t)
        switch (key) {
          case 'where':
            return (c: QueryCondition) => wrap(fn(c) as object, { ...state, where: [...state.where, c] })
          case 'orderBy':
            return (path: string, order: 'asc' | 'desc') => wrap(fn(path, order) as object, { ...state, orderBy: [...state.orderBy, { path, order }] })
          case 'field':
            return (f: Record<string, boolean>) => wrap(fn(f) as object, { ...state, field: f })
          case 'skip':
            return (n: number) => wrap(fn(n) as object, { ...state, skip: n })
          case 'limit':
            return (n: number) => wrap(fn(n) as object, state)
          case 'get':
          case 'count':
            return () => {
              reads.push({ ...state, op: key })
              return fn()
            }
          default:
            return fn
        }
      },
    })
  const patched = db as { collection: Database['collection'] }
  patched.collection = ((name: string) => wrap(original(name), { collection: name, op: 'get', where: [], orderBy: [], field: null, skip: null })) as Database['collection']
  return { reads, stop: () => void (patched.collection = original) }
}

async function readsOf<T>(db: Database, work: () => Promise<T>): Promise<{ result: T; reads: Read[] }> {
  const rec = recordReads(db)
  try {
    const result = await work()
    return { result, reads: rec.reads }
  } finally {
    rec.stop()
  }
}

const on = (reads: Read[], collection: string) => reads.filter((r) => r.collection === collection)
const plan = (db: Database, r: Read) => (db as LocalDatabase).explain(r.collection, { where: r.where, orderBy: r.orderBy, limit: 21 }).join('; ')

// ---- 1. checklists ----

describe('a site type’s checklist is one document the standards import keeps', () => {
  let cloud: TestCloud
  beforeEach(async () => {
    cloud = await startInspectCloud()
  })
  afterEach(() => cloud.close())

  const checklist = async (typeId: string) => (await cloud.platform.db.collection('inspect_checklists').where({ _id: typeId }).get()).data[0] as unknown as ChecklistDoc | undefined
  const row = (number: string, types: string, text = `第 ${number} 条`) => ({ number, project: '公共环境', content: `内容${number}`, text, methods: '实地考察', siteTypes: types })

  test('import, re-import and withdrawal rewrite it in catalogue order; the site detail reads it by key and never the catalogue', async () => {
    expectOk(await importSheet(cloud, [row('1.10', '主次干道'), row('1.2', '主次干道、农贸市场'), row('1.9', '农贸市场')]))
    expect((await checklist('main-road'))?.items).toEqual([
      { _id: keyOf('std', '1.2'), number: '1.2', content: '内容1.2', text: '第 1.2 条' },
      { _id: keyOf('std', '1.10'), number: '1.10', content: '内容1.10', text: '第 1.10 条' },
    ])
    expect((await checklist('farm-market'))?.items.map((i) => i.number)).toEqual(['1.2', '1.9'])

    // 1.2 changes its text and leaves 主次干道; 1.10 is withdrawn (not in the sheet); 1.3 is new
    expectOk(await importSheet(cloud, [row('1.2', '农贸市场', '改过的原文'), row('1.9', '农贸市场'), row('1.3', '主次干道')]))
    expect((await checklist('main-road'))?.items.map((i) => i.number)).toEqual(['1.3'])
    expect((await checklist('farm-market'))?.items).toEqual([
      { _id: keyOf('std', '1.2'), number: '1.2', content: '内容1.2', text: '改过的原文' },
      { _id: keyOf('std', '1.9'), number: '1.9', content: '内容1.9', text: '第 1.9 条' },
    ])
    expect((await cloud.platform.db.collection('inspect_site_types').where({ _id: 'farm-market' }).get()).data[0].checklistSize).toBe(2)

    const saved = expectOk(
      await cloud.as(TEST_ADMIN).call('inspect', 'saveSite', {
        name: '幸福农贸市场',
        typeId: 'farm-market',
        place: { lat: 30.278, lng: 120.15 },
        address: '东城街道幸福路 18 号',
        unitId: UNIT.market.id,
        contactName: '王芳',
        contactPhone: '13800138000',
      }),
    )
    const { result, reads } = await readsOf(cloud.platform.db, () => cloud.as(TEST_ADMIN).call('inspect', 'site', { siteId: saved.siteId }))
    expect(expectOk(result).checklist.map((c) => [c.number, c.text, c.lastResult])).toEqual([
      ['1.2', '改过的原文', null],
      ['1.9', '第 1.9 条', null],
    ])
    expect(on(reads, 'inspect_standards')).toEqual([])
    expect(on(reads, 'inspect_checklists').map((r) => r.where)).toEqual([[{ _id: 'farm-market' }]])
  })

  test('a catalogue stored before checklists were kept gets them on its next import, even one that changes nothing', async () => {
    expectOk(await importSheet(cloud, [row('1.1', '主次干道')]))
    await cloud.platform.db.collection('inspect_checklists').doc('main-road').remove()
    const view = expectOk(await importSheet(cloud, [row('1.1', '主次干道')]))
    expect(view.unchanged).toBe(1)
    expect((await checklist('main-road'))?.items.map((i) => i.number)).toEqual(['1.1'])
  })
})

describe('an inspection checks its items against the checklist document', () => {
  let cloud: FieldCloud
  beforeEach(async () => {
    cloud = await startFieldCloud()
  })
  afterEach(() => cloud.close())

  test('submitInspection reads the type’s checklist by key, not the catalogue, and still refuses an item not on it', async () => {
    const site = await cloud.site()
    const { result, reads } = await readsOf(cloud.platform.db, () => cloud.inspect(site.siteId, { fail: [ROAD_ITEMS[0]] }))
    expect(expectOk(result).counts).toEqual({ pass: 9, fail: 1, na: 0 })
    // the 督办单's own view looks its standard up by id; nothing reads the catalogue by status
    expect(on(reads, 'inspect_standards').filter((r) => !r.where.every((w) => '_id' in w))).toEqual([])
    expect(on(reads, 'inspect_checklists')).toHaveLength(1)
    const stray = await cloud.inspect(site.siteId, { items: [...ROAD_ITEMS, 'std-market-01'] })
    expect(stray.ok ? null : stray.code).toBe('INSPECT.NOT_ON_CHECKLIST')
  })
})

// ---- 2. the map ----

describe('the whole-city map reads what it draws', () => {
  let cloud: FieldCloud
  beforeEach(async () => {
    cloud = await startFieldCloud()
  })
  afterEach(() => cloud.close())

  test('its site query projects away every item verdict, box and contact, and pages by keyset, not skip', async () => {
    const road = await cloud.site()
    expectOk(await cloud.inspect(road.siteId, { fail: [ROAD_ITEMS[0], ROAD_ITEMS[1]] }))
    expect(Object.keys((await cloud.storedSite(road.siteId)).lastItems)).toHaveLength(10)
    const { result, reads } = await readsOf(cloud.platform.db, () => cloud.as(TEST_ADMIN).call('inspect', 'map', {}))
    expect(expectOk(result).sites).toEqual([expect.objectContaining({ siteId: road.siteId, openOrders: 2, state: 'open', lastResult: { pass: 8, fail: 2, na: 0 } })])
    const siteReads = on(reads, 'inspect_sites')
    expect(siteReads.length).toBeGreaterThan(0)
    for (const r of siteReads) {
      expect(r.skip).toBeNull()
      expect(r.field).not.toBeNull()
      for (const heavy of ['lastItems', 'contactPhone', 'address', 'minLat']) expect(r.field?.[heavy]).toBeUndefined()
    }
  })

  test('past the first page of 100 every site comes once, most problems first', async () => {
    const db = cloud.platform.db
    const base = await cloud.site()
    const stored = await cloud.storedSite(base.siteId)
    // 130 sites written straight in (the map reads only the sites and their state counters)
    for (let i = 0; i < 130; i++) {
      const { _id, ...rest } = stored
      void _id
      const openOrders = i % 3
      const doc: Omit<SiteDoc, '_id'> = { ...rest, name: `点位${String(i).padStart(3, '0')}`, openOrders, problemKey: openOrders ? 1_000_000 + openOrders * 1000 : 0 }
      await db.collection('inspect_sites').doc(`bulk-${i}`).set({ data: doc })
    }
    const { sites } = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'map', {}))
    expect(sites).toHaveLength(131)
    expect(new Set(sites.map((s) => s.siteId)).size).toBe(131)
    const keys = sites.map((s) => s.openOrders)
    expect(keys).toEqual([...keys].sort((a, b) => b - a))
    expect(sites.filter((s) => s.openOrders === 2).map((s) => s.name)).toEqual(sites.filter((s) => s.openOrders === 2).map((s) => s.name).sort())
  })
})

// ---- 3. the units list ----

describe('the office’s unit list reads per-unit counters', () => {
  let cloud: FieldCloud
  beforeEach(async () => {
    cloud = await startFieldCloud()
  })
  afterEach(() => cloud.close())

  /** What the list showed when it counted: the indexed counts per unit, for comparison. */
  async function counted(unitId: string, now: number) {
    const _ = cloud.platform.db.command
    const tasks = cloud.platform.db.collection('inspect_tasks')
    const orders = cloud.platform.db.collection('inspect_orders')
    const [total, overdue, needsEvidence, accepted, open, liaisons] = await Promise.all([
      tasks.where({ unitId, status: 'active' }).count(),
      tasks.where({ unitId, status: 'active', deadline: _.lt(now), needsMaterial: true, evidenceStatus: _.neq('accepted') }).count(),
      tasks.where({ unitId, status: 'active', needsMaterial: true, evidenceStatus: _.neq('accepted') }).count(),
      tasks.where({ unitId, status: 'active', needsMaterial: true, evidenceStatus: 'accepted' }).count(),
      orders.where({ unitId, status: _.in(['open', 'answered']) }).count(),
      cloud.platform.db.collection('role_grants').where({ role: 'liaison', scopeId: unitId }).count(),
    ])
    return { counts: { total: total.total, overdue: overdue.total, needsEvidence: needsEvidence.total, accepted: accepted.total }, openOrders: open.total, liaisons: liaisons.total }
  }

  async function expectCountsMatch() {
    const now = cloud.clock.now()
    const list = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'units', {}))
    for (const u of list) expect({ unitId: u.unitId, ...(await counted(u.unitId, now)) }).toEqual({ unitId: u.unitId, counts: u.counts, openOrders: u.openOrders, liaisons: u.liaisons })
    return list
  }

  test('import, reassignment, evidence, inspections and the clock keep them equal to the counts; the list’s queries do not grow with the units', async () => {
    const day = 24 * 60 * 60 * 1000
    // problems found at the unit's site first: the sheet below replaces the road checklist
    const site = await cloud.site()
    expectOk(await cloud.inspect(site.siteId, { fail: [ROAD_ITEMS[0], ROAD_ITEMS[1]] }))
    await expectCountsMatch()
    expectOk(
      await importSheet(cloud, [
        { number: '5.1', project: '重点工作', content: '台账', text: '建立台账。', methods: '材料审核', evidence: '台账', lead: UNIT.enforcement.name, support: UNIT.market.name, deadline: '2026-11-26' },
        { number: '5.2', project: '重点工作', content: '方案', text: '制定方案。', methods: '材料审核、实地考察', evidence: '方案', lead: UNIT.market.name, support: UNIT.enforcement.name, deadline: '2026-12-31' },
        { number: '5.3', project: '重点工作', content: '宣传', text: '开展宣传。', methods: '实地考察', lead: UNIT.enforcement.name },
      ]),
    )
    await grantLiaison(cloud, 'second-liaison', UNIT.enforcement.id)
    await expectCountsMatch()

    // 联络员 hand in material; the office accepts one and returns one
    const task51 = `${keyOf('std', '5.1')}__${UNIT.enforcement.id}`
    const task52 = `${keyOf('std', '5.2')}__${UNIT.enforcement.id}`
    const ids: string[] = []
    for (const taskId of [task51, task52]) {
      const fileId = await uploadEvidence(cloud, F.liaison, 'pdf')
      ids.push(expectOk(await cloud.as(F.liaison).call('inspect', 'submitEvidence', { taskId, files: [{ fileId, name: '材料.pdf' }], note: '', requestId: randomUUID() })).evidenceId)
    }
    await expectCountsMatch()
    expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'reviewEvidence', { evidenceId: ids[0], decision: 'accept' }))
    expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'reviewEvidence', { evidenceId: ids[1], decision: 'return', reason: '缺少盖章' }))
    await expectCountsMatch()

    // a standard moves to other units: the old ones' tasks are withdrawn
    expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'assign', { standardId: keyOf('std', '5.2'), leadUnitId: UNIT.traffic.id, supportUnitIds: [], deadline: null }))
    await expectCountsMatch()

    // the clock passes 5.1's deadline with no write at all
    const before = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'units', {}))
    cloud.clock.advance(3 * day)
    const list = await expectCountsMatch()
    const overdue = (l: typeof list, unitId: string) => l.find((u) => u.unitId === unitId)?.counts.overdue
    expect([overdue(before, UNIT.market.id), overdue(list, UNIT.market.id)]).toEqual([0, 1])
    expect(list.find((u) => u.unitId === 'unit-demo')).toMatchObject({ openOrders: 2, liaisons: 2 })

    // the site passes to another unit: its open 督办单 are that unit's to answer now
    expectOk(
      await cloud.as(TEST_ADMIN).call('inspect', 'saveSite', {
        siteId: site.siteId,
        name: site.name,
        typeId: site.typeId,
        place: site.place,
        address: site.address,
        unitId: UNIT.market.id,
        contactName: site.contactName,
        contactPhone: '13800138000',
      }),
    )
    const moved = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'units', {}))
    expect(moved.find((u) => u.unitId === 'unit-demo')?.openOrders).toBe(0)
    expect(moved.find((u) => u.unitId === UNIT.market.id)?.openOrders).toBe(2)

    const first = await readsOf(cloud.platform.db, () => cloud.as(TEST_ADMIN).call('inspect', 'units', {}))
    for (let i = 0; i < 40; i++) await cloud.platform.db.collection('report_units').doc(`unit-extra-${i}`).set({ data: { name: `新增单位${i}` } })
    expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'units', {}))
    const second = await readsOf(cloud.platform.db, () => cloud.as(TEST_ADMIN).call('inspect', 'units', {}))
    expect(expectOk(second.result)).toHaveLength(expectOk(first.result).length + 40)
    expect(second.reads.length).toBe(first.reads.length)
    expect(second.reads.filter((r) => r.op === 'count')).toEqual([])
  })
})

// ---- 4. a unit's 待补材料 ----

describe('myTasks evidence is an index search on by_unit_evidence', () => {
  let cloud: TestCloud
  const LIAISON = 'enforcement-liaison'
  beforeEach(async () => {
    cloud = await startInspectCloud()
    await grantLiaison(cloud, LIAISON, UNIT.enforcement.id)
  })
  afterEach(() => cloud.close())

  test('every page lists the tasks still owing material in catalogue order, each query on the index’s whole key', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      number: `7.${i + 1}`,
      project: '重点工作',
      content: '台账',
      text: `第 ${i + 1} 项`,
      methods: i % 5 === 4 ? '实地考察' : '材料审核',
      evidence: i % 5 === 4 ? '' : '台账',
      lead: UNIT.enforcement.name,
    }))
    expectOk(await importSheet(cloud, rows))
    const taskOf = (n: number) => `${keyOf('std', `7.${n}`)}__${UNIT.enforcement.id}`
    const send = async (n: number) => {
      const fileId = await uploadEvidence(cloud, LIAISON, 'pdf')
      return expectOk(await cloud.as(LIAISON).call('inspect', 'submitEvidence', { taskId: taskOf(n), files: [{ fileId, name: '台账.pdf' }], note: '', requestId: randomUUID() })).evidenceId
    }
    // 7.1 accepted (leaves the list), 7.2 returned, 7.3 waiting review: both still owe material
    expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'reviewEvidence', { evidenceId: await send(1), decision: 'accept' }))
    expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'reviewEvidence', { evidenceId: await send(2), decision: 'return', reason: '不清楚' }))
    await send(3)
    const owing = Array.from({ length: 30 }, (_, i) => i + 1).filter((n) => n !== 1 && n % 5 !== 0)

    const { result, reads } = await readsOf(cloud.platform.db, () => cloud.as(LIAISON).call('inspect', 'myTasks', { filter: 'evidence' }))
    const page1 = expectOk(result)
    expect(page1.nextCursor).not.toBeNull()
    const page2 = expectOk(await cloud.as(LIAISON).call('inspect', 'myTasks', { filter: 'evidence', cursor: page1.nextCursor ?? undefined }))
    expect([...page1.items, ...page2.items].map((t) => t.number)).toEqual(owing.map((n) => `7.${n}`))
    expect(page1.items).toHaveLength(20)
    expect(page2.nextCursor).toBeNull()
    expect(page1.items.slice(0, 2).map((t) => t.evidenceStatus)).toEqual(['returned', 'submitted'])
    expect(page1.counts).toEqual({ total: 30, overdue: 0, needsEvidence: owing.length, accepted: 1 })

    const listed = on(reads, 'inspect_tasks').filter((r) => r.op === 'get')
    expect(listed.length).toBeGreaterThan(0)
    for (const r of listed) {
      expect(JSON.stringify(r.where)).not.toContain('neq')
      const lines = plan(cloud.platform.db, r)
      expect(lines).toContain('inspect_tasks__by_unit_evidence')
      expect(lines).not.toContain('TEMP B-TREE')
    }
  })
})
