import { randomUUID } from 'node:crypto'
import { decodeScene } from '@/shared/scene'
import { sceneRoute } from '@/features/entry/decide'
import { expectOk } from '../support/cloud'
import { sheetBytes, uploadSheet } from './inspect-support'
import {
  EAST_OFFICE,
  grantShopOwner,
  registerShop,
  renminFront,
  shopInput,
  startFrontageCloud,
  TEST_ADMIN,
  WEST_OFFICE,
  wenmingForecourt,
  wenmingFront,
  type FrontageCloud,
} from './frontage-support'

const RESIDENT = 'resident-li'
const OWNER = 'owner-zhang'

describe('门前三包 registry', () => {
  let cloud: FrontageCloud
  beforeEach(async () => {
    cloud = await startFrontageCloud()
  })
  afterEach(() => cloud.close())

  const grantsOf = async (openid: string) => {
    const { data } = await cloud.platform.db.collection('role_grants').where({ openid }).limit(100).get()
    return data.map((g) => ({ role: g.role, scopeId: g.scopeId }))
  }

  test('the street office registers a shop of its street: active, in its grid, numbered, full phone for it', async () => {
    const shop = await registerShop(cloud)
    expect(shop).toMatchObject({ status: 'active', district: '东城街道', code: 'MQ-00001', templateName: '门前五包责任书', pledgeVersion: 1, signedVersion: null, ownerPhone: '13800138018' })
    const second = await registerShop(cloud, { name: '老街面馆', address: '东城街道文明路 26 号', frontage: wenmingFront(120.1506) })
    expect(second.code).toBe('MQ-00002')
    const home = expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'streetHome', {}))
    expect(home).toEqual([{ unitId: 'unit-street-east', unitName: '东城街道办事处', district: '东城街道', counts: { active: 2, pending: 0, unsigned: 2, waitingReports: 0 } }])
  })

  test('the same request twice registers one shop', async () => {
    const input = shopInput()
    const a = expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'registerShop', input))
    const b = expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'registerShop', input))
    expect(b).toEqual(a)
    expect(expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'shops', {})).items).toHaveLength(1)
  })

  test('refused, and nothing written: another street’s office, a resident, a bad or too large frontage, outside the city, a bad term', async () => {
    const before = await cloud.snapshot()
    const west = await cloud.as(WEST_OFFICE).call('frontage', 'registerShop', shopInput())
    expect(west).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_STREET' })
    const resident = await cloud.as(RESIDENT).call('frontage', 'registerShop', shopInput())
    expect(resident).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    const hourglass = { type: 'Polygon' as const, coordinates: [[[120.15, 30.278], [120.1502, 30.2782], [120.1502, 30.278], [120.15, 30.2782], [120.15, 30.278]] as Array<[number, number]>] }
    expect(await cloud.as(EAST_OFFICE).call('frontage', 'registerShop', shopInput({ frontage: hourglass }))).toMatchObject({ ok: false, code: 'FRONTAGE.BAD_FRONTAGE' })
    const dot = { type: 'LineString' as const, coordinates: [[120.15, 30.278], [120.15, 30.278]] as Array<[number, number]> }
    expect(await cloud.as(EAST_OFFICE).call('frontage', 'registerShop', shopInput({ frontage: dot }))).toMatchObject({ ok: false, code: 'FRONTAGE.BAD_FRONTAGE' })
    const long = { type: 'LineString' as const, coordinates: [[120.15, 30.278], [120.153, 30.278]] as Array<[number, number]> }
    expect(await cloud.as(EAST_OFFICE).call('frontage', 'registerShop', shopInput({ frontage: long }))).toMatchObject({ ok: false, code: 'FRONTAGE.FRONTAGE_TOO_LARGE' })
    expect(await cloud.as(EAST_OFFICE).call('frontage', 'registerShop', shopInput({ frontage: wenmingFront(121.5, 31.2) }))).toMatchObject({ ok: false, code: 'FRONTAGE.OUTSIDE_CITY' })
    expect(await cloud.as(EAST_OFFICE).call('frontage', 'registerShop', shopInput({ termFrom: 10, termTo: 10 }))).toMatchObject({ ok: false, code: 'FRONTAGE.BAD_TERM' })
    expect(await cloud.as(EAST_OFFICE).call('frontage', 'registerShop', shopInput({ templateId: 'nope' }))).toMatchObject({ ok: false, code: 'FRONTAGE.TEMPLATE_NOT_FOUND' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('a polygon forecourt registers; the office registers in any street', async () => {
    expect(await registerShop(cloud, { frontage: wenmingForecourt(), kind: 'unit', businessType: 'company', name: '农商银行' })).toMatchObject({ status: 'active', kind: 'unit' })
    expect(await registerShop(cloud, { frontage: renminFront(), address: '西城街道人民路 12 号' }, TEST_ADMIN)).toMatchObject({ district: '西城街道' })
  })

  test('an owner applies, the street office confirms: the applicant becomes the shop’s owner', async () => {
    const { templateId, termFrom, termTo, ...fields } = shopInput()
    const applied = expectOk(await cloud.as(OWNER).call('frontage', 'applyShop', fields))
    expect(applied).toMatchObject({ status: 'pending', templateName: '', ownerPhone: '138****8018' })
    expect(expectOk(await cloud.as(OWNER).call('frontage', 'myShops', {}))).toMatchObject({ shops: [], pending: [{ shopId: applied.shopId }] })
    expect(expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'shops', { status: 'pending' })).items.map((s) => s.shopId)).toEqual([applied.shopId])
    // the shop is not the applicant's before the street office says so
    expect(await cloud.as(OWNER).call('frontage', 'pledge', { shopId: applied.shopId })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await cloud.as(WEST_OFFICE).call('frontage', 'confirmShop', { shopId: applied.shopId, decision: 'confirm', templateId, termFrom, termTo })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_STREET' })
    expect(await cloud.as(EAST_OFFICE).call('frontage', 'confirmShop', { shopId: applied.shopId, decision: 'confirm', termFrom, termTo })).toMatchObject({ ok: false, code: 'FRONTAGE.TEMPLATE_NOT_FOUND' })
    const confirmed = expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'confirmShop', { shopId: applied.shopId, decision: 'confirm', templateId, termFrom, termTo }))
    expect(confirmed).toMatchObject({ status: 'active', templateName: '门前五包责任书', pledgeVersion: 1, termFrom, termTo })
    expect(await grantsOf(OWNER)).toContainEqual({ role: 'shop_owner', scopeId: applied.shopId })
    expect(expectOk(await cloud.as(OWNER).call('frontage', 'myShops', {}))).toMatchObject({ shops: [{ shopId: applied.shopId, status: 'active' }], pending: [] })
    expect(expectOk(await cloud.as(OWNER).call('frontage', 'pledge', { shopId: applied.shopId })).maySign).toBe(true)
    expect(await cloud.as(EAST_OFFICE).call('frontage', 'confirmShop', { shopId: applied.shopId, decision: 'refuse' })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_PENDING' })
  })

  test('the street office names the owner of a shop it registered; a new owner replaces the old, staff stay', async () => {
    const shop = await registerShop(cloud)
    expect(await cloud.as(WEST_OFFICE).call('frontage', 'setOwner', { shopId: shop.shopId, openid: OWNER })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_STREET' })
    expect(await cloud.as(RESIDENT).call('frontage', 'setOwner', { shopId: shop.shopId, openid: RESIDENT })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await grantsOf(OWNER)).toEqual([])
    expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'setOwner', { shopId: shop.shopId, openid: OWNER }))
    expect(await grantsOf(OWNER)).toContainEqual({ role: 'shop_owner', scopeId: shop.shopId })
    expect(expectOk(await cloud.as(OWNER).call('frontage', 'pledge', { shopId: shop.shopId })).maySign).toBe(true)
    expectOk(await cloud.as(OWNER).call('frontage', 'addStaff', { shopId: shop.shopId, openid: 'staff-wang' }))
    // the owner changes hands: the old owner loses the shop, the staff member keeps it
    expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'setOwner', { shopId: shop.shopId, openid: RESIDENT }))
    expect(await grantsOf(OWNER)).toEqual([])
    expect(await grantsOf('staff-wang')).toContainEqual({ role: 'shop_owner', scopeId: shop.shopId })
    expect(expectOk(await cloud.as(RESIDENT).call('frontage', 'pledge', { shopId: shop.shopId })).maySign).toBe(true)
    // naming the same owner again changes nothing
    const before = await cloud.snapshot()
    expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'setOwner', { shopId: shop.shopId, openid: RESIDENT }))
    const after = await cloud.snapshot()
    expect(after.frontage_members).toEqual(before.frontage_members)
    expect(after.role_grants).toEqual(before.role_grants)
  })

  test('the street office refuses an application: closed, no owner, not on any list of waiting', async () => {
    const { templateId: _t, termFrom: _f, termTo: _to, ...fields } = shopInput()
    const applied = expectOk(await cloud.as(OWNER).call('frontage', 'applyShop', fields))
    const refused = expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'confirmShop', { shopId: applied.shopId, decision: 'refuse', reason: '门前范围画到了邻店' }))
    expect(refused.status).toBe('closed')
    expect(await grantsOf(OWNER)).not.toContainEqual(expect.objectContaining({ role: 'shop_owner' }))
    expect(expectOk(await cloud.as(OWNER).call('frontage', 'myShops', {}))).toEqual({ shops: [], pending: [] })
  })

  test('a shop owner sees only their own shops, the owner’s phone masked', async () => {
    const mine = await registerShop(cloud)
    const other = await registerShop(cloud, { name: '老街面馆', address: '东城街道文明路 26 号', frontage: wenmingFront(120.1506), ownerPhone: '13900139026' })
    await grantShopOwner(cloud, OWNER, mine.shopId)
    expect(expectOk(await cloud.as(OWNER).call('frontage', 'shop', { shopId: mine.shopId })).ownerPhone).toBe('138****8018')
    expect(await cloud.as(OWNER).call('frontage', 'shop', { shopId: other.shopId })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_SHOP' })
    expect(await cloud.as(OWNER).call('frontage', 'doorCard', { shopId: other.shopId })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_SHOP' })
    expect(await cloud.as(OWNER).call('frontage', 'pledge', { shopId: other.shopId })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_SHOP' })
    expect(await cloud.as(WEST_OFFICE).call('frontage', 'shop', { shopId: other.shopId })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_STREET' })
    expect(expectOk(await cloud.as(TEST_ADMIN).call('frontage', 'shop', { shopId: other.shopId })).ownerPhone).toBe('13900139026')
    const myShops = expectOk(await cloud.as(OWNER).call('frontage', 'myShops', {}))
    expect(myShops.shops.map((s) => s.shopId)).toEqual([mine.shopId])
    expect(JSON.stringify(myShops)).not.toContain('13900139026')
    expect(expectOk(await cloud.as(WEST_OFFICE).call('frontage', 'shops', {})).items).toEqual([])
  })

  test('a resident’s door-code view carries no owner, no phone', async () => {
    const s = await registerShop(cloud, { ownerName: '李建国', ownerPhone: '13800138018' })
    const view = expectOk(await cloud.as(RESIDENT).call('frontage', 'shopPublic', { shopId: s.shopId }))
    const json = JSON.stringify(view)
    for (const secret of ['13800138018', '8018', '李建国', 'ownerPhone', 'ownerName']) expect(json).not.toContain(secret)
    expect(view).toMatchObject({ name: '清香茶叶店', signed: false, record: [], stars: null })
    expect(view.duties.map((d) => d.name)).toEqual(['包卫生', '包秩序', '包绿化', '包整洁', '包设施'])
    expect(view.categories).toEqual(expect.arrayContaining(['street-vending', 'littering', 'illegal-ads']))
    expect(view.place.lat).toBeCloseTo(30.27815, 5)
  })

  test('the public record lists resolved reports at the frontage, newest first, at most ten, with no reporter', async () => {
    const s = await registerShop(cloud)
    const base = cloud.clock.now()
    for (let i = 0; i < 16; i++) {
      const resolved = i % 4 !== 3
      await cloud.platform.db.collection('frontage_shop_reports').doc(`r-${i}`).set({
        data: { shopId: s.shopId, categoryId: i % 2 ? 'littering' : 'street-vending', stage: resolved ? 'answered' : 'waiting', createdAt: base + i * 1000, shopDueAt: base + i * 1000 + 7_200_000, answeredAt: resolved ? base + i * 1000 + 500 : null, escalatedAt: null, escalation: null, fixedInTime: resolved ? i !== 0 : null, reporterOpenid: 'reporter-secret' },
      })
    }
    const view = expectOk(await cloud.as(RESIDENT).call('frontage', 'shopPublic', { shopId: s.shopId }))
    expect(view.record).toHaveLength(10)
    expect(view.record[0]).toEqual({ categoryName: expect.any(String), at: base + 14 * 1000 + 500, fixedInTime: true })
    expect(view.record.map((r) => r.at)).toEqual([...view.record.map((r) => r.at)].sort((a, b) => b - a))
    expect(JSON.stringify(view)).not.toContain('reporter-secret')
  })

  test('an owner has at most five applications waiting at once', async () => {
    const { templateId: _t, termFrom: _f, termTo: _to, requestId: _r, ...fields } = shopInput()
    for (let i = 0; i < 5; i++) expectOk(await cloud.as(OWNER).call('frontage', 'applyShop', { ...fields, name: `店${i}`, requestId: randomUUID() }))
    expect(await cloud.as(OWNER).call('frontage', 'applyShop', { ...fields, requestId: randomUUID() })).toMatchObject({ ok: false, code: 'FRONTAGE.TOO_MANY_APPLICATIONS' })
  })

  test('the door card: a shop-door scene that routes to the door page, an image, made once', async () => {
    const s = await registerShop(cloud)
    const card = expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'doorCard', { shopId: s.shopId }))
    const decoded = decodeScene(card.scene)
    expect(decoded).toEqual({ ok: true, scene: { kind: 'shopDoor', shopId: s.shopId } })
    if (decoded.ok && decoded.scene.kind !== 'poster') expect(sceneRoute(decoded.scene)).toEqual({ go: 'redirectTo', url: `/packages/frontage/pages/index/index?view=door&shopId=${s.shopId}` })
    expect(card.codeImageUrl).not.toBe('')
    expect(JSON.stringify(card)).not.toContain('13800138018')
    const again = expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'doorCard', { shopId: s.shopId }))
    expect(again.scene).toBe(card.scene)
    expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'closeShop', { shopId: s.shopId, reason: '已停业' }))
    expect(await cloud.as(EAST_OFFICE).call('frontage', 'doorCard', { shopId: s.shopId })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_ACTIVE' })
    expect(await cloud.as(RESIDENT).call('frontage', 'shopPublic', { shopId: s.shopId })).toMatchObject({ ok: false, code: 'FRONTAGE.SHOP_NOT_FOUND' })
  })

  test('lists filter pending, active, unsigned and page', async () => {
    for (let i = 0; i < 23; i++) await registerShop(cloud, { name: `门店${String(i).padStart(2, '0')}`, address: `文明路 ${i} 号`, frontage: wenmingFront(120.145 + i * 0.0002) })
    const first = expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'shops', { status: 'active' }))
    expect(first.items).toHaveLength(20)
    const second = expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'shops', { status: 'active', cursor: first.nextCursor ?? undefined }))
    expect(second.items.map((s) => s.name)).toEqual(['门店20', '门店21', '门店22'])
    expect(second.nextCursor).toBeNull()
    expect(expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'shops', { unsigned: true })).items).toHaveLength(20)
    expect(expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'shops', { status: 'pending' })).items).toHaveLength(0)
  })
})

