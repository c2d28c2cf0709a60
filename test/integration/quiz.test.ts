import { QUIZ_TOPICS } from '@/shared/contract/quiz'
import { QUIZ_BANK } from '@/cloud/domain/quiz/bank'
import { DAILY_QUESTION_COUNT, PER_QUESTION_SECONDS, SUBMIT_GRACE_MS } from '@/cloud/domain/quiz/rules'
import { expectOk, type TestCloud } from '../support/cloud'
import { answersFor, attemptOf, DAY, ledgerSum, startDaily, startQuizCloud, takeQuiz, userPoints } from './quiz-support'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await startQuizCloud()
})
afterEach(() => cloud.close())

const bankById = new Map(QUIZ_BANK.map((q) => [q.id, q]))

describe('每日一练: the paper', () => {
  test('has ten questions across topics, each with a countdown the server keeps', async () => {
    const paper = await startDaily(cloud, 'alice')
    expect(paper.questions).toHaveLength(DAILY_QUESTION_COUNT)
    expect(new Set(paper.questions.map((q) => q.topic)).size).toBe(DAILY_QUESTION_COUNT)
    expect(paper.perQuestionSeconds).toBe(PER_QUESTION_SECONDS)
    expect(paper.deadlineAt - paper.startedAt).toBe(DAILY_QUESTION_COUNT * PER_QUESTION_SECONDS * 1000)
    expect(paper.serverNow).toBe(cloud.clock.now())
  })

  test('is the same paper all day: a second start resumes it, with the same clock', async () => {
    const first = await startDaily(cloud, 'alice')
    cloud.clock.advance(60_000)
    const again = await startDaily(cloud, 'alice')
    expect(again.attemptId).toBe(first.attemptId)
    expect(again.questions).toEqual(first.questions)
    expect(again.deadlineAt).toBe(first.deadlineAt)
  })

  test('after running out of time, the same day gives the same questions on a fresh paper', async () => {
    const first = await startDaily(cloud, 'alice')
    cloud.clock.set(first.deadlineAt + SUBMIT_GRACE_MS + 1)
    const second = await startDaily(cloud, 'alice')
    expect(second.attemptId).not.toBe(first.attemptId)
    expect(second.questions.map((q) => q.stem)).toEqual(first.questions.map((q) => q.stem))
    expect(second.deadlineAt).toBeGreaterThan(first.deadlineAt)
  })

  test('is a different paper the next day (Asia/Shanghai)', async () => {
    const today = await startDaily(cloud, 'alice')
    cloud.clock.advance(DAY)
    const tomorrow = await startDaily(cloud, 'alice')
    expect(tomorrow.day).not.toBe(today.day)
    expect(tomorrow.questions.map((q) => q.stem)).not.toEqual(today.questions.map((q) => q.stem))
  })

  test('two taps on 开始 at once make one paper', async () => {
    const papers = await Promise.all(Array.from({ length: 5 }, () => cloud.as('alice').call('quiz', 'start', { mode: 'daily' })))
    const ids = new Set(papers.map((p) => expectOk(p).attemptId))
    expect(ids.size).toBe(1)
    const { total } = await cloud.platform.db.collection('quiz_attempts').where({ openid: 'alice' }).count()
    expect(total).toBe(1)
  })
})

