import type { Locator, Page } from 'playwright-core'
import type { BrowserTest } from '../types'
import { visible } from '../locate'

/**
 * 市民文明手册 and poster entry, end to end on the H5 build:
 * a poster scan lands on its target and shows up in the office's stats; the handbook is searched
 * and a result opened; a chapter is read in large-text mode, bookmarked, and read again with the
 * backend unreachable.
 */
type Journey = BrowserTest & { step?(name: string): void }

interface PosterData {
  id: string
  scene: string
}

const ADDED_PARAGRAPH = '斑马线前放慢脚步，看清左右车辆再通过。'


const fontSizeOf = (locator: Locator): Promise<number> => locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))

/** Taro H5 slides a page in after a hash change: a screenshot waits until the page stands still. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const shells = Array.from(document.querySelectorAll('.wm-shell')).filter((e) => (e as HTMLElement).offsetParent !== null)
    return shells.some((e) => Math.abs(e.getBoundingClientRect().left) < 1)
  })
  await page.waitForTimeout(350)
}

function expectTrue(condition: boolean, message: string): void {
  if (!condition) throw new Error(message)
}

export default async function handbookJourney(t: Journey): Promise<void> {
  const { page } = t
  const step = (name: string) => t.step?.(name)
  const shot = async (name: string) => {
    await settled(page)
    await t.shot(name)
  }

  step('the office registers a poster that opens a handbook section')
  const registered = await t.call(
    'entry',
    'registerPoster',
    {
      title: '文明养犬 牵绳出行',
      place: { address: '文明路社区公园东门', lat: 30.2789, lng: 120.1501 },
      target: { kind: 'chapter', chapterId: 'dogs', sectionId: 'dogs-leash' },
      requestId: 'e2e-dogs-poster',
    },
    'demo-admin',
  )
  expectTrue(registered.ok, `registerPoster failed: ${registered.code} ${registered.message}`)
  const poster = registered.data as PosterData

  step('a resident scans it: the entry page opens the section')
  await t.signInAs('demo-resident')
  await t.open(`pages/entry/index?scene=${encodeURIComponent(poster.scene)}`)
  await visible(page, '#hb-dogs-leash.wm-reader__section--target').waitFor()
  expectTrue(page.url().includes('chapter=dogs') && page.url().includes('section=dogs-leash'), `landed on ${page.url()}`)
  await shot('poster-landed-on-section')

  step('a report poster opens 随手拍 with the poster in the query')
  await t.open('pages/entry/index?scene=pDEMOREPORT')
  await page.waitForURL(/pages\/report\/index\?poster=DEMOREPORT&lat=30\.278&lng=120\.15&address=/)
  await visible(page, '.wm-shell').waitFor()
  await shot('poster-landed-on-report')

  step('an unknown poster opens 首页 with a gentle message')
  await t.open('pages/entry/index?scene=pNOSUCH99')
  await visible(page, '#wm-notice').filter({ hasText: '没有找到这张公益广告' }).waitFor()
  await shot('poster-unknown-home')

  step('the office sees the scan, the person and the chapter read in the poster stats')
  await t.signInAs('demo-admin')
  await t.open(`packages/office/pages/poster/index?id=${poster.id}`)
  const totals = visible(page, '#wm-poster-totals')
  await totals.waitFor()
  // 扫码 1 · 人数 1 · 随手拍 0 · 读手册 1 · 答题 0
  await page.waitForFunction(() => {
    const el = Array.from(document.querySelectorAll('#wm-poster-totals .wm-poster-detail__value')).map((e) => e.textContent)
    return el.join(',') === '1,1,0,1,0'
  })
  await visible(page, '#wm-poster-days .wm-poster-detail__row:not(.wm-poster-detail__row--head)').waitFor()
  await shot('office-poster-stats')

  step('the office home links to 海报管理 and 手册发布; the list shows today\'s scans')
  await t.open('packages/office/pages/index/index')
  await visible(page, '#wm-office-tools').getByText('海报管理').waitFor()
  await shot('office-home')
  await visible(page, '#wm-office-tools').getByText('海报管理').tap()
  await visible(page, `#wm-poster-${poster.id}`).waitFor()
  await shot('office-posters')
  await t.open(`packages/office/pages/print/index?id=${poster.id}`)
  await visible(page, '.wm-print__code').waitFor()
  await page.waitForFunction(() => {
    const img = document.querySelector('.wm-print__code img') as HTMLImageElement | null
    return img !== null && img.complete && img.naturalWidth > 0
  })
  await shot('office-print')
  await t.open('packages/office/pages/handbook/index')
  await visible(page, '#wm-publish').getByText('当前第 1 版').waitFor()
  await shot('office-handbook-publish')

  step('search the handbook and open a result')
  await t.signInAs('demo-resident')
  await t.open('packages/handbook/pages/index/index')
  await visible(page, '#wm-chapter-waste').waitFor()
  await shot('contents')
  await visible(page, '#wm-handbook-search').tap()
  const input = visible(page, 'input#wm-search-input')
  await input.waitFor()
  await input.fill('头盔')
  const firstHit = visible(page, '#wm-search-results .wm-search__hit')
  await firstHit.filter({ hasText: '电动自行车与头盔' }).waitFor()
  const highlighted = await page.locator('#wm-search-results .wm-hl:visible').allTextContents()
  expectTrue(highlighted.length > 0 && highlighted.every((h) => h === '头盔'), `highlights: ${JSON.stringify(highlighted)}`)
  await shot('search-results')
  await firstHit.tap()
  await visible(page, '#hb-traffic-nonmotor.wm-reader__section--target').waitFor()
  await shot('search-opened-result')

  step('read a chapter with large text on')
  await t.open('packages/handbook/pages/chapter/index?chapter=waste')
  const paragraph = visible(page, '#wm-reader .wm-reader__p')
  await paragraph.waitFor()
  const normal = await fontSizeOf(paragraph)
  await t.open('pages/mine/index')
  await visible(page, '#wm-large-text').tap()
  await page.waitForFunction(() => document.querySelector('.wm-shell--large') !== null)
  await visible(page, '#wm-reading-summary').waitFor()
  await t.open('packages/handbook/pages/chapter/index?chapter=waste')
  await settled(page)
  // measured on the copy on screen (Taro H5 keeps the previous page of the same route in the DOM)
  await page.waitForFunction((before) => {
    const shown = Array.from(document.querySelectorAll('#wm-reader .wm-reader__p')).find((e) => (e as HTMLElement).offsetParent !== null)
    return shown !== undefined && parseFloat(getComputedStyle(shown).fontSize) > before * 1.2
  }, normal)
  const large = await fontSizeOf(paragraph)
  console.info(`  reader paragraph: ${normal}px → ${large}px in large-text mode`)
  await shot('reader-large-text')

  step('bookmark a section; it shows in 我的书签')
  const mark = visible(page, '#hb-waste-kitchen .wm-reader__mark')
  await mark.tap()
  await visible(page, '#hb-waste-kitchen .wm-reader__mark--on').waitFor()

  step('reading to the end of the chapter marks it read')
  const finished = visible(page, '.wm-reader__finished')
  for (let i = 0; i < 15 && !(await finished.isVisible()); i += 1) {
    await page.mouse.wheel(0, 2500)
    await page.waitForTimeout(200)
  }
  await finished.waitFor()
  await shot('reader-finished')
  await t.open('packages/handbook/pages/bookmarks/index')
  await visible(page, '#wm-bookmarks').getByText('厨余垃圾').waitFor()
  await shot('bookmarks')

  step('我的 shows reading progress')
  await t.open('pages/mine/index')
  await visible(page, '#wm-reading-summary').getByText('1 个小节').waitFor()
  await visible(page, '#wm-reading-summary').getByText('已读 1/11 章').waitFor()
  await visible(page, '#wm-reading-summary').scrollIntoViewIfNeeded()
  await shot('mine-reading')

  step('the office edits a chapter and publishes version 2')
  await t.signInAs('demo-admin')
  await t.open('packages/office/pages/handbook-edit/index?chapter=traffic')
  const firstSection = visible(page, '#wm-chapter-editor textarea.wm-editor__textarea')
  await firstSection.waitFor()
  const before = await firstSection.inputValue()
  await firstSection.fill(`${ADDED_PARAGRAPH}\n\n${before}`)
  await shot('office-chapter-editor')
  await visible(page, '#wm-editor-save').tap()
  await page.getByText('已存为草稿').first().waitFor()
  // opened directly, the editor goes on to 手册发布 by itself after saving
  await page.waitForURL((url) => url.hash.includes('packages/office/pages/handbook/index'))
  await visible(page, '#wm-publish-drafts').getByText('文明交通').first().waitFor()
  const note = visible(page, 'input#wm-publish-note')
  await note.click()
  await note.pressSequentially('补充斑马线提示')
  await page.waitForFunction(() => {
    const input = Array.from(document.querySelectorAll('input#wm-publish-note')).find((e) => (e as HTMLElement).offsetParent !== null)
    return (input as HTMLInputElement | undefined)?.value === '补充斑马线提示'
  })
  await shot('office-publish-draft')
  await visible(page, '#wm-publish-submit').tap()
  await page.getByText('确定', { exact: true }).last().tap()
  await visible(page, '#wm-publish').getByText('当前第 2 版').waitFor()
  await shot('office-published')

  step("the resident's phone picks up version 2 and the changed chapter")
  await t.signInAs('demo-resident')
  await t.open('packages/handbook/pages/index/index')
  await visible(page, '.wm-contents__edition').getByText('第 2 版').waitFor()
  await t.open('packages/handbook/pages/chapter/index?chapter=traffic')
  await visible(page, '#hb-traffic-pedestrian').getByText(ADDED_PARAGRAPH).waitFor()
  await shot('reader-version-2')

  step('a chapter read before opens with the backend unreachable')
  await page.route('**/api/cloud/**', (route) => route.abort('failed'))
  await t.open('packages/handbook/pages/chapter/index?chapter=waste')
  await visible(page, '.wm-reader__offline').waitFor()
  await visible(page, '#hb-waste-four-categories').waitFor()
  await t.open('packages/handbook/pages/index/index')
  await visible(page, '.wm-contents__offline').waitFor()
  await visible(page, '#wm-chapter-waste').waitFor()
  await shot('offline-contents')
  await t.open('packages/handbook/pages/chapter/index?chapter=waste')
  await visible(page, '.wm-reader__offline').waitFor()
  await shot('offline-reader')
  await page.unroute('**/api/cloud/**')
  // the requests refused on purpose above are logged by chromium; nothing else may be
  t.errors.splice(0, t.errors.length, ...t.errors.filter((e) => !e.includes('ERR_FAILED')))
}
