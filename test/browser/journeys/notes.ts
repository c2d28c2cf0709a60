import { randomUUID } from 'node:crypto'
import type { Page } from 'playwright-core'
import { uploadPhoto } from '../photo'
import type { BrowserTest } from '../types'
import { dataOf, visible } from '../locate'

/**
 * 常用语 and 内部备注: the office replaces the city-wide 派发 常用语 → the grid worker dispatches a
 * resident's report, starting from one of the new texts, edited, as 内部备注 → the grid worker's
 * timeline shows it marked in words, while the resident's page and the resident's report.get JSON
 * carry no trace of it → the unit adds a 对市民可见 note (添加备注, switched from its internal
 * default) and the resident reads it as 补充说明. A resident who reaches the 常用语 page or the
 * note screen by link is told kindly that they are not theirs. The submission goes through the
 * API (the report journey walks it on screen).
 */

const RESIDENT = 'demo-resident'
const GRID = 'demo-grid'
const HANDLER = 'demo-handler'
const OFFICE = 'demo-admin'
const PHRASES_PAGE = 'packages/reports/pages/phrases/index'
const DISPATCH_PHRASES = ['已核实属实，请责任单位两个工作日内清理完毕。', '现场有多处张贴，请沿线一并排查清理。']
const INTERNAL_EDIT = '（张贴人电话 138****5678，已报通信管理部门）'
const INTERNAL_NOTE = `${DISPATCH_PHRASES[1]}${INTERNAL_EDIT}`
const PUBLIC_NOTE = '已约定明天上午九点到现场清理，请您留意'

interface PhraseSet {
  categoryId: string | null
  step: string
  texts: string[]
}

/** The whole document's text, hidden parts included: a leak in a collapsed or stacked page still counts. */
const pageText = (page: Page): Promise<string> => page.evaluate(() => document.body.textContent ?? '')

/** Taro slides a newly opened page in from the right: shoot once the visible one has arrived. */
async function settled(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((css) => {
    const element = Array.from(document.querySelectorAll(css)).find((e) => (e as HTMLElement).offsetParent !== null)
    const host = element?.closest('.taro_page')
    return host !== null && host !== undefined && Math.abs(host.getBoundingClientRect().left) < 1
  }, selector)
}

