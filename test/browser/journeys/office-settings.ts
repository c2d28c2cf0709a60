import type { Page } from 'playwright-core'
import type { BrowserTest } from '../types'
import { visible } from '../locate'

/**
 * The office's settings screens: 节假日与工作日 shows 2026 as seeded from the State Council notice;
 * a sheet with one bad row is refused by line and changes nothing; a good sheet for 2027 replaces
 * that year; the 评价期 on 派发规则 is saved; a resident and a stale link get a kind word instead
 * of an error.
 */
/** the visible element among many (menu entries, festivals) that holds `text` */
const visibleWith = (page: Page, selector: string, text: string) => page.locator(`${selector}:visible`, { hasText: text }).first()

const ADMIN = 'demo-admin'
const CALENDAR = 'packages/office/pages/calendar/index'

// line 3 is a Monday marked 班: the parser takes only Saturdays and Sundays as 调休上班 days
const BAD_2026 = ['日期,类型,名称', '2026-10-01,休,国庆节', '2026-10-12,班,国庆节调休'].join('\n')

const GOOD_2027 = [
  '日期,类型,名称',
  '2027-01-01,休,元旦',
  '2027-01-31,班,春节调休',
  ...['05', '06', '07', '08', '09', '10', '11', '12'].map((d) => `2027-02-${d},休,春节`),
  '2027-02-20,班,春节调休',
].join('\n')

interface YearData {
  source: string
  days: Array<{ date: string; type: string; name: string }>
}

async function yearOf(t: BrowserTest, year: number): Promise<YearData> {
  const result = await t.call('calendar', 'get', { year }, ADMIN)
  if (!result.ok) throw new Error(`calendar.get ${year} failed: ${result.code} ${result.message}`)
  return result.data as YearData
}

/** Taro H5's showModal: a DOM dialog; confirm it once. */
async function confirmModal(page: Page, title: string): Promise<void> {
  await page.locator('.taro-modal__title', { hasText: title }).waitFor()
  await page.locator('.taro-model__confirm').tap()
}

/** The page slides in from the right: shoot once it has arrived. */
async function settled(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (needle) => Array.from(document.querySelectorAll('.taro_page')).some((p) => p.getBoundingClientRect().left === 0 && p.textContent?.includes(needle)),
    text,
  )
}

