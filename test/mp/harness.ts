/**
 * Drives the COMPILED weapp output (`dist/`) in jsdom, the way Taro's own prerender does:
 * miniprogram-simulate's `wx` mock plus the few APIs the shell calls, `App()`/`Page()` captured,
 * page lifecycles run, and every `setData` payload applied to a data tree and measured.
 * (Taro pages are `Page()` over a generic template, so miniprogram-simulate cannot load them as
 * components; this is the recipe's taro-weapp-harness, typed.)
 */
import fs from 'node:fs'
import path from 'node:path'

export type Query = Record<string, string>

/** One node of Taro's render tree as the page's data holds it. */
export interface TaroNode {
  /** node name, e.g. `view`, `text`, `button`, or `#text` */
  nn?: string | number
  /** text value of a text node */
  v?: string
  /** children */
  cn?: TaroNode[]
  /** class names */
  cl?: string
  /** the `id` given in JSX */
  uid?: string
  sid?: string
  [prop: string]: unknown
}

interface PageData {
  root?: TaroNode
  [key: string]: unknown
}

interface WxEvent {
  type: string
  timeStamp: number
  target: { id: string; dataset: Record<string, string> }
  currentTarget: { id: string; dataset: Record<string, string> }
  detail: Record<string, unknown>
}

interface PageInstance {
  route: string
  __route__: string
  options: Query
  data: PageData
  setData(patch: Record<string, unknown>, callback?: () => void): void
}

interface PageConfig {
  data?: PageData
  onLoad?(this: PageInstance, query: Query): void
  onShow?(this: PageInstance): void
  onReady?(this: PageInstance): void
  onHide?(this: PageInstance): void
  onUnload?(this: PageInstance): void
  /** Taro binds every template event to this one handler */
  eh?(this: PageInstance, event: WxEvent): void
}

interface AppConfig {
  onLaunch?(this: AppConfig, options: { path: string; query: Query; scene: number }): void
  onShow?(this: AppConfig, options: { path: string; query: Query; scene: number }): void
}

export interface CloudCall {
  name: string
  action: string
  data: unknown
}

export interface Navigation {
  kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch'
  url: string
}

export type PrivacyResolve = (option: { event: string; buttonId?: string }) => void
type PrivacyListener = (resolve: PrivacyResolve, eventInfo: { referrer: string }) => void

export interface OpenedPage {
  route: string
  /** every setData payload, in order */
  updates: Array<Record<string, unknown>>
  tree(): TaroNode | undefined
  text(): string
  find(predicate: (node: TaroNode) => boolean): TaroNode | null
  fire(type: string, id: string, detail?: Record<string, unknown>): void
  tap(id: string): void
  /** let timers and promises run */
  flush(ms?: number): Promise<void>
  /** wait until `check` passes; fails naming `what` after `timeoutMs` (a limit, not a measurement) */
  until(check: () => boolean, what: string, timeoutMs?: number): Promise<void>
  /** wait until no setData arrives for a while: the page has finished its first render and fetches */
  settle(timeoutMs?: number): Promise<void>
}

export interface MiniProgram {
  appJson: AppJson
  openPage(route: string, query?: Query): OpenedPage
  cloudCalls: CloudCall[]
  navigations: Navigation[]
  /** console.error calls made while loading and rendering */
  errors: string[]
  storage: Map<string, unknown>
  /** raise WeChat's privacy authorization request, as a privacy API would */
  requestPrivacy(referrer: string): Promise<{ event: string; buttonId?: string }[]>
}

export interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; name?: string; pages: string[] }>
  tabBar?: { list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }> }
  __usePrivacyCheck__?: boolean
  [key: string]: unknown
}

export type CloudResponder = (call: CloudCall) => unknown

/** Taro's setData keys look like `root.cn.[0].cn.[2].v` or `root.cn[0]`. */
function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.replace(/\.\[/g, '[').replace(/\[(\d+)\]/g, '.$1').split('.')
  let cursor: Record<string, unknown> = target
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]
    if (cursor[part] === null || typeof cursor[part] !== 'object') cursor[part] = /^\d+$/.test(parts[i + 1]) ? [] : {}
    cursor = cursor[part] as Record<string, unknown>
  }
  cursor[parts[parts.length - 1]] = value
}

function collectText(node: TaroNode | undefined): string {
  if (!node) return ''
  const own = typeof node.v === 'string' ? node.v : ''
  return [own, ...(node.cn ?? []).map(collectText)].filter(Boolean).join(' ')
}

