import type { Platform } from '../../platform'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { systemContext } from '../../runtime/define-function'
import { reserveUploads } from '../upload/reservations'
import { submitInspection } from './inspections'
import { I, type SiteTypeDoc, type TeamDoc } from './model'
import { checklistOf, putSite, type SiteFields } from './sites'

/**
 * 示范市's 点位 and 督查组: three teams (市级, and a 区级 and a 街道 team bounded by their 街道),
 * twelve sites inside the demo grids with their responsible and 包联 units, and one finished
 * inspection by the demo inspector with one open 督办单, so the map and the lists are not empty.
 * Fixed ids; anything present is left as it is, so seeding twice changes nothing.
 */

export const DEMO_TEAMS: TeamDoc[] = [
  { _id: 'insp-city', name: '市创文办督查组', level: 'city', area: null, createdAt: 0 },
  { _id: 'insp-district', name: '示范区文明办督查组', level: 'district', area: '东城街道', createdAt: 0 },
  { _id: 'insp-street', name: '西城街道督查组', level: 'street', area: '西城街道', createdAt: 0 },
]

const ring = (lng: number, lat: number, dLng: number, dLat: number): Array<[number, number]> => [
  [lng - dLng, lat - dLat],
  [lng + dLng, lat - dLat],
  [lng + dLng, lat + dLat],
  [lng - dLng, lat + dLat],
  [lng - dLng, lat - dLat],
]

type DemoSite = { id: string } & SiteFields

export const DEMO_SITES: DemoSite[] = [
  { id: 'site-demo-wenming-road', name: '文明路', typeId: 'main-road', place: { lat: 30.278, lng: 120.15 }, address: '东城街道文明路（人民路口至和平路口）', unitId: 'unit-demo', pairUnitId: 'unit-street-east', contactName: '周队长', contactPhone: '13800138001' },
  {
    id: 'site-demo-east-market',
    name: '东城农贸市场',
    typeId: 'farm-market',
    place: { lat: 30.276, lng: 120.17 },
    polygon: ring(120.17, 30.276, 0.0011, 0.0007),
    address: '东城街道和平路 88 号',
    unitId: 'unit-market',
    pairUnitId: 'unit-street-east',
    contactName: '钱经理',
    contactPhone: '13800138002',
  },
  { id: 'site-demo-xinhua-alley', name: '新华街三弄', typeId: 'back-street', place: { lat: 30.262, lng: 120.15 }, address: '西城街道新华街三弄', unitId: 'unit-street-west', pairUnitId: 'unit-sanitation', contactName: '孙主任', contactPhone: '13800138003' },
  {
    id: 'site-demo-binhe-park',
    name: '滨河公园',
    typeId: 'park-square',
    place: { lat: 30.262, lng: 120.17 },
    polygon: ring(120.17, 30.262, 0.0015, 0.001),
    address: '东城街道滨河路',
    unitId: 'unit-street-east',
    pairUnitId: 'unit-sanitation',
    contactName: '李园长',
    contactPhone: '13800138004',
  },
  { id: 'site-demo-xingfu', name: '幸福里小区', typeId: 'residential', place: { lat: 30.28, lng: 120.17 }, address: '东城街道幸福里 1—12 幢', unitId: 'unit-street-east', pairUnitId: 'unit-demo', contactName: '吴书记', contactPhone: '13800138005' },
  { id: 'site-demo-school', name: '实验小学周边', typeId: 'school-area', place: { lat: 30.263, lng: 120.13 }, address: '西城街道学院路 5 号', unitId: 'unit-traffic', pairUnitId: 'unit-street-west', contactName: '郑老师', contactPhone: '13800138006' },
  { id: 'site-demo-west-station', name: '西城新时代文明实践站', typeId: 'practice-station', place: { lat: 30.265, lng: 120.125 }, address: '西城街道文化路 20 号', unitId: 'unit-street-west', pairUnitId: 'unit-publicity', contactName: '王站长', contactPhone: '13800138007' },
  { id: 'site-demo-north-station', name: '北站', typeId: 'station', place: { lat: 30.278, lng: 120.13 }, address: '西城街道站前路 1 号', unitId: 'unit-traffic', pairUnitId: 'unit-street-west', contactName: '冯站长', contactPhone: '13800138008' },
  { id: 'site-demo-renmin-road', name: '人民路', typeId: 'main-road', place: { lat: 30.26, lng: 120.145 }, address: '西城街道人民路（新华街至滨河路）', unitId: 'unit-demo', pairUnitId: 'unit-street-west', contactName: '陈中队长', contactPhone: '13800138009' },
  { id: 'site-demo-heping-square', name: '和平广场', typeId: 'park-square', place: { lat: 30.275, lng: 120.165 }, address: '东城街道和平路与文明路交叉口', unitId: 'unit-street-east', pairUnitId: 'unit-publicity', contactName: '褚主任', contactPhone: '13800138010' },
  { id: 'site-demo-east-station', name: '东城新时代文明实践站', typeId: 'practice-station', place: { lat: 30.274, lng: 120.145 }, address: '东城街道文明路 66 号', unitId: 'unit-street-east', pairUnitId: 'unit-publicity', contactName: '卫站长', contactPhone: '13800138011' },
  {
    id: 'site-demo-west-market',
    name: '西城菜市场',
    typeId: 'farm-market',
    place: { lat: 30.26, lng: 120.158 },
    polygon: ring(120.158, 30.26, 0.0008, 0.0006),
    address: '西城街道新华街 120 号',
    unitId: 'unit-market',
    pairUnitId: 'unit-street-west',
    contactName: '蒋经理',
    contactPhone: '13800138012',
  },
]

