import {
  QUESTION_TYPE_LABEL,
  QUIZ_TOPIC_LABEL,
  QUIZ_TOPICS,
  TRUE_FALSE_OPTIONS,
  questionContent,
  type QuestionContent,
  type QuestionType,
  type QuizTopic,
} from '@/shared/contract/quiz'
import { MORE_SETTINGS_LIMITS, QUESTION_COLUMNS, REQUIRED_QUESTION_COLUMNS, SETTINGS_ERRORS, type QuestionImportView } from '@/shared/contract/settings'
import type { Fail } from '@/shared/errors'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { BANK_VERSION, QUIZ_BANK } from '../quiz/bank'
import { loadActiveIndex, rebuildActiveIndex } from '../quiz/bank-store'
import type { QuestionDoc } from '../quiz/docs'
import { storagePath } from '../upload/reservations'
import { readSheet, type SheetData, type SheetRow } from '../xlsx/read'
import { xlsxBuffer } from '../xlsx/write'
import { MORE_SUBJECT } from './more'
import { settingsFail, type In, type Out } from './model'

/**
 * 题库表 import: a clerk keeps the questions in a spreadsheet; each row is one question keyed by
 * its 题号 (a bank question's own id edits that question; a new 题号 adds one). The whole sheet is
 * checked before anything is written: one bad row and nothing is imported, every bad row named.
 */

type Column = keyof typeof QUESTION_COLUMNS
const OPTION_COLUMNS: Column[] = ['a', 'b', 'c', 'd']
const LETTERS = ['A', 'B', 'C', 'D']
const QUESTION_ID = /^[A-Za-z0-9_-]{1,40}$/

const TYPE_BY_WORD: Record<string, QuestionType> = {
  单选题: 'single',
  单选: 'single',
  多选题: 'multiple',
  多选: 'multiple',
  判断题: 'true-false',
  判断: 'true-false',
}
const DIFFICULTY_BY_WORD: Record<string, 1 | 2 | 3> = { 易: 1, 简单: 1, '1': 1, 中: 2, 中等: 2, '2': 2, 难: 3, 困难: 3, '3': 3 }
const TRUE_WORDS = ['正确', '对', '是', '√', 'A']
const FALSE_WORDS = ['错误', '错', '否', '×', 'B']

const topicOf = (text: string): QuizTopic | null =>
  (QUIZ_TOPICS as readonly string[]).includes(text) ? (text as QuizTopic) : (QUIZ_TOPICS.find((t) => QUIZ_TOPIC_LABEL[t] === text) ?? null)

interface ParsedRow {
  row: number
  questionId: string
  content: QuestionContent
  /** the 难度 column was blank: an existing question keeps its own */
  difficultyGiven: boolean
}

type Issue = { path: string; message: string }

function parseRow(r: SheetRow): { ok: ParsedRow } | { problem: string } {
  const cell = (c: Column) => r.cells[QUESTION_COLUMNS[c]]?.trim() ?? ''
  const questionId = cell('id')
  if (!questionId) return { problem: '题号不能为空' }
  if (!QUESTION_ID.test(questionId)) return { problem: `题号「${questionId.slice(0, 20)}」只能用字母、数字、短横线或下划线，最长 40 个字符` }
  const topic = topicOf(cell('topic'))
  if (!topic) return { problem: `专题「${cell('topic') || '（空）'}」不在专题列表中（如：${QUIZ_TOPIC_LABEL.waste}、${QUIZ_TOPIC_LABEL.traffic}）` }
  const type = TYPE_BY_WORD[cell('type')]
  if (!type) return { problem: `题型「${cell('type') || '（空）'}」须为单选题、多选题或判断题` }
  const stem = cell('stem')
  if (!stem) return { problem: '题干不能为空' }
  let options: string[]
  let answer: number[]
  const answerText = cell('answer').toUpperCase().replace(/[\s、,，;；]/g, '')
  if (type === 'true-false') {
    options = [...TRUE_FALSE_OPTIONS]
    if (TRUE_WORDS.includes(answerText)) answer = [0]
    else if (FALSE_WORDS.includes(answerText)) answer = [1]
    else return { problem: `判断题的答案须为「正确」或「错误」，表中是「${cell('answer') || '（空）'}」` }
  } else {
    options = OPTION_COLUMNS.map(cell)
    // options are filled from A on: a gap (A, C filled, B empty) would shift every letter after it
    const last = options.map((o) => o !== '').lastIndexOf(true)
    if (options.slice(0, last + 1).some((o) => o === '')) return { problem: '选项须从 A 起连续填写，中间不能空' }
    options = options.slice(0, last + 1)
    if (!answerText) return { problem: '答案不能为空，请填选项字母，如 A 或 AC' }
    if (!/^[A-D]+$/.test(answerText)) return { problem: `答案「${cell('answer')}」须为选项字母（A–D）` }
    answer = [...new Set(answerText.split('').map((l) => LETTERS.indexOf(l)))].sort((a, b) => a - b)
  }
  const difficultyText = cell('difficulty')
  const difficulty = difficultyText ? DIFFICULTY_BY_WORD[difficultyText] : 2
  if (!difficulty) return { problem: `难度「${difficultyText}」须为易、中或难` }
  const parsed = questionContent.safeParse({ topic, type, difficulty, stem, options, answer, explanation: cell('explanation'), sectionId: cell('section') })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where: Record<string, string> = { stem: '题干', options: '选项', answer: '答案', explanation: '解析', sectionId: '手册小节' }
    const field = where[String(issue?.path[0] ?? '')]
    if (field === '手册小节') return { problem: `手册小节「${cell('section') || '（空）'}」不是手册中的小节编号` }
    if (field === '解析' && !cell('explanation')) return { problem: '解析不能为空' }
    return { problem: `${field ?? '内容'}：${issue?.message ?? '格式不正确'}` }
  }
  return { ok: { row: r.row, questionId, content: parsed.data, difficultyGiven: difficultyText !== '' } }
}

