import Taro from '@tarojs/taro'
import { addLeadingSlash, eventCenter, stripBasename } from '@tarojs/runtime'

/**
 * The H5 build's tab bar, in place of Taro's `@tarojs/router/dist/tabbar.js` (swapped in by
 * config/index.ts). Taro's bar is a Stencil web component: it brought the whole Stencil runtime
 * (~14 KB gzipped) into the first load of every page a resident opens from a poster, for four
 * links. This is the same bar in plain DOM, driven by the same router events: the router announces
 * every page change (`__taroRouterChange`), `Taro.switchTab` goes through the router's history, and
 * `Taro.showTabBar` / `hideTabBar` announce themselves. Badges and per-item restyling are not used
 * by the app and are not drawn. Pinned to Taro 4.2.1's router: re-check it on a Taro upgrade.
 */

interface TabItem {
  pagePath: string
  text: string
  iconPath?: string
  selectedIconPath?: string
}

interface TabBarConfig {
  list: TabItem[]
  color?: string
  selectedColor?: string
  backgroundColor?: string
  borderStyle?: 'black' | 'white'
  custom?: boolean
}

interface RouterAppConfig {
  tabBar?: TabBarConfig
  pages?: string[]
  entryPagePath?: string
  router?: { mode?: string; basename?: string }
}

interface RouterChange {
  toLocation?: { path?: string }
}

// The router draws its navigation bar (24 px of icons) before its own style hides it: hidden
// unless shown, so the page does not jump up once loaded (Lighthouse counted it as layout shift).
const STYLE = `
#taro-navigation-bar:not(.taro-navigation-bar-show){display:none}
:root{--taro-tabbar-height:56px}
#app{height:100%}
.taro-tabbar__container{display:flex;flex-direction:column;height:100%;overflow:hidden}
.taro-tabbar__panel{position:relative;flex:1;overflow:auto}
.wm-tabbar{position:relative;z-index:500;display:flex;width:100%;height:var(--taro-tabbar-height);
  padding-bottom:env(safe-area-inset-bottom);box-sizing:content-box;border-top:1px solid rgba(0,0,0,.12)}
.wm-tabbar--white{border-top-color:#fff}
.wm-tabbar--hidden{display:none}
.wm-tabbar .weui-tabbar__item{flex:1;cursor:pointer;display:flex;flex-direction:column;align-items:center;justify-content:center;
  min-height:44px;text-decoration:none;-webkit-tap-highlight-color:transparent}
.wm-tabbar .weui-tabbar__icon{width:26px;height:26px}
.wm-tabbar .weui-tabbar__label{margin:2px 0 0;font-size:11px;line-height:1.3}
`

function samePath(a: string, b: string): boolean {
  return a.split('?')[0] === b.split('?')[0]
}

export function initTabbar(config: RouterAppConfig, history: { location: { pathname: string } }): void {
  const tabBar = config.tabBar
  if (!tabBar || tabBar.custom) return
  const homePage = addLeadingSlash(config.entryPagePath ?? config.pages?.[0] ?? '')
  const basename = config.router?.basename ?? '/'
  const items = tabBar.list.map((item) => ({ ...item, pagePath: addLeadingSlash(item.pagePath) }))

  const style = document.createElement('style')
  style.textContent = STYLE
  document.head.appendChild(style)

  const bar = document.createElement('nav')
  bar.className = `wm-tabbar${tabBar.borderStyle === 'white' ? ' wm-tabbar--white' : ''}`
  bar.setAttribute('aria-label', '主导航')
  bar.style.backgroundColor = tabBar.backgroundColor ?? '#fff'

  const links = items.map((item) => {
    // no `javascript:` href: the host's content security policy forbids script URLs
    const link = document.createElement('a')
    link.className = 'weui-tabbar__item'
    link.setAttribute('role', 'link')
    link.tabIndex = 0
    const icon = document.createElement('img')
    icon.className = 'weui-tabbar__icon'
    icon.alt = ''
    const label = document.createElement('p')
    label.className = 'weui-tabbar__label'
    label.textContent = item.text
    link.append(icon, label)
    const open = () => void Taro.switchTab({ url: item.pagePath })
    link.addEventListener('click', open)
    link.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') open()
    })
    bar.appendChild(link)
    return { link, icon, label }
  })

  let hiddenByApi = false
  let selected = -1
  const paint = () => {
    bar.classList.toggle('wm-tabbar--hidden', selected === -1 || hiddenByApi)
    items.forEach((item, index) => {
      const on = index === selected
      const { link, icon, label } = links[index]
      link.classList.toggle('weui-bar__item_on', on)
      if (on) link.setAttribute('aria-current', 'page')
      else link.removeAttribute('aria-current')
      const src = (on ? item.selectedIconPath : item.iconPath) ?? ''
      if (icon.getAttribute('src') !== src) icon.setAttribute('src', src)
      label.style.color = (on ? tabBar.selectedColor : tabBar.color) ?? ''
    })
  }
  const select = (path: string) => {
    const current = path === '/' ? homePage : path
    selected = items.findIndex((item) => samePath(item.pagePath, current))
    paint()
  }

  eventCenter.on('__taroRouterChange', (change?: RouterChange) => {
    const to = change?.toLocation?.path
    if (typeof to === 'string') select(stripBasename(addLeadingSlash(to || homePage), basename) || '/')
  })
  eventCenter.on('__taroShowTabBar', ({ successHandler }: { successHandler: (res: { errMsg: string }) => void }) => {
    hiddenByApi = false
    paint()
    successHandler({ errMsg: 'showTabBar:ok' })
  })
  eventCenter.on('__taroHideTabBar', ({ successHandler }: { successHandler: (res: { errMsg: string }) => void }) => {
    hiddenByApi = true
    paint()
    successHandler({ errMsg: 'hideTabBar:ok' })
  })

  select(history.location.pathname === '/' ? homePage : history.location.pathname)
  document.getElementById('container')?.appendChild(bar)
}
