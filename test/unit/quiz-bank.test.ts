import { QUIZ_TOPICS, questionContent, type QuestionContent } from '@/shared/contract/quiz'
import { chapterOfSection } from '@/shared/handbook/ids'
import { BANK_VERSION, QUIZ_BANK } from '@/cloud/domain/quiz/bank'
import { HANDBOOK_CONTENT } from '@/cloud/domain/handbook/content'

/** The question bank files, checked with the same schema the office's edits go through. */
const contentOf = ({ id: _id, ...content }: (typeof QUIZ_BANK)[number]) => content

test('has at least 150 questions and a version', () => {
  expect(QUIZ_BANK.length).toBeGreaterThanOrEqual(150)
  expect(BANK_VERSION).toMatch(/^\d{4}\.\d+\.\d+$/)
})

test.each(QUIZ_BANK.map((q) => [q.id, q] as const))('%s has a topic, exactly one valid answer set and an explanation', (_id, q) => {
  const parsed = questionContent.safeParse(contentOf(q))
  expect(parsed.success ? 'valid' : parsed.error.issues).toBe('valid')
  expect(q.explanation.length).toBeGreaterThanOrEqual(10)
})

test('ids are unique, stable-looking and stems are not repeated', () => {
  const ids = QUIZ_BANK.map((q) => q.id)
  expect(new Set(ids).size).toBe(ids.length)
  for (const id of ids) expect(id).toMatch(/^[a-z]+-\d{2}$/)
  const stems = QUIZ_BANK.map((q) => q.stem)
  expect(new Set(stems).size).toBe(stems.length)
})

test('every topic has at least ten questions, and every type is used', () => {
  for (const topic of QUIZ_TOPICS) expect(QUIZ_BANK.filter((q) => q.topic === topic).length).toBeGreaterThanOrEqual(10)
  for (const type of ['single', 'multiple', 'true-false'] as const) expect(QUIZ_BANK.some((q) => q.type === type)).toBe(true)
})

test('every question links to a handbook section of its own topic (chapter)', () => {
  for (const q of QUIZ_BANK) expect({ id: q.id, chapter: chapterOfSection(q.sectionId) }).toEqual({ id: q.id, chapter: q.topic })
})

test('every section a question links to exists in the handbook as shipped', () => {
  const sections = new Set(HANDBOOK_CONTENT.flatMap((chapter) => chapter.sections.map((section) => section.id)))
  for (const q of QUIZ_BANK) expect({ id: q.id, section: q.sectionId, exists: sections.has(q.sectionId) }).toEqual({ id: q.id, section: q.sectionId, exists: true })
})

test('the answer is not always in the same position in the bank files', () => {
  const singles = QUIZ_BANK.filter((q) => q.type === 'single')
  expect(new Set(singles.map((q) => q.answer[0])).size).toBeGreaterThanOrEqual(3)
})

describe('facts the bank must get right', () => {
  const byId = new Map(QUIZ_BANK.map((q) => [q.id, q]))
  const answerText = (id: string) => byId.get(id)?.answer.map((a) => byId.get(id)?.options[a]) ?? []

  test('the 24 characters of the core values, by level', () => {
    expect(answerText('civic-01')).toEqual(['富强、民主、文明、和谐'])
    expect(answerText('civic-02')).toEqual(['自由、平等、公正、法治'])
    expect(answerText('civic-03')).toEqual(['爱国、敬业、诚信、友善'])
    expect(answerText('civic-04')).toEqual(['24 个字'])
  })

  test('the four waste categories', () => {
    expect(answerText('waste-01')).toEqual(['可回收物、有害垃圾、厨余垃圾、其他垃圾'])
  })

  test('pedestrians use crossings; e-bike riders wear helmets', () => {
    expect(answerText('traffic-01')).toEqual(['走人行横道，按信号灯指示通行'])
    expect(answerText('traffic-06')).toEqual(['正确'])
  })
})

describe('the schema refuses', () => {
  const good: QuestionContent = {
    topic: 'waste',
    type: 'single',
    difficulty: 1,
    stem: '废旧荧光灯管属于哪类垃圾？',
    options: ['可回收物', '有害垃圾', '厨余垃圾', '其他垃圾'],
    answer: [1],
    explanation: '荧光灯管含汞，属于有害垃圾。',
    sectionId: 'waste-hazardous',
  }
  const refused = (patch: Partial<Record<keyof QuestionContent, unknown>>) => questionContent.safeParse({ ...good, ...patch }).success

  test('the sample is valid', () => expect(refused({})).toBe(true))
  test('a single-choice question with two answers', () => expect(refused({ answer: [1, 2] })).toBe(false))
  test('a multiple-choice question with one answer', () => expect(refused({ type: 'multiple', answer: [1] })).toBe(false))
  test('an answer that is not an option', () => expect(refused({ answer: [4] })).toBe(false))
  test('no answer at all', () => expect(refused({ answer: [] })).toBe(false))
  test('repeated options', () => expect(refused({ options: ['甲', '甲', '乙'] })).toBe(false))
  test('a true/false question with other options', () => expect(refused({ type: 'true-false', options: ['对', '错'], answer: [0] })).toBe(false))
  test('a missing explanation', () => expect(refused({ explanation: '  ' })).toBe(false))
  test('an unknown topic', () => expect(refused({ topic: 'cooking' })).toBe(false))
  test('an unknown handbook section', () => expect(refused({ sectionId: 'waste-nuclear' })).toBe(false))
})
