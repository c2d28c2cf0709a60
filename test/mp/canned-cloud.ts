import type { ActivityDetailView, CityMapView, MeView, ReportView } from '@/shared/contract'
import { DEMO_GRIDS } from '../../src/cloud/domain/report/demo-city'
import type { CloudCall, TaroNode } from './harness'

/** The person the canned cloud answers `user.me` with: a grid worker with some points. */
export const CANNED_ME: MeView = {
  userId: 'canned-resident',
  nickname: '测试居民老李',
  roles: [{ role: 'grid', scopeId: 'grid-1' }],
  isAdmin: false,
  points: 36,
  settings: { largeText: false },
  createdAt: Date.UTC(2025, 0, 1),
}

/** `report.map`: the demo city's six grids, as the local host seeds them */
export const CANNED_CITY: CityMapView = {
  name: '示范市',
  bbox: [120.12, 30.255, 120.18, 30.285],
  center: { lat: 30.27, lng: 120.15 },
  grids: DEMO_GRIDS.features.map((f) => ({ id: f.properties.id, name: f.properties.name, ring: f.geometry.coordinates[0] })),
  units: [
    { id: 'unit-demo', name: '城市管理综合执法大队' },
    { id: 'unit-traffic', name: '交警大队文明交通中队' },
  ],
}

const HOUR = 3_600_000
const CREATED = Date.UTC(2025, 5, 2, 1, 30)

/** `report.get` of `canned-report`: a fresh report in the grid worker's grid, seen by that grid worker */
export const CANNED_REPORT: ReportView = {
  id: 'canned-report',
  shortNo: 'K7P3QD2A',
  ticketNo: 'SSP-20261201-0042',
  kind: 'report',
  categoryId: 'illegal-ads',
  categoryName: '牛皮癣小广告',
  status: 'submitted',
  statusLabel: '待受理',
  createdAt: CREATED,
  updatedAt: CREATED,
  dueAt: CREATED + 4 * HOUR,
  overdue: false,
  holderName: '文明路网格',
  location: { lat: 30.27731, lng: 120.15062, address: '文明路 18 号公交站旁电线杆', approximate: false },
  gridId: 'grid-demo',
  gridName: '文明路网格',
  unitId: null,
  unitName: null,
  description: '公交站旁电线杆上贴满了小广告。',
  descriptionHeldReason: null,
  photos: [],
  hiddenPhotoCount: 0,
  video: null,
  resolution: null,
  reporter: { anonymous: false, name: '市民', phone: '139****1234', identityRemoved: false },
  confirmations: 0,
  rating: null,
  reopenRequest: null,
  ratingDueAt: null,
  rejectReason: null,
  duplicateOf: null,
  timeline: [{ action: 'submit', label: '上报', from: null, to: 'submitted', at: CREATED, actor: '市民', note: null, reason: null, dueAt: CREATED + 4 * HOUR }],
  viewerRole: 'grid',
  allowedActions: ['dispatch', 'reject'],
  suggestedUnit: { id: 'unit-demo', name: '城市管理综合执法大队' },
  canForget: false,
  canReveal: false,
  canRecategorize: true,
  canAddNote: true,
  public: false,
}

/** `volunteer.getActivity` of `canned-activity`: a traffic activity with a 200 m check-in circle */
export const CANNED_ACTIVITY: ActivityDetailView = {
  id: 'canned-activity',
  type: 'traffic',
  title: '早高峰文明交通劝导',
  teamId: 'team-demo',
  teamName: '示范市文明交通志愿服务队',
  place: { name: '长江路与人民路交叉口', address: '长江路与人民路交叉口东北角岗亭', lat: 31.8206, lng: 117.2272 },
  coverUrl: null,
  distanceM: null,
  shifts: [],
  description: '在路口协助劝导行人和非机动车遵守信号灯。',
  geofenceRadiusM: 200,
  status: 'published',
  mine: [],
  canManage: false,
  cancelDeadlineMinutes: 120,
}

const notFound = (code: string) => ({ ok: false, code, message: '没有找到' })

/**
 * The canned cloud: `user.me` answers with CANNED_ME; `updateProfile` applies the settings patch; the
 * square is empty; the city map, one report and one activity are there for the map tests.
 */
export function respond(call: CloudCall): unknown {
  if (call.name === 'user' && call.action === 'me') return { ok: true, data: CANNED_ME }
  if (call.name === 'user' && call.action === 'updateProfile') {
    const patch = (call.data as { settings?: Partial<MeView['settings']> }).settings ?? {}
    return { ok: true, data: { ...CANNED_ME, settings: { ...CANNED_ME.settings, ...patch } } }
  }
  if (call.name === 'report' && call.action === 'feed') return { ok: true, data: { items: [], next: null } }
  if (call.name === 'report' && call.action === 'map') return { ok: true, data: CANNED_CITY }
  if (call.name === 'report' && call.action === 'get') {
    return (call.data as { reportId?: string }).reportId === CANNED_REPORT.id ? { ok: true, data: CANNED_REPORT } : notFound('REPORT.NOT_FOUND')
  }
  if (call.name === 'volunteer' && call.action === 'getActivity') {
    const found = (call.data as { activityId?: string }).activityId === CANNED_ACTIVITY.id
    return found ? { ok: true, data: CANNED_ACTIVITY } : notFound('VOLUNTEER.ACTIVITY_NOT_FOUND')
  }
  return { ok: false, code: 'ACTION.UNKNOWN', message: '不支持的操作' }
}

export const hasClass = (name: string) => (node: TaroNode) => (node.cl ?? '').split(/\s+/).includes(name)
