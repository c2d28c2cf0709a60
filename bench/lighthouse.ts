/**
 * Lighthouse on the pages a resident opens (`npx tsx bench/lighthouse.ts [route …]`), against the
 * local host serving the H5 build, in Debian chromium. Lighthouse's mobile profile: simulated
 * slow 4G and a 4× slower CPU. Scores are timings, so this prints them and never fails.
 */
import { CHROMIUM, CHROMIUM_ARGS, startBenchHost } from './local-host'

/** the pages residents land on from a poster, a share or the tab bar */
export const RESIDENT_PAGES = [
  'pages/home/index',
  'pages/report/index',
  'pages/volunteer/index',
  'pages/mine/index',
  'packages/handbook/pages/index/index',
  'packages/handbook/pages/chapter/index?chapter=traffic',
  'packages/quiz/pages/index/index',
  'packages/reports/pages/square/index',
  'packages/reports/pages/mine/index',
  'packages/volunteer/pages/mine/index',
]

export interface LighthouseRow {
  page: string
  performance: number
  fcpMs: number
  lcpMs: number
  tbtMs: number
  cls: number
  transferKb: number
}

interface Audit {
  numericValue?: number
}

export async function runLighthouseBench(pages = RESIDENT_PAGES): Promise<LighthouseRow[]> {
  // both are ES modules; this bench runs as CommonJS under tsx
  const { default: lighthouse } = await import('lighthouse')
  const chromeLauncher = await import('chrome-launcher')
  const host = await startBenchHost()
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: CHROMIUM_ARGS,
    // the machine has no outside network: let nothing try
    ignoreDefaultFlags: true,
  })
  const rows: LighthouseRow[] = []
  try {
    for (const page of pages) {
      const result = await lighthouse(
        `${host.baseUrl}/#/${page}`,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
        // the default config is the mobile profile with simulated throttling
        undefined,
      )
      if (!result) throw new Error(`lighthouse returned nothing for ${page}`)
      const { lhr } = result
      const audit = (id: string): number => (lhr.audits[id] as Audit | undefined)?.numericValue ?? NaN
      rows.push({
        page,
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        fcpMs: Math.round(audit('first-contentful-paint')),
        lcpMs: Math.round(audit('largest-contentful-paint')),
        tbtMs: Math.round(audit('total-blocking-time')),
        cls: Math.round(audit('cumulative-layout-shift') * 1000) / 1000,
        transferKb: Math.round(audit('total-byte-weight') / 102.4) / 10,
      })
    }
  } finally {
    chrome.kill()
    host.stop()
  }
  return rows
}

if (require.main === module) {
  const pages = process.argv.slice(2)
  runLighthouseBench(pages.length > 0 ? pages : RESIDENT_PAGES)
    .then((rows) => {
      console.log('## Lighthouse, mobile profile (simulated slow 4G, 4× CPU), resident pages')
      console.table(rows)
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exit(1)
    })
}
