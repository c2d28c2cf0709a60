/**
 * Browser check of the H5 shell against the real local host (`npm run test:e2e`).
 *
 * Starts `src/cloud/local-host/main.ts` on a free port with a throw-away DATA_DIR, drives Debian
 * chromium with playwright-core as a phone (375×740, touch), and checks what a developer would:
 * the shell loads with no console errors, tabs switch, the dev identity switch changes who is
 * signed in, a cloud call's result shows in 我的, and large-text mode enlarges the text.
 * Screenshots go to test-results/screens/. Exits non-zero with the failed step's name.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Locator, type Page } from 'playwright-core'

const ROOT = path.resolve(__dirname, '../..')
const DIST_H5 = path.join(ROOT, 'dist-h5')
const SCREENS = path.join(ROOT, 'test-results/screens')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const STEP_TIMEOUT_MS = 15_000

interface MeBody {
  ok: boolean
  data?: { nickname: string; settings: { largeText: boolean } }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function ensureH5Build(): void {
  if (fs.existsSync(path.join(DIST_H5, 'index.html'))) return
  console.info('dist-h5/ is missing: running npm run build:h5')
  const build = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('npm run build:h5 failed')
}

async function startLocalHost(port: number, dataDir: string): Promise<ChildProcess> {
  const host = spawn(process.execPath, ['--import', 'tsx', 'src/cloud/local-host/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: DIST_H5, DEV_IDENTITIES: '1' },
    stdio: ['ignore', 'inherit', 'pipe'],
  })
  let stderr = ''
  host.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (host.exitCode !== null) throw new Error(`local host exited (${host.exitCode}): ${stderr.trim()}`)
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`)
      if (response.ok) return host
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  host.kill()
  throw new Error(`local host did not answer /api/health within 30 s: ${stderr.trim()}`)
}

async function meOf(base: string, openid: string): Promise<NonNullable<MeBody['data']>> {
  const response = await fetch(`${base}/api/cloud/user`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Dev-Openid': openid },
    body: JSON.stringify({ action: 'me', data: {} }),
  })
  const body = (await response.json()) as MeBody
  if (!body.ok || !body.data) throw new Error(`user.me for ${openid} failed: ${JSON.stringify(body)}`)
  return body.data
}

/** Tab pages stay mounted behind the current one; only the visible copy of an element counts. */
const visible = (page: Page, selector: string): Locator => page.locator(`${selector}:visible`).first()

async function fontSizeOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
}

