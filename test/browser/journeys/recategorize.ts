import { randomUUID } from 'node:crypto'
import { CATEGORIES, type ReportCategory, type StepLimit } from '../../../src/shared/report/categories'
import { uploadPhoto } from '../photo'
import type { BrowserTest } from '../types'
import { dataOf, visible } from '../locate'

/**
 * 更改类别: a resident files 小广告 that is really a street stall → the grid worker corrects the
 * category on the step screen (only report categories, the current one marked, a required reason)
 * → the detail, the timeline and the resident's view all say 「类别由 … 改为 …：原因」 with the
 * due time of the new category. A handler who follows the step screen's link is told who may
 * change it. Then the office corrects it back while a unit handles it, where the 办结 limits of the
 * two categories differ (24 h and 48 h), so the due time on screen visibly moves. The submission
 * and the unit's steps go through the API (the report journey walks those on screen).
 */

const RESIDENT = 'demo-resident'
const GRID = 'demo-grid'
const HANDLER = 'demo-handler'
const OFFICE = 'demo-admin'
const FROM = 'illegal-ads' // 牛皮癣小广告: 受理 2 h, 办结 48 h; routed to unit-demo
const TO = 'street-vending' // 游商小贩/占道经营: 受理 2 h, 办结 24 h; routed to unit-demo too
const GRID_REASON = '现场核实是流动摊贩占道经营，不是小广告'
const OFFICE_REASON = '复核照片：摊位已撤，剩下的是电线杆上的小广告'

interface Entry {
  action: string
  at: number
  label: string
  dueAt: number | null
}
interface View {
  status: string
  categoryName: string
  dueAt: number | null
  timeline: Entry[]
}

function category(id: string): ReportCategory {
  const found = CATEGORIES.find((c) => c.id === id)
  if (!found) throw new Error(`no category ${id}`)
  return found
}

/** Calendar-hour limits only: a working-day limit would need the calendar, and this test would re-implement it. */
function hoursAfter(limit: StepLimit, from: number): number {
  if (limit.unit !== 'hours' || limit.officeHours) throw new Error(`expected a round-the-clock hour limit, got ${JSON.stringify(limit)}`)
  return from + limit.amount * 60 * 60 * 1000
}

/** 「M月D日 HH:mm」 in Asia/Shanghai, as src/features/report/lib/format.ts formatTime shows it (written out again, not imported). */
function shanghaiTime(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(ms)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '?'
  return `${Number(part('month'))}月${Number(part('day'))}日 ${part('hour')}:${part('minute')}`
}

function entryOf(view: View, action: string): Entry {
  const entry = [...view.timeline].reverse().find((e) => e.action === action)
  if (!entry) throw new Error(`the timeline has no ${action} entry: ${view.timeline.map((e) => e.action).join(', ')}`)
  return entry
}

/** On the open step screen: picks `to`, checks what the picker offers, writes the reason, confirms. */
async function recategorizeOnScreen(t: BrowserTest, from: string, to: string, reason: string, shot: string): Promise<void> {
  const { page } = t
  await visible(page, '#wm-report-act[data-action="recategorize"]').waitFor()
  const form = visible(page, '#wm-report-act')
  // the report's own kind only: no kind tabs, no praise category
  if ((await form.locator('.wm-rp-kinds').count()) > 0) throw new Error('the recategorise screen shows the report/praise kind tabs')
  const text = (await form.textContent()) ?? ''
  for (const word of ['文明点赞', ...CATEGORIES.filter((c) => c.kind === 'praise').map((c) => c.name)]) {
    if (text.includes(word)) throw new Error(`the recategorise screen offers praise: 「${word}」`)
  }
  // the current category is marked and cannot be picked as the new one
  const current = visible(page, `#wm-cat-${from}`)
  await current.filter({ hasText: '当前类别' }).waitFor()
  if ((await current.getAttribute('aria-disabled')) !== 'true') throw new Error(`the current category ${from} is not aria-disabled`)
  await current.scrollIntoViewIfNeeded()
  await t.shot(`${shot}-picker`)
  await current.tap({ force: true }) // aria-disabled: playwright would not tap it, a finger still can
  if ((await current.getAttribute('aria-checked')) === 'true') throw new Error('tapping the current category selected it')

  await visible(page, `#wm-cat-${to}`).tap()
  await visible(page, `#wm-cat-${to}[aria-checked="true"]`).waitFor()
  // the camera rule is for taking the photos; nobody takes one when correcting the category
  if (category(to).cameraOnly && ((await form.textContent()) ?? '').includes('现场拍摄')) throw new Error('the recategorise screen shows the 现场拍摄 note')
  await visible(page, 'textarea#wm-act-note').fill(reason)
  await visible(page, '#wm-act-submit').scrollIntoViewIfNeeded()
  await t.shot(`${shot}-filled`)
  await visible(page, '#wm-act-submit').tap()
}

/** The detail after a change: the new category in the head, the due line and the timeline's entry with its due time. */
async function expectChanged(t: BrowserTest, name: string, dueWord: string, due: number, label: string, withStepDue: boolean): Promise<void> {
  const { page } = t
  await visible(page, '#wm-report-head').filter({ hasText: name }).waitFor()
  await visible(page, '#wm-report-due').filter({ hasText: `${dueWord}时限 ${shanghaiTime(due)}` }).waitFor()
  const entry = visible(page, '#wm-report-timeline .wm-rp-step--latest')
  await entry.filter({ hasText: label }).waitFor()
  if (withStepDue) await entry.filter({ hasText: `本环节时限：${shanghaiTime(due)}` }).waitFor()
}

