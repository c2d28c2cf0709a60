/**
 * Browser tests of the H5 build against the real local host (`npm run test:e2e [journey…]`).
 *
 * Each journey — the built-in `shell` check below, then every `test/browser/journeys/<area>.ts` —
 * gets its own local host (`src/cloud/local-host/main.ts`) on a free port over a fresh DATA_DIR
 * seeded with demo data, and a fresh phone-sized chromium context (375×740, touch). A journey
 * fails by throwing, or by leaving console errors behind. Screenshots go to
 * test-results/screens/<journey>-<name>.png. Exits non-zero naming each failed journey and step.
 *
 * Needs `dist-h5/` (or `$WM_H5_DIST/`; built here if missing) and Debian chromium at /usr/bin/chromium (or
 * CHROMIUM_PATH). Install fonts-noto-cjk for readable screenshots; the checks do not need it.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { startHostProcess } from '../support/host-process'
import type { BrowserTest } from './types'
import { visible } from './locate'

const ROOT = path.resolve(__dirname, '../..')
/** WM_H5_DIST: test a second H5 build folder (`WM_H5_DIST=dist-h5-host npm run build:h5`), as config/index.ts builds it */
const DIST_H5 = path.join(ROOT, process.env.WM_H5_DIST ?? 'dist-h5')
const JOURNEYS_DIR = path.join(__dirname, 'journeys')
const SCREENS = path.join(ROOT, 'test-results/screens')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const STEP_TIMEOUT_MS = 15_000
/** the key `src/lib/dev-identity.ts` keeps the chosen identity under, in Taro H5's storage format */
const DEV_OPENID_STORAGE_KEY = 'wm:devOpenid'

type Journey = (t: BrowserTest & { step(name: string): void }) => Promise<void>
type CallResult = Awaited<ReturnType<BrowserTest['call']>>

interface MeData {
  nickname: string
  settings: { largeText: boolean }
}

/**
 * Taro 4.2.1's H5 `<Input>` (taro-input-core) reads `this.inputRef.value` in its value watcher, and
 * the watcher can fire after the component has loaded but before its first render has created
 * `inputRef`, when React changes the value in that window. The render then applies the value
 * anyway, so nothing is lost for the user; seen once in six CI runs (handbook journey). Only this
 * exact signature is excused.
 */
function isKnownTaroInputRace(text: string): boolean {
  return text.includes("Cannot read properties of undefined (reading 'value')") && text.includes('watchValue')
}

function ensureH5Build(): void {
  if (fs.existsSync(path.join(DIST_H5, 'index.html'))) return
  console.info(`${path.relative(ROOT, DIST_H5)}/ is missing: running npm run build:h5`)
  const build = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('npm run build:h5 failed')
}

