import Taro from '@tarojs/taro'
import { callCloud } from '@/lib/call-cloud'
import { flashNotice } from '@/lib/notice'
import type { Scene } from '@/shared/scene'
import { HOME_PATH, posterRoute, sceneRoute, type Route } from './decide'

/** Home with a gentle word on top (switchTab cannot carry a query, so the notice travels aside). */
export function goHome(message: string | null): void {
  if (message) flashNotice(message)
  void Taro.switchTab({ url: HOME_PATH })
}

function follow(route: Route): void {
  if (route.go === 'home') return goHome(route.message)
  const opening = route.go === 'reLaunch' ? Taro.reLaunch({ url: route.url }) : Taro.redirectTo({ url: route.url })
  opening.catch(() => goHome('页面打开失败，已为您打开首页。'))
}

/** Opens what a decoded scene leads to; a poster first records the scan and learns its target. */
export async function openScene(scene: Scene): Promise<void> {
  if (scene.kind !== 'poster') return follow(sceneRoute(scene))
  follow(posterRoute(await callCloud('entry', 'scan', { posterId: scene.posterId })))
}
