/**
 * 订阅进度通知 at the submit tap. The asker is `askConsent(purposes)` in src/lib/subscribe.ts, but
 * importing it here brings src/shared/notify.ts whole into the MAIN package (≈ 6.3 KB: 453 KB
 * against the 450 KB budget), so the form's tap goes through this wrapper, which asks nothing
 * until subscribe.ts can be imported without the notify tables; then its body becomes
 * `return askConsent(['reportAccepted', 'reportRejected', 'reportResolved'])`.
 * The confirmation screen (a subpackage) asks through askConsent itself.
 */
export function askSubmitConsent(): Promise<boolean> {
  return Promise.resolve(false)
}