describe('门前三包 import', () => {
  let cloud: FrontageCloud
  beforeEach(async () => {
    cloud = await startFrontageCloud()
  })
  afterEach(() => cloud.close())

  const HEADER = ['门店名称', '类型', '经营类别', '地址', '负责人', '联系电话', '起点经度', '起点纬度', '终点经度', '终点纬度']
  const row = (name: string, address: string, lng: number, over: Partial<Record<number, string | number>> = {}) => {
    const r: Array<string | number> = [name, '商户', '零售', address, '王五', '13700137000', lng, 30.27815, lng + 0.0001, 30.27815]
    for (const [i, v] of Object.entries(over)) if (v !== undefined) r[Number(i)] = v
    return r
  }
  const importRows = async (rows: Array<Array<string | number>>, openid = EAST_OFFICE, dryRun?: boolean) => {
    const fileId = await uploadSheet(cloud, await sheetBytes([HEADER, ...rows]), openid)
    return cloud.as(openid).call('frontage', 'importShops', { fileId, dryRun })
  }

  test('a good sheet adds every row; the same sheet again updates them in place', async () => {
    const rows = [row('甲店', '文明路 1 号', 120.15), row('乙店', '文明路 3 号', 120.1503)]
    expect(expectOk(await importRows(rows, EAST_OFFICE, true))).toEqual({ applied: false, added: 2, updated: 0, rows: 2 })
    expect(expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'shops', {})).items).toHaveLength(0)
    expect(expectOk(await importRows(rows))).toEqual({ applied: true, added: 2, updated: 0, rows: 2 })
    const changed = [row('甲店', '文明路 1 号', 120.15, { 5: '13700137999' }), row('乙店', '文明路 3 号', 120.1503)]
    expect(expectOk(await importRows(changed))).toEqual({ applied: true, added: 0, updated: 2, rows: 2 })
    const list = expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'shops', {})).items
    expect(list.map((s) => [s.name, s.ownerPhone, s.status, s.templateName])).toEqual([
      ['乙店', '13700137000', 'active', '门前三包责任书'],
      ['甲店', '13700137999', 'active', '门前三包责任书'],
    ])
  })

  test('a bad sheet names each bad row and writes nothing', async () => {
    const before = await cloud.snapshot()
    const bad = await importRows([
      row('甲店', '文明路 1 号', 120.15),
      row('', '文明路 3 号', 120.1503, { 1: '摊位' }),
      row('丙店', '人民路 5 号', 120.145, { 7: 30.2602, 9: 30.2602 }),
      row('丁店', '远方 1 号', 121.5, { 7: 31.2, 9: 31.2 }),
      row('戊店', '文明路 9 号', 120.1509, { 5: 'abc', 6: '东经' }),
    ])
    expect(bad).toMatchObject({ ok: false, code: 'FRONTAGE.SHEET_INVALID' })
    if (bad.ok) return
    const paths = (bad.issues ?? []).map((i) => `${i.path}:${i.message}`)
    expect(paths.some((p) => p.startsWith('第3行:门店名称'))).toBe(true)
    expect(paths.some((p) => p.startsWith('第3行:类型'))).toBe(true)
    expect(paths.some((p) => p.startsWith('第4行:') && p.includes('西城街道'))).toBe(true)
    expect(paths.some((p) => p.startsWith('第5行:位置不在本市'))).toBe(true)
    expect(paths.some((p) => p.startsWith('第6行:联系电话'))).toBe(true)
    expect(paths.some((p) => p.startsWith('第6行:起点'))).toBe(true)
    expect(paths.some((p) => p.startsWith('第2行'))).toBe(false)
    const noColumns = await uploadSheet(cloud, await sheetBytes([['门店名称', '地址'], ['甲店', '文明路 1 号']]), EAST_OFFICE)
    expect(await cloud.as(EAST_OFFICE).call('frontage', 'importShops', { fileId: noColumns })).toMatchObject({ ok: false, code: 'FRONTAGE.SHEET_INVALID' })
    // the reservations are left, not the data: compare the frontage collections
    const after = await cloud.snapshot()
    for (const name of ['frontage_shops', 'frontage_shop_cells', 'frontage_seq']) expect(after[name]).toEqual(before[name])
  })

  test('a sheet someone else uploaded is refused', async () => {
    const fileId = await uploadSheet(cloud, await sheetBytes([HEADER, row('甲店', '文明路 1 号', 120.15)]), WEST_OFFICE)
    expect(await cloud.as(EAST_OFFICE).call('frontage', 'importShops', { fileId })).toMatchObject({ ok: false, code: 'FRONTAGE.SHEET_UNREADABLE' })
  })
})

