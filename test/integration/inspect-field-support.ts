import { randomUUID } from 'node:crypto'
import type { InspectResultView, SiteView } from '@/shared/contract'
import type { Result } from '@/shared/errors'
import { seedSiteTypes } from '@/cloud/domain/inspect/seed-standards'
import { DEMO_TEAMS } from '@/cloud/domain/inspect/seed-sites'
import type { OrderDoc, SiteDoc, StandardDoc } from '@/cloud/domain/inspect/model'
import { checklistsOf } from '@/cloud/domain/inspect/standards'
import { FUNCTIONS } from '@/cloud/functions'
import { expectOk, TEST_ADMIN } from '../support/cloud'
import { JPEG, startReportCloud, type ReportCloud } from './report-fixtures'

/**
 * 实地督查 tests' world: the demo city (grids, units, report roles) with the seeded 点位类型, the
 * three demo 督查组, a small catalogue written straight in with its checklist documents (主次干道 has
 * ten items, 农贸市场 two),
 * and one person per role and scope.
 */
export const F = {
  inspector: 'inspector-city',
  east: 'inspector-east',
  west: 'inspector-west',
  noTeam: 'inspector-without-team',
  liaison: 'liaison-chengguan',
  pairLiaison: 'liaison-east-street',
  otherLiaison: 'liaison-market',
  resident: 'resident-dave',
  office: TEST_ADMIN,
} as const

export const HOUR = 60 * 60 * 1000
export const DAY = 24 * HOUR

export const ROAD_ITEMS = Array.from({ length: 10 }, (_, i) => `std-road-${String(i + 1).padStart(2, '0')}`)
export const MARKET_ITEMS = ['std-market-01', 'std-market-02']

/** 文明路网格 (东城街道) and 新华街网格 (西城街道) */
export const EAST_POINT = { lat: 30.278, lng: 120.15 }
export const WEST_POINT = { lat: 30.262, lng: 120.15 }

function standard(id: string, n: number, typeIds: string[]): StandardDoc {
  return {
    _id: id,
    number: `3.1.${n}`,
    sortKey: `0003.0001.${String(n).padStart(4, '0')}`,
    project: '城市管理',
    content: '市容环境',
    text: `测评标准第 ${n} 条：无乱张贴、乱堆放`,
    methods: ['site'],
    evidence: '',
    siteTypeIds: typeIds,
    leadUnitId: null,
    supportUnitIds: [],
    deadline: null,
    status: 'active',
    importedAt: 0,
    updatedAt: 0,
  }
}

export type FieldCloud = ReportCloud & {
  site(overrides?: Partial<SiteInput>): Promise<SiteView>
  inspectPhoto(openid?: string): Promise<string>
  inspect(siteId: string, options?: InspectOptions): Promise<Result<InspectResultView>>
  inspection(siteId: string, options?: InspectOptions): ReturnType<typeof inspectionInput>
  stored<T>(collection: string, id: string): Promise<T | null>
  storedSite(siteId: string): Promise<SiteDoc>
  storedOrder(orderId: string): Promise<OrderDoc>
  runOverdueTimer(): Promise<void>
}

export interface SiteInput {
  name: string
  typeId: string
  place: { lat: number; lng: number }
  polygon?: Array<[number, number]>
  address: string
  unitId: string
  pairUnitId?: string
  contactName: string
  contactPhone: string
}

export interface InspectOptions {
  as?: string
  fail?: string[]
  items?: string[]
  inspectionId?: string
  finishedAt?: number
  photo?: string
}

function inspectionInput(siteId: string, items: string[], fail: Set<string>, photo: string, inspectionId: string, finishedAt: number) {
  return {
    inspectionId,
    siteId,
    startedAt: finishedAt - HOUR,
    finishedAt,
    items: items.map((standardId) =>
      fail.has(standardId)
        ? { standardId, result: 'fail' as const, severity: 'normal' as const, note: '人行道上堆放杂物，电线杆上有小广告', photos: [{ fileId: photo }] }
        : { standardId, result: 'pass' as const },
    ),
  }
}