const contentKey = (c: Pick<QuestionDoc, 'topic' | 'type' | 'difficulty' | 'stem' | 'options' | 'answer' | 'explanation' | 'sectionId'>) =>
  JSON.stringify([c.topic, c.type, c.difficulty, c.stem, c.options, [...c.answer].sort((a, b) => a - b), c.explanation, c.sectionId])

const invalid = (issues: Issue[]): Fail =>
  settingsFail('SETTINGS.QUESTIONS_INVALID', `${SETTINGS_ERRORS['SETTINGS.QUESTIONS_INVALID']}：${issues[0].path}：${issues[0].message}${issues.length > 1 ? `（共 ${issues.length} 处）` : ''}`, issues)

/** Checks the whole sheet, then (not a dry run) writes the new and changed questions and rebuilds quiz_meta/active once. */
export async function importQuestionRows(ctx: ActionContext, sheet: SheetData, dryRun: boolean): Promise<QuestionImportView | Fail> {
  const missing = REQUIRED_QUESTION_COLUMNS.filter((c) => !sheet.headers.includes(QUESTION_COLUMNS[c]))
  if (missing.length) return invalid(missing.map((c) => ({ path: '表头', message: `缺少「${QUESTION_COLUMNS[c]}」列` })))
  if (sheet.rows.length === 0) return invalid([{ path: '表格', message: '没有任何题目' }])
  if (sheet.rows.length > MORE_SETTINGS_LIMITS.questionsPerSheet) return invalid([{ path: '表格', message: `一张表最多 ${MORE_SETTINGS_LIMITS.questionsPerSheet} 道题，请分成几张表导入` }])
  const issues: Issue[] = []
  const rows: ParsedRow[] = []
  const firstRowOf = new Map<string, number>()
  for (const r of sheet.rows) {
    const parsed = parseRow(r)
    if ('problem' in parsed) {
      issues.push({ path: `第${r.row}行`, message: parsed.problem })
      continue
    }
    const earlier = firstRowOf.get(parsed.ok.questionId)
    if (earlier !== undefined) {
      issues.push({ path: `第${r.row}行`, message: `题号「${parsed.ok.questionId}」与第${earlier}行重复` })
      continue
    }
    firstRowOf.set(parsed.ok.questionId, r.row)
    rows.push(parsed.ok)
  }
  if (issues.length) return invalid(issues)

  const _ = ctx.db.command
  const existing = new Map<string, QuestionDoc>()
  for (let i = 0; i < rows.length; i += 100) {
    const { data } = await ctx.db.collection('quiz_questions').where({ _id: _.in(rows.slice(i, i + 100).map((r) => r.questionId)) }).limit(100).get()
    for (const d of data as unknown as QuestionDoc[]) existing.set(d._id, d)
  }
  const added: ParsedRow[] = []
  const changed: Array<ParsedRow & { content: QuestionContent }> = []
  let unchanged = 0
  for (const r of rows) {
    const doc = existing.get(r.questionId)
    if (!doc) {
      added.push(r)
      continue
    }
    const content = r.difficultyGiven ? r.content : { ...r.content, difficulty: doc.difficulty }
    if (contentKey(doc) === contentKey(content)) unchanged++
    else changed.push({ ...r, content })
  }
  const view: QuestionImportView = { applied: !dryRun, rows: rows.length, added: added.map((r) => r.questionId), changed: changed.map((r) => r.questionId), unchanged }
  if (dryRun) return view

  const now = ctx.clock.now()
  const bankVersion = (await loadActiveIndex(ctx.db))?.bankVersion ?? BANK_VERSION
  for (const r of added) {
    const c = r.content
    await ctx.db.collection('quiz_questions').doc(r.questionId).set({
      data: { ...c, options: [...c.options], answer: [...c.answer], status: 'active', origin: 'office', bankVersion, revision: 1, editedByOffice: true, createdAt: now, updatedAt: now },
    })
  }
  for (const r of changed) {
    const c = r.content
    // as the office's own edit (bank-store saveQuestion): later bank versions leave this content alone
    await ctx.db.collection('quiz_questions').doc(r.questionId).update({
      data: { ...c, options: _.set([...c.options]), answer: _.set([...c.answer]), revision: _.inc(1), editedByOffice: true, updatedAt: now },
    })
  }
  if (added.length || changed.length) await rebuildActiveIndex(ctx)
  await writeAudit(ctx, {
    subjectType: MORE_SUBJECT.questions,
    subjectId: 'sheet',
    action: 'importQuestions',
    detail: { rows: rows.length, added: added.length, changed: changed.length, unchanged },
  })
  return view
}