function findNode(node: TaroNode | undefined, predicate: (node: TaroNode) => boolean): TaroNode | null {
  if (!node) return null
  if (predicate(node)) return node
  for (const child of node.cn ?? []) {
    const found = findNode(child, predicate)
    if (found) return found
  }
  return null
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** UTF-8 bytes of a setData payload as it would cross to the view layer. */
export function payloadBytes(patch: Record<string, unknown>): number {
  return Buffer.byteLength(JSON.stringify(patch), 'utf8')
}

/** the compiled weapp under test: `dist/`, or WM_WEAPP_DIST when a second build folder is in use */
export const WEAPP_DIST = path.resolve(__dirname, '../..', process.env.WM_WEAPP_DIST ?? 'dist')

export function readAppJson(distDir: string): AppJson {
  return JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as AppJson
}

export function allPageRoutes(appJson: AppJson): string[] {
  const sub = (appJson.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))
  return [...appJson.pages, ...sub]
}

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void }

// Jest keeps one module registry per test file: app.js and the page chunks run once in it.
let loaded = false

/** Loads the compiled app; once per test file (split tests into files to get a fresh app). */
export function loadMiniProgram(distDir: string, respond: CloudResponder): MiniProgram {
  if (loaded) throw new Error('loadMiniProgram() runs once per test file: the compiled app cannot be loaded twice in one module registry')
  loaded = true
  if (!fs.existsSync(path.join(distDir, 'app.js'))) {
    throw new Error(`${distDir}/app.js is missing: run \`npm run build:weapp\` first`)
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulated = require('miniprogram-simulate/src/api') as Record<string, unknown>
  const cloudCalls: CloudCall[] = []
  const navigations: Navigation[] = []
  const errors: string[] = []
  const storage = new Map<string, unknown>()
  let privacyListener: PrivacyListener | null = null
  const pageConfigs: PageConfig[] = []
  const configByRoute = new Map<string, PageConfig>()
  const stack: PageInstance[] = []

  const tabRoutes = new Set((readAppJson(distDir).tabBar?.list ?? []).map((tab) => tab.pagePath))
  /** What WeChat does to the page stack: redirectTo replaces the top page, switchTab closes non-tab pages. */
  const unloadFor = (kind: Navigation['kind']) => {
    const closing =
      kind === 'redirectTo' ? stack.slice(-1) : kind === 'navigateTo' ? [] : stack.filter((page) => kind === 'reLaunch' || !tabRoutes.has(page.route))
    // after the caller's current handler returns, as on the device
    setTimeout(() => {
      for (const page of closing) {
        const index = stack.indexOf(page)
        if (index < 0) continue
        stack.splice(index, 1)
        const config = configByRoute.get(page.route)
        config?.onUnload?.call(page)
      }
    }, 0)
  }
  const navigate = (kind: Navigation['kind']) => (options: { url: string } & Callbacks) => {
    navigations.push({ kind, url: options.url })
    unloadFor(kind)
    options.success?.({ errMsg: `${kind}:ok` })
    options.complete?.({ errMsg: `${kind}:ok` })
    return Promise.resolve({ errMsg: `${kind}:ok` })
  }

  const wx: Record<string, unknown> = {
    ...simulated,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2, SDKVersion: '3.0.0' }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
    getAppBaseInfo: () => ({ SDKVersion: '3.0.0' }),
    getDeviceInfo: () => ({ platform: 'devtools' }),
    canIUse: () => true,
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => {
      storage.set(key, JSON.parse(JSON.stringify(value)))
    },
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    onNeedPrivacyAuthorization: (listener: PrivacyListener) => {
      privacyListener = listener
    },
    requirePrivacyAuthorize: (options: Callbacks) => options.success?.({ errMsg: 'requirePrivacyAuthorize:ok' }),
    openPrivacyContract: (options?: Callbacks) => options?.success?.({ errMsg: 'openPrivacyContract:ok' }),
    cloud: {
      DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
      init: () => undefined,
      callFunction: (options: { name: string; data: { action: string; data: unknown } } & Callbacks) => {
        const call = { name: options.name, action: options.data.action, data: options.data.data }
        cloudCalls.push(call)
        const res = { errMsg: 'cloud.callFunction:ok', result: respond(call) }
        return new Promise((resolve) => {
          setTimeout(() => {
            options.success?.(res)
            options.complete?.(res)
            resolve(res)
          }, 0)
        })
      },
    },
    createSelectorQuery() {
      const results: unknown[] = []
      const query = {
        in: () => query,
        select: () => node,
        selectAll: () => ({ boundingClientRect: () => (results.push([]), query) }),
        selectViewport: () => node,
        exec(callback?: (res: unknown[]) => void) {
          setTimeout(() => callback?.(results), 0)
          return query
        },
      }
      const node = {
        boundingClientRect: () => (results.push({ width: 100, height: 40, left: 0, top: 0, right: 100, bottom: 40 }), query),
        fields: () => (results.push({}), query),
        scrollOffset: () => (results.push({ scrollLeft: 0, scrollTop: 0 }), query),
        node: () => (results.push({}), query),
      }
      return query
    },
  }

  let appConfig: AppConfig | null = null
  const realConsoleError = console.error
  console.error = (...args: unknown[]) => {
    errors.push(args.map(String).join(' '))
  }
  Object.assign(globalThis, {
    wx,
    App: (config: AppConfig) => {
      appConfig = config
    },
    Page: (config: PageConfig) => {
      pageConfigs.push(config)
    },
    Component: (config: unknown) => config,
    requirePlugin: () => ({}),
    __wxConfig: {},
    getCurrentPages: () => stack,
    getApp: () => appConfig,
  })

  try {
    // the compiled app is CommonJS written for WeChat's loader: it can only be required
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(distDir, 'app.js'))
  } finally {
    console.error = realConsoleError
  }
  const app = appConfig as AppConfig | null
  if (!app) throw new Error('dist/app.js did not call App()')
  const launch = { path: 'pages/home/index', query: {}, scene: 1001 }
  app.onLaunch?.call(app, launch)
  app.onShow?.call(app, launch)

  function openPage(route: string, query: Query = {}): OpenedPage {
    // a page's code runs once and registers its config; every open makes a new instance of it
    if (!configByRoute.has(route)) {
      const before = pageConfigs.length
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(path.join(distDir, `${route}.js`))
      const registered = pageConfigs[before]
      if (!registered) throw new Error(`${route}.js did not call Page()`)
      configByRoute.set(route, registered)
    }
    const config = configByRoute.get(route) as PageConfig
    const updates: Array<Record<string, unknown>> = []
    const instance: PageInstance = Object.assign(Object.create(config) as PageConfig, {
      route,
      __route__: route,
      options: query,
      data: JSON.parse(JSON.stringify(config.data ?? {})) as PageData,
      setData(this: PageInstance, patch: Record<string, unknown>, callback?: () => void) {
        updates.push(patch)
        for (const key of Object.keys(patch)) setPath(this.data, key, patch[key])
        if (callback) setTimeout(callback, 0)
      },
      selectComponent: () => null,
      createSelectorQuery: () => (wx.createSelectorQuery as () => unknown)(),
    })
    // the page underneath is hidden, as on the device (tab pages stay alive behind it)
    const underneath = stack.at(-1)
    if (underneath) configByRoute.get(underneath.route)?.onHide?.call(underneath)
    stack.push(instance)
    const guarded = (run: () => void) => {
      const previous = console.error
      console.error = (...args: unknown[]) => {
        errors.push(`${route}: ${args.map(String).join(' ')}`)
      }
      try {
        run()
      } finally {
        console.error = previous
      }
    }
    guarded(() => {
      config.onLoad?.call(instance, query)
      config.onShow?.call(instance)
      config.onReady?.call(instance)
    })
    const fire = (type: string, id: string, detail: Record<string, unknown> = {}) => {
      const target = { id, dataset: {} }
      guarded(() => config.eh?.call(instance, { type, timeStamp: Date.now(), target, currentTarget: target, detail }))
    }
    return {
      route,
      updates,
      tree: () => instance.data.root,
      text: () => collectText(instance.data.root),
      find: (predicate) => findNode(instance.data.root, predicate),
      fire,
      tap: (id) => fire('tap', id),
      async flush(ms = 50) {
        const previous = console.error
        console.error = (...args: unknown[]) => {
          errors.push(`${route}: ${args.map(String).join(' ')}`)
        }
        try {
          await wait(ms)
        } finally {
          console.error = previous
        }
      },
      async until(check, what, timeoutMs = 10_000) {
        // Polls instead of sleeping a fixed time: a loaded CI machine only makes this slower, never red.
        for (let waited = 0; !check(); waited += 10) {
          if (waited >= timeoutMs) throw new Error(`${route}: timed out waiting for ${what}`)
          await this.flush(10)
        }
      },
      async settle(timeoutMs = 10_000) {
        let quietPolls = 0
        let seen = this.updates.length
        for (let waited = 0; quietPolls < 10 && waited < timeoutMs; waited += 20) {
          await this.flush(20)
          quietPolls = this.updates.length === seen ? quietPolls + 1 : 0
          seen = this.updates.length
        }
      },
    }
  }

  async function requestPrivacy(referrer: string) {
    const answers: { event: string; buttonId?: string }[] = []
    if (!privacyListener) throw new Error('the app did not register onNeedPrivacyAuthorization')
    privacyListener((option) => answers.push(option), { referrer })
    await wait(20)
    return answers
  }

  return { appJson: readAppJson(distDir), openPage, cloudCalls, navigations, errors, storage, requestPrivacy }
}
