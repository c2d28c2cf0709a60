import { randomUUID } from 'node:crypto'
import { uploadPhoto } from '../photo'
import type { BrowserTest } from '../types'
import { dataOf, visible } from '../locate'

/**
 * 重办 is a request: a resident unhappy with a resolved report rates it 1★ → it waits as 申请重办
 * for the grid worker → the grid worker keeps it closed with a written reason → the resident reads
 * that reason on the timeline. The report is brought to 已办结 through the API (the report journey
 * walks those steps on screen); what happens after is all on screen.
 */

const RESIDENT = 'demo-resident'
const GRID = 'demo-grid'
const HANDLER = 'demo-handler'
const KEPT_CLOSED_REASON = '现场复核：小广告已全部清除，电线杆已刷漆覆盖'

/** Uploads a photo to a path the server reserved for `openid`, as the H5 build does. */
async function resolvedReport(t: BrowserTest): Promise<string> {
  const submitted = dataOf<{ id: string }>(
    await t.call(
      'report',
      'submit',
      {
        categoryId: 'illegal-ads',
        photos: [await uploadPhoto(t, RESIDENT, '小广告')],
        location: { lat: 30.2775, lng: 120.15, address: '文明路 20 号配电箱' },
        description: '配电箱上又贴满了小广告',
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
  dataOf(await t.call('report', 'resolve', { reportId: submitted.id, afterPhotos: [afterPhoto], note: '已清理配电箱上的小广告' }, HANDLER), 'report.resolve')
  return submitted.id
}

export default async function reopenJourney(t: BrowserTest): Promise<void> {
  const { page } = t
  const reportId = await resolvedReport(t)
  const detail = `packages/reports/pages/detail/index?id=${reportId}`

  // —— resident: unhappy with the result ——
  await t.signInAs(RESIDENT)
  await t.open(detail)
  await visible(page, '#wm-report-detail[data-status="resolved"]').waitFor()
  await visible(page, '#wm-report-unresolved').waitFor()
  await visible(page, '#wm-star-1').tap()
  await visible(page, 'textarea#wm-report-rating-comment').fill('配电箱背面还有好几张没清掉')
  await t.shot('01-resident-rates-1-star')
  await visible(page, '#wm-report-rate').tap()
  await visible(page, '#wm-report-detail[data-status="reopen-requested"]').waitFor()
  await t.shot('02-reopen-requested')

  // —— grid worker: checks on site and keeps it closed, saying why ——
  await t.signInAs(GRID)
  await t.open(detail)
  await visible(page, '#wm-report-detail[data-status="reopen-requested"]').waitFor()
  await visible(page, '#wm-act-keepClosed').tap()
  await visible(page, '#wm-report-act[data-action="keepClosed"]').waitFor()
  await visible(page, '#wm-act-reopen-request').filter({ hasText: '配电箱背面还有好几张没清掉' }).waitFor()
  await visible(page, 'textarea#wm-act-note').fill(KEPT_CLOSED_REASON)
  await t.shot('03-grid-keeps-closed')
  await visible(page, '#wm-act-submit').tap()
  await visible(page, '#wm-report-detail[data-status="resolved"]').waitFor()

  // —— resident: reads the reason on the timeline; the 1★ rating does not reopen it again ——
  await t.signInAs(RESIDENT)
  await t.open(detail)
  await visible(page, '#wm-report-detail[data-status="resolved"]').waitFor()
  // the grid worker's pages may still sit hidden in the H5 page stack with the same words: only a visible one counts
  const reason = page.locator('.wm-rp-step__note:visible', { hasText: KEPT_CLOSED_REASON }).first()
  await reason.waitFor()
  await reason.scrollIntoViewIfNeeded()
  await t.shot('04-resident-sees-reason')

  // a stale link (a report that no longer exists) says so and offers the way home, not a retry
  await t.open('packages/reports/pages/detail/index?id=removed-report-1')
  await visible(page, '#wm-report-missing').filter({ hasText: '找不到这条随手拍' }).waitFor()
  await t.shot('05-stale-link')
  await visible(page, '#wm-report-missing .wm-state__action').tap()
  await page.waitForURL(/pages\/home\/index/)
}
