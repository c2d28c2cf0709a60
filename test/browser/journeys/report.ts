import type { Page } from 'playwright-core'
import { photo } from '../photo'
import type { BrowserTest } from '../types'
import { settled, visible } from '../locate'

/**
 * 随手拍 end to end on the H5 build: a resident takes a photo first, the place comes from the
 * phone's position, picks a category from the short row (the rest in a sheet) and submits → the
 * confirmation (ticket number, what happens next, 订阅进度通知) → the grid worker dispatches → the
 * unit starts and resolves with an after-photo → the resident sees the timeline and rates; then
 * the public square and the office ledger.
 */

/** inside 文明路网格 of the demo city (the middle of the northern row) */
const HERE = { latitude: 30.278, longitude: 120.15 }
export const PHONE = { width: 390, height: 844 }

/** A resident on the 随手拍 tab of a 390×844 phone standing in 文明路网格 (the place comes from its position). */
export async function openFormAsResident(t: BrowserTest): Promise<void> {
  await t.context.grantPermissions(['geolocation'])
  await t.context.setGeolocation(HERE)
  await t.page.setViewportSize(PHONE)
  await t.signInAs('demo-resident')
  await t.open('pages/report/index')
  await visible(t.page, '#wm-report-form').waitFor()
}

async function addPhoto(t: BrowserTest, label: string, colour: string): Promise<void> {
  const { page } = t
  const buffer = await photo(page, label, colour)
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '#wm-report-add-photo').tap()])
  await chooser.setFiles({ name: `${label}.jpg`, mimeType: 'image/jpeg', buffer })
  await visible(page, '.wm-rp-photo__bar').filter({ hasText: '已上传' }).waitFor()
}

async function openFromQueue(t: BrowserTest, role: 'grid' | 'handler', tab: string, reportId: string): Promise<void> {
  await t.open(`packages/reports/pages/queue/index?role=${role}`)
  await visible(t.page, `#wm-tab-${tab}`).tap()
  await visible(t.page, `#wm-report-${reportId}`).tap()
  await visible(t.page, '#wm-report-detail').waitFor()
}

async function act(t: BrowserTest, action: string, shot: string, fill?: () => Promise<void>): Promise<void> {
  const { page } = t
  await visible(page, `#wm-act-${action}`).tap()
  await visible(page, `#wm-report-act[data-action="${action}"]`).waitFor()
  await fill?.()
  await t.shot(shot)
  await visible(page, '#wm-act-submit').tap()
  await visible(page, '#wm-report-detail').waitFor()
}

/** Residents see the grid and the address, never a latitude or longitude such as 30.27628. */
async function expectNoCoordinates(page: Page, selector: string): Promise<void> {
  const text = (await visible(page, selector).textContent()) ?? ''
  const found = /\d{2,3}\.\d{3,}/.exec(text)
  if (found) throw new Error(`${selector} shows a coordinate: ${found[0]}`)
}

async function expectStatus(page: Page, status: string): Promise<void> {
  await visible(page, `#wm-report-detail[data-status="${status}"]`).waitFor()
}

