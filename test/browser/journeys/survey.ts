import type { Locator, Page } from 'playwright-core'
import type { BrowserTest } from '../types'
import { dataOf, visible } from '../locate'

/**
 * 创文民意调查, end to end on the H5 build: the office opens 问卷管理 from its 工作台, builds a
 * round from the campaign template (moves a question, limits it to two communities, a minimum
 * sample of 2 and no minimum time) and publishes it → a poster for it is registered → a resident
 * scans the poster, picks community and age band, answers one question per screen (progress
 * shown, 说不清 apart, no right answers) and is thanked; scanning again is told kindly it was
 * answered → a second resident answers with 说不清 on the scale → the office reads the results
 * per community (1440 wide): 文明路网格 with 2 answers and its rates as text with the 95%
 * interval, 和平里网格 hidden with the reason; 说不清 left out of the denominator. A resident who
 * opens the results link gets a kind refusal.
 */
type Journey = BrowserTest & { step?(name: string): void }

const OFFICE = 'demo-admin'
const RESIDENT = 'demo-resident'
const SECOND = 'demo-volunteer'
const SURVEY_PAGE = 'packages/survey/pages/index/index'

const visibleWith = (page: Page, selector: string, text: string): Locator => page.locator(`${selector}:visible`, { hasText: text }).first()
/** Taro H5's <Input> is a web component around the real input: fill whichever carries the id */
const field = (page: Page, id: string): Locator => visible(page, `input#${id}, #${id} input`)

/** Taro H5 slides a page in after a hash change: a screenshot waits until the page stands still. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const shells = Array.from(document.querySelectorAll('.wm-shell')).filter((e) => (e as HTMLElement).offsetParent !== null)
    return shells.some((e) => Math.abs(e.getBoundingClientRect().left) < 1)
  })
  await page.waitForTimeout(300)
}

async function confirmModal(page: Page, title: string): Promise<void> {
  await page.locator('.taro-modal__title', { hasText: title }).waitFor()
  await page.locator('.taro-model__confirm').tap()
}

interface Question {
  id: string
  kind: string
  title: string
  options: Array<{ id: string; label: string; dontKnow?: boolean }>
}

/** Answers the open survey screen by screen: `pick` names the option label per question title fragment. */
async function answerAll(page: Page, questions: Question[], pick: (q: Question) => string[] | string | null): Promise<void> {
  for (const [i, q] of questions.entries()) {
    await visible(page, '#wm-sv-progress').filter({ hasText: `第 ${i + 1} 题 / 共 ${questions.length} 题` }).waitFor()
    const choice = pick(q)
    if (q.kind === 'text') {
      if (typeof choice === 'string') await visible(page, `textarea#wm-sv-text-${q.id}, #wm-sv-text-${q.id} textarea`).fill(choice)
    } else if (choice !== null) {
      for (const label of Array.isArray(choice) ? choice : [choice]) {
        const option = q.options.find((o) => o.label === label)
        if (!option) throw new Error(`question ${q.id} has no option 「${label}」`)
        await visible(page, `#wm-sv-opt-${q.id}-${option.id}`).tap()
        await visible(page, `#wm-sv-opt-${q.id}-${option.id}[aria-checked="true"]`).waitFor()
      }
    }
    await visible(page, '#wm-sv-next').tap()
  }
}

