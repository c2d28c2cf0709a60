import type { BrowserTest } from '../types'
import { visible } from '../locate'

/**
 * 创文答题 on the H5 build: take 每日一练 (the page never knows the answers: it picks options and
 * waits like a careful reader), see the result with explanations, follow a handbook link, and
 * see the leaderboard with my rank. The demo resident lives in grid-demo with neighbours on it.
 */
const RESIDENT = 'demo-resident'


interface ResultData {
  correct: number
  total: number
  items: Array<{ explanation: string; sectionId: string }>
}
interface BoardData {
  me: { rank: number; score: number } | null
  entries: Array<{ nickname: string; isMe: boolean }>
}

export default async function quizJourney(t: BrowserTest & { step?: (name: string) => void }): Promise<void> {
  const { page } = t
  const step = (name: string) => t.step?.(name)
  // Taro H5 slides a new page in; a screenshot waits for it to come to rest
  const shot = async (name: string) => {
    await page.waitForTimeout(700)
    await t.shot(name)
  }

  step('答题首页 shows 每日一练, the shortcuts and the topics')
  await t.signInAs(RESIDENT)
  await t.open('packages/quiz/pages/index/index')
  await visible(page, '#wm-quiz-daily-start').waitFor()
  await visible(page, '.wm-quiz-topic').waitFor()
  await shot('home')

  step('每日一练 opens ten questions with a countdown')
  await visible(page, '#wm-quiz-daily-start').tap()
  await visible(page, '#wm-quiz-runner').waitFor()
  await visible(page, '#wm-quiz-timer').filter({ hasText: '秒' }).waitFor()
  await shot('question-1')

  step('answer every question like a careful reader, then 交卷')
  for (let i = 0; i < 10; i++) {
    await visible(page, '.wm-quiz-runner__progress').filter({ hasText: `第 ${i + 1} / 10 题` }).waitFor()
    await visible(page, '.wm-quiz-option').tap()
    if (i === 1) await shot('question-answered')
    // the server refuses a paper handed in faster than 2 s a question
    await page.waitForTimeout(2100)
    await visible(page, '#wm-quiz-next').tap()
  }

  step('the result shows the score, each answer and its explanation')
  await visible(page, '#wm-quiz-result').waitFor({ timeout: 20_000 })
  const url = new URL(page.url().replace('#/', ''))
  const attemptId = url.searchParams.get('attemptId') ?? ''
  const result = await t.call('quiz', 'result', { attemptId }, RESIDENT)
  if (!result.ok) throw new Error(`quiz.result: ${result.code} ${result.message}`)
  const data = result.data as ResultData
  const shownScore = await visible(page, '#wm-quiz-score').textContent()
  if (shownScore !== String(data.correct)) throw new Error(`score shown ${shownScore}, server says ${data.correct}`)
  const explanations = await page.locator('.wm-quiz-result__why-text:visible').allTextContents()
  if (explanations.length !== data.total) throw new Error(`${explanations.length} explanations shown for ${data.total} questions`)
  for (const item of data.items) {
    if (!explanations.includes(item.explanation)) throw new Error(`explanation missing on the page: ${item.explanation}`)
  }
  await shot('result')
  await visible(page, '#wm-quiz-item-0').scrollIntoViewIfNeeded()
  await shot('result-explanation')

  step('a handbook link opens the section that teaches the first question')
  await visible(page, '#wm-quiz-item-0 .wm-quiz-result__link').tap()
  await page.waitForURL(/packages\/handbook\/pages\/index\/index\?chapter=[a-z-]+&section=/)
  if (!page.url().includes(`section=${data.items[0].sectionId}`)) throw new Error(`handbook opened ${page.url()}, expected section ${data.items[0].sectionId}`)
  await shot('handbook-section')

  step('the leaderboard shows my rank')
  await t.open('packages/quiz/pages/rank/index')
  await visible(page, '#wm-rank-me').filter({ hasText: '第' }).waitFor()
  const board = await t.call('quiz', 'leaderboard', { scope: 'city', period: 'week' }, RESIDENT)
  if (!board.ok) throw new Error(`quiz.leaderboard: ${board.code}`)
  const me = (board.data as BoardData).me
  if (data.correct > 0) {
    if (!me) throw new Error('the server has no rank for the resident after a scored daily quiz')
    await visible(page, '.wm-rank__me-rank').filter({ hasText: `第 ${me.rank} 名` }).waitFor()
  }
  await visible(page, '#wm-rank-list').waitFor()
  await shot('rank-city')
  await visible(page, '.wm-rank-segment[data-key="grid"]').tap()
  await visible(page, '#wm-rank-list').filter({ hasText: '张阿姨' }).waitFor()
  await shot('rank-community')

  step('答题首页 now says today is done; the wrong-answer book and points are there')
  await t.open('packages/quiz/pages/index/index')
  await visible(page, '#wm-quiz-daily-result').waitFor()
  await shot('home-done')
  await t.open('packages/quiz/pages/wrong/index')
  await page.locator('#wm-wrong-book:visible, .wm-state:visible').first().waitFor()
  await shot('wrong-book')
  await t.open('packages/quiz/pages/points/index')
  await visible(page, '#wm-points').waitFor()
  await shot('points')

  step('文明办 manages the bank: the list with answers, and the editor')
  await t.signInAs('demo-admin')
  await t.open('packages/quiz/pages/index/index')
  await visible(page, '#wm-quiz-manage-link').waitFor()
  await visible(page, '#wm-quiz-manage-link').tap()
  await visible(page, '#wm-qadmin .wm-qadmin__item').waitFor()
  await shot('manage-list')
  await visible(page, '#wm-qadmin-add').tap()
  await visible(page, '#wm-qadmin-editor').waitFor()
  await shot('manage-editor')
}
