import fc from 'fast-check'
import { QUIZ_TOPICS } from '@/shared/contract/quiz'
import { QUIZ_BANK } from '@/cloud/domain/quiz/bank'
import {
  answersFitPaper,
  correctPositions,
  drawDaily,
  isCorrectAnswer,
  optionOrder,
  scoreAnswers,
  seededRandom,
  shanghaiDay,
  shanghaiWeekStart,
  weekLabel,
  type ActiveByTopic,
  type ScoredItem,
} from '@/cloud/domain/quiz/rules'

const ACTIVE: ActiveByTopic = Object.fromEntries(
  QUIZ_TOPICS.map((t) => [t, QUIZ_BANK.filter((q) => q.topic === t).map((q) => q.id)]),
)
const topicOf = new Map(QUIZ_BANK.map((q) => [q.id, q.topic]))

describe('scoring', () => {
  test('a single-choice question is right only with its one answer', () => {
    expect(isCorrectAnswer([2], [2])).toBe(true)
    expect(isCorrectAnswer([2], [1])).toBe(false)
    expect(isCorrectAnswer([2], [])).toBe(false)
  })

  test('a true/false question is right only with the right one of the two', () => {
    expect(isCorrectAnswer([1], [1])).toBe(true)
    expect(isCorrectAnswer([1], [0])).toBe(false)
  })

  test('a multiple-choice question is right only with exactly the answer set, in any order', () => {
    expect(isCorrectAnswer([0, 1, 3], [3, 0, 1])).toBe(true)
  })

  test('a partial multiple-choice answer scores zero', () => {
    expect(isCorrectAnswer([0, 1, 3], [0, 1])).toBe(false)
    expect(isCorrectAnswer([0, 1, 3], [3])).toBe(false)
  })

  test('a superset or a repeated choice scores zero', () => {
    expect(isCorrectAnswer([0, 1], [0, 1, 2])).toBe(false)
    expect(isCorrectAnswer([0, 1], [0, 0])).toBe(false)
  })

  test('answers are positions in the shuffled order and are mapped back before comparing', () => {
    // shown as [C, A, D, B]: the bank's answer B (1) sits at display position 3
    const item: ScoredItem = { type: 'single', order: [2, 0, 3, 1], answer: [1] }
    expect(scoreAnswers([item], [[3]])).toEqual([true])
    expect(scoreAnswers([item], [[1]])).toEqual([false])
    expect(correctPositions(item)).toEqual([3])
  })

  test('a multiple-choice paper item scores against the mapped set', () => {
    const item: ScoredItem = { type: 'multiple', order: [3, 2, 1, 0], answer: [0, 2] }
    expect(correctPositions(item)).toEqual([1, 3])
    expect(scoreAnswers([item], [[3, 1]])).toEqual([true])
    expect(scoreAnswers([item], [[3]])).toEqual([false])
  })

  test('answers must fit the paper: one list per question, shown positions, one choice for single and true/false', () => {
    const single: ScoredItem = { type: 'single', order: [0, 1, 2, 3], answer: [0] }
    const judge: ScoredItem = { type: 'true-false', order: [0, 1], answer: [1] }
    const multi: ScoredItem = { type: 'multiple', order: [0, 1, 2, 3], answer: [0, 1] }
    expect(answersFitPaper([single, judge, multi], [[1], [], [0, 2]])).toBe(true)
    expect(answersFitPaper([single, judge, multi], [[1], []])).toBe(false)
    expect(answersFitPaper([single], [[0, 1]])).toBe(false)
    expect(answersFitPaper([judge], [[2]])).toBe(false)
    expect(answersFitPaper([multi], [[1, 1]])).toBe(false)
  })
})

describe('the daily draw', () => {
  test('is the same for a person all day', () => {
    expect(drawDaily(ACTIVE, 'alice', '2026-11-25')).toEqual(drawDaily(ACTIVE, 'alice', '2026-11-25'))
  })

  test('does not depend on the order of the active index', () => {
    const reversed = Object.fromEntries(Object.entries(ACTIVE).reverse().map(([t, ids]) => [t, [...(ids ?? [])].reverse()]))
    expect(drawDaily(reversed, 'alice', '2026-11-25')).toEqual(drawDaily(ACTIVE, 'alice', '2026-11-25'))
  })

  test('differs across days and across people', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 28 }), (openid, d) => {
        const day = `2026-02-${String(d).padStart(2, '0')}`
        const next = `2026-03-${String(d).padStart(2, '0')}`
        expect(drawDaily(ACTIVE, openid, day)).not.toEqual(drawDaily(ACTIVE, openid, next))
      }),
    )
    expect(drawDaily(ACTIVE, 'alice', '2026-11-25')).not.toEqual(drawDaily(ACTIVE, 'bob', '2026-11-25'))
  })

  test('draws ten different questions from ten different topics', () => {
    for (const openid of ['alice', 'bob', 'carol', 'dave']) {
      const ids = drawDaily(ACTIVE, openid, '2026-11-25')
      expect(ids).toHaveLength(10)
      expect(new Set(ids).size).toBe(10)
      expect(new Set(ids.map((id) => topicOf.get(id))).size).toBe(10)
    }
  })

  test('still fills the paper when only a few topics have questions', () => {
    const ids = drawDaily({ traffic: ['t1', 't2', 't3', 't4', 't5', 't6'], waste: ['w1', 'w2', 'w3', 'w4', 'w5'] }, 'alice', '2026-11-25')
    expect(ids).toHaveLength(10)
    expect(new Set(ids).size).toBe(10)
  })

  test('returns what there is when the bank is smaller than a paper', () => {
    expect(drawDaily({ traffic: ['t1', 't2'] }, 'alice', '2026-11-25').sort()).toEqual(['t1', 't2'])
    expect(drawDaily({}, 'alice', '2026-11-25')).toEqual([])
  })
})

describe('option order', () => {
  test('is a permutation of the options, and true/false keep 正确 before 错误', () => {
    const random = seededRandom('x')
    for (let n = 3; n <= 6; n++) expect([...optionOrder('single', n, random)].sort()).toEqual(Array.from({ length: n }, (_, i) => i))
    expect(optionOrder('true-false', 2, random)).toEqual([0, 1])
  })

  test('puts the answer of a choice question at varying positions across attempts', () => {
    const positions = new Set<number>()
    for (let i = 0; i < 50; i++) positions.add(optionOrder('single', 4, seededRandom(`attempt-${i}`)).indexOf(0))
    expect(positions.size).toBe(4)
  })
})

describe('Asia/Shanghai days and weeks', () => {
  test('the day turns at midnight in Shanghai, 16:00 UTC', () => {
    expect(shanghaiDay(Date.UTC(2026, 10, 25, 15, 59, 59))).toBe('2026-11-25')
    expect(shanghaiDay(Date.UTC(2026, 10, 25, 16, 0, 0))).toBe('2026-11-26')
  })

  test('a week starts on Monday in Shanghai', () => {
    // Sunday 2026-11-29 23:59 in Shanghai is still the week of Monday the 23rd
    expect(shanghaiWeekStart(Date.UTC(2026, 10, 29, 15, 59))).toBe('2026-11-23')
    expect(shanghaiWeekStart(Date.UTC(2026, 10, 29, 16, 0))).toBe('2026-11-30')
    expect(weekLabel('2026-11-23')).toBe('本周（11月23日—11月29日）')
  })
})
