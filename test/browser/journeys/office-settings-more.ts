import ExcelJS from 'exceljs'
import type { BrowserTest } from '../types'
import { chooseFiles, dataOf, field, settled, visible } from '../locate'

/**
 * 文明办「全部设置」on the H5 build: a resident who opens it is told kindly whom it is for → the
 * office sees every setting with its value now → opens 随手拍限额 from the index, lowers the daily
 * limit to 5 and the next 准备上报 says 5 → imports a question sheet with a bad row: the row is
 * named 第N行 and nothing is imported → imports the fixed sheet: the dry run counts 新增 1 · 修改 1,
 * 确认导入 adds the question to the bank → the 修改记录 shows both changes in words; 积分规则,
 * 志愿时限, 通知模板 and 手册版本 open.
 */
type Journey = BrowserTest & { step?(name: string): void }

const OFFICE = 'demo-admin'
const RESIDENT = 'demo-resident'
const PAGE = 'packages/office/pages/settings/index'

const HEADER = ['题号', '专题', '题型', '难度', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '解析', '手册小节']
const NEW_QUESTION = ['clerk-001', '垃圾分类', '单选题', '易', '废旧电池应投放到哪类垃圾桶？', '可回收物', '有害垃圾', '厨余垃圾', '其他垃圾', 'B', '废旧电池含重金属，属于有害垃圾。', 'waste-hazardous']

