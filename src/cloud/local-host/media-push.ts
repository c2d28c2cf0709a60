import type { CloudFunction } from '../runtime/define-function'
import type { LocalPlatform } from '../platform/local'

/**
 * What the cloud console's 消息推送 does with WeChat's `wxa_media_check` events: hands each one,
 * with no caller, to the function that takes media-check pushes. Locally the verdicts were made
 * when the checks were asked (the stand-in's keyword rule); the local host delivers each once it
 * is `olderThanMs` old, as a stand-in for WeChat's delay (the cloud's take seconds to 30 minutes),
 * and tests deliver them when they choose.
 */
export async function deliverMediaChecks(platform: LocalPlatform, functions: Readonly<Record<string, CloudFunction>>, olderThanMs = 0): Promise<number> {
  const pushes = platform.openApi.takeMediaCheckPushes(olderThanMs)
  const takers = Object.values(functions).filter((fn) => fn.pushes.mediaCheck)
  for (const push of pushes) for (const fn of takers) await fn.invoke(push, platform, null)
  return pushes.length
}
