import { createHash } from 'node:crypto'
import { EXPORT_KIND_LABEL, EXPORT_LIMITS, type ExportFormat, type ExportJobView, type ExportKind, type ExportStepView, type ReportsFilter } from '@/shared/contract/exports'
import type { Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { csvCell } from '../csv'
import { shanghaiDay } from '../volunteer/time'
import { rowsXml, streamXlsx } from '../xlsx/write'
import { exportsFail, JOBS, type Cell, type ExportJobDoc } from './model'
import { sourceOf } from './sources'

const DAY_MS = 24 * 3600_000

/** Derived from who asked and their requestId: a retried start lands on the same job. */
export const jobIdOf = (openid: string, requestId: string) => createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 32)

/**
 * A part's path is fixed by its number, so a retried step overwrites its own part. An Excel part
 * is sheet XML (`<row>` elements numbered from the part's first row), so the assembly only streams
 * it through; jobs begun before that stored JSON rows (`.json`), which the assembly still reads.
 */
const partPath = (job: ExportJobDoc, n: number) => `exports/${job._id}/part-${String(n).padStart(5, '0')}.${job.format === 'csv' ? 'csv' : 'xml'}`

/** the sheet's row 1 is the header: data row k (0-based, over the whole export) is row k + 2 */
const sheetRowOf = (rowsBefore: number) => rowsBefore + 2

function toView(job: ExportJobDoc): ExportJobView {
  return {
    jobId: job._id,
    kind: job.kind,
    format: job.format,
    status: job.status,
    rows: job.rows,
    expected: job.expected,
    progress: progressOf(job),
    steps: job.steps,
    name: job.name,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  }
}

/** Rows against the count at start; below 1 until the file exists (rows may have been added since the count). */
function progressOf(job: ExportJobDoc): number {
  if (job.status === 'done') return 1
  if (job.expected === 0) return job.exhausted ? 0.99 : 0
  return Math.min(0.99, job.rows / job.expected)
}

/** Plain values for the audit log (a filter is one JSON string). */
const filterText = (f: ReportsFilter | null) => (f ? JSON.stringify(f) : '')

export async function startExport(
  input: { kind: ExportKind; format: ExportFormat; filter?: ReportsFilter; requestId: string },
  ctx: ActionContext,
): Promise<ExportJobView | Fail> {
  const filter = input.filter ?? null
  if (filter && input.kind !== 'reports') return exportsFail('EXPORTS.FILTER_NOT_ALLOWED')
  if (filter && filter.from !== undefined && filter.to !== undefined) {
    if (filter.to <= filter.from) return exportsFail('EXPORTS.BAD_RANGE')
    if (filter.to - filter.from > EXPORT_LIMITS.maxRangeDays * DAY_MS) return exportsFail('EXPORTS.RANGE_TOO_LONG')
  }
  const openid = ctx.caller.openid
  const _id = jobIdOf(openid, input.requestId)
  const same = (j: ExportJobDoc) => j.kind === input.kind && j.format === input.format && filterText(j.filter) === filterText(filter)
  const existing = await findById<ExportJobDoc>(ctx.db, JOBS, _id)
  if (existing) return same(existing) ? toView(existing) : exportsFail('EXPORTS.REQUEST_REUSED')

  const now = ctx.clock.now()
  const job: ExportJobDoc = {
    _id,
    ownerOpenid: openid,
    requestId: input.requestId,
    kind: input.kind,
    format: input.format,
    filter,
    asOf: now,
    status: 'running',
    cursor: null,
    exhausted: false,
    truncated: false,
    parts: 0,
    partIds: [],
    rows: 0,
    expected: 0,
    steps: 0,
    fileID: null,
    name: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
  }
  // one count at start, for the progress bar only; capped because the job stops at maxRows
  job.expected = Math.min(EXPORT_LIMITS.maxRows, await sourceOf(job).count(ctx))
  const { _id: id, ...data } = job
  try {
    await ctx.db.collection(JOBS).add({ data: { _id: id, ...data } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    // a concurrent retry of the same start won the race
    const raced = await findById<ExportJobDoc>(ctx.db, JOBS, _id)
    if (raced) return same(raced) ? toView(raced) : exportsFail('EXPORTS.REQUEST_REUSED')
    throw error
  }
  // the audit says an export of this data was begun even if nobody finishes it
  await writeAudit(ctx, { subjectType: 'export', subjectId: _id, action: 'exportStart', detail: { kind: job.kind, format: job.format, filter: filterText(filter), expected: job.expected } })
  return toView(job)
}

export async function exportJob(input: { jobId: string }, ctx: ActionContext): Promise<ExportJobView | Fail> {
  const job = await findById<ExportJobDoc>(ctx.db, JOBS, input.jobId)
  return job ? toView(job) : exportsFail('EXPORTS.NOT_FOUND')
}

async function linkOf(ctx: ActionContext, job: ExportJobDoc): Promise<ExportStepView> {
  const fileID = job.fileID as string
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: [fileID] })
  return { done: true, rows: job.rows, progress: 1, url: fileList[0]?.tempFileURL ?? null, name: job.name, fileID }
}

const running = (job: ExportJobDoc): ExportStepView => ({ done: false, rows: job.rows, progress: progressOf(job), url: null, name: null, fileID: null })

/**
 * One step: either read the next chunk (≤ chunkRows rows, pages of 100 from the job's cursor) into
 * a part file, or — once every row is in a part — assemble the file. The part is written at a
 * path fixed by its number before the job moves on, and the job moves on by a conditional update
 * on that number: a step that failed after writing its part rewrites the same part next time, and
 * two steps racing write the same rows while only one advances the job. So no row is duplicated.
 */
