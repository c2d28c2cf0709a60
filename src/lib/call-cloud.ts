import Taro from '@tarojs/taro'
// Type-only: the schemas behind these types are zod code that must never reach the client bundle.
import type { ActionName, Contract, FunctionName, InputOf, OutputOf } from '@/shared/contract'
import type { Fail, Result } from '@/shared/errors'
import { currentDevOpenid } from './dev-identity'
import { networkStore } from './network'
import { isRecord } from './storage'

/** Failures the door itself produces, before or instead of a cloud function's own result. */
export const CALL_ERRORS = {
  'NETWORK.OFFLINE': '网络不可用，请检查网络后重试',
  'AUTH.NO_IDENTITY': '未获取到身份，请重新进入小程序',
  'CLOUD.UNAVAILABLE': '服务暂时不可用，请稍后重试',
} as const

export type CallErrorCode = keyof typeof CALL_ERRORS

export function callFailure(code: CallErrorCode): Fail {
  return { ok: false, code, message: CALL_ERRORS[code] }
}

/** A cloud function's answer must look like a Result; anything else is treated as unavailable. */
function asResult<T>(value: unknown): Result<T> {
  if (isRecord(value) && value.ok === true && 'data' in value) return value as unknown as Result<T>
  if (isRecord(value) && value.ok === false && typeof value.code === 'string' && typeof value.message === 'string') {
    return value as unknown as Fail
  }
  return callFailure('CLOUD.UNAVAILABLE')
}

/** WeChat reports a dropped or timed-out request only in `errMsg`. */
function isNetworkError(error: unknown): boolean {
  const errMsg = isRecord(error) && typeof error.errMsg === 'string' ? error.errMsg : String(error)
  return /network|timeout|timed out|offline|request:fail/i.test(errMsg)
}

async function callInMiniProgram(fn: string, action: string, data: unknown): Promise<unknown> {
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } })
    return res.result
  } catch (error) {
    return !networkStore.get().online || isNetworkError(error) ? callFailure('NETWORK.OFFLINE') : callFailure('CLOUD.UNAVAILABLE')
  }
}

async function callLocalHost(fn: string, action: string, data: unknown): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(`/api/cloud/${encodeURIComponent(fn)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-Openid': currentDevOpenid() },
      body: JSON.stringify({ action, data }),
    })
  } catch {
    // fetch rejects only when no response arrived at all
    return callFailure('NETWORK.OFFLINE')
  }
  if (response.status === 401) return callFailure('AUTH.NO_IDENTITY')
  try {
    return await response.json()
  } catch {
    return callFailure('CLOUD.UNAVAILABLE')
  }
}

/**
 * The one typed door to the backend. The mini-program reaches WeChat cloud functions; the H5 build
 * reaches the local host over HTTP. Callers see the same `Result` either way and never a thrown
 * error: a failure is a value with a code and a message fit to show.
 */
export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: InputOf<Contract[F][A]>,
): Promise<Result<OutputOf<Contract[F][A]>>> {
  const raw =
    process.env.TARO_ENV === 'weapp'
      ? await callInMiniProgram(fn, action, data)
      : await callLocalHost(fn, action, data)
  return asResult<OutputOf<Contract[F][A]>>(raw)
}
