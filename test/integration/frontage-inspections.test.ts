import { randomUUID } from 'node:crypto'
import { SEED_TEMPLATES, type FrontageGeometry } from '@/shared/contract/frontage'
import { seedCity } from '@/cloud/domain/report/seed'
import { DEMO_TEAMS } from '@/cloud/domain/inspect/seed-sites'
import type { FindingDoc } from '@/cloud/domain/frontage/inspections'
import { monthDocId, type ShopMonthDoc } from '@/cloud/domain/frontage/ledger'
import { monthOf } from '@/shared/calendar/weeks'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { JPEG } from './report-fixtures'

/**
 * Shop inspections: the checklist is the shop's 责任书, each failed item climbs the 告诫 →
 * 限期整改通知书 → 移交执法 ladder per shop and item, a resend is the same inspection, and the
 * owner fixes what was found with an after-photo.
 */

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const THREE = SEED_TEMPLATES.find((t) => t.id === 'three')!
const ITEMS = THREE.duties.flatMap((d) => d.items.map((i) => i.id))

const P = {
  city: 'inspector-city',
  east: 'inspector-east',
  west: 'inspector-west',
  noTeam: 'inspector-gone',
  streetEast: 'street-east',
  streetWest: 'street-west',
  owner: 'owner-tea',
  otherOwner: 'owner-noodles',
  resident: 'resident-dave',
}

/** a shopfront on 文明路 (东城街道), about 30 m along the street; `k` moves it east by 50 m */
const frontage = (k: number): FrontageGeometry => ({
  type: 'LineString',
  coordinates: [
    [120.15 + k * 0.0005, 30.278],
    [120.1503 + k * 0.0005, 30.278],
  ],
})

type World = TestCloud & {
  tea: string
  noodles: string
  photo(openid?: string): Promise<string>
  inspect(shopId: string, o?: { as?: string; fail?: string[]; inspectionId?: string; photo?: string }): ReturnType<typeof callInspect>
  finding(id: string): Promise<FindingDoc>
  month(shopId: string, at?: number): Promise<ShopMonthDoc | null>
}

async function callInspect(cloud: TestCloud, shopId: string, as: string, fail: string[], photo: string, inspectionId: string) {
  return cloud.as(as).call('frontage', 'inspectShop', {
    inspectionId,
    shopId,
    items: ITEMS.map((itemId) => (fail.includes(itemId) ? { itemId, result: 'fail' as const, note: '门前堆放纸箱，占用人行道', photos: [photo] } : { itemId, result: 'pass' as const })),
  })
}

async function startShopCloud(): Promise<World> {
  const cloud = startTestCloud()
  await seedCity(cloud.platform)
  const db = cloud.platform.db
  for (const { _id, ...data } of DEMO_TEAMS) await db.collection('inspect_teams').doc(_id).set({ data })
  for (const t of SEED_TEMPLATES) await db.collection('frontage_templates').doc(t.id).set({ data: { name: t.name, version: 1, duties: t.duties, updatedAt: 0 } })
  await db.collection('frontage_streets').doc('unit-street-east').set({ data: { district: '东城街道' } })
  await db.collection('frontage_streets').doc('unit-street-west').set({ data: { district: '西城街道' } })
  const grants: Array<[string, 'inspector' | 'street_office', string]> = [
    [P.city, 'inspector', 'insp-city'],
    [P.east, 'inspector', 'insp-district'],
    [P.west, 'inspector', 'insp-street'],
    [P.noTeam, 'inspector', 'insp-gone'],
    [P.streetEast, 'street_office', 'unit-street-east'],
    [P.streetWest, 'street_office', 'unit-street-west'],
  ]
  for (const [openid, role, scopeId] of grants) expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid, role, scopeId }))
  const register = async (name: string, k: number) =>
    expectOk(
      await cloud.as(P.streetEast).call('frontage', 'registerShop', {
        name,
        kind: 'shop',
        businessType: 'retail',
        address: `文明路 ${18 + k * 2} 号`,
        frontage: frontage(k),
        ownerName: '李老板',
        ownerPhone: '13800138000',
        templateId: 'three',
        termFrom: cloud.clock.now(),
        termTo: cloud.clock.now() + 365 * DAY,
        requestId: randomUUID(),
      }),
    ).shopId
  const tea = await register('清心茶叶店', 0)
  const noodles = await register('老街面馆', 1)
  expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: P.owner, role: 'shop_owner', scopeId: tea }))
  expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: P.otherOwner, role: 'shop_owner', scopeId: noodles }))

  async function photo(openid: string = P.city): Promise<string> {
    const { paths } = expectOk(await cloud.as(openid).call('storage', 'reserve', { area: 'frontage', count: 1 }))
    const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: `${paths[0]}.jpg`, fileContent: JPEG })
    return fileID
  }
  async function inspect(shopId: string, o: { as?: string; fail?: string[]; inspectionId?: string; photo?: string } = {}) {
    const as = o.as ?? P.city
    const fail = o.fail ?? []
    return callInspect(cloud, shopId, as, fail, o.photo ?? (fail.length ? await photo(as) : ''), o.inspectionId ?? randomUUID())
  }
  const finding = async (id: string) => (await db.collection('frontage_findings').where({ _id: id }).limit(1).get()).data[0] as unknown as FindingDoc
  const month = async (shopId: string, at = cloud.clock.now()) =>
    ((await db.collection('frontage_months').where({ _id: monthDocId(shopId, monthOf(at)) }).limit(1).get()).data[0] as unknown as ShopMonthDoc | undefined) ?? null
  return Object.assign(cloud, { tea, noodles, photo, inspect, finding, month }) as World
}

