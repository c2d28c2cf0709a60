import type { Page } from 'playwright-core'
import type { BrowserTest } from '../types'
import { chooseFiles, dataOf, field, settled, visible } from '../locate'
import { photo } from '../photo'

/**
 * 门前三包, end to end on the H5 build: 东城街道办 registers a shop (name, type, the frontage drawn
 * as a line on the map) and prints its A5 door card (a one-page A5 PDF), then names its owner →
 * the owner signs the 责任书 in the app → a resident scans the door code, taps 报告门前问题 and
 * 占道经营, and reports with a photo: the report goes to the shop first (门店处理中), not to the
 * grid worker → the shop answers with an after-photo within its limit → the resident rates it 5★ →
 * the street's live 红黑榜 for the month ranks the shop with the arithmetic of a fixed report.
 * A resident who opens the street office's page is told kindly whom it is for; a stale door code
 * says 内容不存在或已下线.
 */
type Journey = BrowserTest & { step?(name: string): void }

const STREET = 'demo-street'
const OWNER = 'demo-shop'
const RESIDENT = 'demo-resident'
const PAGE = 'packages/frontage/pages/index/index'
const SHOP_NAME = '文明路青禾小吃店'

async function confirmModal(page: Page): Promise<void> {
  await page.locator('.taro-modal__title:visible').first().waitFor()
  await page.locator('.taro-model__confirm').tap()
}

/** Taps a point of a drawn map at fractions of its box. */
async function tapMap(page: Page, selector: string, x: number, y: number): Promise<void> {
  const map = visible(page, selector)
  await map.scrollIntoViewIfNeeded()
  const box = await map.boundingBox()
  if (!box) throw new Error(`${selector} is not on screen`)
  await map.tap({ position: { x: box.width * x, y: box.height * y } })
}

