import { frontageAt, placeOf, zoneAt } from '@/cloud/domain/frontage/geo'
import { seedFrontage } from '@/cloud/domain/frontage/seed'
import { DEMO_TEA_SHOP, DEMO_ZONE } from '@/cloud/domain/frontage/demo-shops'
import { expectOk } from '../support/cloud'
import { EAST_OFFICE, metresLat, registerShop, startFrontageCloud, TEST_ADMIN, WENMING_LAT, wenmingForecourt, wenmingFront, type FrontageCloud } from './frontage-support'

const RESIDENT = 'resident-li'

describe('门前三包 places: which frontage or painted zone a pin falls on', () => {
  let cloud: FrontageCloud
  beforeEach(async () => {
    cloud = await startFrontageCloud()
  })
  afterEach(() => cloud.close())

  const check = (lat: number, lng: number, categoryId?: string) => cloud.as(RESIDENT).call('frontage', 'placeCheck', { lat, lng, categoryId })

  test('a point on the line, and within the pavement’s width of it, is that shop’s; 20 m away is no one’s', async () => {
    const s = await registerShop(cloud, { frontage: wenmingFront(120.15) })
    const mid = 120.15005
    expect(expectOk(await check(WENMING_LAT, mid, 'street-vending'))).toMatchObject({ shop: { shopId: s.shopId, name: '清香茶叶店', covers: true }, zone: null })
    expect(expectOk(await check(WENMING_LAT - metresLat(6), mid, 'street-vending')).shop?.shopId).toBe(s.shopId)
    expect(expectOk(await check(WENMING_LAT - metresLat(20), mid, 'street-vending'))).toEqual({ shop: null, zone: null, message: null })
    // past the end of the shopfront by 20 m (0.0002° of longitude ≈ 19 m beyond its east end): not its frontage
    expect(expectOk(await check(WENMING_LAT, 120.1503, 'street-vending')).shop).toBeNull()
    const direct = await frontageAt(cloud.platform, { lat: WENMING_LAT - metresLat(7.5), lng: mid }, 'littering')
    expect(direct).toMatchObject({ shop: { _id: s.shopId }, covers: true })
  })

  test('a point crossing into the next cell of the lattice still finds the shop its buffered box reaches', async () => {
    // the line sits just north of a 0.001° row boundary; a pin 5 m south is in the row below
    const lat = 30.2780 + metresLat(2)
    const s = await registerShop(cloud, { frontage: wenmingFront(120.152, lat) })
    expect((await frontageAt(cloud.platform, { lat: lat - metresLat(5), lng: 120.15205 }))?.shop._id).toBe(s.shopId)
  })

  test('inside a polygon forecourt is that shop’s; outside it is not', async () => {
    const s = await registerShop(cloud, { frontage: wenmingForecourt(120.155), kind: 'unit', businessType: 'company', name: '农商银行', templateId: 'three' })
    expect(expectOk(await check(WENMING_LAT - metresLat(7), 120.15515)).shop?.shopId).toBe(s.shopId)
    expect(expectOk(await check(WENMING_LAT - metresLat(25), 120.15515)).shop).toBeNull()
  })

  test('covered and uncovered categories: the message says who handles it', async () => {
    await registerShop(cloud, { templateId: 'three' })
    const covered = expectOk(await check(WENMING_LAT, 120.15005, 'street-vending'))
    expect(covered.shop?.covers).toBe(true)
    expect(covered.message).toBe('此处是「清香茶叶店」的门前责任区，将先由门店在 2 小时内处理')
    // the 三包 template has no 包设施: a broken facility goes straight to the unit
    const uncovered = expectOk(await check(WENMING_LAT, 120.15005, 'facility-damaged'))
    expect(uncovered.shop?.covers).toBe(false)
    expect(uncovered.message).toContain('不在门店责任书内')
    expect(expectOk(await check(WENMING_LAT, 120.15005)).shop?.covers).toBe(false)
  })

  test('the nearest of two touching frontages wins; a closed shop’s frontage takes no reports', async () => {
    const west = await registerShop(cloud, { frontage: wenmingFront(120.15) })
    const east = await registerShop(cloud, { name: '鲜果园', address: '文明路 22 号', frontage: wenmingFront(120.1501) })
    expect(expectOk(await check(WENMING_LAT, 120.15012)).shop?.shopId).toBe(east.shopId)
    expect(expectOk(await check(WENMING_LAT, 120.15008)).shop?.shopId).toBe(west.shopId)
    expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'closeShop', { shopId: east.shopId, reason: '已停业' }))
    expect(expectOk(await check(WENMING_LAT, 120.15012)).shop?.shopId).toBe(west.shopId)
  })

  test('inside a painted vending zone selling is exempt, other categories are not; removed, it exempts nothing', async () => {
    const shop = await registerShop(cloud, { frontage: wenmingFront(120.1503), name: '鲜果园水果店' })
    const zone = expectOk(await cloud.as(TEST_ADMIN).call('frontage', 'saveZone', { name: DEMO_ZONE.name, kind: 'vending', polygon: DEMO_ZONE.polygon }))
    expect(zone).toMatchObject({ kind: 'vending', district: '东城街道' })
    const pin = { lat: 30.27808, lng: 120.15035 }
    const vending = expectOk(await check(pin.lat, pin.lng, 'street-vending'))
    expect(vending.zone).toEqual({ zoneId: zone.zoneId, name: DEMO_ZONE.name, kind: 'vending', exempts: true })
    expect(vending.shop?.shopId).toBe(shop.shopId)
    expect(vending.message).toBe(`此处在划线经营区「${DEMO_ZONE.name}」内，线内摆卖不属于占道经营`)
    const litter = expectOk(await check(pin.lat, pin.lng, 'littering'))
    expect(litter.zone?.exempts).toBe(false)
    expect(litter.message).toContain('门前责任区')
    expect((await zoneAt(cloud.platform, { lat: 30.2782, lng: 120.15035 }))).toBeNull()
    // the routing: selling inside the lines does not go to the shop; litter there still does
    expect(await placeOf(cloud.platform, pin, 'street-vending')).toMatchObject({ covers: true, exempts: true, toShop: false })
    expect(await placeOf(cloud.platform, pin, 'littering')).toMatchObject({ shop: { _id: shop.shopId }, covers: true, exempts: false, toShop: true })
    expect(expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'zones', { district: '东城街道' })).map((z) => z.zoneId)).toEqual([zone.zoneId])
    expectOk(await cloud.as(TEST_ADMIN).call('frontage', 'removeZone', { zoneId: zone.zoneId }))
    expect(expectOk(await check(pin.lat, pin.lng, 'street-vending')).zone).toBeNull()
    expect(await cloud.as(TEST_ADMIN).call('frontage', 'removeZone', { zoneId: zone.zoneId })).toMatchObject({ ok: false, code: 'FRONTAGE.ZONE_NOT_FOUND' })
  })

  test('a crossed or open zone ring is refused and nothing is written', async () => {
    const before = await cloud.snapshot()
    const hourglass: Array<[number, number]> = [[120.15, 30.278], [120.1502, 30.2782], [120.1502, 30.278], [120.15, 30.2782], [120.15, 30.278]]
    expect(await cloud.as(TEST_ADMIN).call('frontage', 'saveZone', { name: '坏区', kind: 'parking', polygon: hourglass })).toMatchObject({ ok: false, code: 'FRONTAGE.BAD_ZONE' })
    const open: Array<[number, number]> = [[120.15, 30.278], [120.1502, 30.278], [120.1502, 30.2782], [120.15, 30.2782]]
    expect(await cloud.as(TEST_ADMIN).call('frontage', 'saveZone', { name: '坏区', kind: 'parking', polygon: open })).toMatchObject({ ok: false, code: 'FRONTAGE.BAD_ZONE' })
    expect(await cloud.as(EAST_OFFICE).call('frontage', 'saveZone', { name: '坏区', kind: 'parking', polygon: DEMO_ZONE.polygon })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await cloud.snapshot()).toEqual(before)
  })
})

