import { REPORT_ERRORS, type ReportErrorCode } from '@/shared/contract'
import { fail, type Fail } from '@/shared/errors'

export const reportFail = (code: ReportErrorCode, message: string = REPORT_ERRORS[code]): Fail => fail(code, message)

/** Calendar day in Asia/Shanghai (UTC+8, no daylight saving): the daily limit resets at local midnight. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + 8 * 60 * 60 * 1000).toISOString().slice(0, 10).replace(/-/g, '')
}
