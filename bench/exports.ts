/**
 * 文明办 exports at 100k rows: 100,000 随手拍 in a fresh local database (file-backed, as the
 * local host runs), exported as CSV and as xlsx through the real handlers — `exports.start`, then
 * `exports.step` until done, each call as a separate invocation the way the client drives it.
 * Prints the total time, the number of steps, the slowest read step and the assembly step, the
 * file size and the peak RSS (process.memoryUsage().rss sampled after every step and every 10 ms
 * during one, so the assembly's peak inside its step is seen too).
 * `npx tsx bench/exports.ts` (a second run with `--expose-gc` gives a cleaner baseline).
 *
 * The rows go straight into the SQLite file in one transaction (the store's own `(id, doc)` rows,
 * as bench/inspect.ts does), because 100k one-by-one writes would take minutes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { FUNCTIONS } from '../src/cloud/functions'
import { createLocalPlatform } from '../src/cloud/platform/local'
import type { ReportDoc } from '../src/cloud/domain/report/types'
import { CATEGORIES, type CategoryId, type ReportStatus } from '../src/shared/report'
import type { ExportFormat, ExportJobView, ExportStepView } from '../src/shared/contract/exports'
import type { Result } from '../src/shared/errors'

const REPORTS = 100_000
const ADMIN = 'bench-office'
const HOUR = 3_600_000
const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10

function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export async function runExportsBench(): Promise<Record<string, string | number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-exports-bench-'))
  const now = Date.UTC(2026, 11, 1, 6, 0)
  const silent = { info: () => undefined, error: () => undefined }
  const platform = createLocalPlatform({ dataDir, adminOpenids: [ADMIN], log: silent, clock: { now: () => now } })
  const raw = new BetterSqlite3(path.join(dataDir, 'wenming.sqlite'))
  raw.pragma('journal_mode = WAL')
  const figures: Record<string, string | number> = {}
  const rng = seeded(11)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]

  const bulk = (table: string, rows: Iterable<[string, unknown]>): number => {
    const insert = raw.prepare(`INSERT INTO "${table}" (id, doc) VALUES (?, ?)`)
    let n = 0
    raw.transaction(() => {
      for (const [id, doc] of rows) {
        insert.run(id, JSON.stringify(doc))
        n++
      }
    })()
    return n
  }

  const call = async <T>(action: string, data: Record<string, unknown>): Promise<T> => {
    const result = (await FUNCTIONS.exports.invoke({ action, data }, platform, { openid: ADMIN })) as Result<T>
    if (!result.ok) throw new Error(`exports.${action}: ${result.code} ${result.message}`)
    return result.data
  }

  try {
    const t0 = performance.now()
    const grids = Array.from({ length: 60 }, (_, g) => `grid-${String(g).padStart(2, '0')}`)
    const units = Array.from({ length: 40 }, (_, u) => `unit-${String(u).padStart(2, '0')}`)
    bulk('report_grids', grids.map((id, g) => [id, { name: `第${g + 1}网格` }] as [string, unknown]))
    bulk('report_units', units.map((id, u) => [id, { name: `责任单位${u + 1}` }] as [string, unknown]))
    const categories = CATEGORIES.filter((c) => c.kind === 'report').map((c) => c.id as CategoryId)
    const statuses: ReportStatus[] = ['submitted', 'dispatched', 'processing', 'resolved', 'rated', 'rejected']
    bulk(
      'reports',
      (function* () {
        for (let i = 0; i < REPORTS; i++) {
          // one year of reports, evenly spread
          const createdAt = now - Math.floor(rng() * 365 * 24 * HOUR)
          const status = pick(statuses)
          const open = ['submitted', 'dispatched', 'processing'].includes(status)
          const doc: Omit<ReportDoc, '_id'> = {
            kind: 'report',
            categoryId: pick(categories),
            status,
            reporterOpenid: `o${i}`,
            anonymous: rng() < 0.3,
            contactPhone: '13800000000',
            identityRemoved: false,
            location: { lat: 31.8 + rng() / 10, lng: 117.2 + rng() / 10, address: `文明路${i % 500}号附近` },
            cell: 'c',
            gridId: pick(grids),
            unitId: status === 'submitted' ? null : pick(units),
            description: `第${i}条：人行道上有车辆乱停，影响通行，请尽快处理。`,
            descriptionCheck: { pass: true, label: null },
            photos: [],
            afterPhotos: [],
            resolutionNote: null,
            dueAt: open ? createdAt + 24 * HOUR : null,
            open,
            stepEnteredAt: createdAt,
            confirmations: 0,
            rating: status === 'rated' ? { score: 1 + Math.floor(rng() * 5), comment: null, at: createdAt + 48 * HOUR } : null,
            rejectReason: null,
            duplicateOf: null,
            returnCount: 0,
            reopenCount: 0,
            public: false,
            publishedAt: null,
            resolvedAt: status === 'resolved' || status === 'rated' ? createdAt + 30 * HOUR : null,
            version: 1,
            createdAt,
            updatedAt: createdAt,
          }
          yield [`r${String(i).padStart(7, '0')}`, doc] as [string, unknown]
        }
      })(),
    )
    figures['seed (s)'] = Math.round((performance.now() - t0) / 100) / 10
    figures['database MB'] = mb(fs.statSync(path.join(dataDir, 'wenming.sqlite')).size)

    for (const format of ['csv', 'xlsx'] as ExportFormat[]) {
      global.gc?.()
      const baseline = process.memoryUsage().rss
      let peak = baseline
      // the assembly awaits each part's download: the sampler runs between them
      let stepPeak = 0
      const sampler = setInterval(() => {
        const rss = process.memoryUsage().rss
        peak = Math.max(peak, rss)
        stepPeak = Math.max(stepPeak, rss)
      }, 10)
      const started = performance.now()
      const job = await call<ExportJobView>('start', { kind: 'reports', format, requestId: `bench-${format}-0001` })
      const startMs = performance.now() - started
      let steps = 0
      let slowestRead = 0
      let assembleMs = 0
      let assemblyRss = 0
      let done: ExportStepView | null = null
      while (!done) {
        const s0 = performance.now()
        const rssBefore = process.memoryUsage().rss
        stepPeak = rssBefore
        const step = await call<ExportStepView>('step', { jobId: job.jobId })
        const ms = performance.now() - s0
        steps++
        peak = Math.max(peak, process.memoryUsage().rss)
        if (step.done) {
          assembleMs = ms
          assemblyRss = stepPeak - rssBefore
          done = step
        } else slowestRead = Math.max(slowestRead, ms)
      }
      const total = performance.now() - started
      clearInterval(sampler)
      const { fileContent } = await platform.storage.downloadFile({ fileID: done.fileID as string })
      figures[`${format}: rows`] = done.rows
      figures[`${format}: total (s)`] = Math.round(total / 100) / 10
      figures[`${format}: start incl. count (ms)`] = Math.round(startMs)
      figures[`${format}: steps`] = steps
      figures[`${format}: slowest read step (ms)`] = Math.round(slowestRead)
      figures[`${format}: assembly step (ms)`] = Math.round(assembleMs)
      figures[`${format}: file MB`] = mb(fileContent.length)
      figures[`${format}: peak RSS MB`] = mb(peak)
      figures[`${format}: peak RSS over baseline MB`] = mb(peak - baseline)
      figures[`${format}: assembly step's own RSS growth MB`] = mb(assemblyRss)
    }
  } finally {
    raw.close()
    platform.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  return figures
}

if (require.main === module) {
  runExportsBench()
    .then((figures) => {
      for (const [key, value] of Object.entries(figures)) console.log(`${key}: ${value}`)
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
