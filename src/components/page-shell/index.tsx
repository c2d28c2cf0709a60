import type { ReactNode } from 'react'
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
 * The root of every page. It carries what every page must honour from the start: the font scale
 * of large-text mode (`--wm-font-scale`, read by our sizes and NutUI's), the offline message, the
 * privacy popup (mini-program) and the dev identity switch (H5 local mode).
 */
export function PageShell({ children, padded = true, className }: PageShellProps) {
  const { largeText } = useSettings()
  const classes = ['wm-shell', largeText ? 'wm-shell--large' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes} data-large-text={largeText ? 'on' : 'off'}>
      <OfflineBanner />
      <View className={padded ? 'wm-shell__body' : undefined}>{children}</View>
      {process.env.TARO_ENV === 'weapp' ? <PrivacyPopup /> : null}
      {process.env.TARO_ENV === 'h5' ? <DevIdentitySwitch /> : null}
    </View>
  )
}
