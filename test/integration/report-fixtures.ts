import { randomUUID } from 'node:crypto'
import type { ReportView } from '@/shared/contract'
import type { Result } from '@/shared/errors'
import type { CategoryId, LatLng } from '@/shared/report'
import { DEMO_POINT } from '@/cloud/domain/report/demo-city'
import { seedCity } from '@/cloud/domain/report/seed'
import type { ReportDoc } from '@/cloud/domain/report/types'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'

/**
 * The people of the report tests and a cloud seeded with the demo city (grid-demo is 文明路网格,
 * illegal-ads routes to unit-demo city-wide). Every role exists twice where scope matters, so a
 * test can prove that the right role in the wrong grid or unit is refused too.
 */
export const P = {
  alice: 'resident-alice',
  bob: 'resident-bob',
  carol: 'resident-carol',
  grid: 'grid-worker-wenming',
  otherGrid: 'grid-worker-xicheng',
  handler: 'handler-chengguan',
  otherHandler: 'handler-traffic',
  office: TEST_ADMIN,
} as const

export const ALICE_PHONE = '13812345678'

/** the smallest bytes file-type reads as a JPEG (start and end of image markers) */
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9])

/** a point in 西城网格, far from DEMO_POINT */
export const XICHENG_POINT: LatLng = { lat: 30.26, lng: 120.128 }

export type ReportCloud = TestCloud & {
  photo(openid: string, mark?: string): Promise<string>
  submit(openid: string, overrides?: Partial<SubmitArgs>): Promise<ReportView>
  trySubmit(openid: string, overrides?: Partial<SubmitArgs>): Promise<Result<ReportView>>
  view(openid: string, reportId: string): Promise<ReportView>
}

export interface SubmitArgs {
  categoryId: CategoryId
  photos: string[]
  photoMeta?: Array<{ takenAt: number; source: 'camera' | 'album' }>
  video?: { fileId: string; coverFileId: string }
  location: LatLng & { address: string }
  description: string
  anonymous: boolean
  phone?: string
  requestId: string
}

export async function startReportCloud(): Promise<ReportCloud> {
  const cloud = startTestCloud()
  await seedCity(cloud.platform)
  const grants: Array<[string, 'grid' | 'handler', string]> = [
    [P.grid, 'grid', 'grid-demo'],
    [P.otherGrid, 'grid', 'grid-xicheng'],
    [P.handler, 'handler', 'unit-demo'],
    [P.otherHandler, 'handler', 'unit-traffic'],
  ]
  for (const [openid, role, scopeId] of grants) {
    expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid, role, scopeId }))
  }
  for (const openid of [P.alice, P.bob, P.carol]) expectOk(await cloud.as(openid).call('user', 'me', {}))
  expectOk(await cloud.as(P.alice).call('user', 'updateProfile', { nickname: '举报人爱丽丝' }))

  /**
   * Uploads an image to a path the server reserved for the person, as the phone would. `mark` goes
   * into the bytes after the image (e.g. BLOCKED_IMAGE_MARKER, which the local image check refuses).
   */
  async function photo(openid: string, mark = ''): Promise<string> {
    const { paths } = expectOk(await cloud.as(openid).call('storage', 'reserve', { area: 'reports', count: 1 }))
    const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: `${paths[0]}.jpg`, fileContent: Buffer.concat([JPEG, Buffer.from(mark)]) })
    return fileID
  }

  async function args(openid: string, overrides: Partial<SubmitArgs>): Promise<SubmitArgs> {
    return {
      categoryId: 'illegal-ads',
      photos: overrides.photos ?? [await photo(openid)],
      location: { ...DEMO_POINT, address: '文明路 12 号门口' },
      description: '电线杆上贴满了小广告，影响市容',
      anonymous: false,
      requestId: randomUUID(),
      ...overrides,
    }
  }

  const trySubmit = async (openid: string, overrides: Partial<SubmitArgs> = {}) =>
    cloud.as(openid).call('report', 'submit', await args(openid, overrides))
  const submit = async (openid: string, overrides: Partial<SubmitArgs> = {}) => expectOk(await trySubmit(openid, overrides))
  const view = async (openid: string, reportId: string) => expectOk(await cloud.as(openid).call('report', 'get', { reportId }))
  return Object.assign(cloud, { photo, submit, trySubmit, view })
}

export const HOUR = 60 * 60 * 1000

/** Moves a fresh report along the happy path up to `status`, with the right person at each step. */
export async function reportIn(
  cloud: ReportCloud,
  status: 'submitted' | 'dispatched' | 'processing' | 'resolved' | 'rated' | 'returned' | 'reopen-requested' | 'reopened' | 'rejected',
  overrides: Partial<SubmitArgs> = {},
): Promise<ReportView> {
  let report = await cloud.submit(P.alice, { phone: ALICE_PHONE, ...overrides })
  const step = async (openid: string, action: string, data: Record<string, unknown>) => {
    const result = await cloud.as(openid).raw('report', { action, data: { reportId: report.id, ...data } })
    if (!result.ok) throw new Error(`${action} failed: ${result.code}`)
    report = result.data as ReportView
  }
  if (status === 'submitted') return report
  if (status === 'rejected') {
    await step(P.grid, 'reject', { reason: 'out-of-scope' })
    return report
  }
  await step(P.grid, 'dispatch', {})
  if (status === 'dispatched') return report
  if (status === 'returned') {
    await step(P.handler, 'sendBack', { reason: 'wrong-location', note: '位置不在辖区' })
    return report
  }
  await step(P.handler, 'start', {})
  if (status === 'processing') return report
  await step(P.handler, 'resolve', { afterPhotos: [await cloud.photo(P.handler)], note: '已清理小广告' })
  if (status === 'resolved') return report
  if (status === 'rated') {
    await step(P.alice, 'rate', { score: 5 })
    return report
  }
  // an unhappy rating only asks; the grid worker agrees to 重办
  await step(P.alice, 'rate', { score: 1, comment: '第二天又贴上了' })
  if (status === 'reopened') await step(P.grid, 'reopen', {})
  return report
}

/** The stored report, past every view's masking: what a test checks was (or was not) written. */
export async function storedReport(cloud: ReportCloud, reportId: string): Promise<ReportDoc> {
  return (await cloud.platform.db.collection('reports').doc(reportId).get()).data as unknown as ReportDoc
}
