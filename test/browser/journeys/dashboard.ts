import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { BrowserTest } from '../types'
import { dataOf, field, settled, visible } from '../locate'
import { uploadPhoto } from '../photo'

/**
 * 文明办数据看板 and the 创文工作月报 on the H5 build: a resident who opens the dashboard is told
 * kindly whom it is for → residents report → the office opens the dashboard from the 工作台, every
 * chart's canvas has ink on it → 7天 and 30天 each show the server's figures for that period (the
 * range and the daily series change with it) → the 表格 of a chart has the same numbers as the
 * chart's data and the API → the office sets the population and registration target → 25
 * posters scanned: the 海报 view shows the server's first page and 更多 adds pages up to every
 * poster the whole dashboard counts → the 月报
 * prints to an A4 PDF with its heading, without the app's chrome.
 *
 * No call can date a report in the past (every write takes the server's clock), so the switch is
 * checked against the server's own answer for each period rather than against backdated reports.
 */
type Journey = BrowserTest & { step?(name: string): void }

const OFFICE = 'demo-admin'
const RESIDENT = 'demo-resident'
const PAGE = 'packages/office/pages/dashboard/index'

interface Dash {
  from: string
  to: string
  days: number
  reports: { totals: { received: number }; series: Array<{ day: string; received: number }>; byCategory: Array<{ name: string; received: number; resolved: number }> }
  volunteers: { registered: number; population: number | null; registrationTarget: number | null }
}

/** how many pixels of each visible chart canvas are not white: a chart that drew nothing has 0 */
async function inkOf(page: Page): Promise<Array<{ id: string; ink: number }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('canvas.wm-db-chart__canvas'))
      .filter((c) => (c as HTMLElement).offsetParent !== null)
      .map((c) => {
        const canvas = c as HTMLCanvasElement
        const ctx = canvas.getContext('2d')
        if (!ctx || canvas.width === 0 || canvas.height === 0) return { id: canvas.id, ink: 0 }
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
        let ink = 0
        for (let i = 0; i < data.length; i += 4) if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) ink++
        return { id: canvas.id, ink }
      }),
  )
}

async function chartsDrawn(page: Page, atLeast: number, what: string): Promise<void> {
  await page.waitForFunction(
    (n) => Array.from(document.querySelectorAll('canvas.wm-db-chart__canvas')).filter((c) => (c as HTMLElement).offsetParent !== null && (c as HTMLCanvasElement).width > 0).length >= n,
    atLeast,
  )
  await page.waitForTimeout(200)
  const ink = await inkOf(page)
  if (ink.length < atLeast) throw new Error(`${what}: ${ink.length} charts, expected ${atLeast}`)
  const blank = ink.filter((c) => c.ink < 200)
  if (blank.length) throw new Error(`${what}: blank charts ${JSON.stringify(blank)}`)
}

const chartData = async (page: Page, id: string) =>
  JSON.parse((await visible(page, `#${id}`).getAttribute('data-chart')) ?? 'null') as { labels: string[]; series: Array<{ name: string; values: Array<number | null> }> }

const loaded = (page: Page) => visible(page, '#wm-db[data-loading="false"]').waitFor()

