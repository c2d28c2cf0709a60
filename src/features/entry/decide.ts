import type { ScanView } from '@/shared/contract'
import type { Result } from '@/shared/errors'
import { frontageUrl } from '@/shared/frontage-url'
import { decodeScene, type Scene } from '@/shared/scene'

/**
 * What the entry page does with a scan, decided without touching the page or the network, so it
 * can be tested on its own: decode the scene, then for a poster, turn the server's answer into
 * where to go and how.
 */
export const HOME_PATH = '/pages/home/index'
export const SHIFT_CHECK_IN_PATH = '/packages/volunteer/pages/checkin/index'
export const CLASS_JOIN_PATH = '/packages/family/pages/index/index'
/** with ?code= the certificate page shows the verification result (or 查无此证明 for a stale code) */
export const CERTIFICATE_CHECK_PATH = '/packages/volunteer/pages/certificate/index'
/** tab pages: reached by reLaunch (which, unlike switchTab, keeps the query, e.g. `poster`) */
export const TAB_PATHS = ['/pages/home/index', '/pages/report/index', '/pages/volunteer/index', '/pages/mine/index']

export const ENTRY_MESSAGES = {
  missing: '没有读到二维码信息，已为您打开首页。您可以从首页进入各项服务。',
  unknown: (reason: string) => `没有识别出这个二维码（${reason}），已为您打开首页。您可以从首页进入各项服务。`,
  posterUnreachable: (reason: string) => `暂时无法打开这张公益广告的内容（${reason}），已为您打开首页，稍后可以再扫一次。`,
} as const

/** What the entry page will do with the raw `scene`: decoded with the shared codec. */
export type EntryDecision = { scene: Scene } | { scene: null; message: string }

export function decideEntry(rawScene: string | undefined): EntryDecision {
  if (!rawScene) return { scene: null, message: ENTRY_MESSAGES.missing }
  const decoded = decodeScene(rawScene)
  return decoded.ok ? { scene: decoded.scene } : { scene: null, message: ENTRY_MESSAGES.unknown(decoded.message) }
}

export type Route = { go: 'reLaunch' | 'redirectTo'; url: string } | { go: 'home'; message: string }

const query = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')

/** `redirectTo` replaces the entry page, so "back" never returns to a page that would open the target again. */
export function routeTo(url: string): Route {
  return { go: TAB_PATHS.includes(url.split('?')[0]) ? 'reLaunch' : 'redirectTo', url }
}

/** Where a check-in, class-join, shop-door or certificate scene leads (they need no server call here: their pages do it). */
export function sceneRoute(scene: Exclude<Scene, { kind: 'poster' }>): Route {
  switch (scene.kind) {
    case 'checkIn':
      return routeTo(`${SHIFT_CHECK_IN_PATH}?${query({ shiftId: scene.shiftId, token: scene.token })}`)
    case 'classJoin':
      return routeTo(`${CLASS_JOIN_PATH}?${query({ joinCode: scene.joinCode })}`)
    case 'shopDoor':
      // 一店一码: the door page shows the shop's duties, stars and record, and reports at its frontage
      return routeTo(frontageUrl('door', { shopId: scene.shopId }))
    case 'certificate':
      return routeTo(`${CERTIFICATE_CHECK_PATH}?${query({ code: scene.code })}`)
  }
}

/**
 * A poster scan's answer → where to go. Unknown or retired posters (the server's ENTRY codes) and
 * an unreachable server all land on 首页 with a gentle word, never on an error page.
 */
export function posterRoute(result: Result<ScanView>): Route {
  if (result.ok) return routeTo(result.data.url)
  if (result.code.startsWith('ENTRY.')) return { go: 'home', message: result.message }
  return { go: 'home', message: ENTRY_MESSAGES.posterUnreachable(result.message) }
}