export default async function reportJourney(t: BrowserTest): Promise<void> {
  const { page } = t

  // —— resident: the form, photo first, the place from the phone's position ——
  await openFormAsResident(t)
  // the first thing on the tab is the camera, then the album; the place arrives by itself
  const cameraBox = await visible(page, '#wm-report-add-photo').boundingBox()
  if (!cameraBox || cameraBox.y + cameraBox.height > PHONE.height) throw new Error(`拍照 is not on the first screen: ${JSON.stringify(cameraBox)}`)
  await visible(page, '#wm-report-album').waitFor()
  await visible(page, '#wm-report-place').filter({ hasText: '已定位：文明路网格' }).waitFor()
  await t.shot('01-form-empty')

  await addPhoto(t, '小广告', '#f2d14a')
  // the rest of the categories are one tap away, in a sheet
  await visible(page, '#wm-cat-more').tap()
  await visible(page, '#wm-cat-sheet').waitFor()
  await t.shot('02a-category-sheet')
  await visible(page, '#wm-cat-all-back-alley').tap()
  await page.locator('#wm-cat-sheet').waitFor({ state: 'detached' })
  await visible(page, '#wm-cat-back-alley[aria-checked="true"]').waitFor()
  await visible(page, '#wm-cat-illegal-ads').tap()
  await visible(page, '#wm-cat-illegal-ads[aria-checked="true"]').waitFor()
  await t.shot('02-form-category-photo')

  await visible(page, 'input#wm-report-address').fill('文明路 18 号公交站旁电线杆')
  await visible(page, '#wm-report-place').filter({ hasText: '地址：文明路 18 号公交站旁电线杆' }).waitFor()
  await expectNoCoordinates(page, '#wm-report-place')
  // the drawn map is there when asked for, and a tap on it moves the pin
  await visible(page, '#wm-report-pick-map').tap()
  const map = visible(page, '#wm-report-map')
  await map.scrollIntoViewIfNeeded()
  const box = await map.boundingBox()
  if (!box) throw new Error('the grid map is not on screen')
  await map.tap({ position: { x: box.width * 0.5, y: box.height * 0.3 } })
  await visible(page, '#wm-report-place').filter({ hasText: '已定位：文明路网格' }).waitFor()
  await t.shot('03-form-location')
  await visible(page, '#wm-report-pick-map').tap()
  await page.locator('#wm-report-map').waitFor({ state: 'detached' })

  await visible(page, 'textarea#wm-report-description').fill('公交站旁电线杆和配电箱上贴满了小广告，已经持续一周。')
  await visible(page, 'input#wm-report-phone').fill('13900001234')
  // the whole form fits in about 1.5 screens of a 390×844 phone
  const formHeight = await page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('#wm-report-form')).find((el) => el.offsetParent !== null)?.scrollHeight ?? 0)
  if (!(formHeight > 0 && formHeight <= 1.5 * PHONE.height)) throw new Error(`the form is ${formHeight}px tall, more than 1.5 screens (${1.5 * PHONE.height}px)`)
  console.info(`  report form: ${formHeight}px at 390×844`)
  await visible(page, '#wm-report-submit').scrollIntoViewIfNeeded()
  await t.shot('04-form-ready')
  await visible(page, '#wm-report-submit').tap()

  // —— the confirmation, not the detail page ——
  await visible(page, '#wm-report-done[data-status="submitted"]').waitFor()
  await page.locator('#wm-report-form').waitFor({ state: 'hidden' })
  const reportId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')
  if (!reportId) throw new Error(`no report id in ${page.url()}`)
  const ticket = ((await visible(page, '#wm-report-done-no').textContent()) ?? '').trim()
  if (!ticket || ticket.includes(reportId)) throw new Error(`the confirmation shows no ticket number people can read out: "${ticket}"`)
  await visible(page, '#wm-report-done-next').filter({ hasText: '2 小时内由网格员受理' }).waitFor()
  await visible(page, '#wm-report-done-points').filter({ hasText: '5 积分' }).waitFor()
  await settled(page)
  await t.shot('04a-confirmation')
  await visible(page, '#wm-report-subscribe').filter({ hasText: '订阅进度通知' }).tap()
  await visible(page, '#wm-report-done-detail').tap()

  await expectStatus(page, 'submitted')
  await visible(page, '#wm-report-head').filter({ hasText: ticket }).waitFor()
  await visible(page, '#wm-report-due').filter({ hasText: '受理时限' }).waitFor()
  await t.shot('05-detail-submitted')
  // a photo opens full screen in the browser's own viewer (not Taro's swiper-based one) and closes again
  await visible(page, '.wm-rp-photo').tap()
  await page.locator('.wm-viewer .wm-viewer__count', { hasText: '1 / 1' }).waitFor()
  await page.locator('.wm-viewer__image[src*="/api/storage/file/reports/"]').waitFor()
  await t.shot('05a-photo-viewer')
  await page.locator('.wm-viewer__button', { hasText: '关闭' }).tap()
  await page.locator('.wm-viewer').waitFor({ state: 'detached' })

  // —— a neighbour reports the same thing nearby: 我也遇到 instead of a second report ——
  await t.signInAs('demo-volunteer')
  await t.open('pages/report/index')
  await visible(page, '#wm-report-place').filter({ hasText: '已定位：文明路网格' }).waitFor()
  await addPhoto(t, '又贴上了', '#f2d14a')
  await visible(page, '#wm-cat-illegal-ads').tap()
  await visible(page, '#wm-report-pick-map').tap()
  const sameMap = visible(page, '#wm-report-map')
  await sameMap.scrollIntoViewIfNeeded()
  const sameBox = await sameMap.boundingBox()
  if (!sameBox) throw new Error('the grid map is not on screen')
  await sameMap.tap({ position: { x: sameBox.width * 0.5 + 2, y: sameBox.height * 0.3 } })
  await visible(page, '#wm-report-submit').tap()
  await visible(page, '#wm-report-duplicates').scrollIntoViewIfNeeded()
  await t.shot('05b-duplicate-offer')
  await visible(page, `#wm-dup-confirm-${reportId}`).tap()
  await visible(page, '#wm-report-head').filter({ hasText: '另有 1 位市民反映' }).waitFor()
  await page.locator('#wm-report-form').waitFor({ state: 'hidden' })
  await t.shot('05c-confirmed')
  await t.context.clearPermissions()

  // —— grid worker: dispatch ——
  await t.signInAs('demo-grid')
  await t.open('packages/reports/pages/queue/index?role=grid')
  await visible(page, `#wm-report-${reportId}`).waitFor()
  await t.shot('06-grid-queue')
  await visible(page, `#wm-report-${reportId}`).tap()
  await visible(page, '#wm-report-reporter').filter({ hasText: '139****1234' }).waitFor()
  await visible(page, '#wm-report-where').filter({ hasText: '文明路网格' }).filter({ hasText: '文明路 18 号公交站旁电线杆' }).waitFor()
  await expectNoCoordinates(page, '#wm-report-detail')
  await visible(page, '#wm-report-actions').scrollIntoViewIfNeeded()
  await t.shot('07-grid-detail')
  // the action buttons share one row (WeUI's button + button margin once pushed the second one down)
  const [dispatchBox, rejectBox] = await Promise.all([visible(page, '#wm-act-dispatch').boundingBox(), visible(page, '#wm-act-reject').boundingBox()])
  if (!dispatchBox || !rejectBox || Math.abs(dispatchBox.y - rejectBox.y) > 1) {
    throw new Error(`派发 and 不予受理 are not on one line: ${dispatchBox?.y} vs ${rejectBox?.y}`)
  }
  await act(t, 'dispatch', '08-grid-dispatch', async () => {
    await visible(page, '#wm-choice-unit-demo[aria-checked="true"]').scrollIntoViewIfNeeded()
  })
  await expectStatus(page, 'dispatched')
  await t.shot('09-dispatched')

  // —— handler: start, then resolve with an after-photo ——
  await t.signInAs('demo-handler')
  await openFromQueue(t, 'handler', 'dispatched', reportId)
  if ((await page.locator('body').textContent())?.includes('13900001234')) throw new Error('the handler sees the reporter’s full phone number')
  await act(t, 'start', '10-handler-start')
  await expectStatus(page, 'processing')
  await act(t, 'resolve', '11-handler-resolve', async () => {
    await addPhoto(t, '整改后', '#8a8580')
    await visible(page, 'textarea#wm-act-note').fill('已清除电线杆和配电箱上的小广告，并张贴文明提示。')
    await visible(page, '#wm-act-note').scrollIntoViewIfNeeded()
  })
  await expectStatus(page, 'resolved')
  await t.shot('12-resolved')

  // —— resident: timeline and rating ——
  await t.signInAs('demo-resident')
  // 我的 → 我的随手拍: the list of my reports, with its title
  await t.open('pages/mine/index')
  await visible(page, '.wm-mine-cell').filter({ hasText: '我的随手拍' }).tap()
  await visible(page, '#wm-my-reports-title').filter({ hasText: '我的随手拍' }).waitFor()
  await visible(page, `#wm-report-${reportId}`).waitFor()
  await settled(page)
  await t.shot('13-mine')
  await visible(page, `#wm-report-${reportId}`).tap()
  await expectStatus(page, 'resolved')
  await visible(page, '#wm-report-resolution').scrollIntoViewIfNeeded()
  await t.shot('14-resident-resolution')
  const timeline = visible(page, '#wm-report-timeline')
  for (const step of ['提交随手拍', '派发至 城市管理综合执法大队', '开始处置', '办结']) {
    await timeline.getByText(step, { exact: true }).waitFor()
  }
  await visible(page, '#wm-star-4').tap()
  await visible(page, 'textarea#wm-report-rating-comment').fill('处理很及时，谢谢！')
  await visible(page, '#wm-report-rating').scrollIntoViewIfNeeded()
  await t.shot('15-resident-rating')
  await visible(page, '#wm-report-rate').tap()
  await expectStatus(page, 'rated')
  await timeline.getByText('评价 4 星').waitFor()
  await timeline.scrollIntoViewIfNeeded()
  await t.shot('16-resident-timeline-rated')

  // —— the public square: no identity, rough place ——
  await t.signInAs('demo-volunteer')
  await t.open('packages/reports/pages/square/index')
  await visible(page, `#wm-feed-${reportId}`).waitFor()
  const squareText = (await page.locator('body').textContent()) ?? ''
  if (squareText.includes('13900001234') || squareText.includes('文明路 18 号')) throw new Error('the square shows contact data or the exact address')
  await t.shot('17-square')

  // —— the office: the ledger (the demo city's two late reports) and the detail with an audited reveal ——
  await t.signInAs('demo-admin')
  await t.open('packages/reports/pages/ledger/index')
  await visible(page, '#wm-ledger-demo-report-late-unit').filter({ hasText: '已超期' }).waitFor()
  await visible(page, '#wm-ledger-demo-report-late-grid').filter({ hasText: '西城网格' }).waitFor()
  await t.shot('18-office-ledger')
  await t.open(`packages/reports/pages/detail/index?id=${reportId}`)
  await visible(page, '#wm-report-reporter').scrollIntoViewIfNeeded()
  await t.shot('19-office-detail')

  // —— the office's routing table ——
  await t.open('packages/reports/pages/routing/index')
  await visible(page, '#wm-report-routing').getByText('背街小巷脏乱差').waitFor()
  await t.shot('20-office-routing')

  // —— a resident scans the 随手拍 poster at the bus stop: the form opens with the poster's place ——
  await t.signInAs('demo-resident')
  // the phone knows where it is, and the poster's place still wins
  await t.context.grantPermissions(['geolocation'])
  await t.open('pages/entry/index?scene=pDEMOREPORT')
  await visible(page, '#wm-report-form').waitFor()
  await page.waitForFunction(
    () => Array.from(document.querySelectorAll<HTMLInputElement>('input#wm-report-address')).some((el) => el.value.includes('公交站')),
    null,
    { timeout: 10_000 },
  )
  await page.waitForTimeout(500)
  if (!(await visible(page, 'input#wm-report-address').inputValue()).includes('公交站')) throw new Error('the current position replaced the poster’s place')
  if ((await page.locator('.wm-rp-error:visible', { hasText: '未能获取位置' }).count()) > 0) throw new Error('the form says the position failed while it has the poster’s place')
  await visible(page, '#wm-report-address').scrollIntoViewIfNeeded()
  await t.shot('21-form-from-poster')
  await t.context.clearPermissions()

  // —— 首页 shows the newest fixed problems and praise from the square as 创文动态 ——
  await t.open('pages/home/index')
  await visible(page, '#wm-city-news').filter({ hasText: '已整改' }).waitFor()
  await visible(page, '#wm-city-news').scrollIntoViewIfNeeded()
  await t.shot('22-home-city-news')
}
