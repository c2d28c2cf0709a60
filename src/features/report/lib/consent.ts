import { askConsent, prepareConsent } from '@/lib/subscribe'

/**
 * 订阅进度通知 at the submit tap: WeChat shows its consent dialog only inside a tap, and the submit
 * is the moment a resident wants to hear back. At most three purposes fit one dialog: 受理, 不予受理
 * and 办结 — the ones that end a wait. The confirmation screen offers the rest.
 */
export function askSubmitConsent(): Promise<boolean> {
  return askConsent(['reportAccepted', 'reportRejected', 'reportResolved'])
}

/** Fetches the template ids ahead of the tap (once per session). */
export const prepareSubmitConsent = (): Promise<void> => prepareConsent()