export default async function frontageJourney(t: Journey): Promise<void> {
  const { page } = t
  const step = (name: string) => t.step?.(name)
  const shot = async (name: string) => {
    await settled(page)
    await t.shot(name)
  }
  await page.setViewportSize({ width: 390, height: 844 })

  step('a resident who opens the street office\'s page is told whom it is for')
  await t.signInAs(RESIDENT)
  await t.open(`${PAGE}?view=street`)
  await visible(page, '#wm-fr-forbidden').waitFor()
  await shot('01-resident-refused')

  step('东城街道办 registers a shop, drawing its frontage as a line on the map')
  await t.signInAs(STREET)
  await t.open(`${PAGE}?view=street`)
  await visible(page, '#wm-fr-street').waitFor()
  await shot('02-street-home')
  await visible(page, '#wm-fr-go-register').tap()
  await visible(page, '#wm-fr-register').waitFor()
  await field(page, 'wm-fr-register-name').fill(SHOP_NAME)
  // the wheel opens on its first entry, 餐饮; 确定 takes the highlighted one
  await visible(page, '#wm-fr-register-type').tap()
  await page.locator('.weui-picker__action:visible, .taro-picker__action:visible', { hasText: '确定' }).last().tap()
  await visible(page, '#wm-fr-register-type').filter({ hasText: '餐饮' }).waitFor()
  await field(page, 'wm-fr-register-address').fill('东城街道文明路 36 号')
  await field(page, 'wm-fr-register-owner').fill('陈青禾')
  await field(page, 'wm-fr-register-phone').fill('13800138036')
  // the first tap frames 文明路网格 up close, the next two are the shopfront's two ends
  await tapMap(page, '#wm-fr-register-map', 0.5, 0.3)
  await tapMap(page, '#wm-fr-register-map', 0.35, 0.5)
  await tapMap(page, '#wm-fr-register-map', 0.6, 0.5)
  await shot('03-register-form')
  await visible(page, '#wm-fr-register-submit').tap()
  await page.waitForURL(/view=shop&shopId=/)
  const shopId = new URL(page.url().replace('#/', '')).searchParams.get('shopId') ?? ''
  if (!shopId) throw new Error(`no shop id in ${page.url()}`)
  await visible(page, '#wm-fr-shop-owner').waitFor()
  await shot('04-shop-detail')

  step('the door card prints on one A5 page')
  await visible(page, '#wm-fr-card').tap()
  await visible(page, '#wm-fr-door-card').filter({ hasText: SHOP_NAME }).filter({ hasText: '餐饮' }).waitFor()
  await visible(page, '#wm-fr-card-code').waitFor()
  await shot('05-door-card')
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: 'A5', printBackground: true, preferCSSPageSize: true })
  await page.emulateMedia({ media: 'screen' })
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
  if (pages !== 1) throw new Error(`the door card printed on ${pages} pages, expected one A5 page`)

  step('the street office names the owner; the owner signs the 责任书')
  await t.open(`${PAGE}?view=shop&shopId=${shopId}`)
  await field(page, 'wm-fr-shop-owner-id').fill(OWNER)
  await visible(page, '#wm-fr-shop-owner-save').tap()
  await visible(page, '#wm-fr-shop-owner-set').filter({ hasText: '已指定负责人' }).waitFor()
  await t.signInAs(OWNER)
  await t.open(`${PAGE}?view=mine`)
  await visible(page, `#wm-fr-shop-${shopId}`).waitFor()
  await shot('06-owner-shops')
  await visible(page, `#wm-fr-shop-${shopId}-pledge`).tap()
  await visible(page, '#wm-fr-pledge-duties').waitFor()
  await shot('07-pledge-unsigned')
  await visible(page, '#wm-fr-sign').tap()
  await confirmModal(page)
  await visible(page, '#wm-fr-pledge-signed').waitFor()
  await shot('08-pledge-signed')

  step('a resident scans the door code and reports 占道经营 in two taps: it goes to the shop first')
  const card = dataOf<{ scene: string }>(await t.call('frontage', 'doorCard', { shopId }, STREET), 'frontage.doorCard')
  await t.signInAs(RESIDENT)
  await t.open(`pages/entry/index?scene=${encodeURIComponent(card.scene)}`)
  await visible(page, '#wm-fr-door-report').waitFor()
  if (((await page.locator('body').textContent()) ?? '').includes('13800138036')) throw new Error('the door page shows the owner\'s phone')
  await shot('09-door')
  await visible(page, '#wm-fr-door-report').tap()
  await visible(page, '#wm-fr-door-cat-street-vending').tap()
  await visible(page, '#wm-report-form').waitFor()
  await visible(page, '#wm-cat-street-vending[aria-checked="true"]').waitFor()
  // the form says before submit where this goes
  await visible(page, '#wm-report-place-notice').filter({ hasText: SHOP_NAME }).waitFor()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '#wm-report-add-photo').tap()])
  await chooser.setFiles({ name: 'stall.jpg', mimeType: 'image/jpeg', buffer: await photo(page, '店外经营', '#d08040') })
  await visible(page, '.wm-rp-photo__bar').filter({ hasText: '已上传' }).waitFor()
  await visible(page, 'textarea#wm-report-description').fill('小吃店把桌椅摆到人行道上，行人只能走机动车道。')
  await shot('10-report-form')
  await visible(page, '#wm-report-submit').tap()
  // the confirmation says the shop has it first, then the detail page
  await visible(page, '#wm-report-done[data-status="at-shop"]').waitFor()
  await visible(page, '#wm-report-done-next').filter({ hasText: SHOP_NAME }).waitFor()
  const reportId = new URL(page.url().replace('/#/', '/')).searchParams.get('id') ?? ''
  if (!reportId) throw new Error(`no report id in ${page.url()}`)
  await visible(page, '#wm-report-done-detail').tap()
  await visible(page, '#wm-report-detail[data-status="at-shop"]').waitFor()
  await shot('11-report-at-shop')
  const gridQueue = dataOf<{ items: Array<{ id: string }> }>(await t.call('report', 'queue', { as: 'grid', status: 'submitted' }, 'demo-grid'), 'report.queue')
  if (gridQueue.items.some((r) => r.id === reportId)) throw new Error('the frontage report reached the grid worker\'s 待受理 before the shop had its turn')

  step('the shop answers with an after-photo within its limit')
  await t.signInAs(OWNER)
  await t.open(`${PAGE}?view=shop-reports&shopId=${shopId}`)
  await visible(page, `#wm-fr-report-${reportId}`).waitFor()
  await shot('12-shop-reports')
  await visible(page, `#wm-fr-report-${reportId}`).tap()
  await visible(page, '#wm-fr-answer-form').waitFor()
  await field(page, 'wm-fr-answer-note').fill('已把桌椅搬回店内，门前人行道已清空。')
  await chooseFiles(page, '#wm-fr-answer-photo', [{ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await photo(page, '已清空', '#70a070') }])
  await shot('13-answer-form')
  await visible(page, '#wm-fr-answer-submit').tap()
  await visible(page, '#wm-fr-answer-done').waitFor()
  await shot('14-answered')

  step('the resident rates it 5★')
  await t.signInAs(RESIDENT)
  await t.open(`packages/reports/pages/detail/index?id=${reportId}`)
  await visible(page, '#wm-report-detail[data-status="resolved"]').waitFor()
  await visible(page, '#wm-star-5').tap()
  await visible(page, '#wm-report-rate').tap()
  await visible(page, '#wm-report-detail[data-status="rated"]').waitFor()
  await shot('15-rated')

  step('the street\'s 红黑榜 for the month ranks the shop with a fixed report\'s arithmetic')
  await t.signInAs(STREET)
  await t.open(`${PAGE}?view=board`)
  // a report the shop fixed in time: 0.5 × 0.5（按时）= 0.25 off 100
  await visible(page, `#wm-fr-board-row-${shopId}`).filter({ hasText: '99.75' }).waitFor()
  await shot('16-board-phone')
  await page.setViewportSize({ width: 1440, height: 900 })
  await t.open(`${PAGE}?view=board`)
  await visible(page, `#wm-fr-board-row-${shopId}`).waitFor()
  await shot('17-board-wide')
  await page.setViewportSize({ width: 390, height: 844 })

  step('a stale door code says so kindly')
  await t.signInAs(RESIDENT)
  await t.open(`${PAGE}?view=door&shopId=shop-no-such`)
  await visible(page, '#wm-fr-missing').waitFor()
  await shot('18-stale-door')
}
