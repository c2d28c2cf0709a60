import Taro from '@tarojs/taro'
import { NOTIFY_LIMITS } from '@/shared/notify-limits'
import type { NotifyPurpose } from '@/shared/notify'
import { callCloud } from './call-cloud'
import { oncePerSession } from './once-per-session'

/**
 * 订阅消息 consent at the natural tap (submit, sign up, the confirmation screen). WeChat shows its
 * dialog only from inside a tap, and a network wait before the call can lose the tap; so the
 * template ids are fetched once per session ahead of time (`prepareConsent` on page show, or the
 * first ask), and `askConsent` goes straight to the dialog with what it has.
 *
 * It never throws and never holds the tap up for the server: the answer goes to notify.consent
 * in the background. Refusing, an old WeChat without the API, or the H5 build: nothing happens.
 */
const templateIds = oncePerSession(() => callCloud('notify', 'templateIds', {}))

let known: ReadonlyMap<NotifyPurpose, string> | null = null

/** Fetches the configured template ids for this session (a failure is retried on the next call). */
export async function prepareConsent(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || known) return
  try {
    const result = await templateIds()
    if (result.ok) known = new Map(result.data.items.map((t) => [t.purpose, t.templateId]))
  } catch {
    // offline: the next ask tries again
  }
}

type Answer = Record<string, string | undefined>

/**
 * Asks for the purposes' messages (WeChat shows at most three at once; purposes without a
 * configured template are left out). Resolves true when at least one was accepted.
 */
export async function askConsent(purposes: readonly NotifyPurpose[]): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.requestSubscribeMessage !== 'function') return false
  try {
    if (!known) await prepareConsent()
    const ids = known
    if (!ids) return false
    const asked = purposes.flatMap((purpose) => {
      const templateId = ids.get(purpose)
      return templateId ? [{ purpose, templateId }] : []
    }).slice(0, NOTIFY_LIMITS.grantsPerConsent)
    if (asked.length === 0) return false
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: asked.map((a) => a.templateId), entityIds: [] })) as unknown as Answer
    const grants = asked.map((a) => ({ ...a, accepted: answer[a.templateId] === 'accept' }))
    // the server counts credits; the tap does not wait for it
    void callCloud('notify', 'consent', { grants }).catch(() => undefined)
    return grants.some((g) => g.accepted)
  } catch {
    // declined, 「总是保持以上选择」 set to refuse, or the API failed: the tap goes ahead
    return false
  }
}