export default async function notesJourney(t: BrowserTest & { step?(name: string): void }): Promise<void> {
  const { page } = t
  const step = (name: string) => t.step?.(name)

  step('the office replaces the city-wide 派发 常用语')
  await t.signInAs(OFFICE)
  await t.open(PHRASES_PAGE)
  await visible(page, '#wm-phrase-editor').waitFor()
  await visible(page, '#wm-phrase-scope-all').tap()
  await visible(page, '#wm-phrase-scope-all[aria-checked="true"]').waitFor()
  await visible(page, '#wm-phrase-step-dispatch').tap()
  await visible(page, '#wm-phrase-step-dispatch[aria-checked="true"]').waitFor()
  const lines = visible(page, 'textarea#wm-phrase-lines')
  // the seeded starter set shows first: the office edits what is there
  await page.waitForFunction(() => (document.querySelector('textarea#wm-phrase-lines') as HTMLTextAreaElement | null)?.value.includes('已核实情况属实') ?? false)
  await settled(page, '#wm-phrase-editor')
  await t.shot('01-office-phrases-before')
  await lines.fill(DISPATCH_PHRASES.join('\n'))
  await visible(page, '#wm-phrase-save').tap()
  await page.getByText('已保存').first().waitFor()
  await visible(page, '#wm-phrase-step-dispatch').filter({ hasText: '（2）' }).waitFor()
  await visible(page, '#wm-phrase-save').scrollIntoViewIfNeeded()
  await t.shot('02-office-phrases-saved')
  const book = dataOf<PhraseSet[]>(await t.call('report', 'phraseBook', {}, OFFICE), 'report.phraseBook')
  const stored = book.find((s) => s.categoryId === null && s.step === 'dispatch')
  if (JSON.stringify(stored?.texts) !== JSON.stringify(DISPATCH_PHRASES)) throw new Error(`phraseBook has 通用·派发 ${JSON.stringify(stored?.texts)}, expected ${JSON.stringify(DISPATCH_PHRASES)}`)

  step('the 常用语 page on a wide screen')
  await page.getByText('已保存').first().waitFor({ state: 'hidden' })
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.evaluate(() => document.querySelector('#wm-phrase-editor')?.scrollIntoView({ block: 'start' }))
  await t.shot('03-office-phrases-wide')
  await visible(page, '#wm-phrase-save').scrollIntoViewIfNeeded()
  await t.shot('03-office-phrases-wide-lines')
  await page.setViewportSize({ width: 375, height: 740 })

  step('a resident reports; the grid worker dispatches with an edited 常用语 as 内部备注')
  const { id: reportId } = dataOf<{ id: string }>(
    await t.call(
      'report',
      'submit',
      {
        categoryId: 'illegal-ads',
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
  const detail = `packages/reports/pages/detail/index?id=${reportId}`
  await t.signInAs(GRID)
  await t.open(detail)
  await visible(page, '#wm-report-detail[data-status="submitted"]').waitFor()
  await visible(page, '#wm-act-dispatch').tap()
  await visible(page, '#wm-report-act[data-action="dispatch"]').waitFor()
  // the office's new texts, in its order (this category has no 派发 set of its own)
  await visible(page, '#wm-phrase-0').filter({ hasText: DISPATCH_PHRASES[0] }).waitFor()
  await visible(page, '#wm-phrase-1').filter({ hasText: DISPATCH_PHRASES[1] }).waitFor()
  if ((await pageText(page)).includes('已核实情况属实')) throw new Error('the dispatch screen still offers the replaced starter text')
  // a step note is for the reporter unless the worker says otherwise
  await visible(page, '#wm-visibility-public[aria-checked="true"]').waitFor()
  await visible(page, '#wm-phrase-1').scrollIntoViewIfNeeded()
  await settled(page, '#wm-report-act')
  await t.shot('04-grid-dispatch-phrases')
  await visible(page, '#wm-phrase-1').tap()
  const note = visible(page, 'textarea#wm-act-note')
  if ((await note.inputValue()) !== DISPATCH_PHRASES[1]) throw new Error(`tapping 常用语 2 left 「${await note.inputValue()}」 in the note`)
  // edited a little, as a worker would: type on after the phrase
  await note.click()
  await note.press('ControlOrMeta+End')
  await note.pressSequentially(INTERNAL_EDIT)
  await page.waitForFunction((want) => (document.querySelector('textarea#wm-act-note') as HTMLTextAreaElement | null)?.value === want, INTERNAL_NOTE)
  await visible(page, '#wm-visibility-internal').tap()
  await visible(page, '#wm-visibility-internal[aria-checked="true"]').waitFor()
  await visible(page, '#wm-visibility-public[aria-checked="false"]').waitFor()
  await visible(page, '#wm-act-submit').scrollIntoViewIfNeeded()
  await t.shot('05-grid-dispatch-internal')
  await visible(page, '#wm-act-submit').tap()
  await visible(page, '#wm-report-detail[data-status="dispatched"]').waitFor()
  const internalLine = visible(page, '#wm-report-timeline .wm-rp-step--latest .wm-rp-step__internal')
  await internalLine.filter({ hasText: `内部备注（市民不可见）：${INTERNAL_NOTE}` }).waitFor()
  await internalLine.scrollIntoViewIfNeeded()
  await t.shot('06-grid-timeline-internal')

  step('the resident sees the dispatch but not the internal note, on screen or in report.get')
  await t.signInAs(RESIDENT)
  await t.open(detail)
  await visible(page, '#wm-report-detail[data-status="dispatched"]').waitFor()
  await visible(page, '#wm-report-timeline .wm-rp-step--latest').filter({ hasText: '派发至' }).waitFor()
  const residentText = await pageText(page)
  for (const leak of [INTERNAL_NOTE, INTERNAL_EDIT, DISPATCH_PHRASES[1], '内部备注']) {
    if (residentText.includes(leak)) throw new Error(`the resident's detail page shows 「${leak}」`)
  }
  const residentJson = JSON.stringify(await t.call('report', 'get', { reportId }, RESIDENT))
  for (const leak of [INTERNAL_NOTE, DISPATCH_PHRASES[1], 'internalNote']) {
    if (residentJson.includes(leak)) throw new Error(`report.get as the resident carries 「${leak}」`)
  }
  await visible(page, '#wm-report-timeline').scrollIntoViewIfNeeded()
  await t.shot('07-resident-no-internal')

  step('the unit adds a 对市民可见 note (添加备注, switched from 内部备注)')
  await t.signInAs(HANDLER)
  await t.open(detail)
  await visible(page, '#wm-report-detail[data-status="dispatched"]').waitFor()
  await visible(page, '#wm-act-note').tap()
  await visible(page, '#wm-report-act[data-action="note"]').waitFor()
  // 添加备注 starts internal: notes for colleagues are the common case
  await visible(page, '#wm-visibility-internal[aria-checked="true"]').waitFor()
  // the unit reads the grid worker's internal note: staff share it
  await visible(page, '#wm-report-timeline').filter({ hasText: INTERNAL_NOTE }).waitFor()
  await visible(page, '#wm-act-phrases').waitFor()
  await settled(page, '#wm-report-act')
  await visible(page, '#wm-act-visibility').scrollIntoViewIfNeeded()
  await t.shot('08-handler-note-default')
  await visible(page, 'textarea#wm-act-note').fill(PUBLIC_NOTE)
  await visible(page, '#wm-visibility-public').tap()
  await visible(page, '#wm-visibility-public[aria-checked="true"]').waitFor()
  await visible(page, '#wm-act-submit').filter({ hasText: '发布说明' }).waitFor()
  await visible(page, '#wm-act-submit').scrollIntoViewIfNeeded()
  await t.shot('09-handler-note-public')
  await visible(page, '#wm-act-submit').tap()
  await visible(page, '#wm-report-detail[data-status="dispatched"]').waitFor()
  await visible(page, '#wm-report-timeline .wm-rp-step--latest').filter({ hasText: PUBLIC_NOTE }).waitFor()

  step('the resident reads it as 补充说明')
  await t.signInAs(RESIDENT)
  await t.open(detail)
  const latest = visible(page, '#wm-report-timeline .wm-rp-step--latest')
  await latest.filter({ hasText: '补充说明' }).waitFor()
  await latest.filter({ hasText: `说明：${PUBLIC_NOTE}` }).waitFor()
  if ((await pageText(page)).includes(INTERNAL_NOTE)) throw new Error('the internal note shows to the resident after the public one')
  await latest.scrollIntoViewIfNeeded()
  await t.shot('10-resident-public-note')

  step('a resident on the 常用语 page is told it is the office\'s')
  await t.open(PHRASES_PAGE)
  const forbidden = visible(page, '#wm-phrases-forbidden')
  await forbidden.filter({ hasText: '这是文明办的设置页面' }).waitFor()
  if ((await forbidden.textContent())?.includes('重试')) throw new Error('the forbidden 常用语 page offers 重试')
  if ((await page.locator('.wm-state--error:visible').count()) > 0) throw new Error('the 常用语 page shows an error state to a resident')
  await settled(page, '#wm-phrases-forbidden')
  await t.shot('11-resident-phrases-forbidden')

  step('a resident on the note screen of their own report is told who writes notes')
  await t.open(`packages/reports/pages/act/index?id=${reportId}&action=note`)
  const refused = visible(page, '#wm-note-refused')
  await refused.filter({ hasText: '不能添加备注' }).waitFor()
  if ((await page.locator('#wm-act-submit:visible').count()) > 0) throw new Error('the resident is offered a note form')
  await settled(page, '#wm-note-refused')
  await t.shot('12-resident-note-refused')
  await refused.locator('.wm-state__action').tap()
  await visible(page, '#wm-report-detail[data-status="dispatched"]').waitFor()
}
