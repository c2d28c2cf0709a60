import { categoryOf, cellOf, dueTimeOnEntry, holderOf, type CategoryId, type ReportStatus, type TransitionAction } from '@/shared/report'
import type { Platform } from '../../platform'
import { findById } from '../../platform/find'
import type { ReportDoc, ReportEventDoc, StoredPhoto } from './types'
import { takeTicketNo } from './ticket'

/**
 * A few reports so the demo city is not empty on first start: two late ones for 督查台账, one
 * resolved and rated and one 文明点赞 for the square. They belong to a neighbour who is not one
 * of the demo identities, so 我的随手拍 starts empty for the demo resident.
 */
const NEIGHBOUR = 'demo-neighbour'
const HOUR = 3600_000

/** A stand-in photo drawn as SVG: a wall, and what is on it. */
function picture(caption: string, flyers: boolean): Buffer {
  const rects = flyers
    ? Array.from({ length: 7 }, (_, i) => `<rect x="${60 + (i % 4) * 210}" y="${100 + Math.floor(i / 4) * 250}" width="170" height="200" fill="#f2d14a"/>`).join('')
    : ''
  const lines = Array.from({ length: 12 }, (_, i) => `<rect x="0" y="${i * 60}" width="960" height="4" fill="#6f6a65"/>`).join('')
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="720" viewBox="0 0 960 720"><rect width="960" height="720" fill="#8a8580"/>${lines}${rects}<text x="480" y="680" font-size="64" text-anchor="middle" fill="#1f1a17" font-family="sans-serif">${caption}</text></svg>`,
  )
}

interface Step {
  action: TransitionAction
  to: ReportStatus
  hoursAfter: number
  actorRole: 'grid' | 'handler' | 'reporter'
  note?: string
  score?: number
}

interface DemoReport {
  id: string
  categoryId: CategoryId
  gridId: string
  unitId: string | null
  at: { lat: number; lng: number; address: string }
  hoursAgo: number
  description: string
  steps: Step[]
  before: string
  after?: string
  score?: number
}

const DEMO_REPORTS: DemoReport[] = [
  {
    id: 'demo-report-late-grid',
    categoryId: 'littering',
    gridId: 'grid-xicheng',
    unitId: null,
    at: { lat: 30.262, lng: 120.128, address: '西城路菜市场北口' },
    hoursAgo: 5,
    description: '菜市场北口垃圾桶满溢，垃圾散落一地。',
    steps: [],
    before: '垃圾满溢',
  },
  {
    id: 'demo-report-late-unit',
    categoryId: 'illegal-parking',
    gridId: 'grid-heping',
    unitId: 'unit-traffic',
    at: { lat: 30.278, lng: 120.17, address: '和平里小区东门人行道' },
    hoursAgo: 40,
    description: '小区东门人行道上长期停着几辆机动车，行人只能走机动车道。',
    steps: [
      { action: 'dispatch', to: 'dispatched', hoursAfter: 1, actorRole: 'grid', note: '请交警中队处理' },
      { action: 'start', to: 'processing', hoursAfter: 3, actorRole: 'handler' },
    ],
    before: '人行道停车',
  },
  {
    id: 'demo-report-resolved',
    categoryId: 'blind-lane',
    gridId: 'grid-demo',
    unitId: 'unit-demo',
    at: { lat: 30.279, lng: 120.146, address: '文明路与和平街路口' },
    hoursAgo: 72,
    description: '路口盲道上摆满了共享单车和摊位。',
    steps: [
      { action: 'dispatch', to: 'dispatched', hoursAfter: 1, actorRole: 'grid' },
      { action: 'start', to: 'processing', hoursAfter: 2, actorRole: 'handler' },
      { action: 'resolve', to: 'resolved', hoursAfter: 20, actorRole: 'handler', note: '已清理盲道上的车辆和摊位，并设置隔离桩' },
      { action: 'rate', to: 'rated', hoursAfter: 30, actorRole: 'reporter', note: '现在盲道通畅了', score: 5 },
    ],
    before: '盲道被占',
    after: '盲道畅通',
    score: 5,
  },
  {
    id: 'demo-praise',
    categoryId: 'good-deed',
    gridId: 'grid-binhe',
    unitId: null,
    at: { lat: 30.262, lng: 120.17, address: '滨河公园' },
    hoursAgo: 26,
    description: '晨练的大爷们自发捡拾滨河步道上的垃圾，坚持了一年多。',
    steps: [{ action: 'approve', to: 'published', hoursAfter: 2, actorRole: 'grid', note: '好人好事，值得点赞' }],
    before: '随手捡垃圾',
  },
]

export async function seedDemoReports(platform: Platform): Promise<void> {
  const now = platform.clock.now()
  for (const demo of DEMO_REPORTS) {
    if (await findById(platform.db, 'reports', demo.id)) continue
    const category = categoryOf(demo.categoryId)
    if (!category) continue
    const store = async (name: string, caption: string, flyers: boolean): Promise<StoredPhoto> => {
      const { fileID } = await platform.storage.uploadFile({ cloudPath: `reports/demo/${demo.id}-${name}.svg`, fileContent: picture(caption, flyers) })
      return { fileId: fileID, pass: true, label: null }
    }
    const createdAt = now - demo.hoursAgo * HOUR
    const events: Array<Omit<ReportEventDoc, '_id'>> = [
      {
        reportId: demo.id, action: 'submit', from: null, to: 'submitted', actorRole: 'reporter', actorScope: null, actorOpenid: NEIGHBOUR,
        note: null, reason: null, unitId: null, score: null, dueAt: dueTimeOnEntry('submitted', category.limits, createdAt), at: createdAt, seq: 1,
      },
    ]
    let status: ReportStatus = 'submitted'
    let enteredAt = createdAt
    for (const step of demo.steps) {
      enteredAt = createdAt + step.hoursAfter * HOUR
      events.push({
        reportId: demo.id, action: step.action, from: status, to: step.to, actorRole: step.actorRole,
        actorScope: step.actorRole === 'grid' ? demo.gridId : step.actorRole === 'handler' ? demo.unitId : null,
        actorOpenid: step.actorRole === 'reporter' ? NEIGHBOUR : 'demo-seed', note: step.note ?? null, reason: null,
        unitId: step.action === 'dispatch' ? demo.unitId : null, score: step.score ?? null,
        dueAt: dueTimeOnEntry(step.to, category.limits, enteredAt), at: enteredAt, seq: events.length + 1,
      })
      status = step.to
    }
    const resolvedAt = demo.after ? createdAt + (demo.steps.find((s) => s.action === 'resolve')?.hoursAfter ?? 0) * HOUR : null
    const published = status === 'published' || status === 'rated' || status === 'resolved'
    const report: ReportDoc = {
      _id: demo.id,
      kind: category.kind,
      categoryId: demo.categoryId,
      status,
      reporterOpenid: NEIGHBOUR,
      anonymous: true,
      contactPhone: null,
      identityRemoved: false,
      location: demo.at,
      cell: cellOf(demo.at),
      gridId: demo.gridId,
      unitId: demo.unitId,
      description: demo.description,
      descriptionCheck: { pass: true, label: null },
      photos: [await store('before', demo.before, category.kind === 'report')],
      afterPhotos: demo.after ? [await store('after', demo.after, false)] : [],
      resolutionNote: demo.steps.find((s) => s.action === 'resolve')?.note ?? null,
      dueAt: dueTimeOnEntry(status, category.limits, enteredAt),
      open: holderOf(status) !== null,
      stepEnteredAt: enteredAt,
      confirmations: 0,
      rating: demo.score ? { score: demo.score, comment: demo.steps.at(-1)?.note ?? null, at: enteredAt } : null,
      rejectReason: null,
      duplicateOf: null,
      returnCount: 0,
      reopenCount: 0,
      public: published,
      publishedAt: published ? resolvedAt ?? enteredAt : null,
      resolvedAt,
      version: events.length,
      createdAt,
      updatedAt: enteredAt,
      // numbered from the same day counter as a resident's submit, so the demo shows SSP-… and never collides with one
      ticketNo: await platform.db.runTransaction((tx) => takeTicketNo(tx, createdAt, now)),
    }
    const { _id, ...data } = report
    for (const event of events) await platform.db.collection('report_events').add({ data: { ...event } })
    await platform.db.collection('reports').doc(_id).set({ data: { ...data } })
  }
}