describe('门前三包 demo seed', () => {
  test('the tea shop is demo-shop’s, active and unsigned; a pending application; the zone; seeding twice changes nothing', async () => {
    const cloud = await startFrontageCloud()
    try {
      await seedFrontage(cloud.platform)
      const once = await cloud.snapshot()
      cloud.clock.advance(3_600_000)
      await seedFrontage(cloud.platform)
      expect(await cloud.snapshot()).toEqual(once)
      expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid: 'demo-shop', role: 'shop_owner', scopeId: DEMO_TEA_SHOP }))
      const mine = expectOk(await cloud.as('demo-shop').call('frontage', 'myShops', {}))
      expect(mine.shops).toEqual([expect.objectContaining({ shopId: DEMO_TEA_SHOP, status: 'active', address: '东城街道文明路 18 号', templateName: '门前五包责任书', signedVersion: null })])
      expect(expectOk(await cloud.as('demo-shop').call('frontage', 'pledge', { shopId: DEMO_TEA_SHOP })).maySign).toBe(true)
      const home = expectOk(await cloud.as(EAST_OFFICE).call('frontage', 'streetHome', {}))[0]
      expect(home.counts.pending).toBe(1)
      expect(home.counts.active).toBeGreaterThanOrEqual(5)
      const atFruit = expectOk(await cloud.as(RESIDENT).call('frontage', 'placeCheck', { lat: 30.27808, lng: 120.15035, categoryId: 'street-vending' }))
      expect(atFruit).toMatchObject({ shop: { shopId: 'shop-demo-fruit' }, zone: { zoneId: DEMO_ZONE.id, exempts: true } })
      expect(expectOk(await cloud.as(RESIDENT).call('frontage', 'placeCheck', { lat: 30.27815, lng: 120.15005, categoryId: 'street-vending' })).shop?.shopId).toBe(DEMO_TEA_SHOP)
    } finally {
      cloud.close()
    }
  })
})
