import type { BusinessTypeId, FrontageGeometry, Position, ShopKind } from '@/shared/contract/frontage'

/**
 * The demo city's street fronts: shops along 文明路 (东城街道, the demo grid; the building line on
 * its north side at lat 30.27815) and 人民路 (西城街道, lat 30.2602). A shopfront is about ten
 * metres (0.0001° of longitude); a forecourt is a polygon from the building to the kerb.
 */

const NORTH_SIDE = 30.27815
const RENMIN = 30.2602
/** seven decimals (≈ 1 cm): 120.15 + 0.0001 is stored as 120.1501, not 120.15010000000001 */
const r7 = (x: number) => Math.round(x * 1e7) / 1e7
const front = (lng: number, lat = NORTH_SIDE, width = 0.0001): FrontageGeometry => ({ type: 'LineString', coordinates: [[lng, lat], [r7(lng + width), lat]] })

export interface DemoShop {
  id: string
  name: string
  kind: ShopKind
  businessType: BusinessTypeId
  address: string
  frontage: FrontageGeometry
  ownerName: string
  ownerPhone: string
  templateId: 'three' | 'five'
  /** active (registered by the street office) or an owner's application waiting for it */
  status: 'active' | 'pending'
  /** the owner in frontage_members (the demo identities' shop) */
  owner?: string
  applicant?: string
}

/** 文明路 18 号's tea shop: demo-shop's, on the 五包 责任书, not yet signed so the demo can sign. */
export const DEMO_TEA_SHOP = 'shop-demo-tea'
export const DEMO_FRUIT_SHOP = 'shop-demo-fruit'

export const DEMO_SHOPS: DemoShop[] = [
  { id: DEMO_TEA_SHOP, name: '清香茶叶店', kind: 'shop', businessType: 'retail', address: '东城街道文明路 18 号', frontage: front(120.15), ownerName: '李建国', ownerPhone: '13800138018', templateId: 'five', status: 'active', owner: 'demo-shop' },
  { id: DEMO_FRUIT_SHOP, name: '鲜果园水果店', kind: 'shop', businessType: 'fresh', address: '东城街道文明路 22 号', frontage: front(120.1503), ownerName: '王秀英', ownerPhone: '13800138022', templateId: 'five', status: 'active' },
  { id: 'shop-demo-noodle', name: '老街面馆', kind: 'shop', businessType: 'food', address: '东城街道文明路 26 号', frontage: front(120.1506), ownerName: '张伟', ownerPhone: '13800138026', templateId: 'three', status: 'active' },
  { id: 'shop-demo-ebike', name: '顺达电动车维修', kind: 'shop', businessType: 'repair', address: '东城街道文明路 30 号', frontage: front(120.1509), ownerName: '刘强', ownerPhone: '13800138030', templateId: 'three', status: 'active' },
  {
    id: 'shop-demo-bank',
    name: '示范市农商银行文明路支行',
    kind: 'unit',
    businessType: 'company',
    address: '东城街道文明路 40 号',
    // a forecourt from the building line to the kerb
    frontage: { type: 'Polygon', coordinates: [[[120.1514, NORTH_SIDE], [120.1517, NORTH_SIDE], [120.1517, 30.2780], [120.1514, 30.2780], [120.1514, NORTH_SIDE]] as Position[]] },
    ownerName: '陈静',
    ownerPhone: '0571-8800040',
    templateId: 'three',
    status: 'active',
  },
  { id: 'shop-demo-bakery', name: '麦香烘焙', kind: 'shop', businessType: 'food', address: '东城街道文明路 46 号', frontage: front(120.152), ownerName: '赵敏', ownerPhone: '13800138046', templateId: 'five', status: 'pending', applicant: 'demo-resident' },
  { id: 'shop-demo-pharmacy', name: '康宁大药房', kind: 'shop', businessType: 'retail', address: '西城街道人民路 12 号', frontage: front(120.145, RENMIN), ownerName: '孙丽', ownerPhone: '13800138112', templateId: 'three', status: 'active' },
  { id: 'shop-demo-hotel', name: '人民路宾馆', kind: 'shop', businessType: 'hotel', address: '西城街道人民路 20 号', frontage: front(120.1454, RENMIN, 0.0002), ownerName: '周涛', ownerPhone: '13800138120', templateId: 'three', status: 'active' },
]

/** The fruit shop may sell in front of its door inside these painted lines (building line to 6 m out). */
export const DEMO_ZONE = {
  id: 'zone-demo-fruit',
  name: '文明路 22 号门前划线经营区',
  kind: 'vending' as const,
  polygon: [[120.15031, 30.2781], [120.15039, 30.2781], [120.15039, 30.27805], [120.15031, 30.27805], [120.15031, 30.2781]] as Position[],
}
