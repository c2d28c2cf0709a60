import { QUIZ_BANK } from '@/cloud/domain/quiz/bank'
import { loadActiveIndex } from '@/cloud/domain/quiz/bank-store'
import { questionHeader, questionRow } from '@/cloud/domain/settings/questions'
import { readSheet } from '@/cloud/domain/xlsx/read'
import { expectOk, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { sheetBytes, uploadSheet } from './inspect-support'
import { startQuizCloud } from './quiz-support'

/** 设置 → 题库: questions imported from a clerk's Excel sheet by 题号 — dry run, good, bad, re-import; one audit entry per import. */
let cloud: TestCloud
beforeEach(async () => {
  cloud = await startQuizCloud()
})
afterEach(() => cloud.close())

const bankSingle = QUIZ_BANK.find((q) => q.type === 'single' && q.options.length <= 4)
if (!bankSingle) throw new Error('the bank has a single-choice question of up to four options')
const single = bankSingle

/** header + rows; a row is the template's columns in order */
const NEW_ROW = ['sheet-001', '垃圾分类', '单选题', '易', '废旧电池属于哪类垃圾？', '可回收物', '有害垃圾', '厨余垃圾', '其他垃圾', 'B', '废旧电池含重金属，属于有害垃圾。', 'waste-hazardous']
const NEW_TF = ['sheet-002', '文明交通', '判断题', '', '行人可以在机动车道内行走。', '', '', '', '', '错误', '行人应走人行道。', 'traffic-pedestrian']
const bankRow = () => questionRow(single.id, { ...single, options: [...single.options], answer: [...single.answer] })
const editedBankRow = () => {
  const row = bankRow()
  row[4] = `${single.stem}（修订）`
  return row
}

async function importRows(rows: string[][], dryRun?: boolean) {
  const fileId = await uploadSheet(cloud, await sheetBytes([questionHeader(), ...rows]))
  return cloud.as(TEST_ADMIN).call('settings', 'importQuestions', dryRun === undefined ? { fileId } : { fileId, dryRun })
}

/** everything but the upload reservations the sheet itself makes */
async function written() {
  const { uploads: _uploads, ...rest } = await cloud.snapshot()
  return rest
}

const question = async (id: string) => (await cloud.platform.db.collection('quiz_questions').doc(id).get()).data as Record<string, unknown>

test('a dry run counts 新增 / 修改 / 未变 and writes nothing', async () => {
  const before = await written()
  const view = expectOk(await importRows([NEW_ROW, NEW_TF, editedBankRow(), questionRow(QUIZ_BANK[1].id, { ...QUIZ_BANK[1], options: [...QUIZ_BANK[1].options], answer: [...QUIZ_BANK[1].answer] })], true))
  expect(view).toEqual({ applied: false, rows: 4, added: ['sheet-001', 'sheet-002'], changed: [single.id], unchanged: 1 })
  expect(await written()).toEqual(before)
})

test('an import adds and edits questions, keeps the active index right, is audited once with counts; the same sheet again changes nothing', async () => {
  const total = (await loadActiveIndex(cloud.platform.db))?.total ?? 0
  const view = expectOk(await importRows([NEW_ROW, NEW_TF, editedBankRow()]))
  expect(view).toMatchObject({ applied: true, added: ['sheet-001', 'sheet-002'], changed: [single.id], unchanged: 0 })
  expect(await question('sheet-001')).toMatchObject({ topic: 'waste', type: 'single', difficulty: 1, options: NEW_ROW.slice(5, 9), answer: [1], status: 'active', origin: 'office', sectionId: 'waste-hazardous' })
  // 判断题: the options are the fixed 正确 / 错误; a blank 难度 is 中
  expect(await question('sheet-002')).toMatchObject({ type: 'true-false', options: ['正确', '错误'], answer: [1], difficulty: 2 })
  expect(await question(single.id)).toMatchObject({ stem: `${single.stem}（修订）`, revision: 2, editedByOffice: true })
  const index = await loadActiveIndex(cloud.platform.db)
  expect(index?.total).toBe(total + 2)
  expect(index?.byTopic.waste).toContain('sheet-001')
  expect(index?.byTopic.traffic).toContain('sheet-002')
  // the office's question list has them
  const listed = expectOk(await cloud.as(TEST_ADMIN).call('quiz', 'adminQuestions', { topic: 'waste' }))
  expect(listed.items.map((q) => q.id)).toContain('sheet-001')

  cloud.clock.advance(1000)
  const again = expectOk(await importRows([NEW_ROW, NEW_TF, editedBankRow()]))
  expect(again).toMatchObject({ added: [], changed: [], unchanged: 3 })
  expect((await question('sheet-001')).revision).toBe(1)
  const { items } = expectOk(await cloud.as(TEST_ADMIN).call('settings', 'audit', { subjectType: 'quiz_question' }))
  expect(items.filter((e) => e.action === 'importQuestions').map((e) => e.detail)).toEqual([
    { rows: 3, added: 0, changed: 0, unchanged: 3 },
    { rows: 3, added: 2, changed: 1, unchanged: 0 },
  ])
})

test('a sheet with bad rows names each one 第N行 and imports nothing', async () => {
  const before = await written()
  const badTopic = [...NEW_ROW]
  badTopic[0] = 'sheet-003'
  badTopic[1] = '天文'
  const badAnswer = [...NEW_ROW]
  badAnswer[0] = 'sheet-004'
  badAnswer[9] = 'E'
  const duplicate = [...NEW_ROW]
  const gap = [...NEW_ROW]
  gap[0] = 'sheet-005'
  gap[6] = ''
  const badSection = [...NEW_ROW]
  badSection[0] = 'sheet-006'
  badSection[11] = 'waste-nowhere'
  const result = await importRows([NEW_ROW, badTopic, badAnswer, duplicate, gap, badSection])
  expect(result).toMatchObject({ ok: false, code: 'SETTINGS.QUESTIONS_INVALID', message: expect.stringContaining('第3行') })
  if (result.ok) throw new Error('refused')
  expect(result.issues?.map((i) => i.path)).toEqual(['第3行', '第4行', '第5行', '第6行', '第7行'])
  expect(result.issues?.[0].message).toContain('天文')
  expect(result.issues?.[2].message).toContain('与第2行重复')
  expect(result.issues?.[4].message).toContain('手册小节')
  expect(await written()).toEqual(before)
})

test('a missing column, a file outside the office sheets, an unreadable file and a resident are refused with nothing written', async () => {
  const before = await written()
  const header = questionHeader().filter((h) => h !== '答案')
  const fileId = await uploadSheet(cloud, await sheetBytes([header, NEW_ROW.slice(0, 9)]))
  const missing = await cloud.as(TEST_ADMIN).call('settings', 'importQuestions', { fileId })
  expect(missing).toMatchObject({ ok: false, code: 'SETTINGS.QUESTIONS_INVALID', message: expect.stringContaining('缺少「答案」列') })
  expect(await cloud.as(TEST_ADMIN).call('settings', 'importQuestions', { fileId: 'cloud://env/reports/x.jpg' })).toMatchObject({ ok: false, code: 'SETTINGS.FILE_NOT_YOURS' })
  const junk = await uploadSheet(cloud, Buffer.from('not a sheet'))
  expect(await cloud.as(TEST_ADMIN).call('settings', 'importQuestions', { fileId: junk })).toMatchObject({ ok: false, code: 'SETTINGS.SHEET_UNREADABLE' })
  expect(await cloud.as('resident-x').call('settings', 'importQuestions', { fileId })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  expect(await written()).toEqual(before)
})

test('the template downloads with the columns and imports unchanged', async () => {
  const sheet = expectOk(await cloud.as(TEST_ADMIN).call('settings', 'questionTemplate', {}))
  expect(sheet.name).toContain('题库')
  const bytes = (await cloud.platform.storage.downloadFile({ fileID: sheet.fileId })).fileContent
  const read = readSheet(new Uint8Array(bytes))
  expect(read?.headers).toEqual(questionHeader())
  expect(read?.rows.length).toBe(3)
  expect(expectOk(await cloud.as(TEST_ADMIN).call('settings', 'importQuestions', { fileId: sheet.fileId, dryRun: true }))).toMatchObject({ added: [], changed: [], unchanged: 3 })
})
