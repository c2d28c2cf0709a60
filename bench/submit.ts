/**
 * 随手拍 submit with the 受理编号 counter, at 100k stored reports (already numbered, with their
 * days' counters): submit p50/p99 one at a time and in bursts of concurrent submits (all on the
 * day's one counter document), the counter's own transaction, and report.byTicket with its query
 * plan (the unique by_ticket index). The watermark is drawn on the phone, so the server's cost is
 * the upload (done before, as the phone does) and the submit. Also a submit with a 2-s video in
 * place of photos (the clip's header read, its metadata boxes blanked, the cover sent to the
 * asynchronous media check) and the cost of taking each check's verdict push. Figures, not pass/fail.
 * `npx tsx bench/submit.ts`
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FUNCTIONS } from '../src/cloud/functions'
import { createLocalPlatform } from '../src/cloud/platform/local'
import { DEMO_GRIDS, DEMO_POINT } from '../src/cloud/domain/report/demo-city'
import { shanghaiDay } from '../src/cloud/domain/report/errors'
import { seedCity } from '../src/cloud/domain/report/seed'
import { COUNTERS, formatTicket, nextNumber, ticketCounterId } from '../src/cloud/domain/report/ticket'
import type { ReportDoc } from '../src/cloud/domain/report/types'
import { grantId } from '../src/cloud/runtime/grants'
import { CATEGORIES, cellOf, dueTimeOnEntry } from '../src/shared/report'
import { deliverMediaChecks } from '../src/cloud/local-host/media-push'
import { percentiles } from './actions'

const HOUR = 3600_000

export async function runSubmitBench(reports = 100_000): Promise<Record<string, string | number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-submit-bench-'))
  const silent = { info: () => undefined, error: () => undefined }
  const start = Date.UTC(2026, 10, 1)
  let now = start + 30 * 24 * HOUR
  const platform = createLocalPlatform({ dataDir, adminOpenids: ['bench-admin'], log: silent, clock: { now: () => now } })
  await seedCity(platform)
  const db = platform.db
  const fn = FUNCTIONS.report

  // 100k numbered reports over the 30 days before now, and each day's counter where it ended
  const t0 = performance.now()
  const grids = DEMO_GRIDS.features.map((f) => f.properties.id)
  const perDay = new Map<string, number>()
  const batch: Array<Promise<unknown>> = []
  for (let i = 0; i < reports; i++) {
    const category = CATEGORIES[i % 15]
    const createdAt = start + Math.floor((i / reports) * 30 * 24 * HOUR)
    const day = shanghaiDay(createdAt)
    const seq = (perDay.get(day) ?? 0) + 1
    perDay.set(day, seq)
    const lat = DEMO_POINT.lat - 0.02 + ((i * 7919) % 1000) / 25_000
    const lng = DEMO_POINT.lng - 0.03 + ((i * 104729) % 1000) / 16_000
    const doc: ReportDoc = {
      _id: `bench-${i.toString(36).padStart(6, '0')}`,
      kind: 'report',
      categoryId: category.id,
      status: 'submitted',
      reporterOpenid: `person-${i % 20_000}`,
      anonymous: false,
      contactPhone: null,
      identityRemoved: false,
      location: { lat, lng, address: '示范路' },
      cell: cellOf({ lat, lng }),
      gridId: grids[i % grids.length],
      unitId: null,
      description: '示例',
      descriptionCheck: { pass: true, label: null },
      photos: [{ fileId: `cloud://local.wenming/reports/bench/${i}.jpg`, pass: true, label: null }],
      afterPhotos: [],
      resolutionNote: null,
      dueAt: dueTimeOnEntry('submitted', category.limits, createdAt),
      open: true,
      stepEnteredAt: createdAt,
      confirmations: 0,
      rating: null,
      rejectReason: null,
      duplicateOf: null,
      returnCount: 0,
      reopenCount: 0,
      public: false,
      publishedAt: null,
      resolvedAt: null,
      version: 1,
      createdAt,
      updatedAt: createdAt,
      ticketNo: formatTicket(day, seq),
    }
    batch.push(db.collection('reports').add({ data: { ...doc } }))
    if (batch.length >= 5000) await Promise.all(batch.splice(0))
  }
  await Promise.all(batch)
  for (const [day, n] of perDay) await db.collection(COUNTERS).doc(ticketCounterId(day)).set({ data: { n, updatedAt: now } })
  await db.collection('role_grants').doc(grantId('bench-grid', 'grid', 'grid-demo')).set({
    data: { openid: 'bench-grid', role: 'grid', scopeId: 'grid-demo', grantedBy: 'bench', grantedAt: now },
  })
  const seedMs = performance.now() - t0

  // each submitter reserves a path for one photo and uploads it there, as the phone would (after stamping it)
  const submitters = 2000
  const photos: string[] = []
  for (let i = 0; i < submitters; i++) {
    const reserved = await FUNCTIONS.storage.invoke({ action: 'reserve', data: { area: 'reports', count: 1 } }, platform, { openid: `submitter-${i}` })
    if (!reserved.ok) throw new Error('reserve failed')
    const { paths } = reserved.data as { paths: string[] }
    const { fileID } = await platform.storage.uploadFile({ cloudPath: `${paths[0]}.jpg`, fileContent: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) })
    photos.push(fileID)
  }
  const submitAs = (i: number) =>
    fn.invoke(
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
  const numbers: string[] = []
  const check = (result: Awaited<ReturnType<typeof submitAs>>) => {
    if (!result.ok) throw new Error(`bench submit failed: ${JSON.stringify(result)}`)
    numbers.push((result.data as { ticketNo: string }).ticketNo)
  }

  // one at a time
  const sequential: number[] = []
  for (let i = 0; i < 1000; i++) {
    now += 1000
    const s = performance.now()
    check(await submitAs(i))
    sequential.push(performance.now() - s)
  }
  // bursts of 50 at once: every one of them takes the same day's counter in its transaction
  const burst: number[] = []
  for (let b = 0; b < 20; b++) {
    now += 1000
    await Promise.all(
      Array.from({ length: 50 }, async (_, k) => {
        const s = performance.now()
        check(await submitAs(1000 + b * 50 + k))
        burst.push(performance.now() - s)
      }),
    )
  }
  // 随手拍 with a video instead of photos: the real 2-s clip and a cover, uploaded first as the phone does
  const clipBytes = fs.readFileSync(path.join(__dirname, '../test/support/fixtures/clip-2s.mp4'))
  const videoSubmits: number[] = []
  for (let i = 0; i < 300; i++) {
    const openid = `video-submitter-${i}`
    const reserved = await FUNCTIONS.storage.invoke({ action: 'reserve', data: { area: 'reports', count: 2 } }, platform, { openid })
    if (!reserved.ok) throw new Error('reserve failed')
    const [clipPath, coverPath] = (reserved.data as { paths: string[] }).paths
    const clip = await platform.storage.uploadFile({ cloudPath: `${clipPath}.mp4`, fileContent: clipBytes })
    const cover = await platform.storage.uploadFile({ cloudPath: `${coverPath}.jpg`, fileContent: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) })
    now += 1000
    const s = performance.now()
    const result = await fn.invoke(
      {
        action: 'submit',
        data: {
          categoryId: 'illegal-ads',
          photos: [],
          video: { fileId: clip.fileID, coverFileId: cover.fileID },
          location: { lat: DEMO_POINT.lat + (i % 50) / 10_000, lng: DEMO_POINT.lng, address: '文明路' },
          description: '视频里的小广告',
          anonymous: false,
          requestId: randomUUID(),
        },
      },
      platform,
      { openid },
    )
    videoSubmits.push(performance.now() - s)
    check(result)
  }
  // each verdict push: find the check by its trace id, settle the video, end the check
  const pushes = platform.openApi.takeMediaCheckPushes()
  const verdicts: number[] = []
  for (const push of pushes) {
    const s = performance.now()
    const answered = await fn.invoke(push, platform, null)
    verdicts.push(performance.now() - s)
    if (!answered.ok) throw new Error('verdict push failed')
  }
  if ((await deliverMediaChecks(platform, FUNCTIONS)) !== 0) throw new Error('pushes left over')
  // every number handed out above, photo and video submits alike, on the day's one counter
  const distinct = new Set(numbers).size
  const pushPlan = db.explain('media_checks', { where: { traceId: 'x' }, orderBy: [], limit: 1 }).join(' | ')

  // the counter's own cost: one transaction reading and setting one document
  const counter: number[] = []
  for (let i = 0; i < 2000; i++) {
    const s = performance.now()
    await nextNumber(platform, 'bench:counter')
    counter.push(performance.now() - s)
  }

  const ticketsInGrid: string[] = []
  const { data } = await db.collection('reports').where({ gridId: 'grid-demo' }).limit(100).get()
  for (const r of data as unknown as ReportDoc[]) if (r.ticketNo) ticketsInGrid.push(r.ticketNo)
  const lookup: number[] = []
  for (let i = 0; i < 1000; i++) {
    const s = performance.now()
    const result = await fn.invoke({ action: 'byTicket', data: { ticketNo: ticketsInGrid[i % ticketsInGrid.length] } }, platform, { openid: 'bench-grid' })
    lookup.push(performance.now() - s)
    if (!result.ok) throw new Error(`byTicket failed: ${JSON.stringify(result)}`)
  }
  const plan = db.explain('reports', { where: { ticketNo: ticketsInGrid[0] }, orderBy: [], limit: 1 }).join(' | ')

  platform.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
  const vid = percentiles(videoSubmits)
  const verdict = percentiles(verdicts)
  const seq = percentiles(sequential)
  const par = percentiles(burst)
  const tx = percentiles(counter)
  const find = percentiles(lookup)
  return {
    'reports in database': reports,
    'seed (s)': Number((seedMs / 1000).toFixed(1)),
    'report.submit one at a time p50 (ms)': seq.p50,
    'report.submit one at a time p99 (ms)': seq.p99,
    'report.submit 50 at once p50 (ms)': par.p50,
    'report.submit 50 at once p99 (ms)': par.p99,
    'report.submit with a 2-s video p50 (ms)': vid.p50,
    'report.submit with a 2-s video p99 (ms)': vid.p99,
    'media-check verdict push p50 (ms)': verdict.p50,
    'media-check verdict push p99 (ms)': verdict.p99,
    'plan: verdict push': pushPlan,
    'ticket numbers given / distinct': `${numbers.length} / ${distinct}`,
    'ticket counter transaction p50 (ms)': tx.p50,
    'ticket counter transaction p99 (ms)': tx.p99,
    'report.byTicket p50 (ms)': find.p50,
    'report.byTicket p99 (ms)': find.p99,
    'plan: byTicket': plan,
  }
}

if (require.main === module) {
  runSubmitBench().then((figures) => {
    for (const [key, value] of Object.entries(figures)) console.log(`${key}: ${value}`)
  })
}