async function main(): Promise<void> {
  ensureH5Build()
  fs.mkdirSync(SCREENS, { recursive: true })
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-e2e-'))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const host = await startLocalHost(port, dataDir)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const problems: string[] = []
  let step = 'start'
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' })
    context.setDefaultTimeout(STEP_TIMEOUT_MS)
    const page = await context.newPage()
    let offlineOnPurpose = false
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      // chromium logs every request refused while the test holds the context offline
      if (offlineOnPurpose && message.text().includes('ERR_INTERNET_DISCONNECTED')) return
      problems.push(`console.error: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    const shoot = (name: string) => page.screenshot({ path: path.join(SCREENS, `${name}.png`) })
    const openTab = async (label: string) => {
      await page.locator('.weui-tabbar__label', { hasText: label }).tap()
    }

    step = 'the shell loads on 首页'
    await page.goto(`${base}/`, { waitUntil: 'load' })
    await visible(page, '.wm-hero').waitFor()
    await visible(page, '#wm-entry-report').waitFor()
    const resident = await meOf(base, 'demo-resident')
    await page.getByText(`您好，${resident.nickname}`).waitFor()
    await shoot('01-home-resident')

    step = 'tabs switch: 随手拍'
    await openTab('随手拍')
    await visible(page, '#wm-report-start').waitFor()
    await shoot('02-report-tab')

    step = 'tabs switch: 志愿'
    await openTab('志愿')
    await visible(page, '#wm-volunteer-checkin').waitFor()
    await shoot('03-volunteer-tab')

    step = '我的 shows the nickname returned by user.me'
    await openTab('我的')
    await page.waitForFunction((nickname) => {
      const element = Array.from(document.querySelectorAll('#wm-profile-nickname')).find((e) => (e as HTMLElement).offsetParent !== null)
      return element?.textContent === nickname
    }, resident.nickname)
    await shoot('04-mine-resident')

    step = 'the dev identity switch signs in as 文明办'
    await visible(page, '#wm-dev-identity-toggle').tap()
    await visible(page, '#wm-dev-identity-demo-admin').waitFor()
    await shoot('05-dev-identity-panel')
    await visible(page, '#wm-dev-identity-demo-admin').tap()
    const admin = await meOf(base, 'demo-admin')
    await visible(page, '#wm-profile-roles').filter({ hasText: '文明办' }).waitFor()
    const nickname = await visible(page, '#wm-profile-nickname').textContent()
    if (nickname !== admin.nickname) throw new Error(`我的 shows "${nickname}" after switching, expected "${admin.nickname}"`)
    await shoot('06-mine-admin')

    step = '首页 shows the office workbench to 文明办'
    await openTab('首页')
    await visible(page, '#wm-workbench-office').waitFor()
    await shoot('07-home-admin')

    step = 'large-text mode enlarges the text and is saved to the account'
    await openTab('我的')
    const title = visible(page, '.wm-large-text__title')
    const before = await fontSizeOf(title)
    await visible(page, '#wm-large-text').tap()
    await page.waitForFunction(
      (size) => {
        const element = Array.from(document.querySelectorAll('.wm-large-text__title')).find((e) => (e as HTMLElement).offsetParent !== null)
        return element ? parseFloat(getComputedStyle(element).fontSize) > size * 1.2 : false
      },
      before,
    )
    const after = await fontSizeOf(title)
    await shoot('08-mine-large-text')
    await openTab('首页')
    const homeTitle = await fontSizeOf(visible(page, '.wm-entry-grid__title'))
    await shoot('09-home-large-text')
    const saved = await meOf(base, 'demo-admin')
    if (!saved.settings.largeText) throw new Error('large text was switched on but user.me still says largeText: false')
    console.info(`large text: 我的 title ${before}px → ${after}px; 首页 tile title ${homeTitle}px`)

    step = 'large-text mode switches off again'
    await openTab('我的')
    await visible(page, '#wm-large-text').tap()
    await page.waitForFunction(
      (size) => {
        const element = Array.from(document.querySelectorAll('.wm-large-text__title')).find((e) => (e as HTMLElement).offsetParent !== null)
        return element ? Math.abs(parseFloat(getComputedStyle(element).fontSize) - size) < 0.5 : false
      },
      before,
    )

    step = 'offline: the banner says so, a failed load offers 重试, and 重试 recovers'
    offlineOnPurpose = true
    await context.setOffline(true)
    await visible(page, '.wm-offline').waitFor()
    // a different person while offline: 我的 cannot load them and says why
    await visible(page, '#wm-dev-identity-toggle').tap()
    await visible(page, '#wm-dev-identity-demo-grid').tap()
    await visible(page, '.wm-state--error').filter({ hasText: '网络不可用' }).waitFor()
    await shoot('10-mine-offline-error')
    await context.setOffline(false)
    offlineOnPurpose = false
    await visible(page, '.wm-offline').waitFor({ state: 'detached' })
    await visible(page, '.wm-state--error .nut-button').tap()
    const grid = await meOf(base, 'demo-grid')
    await visible(page, '#wm-profile-nickname').filter({ hasText: grid.nickname }).waitFor()
    await visible(page, '#wm-profile-roles').filter({ hasText: '网格员' }).waitFor()

    step = 'no console errors'
    if (problems.length > 0) throw new Error(problems.join('\n'))
    console.info(`e2e passed; screenshots in ${path.relative(ROOT, SCREENS)}/`)
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error)
    console.error(`e2e FAILED at step "${step}":\n${message}`)
    if (problems.length > 0 && step !== 'no console errors') console.error(`also seen:\n${problems.join('\n')}`)
    process.exitCode = 1
  } finally {
    await browser.close()
    host.kill('SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(`e2e could not run: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