describe('门前三包 责任书 and staff', () => {
  let cloud: FrontageCloud
  beforeEach(async () => {
    cloud = await startFrontageCloud()
  })
  afterEach(() => cloud.close())

  const STAFF = 'staff-wang'

  test('the owner signs the version in force; a new template version asks to sign again and the old one is stale', async () => {
    const s = await registerShop(cloud)
    await grantShopOwner(cloud, OWNER, s.shopId)
    const before = expectOk(await cloud.as(OWNER).call('frontage', 'pledge', { shopId: s.shopId }))
    expect(before).toMatchObject({ version: 1, signedVersion: null, maySign: true, templateName: '门前五包责任书' })
    expect(before.frontageText).toMatch(/门前沿街约 \d+ 米/)
    cloud.clock.advance(60_000)
    const signed = expectOk(await cloud.as(OWNER).call('frontage', 'signPledge', { shopId: s.shopId, version: 1 }))
    expect(signed).toMatchObject({ signedVersion: 1, signedAt: cloud.clock.now(), maySign: false })
    expect(await cloud.as(OWNER).call('frontage', 'signPledge', { shopId: s.shopId, version: 1 })).toMatchObject({ ok: false, code: 'FRONTAGE.ALREADY_SIGNED' })
    const sig = await cloud.platform.db.collection('frontage_signatures').doc(`${s.shopId}__1`).get()
    expect(sig.data).toMatchObject({ openid: OWNER, version: 1, at: cloud.clock.now() })
    expect(expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'streetHome', {}))[0].counts.unsigned).toBe(0)

    // the office rewrites the 五包 template: version 2, the shop must sign again
    const five = expectOk(await cloud.as(TEST_ADMIN).call('frontage', 'templates', {})).find((t) => t.templateId === 'five')
    if (!five) throw new Error('no 五包 template')
    const duties = five.duties.map((d) => (d.id === 'clean' ? { ...d, items: [...d.items, { id: 'clean-4', text: '雨雪天及时清扫门前积雪' }] } : d))
    expect(expectOk(await cloud.as(TEST_ADMIN).call('frontage', 'saveTemplate', { templateId: 'five', name: five.name, duties }))).toMatchObject({ version: 2 })
    const after = expectOk(await cloud.as(OWNER).call('frontage', 'pledge', { shopId: s.shopId }))
    expect(after).toMatchObject({ version: 2, signedVersion: 1, maySign: true })
    expect(after.duties.find((d) => d.id === 'clean')?.items).toHaveLength(4)
    expect(expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'shops', { unsigned: true })).items.map((x) => x.shopId)).toEqual([s.shopId])
    expect(await cloud.as(OWNER).call('frontage', 'signPledge', { shopId: s.shopId, version: 1 })).toMatchObject({ ok: false, code: 'FRONTAGE.STALE_VERSION' })
    expect(expectOk(await cloud.as(OWNER).call('frontage', 'signPledge', { shopId: s.shopId, version: 2 }))).toMatchObject({ signedVersion: 2, maySign: false })
    expect(expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'shops', { unsigned: true })).items).toEqual([])
  })

  test('a template change moves only the shops on that template, however many pages of them', async () => {
    for (let i = 0; i < 105; i++) await registerShop(cloud, { name: `五包${i}`, address: `文明路 ${i} 号`, frontage: wenmingFront(120.141 + i * 0.00015) })
    const three = await registerShop(cloud, { templateId: 'three', name: '三包店', address: '文明路 200 号', frontage: wenmingFront(120.158) })
    const five = expectOk(await cloud.as(TEST_ADMIN).call('frontage', 'templates', {})).find((t) => t.templateId === 'five')
    if (!five) throw new Error('no 五包 template')
    expectOk(await cloud.as(TEST_ADMIN).call('frontage', 'saveTemplate', { templateId: 'five', name: '门前五包责任书（2027版）', duties: five.duties }))
    const { total } = await cloud.platform.db.collection('frontage_shops').where({ templateId: 'five', pledgeVersion: 2, pledgeSigned: false }).count()
    expect(total).toBe(105)
    expect(expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'shop', { shopId: three.shopId })).pledgeVersion).toBe(1)
    expect(await cloud.as(TEST_ADMIN).call('frontage', 'saveTemplate', { templateId: 'five', name: 'x', duties: [{ ...five.duties[0], categories: ['no-such-category'] }] })).toMatchObject({ ok: false, code: 'FRONTAGE.BAD_TEMPLATE' })
  })

  test('staff: the owner adds and removes them; staff cannot sign nor manage staff', async () => {
    const s = await registerShop(cloud)
    await grantShopOwner(cloud, OWNER, s.shopId)
    expect(expectOk(await cloud.as(OWNER).call('frontage', 'addStaff', { shopId: s.shopId, openid: STAFF }))).toEqual({ staff: 1 })
    expect(expectOk(await cloud.as(OWNER).call('frontage', 'addStaff', { shopId: s.shopId, openid: STAFF }))).toEqual({ staff: 1 })
    expect(expectOk(await cloud.as(STAFF).call('frontage', 'shop', { shopId: s.shopId })).name).toBe('清香茶叶店')
    expect(expectOk(await cloud.as(STAFF).call('frontage', 'pledge', { shopId: s.shopId })).maySign).toBe(false)
    expect(await cloud.as(STAFF).call('frontage', 'signPledge', { shopId: s.shopId, version: 1 })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_SHOP' })
    expect(await cloud.as(STAFF).call('frontage', 'addStaff', { shopId: s.shopId, openid: 'someone' })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_SHOP' })
    expect(expectOk(await cloud.as(STAFF).call('frontage', 'myShops', {})).shops.map((x) => x.shopId)).toEqual([s.shopId])
    expect(expectOk(await cloud.as(OWNER).call('frontage', 'removeStaff', { shopId: s.shopId, openid: STAFF }))).toEqual({ staff: 0 })
    expect(await cloud.as(STAFF).call('frontage', 'shop', { shopId: s.shopId })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await cloud.as(OWNER).call('frontage', 'removeStaff', { shopId: s.shopId, openid: STAFF })).toMatchObject({ ok: false, code: 'FRONTAGE.STAFF_NOT_FOUND' })
    expect(await cloud.as(OWNER).call('frontage', 'removeStaff', { shopId: s.shopId, openid: OWNER })).toMatchObject({ ok: false, code: 'FRONTAGE.STAFF_NOT_FOUND' })
    for (let i = 0; i < 10; i++) expectOk(await cloud.as(OWNER).call('frontage', 'addStaff', { shopId: s.shopId, openid: `staff-${i}` }))
    expect(await cloud.as(OWNER).call('frontage', 'addStaff', { shopId: s.shopId, openid: 'staff-11' })).toMatchObject({ ok: false, code: 'FRONTAGE.STAFF_FULL' })
  })
})
