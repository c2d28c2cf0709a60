import { randomUUID } from 'node:crypto'
import { expectOk } from '../support/cloud'
import { DAY, F, HOUR, MARKET_ITEMS, ROAD_ITEMS, startFieldCloud, TEST_ADMIN, WEST_POINT, type FieldCloud } from './inspect-field-support'

let cloud: FieldCloud

beforeEach(async () => {
  cloud = await startFieldCloud()
})
afterEach(() => cloud.close())

const ordersOfSite = async (siteId: string) => (await cloud.platform.db.collection('inspect_orders').where({ siteId }).limit(100).get()).data
const totals = async () => cloud.stored<{ openOrders: number; sites: number }>('inspect_totals', 'city')

describe('submitInspection', () => {
  it('raises one 督办单 per failed item, to the site unit, with the site counters and the city total', async () => {
    const site = await cloud.site()
    const result = expectOk(await cloud.inspect(site.siteId, { fail: [ROAD_ITEMS[0], ROAD_ITEMS[3]] }))
    expect(result.duplicate).toBe(false)
    expect(result.counts).toEqual({ pass: 8, fail: 2, na: 0 })
    expect(result.orders.map((o) => [o.standard.standardId, o.unit.unitId, o.status, o.level])).toEqual([
      [ROAD_ITEMS[0], 'unit-demo', 'open', 'city'],
      [ROAD_ITEMS[3], 'unit-demo', 'open', 'city'],
    ])
    const stored = await cloud.storedSite(site.siteId)
    expect(stored).toMatchObject({ openOrders: 2, overdueOrders: 0, lastResult: { pass: 8, fail: 2, na: 0 } })
    expect(stored.lastItems[ROAD_ITEMS[0]]).toBe('fail')
    expect(stored.oldestOpenAt).toBe(cloud.clock.now() - HOUR)
    expect((await totals())?.openOrders).toBe(2)
    // due by severity: 较重 is three days from the inspection's end
    const order = await cloud.storedOrder(result.orders[0].orderId)
    expect(order.dueAt - order.foundAt).toBe(3 * DAY)
    expect(order.weight).toBe(2)
    expect(order.deduction).toBe(200)
  })

  it('is one inspection however often it arrives: again later, and twice at once', async () => {
    const site = await cloud.site()
    const photo = await cloud.inspectPhoto()
    const input = cloud.inspection(site.siteId, { fail: [ROAD_ITEMS[1]], photo })
    const first = expectOk(await cloud.as(F.inspector).call('inspect', 'submitInspection', input))
    const again = expectOk(await cloud.as(F.inspector).call('inspect', 'submitInspection', input))
    expect(again.duplicate).toBe(true)
    expect(again.orders.map((o) => o.code)).toEqual(first.orders.map((o) => o.code))
    expect(await ordersOfSite(site.siteId)).toHaveLength(1)

    const other = await cloud.site({ name: '人民路', place: { lat: 30.279, lng: 120.151 }, address: '人民路' })
    const photo2 = await cloud.inspectPhoto()
    const twice = cloud.inspection(other.siteId, { fail: [ROAD_ITEMS[2], ROAD_ITEMS[4]], photo: photo2 })
    const both = await Promise.all([0, 1].map(() => cloud.as(F.inspector).call('inspect', 'submitInspection', twice)))
    const views = both.map(expectOk)
    expect(views.map((v) => v.duplicate).sort()).toEqual([false, true])
    expect(await ordersOfSite(other.siteId)).toHaveLength(2)
    expect((await cloud.storedSite(other.siteId)).openOrders).toBe(2)
    expect((await totals())?.openOrders).toBe(3)
  })

  it('refuses the same inspection id for another site', async () => {
    const a = await cloud.site()
    const b = await cloud.site({ name: '人民路', address: '人民路' })
    const inspectionId = randomUUID()
    expectOk(await cloud.inspect(a.siteId, { inspectionId }))
    const before = await cloud.snapshot()
    expect(await cloud.inspect(b.siteId, { inspectionId })).toMatchObject({ ok: false, code: 'INSPECT.INSPECTION_CONFLICT' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  it('checks the checklist, the evidence, the times, the team and the area, writing nothing when refused', async () => {
    const site = await cloud.site()
    const west = await cloud.site({ name: '新华街', place: WEST_POINT, address: '新华街' })
    const photo = await cloud.inspectPhoto()
    const base = cloud.inspection(site.siteId, { fail: [ROAD_ITEMS[0]], photo })
    const before = await cloud.snapshot()
    const call = (data: typeof base, as: string = F.inspector) => cloud.as(as).call('inspect', 'submitInspection', data)
    const pass = (standardId: string) => ({ standardId, result: 'pass' as const })
    expect(await call({ ...base, items: [...base.items, pass(MARKET_ITEMS[0])] })).toMatchObject({ code: 'INSPECT.NOT_ON_CHECKLIST' })
    expect(await call({ ...base, items: [...base.items, pass(ROAD_ITEMS[5])] })).toMatchObject({ code: 'INSPECT.ITEM_TWICE' })
    expect(await call({ ...base, items: base.items.slice(0, 9) })).toMatchObject({ code: 'INSPECT.CHECKLIST_INCOMPLETE' })
    const noPhoto = base.items.map((i) => (i.result === 'fail' ? { ...i, photos: [] } : i))
    expect(await call({ ...base, items: noPhoto })).toMatchObject({ code: 'INSPECT.FAIL_NEEDS_EVIDENCE' })
    const noNote = base.items.map((i) => (i.result === 'fail' ? { ...i, note: '' } : i))
    expect(await call({ ...base, items: noNote })).toMatchObject({ code: 'INSPECT.FAIL_NEEDS_EVIDENCE' })
    expect(await call({ ...base, startedAt: base.finishedAt + 1 })).toMatchObject({ code: 'INSPECT.BAD_TIMES' })
    expect(await call({ ...base, finishedAt: cloud.clock.now() + DAY, startedAt: cloud.clock.now() })).toMatchObject({ code: 'INSPECT.BAD_TIMES' })
    expect(await call(base, F.noTeam)).toMatchObject({ code: 'INSPECT.NO_TEAM' })
    // the 西城 street team does not inspect in 东城
    const westPhoto = await cloud.inspectPhoto(F.west)
    expect(await call(cloud.inspection(site.siteId, { fail: [ROAD_ITEMS[0]], photo: westPhoto }), F.west)).toMatchObject({ code: 'INSPECT.NOT_YOUR_AREA' })
    // someone else's photo
    expect(await call(cloud.inspection(west.siteId, { fail: [ROAD_ITEMS[0]], photo }), F.west)).toMatchObject({ code: 'INSPECT.FILE_NOT_YOURS' })
    expect(await call(base, F.liaison)).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await call(base, F.resident)).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    const after = await cloud.snapshot()
    // reservations the refused calls made are the only change: nothing of an inspection was written
    for (const c of ['inspect_inspections', 'inspect_orders', 'inspect_sites', 'inspect_totals', 'inspect_order_seq', 'inspect_last_findings', 'inspect_periods']) expect(after[c]).toEqual(before[c])
  })

  it('gives 20 concurrent inspections 20 different 督办单号 of the day', async () => {
    const site = await cloud.site()
    const photos = await Promise.all(Array.from({ length: 20 }, () => cloud.inspectPhoto()))
    const results = await Promise.all(photos.map((photo) => cloud.as(F.inspector).call('inspect', 'submitInspection', cloud.inspection(site.siteId, { fail: [ROAD_ITEMS[0]], photo }))))
    const codes = results.map((r) => expectOk(r).orders[0].code)
    expect(new Set(codes).size).toBe(20)
    // 2026-11-25 10:00 Beijing
    expect(codes.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `DB-20261125-${String(i + 1).padStart(4, '0')}`))
    expect((await cloud.storedSite(site.siteId)).openOrders).toBe(20)
  })
})

describe('repeat findings', () => {
  it('counts the same site and item found again within 30 days as a repeat, not after', async () => {
    const soon = await cloud.site()
    const late = await cloud.site({ name: '人民路', address: '人民路' })
    const start = cloud.clock.now()
    const finding = async (siteId: string, at: number, item = ROAD_ITEMS[0]) => {
      cloud.clock.set(at + HOUR)
      return expectOk(await cloud.inspect(siteId, { fail: [item], finishedAt: at })).orders[0]
    }
    expect((await finding(soon.siteId, start)).repeat).toBe(false)
    expect((await finding(late.siteId, start)).repeat).toBe(false)
    const day29 = await finding(soon.siteId, start + 29 * DAY)
    expect(day29.repeat).toBe(true)
    // doubled by the repeat factor
    expect((await cloud.storedOrder(day29.orderId)).deduction).toBe(400)
    expect((await finding(late.siteId, start + 31 * DAY)).repeat).toBe(false)
    // another item at the same site is not a repeat
    expect((await finding(soon.siteId, start + 30 * DAY, ROAD_ITEMS[1])).repeat).toBe(false)
  })
})

describe('督办单 lifecycle', () => {
  async function oneOrder() {
    const site = await cloud.site()
    const result = expectOk(await cloud.inspect(site.siteId, { fail: [ROAD_ITEMS[0]] }))
    return { site, orderId: result.orders[0].orderId }
  }
  const rectify = async (orderId: string, as: string = F.liaison) =>
    cloud.as(as).call('inspect', 'rectify', { orderId, note: '已全部清理，并安排专人每日巡查', photos: [{ fileId: await cloud.inspectPhoto(as === F.resident ? F.liaison : as) }] })
  const recheck = (orderId: string, decision: 'close' | 'send_back', as: string = F.inspector) => cloud.as(as).call('inspect', 'recheck', { orderId, decision, note: decision === 'close' ? '现场核实已整改' : '仍有小广告未清理' })

  it('goes open → answered → closed, on time, with the history in roles and the counters back to zero', async () => {
    const { site, orderId } = await oneOrder()
    const answered = expectOk(await rectify(orderId))
    expect(answered).toMatchObject({ status: 'answered', mayAnswer: false, answer: { note: '已全部清理，并安排专人每日巡查' } })
    expect(answered.answer?.photos[0].url).toBeTruthy()
    expect(expectOk(await cloud.as(F.inspector).call('inspect', 'order', { orderId })).mayRecheck).toBe(true)
    const pending = expectOk(await cloud.as(F.inspector).call('inspect', 'rechecks', {}))
    expect(pending.items.map((o) => o.orderId)).toEqual([orderId])
    expect(expectOk(await cloud.as(F.inspector).call('inspect', 'inspectorHome', {}))).toMatchObject({ team: { teamId: 'insp-city' }, rechecks: 1 })
    const closed = expectOk(await recheck(orderId, 'close'))
    expect(closed.status).toBe('closed')
    expect(closed.history.map((h) => [h.action, h.by])).toEqual([
      ['found', '督查员'],
      ['answered', '单位联络员'],
      ['closed', '督查员'],
    ])
    expect(JSON.stringify(closed)).not.toContain(F.liaison)
    expect(JSON.stringify(closed)).not.toContain(F.inspector)
    // answered and closed within time: halved
    expect(closed.deduction.points).toBe(1)
    expect((await cloud.storedOrder(orderId)).onTime).toBe(true)
    expect(await cloud.storedSite(site.siteId)).toMatchObject({ openOrders: 0, oldestOpenAt: null })
    expect((await totals())?.openOrders).toBe(0)
    expect(await recheck(orderId, 'close')).toMatchObject({ code: 'INSPECT.ORDER_NOT_ANSWERED' })
    expect(await rectify(orderId)).toMatchObject({ code: 'INSPECT.ORDER_NOT_OPEN' })
  })

  it('sends a fix that did not hold back as 整改不实, which the unit answers again', async () => {
    const { site, orderId } = await oneOrder()
    expectOk(await rectify(orderId))
    const back = expectOk(await recheck(orderId, 'send_back'))
    expect(back).toMatchObject({ status: 'open', falseCount: 1, mayRecheck: false })
    // the first answer's words stay in the history
    expect(back.history.map((h) => h.action)).toEqual(['found', 'answered', 'sent_back'])
    expect(back.history[1].note).toBe('已全部清理，并安排专人每日巡查')
    expect(back.deduction.points).toBe(4)
    expect((await cloud.storedSite(site.siteId)).openOrders).toBe(1)
    expectOk(await rectify(orderId))
    const closed = expectOk(await recheck(orderId, 'close', TEST_ADMIN))
    expect(closed.history.map((h) => h.by)).toEqual(['督查员', '单位联络员', '督查员', '单位联络员', '文明办'])
  })

  it('refuses every wrong role, writing nothing', async () => {
    const { orderId } = await oneOrder()
    const before = await cloud.snapshot()
    expect(await rectify(orderId, F.resident)).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await rectify(orderId, F.otherLiaison)).toMatchObject({ code: 'INSPECT.NOT_YOUR_UNIT' })
    expect(await rectify(orderId, F.inspector)).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await cloud.as(F.otherLiaison).call('inspect', 'order', { orderId })).toMatchObject({ code: 'INSPECT.NOT_YOUR_UNIT' })
    expect(await cloud.as(F.west).call('inspect', 'order', { orderId })).toMatchObject({ code: 'INSPECT.NOT_YOUR_AREA' })
    const snapshotAfterRefusals = await cloud.snapshot()
    expect(snapshotAfterRefusals.inspect_orders).toEqual(before.inspect_orders)
    expectOk(await rectify(orderId))
    const answered = await cloud.snapshot()
    expect(await recheck(orderId, 'close', F.west)).toMatchObject({ code: 'INSPECT.NOT_YOUR_AREA' })
    expect(await recheck(orderId, 'close', F.liaison)).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(await recheck(orderId, 'close', F.resident)).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect((await cloud.snapshot()).inspect_orders).toEqual(answered.inspect_orders)
    // the 东城 district team covers this site and may close it
    expect(expectOk(await recheck(orderId, 'close', F.east)).status).toBe('closed')
  })

  it('lists by scope: the unit its own, an inspector the team area, with counts', async () => {
    const { orderId } = await oneOrder()
    const west = await cloud.site({ name: '新华街', place: WEST_POINT, address: '新华街', unitId: 'unit-market', pairUnitId: undefined })
    // found later than the 东城 one: newest first
    expectOk(await cloud.inspect(west.siteId, { fail: [ROAD_ITEMS[1]], as: F.west, finishedAt: cloud.clock.now() - HOUR / 2 }))
    const mine = expectOk(await cloud.as(F.liaison).call('inspect', 'orders', {}))
    expect(mine.items.map((o) => o.orderId)).toEqual([orderId])
    expect(mine.counts).toEqual({ open: 1, answered: 0, closed: 0 })
    expect(expectOk(await cloud.as(F.otherLiaison).call('inspect', 'orders', {})).items.map((o) => o.site.name)).toEqual(['新华街'])
    expect(expectOk(await cloud.as(F.otherLiaison).call('inspect', 'orders', { unitId: 'unit-demo' })).items).toEqual([])
    expect(expectOk(await cloud.as(F.west).call('inspect', 'orders', {})).items.map((o) => o.site.name)).toEqual(['新华街'])
    expect(expectOk(await cloud.as(F.east).call('inspect', 'orders', {})).items.map((o) => o.orderId)).toEqual([orderId])
    const all = expectOk(await cloud.as(F.inspector).call('inspect', 'orders', { status: 'open' }))
    expect(all.items).toHaveLength(2)
    expect(all.counts.open).toBe(2)
    expect(all.items[0].level).toBe('street')
    expect(await cloud.as(F.resident).call('inspect', 'orders', {})).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  })
})

