import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import type { BrowserTest } from '../types'
import { chooseFiles, dataOf, field, settled, visible } from '../locate'
import { uploadPhoto } from '../photo'

/**
 * 文明办「设置」and 数据导出 on the H5 build: a resident who opens the settings is told kindly whom
 * they are for → the office changes 受理 of 牛皮癣小广告 from 2 to 4 小时 and sees it saved → a
 * resident's new report in that category is due 4 h after it was submitted → the office imports a
 * GeoJSON sheet with one self-intersecting grid: the problem is named and nothing is imported →
 * the office exports the 随手拍列表 as Excel, the bar reaches 100% and the file opens with the
 * rows, then the 督查台账, whose file holds the longest-overdue report → the 修改记录 shows the
 * category change in words.
 */
type Journey = BrowserTest & { step?(name: string): void }

const OFFICE = 'demo-admin'
const RESIDENT = 'demo-resident'
const PAGE = 'packages/office/pages/settings/index'
const CATEGORY = 'illegal-ads'
const HOUR = 3_600_000

const square = (lng: number, lat: number, d: number) => [[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]
// a bow tie: the ring crosses itself
const bowTie = (lng: number, lat: number, d: number) => [[lng, lat], [lng + d, lat + d], [lng + d, lat], [lng, lat + d], [lng, lat]]
const SHEET = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '测试东一网格', district: '测试街道' }, geometry: { type: 'Polygon', coordinates: [square(116.01, 39.01, 0.005)] } },
    { type: 'Feature', properties: { name: '测试东二网格', district: '测试街道' }, geometry: { type: 'Polygon', coordinates: [bowTie(116.03, 39.01, 0.005)] } },
  ],
}

/** Starts the chosen export, waits for 100%, downloads the file and opens it with exceljs: every row the bar counted is there, and `ticketNo` among them. */
async function exportAndOpen(t: BrowserTest, ticketNo: string, whenDone: () => Promise<unknown>): Promise<void> {
  const { page } = t
  await visible(page, '#wm-oc-export-start').tap()
  await visible(page, '#wm-oc-export-progress[data-done="true"][data-progress="100"]').waitFor({ timeout: 60_000 })
  await visible(page, '#wm-oc-export-rows').filter({ hasText: '已导出' }).waitFor()
  await whenDone()
  const rowsText = (await visible(page, '#wm-oc-export-rows').textContent()) ?? ''
  const rows = Number(/已导出 (\d+) 行/.exec(rowsText)?.[1] ?? NaN)
  if (!(rows >= 1)) throw new Error(`the progress says 「${rowsText}」`)
  const href = await visible(page, '#wm-oc-export-download').getAttribute('data-url')
  if (!href) throw new Error('no download link')
  const response = await fetch(href.startsWith('http') ? href : `${t.baseUrl}${href}`)
  if (!response.ok) throw new Error(`export download: HTTP ${response.status}`)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await response.arrayBuffer())
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new Error('the workbook has no sheet')
  let found = false
  let filled = 0
  sheet.eachRow((row) => {
    filled += 1
    if (JSON.stringify(row.values).includes(ticketNo)) found = true
  })
  if (filled < rows) throw new Error(`the sheet has ${filled} rows, the export said ${rows}`)
  if (!found) throw new Error(`report ${ticketNo} is not in the exported sheet`)
}

