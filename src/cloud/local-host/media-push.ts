import type { CloudFunction } from '../runtime/define-function'
import type { LocalPlatform } from '../platform/local'

/**
 * What the cloud console's 消息推送 does with WeChat's `wxa_media_check` events: hands each one,
 * with no caller, to the function that takes media-check pushes. Locally the verdicts were made
 * when the checks were asked (the stand-in's keyword rule); the local host delivers them every
 * couple of seconds, as a stand-in for WeChat's delay, and tests deliver them when they choose.
 */
export async function deliverMediaChecks(platform: LocalPlatform, functions: Readonly<Record<string, CloudFunction>>): Promise<number> {
  const pushes = platform.openApi.takeMediaCheckPushes()
  const takers = Object.values(functions).filter((fn) => fn.pushes.mediaCheck)
  for (const push of pushes) for (const fn of takers) await fn.invoke(push, platform, null)
  return pushes.length
}