/** the demo inspection's id, as a phone would have made it */
export const DEMO_INSPECTION_ID = '6f1c2a9e-8d4b-4c1f-9a7e-3b5d2c1e0f01'
const DEMO_INSPECTOR = 'demo-inspector'
/** the smallest bytes a JPEG is recognised by: the demo finding's photo */
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9])
const HOUR = 60 * 60 * 1000

export async function seedSites(platform: Platform): Promise<void> {
  for (const team of DEMO_TEAMS) {
    if (await findById<TeamDoc>(platform.db, I.teams, team._id)) continue
    const { _id, ...data } = { ...team, createdAt: platform.clock.now() }
    await platform.db.collection(I.teams).doc(_id).set({ data })
  }
  for (const s of DEMO_SITES) {
    if (await findById(platform.db, I.sites, s.id)) continue
    // a type the office removed, or units not seeded: the demo site is skipped, never a crash
    if (!(await findById<SiteTypeDoc>(platform.db, I.siteTypes, s.typeId))) continue
    const { id, ...fields } = s
    const saved = await putSite(platform, undefined, fields, id)
    if ('ok' in saved) platform.log.error('inspect.seedSites: demo site refused', { siteId: id, code: saved.code })
  }
  await seedDemoInspection(platform)
}

/**
 * 文明路 inspected by the city team two hours ago: its first checklist item failed (one open
 * 督办单 to 城市管理综合执法大队), the rest passed. Through the real submit, as the demo inspector;
 * skipped while the standards (and so the checklist) are not seeded.
 */
async function seedDemoInspection(platform: Platform): Promise<void> {
  if (await findById(platform.db, I.inspections, DEMO_INSPECTION_ID)) return
  const site = DEMO_SITES[0]
  if (!(await findById(platform.db, I.sites, site.id))) return
  const checklist = await checklistOf(platform.db, site.typeId)
  if (checklist.length === 0) return
  const ctx: ActionContext = { ...systemContext(platform, 'inspect.seed'), caller: { openid: DEMO_INSPECTOR }, grants: [{ role: 'inspector', scopeId: 'insp-city' }], isAdmin: false }
  const reserved = await reserveUploads({ area: 'inspect', count: 1 }, ctx)
  if ('ok' in reserved) return
  const { fileID } = await platform.storage.uploadFile({ cloudPath: `${reserved.paths[0]}.jpg`, fileContent: JPEG })
  const now = platform.clock.now()
  const result = await submitInspection(
    {
      inspectionId: DEMO_INSPECTION_ID,
      siteId: site.id,
      startedAt: now - 3 * HOUR,
      finishedAt: now - 2 * HOUR,
      items: checklist.map((s, i) =>
        i === 0
          ? { standardId: s._id, result: 'fail' as const, severity: 'normal' as const, note: '路口东侧电线杆、公交站亭张贴小广告多处，未及时清理', photos: [{ fileId: fileID, takenAt: now - 2.5 * HOUR }] }
          : { standardId: s._id, result: 'pass' as const },
      ),
    },
    ctx,
  )
  if ('ok' in result && result.ok === false) platform.log.error('inspect.seedSites: demo inspection refused', { code: result.code })
}
