import type { MeView } from '@/shared/contract'
import type { CloudCall, TaroNode } from './harness'

/** The person the canned cloud answers `user.me` with: a grid worker with some points. */
export const CANNED_ME: MeView = {
  userId: 'canned-resident',
  nickname: '测试居民老李',
  roles: [{ role: 'grid', scopeId: 'grid-1' }],
  isAdmin: false,
  points: 36,
  settings: { largeText: false },
  createdAt: Date.UTC(2025, 0, 1),
}

/** The canned cloud: `user.me` answers with CANNED_ME; `updateProfile` applies the settings patch; the square is empty. */
export function respond(call: CloudCall): unknown {
  if (call.name === 'user' && call.action === 'me') return { ok: true, data: CANNED_ME }
  if (call.name === 'user' && call.action === 'updateProfile') {
    const patch = (call.data as { settings?: Partial<MeView['settings']> }).settings ?? {}
    return { ok: true, data: { ...CANNED_ME, settings: { ...CANNED_ME.settings, ...patch } } }
  }
  if (call.name === 'report' && call.action === 'feed') return { ok: true, data: { items: [], next: null } }
  return { ok: false, code: 'ACTION.UNKNOWN', message: '不支持的操作' }
}

export const hasClass = (name: string) => (node: TaroNode) => (node.cl ?? '').split(/\s+/).includes(name)
