/**
 * What a phone downloads from the H5 build (`npx tsx bench/h5-delivery.ts`): the home page's
 * JavaScript on first load, then what opening each other page adds. Figures, not pass/fail.
 *
 * Bytes are counted twice: as they crossed the wire (the host's compression, as chromium saw it)
 * and as gzip -6 of the file (what any compressing host would send), so the split of the build can
 * be judged apart from the host. Budget from the issue: home ≤ 120 KB gzipped JS, each page after
 * it ≤ 40 KB more.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM, CHROMIUM_ARGS, H5_DIST, startBenchHost } from './local-host'
import { appRoutes } from './routes'

interface JsLoad {
  file: string
  wireBytes: number
  gzipBytes: number
  rawBytes: number
}

export interface DeliveryFigures {
  home: { files: number; rawKb: number; gzipKb: number; wireKb: number; encoding: string }
  pages: Array<{ route: string; addedFiles: number; addedGzipKb: number; addedWireKb: number }>
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10
const gzipCache = new Map<string, number>()

function gzipSizeOf(file: string): number {
  const cached = gzipCache.get(file)
  if (cached !== undefined) return cached
  const size = zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length
  gzipCache.set(file, size)
  return size
}

/** Records every JS file the page fetches, with its bytes on the wire. */
function recordJs(page: Page, into: JsLoad[], encodings: Set<string>): void {
  page.on('response', (response) => {
    const url = new URL(response.url())
    if (!url.pathname.endsWith('.js')) return
    const file = path.join(H5_DIST, url.pathname)
    void (async () => {
      const sizes = await response.request().sizes()
      encodings.add((await response.headerValue('content-encoding')) ?? 'identity')
      const rawBytes = fs.existsSync(file) ? fs.statSync(file).size : 0
      into.push({ file: url.pathname, wireBytes: sizes.responseBodySize, gzipBytes: rawBytes ? gzipSizeOf(file) : 0, rawBytes })
    })()
  })
}

const sum = (loads: JsLoad[], key: keyof Omit<JsLoad, 'file'>) => loads.reduce((total, load) => total + load[key], 0)

export async function runH5DeliveryBench(): Promise<DeliveryFigures> {
  const host = await startBenchHost()
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    // a fresh context per page: nothing comes from the browser's cache, so the wire bytes are real
    const open = async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
      const page = await context.newPage()
      const loads: JsLoad[] = []
      const encodings = new Set<string>()
      recordJs(page, loads, encodings)
      await page.goto(`${host.baseUrl}/#/pages/home/index`, { waitUntil: 'networkidle' })
      return { page, loads, encodings }
    }
    const first = await open()
    const home = {
      files: first.loads.length,
      rawKb: kb(sum(first.loads, 'rawBytes')),
      gzipKb: kb(sum(first.loads, 'gzipBytes')),
      wireKb: kb(sum(first.loads, 'wireBytes')),
      encoding: [...first.encodings].join('/'),
    }
    await first.page.context().close()
    const pages: DeliveryFigures['pages'] = []
    for (const route of appRoutes().filter((r) => r !== 'pages/home/index')) {
      const { page, loads } = await open()
      const before = loads.length
      await page.evaluate((target) => {
        window.location.hash = `#/${target}`
      }, route)
      await page.waitForLoadState('networkidle')
      await page.waitForTimeout(300)
      const added = loads.slice(before)
      pages.push({ route, addedFiles: added.length, addedGzipKb: kb(sum(added, 'gzipBytes')), addedWireKb: kb(sum(added, 'wireBytes')) })
      await page.context().close()
    }
    return { home, pages }
  } finally {
    await browser.close()
    host.stop()
  }
}

if (require.main === module) {
  runH5DeliveryBench()
    .then((figures) => {
      console.log('## H5 home page first load (JS)')
      console.table(figures.home)
      console.log('## opening each page after the home page (JS added)')
      console.table(figures.pages)
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
