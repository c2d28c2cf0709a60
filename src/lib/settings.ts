import type { MeView, UserSettings } from '@/shared/contract'
import type { Result } from '@/shared/errors'
import { callCloud } from './call-cloud'
import { createStore, useStore } from './store'
import { isRecord, readStored, writeStored } from './storage'

/**
 * Device-side settings, honoured by every page from the first frame (read from storage before the
 * server answers) and kept in step with `me.settings` on the server.
 *
 * Sync rule: the last change made on this device wins. A change that could not reach the server
 * stays `unsynced` and is pushed the next time `me` loads, instead of being overwritten by the
 * server's older value.
 */
export interface DeviceSettings extends UserSettings {
  unsynced: boolean
}

const STORAGE_KEY = 'settings'
/** 适老化: how much larger every font gets in large-text mode */
export const LARGE_TEXT_SCALE = 1.3

function isDeviceSettings(value: unknown): value is DeviceSettings {
  return isRecord(value) && typeof value.largeText === 'boolean' && typeof value.unsynced === 'boolean'
}

export const settingsStore = createStore<DeviceSettings>(
  readStored(STORAGE_KEY, isDeviceSettings) ?? { largeText: false, unsynced: false },
)

function saveSettings(next: DeviceSettings): void {
  settingsStore.set(next)
  writeStored(STORAGE_KEY, next)
}

export function useSettings(): DeviceSettings {
  return useStore(settingsStore)
}

async function pushLargeText(largeText: boolean): Promise<Result<MeView>> {
  const result = await callCloud('user', 'updateProfile', { settings: { largeText } })
  // a later toggle may have happened while this call was in flight; only the latest value counts
  if (result.ok && settingsStore.get().largeText === largeText) saveSettings({ largeText, unsynced: false })
  return result
}

/** Applies at once on this device; the server copy follows. A failed sync keeps the local choice. */
export function setLargeText(largeText: boolean): Promise<Result<MeView>> {
  saveSettings({ largeText, unsynced: true })
  return pushLargeText(largeText)
}

/** Called with `me.settings` whenever the profile loads. */
export function reconcileWithServer(server: UserSettings): Promise<Result<MeView>> | null {
  const local = settingsStore.get()
  if (local.unsynced) {
    if (local.largeText !== server.largeText) return pushLargeText(local.largeText)
    saveSettings({ ...local, unsynced: false })
    return null
  }
  if (local.largeText !== server.largeText) saveSettings({ largeText: server.largeText, unsynced: false })
  return null
}