export default async function surveyJourney(t: Journey): Promise<void> {
  const { page } = t
  const step = (name: string) => t.step?.(name)
  const shot = async (name: string) => {
    await settled(page)
    await t.shot(name)
  }
  await page.setViewportSize({ width: 390, height: 844 })

  step('the office opens 问卷管理 from its 工作台 and builds a round from the template')
  await t.signInAs(OFFICE)
  await t.open('packages/office/pages/index/index')
  await visibleWith(page, '.wm-office-tool', '民意调查').tap()
  await page.waitForURL(/packages\/survey\/pages\/index\/index\?view=office/)
  await visible(page, '#wm-sv-create').waitFor()
  await shot('01-office-list')
  await visible(page, '#wm-sv-create').tap()
  await page.waitForURL(/view=edit&id=/)
  const surveyId = new URL(page.url().replace('#/', '')).searchParams.get('id') ?? ''
  if (!surveyId) throw new Error(`no survey id in ${page.url()}`)
  await visible(page, '#wm-sv-editor').waitFor()
  await shot('02-editor-template')

  step('the draft: q6 moved up, two communities, minimum sample 2, no minimum time; saved and published')
  await visible(page, '#wm-sv-up-q6').tap()
  await visible(page, '#wm-sv-scope-some').tap()
  await visible(page, '#wm-sv-scope-grid-demo').tap()
  await visible(page, '#wm-sv-scope-grid-heping').tap()
  await field(page, 'wm-sv-min-sample').fill('2')
  await field(page, 'wm-sv-min-seconds').fill('0')
  await visible(page, '#wm-sv-scope').scrollIntoViewIfNeeded()
  await shot('03-editor-scope')
  await page.evaluate(() => document.querySelector('#wm-sv-edit-q4')?.scrollIntoView({ block: 'start' }))
  await shot('03b-editor-question-measure')
  await visible(page, '#wm-sv-publish').tap()
  await confirmModal(page, '发布问卷')
  await page.waitForURL(/view=results&id=/)
  await visible(page, '#wm-sv-results').waitFor()
  const stored = dataOf<{ state: string; minSample: number; minAnswerSeconds: number; communityIds: string[] | null; questions: Question[] }>(
    await t.call('survey', 'adminGet', { surveyId }, OFFICE),
    'survey.adminGet',
  )
  if (stored.state !== 'open') throw new Error(`published survey is ${stored.state}, expected open`)
  if (stored.minSample !== 2 || stored.minAnswerSeconds !== 0) throw new Error(`stored minSample ${stored.minSample}, minAnswerSeconds ${stored.minAnswerSeconds}`)
  if (JSON.stringify([...(stored.communityIds ?? [])].sort()) !== JSON.stringify(['grid-demo', 'grid-heping'])) throw new Error(`communities ${JSON.stringify(stored.communityIds)}`)
  if (stored.questions[4]?.id !== 'q6') throw new Error(`q6 was moved up but the order is ${stored.questions.map((q) => q.id).join(',')}`)

  step('a poster for the survey; a resident scans it and lands on the survey')
  const poster = dataOf<{ id: string; scene: string }>(
    await t.call(
      'entry',
      'registerPoster',
      { title: '创文民意调查 扫码参与', place: { address: '文明路社区公园东门', lat: 30.2789, lng: 120.1501 }, target: { kind: 'survey', surveyId }, requestId: `e2e-survey-poster-${surveyId}` },
      OFFICE,
    ),
    'entry.registerPoster',
  )
  await t.signInAs(RESIDENT)
  await t.open(`pages/entry/index?scene=${encodeURIComponent(poster.scene)}`)
  await page.waitForURL(new RegExp(`packages/survey/pages/index/index\\?id=${surveyId}`))
  await visible(page, '#wm-sv-about').waitFor()
  await visible(page, '#wm-sv-privacy').filter({ hasText: '不记名' }).waitFor()
  // the survey's two communities, not the whole city
  if ((await page.locator('#wm-sv-community .wm-sv-chip:visible').count()) !== 2) throw new Error('the community picker should list the survey\'s two communities')
  await shot('04-resident-about')

  step('the resident must pick a community and an age band first')
  await visible(page, '#wm-sv-start').tap()
  await visible(page, '#wm-sv-problem').filter({ hasText: '请选择您居住的社区' }).waitFor()
  await visible(page, '#wm-sv-community-grid-demo').tap()
  await visible(page, '#wm-sv-age-30-39').tap()
  await shot('05-resident-about-picked')
  await visible(page, '#wm-sv-start').tap()

  step('one question per screen, with progress; a required question asks for an answer')
  const questions = stored.questions
  await visible(page, '#wm-sv-progress').filter({ hasText: `第 1 题 / 共 ${questions.length} 题` }).waitFor()
  await shot('06-resident-question-1')
  await visible(page, '#wm-sv-next').tap()
  await visible(page, '#wm-sv-problem').filter({ hasText: '需要选择一项' }).waitFor()
  const bodyText = await page.evaluate(() => document.body.textContent ?? '')
  if (/正确答案|标准答案|答对|得分/.test(bodyText)) throw new Error('the survey page speaks of right answers or a score')
  await answerAll(page, questions, (q) => {
    if (q.kind === 'text') return '希望多设置一些分类垃圾桶'
    if (q.kind === 'multi') return [q.options[0].label, q.options[2].label]
    return q.options[0].label
  })
  await visible(page, '#wm-sv-thanks').waitFor()
  await shot('08-resident-thanks')
  await visible(page, '#wm-sv-thanks .wm-state__action').tap()
  await visible(page, `#wm-sv-card-${surveyId}`).filter({ hasText: '您已参与' }).waitFor()
  await shot('08b-resident-open-list')

  step('scanning again: told kindly it was already answered')
  await t.open(`pages/entry/index?scene=${encodeURIComponent(poster.scene)}`)
  await visible(page, '#wm-sv-answered-already').filter({ hasText: '您已经参与过这份问卷' }).waitFor()
  await shot('09-resident-already')

  step('a second resident answers, 说不清 on the satisfaction scale')
  await t.signInAs(SECOND)
  await t.open(`${SURVEY_PAGE}?id=${surveyId}`)
  await visible(page, '#wm-sv-community-grid-demo').tap()
  await visible(page, '#wm-sv-age-60-65').tap()
  await visible(page, '#wm-sv-start').tap()
  const scaleIndex = questions.findIndex((q) => q.kind === 'scale')
  let answered = 0
  for (const [i, q] of questions.entries()) {
    await visible(page, '#wm-sv-progress').filter({ hasText: `第 ${i + 1} 题 / 共 ${questions.length} 题` }).waitFor()
    if (q.kind === 'text' || q.kind === 'multi') {
      // optional: skipped
    } else {
      const label = i === scaleIndex ? '说不清' : q.options[0].label
      const option = q.options.find((o) => o.label === label)
      if (!option) throw new Error(`question ${q.id} has no option 「${label}」`)
      await visible(page, `#wm-sv-opt-${q.id}-${option.id}`).tap()
      if (i === scaleIndex) await shot('07-second-scale-dont-know')
      answered++
    }
    await visible(page, '#wm-sv-next').tap()
  }
  await visible(page, '#wm-sv-thanks').waitFor()
  if (answered === 0) throw new Error('the second resident answered nothing')

  step('the office reads the results per community, 1440 wide')
  await page.setViewportSize({ width: 1440, height: 900 })
  await t.signInAs(OFFICE)
  await t.open(`${SURVEY_PAGE}?view=results&id=${surveyId}`)
  const demo = visible(page, '#wm-sv-community-grid-demo')
  await demo.filter({ hasText: '样本 2 份' }).waitFor()
  await demo.filter({ hasText: '知晓率：' }).waitFor()
  await demo.filter({ hasText: '100.0%（95% 区间' }).waitFor()
  await visible(page, '#wm-sv-community-grid-heping').filter({ hasText: '少于最小样本 2 份' }).waitFor()
  await shot('10-office-results-wide')
  await visible(page, '#wm-sv-communities').scrollIntoViewIfNeeded()
  await page.evaluate(() => document.querySelector('#wm-sv-communities')?.scrollIntoView({ block: 'start' }))
  await shot('10b-office-results-communities')
  await visible(page, '#wm-sv-scope-grid-demo').tap()
  await visibleWith(page, '.wm-section-title', '文明路网格：各题结果').waitFor()
  const satisfaction = questions.find((q) => q.kind === 'scale')
  if (satisfaction) {
    const card = visible(page, `#wm-sv-result-${satisfaction.id}`)
    await card.filter({ hasText: '说不清（不计入分母）' }).waitFor()
    await card.filter({ hasText: 'n=1' }).waitFor()
    await card.scrollIntoViewIfNeeded()
  }
  await shot('11-office-results-community')
  const results = dataOf<{ communities: Array<{ communityId: string | null; sample: number; hidden: boolean }> }>(
    await t.call('survey', 'results', { surveyId }, OFFICE),
    'survey.results',
  )
  const row = results.communities.find((c) => c.communityId === 'grid-demo')
  if (!row || row.sample !== 2 || row.hidden) throw new Error(`results for 文明路网格: ${JSON.stringify(row)}`)

  step('a resident opening the results link gets a kind refusal')
  await page.setViewportSize({ width: 390, height: 844 })
  await t.signInAs(RESIDENT)
  await t.open(`${SURVEY_PAGE}?view=results&id=${surveyId}`)
  await visible(page, '#wm-sv-forbidden').filter({ hasText: '由文明办查看' }).waitFor()
  await shot('12-resident-results-refused')
}
