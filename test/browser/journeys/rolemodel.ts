import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { uploadPhoto } from '../photo'
import type { BrowserTest } from '../types'
import { dataOf, visible } from '../locate'

/**
 * 身边好人, end to end on screen: a resident nominates 张桂兰 → the office accepts her from the
 * review queue and gets a one-time consent code → 张桂兰 opens the consent view with that code,
 * reads exactly what will be public and agrees → the office opens a round (both consented
 * people, 1 seat, 1 vote a day) → two residents vote; the second tries a second vote and is told
 * kindly that today's votes are used → the office enters panel scores, waits for the end and
 * publishes the result with its numbers → the 好人榜 shows 张桂兰 and takes a 点赞. A resident
 * who opens an office view is refused kindly. A second nominee (赵志刚, with a photo) is arranged
 * through the API.
 *
 * The local host's clock cannot be advanced, so the journey shortens the round the office opens
 * on screen: it rewrites the openRound request's endAt to a few seconds ahead (the form itself
 * only offers whole days, ending at 24:00).
 */

const PAGE = 'packages/rolemodel/pages/index/index'
const RESIDENT = 'demo-resident'
const RESIDENT_2 = 'demo-volunteer'
const OFFICE = 'demo-admin'
const NOMINEE = 'demo-nominee-wang'
const NOMINEE_2 = 'demo-nominee-li'
const ROUND_SECONDS = 22
/** seeded with a delegation for 文明区 */
const DISTRICT_REVIEWER = 'demo-district-reviewer'
const HEPING_REVIEWER = 'demo-reviewer-heping'


/** Taro slides a newly opened page in from the right: shoot once the visible one has arrived. */
async function settled(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((css) => {
    const element = Array.from(document.querySelectorAll(css)).find((e) => (e as HTMLElement).offsetParent !== null)
    const host = element?.closest('.taro_page')
    return host !== null && host !== undefined && Math.abs(host.getBoundingClientRect().left) < 1
  }, selector)
}

async function confirmModal(page: Page, title: string): Promise<void> {
  await page.locator('.taro-modal__title', { hasText: title }).waitFor()
  await page.locator('.taro-model__confirm').tap()
}

async function toastGone(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__toast')).every((e) => getComputedStyle(e).display === 'none'))
}

const uploadRolemodelPhoto = (t: BrowserTest, openid: string, label: string) => uploadPhoto(t, openid, label, { area: 'rolemodel', colour: '#c8102e' })