async function callAs(baseUrl: string, fn: string, action: string, data: unknown, openid: string): Promise<CallResult> {
  const response = await fetch(`${baseUrl}/api/cloud/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Dev-Openid': openid },
    body: JSON.stringify({ action, data }),
  })
  return (await response.json()) as CallResult
}

/** Tab pages stay mounted behind the current one; only the visible copy of an element counts. */

const fontSizeOf = (locator: Locator): Promise<number> =>
  locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))

/** Waits until the visible copy of `selector` has a font size that satisfies `accept`. */
async function waitForFontSize(page: Page, selector: string, accept: { above?: number; near?: number }): Promise<void> {
  await page.waitForFunction(
    ([css, above, near]) => {
      const element = Array.from(document.querySelectorAll(css)).find((e) => (e as HTMLElement).offsetParent !== null)
      if (!element) return false
      const size = parseFloat(getComputedStyle(element).fontSize)
      return above !== null ? size > above : near !== null && Math.abs(size - near) < 0.5
    },
    [selector, accept.above ?? null, accept.near ?? null] as const,
  )
}

/**
 * The shell itself: it loads with no console errors, tabs switch, a cloud call's result shows in
 * 我的, the dev identity switch changes who is signed in, large-text mode enlarges the text, and
 * going offline is said in words with a retry that recovers.
 */
const shellJourney: Journey = async (t) => {
  const { page, context } = t
  const me = async (openid: string): Promise<MeData> => {
    const result = await t.call('user', 'me', {}, openid)
    if (!result.ok) throw new Error(`user.me for ${openid} failed: ${result.code} ${result.message}`)
    return result.data as MeData
  }
  const openTab = (label: string) => page.locator('.weui-tabbar__label', { hasText: label }).tap()

  t.step('the shell loads on 首页')
  await t.open('pages/home/index')
  await visible(page, '.wm-hero').waitFor()
  await visible(page, '#wm-entry-report').waitFor()
  const resident = await me('demo-resident')
  await page.getByText(`您好，${resident.nickname}`).waitFor()
  await t.shot('home-resident')

  t.step('tabs switch: 随手拍')
  await openTab('随手拍')
  await visible(page, '#wm-report-start').waitFor()
  await t.shot('report-tab')

  t.step('tabs switch: 志愿')
  await openTab('志愿')
  await visible(page, '#wm-volunteer-checkin').waitFor()
  await t.shot('volunteer-tab')

  t.step('我的 shows the nickname returned by user.me')
  await openTab('我的')
  await visible(page, '#wm-profile-nickname').filter({ hasText: resident.nickname }).waitFor()
  await t.shot('mine-resident')

  t.step('the dev identity switch signs in as 文明办')
  await visible(page, '#wm-dev-identity-toggle').tap()
  await visible(page, '#wm-dev-identity-demo-admin').waitFor()
  await t.shot('dev-identity-panel')
  await visible(page, '#wm-dev-identity-demo-admin').tap()
  const admin = await me('demo-admin')
  await visible(page, '#wm-profile-roles').filter({ hasText: '文明办' }).waitFor()
  const nickname = await visible(page, '#wm-profile-nickname').textContent()
  if (nickname !== admin.nickname) throw new Error(`我的 shows "${nickname}" after switching, expected "${admin.nickname}"`)
  await t.shot('mine-admin')

  t.step('首页 shows the office workbench to 文明办')
  await openTab('首页')
  await visible(page, '#wm-workbench-office').waitFor()
  await t.shot('home-admin')
  const normalTile = await fontSizeOf(visible(page, '.wm-entry-grid__title'))

  t.step('large-text mode enlarges the text on every page and is saved to the account')
  await openTab('我的')
  const normal = await fontSizeOf(visible(page, '.wm-large-text__title'))
  await visible(page, '#wm-large-text').tap()
  await waitForFontSize(page, '.wm-large-text__title', { above: normal * 1.2 })
  const large = await fontSizeOf(visible(page, '.wm-large-text__title'))
  await t.shot('mine-large-text')
  await openTab('首页')
  const largeTile = await fontSizeOf(visible(page, '.wm-entry-grid__title'))
  if (!(largeTile > normalTile * 1.2)) throw new Error(`首页 tile title ${normalTile}px → ${largeTile}px: not enlarged`)
  await t.shot('home-large-text')
  if (!(await me('demo-admin')).settings.largeText) throw new Error('large text was switched on but user.me still says largeText: false')
  console.info(`  large text: 我的 title ${normal}px → ${large}px; 首页 tile title ${normalTile}px → ${largeTile}px`)

  t.step('large-text mode switches off again')
  await openTab('我的')
  await visible(page, '#wm-large-text').tap()
  await waitForFontSize(page, '.wm-large-text__title', { near: normal })

  t.step('offline: the banner says so, a failed load offers 重试, and 重试 recovers')
  await context.setOffline(true)
  await visible(page, '.wm-offline').waitFor()
  // a different person while offline: 我的 cannot load them and says why
  await visible(page, '#wm-dev-identity-toggle').tap()
  await visible(page, '#wm-dev-identity-demo-grid').tap()
  await visible(page, '.wm-state--error').filter({ hasText: '网络不可用' }).waitFor()
  await t.shot('mine-offline-error')
  await context.setOffline(false)
  // chromium logs every request refused while the context was held offline on purpose
  t.errors.splice(0, t.errors.length, ...t.errors.filter((error) => !error.includes('ERR_INTERNET_DISCONNECTED')))
  await visible(page, '.wm-offline').waitFor({ state: 'detached' })
  await visible(page, '.wm-state--error .nut-button').tap()
  const grid = await me('demo-grid')
  await visible(page, '#wm-profile-nickname').filter({ hasText: grid.nickname }).waitFor()
  await visible(page, '#wm-profile-roles').filter({ hasText: '网格员' }).waitFor()

  t.step('signInAs and open reach a subpackage page as another role')
  await t.signInAs('demo-handler')
  await t.open('pages/home/index')
  await visible(page, '#wm-workbench-handler').waitFor()
  await t.open('packages/reports/pages/queue/index?role=handler')
  await page.getByText('处置工作台').first().waitFor()
  await t.shot('handler-queue')

  t.step('我的 → 我的随手拍 lists the person\'s own reports (it once opened the empty form)')
  await t.open('pages/mine/index')
  await page.locator('.wm-mine-cell:visible', { hasText: '我的随手拍' }).first().tap()
  await page.waitForURL(/packages\/reports\/pages\/mine\/index/)
  // the handler has reported nothing: the list's own empty state, not the report form
  const empty = page.getByText('还没有上报记录').first()
  await empty.waitFor()
  // the page slides in from the right: shoot once it has arrived
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro_page')).some((p) => p.getBoundingClientRect().left === 0 && p.textContent?.includes('还没有上报记录')))
  await t.shot('mine-my-reports')
}

async function loadJourneys(only: string[]): Promise<Array<[string, Journey]>> {
  const found: Array<[string, Journey]> = [['shell', shellJourney]]
  if (fs.existsSync(JOURNEYS_DIR)) {
    for (const file of fs.readdirSync(JOURNEYS_DIR).filter((name) => name.endsWith('.ts')).sort()) {
      const loaded = (await import(pathToFileURL(path.join(JOURNEYS_DIR, file)).href)) as { default?: unknown }
      const run = loaded.default
      if (typeof run !== 'function') throw new Error(`test/browser/journeys/${file} has no default export function`)
      found.push([path.basename(file, '.ts'), run as Journey])
    }
  }
  return only.length > 0 ? found.filter(([name]) => only.includes(name)) : found
}

async function runJourney(browser: Browser, name: string, journey: Journey): Promise<string | null> {
  const host = await startHostProcess(DIST_H5, 'wenming-e2e-')
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  })
  context.setDefaultTimeout(STEP_TIMEOUT_MS)
  const page = await context.newPage()
  const errors: string[] = []
  let step = 'start'
  // where it happened: the step and the page, so a rare error seen only in CI can be traced
  const where = () => ` (step "${step}", ${page.url().replace(host.baseUrl, '')})`
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const text = message.text()
    if (isKnownTaroInputRace(text)) {
      console.warn(`  known Taro H5 input race, not counted${where()}`)
      return
    }
    errors.push(`console.error: ${text}${where()}`)
  })
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}${where()}`))
  const open = async (route: string) => {
    const url = `${host.baseUrl}/#/${route.replace(/^\//, '')}`
    // the page already there (e.g. right after signInAs reloaded it): load it afresh rather than
    // navigate to the same fragment, which the app may take as a no-op mid-boot and leave blank
    if (page.url() === url) await page.reload({ waitUntil: 'load' })
    else await page.goto(url, { waitUntil: 'load' })
    await visible(page, '.wm-shell').waitFor()
  }
  const t: BrowserTest & { step(name: string): void } = {
    page,
    context,
    baseUrl: host.baseUrl,
    errors,
    open,
    async signInAs(openid) {
      if (!page.url().startsWith(host.baseUrl)) await page.goto(`${host.baseUrl}/`, { waitUntil: 'load' })
      await page.evaluate(([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })), [DEV_OPENID_STORAGE_KEY, openid] as const)
      await page.reload({ waitUntil: 'load' })
      // the app has booted as the new person before the journey navigates on (an open mid-boot once left a blank page)
      await visible(page, '.wm-shell').waitFor()
    },
    call: (fn, action, data, openid) => callAs(host.baseUrl, fn, action, data, openid),
    shot: async (shotName) => {
      await page.screenshot({ path: path.join(SCREENS, `${name}-${shotName}.png`) })
    },
    step(stepName) {
      step = stepName
    },
  }
  const started = Date.now()
  try {
    await journey(t)
    step = 'no console errors'
    if (errors.length > 0) throw new Error(errors.join('\n'))
    console.info(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    return null
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').slice(0, 8).join('\n') : String(error)
    await page.screenshot({ path: path.join(SCREENS, `${name}-FAILED.png`) }).catch(() => undefined)
    return `✗ ${name} failed at step "${step}":\n${message}`
  } finally {
    await context.close()
    host.stop()
  }
}

async function main(): Promise<void> {
  ensureH5Build()
  fs.mkdirSync(SCREENS, { recursive: true })
  const journeys = await loadJourneys(process.argv.slice(2))
  if (journeys.length === 0) throw new Error(`no journey named ${process.argv.slice(2).join(', ')}`)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const failures: string[] = []
  try {
    for (const [name, journey] of journeys) {
      const failure = await runJourney(browser, name, journey)
      if (failure) {
        failures.push(failure)
        console.error(failure)
      }
    }
  } finally {
    await browser.close()
  }
  if (failures.length > 0) {
    console.error(`\ne2e FAILED: ${failures.length} of ${journeys.length} journeys (screenshots in test-results/screens/)`)
    process.exitCode = 1
    return
  }
  console.info(`e2e passed: ${journeys.length} journeys; screenshots in test-results/screens/`)
}

main().catch((error: unknown) => {
  console.error(`e2e could not run: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
