import { EXPORTS_ERRORS, type ExportFormat, type ExportKind, type ExportStatus, type ExportsErrorCode, type ReportsFilter } from '@/shared/contract/exports'
import { fail, type Fail } from '@/shared/errors'

export const JOBS = 'export_jobs'

export type Cell = string | number

/**
 * One export job (`export_jobs`, _id derived from the office member's openid and the requestId so
 * a retried start finds the same job). The cursor and the part count are the job's whole progress:
 * a step reads from `cursor`, writes part number `parts`, and advances both in one conditional
 * update, so a step that failed anywhere before that update is simply done again.
 */
export interface ExportJobDoc {
  _id: string
  ownerOpenid: string
  requestId: string
  kind: ExportKind
  format: ExportFormat
  /** the report list's filter; null for the other kinds */
  filter: ReportsFilter | null
  /** the instant the export describes: the ledger's "overdue before" and the file's date */
  asOf: number
  status: ExportStatus
  /** where the next chunk starts; null before the first */
  cursor: string | null
  /** every row has been read into a part (the next step assembles the file) */
  exhausted: boolean
  /** the export stopped at maxRows with rows left */
  truncated: boolean
  parts: number
  /** the parts' fileIDs in order (≤ maxRows / chunkRows of them) */
  partIds: string[]
  rows: number
  expected: number
  steps: number
  fileID: string | null
  name: string | null
  createdAt: number
  updatedAt: number
  finishedAt: number | null
}

export const exportsFail = (code: ExportsErrorCode): Fail => fail(code, EXPORTS_ERRORS[code])
