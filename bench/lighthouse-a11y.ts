/**
 * Lighthouse accessibility on every page of the H5 build (issue #10: “Lighthouse accessibility 100
 * on every page”): each route of the walk (`walkRoutes()`: every page of src/app.config.ts and each
 * `?view=` its source names) as 居民 (demo-resident) and as 文明办 (demo-admin), and, with
 * `--area`, also as the identities of the route's own area (网格员, 督查员, …) that the walk uses.
 *
 *   npx tsx bench/lighthouse-a11y.ts [route-regexp] [--area] [--ids grid,handler] [--workers N] [--walk-only]
 *
 * Besides the walk's routes (which open a detail page without its id), a few pages with the demo
 * data in them: a handbook chapter, an activity, a report, a 督查 site and unit, a shop, a class
 * and its notice, a poster and its print sheet, the survey and its results, a past 好人 round
 * (`--walk-only` leaves them out).
 *   WM_H5_DIST=dist-h5-me npx tsx bench/lighthouse-a11y.ts 'packages/inspect'
 *
 * Lighthouse 12 in navigation mode with `onlyCategories: ['accessibility']`, no throttling
 * (`throttlingMethod: 'provide'`), a 390×844 mobile screen, against the local host serving the H5
 * build (`startBenchHost()`), in Debian chromium with no outside traffic. The identity is the
 * `wm:devOpenid` localStorage key, written through a puppeteer page that Lighthouse then drives
 * (and told not to reset storage). The routes are split over N Chrome instances (default 2), each
 * its own process: Lighthouse keeps process-wide state and does not run twice in one process.
 *
 * Prints a table (route, identity, score, failing audits) and “N routes × identities, M at 100”;
 * writes test-results/lighthouse-a11y.json (with each failing audit's nodes). It never fails on a
 * score: the walk's axe-core run is the gate, this is the figure.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { walkRoutes } from '../test/browser/journeys/walk'
import { CHROMIUM, CHROMIUM_ARGS, H5_DIST, ROOT, startBenchHost } from './local-host'

const OUT = path.join(ROOT, process.env.LH_A11Y_OUT ?? 'test-results/lighthouse-a11y.json')
const DEV_OPENID_STORAGE_KEY = 'wm:devOpenid'
const PAIR = ['demo-resident', 'demo-admin']

export interface A11yVisit {
  route: string
  identity: string
}

export interface A11yNode {
  selector: string
  snippet: string
  explanation: string
}

export interface A11yRow extends A11yVisit {
  score: number | null
  failing: string[]
  nodes: Record<string, A11yNode[]>
  ms: number
  /** the start of the page's text after the run */
  seen?: string
  error?: string
}

interface LhAudit {
  score: number | null
  scoreDisplayMode?: string
  details?: { items?: Array<{ node?: { selector?: string; snippet?: string; explanation?: string } }> }
}

/** The visits of a run: every route as 居民 and 文明办, and with `area` also as the route's own people. */
export function a11yVisits(only: RegExp | null, area: boolean, ids: string[] | null = null): A11yVisit[] {
  const visits: A11yVisit[] = []
  for (const r of walkRoutes()) {
    if (only && !only.test(r.route)) continue
    const identities = (area ? r.identities : r.identities.filter((id) => PAIR.includes(id))).filter((id) => !ids || ids.includes(id))
    for (const identity of identities) visits.push({ route: r.route, identity })
  }
  return visits
}

/**
 * Pages with the demo data in them, which the walk's parameterless routes show only as
 * 「内容不存在或已下线」: the seed's fixed ids, and one report of the public feed.
 */