export default async function officeSettingsJourney(t: BrowserTest & { step?(name: string): void }): Promise<void> {
  const { page } = t
  const step = (name: string) => t.step?.(name)

  step('the 工作台 lists 节假日与工作日 and opens it')
  await t.signInAs(ADMIN)
  await t.open('packages/office/pages/index/index')
  const entry = visibleWith(page, '.wm-office-tool', '节假日与工作日')
  await entry.waitFor()
  await visibleWith(page, '.wm-office-tool', '评价期、保留期').waitFor()
  await t.shot('01-office-menu')
  await entry.tap()
  await page.waitForURL(/packages\/office\/pages\/calendar\/index/)

  step('2026 shows as seeded, grouped by festival')
  const source = visible(page, '#wm-calendar-source')
  await source.filter({ hasText: '已预置' }).waitFor()
  await source.filter({ hasText: '国务院办公厅' }).waitFor()
  const days = visible(page, '#wm-calendar-days')
  const spring = days.locator('.wm-calendar__festival', { hasText: '春节' })
  await spring.filter({ hasText: '2月15日–2月23日 休 9 天' }).waitFor()
  await spring.filter({ hasText: '2月14日（周六）、2月28日（周六） 上班' }).waitFor()
  await settled(page, '2月15日–2月23日')
  await t.shot('02-calendar-2026-seeded')
  const before = await yearOf(t, 2026)

  step('a sheet with one bad row is refused by line and nothing changes')
  await visible(page, 'textarea#wm-calendar-csv').fill(BAD_2026)
  await visible(page, '#wm-calendar-submit').tap()
  await confirmModal(page, '替换 2026 年安排')
  const refused = visible(page, '#wm-calendar-outcome')
  await refused.filter({ hasText: '未导入' }).waitFor()
  await refused.filter({ hasText: '第 3 行：调休上班日应为周六或周日' }).waitFor()
  if ((await refused.textContent())?.split('第 3 行').length !== 2) throw new Error('the bad row is named more than once')
  await refused.scrollIntoViewIfNeeded()
  await t.shot('03-calendar-bad-row')
  const after = await yearOf(t, 2026)
  if (after.source !== 'seeded' || JSON.stringify(after.days) !== JSON.stringify(before.days)) {
    throw new Error(`a refused sheet changed 2026: ${after.source}, ${after.days.length} days (was ${before.days.length})`)
  }
  await source.filter({ hasText: '已预置' }).waitFor()

  step('2027 is not loaded yet; a good sheet replaces it')
  await visible(page, '#wm-calendar-year-2027').tap()
  await source.filter({ hasText: '未导入' }).waitFor()
  await visible(page, '#wm-calendar-days').filter({ hasText: '还没有这一年的安排' }).waitFor()
  await visible(page, 'textarea#wm-calendar-csv').fill(GOOD_2027)
  await visible(page, '#wm-calendar-note input, input#wm-calendar-note').fill('国务院办公厅通知（测试）')
  await visible(page, '#wm-calendar-submit').tap()
  await confirmModal(page, '替换 2027 年安排')
  const done = visible(page, '#wm-calendar-outcome')
  await done.filter({ hasText: '导入成功' }).waitFor()
  await done.filter({ hasText: '休 9 天，调休上班 2 天' }).waitFor()
  await source.filter({ hasText: '文明办导入' }).waitFor()
  await source.filter({ hasText: '国务院办公厅通知（测试）' }).waitFor()
  await visibleWith(page, '#wm-calendar-days .wm-calendar__festival', '1月31日（周日）、2月20日（周六） 上班').waitFor()
  await t.shot('04-calendar-2027-imported')
  await done.scrollIntoViewIfNeeded()
  await t.shot('05-calendar-2027-outcome')
  const stored = await yearOf(t, 2027)
  if (stored.source !== 'office' || stored.days.length !== 11) throw new Error(`2027 stored as ${stored.source} with ${stored.days.length} days, expected office with 11`)
  const untouched = await yearOf(t, 2026)
  if (JSON.stringify(untouched.days) !== JSON.stringify(before.days)) throw new Error('importing 2027 changed 2026')

  step('the calendar page on a wide screen')
  await page.setViewportSize({ width: 1440, height: 900 })
  await visible(page, '#wm-calendar-year-2027').scrollIntoViewIfNeeded()
  await page.evaluate(() => document.querySelector('#wm-calendar')?.scrollIntoView({ block: 'start' }))
  await t.shot('06-calendar-wide')
  await page.setViewportSize({ width: 375, height: 740 })

  step('派发规则 saves the 评价期')
  await t.open('packages/reports/pages/routing/index')
  const windowInput = visible(page, '#wm-setting-rating-window input, input#wm-setting-rating-window')
  await windowInput.waitFor()
  await visible(page, '#wm-report-routing').filter({ hasText: '办结后市民可评价的天数，期满自动办结（未评价）' }).waitFor()
  await visible(page, '#wm-report-routing').filter({ hasText: '办结后保留上报人联系方式的天数，期满自动删除' }).waitFor()
  await windowInput.fill('10')
  await visible(page, '#wm-setting-rating-window-save').tap()
  await page.getByText('已保存').first().waitFor()
  await t.shot('07-routing-rating-window')
  const routing = await t.call('report', 'routing', {}, ADMIN)
  const windowDays = (routing.data as { ratingWindowDays?: number } | undefined)?.ratingWindowDays
  if (windowDays !== 10) throw new Error(`report.routing says ratingWindowDays ${String(windowDays)}, expected 10`)
  await windowInput.fill('31')
  await visible(page, '#wm-setting-rating-window-save').tap()
  await page.getByText('评价期请输入 1–30 之间的整数').first().waitFor()
  const unchanged = await t.call('report', 'routing', {}, ADMIN)
  if ((unchanged.data as { ratingWindowDays?: number }).ratingWindowDays !== 10) throw new Error('an out-of-range 评价期 was saved')

  step('a resident who opens the calendar page is told whose page it is')
  await t.signInAs('demo-resident')
  await t.open(CALENDAR)
  const forbidden = visible(page, '#wm-calendar-forbidden')
  await forbidden.filter({ hasText: '这是文明办的设置页面' }).waitFor()
  if ((await page.locator('.wm-state--error:visible').count()) > 0) throw new Error('the resident sees an error with a retry')
  await t.shot('08-calendar-resident')
  await visible(page, '#wm-calendar-forbidden .wm-state__action').tap()
  await page.waitForURL(/pages\/home\/index/)

  step('a stale link (a past year) says so and offers this year')
  await t.signInAs(ADMIN)
  await t.open(`${CALENDAR}?year=2024`)
  const stale = visible(page, '#wm-calendar-stale')
  await stale.filter({ hasText: '这个链接已过期' }).waitFor()
  await t.shot('09-calendar-stale-link')
  await visible(page, '#wm-calendar-stale .wm-state__action').tap()
  await visible(page, '#wm-calendar-source').filter({ hasText: '2026 年安排' }).waitFor()
}
