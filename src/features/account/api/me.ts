import { useEffect } from 'react'
import type { MeView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import type { Role } from '@/shared/roles'
import { callCloud } from '@/lib/call-cloud'
import { devOpenidStore } from '@/lib/dev-identity'
import { reconcileWithServer, setLargeText } from '@/lib/settings'
import { createStore, useStore } from '@/lib/store'

/**
 * The signed-in person as the server sees them (`user.me`), shared by 首页 (which workbenches to
 * show) and 我的 (the profile). The last good profile stays visible while a reload is in flight or
 * has failed, so a flaky network never blanks the page.
 */
export type MeState =
  | { status: 'loading'; me: MeView | null }
  | { status: 'ready'; me: MeView }
  | { status: 'error'; me: MeView | null; error: Fail }

export const meStore = createStore<MeState>({ status: 'loading', me: null })

let started = false
// only the answer to the latest request may land: an identity switch makes older ones stale
let latestRequest = 0

export async function loadMe(): Promise<void> {
  started = true
  const request = ++latestRequest
  meStore.set((prev) => ({ status: 'loading', me: prev.me }))
  const result = await callCloud('user', 'me', {})
  if (request !== latestRequest) return
  if (!result.ok) {
    meStore.set((prev) => ({ status: 'error', me: prev.me, error: result }))
    return
  }
  meStore.set({ status: 'ready', me: result.data })
  const push = reconcileWithServer(result.data.settings)
  const pushed = push ? await push : null
  if (pushed?.ok && request === latestRequest) meStore.set({ status: 'ready', me: pushed.data })
}

/** Reads the profile, fetching it the first time any page asks. */
export function useMe(): MeState {
  const state = useStore(meStore)
  useEffect(() => {
    if (!started) void loadMe()
  }, [])
  return state
}

// switching the dev identity (H5 local mode) means a different person: forget the old profile
devOpenidStore.subscribe(() => {
  latestRequest++
  meStore.set({ status: 'loading', me: null })
  void loadMe()
})

/** Turns large-text mode on or off here at once, then on the account; the outcome for a toast. */
export async function toggleLargeText(largeText: boolean): Promise<{ synced: boolean; message?: string }> {
  const result = await setLargeText(largeText)
  if (!result.ok) return { synced: false, message: result.message }
  meStore.set({ status: 'ready', me: result.data })
  return { synced: true }
}

/** Every caller is a resident; granted roles come on top. */
export function rolesOf(me: MeView | null): Role[] {
  if (!me) return ['resident']
  const granted = me.roles.map((grant) => grant.role)
  const roles: Role[] = ['resident', ...granted]
  if (me.isAdmin && !roles.includes('admin')) roles.push('admin')
  return Array.from(new Set(roles))
}
