import Taro from '@tarojs/taro'
import { createStore } from './store'

/**
 * WeChat's privacy authorization (隐私保护指引). When a privacy API (location, camera, phone
 * number, album…) is first used, WeChat holds the call and raises `onNeedPrivacyAuthorization`;
 * the mini-program must show its own popup and answer with the id of the agree button the user
 * tapped. The popup lives in `PageShell`, so whatever page is on screen can show it.
 */
type ResolvePrivacy = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void

export interface PrivacyRequest {
  /** the API or component that asked, e.g. `getLocation` */
  referrer: string
}

export const PRIVACY_AGREE_BUTTON_ID = 'wm-privacy-agree'

export const privacyRequestStore = createStore<PrivacyRequest | null>(null)
let pendingResolve: ResolvePrivacy | null = null

export function watchPrivacyAuthorization(): void {
  // only the mini-program has the API; the H5 build asks the browser for each permission itself
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve, eventInfo) => {
    // a second request while one is open: the first one is declined so its caller does not hang
    pendingResolve?.({ event: 'disagree' })
    pendingResolve = resolve
    privacyRequestStore.set({ referrer: eventInfo?.referrer ?? '' })
  })
}

/** The popup is on screen: WeChat wants to know it was shown before it accepts an answer. */
export function reportPrivacyPopupShown(): void {
  pendingResolve?.({ event: 'exposureAuthorization' })
}

export function answerPrivacyRequest(agreed: boolean): void {
  pendingResolve?.(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' })
  pendingResolve = null
  privacyRequestStore.set(null)
}

export function openPrivacyContract(): void {
  if (process.env.TARO_ENV === 'weapp' && typeof Taro.openPrivacyContract === 'function') Taro.openPrivacyContract()
}

/**
 * Call before using location, camera, album or phone-number APIs: resolves `true` once the user has
 * agreed (showing the popup if needed), `false` if they declined. Always `true` outside weapp.
 */
export function ensurePrivacyAuthorized(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve(true)
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
  })
}
