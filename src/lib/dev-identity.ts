import { createStore } from './store'
import { isRecord, readStored, writeStored } from './storage'

/**
 * The identity the H5 build signs in as against the local host (sent as `X-Dev-Openid`). Only the
 * local host honours it; the mini-program's identity always comes from WeChat.
 */
export interface DevIdentity {
  openid: string
  label: string
  roles: string[]
}

export const DEFAULT_DEV_OPENID = 'demo-resident'
const STORAGE_KEY = 'devOpenid'

const isOpenid = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value)

export const devOpenidStore = createStore<string>(readStored(STORAGE_KEY, isOpenid) ?? DEFAULT_DEV_OPENID)

export function currentDevOpenid(): string {
  return devOpenidStore.get()
}

export function switchDevIdentity(openid: string): void {
  if (!isOpenid(openid)) return
  writeStored(STORAGE_KEY, openid)
  devOpenidStore.set(openid)
}

function isDevIdentity(value: unknown): value is DevIdentity {
  return (
    isRecord(value) &&
    typeof value.openid === 'string' &&
    typeof value.label === 'string' &&
    Array.isArray(value.roles) &&
    value.roles.every((role) => typeof role === 'string')
  )
}

/**
 * The identities the local host offers, or `null` when it offers none (404: dev identities are
 * disabled) or cannot be reached — in both cases the switch stays hidden.
 */
export async function fetchDevIdentities(): Promise<DevIdentity[] | null> {
  if (process.env.TARO_ENV !== 'h5') return null
  try {
    const response = await fetch('/api/dev/identities', { headers: { Accept: 'application/json' } })
    if (!response.ok) return null
    const body: unknown = await response.json()
    if (!isRecord(body) || body.ok !== true || !Array.isArray(body.data)) return null
    return body.data.filter(isDevIdentity)
  } catch {
    return null
  }
}
