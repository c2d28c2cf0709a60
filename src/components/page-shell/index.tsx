import { type ReactNode, useEffect, useRef } from 'react'
import { View } from '@tarojs/components'
import { DevIdentitySwitch } from '@/components/dev-identity'
import { OfflineBanner } from '@/components/offline-banner'
import { PrivacyPopup } from '@/components/privacy-popup'
import { useSettings } from '@/lib/settings'

export interface PageShellProps {
  children: ReactNode
  /** pad the content and leave room above the tab bar; off for pages that draw edge to edge */
  padded?: boolean
  className?: string
}

/**
 * H5 only: what Taro's own page frame lacks for a screen reader or a keyboard. The page's scroller
 * (`.taro_page`) is the page's `main` landmark and takes focus, so it scrolls by keyboard (a
 * focusable scroller outside every landmark would itself be content outside them); the tab bar
 * says it is the navigation.
 */
function useH5Landmarks(root: { current: unknown }): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    const element = root.current
    if (!(element instanceof HTMLElement)) return
    const page = element.closest('.taro_page')
    if (page && !page.hasAttribute('role')) {
      page.setAttribute('role', 'main')
      page.setAttribute('tabindex', '0')
    }
    const tabBar = document.querySelector('.weui-tabbar')
    if (tabBar && !tabBar.hasAttribute('role')) {
      tabBar.setAttribute('role', 'navigation')
      tabBar.setAttribute('aria-label', '主导航')
    }
  }, [root])
}

/**
 * The root of every page. It carries what every page must honour from the start: the font scale
 * of large-text mode (`--wm-font-scale`, read by our sizes and NutUI's), the offline message, the
 * privacy popup (mini-program) and the dev identity switch (H5 local mode).
 */
export function PageShell({ children, padded = true, className }: PageShellProps) {
  const { largeText } = useSettings()
  const root = useRef(null)
  useH5Landmarks(root)
  const classes = ['wm-shell', largeText ? 'wm-shell--large' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes} data-large-text={largeText ? 'on' : 'off'} ref={root}>
      <OfflineBanner />
      <View className={padded ? 'wm-shell__body' : undefined}>{children}</View>
      {process.env.TARO_ENV === 'weapp' ? <PrivacyPopup /> : null}
      {process.env.TARO_ENV === 'h5' ? <DevIdentitySwitch /> : null}
    </View>
  )
}
