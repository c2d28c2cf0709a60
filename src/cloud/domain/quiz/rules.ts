import { createHash } from 'node:crypto'
import { QUIZ_TOPICS, type QuestionType, type QuizTopic } from '@/shared/contract/quiz'

/** The rules of the game, in one place (the paper tells the client the ones it needs). */
export const DAILY_QUESTION_COUNT = 10
export const PRACTICE_DEFAULT_COUNT = 10
/** each question's countdown on the client; the attempt's deadline is questions × this */
export const PER_QUESTION_SECONDS = 30
/** nobody reads a question and its options faster than this: a quicker submission is a script */
export const MIN_SECONDS_PER_QUESTION = 2
/** a submission that left the phone just before the deadline still counts */
export const SUBMIT_GRACE_MS = 10_000
/** 文明积分 for each correct answer in the first 每日一练 of a day */
export const POINTS_PER_CORRECT = 1
/** a wrong-answer book entry leaves after this many correct answers in a row */
export const WRONG_BOOK_CLEAR_STREAK = 2
export const LEADERBOARD_TOP = 50
export const PAGE_SIZE = 20

// ---------------------------------------------------------------------------------------------
// Days and weeks: China has no daylight saving, so Asia/Shanghai is always UTC+8.

const SHANGHAI_OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000

/** The Asia/Shanghai calendar day of a UTC instant, YYYY-MM-DD. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** The Monday (Asia/Shanghai) that starts the week of a UTC instant, YYYY-MM-DD. */
export function shanghaiWeekStart(ms: number): string {
  const local = new Date(ms + SHANGHAI_OFFSET_MS)
  const daysSinceMonday = (local.getUTCDay() + 6) % 7
  return new Date(local.getTime() - daysSinceMonday * DAY_MS).toISOString().slice(0, 10)
}

/** 本周（11月23日—11月29日） for the week starting on `monday` (YYYY-MM-DD). */
export function weekLabel(monday: string): string {
  const start = new Date(`${monday}T00:00:00Z`)
  const end = new Date(start.getTime() + 6 * DAY_MS)
  const md = (d: Date) => `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
  return `本周（${md(start)}—${md(end)}）`
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness: the daily draw must be the same for a person all day, on any instance.

/** A deterministic generator in [0, 1) from a string seed (sha256 → sfc32). */
export function seededRandom(seed: string): () => number {
  const h = createHash('sha256').update(seed).digest()
  let a = h.readUInt32LE(0)
  let b = h.readUInt32LE(4)
  let c = h.readUInt32LE(8)
  let d = h.readUInt32LE(12)
  return () => {
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
}

/** Fisher–Yates with the given generator; the input is not changed. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

export type ActiveByTopic = Partial<Record<QuizTopic, readonly string[]>>

/**
 * 每日一练: `count` questions drawn across topics, a function of (openid, day, active bank) only,
 * so every `start` of the day, on any instance, draws the same paper. Topics are visited in a
 * shuffled order and each gives one question per round, so ten questions span ten topics.
 */
export function drawDaily(active: ActiveByTopic, openid: string, day: string, count = DAILY_QUESTION_COUNT): string[] {
  const random = seededRandom(`daily|${openid}|${day}`)
  const topics = shuffle(
    QUIZ_TOPICS.filter((t) => (active[t]?.length ?? 0) > 0),
    random,
  )
  // ids sorted first: the stored order of the active index must not change the draw
  const pools = topics.map((t) => shuffle([...(active[t] ?? [])].sort(), random))
  const picked: string[] = []
  for (let round = 0; picked.length < count; round++) {
    const before = picked.length
    for (const pool of pools) {
      if (picked.length === count) break
      if (round < pool.length) picked.push(pool[round])
    }
    if (picked.length === before) break
  }
  return picked
}

/** 专题练习 and 错题重练: a random pick, no need to be stable. */
export function drawPractice(ids: readonly string[], count: number, random: () => number): string[] {
  return shuffle([...new Set(ids)], random).slice(0, count)
}

/**
 * The order a person sees a question's options in: display position → bank position. Choice
 * options are shuffled per attempt so a position says nothing about the answer; 正确/错误 keep
 * their order, which carries no answer either.
 */
export function optionOrder(type: QuestionType, optionCount: number, random: () => number): number[] {
  const identity = Array.from({ length: optionCount }, (_, i) => i)
  return type === 'true-false' ? identity : shuffle(identity, random)
}

// ---------------------------------------------------------------------------------------------
// Scoring: a question is right only when the chosen set equals the answer set exactly, so a
// partial multiple-choice answer scores zero, as does a superset.

export function isCorrectAnswer(answer: readonly number[], chosen: readonly number[]): boolean {
  if (chosen.length === 0 || chosen.length !== answer.length) return false
  const want = new Set(answer)
  return new Set(chosen).size === chosen.length && chosen.every((c) => want.has(c))
}

export interface ScoredItem {
  type: QuestionType
  /** display position → bank position */
  order: readonly number[]
  /** bank positions */
  answer: readonly number[]
}

/**
 * Whether `answers` fit the paper: one list per question, only positions shown, no repeats, at
 * most one choice for single and true/false.
 */
export function answersFitPaper(items: readonly ScoredItem[], answers: readonly (readonly number[])[]): boolean {
  if (answers.length !== items.length) return false
  return items.every((item, i) => {
    const chosen = answers[i]
    if (new Set(chosen).size !== chosen.length) return false
    if (chosen.some((p) => p < 0 || p >= item.order.length)) return false
    return item.type === 'multiple' || chosen.length <= 1
  })
}

/** Per question: right or not, from display positions mapped back to bank positions. */
export function scoreAnswers(items: readonly ScoredItem[], answers: readonly (readonly number[])[]): boolean[] {
  return items.map((item, i) =>
    isCorrectAnswer(
      item.answer,
      (answers[i] ?? []).map((p) => item.order[p]),
    ),
  )
}

/** The display positions of the correct options. */
export function correctPositions(item: ScoredItem): number[] {
  const want = new Set(item.answer)
  return item.order.flatMap((bank, position) => (want.has(bank) ? [position] : []))
}