export default async function dashboardJourney(t: Journey): Promise<void> {
  const { page } = t
  const step = (name: string) => t.step?.(name)
  const shot = async (name: string) => {
    await settled(page)
    await t.shot(name)
  }
  const wide = async (name: string) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.waitForTimeout(400)
    await shot(`${name}-1440`)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.waitForTimeout(300)
  }
  await page.setViewportSize({ width: 390, height: 844 })

  step('a resident who opens the dashboard is told whom it is for')
  await t.signInAs(RESIDENT)
  await t.open(`${PAGE}?view=overview`)
  await visible(page, '#wm-db-forbidden').filter({ hasText: '此页面仅限文明办使用' }).waitFor()
  await visible(page, '#wm-db-forbidden').filter({ hasText: '回到首页' }).waitFor()
  await shot('01-resident-refused')
  await t.open(`${PAGE}?view=briefing`)
  await visible(page, '#wm-db-forbidden').waitFor()

  step('residents report in two categories')
  for (const [categoryId, text] of [
    ['illegal-ads', '公交站台的广告牌上贴满了办证小广告'],
    ['illegal-ads', '电线杆上贴满了小广告'],
    ['street-vending', '人行道上有流动摊贩占道经营'],
  ] as const) {
    dataOf(
      await t.call(
        'report',
        'submit',
        {
          categoryId,
          photos: [await uploadPhoto(t, RESIDENT, '随手拍')],
          location: { lat: 30.2775, lng: 120.15, address: '文明路 26 号' },
          description: text,
          anonymous: false,
          requestId: randomUUID(),
        },
        RESIDENT,
      ),
      'report.submit',
    )
  }

  step('the 工作台 leads to the dashboard')
  await t.signInAs(OFFICE)
  await t.open('packages/office/pages/index/index')
  await visible(page, '#wm-office-tools').filter({ hasText: '数据看板' }).waitFor()
  await visible(page, '#wm-office-tools .wm-office-tool').filter({ hasText: '数据看板' }).tap()
  await page.waitForURL(/packages\/office\/pages\/dashboard\/index/)
  await loaded(page)

  step('总览: the headline figures are the server\'s and the charts are drawn')
  const d30 = dataOf<Dash>(await t.call('stats', 'dashboard', { period: '30d' }, OFFICE), 'stats.dashboard 30d')
  await visible(page, '#wm-db-fig-received').filter({ hasText: `${d30.reports.totals.received.toLocaleString('zh-CN')} 件` }).waitFor()
  if (d30.reports.totals.received < 3) throw new Error(`30 天 received ${d30.reports.totals.received}, expected the 3 new reports at least`)
  await visible(page, '#wm-db-range').filter({ hasText: '共 30 天' }).waitFor()
  await chartsDrawn(page, 2, '总览')
  await shot('02-overview')
  await visible(page, '#wm-db-chart-hours').scrollIntoViewIfNeeded()
  await shot('02-overview-charts')
  await wide('02-overview')

  step('7天 → 30天: the range, the daily series and the figures follow the period')
  const d7 = dataOf<Dash>(await t.call('stats', 'dashboard', { period: '7d' }, OFFICE), 'stats.dashboard 7d')
  await visible(page, '#wm-db-period-7d').tap()
  await visible(page, '#wm-db-period-7d[aria-checked="true"]').waitFor()
  await visible(page, `#wm-db[data-loading="false"][data-from="${d7.from}"]`).waitFor()
  await visible(page, '#wm-db-range').filter({ hasText: '共 7 天' }).waitFor()
  await visible(page, '#wm-db-fig-received').filter({ hasText: `${d7.reports.totals.received.toLocaleString('zh-CN')} 件` }).waitFor()
  const daily7 = await chartData(page, 'wm-db-chart-daily')
  if (daily7.labels.length !== 7) throw new Error(`the 7 天 daily chart has ${daily7.labels.length} days`)
  const shown7 = daily7.series[0].values.reduce<number>((a, v) => a + (v ?? 0), 0)
  if (shown7 !== d7.reports.totals.received) throw new Error(`the 7 天 chart sums to ${shown7}, the server says ${d7.reports.totals.received}`)
  await chartsDrawn(page, 2, '总览 7 天')
  await shot('03-overview-7d')
  await visible(page, '#wm-db-period-30d').tap()
  await visible(page, `#wm-db[data-loading="false"][data-from="${d30.from}"]`).waitFor()
  await visible(page, '#wm-db-range').filter({ hasText: '共 30 天' }).waitFor()
  const daily30 = await chartData(page, 'wm-db-chart-daily')
  if (daily30.labels.length !== 30) throw new Error(`the 30 天 daily chart has ${daily30.labels.length} days`)
  if (d7.from === d30.from) throw new Error('7 天 and 30 天 start on the same day')
  // the demo carries four weeks of closed reports (demo-history.ts), so the switch must change the figure on screen
  if (d30.reports.totals.received <= d7.reports.totals.received) throw new Error(`30 天 received ${d30.reports.totals.received} is not more than 7 天's ${d7.reports.totals.received}`)
  await visible(page, '#wm-db-fig-received').filter({ hasText: `${d30.reports.totals.received.toLocaleString('zh-CN')} 件` }).waitFor()

  step('随手拍: every chart drawn; the category 表格 has the chart\'s and the server\'s numbers')
  await visible(page, '#wm-db-tab-reports').tap()
  await visible(page, '#wm-db-reports').waitFor()
  await chartsDrawn(page, 4, '随手拍')
  await shot('04-reports')
  await wide('04-reports')
  const cat = await chartData(page, 'wm-db-chart-category')
  await visible(page, '#wm-db-chart-category-toggle').tap()
  const table = visible(page, '#wm-db-chart-category-table')
  await table.waitFor()
  const rows = await table.locator('[role="row"]').evaluateAll((els) => els.slice(1).map((e) => Array.from(e.querySelectorAll('[role="cell"]')).map((c) => (c.textContent ?? '').trim())))
  if (rows.length !== cat.labels.length) throw new Error(`the table has ${rows.length} rows, the chart ${cat.labels.length}`)
  rows.forEach((row, i) => {
    const want = [cat.labels[i], ...cat.series.map((s) => String(s.values[i]))]
    if (JSON.stringify(row) !== JSON.stringify(want)) throw new Error(`table row ${i} ${JSON.stringify(row)} ≠ chart ${JSON.stringify(want)}`)
    const api = d30.reports.byCategory[i]
    if (api.name !== row[0] || String(api.received) !== row[1] || String(api.resolved) !== row[2]) throw new Error(`table row ${JSON.stringify(row)} ≠ API ${JSON.stringify(api)}`)
  })
  const ads = rows.find((r) => r[0] === '牛皮癣小广告')
  if (!ads || Number(ads[1]) < 2) throw new Error(`牛皮癣小广告 row ${JSON.stringify(ads)}: expected the 2 new reports at least`)
  await shot('05-reports-table')
  const units = dataOf<{ reports: { byUnit: Array<{ name: string }> } }>(await t.call('stats', 'dashboard', { period: '30d' }, OFFICE), 'stats.dashboard units').reports.byUnit
  if (units.length) {
    const unitRows = await visible(page, '#wm-db-units-table').getAttribute('data-rows')
    if (Number(unitRows) !== units.length) throw new Error(`the unit table has ${unitRows} rows, the server ${units.length} units`)
  } else await visible(page, '#wm-db-units').filter({ hasText: '还没有派发给单位' }).waitFor()
  for (const id of ['wm-db-chart-status', 'wm-db-chart-grid', 'wm-db-units']) {
    await visible(page, `#${id}`).scrollIntoViewIfNeeded()
    await shot(`05-reports-${id.replace('wm-db-', '')}`)
  }
  const grid = await chartData(page, 'wm-db-chart-grid')
  if (grid.labels.length === 0) throw new Error('the grid map has no grids')

  step('志愿: the office sets the population and the registration target')
  await visible(page, '#wm-db-tab-volunteers').tap()
  await visible(page, '#wm-db-volunteers').waitFor()
  await visible(page, '#wm-db-targets-edit').tap()
  await field(page, 'wm-db-population').fill('2000000')
  await field(page, 'wm-db-target').fill('12.5')
  await visible(page, '#wm-db-targets-save').tap()
  await visible(page, '#wm-db-targets-done').filter({ hasText: '2,000,000' }).filter({ hasText: '12.5%' }).waitFor()
  const after = dataOf<Dash>(await t.call('stats', 'dashboard', { period: '30d' }, OFFICE), 'stats.dashboard after targets')
  if (after.volunteers.population !== 2_000_000 || after.volunteers.registrationTarget !== 0.125) throw new Error(`targets ${JSON.stringify(after.volunteers)}`)
  await visible(page, '#wm-db-fig-registered').filter({ hasText: '250,000' }).waitFor()
  await chartsDrawn(page, 1, '志愿')
  await shot('06-volunteers')
  await visible(page, '#wm-db-chart-hours').scrollIntoViewIfNeeded()
  await shot('06-volunteers-hours')
  await wide('06-volunteers')

  step('海报 before any scan: the view says what would fill it')
  await visible(page, '#wm-db-tab-posters').tap()
  await visible(page, '#wm-db-posters').waitFor()
  await shot('08-posters-empty')

  step('25 posters scanned: the 海报 view shows a page, 更多 adds the next, together the whole dashboard\'s posters')
  for (let i = 1; i <= 25; i++) {
    const poster = dataOf<{ id: string }>(
      await t.call('entry', 'registerPoster', { title: `文明路公益广告${i}号`, place: { lat: 30.2775, lng: 120.15, address: `文明路 ${i} 号宣传栏` }, target: { kind: 'dailyQuiz' }, requestId: randomUUID() }, OFFICE),
      'entry.registerPoster',
    )
    dataOf(await t.call('entry', 'scan', { posterId: poster.id }, RESIDENT), 'entry.scan')
  }
  const whole = dataOf<{ posters: { rows: Array<{ posterId: string; title: string; scans: number }> } }>(await t.call('stats', 'dashboard', { period: '30d' }, OFFICE), 'stats.dashboard posters')
  const first = dataOf<{ posters: { rows: Array<{ title: string }>; next: string | null } }>(await t.call('stats', 'dashboard', { period: '30d', view: 'posters' }, OFFICE), 'stats.dashboard view posters').posters
  if (!first.next || first.rows.length >= whole.posters.rows.length) throw new Error(`the first page holds ${first.rows.length} of ${whole.posters.rows.length} posters, next ${first.next}`)
  await visible(page, '#wm-db-tab-handbook').tap()
  await visible(page, '#wm-db-handbook').waitFor()
  await visible(page, '#wm-db-tab-posters').tap()
  await visible(page, '#wm-db-posters-table').waitFor()
  const rowsShown = async () => Number(await visible(page, '#wm-db-posters-table').getAttribute('data-rows'))
  if ((await rowsShown()) !== first.rows.length) throw new Error(`the poster table shows ${await rowsShown()} rows, the server's first page ${first.rows.length}`)
  await chartsDrawn(page, 1, '海报')
  await shot('08-posters')
  await wide('08-posters')
  for (let k = 0; k < 5 && (await page.locator('#wm-db-posters-more:visible').count()) > 0; k++) {
    const before = await rowsShown()
    await visible(page, '#wm-db-posters-more').scrollIntoViewIfNeeded()
    await visible(page, '#wm-db-posters-more').tap()
    await page.waitForFunction((n) => Number(document.querySelector('#wm-db-posters-table')?.getAttribute('data-rows')) > n || !document.querySelector('#wm-db-posters-more'), before)
  }
  if ((await rowsShown()) !== whole.posters.rows.length) throw new Error(`after 更多 the table shows ${await rowsShown()} posters, the whole dashboard ${whole.posters.rows.length}`)
  await visible(page, '#wm-db-posters-all').filter({ hasText: `共 ${whole.posters.rows.length} 张` }).waitFor()
  await shot('08-posters-all')

  for (const [tab, name] of [
    ['quiz', '07-quiz'],
    ['handbook', '09-handbook'],
  ] as const) {
    step(`${tab}: the view opens with a chart or says what would fill it`)
    await visible(page, `#wm-db-tab-${tab}`).tap()
    await visible(page, `#wm-db-${tab}`).waitFor()
    if ((await page.locator(`#wm-db-${tab} canvas.wm-db-chart__canvas:visible`).count()) > 0) await chartsDrawn(page, 1, tab)
    await shot(name)
    await wide(name)
  }

  step('the 月报 of last month prints on A4 with its heading and without the app chrome')
  await t.open(`${PAGE}?view=briefing`)
  const title = visible(page, '#wm-db-briefing-title')
  await title.filter({ hasText: '创文工作月报' }).waitFor()
  await visible(page, '#wm-db-brief-board').filter({ hasText: '红榜' }).waitFor()
  await visible(page, '#wm-db-brief-overdue').filter({ hasText: '超期' }).waitFor()
  await chartsDrawn(page, 3, '月报')
  await page.waitForFunction(() => document.querySelectorAll('#wm-db-briefing .wm-db-chart__img').length >= 3)
  const heading = ((await title.textContent()) ?? '').trim()
  await shot('10-briefing')
  await wide('10-briefing')
  for (const id of ['wm-db-brief-series', 'wm-db-brief-board', 'wm-db-brief-overdue']) {
    await visible(page, `#${id}`).scrollIntoViewIfNeeded()
    await shot(`10-briefing-${id.replace('wm-db-brief-', '')}`)
  }
  await page.emulateMedia({ media: 'print' })
  if (await page.locator('.wm-dev-identity__fab:visible').count()) throw new Error('the dev identity switch prints')
  if (!(await page.locator('#wm-db-briefing-title:visible').count())) throw new Error('the heading does not print')
  if (await page.locator('#wm-db-print:visible').count()) throw new Error('the print button prints')
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  await page.emulateMedia({ media: 'screen' })
  const raw = pdf.toString('latin1')
  const pages = (raw.match(/\/Type\s*\/Page[^s]/g) ?? []).length
  // the 月报 is longer than a sheet: one page would mean Taro's screen-high page box clipped it
  if (pages < 2) throw new Error(`the 月报 printed on ${pages} page(s): it was clipped to the screen`)
  fs.writeFileSync(path.join('test-results', 'screens', 'dashboard-briefing.pdf'), pdf)
  // the document title is the heading: chromium writes it as the PDF's /Title (UTF-16BE in hex)
  const hex = /\/Title\s*<([0-9A-Fa-f]+)>/.exec(raw)?.[1]
  const literal = /\/Title\s*\(([^)]*)\)/.exec(raw)?.[1]
  const pdfTitle = hex ? Buffer.from(hex.replace(/^FEFF/i, ''), 'hex').swap16().toString('utf16le') : (literal ?? '')
  if (!pdfTitle.includes('创文工作月报') || pdfTitle !== heading) throw new Error(`the PDF's title is 「${pdfTitle}」, the heading 「${heading}」`)
  console.info(`  月报 PDF: ${pages} A4 pages, ${Math.round(pdf.length / 1024)} KB, title 「${pdfTitle}」`)
  const text = await page.evaluate(() => document.body.textContent ?? '')
  if (/report-|unit-[a-z]|grid-[a-z]/.test(text)) throw new Error('an internal id is shown on the 月报')
}
