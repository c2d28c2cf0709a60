import type { Page } from 'playwright-core'
import type { BrowserTest } from '../types'
import { dataOf, visible } from '../locate'

/**
 * 小手拉大手, end to end on the H5 build: the teacher creates a class on the workbench, prints the
 * notice (join code and letter on it, also at 1440 wide) and sets this week's tasks in the plan
 * editor (a chapter, the 回执, the pledge) → a parent who is in no class opens the scanned code,
 * reads the notice, agrees, adds a child by nickname and grade and joins → the family home shows
 * the child and the three tasks → the family reads the chapter in the handbook and has it checked,
 * confirms the 回执 in one tap, ticks and signs the pledge → the week is done: streak and the first
 * badge → the class board shows 1 family, the 回执 and the progress; the school admin sees the
 * class. A resident on the teacher's or the office's screen and a stale code get a kind word, and
 * a child sent with more than a nickname and a grade is refused by the server and stores nothing.
 */
type Journey = BrowserTest & { step?(name: string): void }

const TEACHER = 'demo-teacher'
const SCHOOL_ADMIN = 'demo-school-admin'
const OFFICE = 'demo-admin'
/** in no class in the seed (the demo families are demo-neighbour-3 and -5) */
const PARENT = 'demo-resident'
const OTHER_PARENT = 'demo-volunteer'
const FAMILY = 'packages/family/pages/index/index'
const CLASS_NAME = '5班'
const CLASS_SIZE = '42'
const CHILD = '乐乐'

interface ClassView {
  id: string
  title: string
  joinCode: string | null
}
interface TaskView {
  id: string
  kind: string
  title: string
  done: boolean
  ref: string | null
}
interface FamilyView {
  id: string
  classView: ClassView
  children: Array<{ nickname: string; gradeLabel: string }>
  tasks: TaskView[]
  streak: number
  badges: Array<{ id: string; name: string }>
  pledge: { signedBy: string } | null
}
interface Board {
  families: number
  children: number
  receipts: number
  familyRows: Array<{ nicknames: string[]; doneThisWeek: number; tasksThisWeek: number; receipt: boolean }>
}


function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message)
}

/** Taro slides a newly opened page in from the right: shoot once the page holding `selector` stands still. */
async function settled(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((css) => {
    const element = Array.from(document.querySelectorAll(css)).find((e) => (e as HTMLElement).offsetParent !== null)
    const host = element?.closest('.taro_page')
    return host !== null && host !== undefined && Math.abs(host.getBoundingClientRect().left) < 1
  }, selector)
}

/** Taro H5's showModal is a DOM dialog: confirm it once. */
async function confirmModal(page: Page, title: string): Promise<void> {
  await page.locator('.taro-modal__title', { hasText: title }).waitFor()
  await page.locator('.taro-model__confirm').tap()
}

/** Taro H5's toast (已保存, 已完成 …) fades out by itself: shoot the screen without it. */
async function toastGone(page: Page): Promise<void> {
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__toast')).every((e) => getComputedStyle(e).display === 'none'))
}

/** A refusal is a kind word with a way on: no error state, no 重试. */
async function expectKindRefusal(page: Page, title: string, where: string): Promise<void> {
  const refusal = visible(page, '#wm-fa-forbidden')
  await refusal.filter({ hasText: title }).waitFor()
  expect((await page.locator('.wm-state--error:visible').count()) === 0, `${where}: an error state shows to a resident`)
  expect(!((await refusal.textContent()) ?? '').includes('重试'), `${where}: the refusal offers 重试`)
  await settled(page, '#wm-fa-forbidden')
}

const homeOf = async (t: BrowserTest, openid: string): Promise<FamilyView[]> =>
  dataOf<{ families: FamilyView[] }>(await t.call('family', 'home', {}, openid), `family.home as ${openid}`).families

