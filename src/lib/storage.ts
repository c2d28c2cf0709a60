import Taro from '@tarojs/taro'

/**
 * Taro storage with our key prefix. Reads never throw: a full or corrupt storage must not stop a
 * page from rendering, it only costs the user a remembered preference.
 */
const PREFIX = 'wm:'

export function readStored<T>(key: string, isValid: (value: unknown) => value is T): T | undefined {
  try {
    const value: unknown = Taro.getStorageSync(PREFIX + key)
    return isValid(value) ? value : undefined
  } catch {
    return undefined
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(PREFIX + key, value)
  } catch {
    // storage full or unavailable: the value still lives in memory for this session
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