async function sheet(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const ws = workbook.addWorksheet('题库')
  for (const row of [HEADER, ...rows]) ws.addRow(row)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

interface BankQuestion {
  id: string
  topic: string
  type: string
  difficulty: number
  stem: string
  options: string[]
  answer: number[]
  explanation: string
  sectionId: string
}

export default async function officeSettingsMoreJourney(t: Journey): Promise<void> {
  const { page } = t
  const step = (name: string) => t.step?.(name)
  const shot = async (name: string) => {
    await settled(page)
    await t.shot(name)
  }
  const wide = async (name: string) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await shot(`${name}-1440`)
    await page.setViewportSize({ width: 390, height: 844 })
  }
  // a page opened by a tap stays in the H5 router's stack under the same path: a fresh load opens the asked view, not that one
  const open = async (route: string) => {
    await t.open(route)
    await page.reload({ waitUntil: 'load' })
  }
  await page.setViewportSize({ width: 390, height: 844 })

  step('a resident who opens 全部设置 is told whom it is for')
  await t.signInAs(RESIDENT)
  await t.open(PAGE)
  await visible(page, '#wm-oc-forbidden').waitFor()

  step('the office sees every setting with its value now')
  await t.signInAs(OFFICE)
  await t.open(PAGE)
  await visible(page, '#wm-oc-index-limits').filter({ hasText: '每人每天 20 条' }).waitFor()
  for (const id of ['categories', 'units', 'grids', 'volunteer', 'points', 'notify', 'questions', 'handbook', 'posters', 'audit', 'exports']) await visible(page, `#wm-oc-index-${id}`).waitFor()
  await shot('01-index')
  await wide('01-index')

  step('one tap opens 随手拍限额; the office lowers the limit to 5 and the next 准备上报 says 5')
  await visible(page, '#wm-oc-index-limits').tap()
  await visible(page, '#wm-oc-limits').waitFor()
  await field(page, 'wm-oc-daily-limit').fill('5')
  await visible(page, '#wm-oc-limits-save').tap()
  await visible(page, '#wm-oc-limits-done').filter({ hasText: '最多 5 条' }).waitFor()
  await shot('02-limits-saved')
  const prepared = dataOf<{ dailyLimit: number }>(await t.call('report', 'prepare', {}, RESIDENT), 'report.prepare')
  if (prepared.dailyLimit !== 5) throw new Error(`report.prepare says ${prepared.dailyLimit} a day after the office set 5`)
  await field(page, 'wm-oc-daily-limit').fill('0')
  await visible(page, '#wm-oc-limits-save').tap()
  await visible(page, '#wm-oc-limits-problem').filter({ hasText: '1–200' }).waitFor()

  step('a question sheet with a bad row: the row is named and nothing is imported')
  const before = dataOf<{ items: BankQuestion[]; total: number }>(await t.call('quiz', 'adminQuestions', { topic: 'waste' }, OFFICE), 'quiz.adminQuestions')
  const bank = before.items
  const edited = bank.find((q) => q.type === 'single' && q.options.length <= 4)
  if (!edited) throw new Error('no single-choice waste question of up to four options in the bank')
  const editedRow = [edited.id, '垃圾分类', '单选题', '', `${edited.stem}（修订）`, ...[0, 1, 2, 3].map((i) => edited.options[i] ?? ''), 'ABCD'[edited.answer[0]], edited.explanation, edited.sectionId]
  const badRow = [...NEW_QUESTION]
  badRow[0] = 'clerk-002'
  badRow[1] = '天文知识'
  await open(`${PAGE}?view=questions`)
  await visible(page, '#wm-oc-questions').waitFor()
  await shot('03-questions')
  await wide('03-questions')
  await chooseFiles(page, '#wm-oc-questions-choose', [{ name: '题库.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await sheet([NEW_QUESTION, badRow]) }])
  await visible(page, '#wm-oc-questions-issues').filter({ hasText: '第3行' }).filter({ hasText: '天文知识' }).waitFor()
  await visible(page, '#wm-oc-questions-problem').filter({ hasText: '未导入任何题目' }).waitFor()
  await shot('04-questions-refused')
  await wide('04-questions-refused')
  const after = dataOf<{ total: number }>(await t.call('quiz', 'adminQuestions', { topic: 'waste' }, OFFICE), 'quiz.adminQuestions')
  if (after.total !== before.total) throw new Error(`a refused sheet changed the bank: ${before.total} → ${after.total} questions`)

  step('the fixed sheet: 新增 1 · 修改 1, then 确认导入 adds the question')
  await chooseFiles(page, '#wm-oc-questions-choose', [{ name: '题库.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await sheet([NEW_QUESTION, editedRow]) }])
  await visible(page, '#wm-oc-questions-preview').waitFor()
  await visible(page, '#wm-oc-questions-added').filter({ hasText: '1' }).waitFor()
  await visible(page, '#wm-oc-questions-changed').filter({ hasText: '1' }).waitFor()
  await shot('05-questions-preview')
  await visible(page, '#wm-oc-questions-confirm').tap()
  await visible(page, '#wm-oc-questions-done').waitFor()
  await shot('06-questions-applied')
  await wide('06-questions-applied')
  const listed = dataOf<{ items: BankQuestion[] }>(await t.call('quiz', 'adminQuestions', { topic: 'waste' }, OFFICE), 'quiz.adminQuestions').items
  if (!listed.some((q) => q.id === 'clerk-001')) throw new Error('the imported question is not in the bank')

  step('the 修改记录 shows the limit and the import in words')
  await open(`${PAGE}?view=audit`)
  await visible(page, '#wm-oc-audit').waitFor()
  await visible(page, '#wm-oc-audit-filter-reportSettings').tap()
  await visible(page, '#wm-oc-audit-0').filter({ hasText: '每人每天上限（条）：20 → 5' }).waitFor()
  await visible(page, '#wm-oc-audit-filter-quiz_question').tap()
  await visible(page, '#wm-oc-audit-0').filter({ hasText: '新增 1、修改 1' }).waitFor()
  await shot('07-audit')

  step('积分规则, 志愿时限, 通知模板 and 手册版本 open')
  await open(`${PAGE}?view=points`)
  await visible(page, '#wm-oc-rule-report-accepted').waitFor()
  await visible(page, '#wm-oc-rule-edit-report-accepted').tap()
  await field(page, 'wm-oc-rule-cap').fill('15')
  await visible(page, '#wm-oc-rule-save').tap()
  await visible(page, '#wm-oc-points-done').filter({ hasText: '每天最多 15 分' }).waitFor()
  await shot('08-points')
  await wide('08-points')
  await open(`${PAGE}?view=volunteer`)
  await visible(page, '#wm-oc-volunteer').waitFor()
  await field(page, 'wm-oc-cancel-minutes').fill('60')
  await visible(page, '#wm-oc-volunteer-save').tap()
  await visible(page, '#wm-oc-volunteer-done').filter({ hasText: '开始前 1 小时截止取消' }).waitFor()
  await shot('09-volunteer')
  const times = dataOf<{ cancelDeadlineMinutes: number }>(await t.call('volunteer', 'getSettings', {}, RESIDENT), 'volunteer.getSettings')
  if (times.cancelDeadlineMinutes !== 60) throw new Error(`volunteer.getSettings says ${times.cancelDeadlineMinutes} minutes after the office set 60`)
  await open(`${PAGE}?view=notify`)
  await visible(page, '#wm-oc-notify').waitFor()
  await shot('10-notify')
  await wide('10-notify')
  await open(`${PAGE}?view=handbook`)
  await visible(page, '#wm-oc-handbook').waitFor()
  await shot('11-handbook')
  const text = await page.evaluate(() => document.body.textContent ?? '')
  if (/demo-admin|o[A-Za-z0-9_-]{27}/.test(text)) throw new Error('an openid is shown on the handbook versions')
}
