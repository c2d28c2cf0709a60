import Taro from '@tarojs/taro'
import { flashNotice } from '@/lib/notice'
import { decodeScene, type Scene } from '@/shared/scene'

export const HOME_PATH = '/pages/home/index'
export const SHIFT_CHECK_IN_PATH = '/packages/volunteer/pages/checkin/index'
export const CLASS_JOIN_PATH = '/packages/family/pages/index/index'

export const ENTRY_MESSAGES = {
  missing: '没有读到二维码信息，已为您打开首页。您可以从首页进入各项服务。',
  unknown: (reason: string) => `没有识别出这个二维码（${reason}），已为您打开首页。您可以从首页进入各项服务。`,
  posterComingSoon: '这张公益广告的专属内容即将上线，先看看首页的文明实践吧。',
} as const

/** Home with a gentle word on top (switchTab cannot carry a query, so the notice travels aside). */
export function goHome(message: string | null): void {
  if (message) flashNotice(message)
  void Taro.switchTab({ url: HOME_PATH })
}

/** What the entry page will do with the raw `scene`: decoded with the shared codec. */
export type EntryDecision = { scene: Scene } | { scene: null; message: string }

export function decideEntry(rawScene: string | undefined): EntryDecision {
  if (!rawScene) return { scene: null, message: ENTRY_MESSAGES.missing }
  const decoded = decodeScene(rawScene)
  return decoded.ok ? { scene: decoded.scene } : { scene: null, message: ENTRY_MESSAGES.unknown(decoded.message) }
}

const query = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')

/**
 * Where a decoded scene leads. `redirectTo` replaces the entry page, so "back" never returns to a
 * page that would open the target again.
 */
export function openScene(scene: Scene): void {
  switch (scene.kind) {
    case 'poster':
      // posters arrive in a later release: the scan still lands somewhere useful
      return goHome(ENTRY_MESSAGES.posterComingSoon)
    case 'checkIn':
      void Taro.redirectTo({ url: `${SHIFT_CHECK_IN_PATH}?${query({ shiftId: scene.shiftId, token: scene.token })}` })
      return
    case 'classJoin':
      void Taro.redirectTo({ url: `${CLASS_JOIN_PATH}?${query({ joinCode: scene.joinCode })}` })
      return
  }
}