export default async function recategorizeJourney(t: BrowserTest): Promise<void> {
  const { page } = t
  const { id: reportId } = dataOf<{ id: string }>(
    await t.call(
      'report',
      'submit',
      {
        categoryId: FROM,
        photos: [await uploadPhoto(t, RESIDENT, '摊位')],
        location: { lat: 30.2775, lng: 120.15, address: '文明路 32 号人行道' },
        description: '人行道上有人摆摊，还贴了广告',
        anonymous: false,
        requestId: randomUUID(),
      },
      RESIDENT,
    ),
    'report.submit',
  )
  const detail = `packages/reports/pages/detail/index?id=${reportId}`
  const act = `packages/reports/pages/act/index?id=${reportId}&action=recategorize`
  const view = async (openid: string) => dataOf<View>(await t.call('report', 'get', { reportId }, openid), 'report.get')

  // —— grid worker: 待受理, the category is wrong ——
  await t.signInAs(GRID)
  await t.open(detail)
  await visible(page, '#wm-report-detail[data-status="submitted"]').waitFor()
  await visible(page, '#wm-act-recategorize').tap()
  await recategorizeOnScreen(t, FROM, TO, GRID_REASON, '01-grid')

  // 待受理 stays 待受理: the 受理 clock still runs from when the report reached the grid, on the new category's limit
  const submittedAt = entryOf(await view(GRID), 'submit').at
  const acceptDue = hoursAfter(category(TO).limits.accept, submittedAt)
  const gridLabel = `类别由 ${category(FROM).name} 改为 ${category(TO).name}：${GRID_REASON}`
  await visible(page, '#wm-report-detail[data-status="submitted"]').waitFor()
  await expectChanged(t, category(TO).name, '受理', acceptDue, gridLabel, true)
  const afterGrid = await view(GRID)
  if (afterGrid.dueAt !== acceptDue) throw new Error(`report.get says dueAt ${afterGrid.dueAt}, expected ${acceptDue}`)
  console.info(`  grid: submitted ${shanghaiTime(submittedAt)} + 受理 ${category(TO).limits.accept.amount} h → ${shanghaiTime(acceptDue)}`)
  await visible(page, '#wm-report-head').scrollIntoViewIfNeeded()
  await t.shot('02-grid-detail-after')
  await visible(page, '#wm-report-timeline').scrollIntoViewIfNeeded()
  await t.shot('03-grid-timeline')

  // —— resident: sees the new category and why ——
  await t.signInAs(RESIDENT)
  await t.open(detail)
  await visible(page, '#wm-report-head').filter({ hasText: category(TO).name }).waitFor()
  await visible(page, '#wm-report-timeline').filter({ hasText: gridLabel }).waitFor()
  await visible(page, '#wm-report-timeline').scrollIntoViewIfNeeded()
  await t.shot('04-resident-sees-change')

  // —— handler: the report is theirs now, but the category is not theirs to change ——
  dataOf(await t.call('report', 'dispatch', { reportId }, GRID), 'report.dispatch')
  await t.signInAs(HANDLER)
  await t.open(act)
  const refused = visible(page, '#wm-recategorize-refused')
  await refused.filter({ hasText: '不能更改类别' }).waitFor()
  await refused.filter({ hasText: '网格员或文明办' }).waitFor()
  await refused.filter({ hasText: '退回网格' }).waitFor()
  if ((await page.locator('#wm-act-submit:visible').count()) > 0) throw new Error('the handler is offered 确认更改类别')
  await t.shot('05-handler-refused')
  await refused.locator('.wm-state__action').tap()
  await visible(page, '#wm-report-detail[data-status="dispatched"]').waitFor()

  // —— office: corrects it back while the unit handles it; the 办结 clock moves from 24 h to 48 h ——
  dataOf(await t.call('report', 'start', { reportId }, HANDLER), 'report.start')
  const started = await view(OFFICE)
  const startedAt = entryOf(started, 'start').at
  const oldResolveDue = hoursAfter(category(TO).limits.resolve, startedAt)
  if (started.dueAt !== oldResolveDue) throw new Error(`before the change dueAt ${started.dueAt}, expected ${oldResolveDue}`)
  const resolveDue = hoursAfter(category(FROM).limits.resolve, startedAt)
  await t.signInAs(OFFICE)
  await t.open(detail)
  await visible(page, '#wm-report-detail[data-status="processing"]').waitFor()
  await visible(page, '#wm-report-due').filter({ hasText: `办结时限 ${shanghaiTime(oldResolveDue)}` }).waitFor()
  await visible(page, '#wm-act-recategorize').tap()
  await recategorizeOnScreen(t, TO, FROM, OFFICE_REASON, '06-office')
  // the same unit holds both categories: it keeps handling, on the new category's 办结 limit from when it started
  await visible(page, '#wm-report-detail[data-status="processing"]').waitFor()
  await expectChanged(t, category(FROM).name, '办结', resolveDue, `类别由 ${category(TO).name} 改为 ${category(FROM).name}：${OFFICE_REASON}`, true)
  console.info(`  office: started ${shanghaiTime(startedAt)}; 办结 ${category(TO).limits.resolve.amount} h → ${shanghaiTime(oldResolveDue)}, now ${category(FROM).limits.resolve.amount} h → ${shanghaiTime(resolveDue)}`)
  await visible(page, '#wm-report-head').scrollIntoViewIfNeeded()
  await t.shot('07-office-detail-after')
  await visible(page, '#wm-report-timeline').scrollIntoViewIfNeeded()
  await t.shot('08-office-timeline')
}