export default async function officeConsoleJourney(t: Journey): Promise<void> {
  const { page } = t
  const step = (name: string) => t.step?.(name)
  const shot = async (name: string) => {
    await settled(page)
    await t.shot(name)
  }
  const wide = async (name: string) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await shot(`${name}-1440`)
    await page.setViewportSize({ width: 390, height: 844 })
  }
  await page.setViewportSize({ width: 390, height: 844 })

  step('a resident who opens the settings is told whom they are for')
  await t.signInAs(RESIDENT)
  await t.open(`${PAGE}?view=categories`)
  await visible(page, '#wm-oc-forbidden').waitFor()
  await shot('01-resident-refused')

  step('the 工作台 leads to the real screens')
  await t.signInAs(OFFICE)
  await t.open('packages/office/pages/index/index')
  await visible(page, '#wm-office-tools').filter({ hasText: '类别与时限' }).waitFor()
  if ((await visible(page, '#wm-office-tools').textContent())?.includes('即将开放')) throw new Error('the 工作台 still shows 即将开放')

  step('the office changes 受理 of 牛皮癣小广告 from 2 to 4 小时')
  await t.open(`${PAGE}?view=categories`)
  await visible(page, `#wm-oc-cat-${CATEGORY}`).filter({ hasText: '受理 2 小时' }).waitFor()
  await shot('02-categories')
  await wide('02-categories')
  await visible(page, `#wm-oc-cat-edit-${CATEGORY}`).tap()
  await visible(page, '#wm-oc-cat-form').waitFor()
  await field(page, 'wm-oc-limit-accept').fill('4')
  await visible(page, '#wm-oc-unit-accept-hours[aria-checked="true"]').waitFor()
  await shot('03-category-form')
  await wide('03-category-form')
  await visible(page, '#wm-oc-cat-save').tap()
  await visible(page, '#wm-oc-cat-done').filter({ hasText: '受理 4 小时' }).waitFor()
  await visible(page, '#wm-oc-cat-done').filter({ hasText: '原来的到期时间' }).waitFor()
  await visible(page, `#wm-oc-cat-${CATEGORY}`).filter({ hasText: '受理 4 小时' }).waitFor()
  await shot('04-category-saved')
  const cats = dataOf<{ categories: Array<{ id: string; limits: { accept: { amount: number; unit: string } } }> }>(await t.call('settings', 'categories', {}, OFFICE), 'settings.categories')
  const accept = cats.categories.find((c) => c.id === CATEGORY)?.limits.accept
  if (accept?.amount !== 4 || accept.unit !== 'hours') throw new Error(`settings.categories has 受理 ${JSON.stringify(accept)}`)

  step('a resident reports in that category: it is due 4 h after it was submitted')
  const { id: reportId } = dataOf<{ id: string }>(
    await t.call(
      'report',
      'submit',
      {
        categoryId: CATEGORY,
        photos: [await uploadPhoto(t, RESIDENT, '小广告')],
        location: { lat: 30.2775, lng: 120.15, address: '文明路 26 号公交站' },
        description: '公交站台的广告牌上贴满了办证小广告',
        anonymous: false,
        requestId: randomUUID(),
      },
      RESIDENT,
    ),
    'report.submit',
  )
  const report = dataOf<{ createdAt: number; dueAt: number | null; ticketNo: string }>(await t.call('report', 'get', { reportId }, RESIDENT), 'report.get')
  if (report.dueAt !== report.createdAt + 4 * HOUR) throw new Error(`dueAt ${report.dueAt} is not 4 h after createdAt ${report.createdAt}`)

  step('the office imports a sheet with one self-intersecting grid: the problem is named, nothing is imported')
  const gridsBefore = dataOf<{ grids: unknown[] }>(await t.call('settings', 'grids', {}, OFFICE), 'settings.grids').grids.length
  await t.open(`${PAGE}?view=grids`)
  await visible(page, '#wm-oc-grids').waitFor()
  await shot('05-grids')
  await chooseFiles(page, '#wm-oc-grids-choose', [{ name: '测试网格.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(SHEET)) }])
  await visible(page, '#wm-oc-grids-problems').filter({ hasText: '测试东二网格' }).waitFor()
  await visible(page, '#wm-oc-grids-problem').filter({ hasText: '未导入任何网格' }).waitFor()
  if ((await page.locator('#wm-oc-grids-problems').textContent())?.includes('测试东一网格')) throw new Error('the good grid is named as a problem')
  await shot('06-grids-refused')
  await wide('06-grids-refused')
  const gridsAfter = dataOf<{ grids: unknown[] }>(await t.call('settings', 'grids', {}, OFFICE), 'settings.grids').grids.length
  if (gridsAfter !== gridsBefore) throw new Error(`grids went from ${gridsBefore} to ${gridsAfter}; a refused sheet must import nothing`)

  step('the office exports the 随手拍列表 as Excel: the bar reaches 100% and the file has the rows')
  await t.open(`${PAGE}?view=exports`)
  await visible(page, '#wm-oc-exports').waitFor()
  await visible(page, '#wm-oc-export-kind-reports[aria-checked="true"]').waitFor()
  await visible(page, '#wm-oc-export-format-xlsx').tap()
  await shot('07-exports')
  await exportAndOpen(t, report.ticketNo, async () => {
    await shot('08-export-done')
    await wide('08-export-done')
  })

  step('a reopened page keeps the finished export')
  await t.open(`${PAGE}?view=exports`)
  await visible(page, '#wm-oc-export-progress[data-done="true"]').waitFor()

  step('the office exports the 督查台账 as Excel: the file has the longest-overdue report')
  const ledger = dataOf<{ items: Array<{ ticketNo: string }> }>(await t.call('report', 'ledger', {}, OFFICE), 'report.ledger')
  const late = ledger.items[0]
  if (!late) throw new Error('the demo ledger is empty')
  await visible(page, '#wm-oc-export-again').tap()
  await visible(page, '#wm-oc-export-kind-ledger').tap()
  await visible(page, '#wm-oc-export-kind-ledger[aria-checked="true"]').waitFor()
  await visible(page, '#wm-oc-export-format-xlsx').tap()
  await exportAndOpen(t, late.ticketNo, () => t.shot('08b-ledger-export-done'))

  step('the 修改记录 shows the category change in words')
  await t.open(`${PAGE}?view=audit`)
  await visible(page, '#wm-oc-audit').waitFor()
  await visible(page, '#wm-oc-audit-filter-reportCategory').tap()
  const entry = visible(page, '#wm-oc-audit-0[data-subject="reportCategory"]')
  await entry.filter({ hasText: '牛皮癣小广告' }).filter({ hasText: '受理时限：2 小时 → 4 小时' }).waitFor()
  await shot('09-audit')
  await wide('09-audit')
  await t.open(`${PAGE}?view=units`)
  await visible(page, '#wm-oc-units').waitFor()
  await shot('10-units')
  await wide('10-units')
  const text = await page.evaluate(() => document.body.textContent ?? '')
  if (/report-|unit-[a-z]|grid-[a-z]/.test(text)) throw new Error('an internal id is shown on the units page')
}
