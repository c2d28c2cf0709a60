import Taro from '@tarojs/taro'

/** The tab bar pages: they can only be reached with `switchTab`, and without a query. */
export const TAB_PATHS = ['/pages/home/index', '/pages/report/index', '/pages/volunteer/index', '/pages/mine/index'] as const

/** Opens an app page whether it is a tab or not; a failure gets a word instead of silence. */
export function openPage(url: string): void {
  const path = url.split('?')[0]
  const isTab = (TAB_PATHS as readonly string[]).includes(path)
  const opening = isTab ? Taro.switchTab({ url: path }) : Taro.navigateTo({ url })
  opening.catch(() => {
    void Taro.showToast({ icon: 'none', title: '页面打开失败，请稍后再试' })
  })
}