async function seededRoutes(baseUrl: string): Promise<string[]> {
  const routes = [
    'packages/handbook/pages/chapter/index?chapter=traffic',
    'packages/volunteer/pages/activity/index?id=demo-act-traffic',
    'packages/inspect/pages/index/index?view=site&siteId=site-demo-wenming-road',
    'packages/inspect/pages/index/index?view=unit&unitId=unit-demo',
    'packages/frontage/pages/index/index?view=door&shopId=shop-demo-tea',
    'packages/family/pages/index/index?view=class&classId=class-demo',
    'packages/family/pages/index/index?view=notice&classId=class-demo',
    'packages/office/pages/poster/index?id=DEMOREPORT',
    'packages/office/pages/print/index?id=DEMOREPORT',
    'packages/rolemodel/pages/index/index?view=round&roundId=round-demo-2026q3',
  ]
  // ids the seed makes at run time: the first of a list the page's own call returns
  const firstId = async (fn: string, action: string, openid: string): Promise<string | null> => {
    try {
      const response = await fetch(`${baseUrl}/api/cloud/${fn}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Dev-Openid': openid },
        body: JSON.stringify({ action, data: {} }),
      })
      const body = (await response.json()) as { data?: { items?: Array<{ id: string }> } }
      return body.data?.items?.[0]?.id ?? null
    } catch {
      return null
    }
  }
  const report = await firstId('report', 'feed', 'demo-admin')
  if (report) routes.push(`packages/reports/pages/detail/index?id=${encodeURIComponent(report)}`)
  const survey = await firstId('survey', 'openList', 'demo-resident')
  if (survey) routes.push(`packages/survey/pages/index/index?id=${encodeURIComponent(survey)}`, `packages/survey/pages/index/index?view=results&id=${encodeURIComponent(survey)}`)
  return routes
}

/** The seeded routes as visits: as 居民 and 文明办, and with `area` as the people the walk sends to that page. */
function seededVisits(routes: string[], only: RegExp | null, area: boolean, ids: string[] | null): A11yVisit[] {
  const walked = walkRoutes()
  const visits: A11yVisit[] = []
  for (const route of routes) {
    if (only && !only.test(route)) continue
    const page = route.split('?')[0]
    const people = walked.find((r) => r.route.split('?')[0] === page)?.identities ?? PAIR
    for (const identity of (area ? people : PAIR).filter((id) => !ids || ids.includes(id))) visits.push({ route, identity })
  }
  return visits
}

/** One Chrome, one puppeteer page, the visits one after the other (a shard of the run). */
async function runShard(baseUrl: string, visits: A11yVisit[], onRow: (row: A11yRow) => void): Promise<void> {
  // ES modules; this bench runs as CommonJS under tsx
  const { default: lighthouse } = await import('lighthouse')
  const chromeLauncher = await import('chrome-launcher')
  const puppeteer = await import('puppeteer-core')
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS, ignoreDefaultFlags: true })
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null })
  try {
    const page = await browser.newPage()
    await page.goto(`${baseUrl}/`, { waitUntil: 'load' })
    let loads = 0
    for (const visit of visits) {
      const started = Date.now()
      const row: A11yRow = { ...visit, score: null, failing: [], nodes: {}, ms: 0 }
      try {
        // the page is on the app's origin (the previous run left it there): the identity for the next load
        if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/`, { waitUntil: 'load' })
        await page.evaluate(([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })), [DEV_OPENID_STORAGE_KEY, visit.identity] as const)
        const result = await lighthouse(
          `${baseUrl}/?lh=${++loads}-${visit.identity.replace(/^demo-/, '')}#/${visit.route}`,
          {
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['accessibility'],
            // keep the identity written above: Lighthouse clears the origin's storage by default
            disableStorageReset: true,
            formFactor: 'mobile',
            screenEmulation: { mobile: true, width: 390, height: 844, deviceScaleFactor: 2, disabled: false },
            // no throttling of the page. Not 'provide': Lighthouse then stretches every quiet window
            // to 5.25 s (16 s a page, over half an hour for the run); under 'simulate' the page runs
            // unthrottled as well (the model only rewrites performance timings, not computed here)
            throttlingMethod: 'simulate',
            throttling: { rttMs: 0, throughputKbps: 0, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 },
            // the page is done when the app's cloud calls have answered and it has drawn them
            pauseAfterFcpMs: 500,
            pauseAfterLoadMs: 500,
            networkQuietThresholdMs: 1000,
            cpuQuietThresholdMs: 500,
            // each visit's URL differs (?lh=<n>), so it is a full load without the about:blank step
            skipAboutBlank: true,
            disableFullPageScreenshot: true,
          },
          undefined,
          // lighthouse types its own puppeteer-core copy; it is the same package at run time
          page as never,
        )
        if (!result) throw new Error('lighthouse returned nothing')
        const { lhr } = result
        const category = lhr.categories.accessibility
        row.score = category?.score === null || category?.score === undefined ? null : Math.round(category.score * 100)
        for (const ref of category?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id] as LhAudit | undefined
          if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue
          row.failing.push(ref.id)
          row.nodes[ref.id] = (audit.details?.items ?? []).slice(0, 8).map((item) => ({
            selector: item.node?.selector ?? '',
            snippet: (item.node?.snippet ?? '').slice(0, 200),
            explanation: (item.node?.explanation ?? '').replace(/\s+/g, ' ').slice(0, 300),
          }))
        }
        // what the page showed once Lighthouse was done with it (a look that the run saw the page, not a skeleton)
        row.seen = await page
          .evaluate(() => {
            const pages = Array.from(document.querySelectorAll('.taro_page')).filter((p) => p.getBoundingClientRect().width > 0)
            const top = pages[pages.length - 1] ?? document.body
            return (top instanceof HTMLElement ? top.innerText : top.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80)
          })
          .catch(() => '')
        const warnings = lhr.runWarnings.filter((w) => !/no-cache|storage/i.test(w))
        if (lhr.runtimeError) row.error = `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`
        else if (warnings.length > 0) row.error = warnings.join(' | ').slice(0, 300)
      } catch (error) {
        row.error = error instanceof Error ? error.message : String(error)
      }
      row.ms = Date.now() - started
      onRow(row)
    }
  } finally {
    await browser.disconnect().catch(() => undefined)
    await chrome.kill()
  }
}