export default async function rolemodelJourney(t: BrowserTest & { step?(name: string): void }): Promise<void> {
  const { page } = t
  // every view is one page: a hash change to the same page with another ?view= is not a new load
  const go = async (route: string) => {
    await t.open(route)
    await page.reload({ waitUntil: 'load' })
    await visible(page, '.wm-shell').waitFor()
  }
  const step = (name: string) => t.step?.(name)
  await page.setViewportSize({ width: 390, height: 844 })

  step('arrange: a second nominee, 赵志刚, nominated with a photo, accepted and consented through the API')
  const liPhoto = await uploadRolemodelPhoto(t, RESIDENT_2, '赵志刚')
  const li = dataOf<{ id: string }>(
    await t.call(
      'rolemodel',
      'nominate',
      {
        name: '赵志刚',
        categoryId: 'bravery',
        place: { district: '文明区', street: '和平街道', community: '滨江社区' },
        account: '今年七月，赵志刚在滨江公园跳进河里，救起了一名落水的小学生，上岸后没留姓名就走了。',
        photos: [liPhoto],
        phone: '13800000002',
        requestId: randomUUID(),
      },
      RESIDENT_2,
    ),
    'nominate 赵志刚',
  )
  const liAccepted = dataOf<{ consent: { code: string } }>(await t.call('rolemodel', 'review', { nominationId: li.id, decision: 'accept' }, OFFICE), 'accept 赵志刚')
  dataOf(await t.call('rolemodel', 'consent', { code: liAccepted.consent.code, agree: true }, NOMINEE_2), 'consent 赵志刚')

  step('a resident nominates 张桂兰 on screen')
  await t.signInAs(RESIDENT)
  await go(`${PAGE}?view=nominate`)
  await visible(page, '#wm-rm-nominate').waitFor()
  await visible(page, '#wm-rm-cat-helping').tap()
  await visible(page, '#wm-rm-cat-helping[aria-checked="true"]').waitFor()
  await visible(page, 'input#wm-rm-name').fill('张桂兰')
  await visible(page, 'input#wm-rm-district').fill('文明区')
  await visible(page, 'input#wm-rm-street').fill('和平街道')
  await visible(page, 'input#wm-rm-community').fill('幸福里社区')
  const account = '张桂兰阿姨十年来每天给楼里独居的李奶奶送饭、陪她看病，还组织邻居轮流照看，从不图回报。'
  await visible(page, 'textarea#wm-rm-account').fill(account)
  await visible(page, '#wm-rm-account-count').filter({ hasText: `${account.length}/500` }).waitFor()
  await visible(page, 'input#wm-rm-phone').fill('13900000001')
  await visible(page, '#wm-rm-account').scrollIntoViewIfNeeded()
  await t.shot('01-nominate-form')
  await visible(page, '#wm-rm-phone').scrollIntoViewIfNeeded()
  await t.shot('01b-nominate-form-phone')
  await visible(page, '#wm-rm-nominate-submit').tap()
  await visible(page, '#wm-rm-nominated').waitFor()
  await t.shot('02-nominated')

  step('my nominations shows it 待审核')
  await visible(page, '#wm-rm-nominated .wm-state__action').tap()
  await visible(page, '#wm-rm-mine [data-status="pending"]').waitFor()
  await settled(page, '#wm-rm-mine')
  await t.shot('03-my-nominations')

  step('a resident who opens an office view is told kindly it is the office\'s')
  await go(`${PAGE}?view=review`)
  await visible(page, '#wm-rm-forbidden').filter({ hasText: '由文明办使用' }).waitFor()
  if ((await page.locator('.wm-state--error:visible').count()) > 0) throw new Error('the refusal shows an error state instead of a kind word')
  await t.shot('04-resident-refused')

  step('the office accepts 张桂兰 from the review queue and gets the consent code')
  await t.signInAs(OFFICE)
  await go(`${PAGE}?view=office`)
  await visible(page, '#wm-rm-office').waitFor()
  await t.shot('05-office-home')
  await visible(page, '#wm-rm-office-review').tap()
  const item = visible(page, '#wm-rm-queue [data-name="张桂兰"]')
  await item.waitFor()
  await settled(page, '#wm-rm-queue')
  await t.shot('06-review-queue')
  await item.tap()
  await visible(page, '#wm-rm-review[data-status="pending"]').waitFor()
  await visible(page, '#wm-rm-review-phone').filter({ hasText: '13900000001' }).waitFor()
  await visible(page, '#wm-rm-decide-accept').tap()
  await visible(page, 'textarea#wm-rm-accept-story').waitFor()
  await visible(page, '#wm-rm-accept-submit').tap()
  const panel = visible(page, '#wm-rm-consent-code-panel')
  await panel.waitFor()
  await visible(page, '#wm-rm-review[data-status="accepted"]').waitFor()
  const code = await panel.getAttribute('data-code')
  if (!code || !/^[A-Z2-9]{12}$/.test(code)) throw new Error(`the consent code panel carries 「${code}」`)
  await settled(page, '#wm-rm-review')
  await panel.scrollIntoViewIfNeeded()
  await t.shot('07-accepted-code')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.evaluate(() => window.scrollTo(0, 0))
  await t.shot('08-review-wide')
  await page.setViewportSize({ width: 390, height: 844 })

  step('张桂兰 opens the consent view with the code, sees what will be public, and agrees')
  await t.signInAs(NOMINEE)
  await go(`${PAGE}?view=consent&code=${code}`)
  await visible(page, '#wm-rm-consent-preview').filter({ hasText: account }).waitFor()
  await t.shot('09-consent')
  await visible(page, '#wm-rm-consent-agree').tap()
  await visible(page, '#wm-rm-consent-done[data-consent="given"]').waitFor()
  await t.shot('10-consented')

  step('the office opens a round on screen: both people, 1 seat, 1 vote a day')
  await t.signInAs(OFFICE)
  await page.route('**/api/cloud/rolemodel', async (route) => {
    const body = route.request().postDataJSON() as { action: string; data: Record<string, unknown> }
    if (body.action !== 'openRound') return route.continue()
    body.data.endAt = Date.now() + ROUND_SECONDS * 1000
    return route.continue({ postData: JSON.stringify(body) })
  })
  await go(`${PAGE}?view=setup`)
  await visible(page, '#wm-rm-setup').waitFor()
  await visible(page, 'input#wm-rm-setup-title').fill('2026年第四季度身边好人')
  for (const name of ['张桂兰', '赵志刚']) {
    const row = page.locator('#wm-rm-setup-people .wm-rm-check:visible', { hasText: name }).first()
    await row.tap()
    await page.locator('#wm-rm-setup-people .wm-rm-check[aria-checked="true"]:visible', { hasText: name }).first().waitFor()
  }
  await visible(page, 'input#wm-rm-setup-votes').fill('1')
  await visible(page, '#wm-rm-setup-weights').filter({ hasText: '× 70%' }).waitFor()
  await visible(page, '#wm-rm-setup-submit').scrollIntoViewIfNeeded()
  await t.shot('11-round-setup')
  const opened = Date.now()
  await visible(page, '#wm-rm-setup-submit').tap()
  await visible(page, '#wm-rm-manage[data-status="open"]').waitFor()
  await page.unroute('**/api/cloud/rolemodel')
  // the demo data has a round of its own open: this one is the round the manage view opened on
  const roundId = /roundId=([A-Za-z0-9_-]+)/.exec(decodeURIComponent(page.url()))?.[1]
  if (!roundId) throw new Error(`the manage view opened without a roundId: ${page.url()}`)

  step('a resident votes for 张桂兰; no live count is shown')
  await t.signInAs(RESIDENT)
  await go(`${PAGE}?view=round&roundId=${roundId}`)
  await visible(page, '#wm-rm-votes-left').filter({ hasText: '还可以投 1 票' }).waitFor()
  const wang = visible(page, '#wm-rm-round [data-name="张桂兰"]')
  await wang.waitFor()
  await wang.locator('[id^="wm-rm-snapshot-"]').filter({ hasText: '首次快照尚未公布' }).waitFor()
  await t.shot('12-round-before-vote')
  await wang.locator('[id^="wm-rm-vote-"]').tap()
  await wang.locator('[id^="wm-rm-vote-"]').filter({ hasText: '今天已投' }).waitFor()
  await visible(page, '#wm-rm-votes-left').filter({ hasText: '已经投完' }).waitFor()
  await toastGone(page)
  await t.shot('13-voted')

  step('a second resident votes for 赵志刚, then tries 张桂兰 too and is told kindly')
  await t.signInAs(RESIDENT_2)
  await go(`${PAGE}?view=round&roundId=${roundId}`)
  const li2 = visible(page, '#wm-rm-round [data-name="赵志刚"]')
  await li2.waitFor()
  await li2.locator('[id^="wm-rm-vote-"]').tap()
  await li2.locator('[id^="wm-rm-vote-"]').filter({ hasText: '今天已投' }).waitFor()
  await toastGone(page)
  const wang2 = visible(page, '#wm-rm-round [data-name="张桂兰"]')
  await wang2.locator('[id^="wm-rm-vote-"]').tap()
  await visible(page, '#wm-rm-vote-notice').filter({ hasText: '明天 0 点后可以再投' }).waitFor()
  // and the server itself refuses a second vote today, with the kind message
  const over = await t.call('rolemodel', 'vote', { roundId, candidateId: (await wang2.getAttribute('id'))?.replace('wm-rm-candidate-', '') }, RESIDENT_2)
  if (over.ok || over.code !== 'ROLEMODEL.DAILY_LIMIT') throw new Error(`a second vote today answered ${JSON.stringify(over)}`)
  await visible(page, '#wm-rm-vote-notice').scrollIntoViewIfNeeded()
  await t.shot('14-daily-limit')

  step('the office enters panel scores, waits for the end, and publishes the result')
  await t.signInAs(OFFICE)
  await go(`${PAGE}?view=manage&roundId=${roundId}`)
  await visible(page, '#wm-rm-panel').waitFor()
  const scores: Record<string, string> = { 张桂兰: '92', 赵志刚: '80' }
  for (const [name, score] of Object.entries(scores)) {
    await page.locator(`#wm-rm-panel [data-name="${name}"]:visible input`).first().fill(score)
  }
  await visible(page, '#wm-rm-panel-save').tap()
  await visible(page, '#wm-rm-panel-done').waitFor()
  await page.setViewportSize({ width: 1440, height: 900 })
  await t.shot('15-manage-wide')
  await page.setViewportSize({ width: 390, height: 844 })
  const wait = opened + ROUND_SECONDS * 1000 + 500 - Date.now()
  if (wait > 0) await page.waitForTimeout(wait)
  await go(`${PAGE}?view=manage&roundId=${roundId}`)
  await visible(page, '#wm-rm-manage[data-status="ended"]').waitFor()
  await visible(page, '#wm-rm-close-submit').scrollIntoViewIfNeeded()
  await visible(page, '#wm-rm-close-submit').tap()
  await confirmModal(page, '公布结果')
  const result = visible(page, '#wm-rm-manage-result')
  await result.locator('.wm-rm-table__row--chosen', { hasText: '张桂兰' }).waitFor()
  // 张桂兰: 1 vote of max 1 → 100 × 70% + 92 × 30% = 97.60; 赵志刚: 100 × 70% + 80 × 30% = 94.00
  await result.filter({ hasText: '97.60' }).waitFor()
  await result.filter({ hasText: '94.00' }).waitFor()
  await result.scrollIntoViewIfNeeded()
  await t.shot('16-result')

  step('the 好人榜 shows 张桂兰, and a resident 点赞s once')
  await t.signInAs(RESIDENT)
  await go(PAGE)
  const honour = visible(page, '#wm-rm-board .wm-rm-honour[data-name="张桂兰"]')
  await honour.waitFor()
  if ((await page.locator('#wm-rm-board .wm-rm-honour[data-name="赵志刚"]:visible').count()) > 0) throw new Error('赵志刚 was not chosen but is on the 好人榜')
  await honour.locator('[id^="wm-rm-like-"]').filter({ hasText: '点赞 · 0' }).tap()
  await honour.locator('[id^="wm-rm-like-"]').filter({ hasText: '已点赞 · 1' }).waitFor()
  await t.shot('17-board')

  step('the office delegates 和平区 to a reviewer in 审核授权, and takes it back after asking once')
  const heping = dataOf<{ id: string }>(
    await t.call(
      'rolemodel',
      'nominate',
      {
        name: '钱文华',
        categoryId: 'honesty',
        place: { district: '和平区', street: '长安街道', community: '新华社区' },
        account: '钱师傅开出租车二十年，多次把乘客遗落的钱包、手机和证件送回失主手中，从不收酬谢。',
        phone: '13800000003',
        requestId: randomUUID(),
      },
      RESIDENT,
    ),
    'nominate 钱文华',
  )
  await t.signInAs(OFFICE)
  await go(`${PAGE}?view=office`)
  const delegations = visible(page, '#wm-rm-delegations')
  await delegations.scrollIntoViewIfNeeded()
  await delegations.locator('[data-district="文明区"]').waitFor()
  await visible(page, 'input#wm-rm-delegate-openid').fill(HEPING_REVIEWER)
  await visible(page, 'input#wm-rm-delegate-district').fill('和平区')
  await visible(page, '#wm-rm-delegate-submit').tap()
  await delegations.locator(`#wm-rm-delegation-${HEPING_REVIEWER}[data-district="和平区"]`).waitFor()
  await delegations.scrollIntoViewIfNeeded()
  await t.shot('18-delegations')
  await delegations.locator(`#wm-rm-delegation-${HEPING_REVIEWER} [aria-label^="收回"]`).tap()
  await confirmModal(page, '收回审核授权？')
  await delegations.filter({ hasText: `已收回 ${HEPING_REVIEWER}` }).waitFor()
  if ((await delegations.locator(`#wm-rm-delegation-${HEPING_REVIEWER}`).count()) > 0) throw new Error('the removed delegation is still listed')

  step('文明区’s reviewer sees the review queue for 文明区 only, and the office’s other views refuse kindly')
  await t.signInAs(DISTRICT_REVIEWER)
  await go(`${PAGE}?view=office`)
  await visible(page, '#wm-rm-reviewer-districts').filter({ hasText: '文明区' }).waitFor()
  await visible(page, '#wm-rm-reviewer-pending').waitFor()
  await t.shot('19-reviewer-home')
  await visible(page, '#wm-rm-office-review').tap()
  await visible(page, '#wm-rm-queue-districts').filter({ hasText: '您审核：文明区的推荐' }).waitFor()
  await visible(page, '#wm-rm-queue [data-name="孙丽华"]').waitFor()
  if ((await page.locator(`#wm-rm-queue-item-${heping.id}:visible`).count()) > 0) throw new Error('the 文明区 reviewer sees a 和平区 nomination')
  await settled(page, '#wm-rm-queue')
  await t.shot('20-reviewer-queue')
  await go(`${PAGE}?view=setup`)
  await visible(page, '#wm-rm-forbidden').filter({ hasText: '由文明办使用' }).waitFor()
}
