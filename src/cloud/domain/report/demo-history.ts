import { categoryOf, cellOf, dueTimeOnEntry, type CategoryId, type ReportStatus, type TransitionAction } from '@/shared/report'
import type { Platform } from '../../platform'
import { findById } from '../../platform/find'
import { DEMO_GRIDS, DISTRICT_UNIT, type DemoUnitId } from './demo-city'
import { takeTicketNo } from './ticket'
import type { ReportDoc, ReportEventDoc } from './types'

/**
 * Four weeks of closed 随手拍 behind the demo city, so the office's dashboard, the 月报 and the
 * 红黑榜 open on figures rather than zeros, and a 7-day view differs from a 30-day one. Every report
 * is closed (rated, or 不予受理), so no queue, ledger or journey that starts from the demo sees them.
 *
 * Deterministic: the same reports on every start (ids `demo-history-NN`, skipped when present),
 * their times counted back from the first start. The stats backfill counts them afterwards, as it
 * would count any report stored before the counters existed.
 */
const NEIGHBOUR = 'demo-neighbour'
const HOUR = 3600_000
const DAYS = 28

/** the categories people report most, with the unit the demo routing sends them to (null: the street office) */
const MIX: Array<{ categoryId: CategoryId; unitId: DemoUnitId | null; address: string }> = [
  { categoryId: 'illegal-parking', unitId: 'unit-traffic', address: '人民路与解放街路口' },
  { categoryId: 'street-vending', unitId: 'unit-demo', address: '文明路夜市入口' },
  { categoryId: 'littering', unitId: 'unit-sanitation', address: '滨河步道东段' },
  { categoryId: 'illegal-ads', unitId: 'unit-demo', address: '新华街 12 号楼道' },
  { categoryId: 'back-alley', unitId: null, address: '北站后街' },
  { categoryId: 'market-order', unitId: 'unit-market', address: '西城路农贸市场' },
  { categoryId: 'dog-walking', unitId: 'unit-dog', address: '和平里小区中心花园' },
  { categoryId: 'facility-damaged', unitId: null, address: '和平街公交站' },
]

/** a small fixed sequence instead of Math.random, so every start builds the same history */
const pick = (i: number, n: number) => (i * 7 + Math.floor(i / 3)) % n

interface Step {
  action: TransitionAction
  to: ReportStatus
  hoursAfter: number
  actorRole: 'grid' | 'handler' | 'reporter'
  score?: number
}

function stepsFor(i: number): Step[] {
  if (i % 11 === 5) return [{ action: 'reject', to: 'rejected', hoursAfter: 1, actorRole: 'grid' }]
  // most are handled within their limits; every fourth takes two days to resolve, so some are late
  const resolveAfter = i % 4 === 3 ? 50 : 6 + (i % 5) * 3
  const score = [5, 4, 5, 3, 5, 2, 4][i % 7]
  return [
    { action: 'dispatch', to: 'dispatched', hoursAfter: 1 + (i % 2), actorRole: 'grid' },
    { action: 'start', to: 'processing', hoursAfter: 3, actorRole: 'handler' },
    { action: 'resolve', to: 'resolved', hoursAfter: resolveAfter, actorRole: 'handler' },
    { action: 'rate', to: 'rated', hoursAfter: resolveAfter + 5, actorRole: 'reporter', score },
  ]
}

export async function seedDemoHistory(platform: Platform): Promise<void> {
  const now = platform.clock.now()
  const grids = DEMO_GRIDS.features
  // two or three a day, from four weeks ago up to two days ago (the recent days have the live demo reports)
  let index = 0
  for (let day = DAYS; day >= 2; day--) {
    for (let k = 0; k < 2 + (day % 2); k++, index++) {
      const id = `demo-history-${String(index).padStart(2, '0')}`
      if (await findById(platform.db, 'reports', id)) continue
      const mix = MIX[pick(index, MIX.length)]
      const category = categoryOf(mix.categoryId)
      if (!category) continue
      const grid = grids[pick(index + 3, grids.length)]
      const unitId = mix.unitId ?? DISTRICT_UNIT[grid.properties.district]
      const ring = grid.geometry.coordinates[0]
      // the middle of the grid's cell, nudged so pins do not sit on one another
      const at = {
        lng: (ring[0][0] + ring[2][0]) / 2 + ((index % 5) - 2) * 0.0008,
        lat: (ring[0][1] + ring[2][1]) / 2 + ((index % 3) - 1) * 0.0006,
        address: mix.address,
      }
      const createdAt = now - day * 24 * HOUR + (8 + (index % 10)) * HOUR
      const steps = stepsFor(index)
      const events: Array<Omit<ReportEventDoc, '_id'>> = [
        {
          reportId: id, action: 'submit', from: null, to: 'submitted', actorRole: 'reporter', actorScope: null, actorOpenid: NEIGHBOUR,
          note: null, reason: null, unitId: null, score: null, dueAt: dueTimeOnEntry('submitted', category.limits, createdAt), at: createdAt, seq: 1,
        },
      ]
      let status: ReportStatus = 'submitted'
      let enteredAt = createdAt
      let resolvedAt: number | null = null
      for (const step of steps) {
        enteredAt = createdAt + step.hoursAfter * HOUR
        if (step.action === 'resolve') resolvedAt = enteredAt
        events.push({
          reportId: id, action: step.action, from: status, to: step.to, actorRole: step.actorRole,
          actorScope: step.actorRole === 'grid' ? grid.properties.id : step.actorRole === 'handler' ? unitId : null,
          actorOpenid: step.actorRole === 'reporter' ? NEIGHBOUR : 'demo-seed',
          note: step.action === 'resolve' ? '已按要求处理完毕' : null,
          reason: step.action === 'reject' ? 'duplicate' : null,
          unitId: step.action === 'dispatch' ? unitId : null, score: step.score ?? null,
          dueAt: dueTimeOnEntry(step.to, category.limits, enteredAt), at: enteredAt, seq: events.length + 1,
        })
        status = step.to
      }
      const rating = steps.find((s) => s.score)
      const report: ReportDoc = {
        _id: id,
        kind: category.kind,
        categoryId: mix.categoryId,
        status,
        reporterOpenid: NEIGHBOUR,
        anonymous: true,
        contactPhone: null,
        identityRemoved: false,
        location: at,
        cell: cellOf(at),
        gridId: grid.properties.id,
        unitId: status === 'rejected' ? null : unitId,
        description: `${mix.address}：${category.name}`,
        descriptionCheck: { pass: true, label: null },
        photos: [],
        afterPhotos: [],
        resolutionNote: resolvedAt ? '已按要求处理完毕' : null,
        dueAt: null,
        open: false,
        stepEnteredAt: enteredAt,
        confirmations: 0,
        rating: rating?.score ? { score: rating.score, comment: null, at: enteredAt } : null,
        rejectReason: status === 'rejected' ? 'duplicate' : null,
        duplicateOf: null,
        returnCount: 0,
        reopenCount: 0,
        // a history for the figures, not for the square: nothing here is published
        public: false,
        publishedAt: null,
        resolvedAt,
        version: events.length,
        createdAt,
        updatedAt: enteredAt,
        ticketNo: await platform.db.runTransaction((tx) => takeTicketNo(tx, createdAt, now)),
      }
      const { _id, ...data } = report
      for (const event of events) await platform.db.collection('report_events').add({ data: { ...event } })
      await platform.db.collection('reports').doc(_id).set({ data: { ...data } })
    }
  }
}