/** The run: the local host once, N shard processes (one Chrome each), the rows merged in visit order. */
export async function runA11yBench(only: RegExp | null, area: boolean, workers: number, ids: string[] | null = null, seeded = true): Promise<{ rows: A11yRow[]; ms: number }> {
  const started = Date.now()
  const host = await startBenchHost()
  const visits = [...a11yVisits(only, area, ids), ...(seeded ? seededVisits(await seededRoutes(host.baseUrl), only, area, ids) : [])]
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-lh-a11y-'))
  try {
    const n = Math.max(1, Math.min(workers, visits.length))
    const shards = Array.from({ length: n }, (_, i) => visits.filter((_, j) => j % n === i))
    const done = { count: 0 }
    await Promise.all(
      shards.map(
        (shard, i) =>
          new Promise<void>((resolve, reject) => {
            const input = path.join(dir, `shard-${i}.json`)
            fs.writeFileSync(input, JSON.stringify(shard))
            const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--shard', input, host.baseUrl], {
              cwd: ROOT,
              env: process.env,
              stdio: ['ignore', 'pipe', 'inherit'],
            })
            let buffered = ''
            child.stdout?.on('data', (chunk: Buffer) => {
              buffered += chunk.toString()
              for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
                const line = buffered.slice(0, nl)
                buffered = buffered.slice(nl + 1)
                if (!line.startsWith('ROW ')) continue
                const row = JSON.parse(line.slice(4)) as A11yRow
                done.count += 1
                fs.appendFileSync(path.join(dir, 'rows.jsonl'), JSON.stringify(row) + '\n')
                process.stderr.write(`[${done.count}/${visits.length}] ${row.score ?? '--'} ${row.route} as ${row.identity} (${(row.ms / 1000).toFixed(1)} s)${row.failing.length ? ' ' + row.failing.join(',') : ''}${row.error ? ' ! ' + row.error : ''}\n`)
              }
            })
            child.on('error', reject)
            child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`shard ${i} exited ${code}`))))
          }),
      ),
    )
    const file = path.join(dir, 'rows.jsonl')
    const found = fs.existsSync(file)
      ? fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as A11yRow)
      : []
    const key = (v: A11yVisit) => `${v.route} ${v.identity}`
    const byKey = new Map(found.map((row) => [key(row), row]))
    const rows = visits.map((v) => byKey.get(key(v)) ?? { ...v, score: null, failing: [], nodes: {}, ms: 0, error: 'not run' })
    return { rows, ms: Date.now() - started }
  } finally {
    host.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function print(rows: A11yRow[], ms: number, only: RegExp | null, area: boolean, workers: number): void {
  console.log(`## Lighthouse accessibility, ${path.relative(ROOT, H5_DIST)}, 390×844 mobile, no throttling, ${workers} Chrome${only ? `, routes /${only.source}/` : ''}${area ? ', area identities too' : ''}`)
  console.table(rows.map((r) => ({ route: r.route, identity: r.identity.replace(/^demo-/, ''), score: r.score ?? '--', failing: r.failing.join(' ') || (r.error ? `! ${r.error.slice(0, 60)}` : '') })))
  const routes = new Set(rows.map((r) => r.route)).size
  const perfect = rows.filter((r) => r.score === 100).length
  const slowest = rows.reduce<A11yRow | null>((a, r) => (!a || r.ms > a.ms ? r : a), null)
  const mean = rows.length > 0 ? rows.reduce((s, r) => s + r.ms, 0) / rows.length : 0
  console.log(
    `${rows.length} routes × identities (${routes} routes), ${perfect} at 100; ${(ms / 60_000).toFixed(1)} min, ${(mean / 1000).toFixed(1)} s a run` +
      (slowest ? `, slowest ${slowest.route} as ${slowest.identity} ${(slowest.ms / 1000).toFixed(1)} s` : ''),
  )
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--shard') {
    const visits = JSON.parse(fs.readFileSync(argv[1], 'utf8')) as A11yVisit[]
    await runShard(argv[2], visits, (row) => process.stdout.write(`ROW ${JSON.stringify(row)}\n`))
    return
  }
  const area = argv.includes('--area')
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined)
  const workers = Number(value('--workers')) || 2
  const ids = value('--ids')?.split(',').map((id) => (id.startsWith('demo-') ? id : `demo-${id}`)) ?? null
  const pattern = argv.filter((a, i) => !a.startsWith('--') && !['--workers', '--ids'].includes(argv[i - 1]))[0]
  const only = pattern ? new RegExp(pattern) : null
  const { rows, ms } = await runA11yBench(only, area, workers, ids, !argv.includes('--walk-only'))
  print(rows, ms, only, area, workers)
  fs.mkdirSync(path.dirname(OUT), { recursive: true })
  fs.writeFileSync(OUT, JSON.stringify({ dist: path.relative(ROOT, H5_DIST), at: new Date().toISOString(), ms, rows }, null, 2))
  console.log(`written ${path.relative(ROOT, OUT)}`)
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    // a bench that prints: a broken run is reported, not a failed gate
    console.error(error)
    process.exitCode = 0
  })
}