const count = async (cloud: TestCloud, collection: string) => (await cloud.platform.db.collection(collection).count()).total

describe('门前三包 shop inspections', () => {
  let w: World
  beforeEach(async () => {
    w = await startShopCloud()
  })
  afterEach(() => w.close())

  test('the ladder: 告诫, then 限期整改通知书 with a 3-day deadline, then 移交执法 to the street enforcement unit', async () => {
    const first = expectOk(await w.inspect(w.tea, { fail: ['order-2'] }))
    expect(first.duplicate).toBe(false)
    expect(first.findings).toHaveLength(1)
    expect(first.findings[0]).toMatchObject({ step: 'warning', status: 'open', dueAt: null, repeat: false, itemText: '门前不乱堆乱放杂物', handedTo: null })

    w.clock.advance(5 * DAY)
    const second = expectOk(await w.inspect(w.tea, { fail: ['order-2'] }))
    expect(second.findings[0]).toMatchObject({ step: 'notice', status: 'open', repeat: true, dueAt: w.clock.now() + 3 * DAY })

    w.clock.advance(1 * DAY)
    const third = expectOk(await w.inspect(w.tea, { fail: ['order-2'] }))
    // the city routes 占道经营 in 文明路网格 to 城市管理综合执法大队
    expect(third.findings[0]).toMatchObject({ step: 'enforcement', status: 'handed', repeat: true, dueAt: null, handedTo: '城市管理综合执法大队' })
    // another item of the same shop starts its own ladder
    const other = expectOk(await w.inspect(w.tea, { fail: ['clean-1'] }))
    expect(other.findings[0]).toMatchObject({ step: 'warning', repeat: false })
    // a handed finding is the enforcement unit's now: the owner cannot close it with a photo
    const handed = third.findings[0].findingId
    const refused = await w.as(P.owner).call('frontage', 'fixFinding', { findingId: handed, note: '已清理', photos: [await w.photo(P.owner)] })
    expect(refused).toMatchObject({ ok: false, code: 'FRONTAGE.FINDING_NOT_OPEN' })
  })

  test('a repeat is a previous finding within the 30-day window: at 30 days it climbs, past it a fixed item starts again at 告诫', async () => {
    const first = expectOk(await w.inspect(w.tea, { fail: ['order-1'] }))
    expectOk(await w.as(P.owner).call('frontage', 'fixFinding', { findingId: first.findings[0].findingId, note: '商品已收回店内', photos: [await w.photo(P.owner)] }))
    w.clock.advance(30 * DAY)
    const inside = expectOk(await w.inspect(w.tea, { fail: ['order-1'] }))
    expect(inside.findings[0]).toMatchObject({ step: 'notice', repeat: true })
    expectOk(await w.as(P.owner).call('frontage', 'fixFinding', { findingId: inside.findings[0].findingId, note: '已整改', photos: [await w.photo(P.owner)] }))
    w.clock.advance(30 * DAY + 1)
    const outside = expectOk(await w.inspect(w.tea, { fail: ['order-1'] }))
    expect(outside.findings[0]).toMatchObject({ step: 'warning', repeat: false })
  })

  test('a 限期整改通知书 ignored past its deadline goes to enforcement even outside the repeat window', async () => {
    expectOk(await w.inspect(w.tea, { fail: ['order-3'] }))
    w.clock.advance(2 * DAY)
    const notice = expectOk(await w.inspect(w.tea, { fail: ['order-3'] }))
    expect(notice.findings[0].step).toBe('notice')
    w.clock.advance(45 * DAY)
    const after = expectOk(await w.inspect(w.tea, { fail: ['order-3'] }))
    expect(after.findings[0]).toMatchObject({ step: 'enforcement', status: 'handed', repeat: false })
  })

  test('an inspection sent twice is one set of findings; its id used for another shop is refused', async () => {
    const inspectionId = randomUUID()
    const photo = await w.photo()
    const first = expectOk(await w.inspect(w.tea, { fail: ['order-2', 'clean-1'], inspectionId, photo }))
    const findingsBefore = await count(w, 'frontage_findings')
    const monthBefore = await w.month(w.tea)
    const again = expectOk(await w.inspect(w.tea, { fail: ['order-2', 'clean-1'], inspectionId, photo }))
    expect(again.duplicate).toBe(true)
    expect(again.findings.map((f) => f.findingId)).toEqual(first.findings.map((f) => f.findingId))
    expect(await count(w, 'frontage_findings')).toBe(findingsBefore)
    expect(await count(w, 'frontage_inspections')).toBe(1)
    expect(await w.month(w.tea)).toEqual(monthBefore)
    expect(monthBefore).toMatchObject({ inspections: 1, findings: 2, deduction: 400 })
    const conflict = await w.inspect(w.noodles, { inspectionId })
    expect(conflict).toMatchObject({ ok: false, code: 'FRONTAGE.INSPECTION_CONFLICT' })
  })

  test('the checklist is the shop 责任书: every item once, none foreign; a fail needs a note and the inspector’s own photo; nothing written when refused', async () => {
    const before = await w.snapshot()
    const send = (items: unknown[]) => w.as(P.city).raw('frontage', { action: 'inspectShop', data: { inspectionId: randomUUID(), shopId: w.tea, items } })
    const pass = (itemId: string) => ({ itemId, result: 'pass' })
    expect(await send(ITEMS.slice(1).map(pass))).toMatchObject({ ok: false, code: 'FRONTAGE.CHECKLIST_INCOMPLETE' })
    expect(await send([...ITEMS.map(pass), pass('tidy-1')])).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_ON_PLEDGE' })
    expect(await send([...ITEMS.slice(1).map(pass), pass(ITEMS[1])])).toMatchObject({ ok: false, code: 'FRONTAGE.CHECKLIST_INCOMPLETE' })
    const photo = await w.photo()
    const withFail = (f: Record<string, unknown>) => [...ITEMS.slice(1).map(pass), { itemId: ITEMS[0], result: 'fail', ...f }]
    expect(await send(withFail({ photos: [photo] }))).toMatchObject({ ok: false, code: 'FRONTAGE.FAIL_NEEDS_EVIDENCE' })
    expect(await send(withFail({ note: '有垃圾' }))).toMatchObject({ ok: false, code: 'FRONTAGE.FAIL_NEEDS_EVIDENCE' })
    // a photo the shop owner reserved is not the inspector's evidence
    expect(await send(withFail({ note: '有垃圾', photos: [await w.photo(P.owner)] }))).toMatchObject({ ok: false, code: 'FRONTAGE.PHOTO_NOT_YOURS' })
    for (const c of ['frontage_inspections', 'frontage_findings', 'frontage_last_findings', 'frontage_months']) expect((await w.snapshot())[c]).toEqual(before[c])
    // tidy-1 (a 五包 item) was foreign above; the shop's own items with one 不适用 are complete
    expectOk(await send([...ITEMS.slice(1).map(pass), { itemId: ITEMS[0], result: 'na' }]))
  })

  test('who may inspect: an inspector with a team, only in the team’s area; nobody else', async () => {
    expect(await w.inspect(w.tea, { as: P.noTeam })).toMatchObject({ ok: false, code: 'FRONTAGE.NO_TEAM' })
    expect(await w.inspect(w.tea, { as: P.west })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_AREA' })
    expectOk(await w.inspect(w.tea, { as: P.east }))
    for (const who of [P.owner, P.streetEast, P.resident]) expect(await w.inspect(w.tea, { as: who })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await w.inspect('shop-none', { as: P.city })).toMatchObject({ ok: false, code: 'FRONTAGE.SHOP_NOT_FOUND' })
  })

  test('findings: an owner sees their own shop, a street office its street, an inspector the team’s area', async () => {
    expectOk(await w.inspect(w.tea, { fail: ['order-2'] }))
    expectOk(await w.inspect(w.noodles, { fail: ['clean-1'] }))
    const mine = expectOk(await w.as(P.owner).call('frontage', 'findings', {}))
    expect(mine.items.map((f) => f.shopName)).toEqual(['清心茶叶店'])
    expect(await w.as(P.owner).call('frontage', 'findings', { shopId: w.noodles })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_SHOP' })
    expect(expectOk(await w.as(P.streetEast).call('frontage', 'findings', {})).items).toHaveLength(2)
    expect(expectOk(await w.as(P.streetWest).call('frontage', 'findings', {})).items).toHaveLength(0)
    expect(await w.as(P.streetWest).call('frontage', 'findings', { shopId: w.tea })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_STREET' })
    expect(expectOk(await w.as(P.west).call('frontage', 'findings', {})).items).toHaveLength(0)
    expect(await w.as(P.west).call('frontage', 'findings', { shopId: w.tea })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_AREA' })
    expect(expectOk(await w.as(P.east).call('frontage', 'findings', { status: 'open' })).items).toHaveLength(2)
    expect(expectOk(await w.as(TEST_ADMIN).call('frontage', 'findings', { status: 'fixed' })).items).toHaveLength(0)
    expect(expectOk(await w.as(P.city).call('frontage', 'findings', {})).items).toHaveLength(2)
    // the list shows photos as links, never the stored file id
    expect(mine.items[0].photos[0]).not.toMatch(/^cloud:/)
  })

  test('the owner fixes a finding with a note and an after-photo: in time halves it, late does not; once only', async () => {
    const start = w.clock.now()
    const warning = expectOk(await w.inspect(w.tea, { fail: ['order-2'] })).findings[0]
    w.clock.advance(3 * DAY - HOUR)
    const fixed = expectOk(await w.as(P.owner).call('frontage', 'fixFinding', { findingId: warning.findingId, note: '纸箱已清走', photos: [await w.photo(P.owner)] }))
    expect(fixed).toMatchObject({ status: 'fixed', answer: { note: '纸箱已清走' } })
    expect(await w.finding(warning.findingId)).toMatchObject({ fixedInTime: true, deduction: 100 })
    expect(await w.as(P.owner).call('frontage', 'fixFinding', { findingId: warning.findingId, note: '再次', photos: [await w.photo(P.owner)] })).toMatchObject({
      ok: false,
      code: 'FRONTAGE.FINDING_NOT_OPEN',
    })

    w.clock.advance(HOUR)
    const notice = expectOk(await w.inspect(w.tea, { fail: ['order-2'] })).findings[0]
    expect(notice.step).toBe('notice')
    expect(await w.as(P.otherOwner).call('frontage', 'fixFinding', { findingId: notice.findingId, note: '已清理', photos: [await w.photo(P.otherOwner)] })).toMatchObject({
      ok: false,
      code: 'FRONTAGE.NOT_YOUR_SHOP',
    })
    w.clock.advance(3 * DAY + 1)
    expectOk(await w.as(P.owner).call('frontage', 'fixFinding', { findingId: notice.findingId, note: '已清理', photos: [await w.photo(P.owner)] }))
    // 2 (市级) × 2 (重复), not halved: fixed after the notice's deadline
    expect(await w.finding(notice.findingId)).toMatchObject({ fixedInTime: false, deduction: 400 })
    // both found in November (the clock starts on the 25th): counted there, fixes included
    expect(await w.month(w.tea, start)).toMatchObject({ findings: 2, repeats: 1, fixedInTime: 1, open: 0, deduction: 500, score: 9500 })
    expect(await w.as(P.owner).call('frontage', 'fixFinding', { findingId: 'nope', note: 'x', photos: [await w.photo(P.owner)] })).toMatchObject({ ok: false, code: 'FRONTAGE.FINDING_NOT_FOUND' })
  })
})
