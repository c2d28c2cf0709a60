import type { QuestionContent } from '@/shared/contract/quiz'
import { QUIZ_BANK, type BankQuestion } from '@/cloud/domain/quiz/bank'
import { loadActiveIndex, seedQuiz } from '@/cloud/domain/quiz/bank-store'
import { expectOk, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { answersFor, attemptOf, startQuizCloud, takeQuiz } from './quiz-support'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await startQuizCloud()
})
afterEach(() => cloud.close())

const office = () => cloud.as(TEST_ADMIN)
const contentOf = ({ id: _id, ...content }: BankQuestion): QuestionContent => content

const newQuestion: QuestionContent = {
  topic: 'dogs',
  type: 'true-false',
  difficulty: 1,
  stem: '本市文明养犬示范小区评选活动每年开展一次。',
  options: ['正确', '错误'],
  answer: [0],
  explanation: '文明办每年组织一次文明养犬示范小区评选，欢迎各小区报名。',
  sectionId: 'dogs-leash',
}

test('residents cannot read or change the bank; bad content is refused before it is stored', async () => {
  expect(await cloud.as('alice').call('quiz', 'adminQuestions', {})).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  expect(await cloud.as('alice').call('quiz', 'adminSaveQuestion', { content: newQuestion })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  const before = await cloud.snapshot()
  const twoAnswers = { ...newQuestion, type: 'single' as const, options: ['甲', '乙', '丙'], answer: [0, 1] }
  expect(await office().call('quiz', 'adminSaveQuestion', { content: twoAnswers })).toMatchObject({ code: 'INPUT.INVALID' })
  expect(await cloud.snapshot()).toEqual(before)
})

test('答题首页 shows the way into 题库管理 to the office only', async () => {
  expect(expectOk(await office().call('quiz', 'home', {})).canManage).toBe(true)
  expect(expectOk(await cloud.as('alice').call('quiz', 'home', {})).canManage).toBe(false)
})

test('the office lists the bank with answers, by topic', async () => {
  const page = expectOk(await office().call('quiz', 'adminQuestions', { topic: 'traffic' }))
  expect(page.total).toBe(QUIZ_BANK.filter((q) => q.topic === 'traffic').length)
  expect(page.items[0]).toMatchObject({ topic: 'traffic', status: 'active', origin: 'bank' })
  expect(page.items[0].answer.length).toBeGreaterThan(0)
})

test('a question the office adds is used for practice at once, without a release, and audited', async () => {
  const added = expectOk(await office().call('quiz', 'adminSaveQuestion', { content: newQuestion }))
  expect(added).toMatchObject({ origin: 'office', status: 'active', revision: 1 })
  const home = expectOk(await cloud.as('alice').call('quiz', 'home', {}))
  expect(home.topics.find((t) => t.id === 'dogs')?.count).toBe(QUIZ_BANK.filter((q) => q.topic === 'dogs').length + 1)
  const paper = expectOk(await cloud.as('alice').call('quiz', 'start', { mode: 'practice', topic: 'dogs', count: 20 }))
  expect(paper.questions.map((q) => q.stem)).toContain(newQuestion.stem)
  const { data: audit } = await cloud.platform.db.collection('audit_log').where({ subjectType: 'quiz_question', subjectId: added.id }).get()
  expect(audit).toEqual([expect.objectContaining({ action: 'addQuestion', actorOpenid: TEST_ADMIN })])
})

test('an edit changes the question from the next paper on; a paper already issued keeps its answer', async () => {
  const target = QUIZ_BANK.find((q) => q.id === 'waste-13') as BankQuestion
  const paper = expectOk(await cloud.as('alice').call('quiz', 'start', { mode: 'practice', topic: 'waste', count: 20 }))
  const answersBefore = await answersFor(cloud, paper, 'right')
  const edited = expectOk(
    await office().call('quiz', 'adminSaveQuestion', {
      questionId: target.id,
      content: { ...contentOf(target), stem: '煮熟的鸡蛋壳属于哪类垃圾？', answer: [3] },
    }),
  )
  expect(edited).toMatchObject({ revision: 2, stem: '煮熟的鸡蛋壳属于哪类垃圾？', answer: [3] })
  cloud.clock.advance(60_000)
  const result = expectOk(await cloud.as('alice').call('quiz', 'submit', { attemptId: paper.attemptId, answers: answersBefore }))
  expect(result.correct).toBe(paper.questions.length)
  const next = expectOk(await cloud.as('alice').call('quiz', 'start', { mode: 'practice', topic: 'waste', count: 20 }))
  expect(next.questions.map((q) => q.stem)).toContain('煮熟的鸡蛋壳属于哪类垃圾？')
})

test('a retired question is no longer drawn, and can be restored', async () => {
  const retired = expectOk(await office().call('quiz', 'adminRetireQuestion', { questionId: 'dogs-01', retired: true }))
  expect(retired.status).toBe('retired')
  const index = await loadActiveIndex(cloud.platform.db)
  expect(index?.byTopic.dogs).not.toContain('dogs-01')
  for (let i = 0; i < 5; i++) {
    const paper = expectOk(await cloud.as('alice').call('quiz', 'start', { mode: 'practice', topic: 'dogs', count: 20 }))
    const attempt = await attemptOf(cloud, paper.attemptId)
    expect(attempt.items.map((it) => it.questionId)).not.toContain('dogs-01')
  }
  expect(expectOk(await office().call('quiz', 'adminQuestions', { status: 'retired' })).items.map((q) => q.id)).toEqual(['dogs-01'])
  expectOk(await office().call('quiz', 'adminRetireQuestion', { questionId: 'dogs-01', retired: false }))
  expect((await loadActiveIndex(cloud.platform.db))?.byTopic.dogs).toContain('dogs-01')
})

test('editing or retiring a question that does not exist says so', async () => {
  expect(await office().call('quiz', 'adminRetireQuestion', { questionId: 'nope', retired: true })).toMatchObject({
    code: 'QUIZ.QUESTION_NOT_FOUND',
  })
  expect(await office().call('quiz', 'adminSaveQuestion', { questionId: 'nope', content: newQuestion })).toMatchObject({
    code: 'QUIZ.QUESTION_NOT_FOUND',
  })
})

test('the daily paper of a person drawn before a retirement stays the same all day', async () => {
  const paper = expectOk(await cloud.as('alice').call('quiz', 'start', { mode: 'daily' }))
  const attempt = await attemptOf(cloud, paper.attemptId)
  expectOk(await office().call('quiz', 'adminRetireQuestion', { questionId: attempt.items[0].questionId, retired: true }))
  const again = expectOk(await cloud.as('alice').call('quiz', 'start', { mode: 'daily' }))
  expect(again.questions).toEqual(paper.questions)
  expect((await takeQuiz(cloud, 'alice', again, 'right')).correct).toBe(10)
})

describe('seeding the bank', () => {
  test('seeding the same version twice changes nothing', async () => {
    const before = await cloud.snapshot()
    expect(await seedQuiz(cloud.platform)).toEqual({ changed: false, total: QUIZ_BANK.length })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test("a new version updates the bank's questions, keeps the office's edits and retires removed ones", async () => {
    const [first, second, ...rest] = QUIZ_BANK
    expectOk(await office().call('quiz', 'adminSaveQuestion', { questionId: second.id, content: { ...contentOf(second), stem: '文明办改过的题干' } }))
    const nextBank = [{ ...first, explanation: `${first.explanation}（新版解析）` }, { ...second, stem: '新版题干' }, ...rest.slice(1)]
    expect(await seedQuiz(cloud.platform, nextBank, '2099.1.1')).toMatchObject({ changed: true })
    const list = async (status: 'active' | 'retired') => {
      const { data } = await cloud.platform.db.collection('quiz_questions').where({ status }).limit(100).get()
      return data
    }
    const firstDoc = (await cloud.platform.db.collection('quiz_questions').where({ _id: first.id }).get()).data[0]
    expect(firstDoc).toMatchObject({ explanation: `${first.explanation}（新版解析）`, revision: 2, bankVersion: '2099.1.1' })
    const secondDoc = (await cloud.platform.db.collection('quiz_questions').where({ _id: second.id }).get()).data[0]
    expect(secondDoc).toMatchObject({ stem: '文明办改过的题干', editedByOffice: true })
    expect((await list('retired')).map((d) => d._id)).toEqual([rest[0].id])
    expect((await loadActiveIndex(cloud.platform.db))?.bankVersion).toBe('2099.1.1')
  })
})
