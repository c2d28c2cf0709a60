/**
 * 随手拍 with 100k reports in the local database: `submit` and `mine` latency p50/p99 (plus the
 * workbench queue, the ledger and the feed), and the query plans that show `mine`, `queue`,
 * `ledger`, `feed` and the duplicate search walk an index — their cost follows the page, not the
 * table. Figures, not pass/fail. `npx tsx bench/report.ts`
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FUNCTIONS } from '../src/cloud/functions'
import { createLocalPlatform } from '../src/cloud/platform/local'
import { DEMO_GRIDS, DEMO_POINT } from '../src/cloud/domain/report/demo-city'
import { seedCity } from '../src/cloud/domain/report/seed'
import { open311 } from '../src/cloud/domain/open311'
import type { ReportDoc } from '../src/cloud/domain/report/types'
import { grantId } from '../src/cloud/runtime/grants'
import { CATEGORIES, cellOf, dueTimeOnEntry, holderOf, type ReportStatus } from '../src/shared/report'
import { percentiles } from './actions'

const STATUSES: ReportStatus[] = ['submitted', 'dispatched', 'processing', 'resolved', 'rated', 'rejected', 'returned', 'reopened']
const UNITS = ['unit-demo', 'unit-traffic', 'unit-sanitation', 'unit-street-east']
const HOUR = 3600_000

export async function runReportBench(reports = 100_000): Promise<Record<string, string | number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-report-bench-'))
  const silent = { info: () => undefined, error: () => undefined }
  const start = Date.UTC(2026, 10, 1)
  let now = start + 30 * 24 * HOUR
  const platform = createLocalPlatform({ dataDir, adminOpenids: ['bench-admin'], log: silent, clock: { now: () => now } })
  await seedCity(platform)
  const db = platform.db
  const fn = FUNCTIONS.report

  // 100k reports from 20k people over 30 days, spread over grids, units and every status
  const t0 = performance.now()
  const grids = DEMO_GRIDS.features.map((f) => f.properties.id)
  const batch: Array<Promise<unknown>> = []
  for (let i = 0; i < reports; i++) {
    const status = STATUSES[i % STATUSES.length]
    const category = CATEGORIES[i % 15]
    const createdAt = start + Math.floor((i / reports) * 30 * 24 * HOUR)
    const lat = DEMO_POINT.lat - 0.02 + ((i * 7919) % 1000) / 25_000
    const lng = DEMO_POINT.lng - 0.03 + ((i * 104729) % 1000) / 16_000
    const dueAt = dueTimeOnEntry(status, category.limits, createdAt)
    const doc: ReportDoc = {
      _id: `bench-${i.toString(36).padStart(6, '0')}`,
      kind: 'report',
      categoryId: category.id,
      status,
      reporterOpenid: `person-${i % 20_000}`,
      anonymous: i % 3 === 0,
      contactPhone: i % 2 === 0 ? '13800000000' : null,
      identityRemoved: false,
      location: { lat, lng, address: '示范路' },
      cell: cellOf({ lat, lng }),
      gridId: grids[i % grids.length],
      unitId: ['submitted', 'returned'].includes(status) ? null : UNITS[i % UNITS.length],
      description: '示例',
      descriptionCheck: { pass: true, label: null },
      photos: [{ fileId: `cloud://local.wenming/reports/bench/${i}.jpg`, pass: true, label: null }],
      afterPhotos: [],
      resolutionNote: null,
      dueAt,
      open: holderOf(status) !== null,
      stepEnteredAt: createdAt,
      confirmations: 0,
      rating: null,
      rejectReason: null,
      duplicateOf: null,
      returnCount: 0,
      reopenCount: 0,
      public: status === 'resolved' || status === 'rated',
      publishedAt: status === 'resolved' || status === 'rated' ? createdAt : null,
      resolvedAt: null,
      version: 1,
      createdAt,
      updatedAt: createdAt,
    }
    batch.push(db.collection('reports').add({ data: { ...doc } }))
    if (batch.length >= 5000) await Promise.all(batch.splice(0))
  }
  await Promise.all(batch)
  await db.collection('role_grants').doc(grantId('bench-grid', 'grid', 'grid-demo')).set({
    data: { openid: 'bench-grid', role: 'grid', scopeId: 'grid-demo', grantedBy: 'bench', grantedAt: now },
  })
  await db.collection('role_grants').doc(grantId('bench-handler', 'handler', 'unit-demo')).set({
    data: { openid: 'bench-handler', role: 'handler', scopeId: 'unit-demo', grantedBy: 'bench', grantedAt: now },
  })
  const seedMs = performance.now() - t0

  const time = async (runs: number, call: (i: number) => Promise<{ ok: boolean }>) => {
    const samples: number[] = []
    for (let i = 0; i < runs; i++) {
      const s = performance.now()
      const result = await call(i)
      samples.push(performance.now() - s)
      if (!result.ok) throw new Error(`bench call failed: ${JSON.stringify(result)}`)
    }
    return percentiles(samples)
  }

  // submit: each submitter reserves a path for one photo and uploads it there, as the phone would
  const submitters = 1000
  const photos: string[] = []
  for (let i = 0; i < submitters; i++) {
    const reserved = await FUNCTIONS.storage.invoke({ action: 'reserve', data: { area: 'reports', count: 1 } }, platform, { openid: `submitter-${i}` })
    if (!reserved.ok) throw new Error('reserve failed')
    const { paths } = reserved.data as { paths: string[] }
    const { fileID } = await platform.storage.uploadFile({ cloudPath: `${paths[0]}.jpg`, fileContent: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) })
    photos.push(fileID)
  }
  const submit = await time(submitters, (i) => {
    now += 1000
    return fn.invoke(
      {
        action: 'submit',
        data: {
          categoryId: 'illegal-ads',
          photos: [photos[i]],
          location: { lat: DEMO_POINT.lat + (i % 50) / 10_000, lng: DEMO_POINT.lng, address: '文明路' },
          description: '电线杆上的小广告',
          anonymous: i % 2 === 0,
          requestId: randomUUID(),
        },
      },
      platform,
      { openid: `submitter-${i}` },
    )
  })
  const mine = await time(2000, (i) => fn.invoke({ action: 'mine', data: {} }, platform, { openid: `person-${(i * 7919) % 20_000}` }))
  const queue = await time(1000, (i) =>
    fn.invoke({ action: 'queue', data: { as: i % 2 ? 'grid' : 'handler', status: i % 2 ? 'submitted' : 'dispatched' } }, platform, {
      openid: i % 2 ? 'bench-grid' : 'bench-handler',
    }),
  )
  const ledger = await time(300, () => fn.invoke({ action: 'ledger', data: {} }, platform, { openid: 'bench-admin' }))
  const feed = await time(300, () => fn.invoke({ action: 'feed', data: {} }, platform, { openid: 'person-1' }))
  const nearby = await time(1000, (i) =>
    fn.invoke({ action: 'nearby', data: { categoryId: 'illegal-ads', location: { lat: DEMO_POINT.lat + (i % 50) / 10_000, lng: DEMO_POINT.lng } } }, platform, {
      openid: 'person-2',
    }),
  )

  // 添加备注 on reports of the grid worker's grid, 常用语 per category, Open311 searches a partner makes
  const inDemoGrid = (n: number) => `bench-${(grids.indexOf('grid-demo') + grids.length * n).toString(36).padStart(6, '0')}`
  const addNote = await time(500, (i) =>
    fn.invoke({ action: 'addNote', data: { reportId: inDemoGrid(i), note: '已电话联系当事人', noteVisibility: i % 2 ? 'internal' : 'public' } }, platform, {
      openid: 'bench-grid',
    }),
  )
  const phrases = await time(1000, (i) =>
    fn.invoke({ action: 'phrases', data: { categoryId: CATEGORIES[i % 15].id, step: 'resolve' } }, platform, { openid: 'bench-grid' }),
  )
  const open311Queries: Array<Record<string, string>> = [{ status: 'open' }, { service_code: 'illegal-ads' }, {}, { status: 'closed', service_code: 'littering' }]
  const open311Search = await time(300, async (i) => {
    const answer = await open311({ method: 'GET', path: 'requests.json', query: new URLSearchParams(open311Queries[i % open311Queries.length]) }, platform)
    return { ok: answer.status === 200 }
  })

  const _ = db.command
  const plan = (where: Record<string, unknown>, orderBy: Array<{ path: string; order: 'asc' | 'desc' }>) =>
    db.explain('reports', { where, orderBy: [...orderBy, { path: '_id', order: 'asc' }], limit: 21 }).join(' | ')
  const plans = {
    'plan: mine': plan({ reporterOpenid: 'person-42' }, [{ path: 'createdAt', order: 'desc' }]),
    'plan: mine, next page': plan({ reporterOpenid: 'person-42', createdAt: _.lt(now) }, [{ path: 'createdAt', order: 'desc' }]),
    'plan: queue (grid, 待受理)': plan({ gridId: 'grid-demo', status: 'submitted' }, [{ path: 'dueAt', order: 'asc' }]),
    'plan: queue (unit, 已办结)': plan({ unitId: 'unit-demo', status: 'resolved' }, [{ path: 'updatedAt', order: 'desc' }]),
    'plan: ledger': plan({ open: true, dueAt: _.lt(now) }, [{ path: 'dueAt', order: 'asc' }]),
    'plan: feed': plan({ public: true }, [{ path: 'publishedAt', order: 'desc' }]),
    'plan: open311 requests (status=open)': plan(
      { kind: 'report', createdAt: _.gte(now - 90 * 24 * HOUR).and(_.lte(now)), status: _.in(['submitted', 'dispatched', 'processing', 'returned', 'reopened', 'reopen-requested']) },
      [{ path: 'createdAt', order: 'desc' }],
    ),
    'plan: nearby': db
      .explain('reports', {
        where: { categoryId: 'illegal-ads', cell: _.in(['30277:120150', '30278:120150']), createdAt: _.gte(now - 24 * HOUR) },
        orderBy: [{ path: 'createdAt', order: 'desc' }],
        limit: 100,
      })
      .join(' | '),
  }

  platform.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
  return {
    'reports in database': reports,
    'seed (s)': Number((seedMs / 1000).toFixed(1)),
    'report.submit p50 (ms)': submit.p50,
    'report.submit p99 (ms)': submit.p99,
    'report.mine p50 (ms)': mine.p50,
    'report.mine p99 (ms)': mine.p99,
    'report.queue p50 (ms)': queue.p50,
    'report.queue p99 (ms)': queue.p99,
    'report.ledger p50 (ms)': ledger.p50,
    'report.ledger p99 (ms)': ledger.p99,
    'report.feed p50 (ms)': feed.p50,
    'report.feed p99 (ms)': feed.p99,
    'report.nearby p50 (ms)': nearby.p50,
    'report.nearby p99 (ms)': nearby.p99,
    'report.addNote p50 (ms)': addNote.p50,
    'report.addNote p99 (ms)': addNote.p99,
    'report.phrases p50 (ms)': phrases.p50,
    'report.phrases p99 (ms)': phrases.p99,
    'open311 requests.json p50 (ms)': open311Search.p50,
    'open311 requests.json p99 (ms)': open311Search.p99,
    ...plans,
  }
}

if (require.main === module) {
  runReportBench().then((figures) => {
    for (const [key, value] of Object.entries(figures)) console.log(`${key}: ${value}`)
  })
}
