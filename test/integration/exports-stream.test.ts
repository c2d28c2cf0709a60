import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import BetterSqlite3 from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { stepExport } from '@/cloud/domain/exports'
import { JOBS, type ExportJobDoc } from '@/cloud/domain/exports/model'
import { FUNCTIONS } from '@/cloud/functions'
import { createLocalPlatform, type LocalPlatform } from '@/cloud/platform/local'
import type { CollectionReference, Database } from '@/cloud/platform/database'
import type { FileStorage } from '@/cloud/platform'
import type { ActionContext } from '@/cloud/runtime/context'
import { systemContext } from '@/cloud/runtime/define-function'
import type { ExportJobView, ExportStepView } from '@/shared/contract/exports'
import type { Result } from '@/shared/errors'
import { expectOk, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { HOUR, readXlsx, reportDoc, seedDocs, startExportsCloud } from './exports-support'

/**
 * Excel exports stream: each step stores its rows as numbered sheet XML, the last one deflates
 * the parts one by one into the file. The file opens with exceljs and has every row exactly once,
 * however the steps were retried, raced or killed.
 */

/** the sheet's column B (举报编号) of every data row, read row by row with exceljs's streaming reader */
async function idsInSheet(bytes: Buffer): Promise<{ header: string[]; ids: string[]; rowNumbers: number[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { sharedStrings: 'ignore', worksheets: 'emit' })
  const ids: string[] = []
  const rowNumbers: number[] = []
  let header: string[] = []
  let sheets = 0
  for await (const sheet of reader) {
    sheets++
    for await (const row of sheet) {
      const values = row.values as unknown[]
      if (row.number === 1) header = values.slice(1).map(String)
      else {
        ids.push(String(values[2]))
        rowNumbers.push(row.number)
      }
    }
  }
  expect(sheets).toBe(1)
  return { header, ids, rowNumbers }
}

describe('100k rows', () => {
  const ADMIN = 'stream-office'
  let dataDir: string
  let platform: LocalPlatform
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-exports-stream-'))
    const now = Date.UTC(2026, 11, 1, 6, 0)
    platform = createLocalPlatform({ dataDir, adminOpenids: [ADMIN], log: { info: () => undefined, error: () => undefined }, clock: { now: () => now } })
  })
  afterAll(() => {
    platform.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  test('the 100,000-row Excel export opens with exceljs and has every row once, in order', async () => {
    const n = 100_000
    const now = Date.UTC(2026, 11, 1, 6, 0)
    // straight into the store's own (id, doc) rows in one transaction: 100k one-by-one adds take minutes
    const raw = new BetterSqlite3(path.join(dataDir, 'wenming.sqlite'))
    raw.pragma('journal_mode = WAL')
    const insert = raw.prepare('INSERT INTO "reports" (id, doc) VALUES (?, ?)')
    const expected: string[] = []
    raw.transaction(() => {
      for (let i = 0; i < n; i++) {
        const doc = reportDoc({ createdAt: now - (i + 1) * 60_000 })
        const id = `r${String(i).padStart(7, '0')}`
        expected.push(id) // newest first: the export's order
        const { _id, ...rest } = { ...doc, _id: id, description: `第${i}条 <人行道> & "车辆"` }
        insert.run(_id, JSON.stringify(rest))
      }
    })()
    raw.close()

    const call = async <T>(action: string, data: Record<string, unknown>): Promise<T> => {
      const result = (await FUNCTIONS.exports.invoke({ action, data }, platform, { openid: ADMIN })) as Result<T>
      if (!result.ok) throw new Error(`exports.${action}: ${result.code}`)
      return result.data
    }
    const job = await call<ExportJobView>('start', { kind: 'reports', format: 'xlsx', requestId: 'stream-100k-0001' })
    let done: ExportStepView | null = null
    for (let steps = 0; !done && steps < 100; steps++) {
      const step = await call<ExportStepView>('step', { jobId: job.jobId })
      if (step.done) done = step
    }
    expect(done).toMatchObject({ done: true, rows: n })
    const { fileContent } = await platform.storage.downloadFile({ fileID: (done as ExportStepView).fileID as string })
    const sheet = await idsInSheet(fileContent)
    expect(sheet.header[1]).toBe('举报编号')
    expect(sheet.ids).toHaveLength(n)
    expect(sheet.ids).toEqual(expected)
    expect(sheet.rowNumbers[0]).toBe(2)
    expect(sheet.rowNumbers[n - 1]).toBe(n + 1)
  }, 300_000) // seeding, 21 steps and reading 100k rows back take a while on a shared machine
})

describe('retried, raced and killed steps', () => {
  let cloud: TestCloud
  let expected: string[]
  beforeEach(async () => {
    cloud = await startExportsCloud()
    const t = cloud.clock.now() - 10 * HOUR
    // 5,150 reports: a chunk of 5,000, one of 150, then the assembly
    const docs = Array.from({ length: 5_150 }, (_, i) => reportDoc({ createdAt: t + i * 1000 }))
    await seedDocs(cloud, 'reports', docs)
    expected = docs.map((d) => d._id).reverse()
  })
  afterEach(() => cloud.close())

  const ctx = (): ActionContext => systemContext(cloud.platform, 'test.exports')
  const start = async () => expectOk(await cloud.as(TEST_ADMIN).call('exports', 'start', { kind: 'reports', format: 'xlsx', requestId: `stream-${Math.random().toString(36).slice(2, 10)}` }))
  const step = async (jobId: string) => expectOk(await cloud.as(TEST_ADMIN).call('exports', 'step', { jobId }))
  const stored = async (jobId: string) => (await cloud.platform.db.collection(JOBS).doc(jobId).get()).data as unknown as ExportJobDoc
  async function finish(jobId: string) {
    for (let i = 0; i < 10; i++) {
      const s = await step(jobId)
      if (s.done) return (await cloud.platform.storage.downloadFile({ fileID: s.fileID as string })).fileContent
    }
    throw new Error('export never finished')
  }

  /** a db whose job update fails once — the step is killed after storing its part, before moving the job */
  function killedBeforeMove(real: Database): Database {
    let armed = true
    return Object.assign(Object.create(real) as Database, {
      collection(name: string): CollectionReference {
        const c = real.collection(name)
        if (name !== JOBS) return c
        return Object.assign(Object.create(c) as CollectionReference, {
          where(condition: Record<string, unknown>) {
            const q = c.where(condition)
            return Object.assign(Object.create(q) as ReturnType<CollectionReference['where']>, {
              update(options: Parameters<CollectionReference['update']>[0]) {
                if (armed && 'parts' in condition) {
                  armed = false
                  return Promise.reject(new Error('function instance killed'))
                }
                return q.update(options)
              },
            })
          },
        })
      },
    })
  }

  test('a step killed after storing its part, then retried, adds no row twice', async () => {
    const job = await start()
    await step(job.jobId)
    const real = ctx()
    await expect(stepExport({ jobId: job.jobId }, { ...real, db: killedBeforeMove(real.db) })).rejects.toThrow('killed')
    expect(await stored(job.jobId)).toMatchObject({ parts: 1, rows: 5_000 })
    const sheet = await idsInSheet(await finish(job.jobId))
    expect(sheet.ids).toEqual(expected)
    expect(sheet.rowNumbers).toEqual(expected.map((_, i) => i + 2))
  })

  test('two steps at once write the same part; the job moves once', async () => {
    const job = await start()
    await Promise.all([step(job.jobId), step(job.jobId)])
    await Promise.all([step(job.jobId), step(job.jobId)])
    expect(await stored(job.jobId)).toMatchObject({ parts: 2, rows: 5_150, exhausted: true })
    const rows = await readXlsx(await finish(job.jobId))
    expect(rows.slice(1).map((r) => r[1])).toEqual(expected)
  })

  test('an export killed between steps and in the middle of its assembly resumes, every row once', async () => {
    const job = await start()
    await step(job.jobId)
    await step(job.jobId)
    expect(await stored(job.jobId)).toMatchObject({ exhausted: true, status: 'running' })
    // the assembly dies while streaming: the second part cannot be read
    const real = ctx()
    let downloads = 0
    const storage: FileStorage = {
      ...real.storage,
      downloadFile: (o) => (++downloads === 2 ? Promise.reject(new Error('function instance killed')) : real.storage.downloadFile(o)),
    }
    await expect(stepExport({ jobId: job.jobId }, { ...real, storage })).rejects.toThrow('killed')
    expect(await stored(job.jobId)).toMatchObject({ status: 'running', fileID: null })
    // later, another instance carries on from the stored job
    const sheet = await idsInSheet(await finish(job.jobId))
    expect(sheet.ids).toEqual(expected)
    expect(await stored(job.jobId)).toMatchObject({ status: 'done', rows: 5_150 })
  })

  test('a job begun before the parts were sheet XML (JSON parts) still assembles, numbered on', async () => {
    const job = await start()
    await step(job.jobId)
    // rewrite part 0 as the old step stored it: the rows as JSON
    const before = await stored(job.jobId)
    const xml = (await cloud.platform.storage.downloadFile({ fileID: before.partIds[0] })).fileContent.toString('utf8')
    const rows = [...xml.matchAll(/<row r="\d+">(.*?)<\/row>/g)].map((m) => [...m[1].matchAll(/<t xml:space="preserve">(.*?)<\/t>|<v>(.*?)<\/v>/g)].map((c) => (c[2] !== undefined ? Number(c[2]) : c[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))))
    const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: `exports/${job.jobId}/part-00000.json`, fileContent: Buffer.from(JSON.stringify(rows)) })
    await cloud.platform.db.collection(JOBS).doc(job.jobId).update({ data: { partIds: [fileID] } })
    const sheet = await idsInSheet(await finish(job.jobId))
    expect(sheet.ids).toEqual(expected)
    expect(sheet.rowNumbers).toEqual(expected.map((_, i) => i + 2))
  })
})