describe('the overdue timer', () => {
  it('counts orders past their deadline on their sites, over pages, once; closing one takes it off', async () => {
    const site = await cloud.site()
    const other = await cloud.site({ name: '人民路', address: '人民路' })
    // 11 inspections × 10 problems: more than one page of the timer
    for (let i = 0; i < 11; i++) expectOk(await cloud.inspect(i === 10 ? other.siteId : site.siteId, { fail: ROAD_ITEMS }))
    await cloud.runOverdueTimer()
    expect((await cloud.storedSite(site.siteId)).overdueOrders).toBe(0)
    cloud.clock.advance(3 * DAY)
    await cloud.runOverdueTimer()
    await cloud.runOverdueTimer()
    expect(await cloud.storedSite(site.siteId)).toMatchObject({ openOrders: 100, overdueOrders: 100 })
    expect(await cloud.storedSite(other.siteId)).toMatchObject({ openOrders: 10, overdueOrders: 10 })
    const { total } = await cloud.platform.db.collection('inspect_orders').where({ overdueCounted: true }).count()
    expect(total).toBe(110)

    const map = expectOk(await cloud.as(F.inspector).call('inspect', 'map', {}))
    expect(map.counts).toEqual({ clear: 0, open: 0, overdue: 2 })
    expect(map.sites.map((s) => s.state)).toEqual(['overdue', 'overdue'])

    const late = (await cloud.platform.db.collection('inspect_orders').where({ siteId: other.siteId }).limit(1).get()).data[0]
    const orderId = String(late._id)
    expectOk(await cloud.as(F.liaison).call('inspect', 'rectify', { orderId, note: '已清理', photos: [{ fileId: await cloud.inspectPhoto(F.liaison) }] }))
    expect((await cloud.storedSite(other.siteId)).overdueOrders).toBe(10)
    const closed = expectOk(await cloud.as(F.inspector).call('inspect', 'recheck', { orderId, decision: 'close', note: '已整改' }))
    expect(closed.status).toBe('closed')
    // answered after its deadline: not on time, not halved
    expect((await cloud.storedOrder(orderId)).onTime).toBe(false)
    expect(closed.deduction.points).toBe(2)
    expect(await cloud.storedSite(other.siteId)).toMatchObject({ openOrders: 9, overdueOrders: 9 })
    await cloud.runOverdueTimer()
    expect((await cloud.storedSite(other.siteId)).overdueOrders).toBe(9)
  })
})

