import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { uploadPhoto } from '../photo'
import type { BrowserTest } from '../types'
import { dataOf, field, settled, visible } from '../locate'

/**
 * 单位红黑榜 (随手拍): a report about 文明路's 小广告 is submitted, dispatched to its unit and resolved
 * through the API → a resident opens 首页 → 单位红黑榜 and sees this week's units with the rule
 * written, the unit listed but not ranked (too few reports) → the report's detail shows the unit's
 * month line, which leads back to the board → the office, on a 1440-wide screen, sees 发布上周红黑榜,
 * the rule form and the 约谈 record; lowering the minimum to 1 ranks the unit onto the 红榜, in words;
 * publishing last week asks once and says it was published.
 */
const RESIDENT = 'demo-resident'
const GRID = 'demo-grid'
const HANDLER = 'demo-handler'
const OFFICE = 'demo-admin'
const BOARD = 'packages/reports/pages/square/index?view=board'

async function resolvedReport(t: BrowserTest): Promise<{ id: string; unitName: string }> {
  const submitted = dataOf<{ id: string }>(
    await t.call(
      'report',
      'submit',
      {
        categoryId: 'illegal-ads',
        photos: [await uploadPhoto(t, RESIDENT, '小广告')],
        location: { lat: 30.2775, lng: 120.15, address: '文明路 20 号配电箱' },
        description: '配电箱上贴满了小广告',
        anonymous: false,
        requestId: randomUUID(),
      },
      RESIDENT,
    ),
    'report.submit',
  )
  dataOf(await t.call('report', 'dispatch', { reportId: submitted.id }, GRID), 'report.dispatch')
  dataOf(await t.call('report', 'start', { reportId: submitted.id }, HANDLER), 'report.start')
  const afterPhoto = await uploadPhoto(t, HANDLER, '已清理')
  const resolved = dataOf<{ unitName: string | null }>(
    await t.call('report', 'resolve', { reportId: submitted.id, afterPhotos: [afterPhoto], note: '已清理配电箱上的小广告' }, HANDLER),
    'report.resolve',
  )
  if (!resolved.unitName) throw new Error('the resolved report has no unit')
  return { id: submitted.id, unitName: resolved.unitName }
}

async function boardReady(page: Page): Promise<void> {
  await visible(page, '#wm-unit-board[data-ready="yes"]').waitFor()
  await settled(page)
}

async function expectText(page: Page, selector: string, words: string[]): Promise<string> {
  const text = (await visible(page, selector).innerText()).replace(/\s+/g, ' ')
  for (const w of words) if (!text.includes(w)) throw new Error(`${selector} should say 「${w}」: ${text}`)
  return text
}

