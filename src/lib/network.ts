import Taro from '@tarojs/taro'
import { createStore } from './store'

/** Whether the device believes it is online; pages show a banner rather than a silent failure. */
export const networkStore = createStore<{ online: boolean }>({ online: true })

let watching = false

export function watchNetwork(): void {
  if (watching) return
  watching = true
  const setOnline = (online: boolean) => networkStore.set((prev) => (prev.online === online ? prev : { online }))
  if (process.env.TARO_ENV === 'h5') {
    if (typeof window === 'undefined') return
    setOnline(navigator.onLine)
    window.addEventListener('online', () => setOnline(true))
    window.addEventListener('offline', () => setOnline(false))
    return
  }
  Taro.getNetworkType({ success: (res) => setOnline(res.networkType !== 'none') })
  Taro.onNetworkStatusChange((res) => setOnline(res.isConnected))
}
