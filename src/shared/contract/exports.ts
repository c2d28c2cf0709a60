import { z } from 'zod'
import { CATEGORY_IDS, REPORT_STATUSES } from '../report'
import { id } from './common'
import { returns } from './define'

/**
 * 文明办 exports: the 督查台账, the report list, volunteer service records and quiz participation,
 * as CSV or Excel. An export is a job because 100k rows do not fit one cloud call: `start` takes
 * the filter and a count, each `step` reads one bounded chunk by cursor and stores it as a part
 * file, the last step assembles the file and answers its link. A failed step is retried by calling
 * `step` again — the cursor is on the job, so no row is read twice.
 */
export const EXPORT_KINDS = ['ledger', 'reports', 'volunteer', 'quiz'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_KIND_LABEL: Record<ExportKind, string> = {
  ledger: '督查台账',
  reports: '随手拍列表',
  volunteer: '志愿服务记录',
  quiz: '答题参与记录',
}

export const EXPORT_LIMITS = {
  /** rows one step reads (50 pages of 100): a few seconds of a cloud call */
  chunkRows: 5_000,
  pageSize: 100,
  /** a job stops here and the file says so; Excel itself ends at 1,048,576 rows */
  maxRows: 500_000,
  /** the report list's date filter spans at most this many days */
  maxRangeDays: 366,
} as const

export type ExportStatus = 'running' | 'done'

export interface ExportJobView {
  jobId: string
  kind: ExportKind
  format: ExportFormat
  status: ExportStatus
  /** rows written so far */
  rows: number
  /** rows the count at start expected (capped at maxRows) */
  expected: number
  /** 0–1, from rows against the count taken at start; 1 once done */
  progress: number
  steps: number
  /** the file's name, once done */
  name: string | null
  createdAt: number
  finishedAt: number | null
}

export interface ExportStepView {
  done: boolean
  rows: number
  progress: number
  /** a fresh temporary link to the file, once done */
  url: string | null
  name: string | null
  fileID: string | null
}

const ms = z.number().int().min(0)

export const reportsFilter = z
  .object({
    status: z.enum(REPORT_STATUSES).optional(),
    categoryId: z.enum(CATEGORY_IDS).optional(),
    unitId: id.optional(),
    /** createdAt ≥ from (UTC ms) */
    from: ms.optional(),
    /** createdAt < to (UTC ms) */
    to: ms.optional(),
  })
  .strict()

export type ReportsFilter = z.infer<typeof reportsFilter>

const requestId = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, '请求编号格式不正确')

export const exportsActions = {
  start: returns<ExportJobView>()({
    input: z
      .object({
        kind: z.enum(EXPORT_KINDS),
        format: z.enum(EXPORT_FORMATS),
        /** only the report list takes a filter */
        filter: reportsFilter.optional(),
        requestId,
      })
      .strict(),
    roles: ['admin'],
    summary: '文明办开始一次导出（督查台账、随手拍列表、志愿服务记录、答题参与记录；CSV 或 Excel），同一 requestId 重试返回同一任务',
  }),
  step: returns<ExportStepView>()({
    input: z.object({ jobId: id }).strict(),
    roles: ['admin'],
    summary: '导出向前推进一段（最多 5000 行）；完成时合成文件并返回下载链接。失败后再次调用即从断点继续',
  }),
  job: returns<ExportJobView>()({
    input: z.object({ jobId: id }).strict(),
    roles: ['admin'],
    summary: '查看一次导出的进度',
  }),
}

export const EXPORTS_ERRORS = {
  'EXPORTS.NOT_FOUND': '导出任务不存在',
  'EXPORTS.FILTER_NOT_ALLOWED': '该类导出不支持筛选条件',
  'EXPORTS.BAD_RANGE': '结束时间须晚于开始时间',
  'EXPORTS.RANGE_TOO_LONG': '时间范围不能超过 366 天',
  'EXPORTS.REQUEST_REUSED': '该请求编号已用于另一项导出',
} as const

export type ExportsErrorCode = keyof typeof EXPORTS_ERRORS