describe('督查组', () => {
  it('the office adds and renames teams; district and street teams need their area', async () => {
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'saveTeam', { name: '滨河督查组', level: 'street', area: null })).toMatchObject({ code: 'INSPECT.BAD_AREA' })
    const list = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'saveTeam', { name: '东城街道督查组', level: 'street', area: '东城街道' }))
    const added = list.find((t) => t.name === '东城街道督查组')
    expect(added).toMatchObject({ level: 'street', area: '东城街道', teamId: expect.stringMatching(/^team-/) })
    const renamed = expectOk(await cloud.as(TEST_ADMIN).call('inspect', 'saveTeam', { teamId: added?.teamId, name: '东城街道联合督查组', level: 'street', area: '东城街道' }))
    expect(renamed.filter((t) => t.teamId === added?.teamId).map((t) => t.name)).toEqual(['东城街道联合督查组'])
    expect(renamed).toHaveLength(4)
    expect(await cloud.as(TEST_ADMIN).call('inspect', 'saveTeam', { teamId: 'team-gone', name: '某组', level: 'city', area: null })).toMatchObject({ code: 'INSPECT.TEAM_NOT_FOUND' })
    expect(await cloud.as(F.inspector).call('inspect', 'teams', {})).toMatchObject({ code: 'AUTH.FORBIDDEN' })
    expect(expectOk(await cloud.as(F.noTeam).call('inspect', 'inspectorHome', {}))).toEqual({ team: null, rechecks: 0 })
  })
})