export default async function unitBoardJourney(t: BrowserTest & { step?(name: string): void }): Promise<void> {
  const { page } = t
  const step = (name: string) => t.step?.(name)
  await page.setViewportSize({ width: 390, height: 844 })
  const report = await resolvedReport(t)

  // —— resident: 首页 → 单位红黑榜 ——
  step('resident opens the board from 首页')
  await t.signInAs(RESIDENT)
  await t.open('pages/home/index')
  await visible(page, '#wm-entry-unit-board').tap()
  await boardReady(page)
  await expectText(page, '#wm-ub-rule-text', ['按按时办结率从高到低排名', '前 5 名上红榜', '受理少于 5 件'])
  // the demo's closed history may add to this week, so the unit's figure is read from the server's board
  const board = dataOf<{ rows: Array<{ name: string; resolved: number }> }>(await t.call('stats', 'board', { scope: 'unit', period: 'week' }, RESIDENT), 'stats.board')
  const row = board.rows.find((r) => r.name === report.unitName)
  if (!row || row.resolved < 1) throw new Error(`the board has no 办结 for ${report.unitName}`)
  const table = await expectText(page, '#wm-ub-table', [report.unitName, '未排名', '按时办结 ', `/ 办结 ${row.resolved}`, '受理'])
  if (table.includes('#') || /report-|unit-/.test(table)) throw new Error(`the table shows an id: ${table}`)
  // 「这 N 个单位受理都不足 5 件，暂不排名」 or 「有 N 个单位本期受理不足 5 件…不参与排名」, by how many are short this week
  await expectText(page, '#wm-ub-unranked', ['不足 5 件', '排名'])
  if ((await page.locator('#wm-ub-office:visible').count()) > 0) throw new Error('a resident sees the office cards')
  await t.shot('01-resident-board-week')
  await visible(page, '#wm-ub-table').scrollIntoViewIfNeeded()
  await t.shot('01b-resident-table')
  await visible(page, '#wm-ub-period-month').tap()
  await visible(page, '#wm-unit-board[data-period="month"][data-ready="yes"]').waitFor()
  await visible(page, '#wm-ub-scope-grid').tap()
  await visible(page, '#wm-unit-board[data-scope="grid"][data-ready="yes"]').waitFor()
  await expectText(page, '#wm-ub-rule-text', ['网格'])
  await t.shot('02-resident-board-grid-month')

  // —— resident: the report's detail says how the unit does this month ——
  step('report detail shows the unit month line')
  await t.open(`packages/reports/pages/detail/index?id=${report.id}`)
  await visible(page, '#wm-report-unit-month').waitFor()
  await expectText(page, '#wm-report-unit-month', ['该单位本月', '按时办结率', '看单位红黑榜'])
  await visible(page, '#wm-report-unit-month').scrollIntoViewIfNeeded()
  await t.shot('03-detail-unit-month')
  await visible(page, '#wm-report-unit-month').tap()
  await boardReady(page)

  // —— the office at 1440: 发布, the rule form, 约谈 ——
  step('office sees 发布 and the rule form at 1440')
  await page.setViewportSize({ width: 1440, height: 900 })
  await t.signInAs(OFFICE)
  await t.open(BOARD)
  await boardReady(page)
  await visible(page, '#wm-ub-publish').waitFor()
  await visible(page, '#wm-ub-rule-form').waitFor()
  await expectText(page, '#wm-ub-escalations', ['约谈记录'])
  await visible(page, '#wm-ub-escalations .wm-ub-empty-line').waitFor()
  await t.shot('04-office-board-1440')

  step('office lowers the minimum and the unit is ranked onto the 红榜')
  await field(page, 'wm-ub-rule-min').fill('1')
  await visible(page, '#wm-ub-rule-save').tap()
  await visible(page, '#wm-ub-rule-done').waitFor()
  await page.waitForFunction(() => document.querySelector('#wm-ub-rule-text')?.textContent?.includes('少于 1 件'))
  await expectText(page, '#wm-ub-table', [report.unitName, '第 1 名', '红榜'])
  await expectText(page, '#wm-ub-red', [report.unitName])
  await t.shot('05-office-rule-saved')
  await visible(page, '#wm-ub-table').scrollIntoViewIfNeeded()
  await t.shot('05b-office-table-1440')

  step('office publishes last week, asked once')
  await visible(page, '#wm-ub-publish').tap()
  await page.locator('.taro-modal__title', { hasText: '发布上周红黑榜' }).waitFor()
  await page.locator('.taro-model__confirm').tap()
  await visible(page, '#wm-ub-publish-done, #wm-ub-publish-problem').waitFor()
  await t.shot('06-office-published')
  // a second publication of the same week is refused, kindly
  await visible(page, '#wm-ub-publish').tap()
  await page.locator('.taro-modal__title', { hasText: '发布上周红黑榜' }).waitFor()
  await page.locator('.taro-model__confirm').tap()
  await visible(page, '#wm-ub-publish-problem').waitFor()
  await expectText(page, '#wm-ub-publish-problem', ['已经发布过了'])
  await t.shot('07-office-published-twice')
}