export async function importQuestions(input: In<'importQuestions'>, ctx: ActionContext): Out<'importQuestions'> {
  // the office's own sheets only: an upload it reserved in `sheets/`, or the template written there
  if (!(storagePath(input.fileId) ?? '').startsWith('sheets/')) return settingsFail('SETTINGS.FILE_NOT_YOURS')
  let bytes: Buffer
  try {
    bytes = (await ctx.storage.downloadFile({ fileID: input.fileId })).fileContent
  } catch {
    return settingsFail('SETTINGS.FILE_NOT_YOURS')
  }
  if (bytes.length > MORE_SETTINGS_LIMITS.sheetMaxBytes) return settingsFail('SETTINGS.SHEET_UNREADABLE', '表格超过 5 MB，请拆分后分别导入')
  const sheet = readSheet(new Uint8Array(bytes), { maxRows: MORE_SETTINGS_LIMITS.questionsPerSheet })
  if (!sheet) return settingsFail('SETTINGS.SHEET_UNREADABLE')
  return importQuestionRows(ctx, sheet, input.dryRun === true)
}

const HEADER_ORDER: Column[] = ['id', 'topic', 'type', 'difficulty', 'stem', 'a', 'b', 'c', 'd', 'answer', 'explanation', 'section']
const DIFFICULTY_WORD = { 1: '易', 2: '中', 3: '难' } as const

/** A question as a sheet row, in the template's column order (the template and the tests share it). */
export function questionRow(id: string, q: QuestionContent): string[] {
  const byColumn: Record<Column, string> = {
    id,
    topic: QUIZ_TOPIC_LABEL[q.topic],
    type: QUESTION_TYPE_LABEL[q.type],
    difficulty: DIFFICULTY_WORD[q.difficulty],
    stem: q.stem,
    a: q.type === 'true-false' ? '' : q.options[0] ?? '',
    b: q.type === 'true-false' ? '' : q.options[1] ?? '',
    c: q.type === 'true-false' ? '' : q.options[2] ?? '',
    d: q.type === 'true-false' ? '' : q.options[3] ?? '',
    answer: q.type === 'true-false' ? TRUE_FALSE_OPTIONS[q.answer[0]] ?? '' : q.answer.map((i) => LETTERS[i]).join(''),
    explanation: q.explanation,
    section: q.sectionId,
  }
  return HEADER_ORDER.map((c) => byColumn[c])
}

export const questionHeader = (): string[] => HEADER_ORDER.map((c) => QUESTION_COLUMNS[c])

/** Bank questions of up to four options, one of each type: imported unchanged, they show the format. */
function templateRows(): string[][] {
  const picks = (['single', 'multiple', 'true-false'] as const).map((t) => QUIZ_BANK.find((q) => q.type === t && q.options.length <= 4)).filter((q) => q !== undefined)
  return [questionHeader(), ...picks.map((q) => questionRow(q.id, { ...q, options: [...q.options], answer: [...q.answer] }))]
}

export async function questionTemplate(ctx: ActionContext): Out<'questionTemplate'> {
  // one file, rewritten on each download: templates do not pile up in storage
  const { fileID } = await ctx.storage.uploadFile({ cloudPath: 'sheets/templates/questions.xlsx', fileContent: xlsxBuffer([{ name: '题库', rows: templateRows() }]) })
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: [fileID] })
  return { name: '题库表（模板）.xlsx', url: fileList[0]?.tempFileURL ?? '', fileId: fileID }
}
