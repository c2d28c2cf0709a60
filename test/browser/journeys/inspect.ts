import ExcelJS from 'exceljs'
import type { BrowserTest } from '../types'
import { chooseFiles, dataOf, field, settled, visible } from '../locate'
import { photo } from '../photo'

/**
 * 创文督查, end to end on the H5 build: the office downloads the demo 测评标准 sheet, changes one
 * standard and adds one, imports it (the preview says 新增 1 / 修改 1 before anything is written)
 * and splits the new one to 城市管理综合执法大队 → the unit's 联络员 finds it on the 任务清单 and
 * uploads a PDF as 佐证材料 → the office passes it in 材料审核 → a 督查员 inspects 文明路 and finds two
 * problems (each with a photo and a line), tapping 完成督查 with no signal first: it waits on the
 * phone and goes by itself when the signal is back → two 督办单 reach the unit; the 联络员 answers one with an
 * after-photo → the 督查员's 回头看 closes it → the office's live 红黑榜 for the week shows the unit
 * with 1 of 2 due… and the 一张图 shows 文明路 with an open problem. A resident who opens the area
 * is told kindly whom it is for; a stale 督办单 link says 内容不存在或已下线.
 */
type Journey = BrowserTest & { step?(name: string): void }

const OFFICE = 'demo-admin'
const LIAISON = 'demo-liaison'
const INSPECTOR = 'demo-inspector'
const RESIDENT = 'demo-resident'
const PAGE = 'packages/inspect/pages/index/index'
const SITE = 'site-demo-wenming-road'
const NEW_NUMBER = '9.9.1'
const NEW_TEXT = '主次干道沿街门店门前无乱堆乱放，无店外经营'