describe('no answer leaves the server before submission', () => {
  const explanations = QUIZ_BANK.map((q) => q.explanation)
  const questionIds = QUIZ_BANK.map((q) => q.id)
  const forbiddenKeys = ['answer', 'correct', 'explanation', 'sectionId', 'hint', 'isCorrect', 'questionId', 'difficulty', 'order']

  function scan(label: string, response: unknown): void {
    const text = JSON.stringify(response)
    for (const key of forbiddenKeys) expect({ label, key, found: text.includes(`"${key}"`) }).toEqual({ label, key, found: false })
    for (const e of explanations) expect({ label, explanation: e, found: text.includes(e) }).toEqual({ label, explanation: e, found: false })
    for (const id of questionIds) expect({ label, id, found: text.includes(`"${id}"`) }).toEqual({ label, id, found: false })
  }

  test('every start response (daily for many people, practice on every topic, review, resume) is clean', async () => {
    const responses: Array<[string, unknown]> = []
    for (let i = 0; i < 20; i++) responses.push([`daily person-${i}`, await cloud.as(`person-${i}`).call('quiz', 'start', { mode: 'daily' })])
    responses.push(['daily resumed', await cloud.as('person-0').call('quiz', 'start', { mode: 'daily' })])
    for (const topic of QUIZ_TOPICS) {
      responses.push([`practice ${topic}`, await cloud.as('person-0').call('quiz', 'start', { mode: 'practice', topic, count: 20 })])
    }
    // fill a wrong-answer book, then start a review paper
    const paper = await startDaily(cloud, 'reviewer')
    await takeQuiz(cloud, 'reviewer', paper, 'wrong')
    responses.push(['review', await cloud.as('reviewer').call('quiz', 'start', { mode: 'review', count: 20 })])
    responses.push(['home', await cloud.as('person-1').call('quiz', 'home', {})])

    let questionsSeen = 0
    for (const [label, response] of responses) {
      expect({ label, ok: (response as { ok: boolean }).ok }).toEqual({ label, ok: true })
      scan(label, response)
      questionsSeen += (response as { data: { questions?: unknown[] } }).data.questions?.length ?? 0
    }
    // the scan covered the whole bank's worth of questions, many times over
    expect(questionsSeen).toBeGreaterThan(QUIZ_BANK.length)
  })

  test('the position of the right option varies between papers, so positions reveal nothing', async () => {
    const positions = new Set<number>()
    for (let i = 0; i < 10; i++) {
      const paper = expectOk(await cloud.as(`p-${i}`).call('quiz', 'start', { mode: 'practice', topic: 'waste', count: 20 }))
      const attempt = await attemptOf(cloud, paper.attemptId)
      for (const item of attempt.items) if (item.type === 'single') positions.add(item.order.indexOf(item.answer[0]))
    }
    expect(positions.size).toBeGreaterThanOrEqual(3)
  })
})

