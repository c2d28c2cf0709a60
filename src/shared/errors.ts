/**
 * Every result of every cloud action has one of two shapes. Expected failures are values with a
 * stable `AREA.REASON` code and a Chinese message the client can show as is; only bugs throw, and
 * the runtime turns those into `INTERNAL` without leaking the stack.
 */
export interface Ok<T> {
  ok: true
  data: T
}

export interface Fail {
  ok: false
  code: string
  message: string
  /** field-level problems for invalid input: dotted path → message */
  issues?: Array<{ path: string; message: string }>
}

export type Result<T> = Ok<T> | Fail

/** Codes every function can return, whatever its area. */
export const COMMON_ERRORS = {
  'ACTION.UNKNOWN': '不支持的操作',
  'INPUT.INVALID': '提交的内容不符合要求',
  'AUTH.NO_IDENTITY': '未获取到身份，请重新进入小程序',
  'AUTH.FORBIDDEN': '您没有执行此操作的权限',
  'EVENT.MALFORMED': '请求格式不正确',
  INTERNAL: '系统繁忙，请稍后再试',
} as const

export type CommonErrorCode = keyof typeof COMMON_ERRORS

export function ok<T>(data: T): Ok<T> {
  return { ok: true, data }
}

export function fail(code: string, message: string, issues?: Fail['issues']): Fail {
  return issues ? { ok: false, code, message, issues } : { ok: false, code, message }
}

export function failCommon(code: CommonErrorCode, issues?: Fail['issues']): Fail {
  return fail(code, COMMON_ERRORS[code], issues)
}