/** The demo sheet as the office downloads it, with one standard reworded and one added. */
async function changedSheet(t: Journey): Promise<Buffer> {
  const template = dataOf<{ url: string; name: string }>(await t.call('inspect', 'sheetTemplate', { kind: 'standards' }, OFFICE), 'inspect.sheetTemplate')
  const url = template.url.startsWith('http') ? template.url : `${t.baseUrl}${template.url}`
  const response = await fetch(url)
  if (!response.ok) throw new Error(`template download: HTTP ${response.status}`)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await response.arrayBuffer())
  const sheet = workbook.worksheets[0]
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''))
  const col = (name: string) => {
    const index = headers.indexOf(name)
    if (index < 1) throw new Error(`template has no column 「${name}」: ${headers.join('|')}`)
    return index
  }
  // reword the first standard
  const first = sheet.getRow(2)
  first.getCell(col('测评标准')).value = `${String(first.getCell(col('测评标准')).value)}（本市细化：每月自查一次）`
  const added: Record<string, string> = {
    编号: NEW_NUMBER,
    测评项目: '公共环境',
    测评内容: '市容秩序',
    测评标准: NEW_TEXT,
    测评方法: '材料审核、实地考察',
    佐证材料要求: '门前三包责任书签订台账、整治前后对比照片',
    适用点位类型: '主次干道',
    牵头单位: '',
    配合单位: '',
    完成时限: '',
  }
  const row = sheet.addRow([])
  for (const [name, value] of Object.entries(added)) if (headers.includes(name)) row.getCell(col(name)).value = value
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export default async function inspectJourney(t: Journey): Promise<void> {
  const { page } = t
  const step = (name: string) => t.step?.(name)
  const shot = async (name: string) => {
    await settled(page)
    await t.shot(name)
  }
  await page.setViewportSize({ width: 390, height: 844 })

  step('a resident who opens 创文督查 is told whom it is for')
  await t.signInAs(RESIDENT)
  await t.open(PAGE)
  await visible(page, '#wm-inspect-forbidden').waitFor()
  await shot('01-resident-refused')

  step('the office imports a changed demo sheet: the preview names what changes before anything is written')
  const sheet = await changedSheet(t)
  await t.signInAs(OFFICE)
  await t.open(PAGE)
  await visible(page, '#wm-inspect-home-office').waitFor()
  await shot('02-office-home')
  await t.open(`${PAGE}?view=import`)
  await visible(page, '#wm-inspect-import').waitFor()
  await chooseFiles(page, '#wm-inspect-import-choose-standards', [{ name: '示范市测评标准.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: sheet }])
  await visible(page, '#wm-inspect-import-preview').waitFor()
  await visible(page, '#wm-inspect-import-added').filter({ hasText: '1' }).waitFor()
  await visible(page, '#wm-inspect-import-changed').filter({ hasText: '1' }).waitFor()
  const before = dataOf<{ total: number }>(await t.call('inspect', 'standards', {}, OFFICE), 'inspect.standards')
  await shot('03-import-preview')
  await visible(page, '#wm-inspect-import-confirm').tap()
  await visible(page, '#wm-inspect-import-applied').waitFor()
  await shot('04-import-applied')
  const after = dataOf<{ total: number; items: Array<{ standardId: string; number: string; lead: unknown }> }>(
    await t.call('inspect', 'standards', { unassigned: true }, OFFICE),
    'inspect.standards',
  )
  if (after.total !== before.total + 1) throw new Error(`standards went from ${before.total} to ${after.total}, expected one more`)
  const fresh = after.items.find((s) => s.number === NEW_NUMBER)
  if (!fresh) throw new Error(`the new standard ${NEW_NUMBER} is not among the unassigned ones`)

  step('the office splits the new standard: 牵头 城市管理综合执法大队, 配合 环境卫生管理所')
  await t.open(`${PAGE}?view=assign&id=${fresh.standardId}`)
  await visible(page, '#wm-inspect-assign').waitFor()
  // the wheel opens on its first entry, 城市管理综合执法大队; 确定 takes the highlighted one
  await visible(page, '#wm-inspect-assign-lead').tap()
  await page.locator('.weui-picker__action:visible, .taro-picker__action:visible', { hasText: '确定' }).last().tap()
  await visible(page, '#wm-inspect-assign-lead').filter({ hasText: '城市管理综合执法大队' }).waitFor()
  await visible(page, '#wm-inspect-assign-support-unit-sanitation').tap()
  await shot('05-assign')
  await visible(page, '#wm-inspect-assign-save').tap()
  await visible(page, '#wm-inspect-assign-done').waitFor()

  step('the unit\'s 联络员 finds it on the 任务清单 and uploads a PDF as 佐证材料')
  await t.signInAs(LIAISON)
  await t.open(`${PAGE}?view=unit`)
  await visible(page, '#wm-inspect-unit').waitFor()
  await visible(page, '#wm-inspect-unit-filter-evidence').tap()
  const row = visible(page, `[id="wm-inspect-task-${NEW_NUMBER}"]`)
  await row.waitFor()
  await shot('06-liaison-tasks')
  await row.tap()
  await visible(page, '#wm-inspect-task').filter({ hasText: NEW_TEXT }).waitFor()
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
  await chooseFiles(page, '#wm-inspect-evidence-add-file', [{ name: '门前三包台账.pdf', mimeType: 'application/pdf', buffer: pdf }])
  await field(page, 'wm-inspect-evidence-note').fill('附本月门前三包责任书签订台账')
  await shot('07-evidence-form')
  await visible(page, '#wm-inspect-evidence-submit').tap()
  // one submission pending at a time: the form gives way to the record, 待审核
  await visible(page, '#wm-inspect-task').filter({ hasText: '门前三包台账.pdf' }).filter({ hasText: '待审核' }).waitFor()
  await shot('08-evidence-sent')

  step('the office passes it in 材料审核')
  await t.signInAs(OFFICE)
  await t.open(`${PAGE}?view=evidence-review`)
  await visible(page, `[id="wm-inspect-evidence-${NEW_NUMBER}"]`).waitFor()
  await shot('09-evidence-queue')
  await visible(page, `[id="wm-inspect-evidence-accept-${NEW_NUMBER}"]`).tap()
  await visible(page, `[id="wm-inspect-evidence-done-${NEW_NUMBER}"]`).waitFor()

  step('a 督查员 inspects 文明路: two problems, each with a photo and a line')
  await t.signInAs(INSPECTOR)
  await t.open(`${PAGE}?view=site&siteId=${SITE}`)
  await visible(page, '#wm-inspect-site').waitFor()
  await shot('10-site')
  await visible(page, '#wm-inspect-start').tap()
  await visible(page, '#wm-inspect-form').waitFor()
  const checklist = dataOf<{ checklist: unknown[] }>(await t.call('inspect', 'site', { siteId: SITE }, INSPECTOR), 'inspect.site').checklist
  if (checklist.length < 3) throw new Error(`文明路's checklist has ${checklist.length} items; the journey needs 3`)
  for (let n = 1; n <= checklist.length; n++) {
    if (n <= 2) {
      await visible(page, `#wm-inspect-item-${n}-fail`).tap()
      await visible(page, `#wm-inspect-item-${n}-sev-normal`).tap()
      await field(page, `wm-inspect-item-${n}-note`).fill(n === 1 ? '人行道上堆放建材' : '沿街店铺店外经营')
      await chooseFiles(page, `#wm-inspect-item-${n}-photo`, [{ name: `problem-${n}.jpg`, mimeType: 'image/jpeg', buffer: await photo(page, `问题${n}`, '#e0b040') }])
    } else {
      await visible(page, `#wm-inspect-item-${n}-pass`).tap()
    }
  }
  await visible(page, '#wm-inspect-progress').filter({ hasText: `${checklist.length}/${checklist.length}` }).waitFor()
  await shot('11-inspect-form')

  step('with no signal the inspection stays on the phone, and goes once the signal is back')
  await t.context.setOffline(true)
  await visible(page, '#wm-inspect-submit').tap()
  await visible(page, '#wm-inspect-offline').waitFor()
  await shot('11b-inspect-offline')
  await t.context.setOffline(false)
  await visible(page, '#wm-inspect-summary').waitFor()
  // the browser logs each request it could not send while the network was cut: that was the point
  const offlineNoise = (e: string) => e.includes('ERR_INTERNET_DISCONNECTED')
  t.errors.splice(0, t.errors.length, ...t.errors.filter((e) => !offlineNoise(e)))
  await visible(page, '#wm-inspect-count-fail').filter({ hasText: '2' }).waitFor()
  await shot('12-inspect-summary')

  step('two 督办单 reach the unit; the 联络员 answers one with an after-photo')
  const open = dataOf<{ items: Array<{ orderId: string; code: string; site: { siteId: string } }> }>(
    await t.call('inspect', 'orders', { status: 'open', siteId: SITE }, LIAISON),
    'inspect.orders',
  ).items
  // the seed's one and today's two: the offline retry sent the inspection once
  if (open.length !== 3) throw new Error(`the unit sees ${open.length} open 督办单 at 文明路, expected 3 (the seed's and today's two)`)
  const target = open[0]
  await t.signInAs(LIAISON)
  await t.open(`${PAGE}?view=orders`)
  await visible(page, `[id="wm-inspect-order-${target.code}"]`).waitFor()
  await shot('13-liaison-orders')
  await visible(page, `[id="wm-inspect-order-${target.code}"]`).tap()
  await visible(page, '#wm-inspect-rectify-form').waitFor()
  await field(page, 'wm-inspect-rectify-note').fill('已清理建材，恢复人行道通行')
  await chooseFiles(page, '#wm-inspect-rectify-photo', [{ name: 'after.jpg', mimeType: 'image/jpeg', buffer: await photo(page, '整改后', '#70a070') }])
  await shot('14-rectify-form')
  await visible(page, '#wm-inspect-rectify').tap()
  await visible(page, '#wm-inspect-order').filter({ hasText: '待复查' }).waitFor()
  await shot('15-rectified')

  step('the 督查员\'s 回头看 closes it')
  await t.signInAs(INSPECTOR)
  await t.open(`${PAGE}?view=rechecks`)
  await visible(page, `[id="wm-inspect-order-${target.code}"]`).waitFor()
  await shot('16-rechecks')
  await visible(page, `[id="wm-inspect-order-${target.code}"]`).tap()
  await visible(page, '#wm-inspect-recheck-form').waitFor()
  await field(page, 'wm-inspect-recheck-note').fill('现场复查，人行道已畅通')
  await visible(page, '#wm-inspect-recheck-close').tap()
  await visible(page, '#wm-inspect-order').filter({ hasText: '已销号' }).waitFor()
  await shot('17-closed')

  step('the office\'s live 红黑榜 for this week and the 一张图 show it, on a phone and a wide screen')
  await t.signInAs(OFFICE)
  await t.open(`${PAGE}?view=board`)
  // the seed's one open 督办单 at 文明路 and today's two fall due this week; one was fixed in time
  await visible(page, '#wm-inspect-board-units').filter({ hasText: '城市管理综合执法大队' }).filter({ hasText: '按时整改 1 / 应整改 3' }).waitFor()
  await shot('18-board-phone')
  await t.open(`${PAGE}?view=map`)
  await visible(page, `#wm-inspect-map-site-${SITE}`).waitFor()
  await shot('19-map-phone')
  await page.setViewportSize({ width: 1440, height: 900 })
  await t.open(`${PAGE}?view=board`)
  await visible(page, '#wm-inspect-board-units').waitFor()
  await shot('20-board-wide')
  await t.open(`${PAGE}?view=map`)
  await visible(page, `#wm-inspect-map-site-${SITE}`).waitFor()
  await shot('21-map-wide')
  await page.setViewportSize({ width: 390, height: 844 })

  step('a stale 督办单 link says so kindly')
  await t.open(`${PAGE}?view=order&orderId=no-such-order`)
  await visible(page, '.wm-state').filter({ hasText: '内容不存在或已下线' }).waitFor()
  await shot('22-stale-order')
}