describe('submit', () => {
  test('scores on the server and returns each answer, the correct one, the explanation and the handbook section', async () => {
    const paper = await startDaily(cloud, 'alice')
    const intents = ['right', 'wrong', 'skip', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] as const
    const result = await takeQuiz(cloud, 'alice', paper, [...intents])
    expect(result).toMatchObject({ total: 10, correct: 8, score: 80, pointsAwarded: 8, points: 'awarded', mode: 'daily' })
    const attempt = await attemptOf(cloud, paper.attemptId)
    result.items.forEach((item, i) => {
      const bank = bankById.get(attempt.items[i].questionId)
      expect(item.stem).toBe(bank?.stem)
      expect(item.explanation).toBe(bank?.explanation)
      expect(item.sectionId).toBe(bank?.sectionId)
      expect(item.correct.map((p) => item.options[p]).sort()).toEqual(bank?.answer.map((a) => bank.options[a]).sort())
      expect(item.isCorrect).toBe(intents[i] === 'right')
    })
    expect(result.items[2].chosen).toEqual([])
  })

  test('a second submit returns the first result and changes nothing', async () => {
    const paper = await startDaily(cloud, 'alice')
    const first = await takeQuiz(cloud, 'alice', paper, 'right')
    const before = await cloud.snapshot()
    const wrongAnswers = await answersFor(cloud, paper, 'wrong')
    const second = expectOk(await cloud.as('alice').call('quiz', 'submit', { attemptId: paper.attemptId, answers: wrongAnswers }))
    expect(second).toEqual(first)
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('two submits at the same moment score once and award points once', async () => {
    const paper = await startDaily(cloud, 'alice')
    const answers = await answersFor(cloud, paper, 'right')
    cloud.clock.advance(60_000)
    const results = await Promise.all(
      Array.from({ length: 5 }, () => cloud.as('alice').call('quiz', 'submit', { attemptId: paper.attemptId, answers })),
    )
    for (const r of results) expect(expectOk(r).correct).toBe(10)
    expect(await ledgerSum(cloud, 'alice')).toBe(10)
    expect(await userPoints(cloud, 'alice')).toBe(10)
  })

  test('after the deadline and its grace, a submission is refused and nothing is written', async () => {
    const paper = await startDaily(cloud, 'alice')
    const answers = await answersFor(cloud, paper, 'right')
    cloud.clock.set(paper.deadlineAt + SUBMIT_GRACE_MS + 1)
    const before = await cloud.snapshot()
    const result = await cloud.as('alice').call('quiz', 'submit', { attemptId: paper.attemptId, answers })
    expect(result).toMatchObject({ ok: false, code: 'QUIZ.LATE' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('a submission inside the grace after the deadline still counts', async () => {
    const paper = await startDaily(cloud, 'alice')
    const answers = await answersFor(cloud, paper, 'right')
    cloud.clock.set(paper.deadlineAt + SUBMIT_GRACE_MS)
    expect(expectOk(await cloud.as('alice').call('quiz', 'submit', { attemptId: paper.attemptId, answers })).correct).toBe(10)
  })

  test('a submission faster than a person can read is refused, writes nothing, and a careful one later counts', async () => {
    const paper = await startDaily(cloud, 'alice')
    const answers = await answersFor(cloud, paper, 'right')
    cloud.clock.advance(paper.questions.length * paper.minSecondsPerQuestion * 1000 - 1)
    const before = await cloud.snapshot()
    expect(await cloud.as('alice').call('quiz', 'submit', { attemptId: paper.attemptId, answers })).toMatchObject({
      ok: false,
      code: 'QUIZ.TOO_FAST',
    })
    expect(await cloud.snapshot()).toEqual(before)
    cloud.clock.advance(1)
    expect(expectOk(await cloud.as('alice').call('quiz', 'submit', { attemptId: paper.attemptId, answers })).correct).toBe(10)
  })

  test('answers that do not fit the paper are refused', async () => {
    const paper = await startDaily(cloud, 'alice')
    cloud.clock.advance(60_000)
    const attempt = await attemptOf(cloud, paper.attemptId)
    const tooFew = (await answersFor(cloud, paper, 'right')).slice(0, 9)
    expect(await cloud.as('alice').call('quiz', 'submit', { attemptId: paper.attemptId, answers: tooFew })).toMatchObject({
      code: 'QUIZ.ANSWERS_INVALID',
    })
    const single = attempt.items.findIndex((i) => i.type === 'single')
    const twoForSingle = (await answersFor(cloud, paper, 'right')).map((a, i) => (i === single ? [0, 1] : a))
    expect(await cloud.as('alice').call('quiz', 'submit', { attemptId: paper.attemptId, answers: twoForSingle })).toMatchObject({
      code: 'QUIZ.ANSWERS_INVALID',
    })
  })

  test("someone else's attempt cannot be submitted or read", async () => {
    const paper = await startDaily(cloud, 'alice')
    const answers = await answersFor(cloud, paper, 'right')
    cloud.clock.advance(60_000)
    expect(await cloud.as('mallory').call('quiz', 'submit', { attemptId: paper.attemptId, answers })).toMatchObject({
      code: 'QUIZ.ATTEMPT_NOT_FOUND',
    })
    await takeQuiz(cloud, 'alice', paper, 'right')
    expect(await cloud.as('mallory').call('quiz', 'result', { attemptId: paper.attemptId })).toMatchObject({
      code: 'QUIZ.ATTEMPT_NOT_FOUND',
    })
  })

  test('the result can be read again later, and not before submitting', async () => {
    const paper = await startDaily(cloud, 'alice')
    expect(await cloud.as('alice').call('quiz', 'result', { attemptId: paper.attemptId })).toMatchObject({ code: 'QUIZ.NOT_SUBMITTED' })
    const submitted = await takeQuiz(cloud, 'alice', paper, 'right')
    expect(expectOk(await cloud.as('alice').call('quiz', 'result', { attemptId: paper.attemptId }))).toEqual(submitted)
  })
})

describe('文明积分: daily points count once a day', () => {
  test('the first 每日一练 of the day earns one point per correct answer, in the ledger and on the profile', async () => {
    const paper = await startDaily(cloud, 'alice')
    await takeQuiz(cloud, 'alice', paper, ['right', 'right', 'right', 'wrong'])
    const { data } = await cloud.platform.db.collection('points_ledger').where({ openid: 'alice' }).get()
    expect(data).toEqual([expect.objectContaining({ delta: 3, reason: 'quiz.daily', sourceId: `quiz.daily:${paper.day}`, refId: paper.attemptId })])
    expect(await userPoints(cloud, 'alice')).toBe(3)
    const me = expectOk(await cloud.as('alice').call('user', 'me', {}))
    expect(me.points).toBe(3)
  })

  test('once submitted, the daily cannot be started again that day; practice earns nothing', async () => {
    await takeQuiz(cloud, 'alice', await startDaily(cloud, 'alice'), 'right')
    expect(await cloud.as('alice').call('quiz', 'start', { mode: 'daily' })).toMatchObject({ ok: false, code: 'QUIZ.DAILY_DONE' })
    const practice = expectOk(await cloud.as('alice').call('quiz', 'start', { mode: 'practice', topic: 'traffic', count: 5 }))
    const result = await takeQuiz(cloud, 'alice', practice, 'right')
    expect(result).toMatchObject({ correct: 5, pointsAwarded: 0, points: 'practice' })
    expect(await ledgerSum(cloud, 'alice')).toBe(10)
    expect(await userPoints(cloud, 'alice')).toBe(10)
  })

  test('the next day earns again; the balance is always the sum of the ledger', async () => {
    await takeQuiz(cloud, 'alice', await startDaily(cloud, 'alice'), 'right')
    cloud.clock.advance(DAY)
    await takeQuiz(cloud, 'alice', await startDaily(cloud, 'alice'), ['right', 'right', 'wrong'])
    expect(await ledgerSum(cloud, 'alice')).toBe(12)
    expect(await userPoints(cloud, 'alice')).toBe(12)
    const page = expectOk(await cloud.as('alice').call('quiz', 'myPoints', {}))
    expect(page.balance).toBe(12)
    expect(page.items.map((i) => [i.delta, i.reasonLabel])).toEqual([
      [2, '每日一练'],
      [10, '每日一练'],
    ])
  })

  test('a day with no correct answer writes no ledger entry', async () => {
    const result = await takeQuiz(cloud, 'alice', await startDaily(cloud, 'alice'), 'wrong')
    expect(result).toMatchObject({ correct: 0, pointsAwarded: 0, points: 'none' })
    expect((await cloud.snapshot()).points_ledger).toEqual([])
  })

  test('home shows the day: not started, started, then done with the score', async () => {
    expect(expectOk(await cloud.as('alice').call('quiz', 'home', {})).daily.status).toBe('new')
    const paper = await startDaily(cloud, 'alice')
    expect(expectOk(await cloud.as('alice').call('quiz', 'home', {})).daily).toMatchObject({ status: 'started', attemptId: paper.attemptId })
    await takeQuiz(cloud, 'alice', paper, ['right', 'wrong'])
    const home = expectOk(await cloud.as('alice').call('quiz', 'home', {}))
    expect(home.daily).toEqual({ status: 'submitted', attemptId: paper.attemptId, correctCount: 1, total: 10 })
    expect(home.points).toBe(1)
    expect(home.wrongCount).toBe(9)
    expect(home.topics.reduce((n, t) => n + t.count, 0)).toBe(QUIZ_BANK.length)
  })
})

describe('专题练习', () => {
  test('draws only from the chosen topic, as many as asked', async () => {
    const paper = expectOk(await cloud.as('alice').call('quiz', 'start', { mode: 'practice', topic: 'dogs', count: 7 }))
    expect(paper.questions).toHaveLength(7)
    expect(new Set(paper.questions.map((q) => q.topic))).toEqual(new Set(['dogs']))
  })

  test('can be taken any number of times', async () => {
    for (let i = 0; i < 3; i++) {
      const paper = expectOk(await cloud.as('alice').call('quiz', 'start', { mode: 'practice', topic: 'waste', count: 3 }))
      expect((await takeQuiz(cloud, 'alice', paper, 'right')).correct).toBe(3)
    }
  })
})

describe('错题本', () => {
  async function wrongEntry(questionId: string) {
    const { data } = await cloud.platform.db.collection('quiz_wrong').where({ openid: 'alice', questionId }).get()
    return data[0] as unknown as { wrongCount: number; correctStreak: number } | undefined
  }

  /** A practice paper with exactly this question (the only one in the wrong-answer book). */
  async function reviewOnce(intent: 'right' | 'wrong') {
    const paper = expectOk(await cloud.as('alice').call('quiz', 'start', { mode: 'review', count: 1 }))
    return takeQuiz(cloud, 'alice', paper, intent)
  }

  test('keeps a wrong (or unanswered) question until it is answered correctly twice in a row', async () => {
    const paper = await startDaily(cloud, 'alice')
    await takeQuiz(cloud, 'alice', paper, ['wrong', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'])
    const questionId = (await attemptOf(cloud, paper.attemptId)).items[0].questionId
    expect(await wrongEntry(questionId)).toMatchObject({ wrongCount: 1, correctStreak: 0 })

    const book = expectOk(await cloud.as('alice').call('quiz', 'wrongBook', {}))
    expect(book.total).toBe(1)
    expect(book.items[0]).toMatchObject({ questionId, explanation: bankById.get(questionId)?.explanation, wrongCount: 1 })

    await reviewOnce('right')
    expect(await wrongEntry(questionId)).toMatchObject({ correctStreak: 1 })
    await reviewOnce('wrong')
    expect(await wrongEntry(questionId)).toMatchObject({ wrongCount: 2, correctStreak: 0 })
    await reviewOnce('right')
    expect(await wrongEntry(questionId)).toMatchObject({ correctStreak: 1 })
    await reviewOnce('right')
    expect(await wrongEntry(questionId)).toBeUndefined()
    expect(await cloud.as('alice').call('quiz', 'start', { mode: 'review' })).toMatchObject({ code: 'QUIZ.WRONG_BOOK_EMPTY' })
  })

  test('an unanswered question goes into the book too', async () => {
    const paper = await startDaily(cloud, 'alice')
    await takeQuiz(cloud, 'alice', paper, 'skip')
    expect(expectOk(await cloud.as('alice').call('quiz', 'wrongBook', {})).total).toBe(10)
  })

  test('pages through a long book, newest first', async () => {
    for (let d = 0; d < 3; d++) {
      await takeQuiz(cloud, 'alice', await startDaily(cloud, 'alice'), 'wrong')
      cloud.clock.advance(DAY)
    }
    const first = expectOk(await cloud.as('alice').call('quiz', 'wrongBook', {}))
    expect(first.items).toHaveLength(20)
    expect(first.nextOffset).toBe(20)
    const rest = expectOk(await cloud.as('alice').call('quiz', 'wrongBook', { offset: first.nextOffset ?? 0 }))
    expect(first.items.length + rest.items.length).toBe(first.total)
    const times = [...first.items, ...rest.items].map((i) => i.lastWrongAt)
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })
})