export async function stepExport(input: { jobId: string }, ctx: ActionContext): Promise<ExportStepView | Fail> {
  const job = await findById<ExportJobDoc>(ctx.db, JOBS, input.jobId)
  if (!job) return exportsFail('EXPORTS.NOT_FOUND')
  if (job.status === 'done') return linkOf(ctx, job)
  if (job.exhausted) return assemble(ctx, job)

  const source = sourceOf(job)
  const remaining = EXPORT_LIMITS.maxRows - job.rows
  const want = Math.min(EXPORT_LIMITS.chunkRows, remaining)
  const rows: Cell[][] = []
  let cursor = job.cursor
  let more = true
  while (rows.length < want) {
    const page = await source.page(ctx, cursor)
    rows.push(...page.rows)
    cursor = page.next
    if (page.next === null) {
      more = false
      break
    }
  }
  // pages of 100 fill a chunk of 5,000 exactly; only the job's row cap can cut a page, and what it
  // cuts is not exported (the file says so), so the cursor moving past it loses nothing promised
  const kept = rows.length > remaining ? rows.slice(0, remaining) : rows
  const truncated = job.rows + kept.length >= EXPORT_LIMITS.maxRows && (more || rows.length > remaining)
  let partId: string | null = null
  if (kept.length > 0) {
    // numbered from the rows the job holds: a retry of this step (the job not moved on) numbers them the same
    const content = job.format === 'csv' ? kept.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n' : rowsXml(kept, sheetRowOf(job.rows))
    partId = (await ctx.storage.uploadFile({ cloudPath: partPath(job, job.parts), fileContent: Buffer.from(content, 'utf8') })).fileID
  }
  const _ = ctx.db.command
  const now = ctx.clock.now()
  // stats.updated 0: a concurrent step moved the job first; either way the answer is where it stands now
  await ctx.db
    .collection(JOBS)
    .where({ _id: job._id, parts: job.parts, status: 'running', exhausted: false })
    .update({
      data: {
        cursor,
        parts: partId ? job.parts + 1 : job.parts,
        partIds: partId ? [...job.partIds, partId] : job.partIds,
        rows: _.inc(kept.length),
        steps: _.inc(1),
        exhausted: !more || truncated,
        truncated,
        updatedAt: now,
      },
    })
  const after = await findById<ExportJobDoc>(ctx.db, JOBS, job._id)
  return running(after ?? job)
}

/**
 * The parts of an Excel export as sheet XML, one downloaded at a time (a generator: the next part
 * is fetched only when the zip stream has taken the last one). Old JSON parts are converted, each
 * numbered after the rows before it.
 */
async function* sheetFragments(ctx: ActionContext, job: ExportJobDoc, header: readonly string[], note: string | null): AsyncGenerator<string | Uint8Array> {
  yield rowsXml([[...header]], 1)
  let rowsBefore = 0
  for (const fileID of job.partIds) {
    const part = (await ctx.storage.downloadFile({ fileID })).fileContent
    if (fileID.endsWith('.json')) {
      const rows = JSON.parse(part.toString('utf8')) as Cell[][]
      yield rowsXml(rows, sheetRowOf(rowsBefore))
      rowsBefore += rows.length
    } else {
      rowsBefore += countRows(part)
      yield part
    }
  }
  if (note) yield rowsXml([[note]], sheetRowOf(rowsBefore))
}

/** `<row ` elements in a part (no cell text can contain `<`: it is escaped) */
function countRows(part: Buffer): number {
  let n = 0
  for (let at = part.indexOf('<row '); at !== -1; at = part.indexOf('<row ', at + 5)) n++
  return n
}

async function assemble(ctx: ActionContext, job: ExportJobDoc): Promise<ExportStepView | Fail> {
  const source = sourceOf(job)
  const note = job.truncated ? `（超过 ${EXPORT_LIMITS.maxRows} 行，其余未导出，请缩小筛选范围分批导出）` : null
  let bytes: Buffer
  if (job.format === 'csv') {
    const parts: Buffer[] = []
    for (const fileID of job.partIds) parts.push((await ctx.storage.downloadFile({ fileID })).fileContent)
    const head = Buffer.from(`\uFEFF${source.header.map(csvCell).join(',')}\r\n`, 'utf8')
    const tail = note ? Buffer.from(`${csvCell(note)}\r\n`, 'utf8') : Buffer.alloc(0)
    bytes = Buffer.concat([head, ...parts, tail])
  } else {
    // streamed: one part's XML in memory at a time, deflated as it comes (bench/exports.ts measures the peak)
    bytes = await streamXlsx(source.sheetName, sheetFragments(ctx, job, source.header, note))
  }
  const name = `${EXPORT_KIND_LABEL[job.kind]}_${shanghaiDay(job.asOf)}.${job.format}`
  const { fileID } = await ctx.storage.uploadFile({ cloudPath: `exports/${job._id}/export.${job.format}`, fileContent: bytes })
  const now = ctx.clock.now()
  const { stats } = await ctx.db
    .collection(JOBS)
    .where({ _id: job._id, status: 'running' })
    .update({ data: { status: 'done', fileID, name, steps: ctx.db.command.inc(1), finishedAt: now, updatedAt: now } })
  const done = (await findById<ExportJobDoc>(ctx.db, JOBS, job._id)) ?? job
  if (stats.updated > 0) {
    await writeAudit(ctx, {
      subjectType: 'export',
      subjectId: job._id,
      action: 'exportDone',
      detail: { kind: job.kind, format: job.format, filter: filterText(job.filter), rows: job.rows, truncated: job.truncated, bytes: bytes.length },
    })
    // the parts served their purpose; the file is what is kept
    if (job.partIds.length > 0) await ctx.storage.deleteFile({ fileList: job.partIds })
  }
  return linkOf(ctx, done)
}