export async function startFieldCloud(): Promise<FieldCloud> {
  const cloud = await startReportCloud()
  await seedSiteTypes(cloud.platform)
  const db = cloud.platform.db
  for (const team of DEMO_TEAMS) {
    const { _id, ...data } = team
    await db.collection('inspect_teams').doc(_id).set({ data })
  }
  const standards = [...ROAD_ITEMS.map((id, i) => standard(id, i + 1, ['main-road'])), ...MARKET_ITEMS.map((id, i) => standard(id, 20 + i, ['farm-market']))]
  for (const s of standards) {
    const { _id, ...data } = s
    await db.collection('inspect_standards').doc(_id).set({ data })
  }
  // each type's checklist document, as the standards import would have written it with them
  for (const [typeId, items] of checklistsOf(standards)) await db.collection('inspect_checklists').doc(typeId).set({ data: { items, updatedAt: 0 } })
  const grants: Array<[string, 'inspector' | 'liaison', string]> = [
    [F.inspector, 'inspector', 'insp-city'],
    [F.east, 'inspector', 'insp-district'],
    [F.west, 'inspector', 'insp-street'],
    [F.noTeam, 'inspector', 'insp-gone'],
    [F.liaison, 'liaison', 'unit-demo'],
    [F.pairLiaison, 'liaison', 'unit-street-east'],
    [F.otherLiaison, 'liaison', 'unit-market'],
  ]
  for (const [openid, role, scopeId] of grants) expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid, role, scopeId }))

  const site = async (overrides: Partial<SiteInput> = {}) =>
    expectOk(
      await cloud.as(TEST_ADMIN).call('inspect', 'saveSite', {
        name: '文明路',
        typeId: 'main-road',
        place: EAST_POINT,
        address: '东城街道文明路',
        unitId: 'unit-demo',
        pairUnitId: 'unit-street-east',
        contactName: '周队长',
        contactPhone: '13800138000',
        ...overrides,
      }),
    )

  async function inspectPhoto(openid: string = F.inspector): Promise<string> {
    const { paths } = expectOk(await cloud.as(openid).call('storage', 'reserve', { area: 'inspect', count: 1 }))
    const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: `${paths[0]}.jpg`, fileContent: JPEG })
    return fileID
  }

  function inspection(siteId: string, o: InspectOptions = {}) {
    return inspectionInput(siteId, o.items ?? ROAD_ITEMS, new Set(o.fail ?? []), o.photo ?? '', o.inspectionId ?? randomUUID(), o.finishedAt ?? cloud.clock.now() - HOUR)
  }

  async function inspect(siteId: string, o: InspectOptions = {}) {
    const photo = o.photo ?? (o.fail?.length ? await inspectPhoto(o.as ?? F.inspector) : '')
    return cloud.as(o.as ?? F.inspector).call('inspect', 'submitInspection', inspection(siteId, { ...o, photo }))
  }

  const stored = async <T,>(collection: string, id: string) => ((await db.collection(collection).where({ _id: id }).limit(1).get()).data[0] as T | undefined) ?? null
  const storedSite = async (siteId: string) => (await stored<SiteDoc>('inspect_sites', siteId)) as SiteDoc
  const storedOrder = async (orderId: string) => (await stored<OrderDoc>('inspect_orders', orderId)) as OrderDoc

  async function runOverdueTimer(): Promise<void> {
    const result = await FUNCTIONS.inspect.invoke({ Type: 'Timer', TriggerName: 'overdue' }, cloud.platform, null)
    if (!result.ok) throw new Error(`overdue timer failed: ${result.code}`)
  }

  return Object.assign(cloud, { site, inspectPhoto, inspect, inspection, stored, storedSite, storedOrder, runOverdueTimer })
}

export { TEST_ADMIN }