export default async function familyJourney(t: Journey): Promise<void> {
  const { page } = t
  const step = (name: string) => t.step?.(name)
  /**
   * Every family screen is one page with ?view=: a hash change that only changes the query is
   * not a new page to Taro's H5 router, so a link is opened as a fresh load, as from a scan.
   */
  const openLink = async (route: string) => {
    await page.goto('about:blank')
    await t.open(route)
  }

  step('the teacher creates a class on the workbench')
  await t.signInAs(TEACHER)
  await openLink(`${FAMILY}?view=teacher`)
  await visible(page, '#wm-fa-teacher').filter({ hasText: '3 班' }).waitFor()
  await visible(page, '#wm-fa-create-open').tap()
  await visible(page, '#wm-fa-create-school').filter({ hasText: '文明路小学' }).waitFor()
  await visible(page, 'input#wm-fa-create-name').fill(CLASS_NAME)
  await visible(page, 'input#wm-fa-create-size').fill(CLASS_SIZE)
  await visible(page, '#wm-fa-create-submit').scrollIntoViewIfNeeded()
  await t.shot('01-teacher-create-class')
  await visible(page, '#wm-fa-create-submit').tap()
  await page.waitForURL(/view=class&classId=/)
  const code = visible(page, '#wm-fa-class-join-code')
  await code.waitFor()
  const joinCode = ((await code.textContent()) ?? '').trim()
  expect(/^[A-Z0-9]{4,12}$/.test(joinCode) && joinCode !== 'WMXS26', `the new class shows join code 「${joinCode}」`)
  const classId = decodeURIComponent(new URL(page.url().replace('#/', '')).searchParams.get('classId') ?? '')
  const created = dataOf<ClassView[]>(await t.call('family', 'myClasses', {}, TEACHER), 'family.myClasses').find((c) => c.id === classId)
  expect(created?.joinCode === joinCode, `myClasses has ${JSON.stringify(created)} for the new class, expected join code ${joinCode}`)
  const classTitle = created?.title ?? ''
  expect(classTitle.includes('文明路小学') && classTitle.includes(CLASS_NAME), `the class is titled 「${classTitle}」`)
  await visible(page, '#wm-fa-class').filter({ hasText: classTitle }).waitFor()
  await settled(page, '#wm-fa-class-code')
  await t.shot('02-teacher-class-created')

  step('the teacher opens the print view of the notice: the join code and the letter are on it')
  await visible(page, '#wm-fa-open-notice').tap()
  const sheet = visible(page, '#wm-fa-notice-print')
  await sheet.waitFor()
  await visible(page, '.wm-notice-print__code').filter({ hasText: joinCode }).waitFor()
  await sheet.filter({ hasText: '致家长的一封信' }).waitFor()
  await sheet.filter({ hasText: classTitle }).waitFor()
  await sheet.filter({ hasText: '只保存孩子的昵称和年级' }).waitFor()
  expect((await page.locator('.wm-notice-print__p:visible').count()) >= 3, 'the printed notice carries fewer than 3 paragraphs of the letter')
  await settled(page, '#wm-fa-notice-print')
  await t.shot('03-notice-print')
  await visible(page, '.wm-notice-print__code').scrollIntoViewIfNeeded()
  await t.shot('04-notice-print-code')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.evaluate(() => document.querySelector('#wm-fa-notice-print')?.scrollIntoView({ block: 'start' }))
  await t.shot('05-notice-print-wide')
  await visible(page, '.wm-notice-print__code').scrollIntoViewIfNeeded()
  await t.shot('06-notice-print-wide-code')
  await page.setViewportSize({ width: 375, height: 740 })

  step('the teacher sets this week: a chapter, the 回执 and the pledge')
  // the plan editor picks a chapter from the handbook's contents: wait for them with the page
  await page.goBack()
  const tocLoaded = page.waitForResponse((r) => r.url().includes('/api/cloud/handbook') && r.request().postData()?.includes('"toc"') === true)
  await visible(page, '#wm-fa-open-plan').tap()
  await tocLoaded
  const thisWeek = visible(page, '[id^="wm-fa-week-"]').filter({ hasText: '（本周）' })
  await thisWeek.filter({ hasText: '还没有任务' }).waitFor()
  await thisWeek.locator('.wm-fa-link').tap()
  const form = visible(page, '#wm-fa-week-form')
  await form.waitFor()
  for (const kind of ['chapter', 'receipt', 'pledge']) await visible(page, `#wm-fa-add-${kind}`).tap()
  await form.locator('.wm-fa-task-form').nth(2).waitFor()
  const chapterPicker = form.locator('.wm-fa-task-form').first().locator('.wm-fa-picker')
  const chapterName = ((await chapterPicker.textContent()) ?? '').replace('更改 ›', '').trim()
  expect(chapterName.length > 0 && chapterName !== '请选择', `the chapter task picked 「${chapterName}」`)
  await visible(page, '#wm-fa-week-save').scrollIntoViewIfNeeded()
  await t.shot('07-teacher-plan-week')
  await visible(page, '#wm-fa-week-save').tap()
  await thisWeek.filter({ hasText: '致家长的一封信回执' }).waitFor()
  await thisWeek.filter({ hasText: '签署家庭文明承诺书' }).waitFor()
  await settled(page, '#wm-fa-plan')
  await thisWeek.scrollIntoViewIfNeeded()
  await toastGone(page)
  await t.shot('08-teacher-plan-saved')

  step('a parent opens the scanned code, reads the notice, agrees and adds a child')
  expect((await homeOf(t, PARENT)).length === 0, `${PARENT} is already in a class: pick a parent the seed left out`)
  await t.signInAs(PARENT)
  await openLink(`${FAMILY}?joinCode=${joinCode}`)
  await visible(page, '#wm-fa-join-class').filter({ hasText: classTitle }).waitFor()
  const notice = visible(page, '#wm-fa-notice')
  await notice.waitFor()
  expect(((await notice.textContent()) ?? '').length > 100, 'the parent sees almost nothing of the notice')
  await settled(page, '#wm-fa-join')
  await t.shot('09-parent-join-notice')
  // joining without 同意 is stopped on the page, in words
  await visible(page, 'input#wm-fa-nickname-0').fill(CHILD)
  await visible(page, '#wm-fa-join-submit').tap()
  await visible(page, '#wm-fa-join-error').filter({ hasText: '我已阅读并同意' }).waitFor()
  await visible(page, '#wm-fa-consent').tap()
  await visible(page, '#wm-fa-consent[aria-checked="true"]').waitFor()
  await page.locator('#wm-fa-join-error').waitFor({ state: 'detached' })
  await visible(page, '#wm-fa-grade-0').filter({ hasText: '三年级' }).waitFor()
  await visible(page, '#wm-fa-join-submit').scrollIntoViewIfNeeded()
  await t.shot('10-parent-join-filled')
  await visible(page, '#wm-fa-join-submit').tap()

  step('the family home shows the child and this week\'s three tasks')
  const home = visible(page, '#wm-fa-home')
  await home.locator('.wm-fa-child__name', { hasText: CHILD }).waitFor()
  const [family] = await homeOf(t, PARENT)
  expect(family?.classView.id === classId, `after joining, ${PARENT}'s home holds ${JSON.stringify(family?.classView)}`)
  expect(family.children.length === 1 && family.children[0].nickname === CHILD && family.children[0].gradeLabel === '三年级', `the family's children: ${JSON.stringify(family.children)}`)
  const taskOf = (kind: string): TaskView => {
    const task = family.tasks.find((x) => x.kind === kind)
    if (!task) throw new Error(`this week has no ${kind} task: ${JSON.stringify(family.tasks)}`)
    return task
  }
  const [chapterTask, receiptTask, pledgeTask] = [taskOf('chapter'), taskOf('receipt'), taskOf('pledge')]
  expect(family.tasks.length === 3, `this week holds ${family.tasks.length} tasks, expected 3`)
  const tasks = visible(page, '#wm-fa-tasks')
  await tasks.filter({ hasText: '已完成 0/3 项' }).waitFor()
  const row = (task: TaskView) => visible(page, `#wm-fa-task-${task.id}`)
  await row(chapterTask).filter({ hasText: chapterName }).waitFor()
  await settled(page, '#wm-fa-home')
  await t.shot('11-family-home-joined')
  await tasks.scrollIntoViewIfNeeded()
  await t.shot('12-family-tasks-open')

  step('the family reads the chapter in the handbook, then has it checked')
  await row(chapterTask).locator('.nut-button', { hasText: '去完成' }).tap()
  await page.waitForURL(/packages\/handbook\/pages\/chapter\/index\?chapter=/)
  const reader = visible(page, '#wm-reader')
  await reader.waitFor()
  await settled(page, '#wm-reader')
  // read to the end: the reader records the chapter as read when its bottom is reached
  const readingSaved = page.waitForResponse((r) => r.url().includes('/api/cloud/handbook') && r.request().postData()?.includes('"completed":true') === true)
  await page.locator('.wm-reader__section:visible').last().scrollIntoViewIfNeeded()
  await page.mouse.wheel(0, 20_000)
  await readingSaved
  await t.shot('13-chapter-read')
  await page.goBack()
  await row(chapterTask).waitFor()
  await row(chapterTask).locator('.nut-button', { hasText: '核对' }).tap()
  await row(chapterTask).filter({ hasText: '✓ 已完成' }).waitFor()
  await row(chapterTask).filter({ hasText: `已读完「${chapterName}」` }).waitFor()

  step('the 回执 is confirmed in one tap')
  await row(receiptTask).locator('.nut-button', { hasText: '去完成' }).tap()
  await confirmModal(page, receiptTask.title)
  await row(receiptTask).filter({ hasText: '回执已交回' }).waitFor()
  await tasks.filter({ hasText: '已完成 2/3 项' }).waitFor()
  await toastGone(page)
  await t.shot('14-family-two-done')

  step('the pledge: every item ticked, signed')
  await row(pledgeTask).locator('.nut-button', { hasText: '去完成' }).tap()
  await visible(page, '#wm-fa-pledge').waitFor()
  const items = page.locator('#wm-fa-pledge [id^="wm-fa-pledge-item-"]:visible')
  const count = await items.count()
  expect(count >= 5, `the pledge shows ${count} items`)
  // signing before every item is ticked is stopped, in words
  await visible(page, '#wm-fa-pledge-sign').tap()
  await visible(page, '#wm-fa-pledge').filter({ hasText: '请先勾选承诺书的每一条' }).waitFor()
  for (let i = 0; i < count; i += 1) await visible(page, `#wm-fa-pledge-item-${i}`).tap()
  await visible(page, '#wm-fa-pledge').filter({ hasText: `已勾选 ${count}/${count} 条` }).waitFor()
  await visible(page, '#wm-fa-pledge-sign').tap()
  await visible(page, '#wm-fa-pledge-sign[aria-pressed="true"]').waitFor()
  expect((await page.locator('#wm-fa-pledge .wm-fa-problem:visible').count()) === 0, 'the 请先勾选 problem stays under the signed pledge')
  await visible(page, '#wm-fa-pledge-submit').scrollIntoViewIfNeeded()
  await settled(page, '#wm-fa-pledge')
  await t.shot('15-pledge-ticked-signed')
  await visible(page, '#wm-fa-pledge-submit').tap()
  const certificate = visible(page, '#wm-fa-certificate')
  await certificate.filter({ hasText: '承诺人：市民小王' }).waitFor()
  expect(!((await certificate.textContent()) ?? '').includes(CHILD), 'the certificate names the child')
  await toastGone(page)
  await t.shot('16-pledge-certificate')

  step('the week is done: the family home shows 3/3, the streak and the first badge')
  await page.goBack()
  await tasks.filter({ hasText: '已完成 3/3 项，本周全部完成！' }).waitFor()
  await row(pledgeTask).filter({ hasText: '承诺书已签署' }).waitFor()
  const badges = visible(page, '#wm-fa-badges')
  await badges.filter({ hasText: '文明家庭·起步' }).waitFor()
  await badges.locator('.wm-fa-stat__number').first().filter({ hasText: '1' }).waitFor()
  await tasks.scrollIntoViewIfNeeded()
  await t.shot('17-family-week-done')
  await badges.scrollIntoViewIfNeeded()
  await t.shot('18-family-badges')
  const [after] = await homeOf(t, PARENT)
  expect(after.tasks.every((x) => x.done) && after.streak === 1 && after.badges.some((b) => b.id === 'start'), `after the week: ${JSON.stringify({ tasks: after.tasks.map((x) => x.done), streak: after.streak, badges: after.badges })}`)

  step('the class board shows 1 family joined, the 回执 returned and the progress')
  await t.signInAs(TEACHER)
  await openLink(`${FAMILY}?view=class&classId=${encodeURIComponent(classId)}`)
  const board = visible(page, '#wm-fa-board')
  await board.filter({ hasText: `1/${CLASS_SIZE}` }).waitFor()
  await board.locator('.wm-fa-figure', { hasText: '回执已交' }).filter({ hasText: '1/1' }).waitFor()
  const rows = visible(page, '#wm-fa-board-families')
  await rows.locator('.wm-fa-family-row', { hasText: CHILD }).filter({ hasText: '回执已交' }).filter({ hasText: '已完成 3/3 项' }).waitFor()
  await visible(page, '#wm-fa-board-weeks').filter({ hasText: '（本周）' }).filter({ hasText: '完成 3 项 · 1 家全部完成' }).waitFor()
  const boardData = dataOf<Board>(await t.call('family', 'board', { classId }, TEACHER), 'family.board')
  expect(boardData.families === 1 && boardData.children === 1 && boardData.receipts === 1, `board: ${JSON.stringify(boardData)}`)
  // per family only the child's nickname: nothing of the parent
  expect(!JSON.stringify(boardData.familyRows).includes('市民小王') && !JSON.stringify(boardData).includes(PARENT), 'the class board names the parent')
  await settled(page, '#wm-fa-board')
  await board.scrollIntoViewIfNeeded()
  await t.shot('19-teacher-board')
  await rows.scrollIntoViewIfNeeded()
  await t.shot('20-teacher-board-families')

  step('the school admin sees the class in the school view')
  await t.signInAs(SCHOOL_ADMIN)
  await openLink(`${FAMILY}?view=school`)
  const classes = visible(page, '#wm-fa-school-classes')
  await classes.locator('.wm-fa-tool', { hasText: CLASS_NAME }).filter({ hasText: '家庭 1/42 · 回执 1 · 本周全部完成 1 家' }).waitFor()
  await settled(page, '#wm-fa-school')
  await t.shot('21-school-admin')
  // the school admin opens the class: the board, without the teacher's code and actions
  await classes.locator('.wm-fa-tool', { hasText: CLASS_NAME }).tap()
  await visible(page, '#wm-fa-board').filter({ hasText: `1/${CLASS_SIZE}` }).waitFor()
  expect((await page.locator('#wm-fa-class-code:visible, #wm-fa-open-plan:visible, #wm-fa-archive:visible').count()) === 0, 'the school admin is offered the teacher\'s code or actions')
  await settled(page, '#wm-fa-board')
  await t.shot('22-school-admin-class-board')

  step('the office overview counts the new family')
  await t.signInAs(OFFICE)
  await openLink(`${FAMILY}?view=overview`)
  await visible(page, '#wm-fa-overview-schools').filter({ hasText: '文明路小学' }).waitFor()
  await settled(page, '#wm-fa-overview')
  await t.shot('23-office-overview')

  step('a resident on the teacher workbench and on the overview is told kindly whose they are')
  await t.signInAs(OTHER_PARENT)
  await openLink(`${FAMILY}?view=teacher`)
  await expectKindRefusal(page, '这是教师的工作台', 'the teacher workbench')
  await t.shot('24-resident-teacher-refused')
  await openLink(`${FAMILY}?view=overview`)
  await expectKindRefusal(page, '这是文明办的总览', 'the office overview')
  await t.shot('25-resident-overview-refused')

  step('a stale join code says kindly that no class was found')
  await openLink(`${FAMILY}?joinCode=ZZZZZZ`)
  const problem = visible(page, '#wm-fa-join-problem')
  await problem.filter({ hasText: '没有找到这个班级' }).waitFor()
  expect((await page.locator('.wm-state--error:visible').count()) === 0, 'a stale code shows an error state')
  expect(!((await problem.textContent()) ?? '').includes('重试'), 'a stale code offers 重试')
  await visible(page, 'input#wm-fa-join-retype').waitFor()
  await settled(page, '#wm-fa-join-problem')
  await t.shot('26-stale-code')

  step('a child sent with a field beyond nickname and grade is refused and nothing is stored')
  const consent = { noticeVersion: '2026-1', agreed: true }
  const joined = await t.call('family', 'join', { joinCode, consent, children: [{ nickname: '小雨', grade: 3, realName: '王小雨' }] }, OTHER_PARENT)
  expect(!joined.ok && joined.code === 'INPUT.INVALID', `join with a child's realName answered ${JSON.stringify(joined)}`)
  expect((await homeOf(t, OTHER_PARENT)).length === 0, 'a refused join stored a family')
  const added = await t.call('family', 'addChild', { familyId: family.id, child: { nickname: '小雨', grade: 1, realName: '王小雨' } }, PARENT)
  expect(!added.ok && added.code === 'INPUT.INVALID', `addChild with a realName answered ${JSON.stringify(added)}`)
  const [unchanged] = await homeOf(t, PARENT)
  expect(unchanged.children.length === 1 && !JSON.stringify(unchanged).includes('王小雨'), `a refused addChild changed the family: ${JSON.stringify(unchanged.children)}`)
  const boardAfter = dataOf<Board>(await t.call('family', 'board', { classId }, TEACHER), 'family.board')
  expect(boardAfter.families === 1 && boardAfter.children === 1, `the refused requests moved the board: ${JSON.stringify(boardAfter)}`)
}
