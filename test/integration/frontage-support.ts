import { randomUUID } from 'node:crypto'
import type { Contract, InputOf } from '@/shared/contract'
import type { FrontageGeometry, Position, ShopView } from '@/shared/contract/frontage'
import { seedCity } from '@/cloud/domain/report/seed'
import { seedFrontageBase } from '@/cloud/domain/frontage/seed'
import { memberId } from '@/cloud/domain/frontage/registry'
import { M } from '@/cloud/domain/frontage/model'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { JPEG } from './report-fixtures'

/**
 * 门前三包 test helpers others import: a cloud with the demo city's grids and units, the seeded
 * 责任书 templates and street offices (no demo shops), street offices and owners by openid, shops
 * placed along 文明路 (东城街道) and 人民路 (西城街道), photos in the `frontage` area.
 */

export { TEST_ADMIN }

export const STREET = { east: 'unit-street-east', west: 'unit-street-west' } as const
/** street office openids the helpers grant */
export const EAST_OFFICE = 'street-east-officer'
export const WEST_OFFICE = 'street-west-officer'

/** 文明路's north building line (东城街道, grid-demo) and 人民路 (西城街道). */
export const WENMING_LAT = 30.27815
export const RENMIN_LAT = 30.2602

/** A ten-metre shopfront on 文明路 starting at `lng` (0.0001° of longitude ≈ 9.6 m). */
const r7 = (x: number) => Math.round(x * 1e7) / 1e7
export const wenmingFront = (lng = 120.15, lat = WENMING_LAT): FrontageGeometry => ({ type: 'LineString', coordinates: [[r7(lng), lat], [r7(lng + 0.0001), lat]] })
/** A forecourt polygon on 文明路: from the building line 15 m towards the kerb, `lng` to `lng`+0.0003. */
export const wenmingForecourt = (lng = 120.155): FrontageGeometry => ({
  type: 'Polygon',
  coordinates: [[[lng, WENMING_LAT], [r7(lng + 0.0003), WENMING_LAT], [r7(lng + 0.0003), r7(WENMING_LAT - 0.000135)], [lng, r7(WENMING_LAT - 0.000135)], [lng, WENMING_LAT]] as Position[]],
})
export const renminFront = (lng = 120.145): FrontageGeometry => ({ type: 'LineString', coordinates: [[r7(lng), RENMIN_LAT], [r7(lng + 0.0001), RENMIN_LAT]] })

/** Metres → degrees of latitude, for points a known distance off a line. */
export const metresLat = (m: number) => m / 111_320

export type FrontageCloud = TestCloud

export async function startFrontageCloud(): Promise<FrontageCloud> {
  const cloud = startTestCloud()
  await seedCity(cloud.platform)
  await seedFrontageBase(cloud.platform)
  await grantStreetOffice(cloud, EAST_OFFICE, STREET.east)
  await grantStreetOffice(cloud, WEST_OFFICE, STREET.west)
  return cloud
}

export async function grantStreetOffice(cloud: TestCloud, openid: string, unitId: string): Promise<void> {
  expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid, role: 'street_office', scopeId: unitId }))
}

export type RegisterInput = InputOf<Contract['frontage']['registerShop']>

export const shopInput = (over: Partial<RegisterInput> = {}): RegisterInput => ({
  name: '清香茶叶店',
  kind: 'shop',
  businessType: 'retail',
  address: '东城街道文明路 18 号',
  frontage: wenmingFront(),
  ownerName: '李建国',
  ownerPhone: '13800138018',
  templateId: 'five',
  termFrom: Date.UTC(2026, 0, 1),
  termTo: Date.UTC(2026, 11, 31),
  requestId: randomUUID(),
  ...over,
})

/** The east street office registers a shop (fields as `shopInput`, overridable); the shop's view. */
export async function registerShop(cloud: TestCloud, over: Partial<RegisterInput> = {}, openid = EAST_OFFICE): Promise<ShopView> {
  return expectOk(await cloud.as(openid).call('frontage', 'registerShop', shopInput(over)))
}

/** Makes `openid` the shop's owner (frontage_members role owner and the shop_owner grant), as a confirmation would. */
export async function grantShopOwner(cloud: TestCloud, openid: string, shopId: string, role: 'owner' | 'staff' = 'owner'): Promise<void> {
  await cloud.platform.db.collection(M.members).doc(memberId(shopId, openid)).set({ data: { shopId, openid, role, at: cloud.clock.now() } })
  expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid, role: 'shop_owner', scopeId: shopId }))
}

/** A JPEG uploaded to a path `openid` reserved in the `frontage` area (with `mark` 'risky' the local image check holds it). */
export async function uploadPhoto(cloud: TestCloud, openid: string, mark = ''): Promise<string> {
  const { paths } = expectOk(await cloud.as(openid).call('storage', 'reserve', { area: 'frontage', count: 1 }))
  const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: `${paths[0]}.jpg`, fileContent: Buffer.concat([JPEG, Buffer.from(mark)]) })
  return fileID
}
