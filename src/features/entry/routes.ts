import Taro from '@tarojs/taro'
import { flashNotice } from '@/lib/notice'
import type { SceneTarget } from './scene'

export const HOME_PATH = '/pages/home/index'
export const SHIFT_CHECK_IN_PATH = '/packages/volunteer/pages/checkin/index'
export const CLASS_JOIN_PATH = '/packages/family/pages/index/index'

export const ENTRY_MESSAGES = {
  unknown: '没有识别出这个二维码，已为您打开首页。您可以从首页进入各项服务。',
  posterComingSoon: '这张公益广告的专属内容即将上线，先看看首页的文明实践吧。',
} as const

/** Home with a gentle word on top (switchTab cannot carry a query, so the notice travels aside). */
export function goHome(message: string | null): void {
  if (message) flashNotice(message)
  void Taro.switchTab({ url: HOME_PATH })
}

/**
 * Where a decoded scene leads. `redirectTo` replaces the entry page, so "back" never returns to a
 * page that would open the target again.
 */
export function openSceneTarget(target: SceneTarget | null): void {
  if (!target) return goHome(ENTRY_MESSAGES.unknown)
  switch (target.kind) {
    case 'poster':
      // posters arrive in a later release: the scan still lands somewhere useful
      return goHome(ENTRY_MESSAGES.posterComingSoon)
    case 'shiftCheckIn':
      void Taro.redirectTo({ url: `${SHIFT_CHECK_IN_PATH}?code=${encodeURIComponent(target.code)}` })
      return
    case 'classJoin':
      void Taro.redirectTo({ url: `${CLASS_JOIN_PATH}?joinCode=${encodeURIComponent(target.code)}` })
      return
  }
}
