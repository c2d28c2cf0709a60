import { createHash, randomBytes } from 'node:crypto'
import {
  QUIZ_ERRORS,
  QUIZ_TOPIC_LABEL,
  type PaperQuestion,
  type PointsOutcome,
  type QuizErrorCode,
  type QuizHome,
  type QuizMode,
  type QuizPaper,
  type QuizResult,
  type QuizTopic,
} from '@/shared/contract/quiz'
import { fail, type Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { recordFollowUp } from '../entry/follow-up'
import { awardPoints } from '../points'
import { ensureUser } from '../user/profile'
import { recordQuizSubmitted } from '../stats/dash'
import { loadActiveIndex, topicCounts } from './bank-store'
import type { AttemptDoc, AttemptItem, QuestionDoc } from './docs'
import { addToBoards, membershipsOf } from './leaderboard'
import { fetchQuestions } from './questions'
import {
  DAILY_QUESTION_COUNT,
  MIN_SECONDS_PER_QUESTION,
  PER_QUESTION_SECONDS,
  POINTS_PER_CORRECT,
  PRACTICE_DEFAULT_COUNT,
  SUBMIT_GRACE_MS,
  answersFitPaper,
  correctPositions,
  drawDaily,
  drawPractice,
  optionOrder,
  scoreAnswers,
  seededRandom,
  shanghaiDay,
} from './rules'
import { recentWrongIds, recordRight, recordWrong } from './wrong-book'

const quizFail = (code: QuizErrorCode): Fail => fail(code, QUIZ_ERRORS[code])

/** The reason code and per-day source of 每日一练 points: one award per person per day. */
export const DAILY_POINTS_REASON = 'quiz.daily'
export const dailySourceId = (day: string) => `quiz.daily:${day}`

/**
 * A daily attempt's id is derived from (day, attempt number, person), so two taps on 开始 at once
 * make one attempt. The openid is hashed to keep ids short and free of the openid itself.
 */
export function dailyAttemptId(openid: string, day: string, attemptNo: number): string {
  const who = createHash('sha256').update(openid).digest('hex').slice(0, 24)
  return `d${day.replace(/-/g, '')}-${attemptNo}-${who}`
}

async function latestDaily(ctx: ActionContext, day: string): Promise<AttemptDoc | null> {
  const { data } = await ctx.db
    .collection('quiz_attempts')
    .where({ openid: ctx.caller.openid, mode: 'daily', day })
    .orderBy('attemptNo', 'desc')
    .limit(1)
    .get()
  return (data[0] as unknown as AttemptDoc | undefined) ?? null
}

/** Past its deadline and grace: can no longer be submitted, so a new paper may be issued. */
const expired = (attempt: AttemptDoc, now: number) => now > attempt.deadlineAt + SUBMIT_GRACE_MS

/** Option text for a display position; an edit that removed the option shows a placeholder. */
const optionText = (q: QuestionDoc, bankIndex: number) => q.options[bankIndex] ?? '（该选项已被修改）'

/**
 * The paper as the person may see it before submitting: stems and shuffled options only. No
 * answer, explanation, section, difficulty or question id leaves the server here.
 */
function paperOf(attempt: AttemptDoc, questions: Map<string, QuestionDoc>, now: number): QuizPaper {
  const paperQuestions: PaperQuestion[] = attempt.items.map((item, index) => {
    const q = questions.get(item.questionId)
    if (!q) throw new Error('paperOf: a question of the attempt is missing')
    return {
      index,
      topic: q.topic,
      topicLabel: QUIZ_TOPIC_LABEL[q.topic],
      type: item.type,
      stem: q.stem,
      options: item.order.map((b) => optionText(q, b)),
    }
  })
  return {
    attemptId: attempt._id,
    mode: attempt.mode,
    topic: attempt.topic,
    day: attempt.day,
    questions: paperQuestions,
    startedAt: attempt.startedAt,
    deadlineAt: attempt.deadlineAt,
    serverNow: now,
    perQuestionSeconds: PER_QUESTION_SECONDS,
    minSecondsPerQuestion: MIN_SECONDS_PER_QUESTION,
  }
}

async function issuePaper(
  ctx: ActionContext,
  draft: { id: string; mode: QuizMode; topic: QuizTopic | null; day: string; attemptNo: number; questionIds: string[] },
): Promise<QuizPaper | Fail> {
  const now = ctx.clock.now()
  const questions = await fetchQuestions(ctx.db, draft.questionIds)
  const random = seededRandom(`order|${draft.id}`)
  const items: AttemptItem[] = draft.questionIds.flatMap((questionId) => {
    const q = questions.get(questionId)
    return q ? [{ questionId, type: q.type, order: optionOrder(q.type, q.options.length, random), answer: [...q.answer] }] : []
  })
  if (items.length === 0) return quizFail('QUIZ.BANK_EMPTY')
  const attempt: AttemptDoc = {
    _id: draft.id,
    openid: ctx.caller.openid,
    mode: draft.mode,
    topic: draft.topic,
    day: draft.day,
    attemptNo: draft.attemptNo,
    items,
    startedAt: now,
    deadlineAt: now + items.length * PER_QUESTION_SECONDS * 1000,
    status: 'started',
  }
  try {
    await ctx.db.collection('quiz_attempts').add({ data: { ...attempt } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    // a concurrent start of the same daily paper got there first: hand out that one
    const raced = await findById<AttemptDoc>(ctx.db, 'quiz_attempts', draft.id)
    if (!raced) throw error
    return paperOf(raced, await fetchQuestions(ctx.db, raced.items.map((i) => i.questionId)), now)
  }
  return paperOf(attempt, questions, now)
}

export async function startQuiz(
  input: { mode: QuizMode; topic?: QuizTopic; count?: number },
  ctx: ActionContext,
): Promise<QuizPaper | Fail> {
  const now = ctx.clock.now()
  const day = shanghaiDay(now)
  if (input.mode === 'daily') {
    const latest = await latestDaily(ctx, day)
    if (latest?.status === 'submitted') return quizFail('QUIZ.DAILY_DONE')
    // the same paper all day: resume it while it runs, reissue its questions after it ran out
    if (latest && !expired(latest, now)) {
      return paperOf(latest, await fetchQuestions(ctx.db, latest.items.map((i) => i.questionId)), now)
    }
    let questionIds = latest?.items.map((i) => i.questionId)
    if (!questionIds) {
      const index = await loadActiveIndex(ctx.db)
      if (!index || index.total === 0) return quizFail('QUIZ.BANK_EMPTY')
      questionIds = drawDaily(index.byTopic, ctx.caller.openid, day, DAILY_QUESTION_COUNT)
    }
    const attemptNo = (latest?.attemptNo ?? 0) + 1
    return issuePaper(ctx, { id: dailyAttemptId(ctx.caller.openid, day, attemptNo), mode: 'daily', topic: null, day, attemptNo, questionIds })
  }

  const count = input.count ?? PRACTICE_DEFAULT_COUNT
  const random = seededRandom(randomBytes(16).toString('hex'))
  let questionIds: string[]
  if (input.mode === 'review') {
    questionIds = drawPractice(await recentWrongIds(ctx, count), count, random)
    if (questionIds.length === 0) return quizFail('QUIZ.WRONG_BOOK_EMPTY')
  } else {
    const index = await loadActiveIndex(ctx.db)
    const pool = input.topic ? (index?.byTopic[input.topic] ?? []) : Object.values(index?.byTopic ?? {}).flatMap((ids) => ids ?? [])
    questionIds = drawPractice(pool, count, random)
    if (questionIds.length === 0) return quizFail('QUIZ.BANK_EMPTY')
  }
  const prefix = input.mode === 'review' ? 'r' : 'p'
  return issuePaper(ctx, {
    id: `${prefix}${randomBytes(12).toString('hex')}`,
    mode: input.mode,
    topic: input.mode === 'practice' ? (input.topic ?? null) : null,
    day,
    attemptNo: 0,
    questionIds,
  })
}

async function ownAttempt(ctx: ActionContext, attemptId: string): Promise<AttemptDoc | null> {
  const attempt = await findById<AttemptDoc>(ctx.db, 'quiz_attempts', attemptId)
  // someone else's attempt is "not found": ids are not secrets, results are
  return attempt && attempt.openid === ctx.caller.openid ? attempt : null
}

/**
 * Scores a paper on the server, once. In order: it must be the caller's, not yet submitted (a
 * repeat returns the first result), within the deadline and its grace, not faster than a person
 * can read, and the answers must fit the paper. Then one conditional update claims the attempt,
 * so of two concurrent submits exactly one scores; the other returns what the first stored.
 */
export async function submitQuiz(input: { attemptId: string; answers: number[][] }, ctx: ActionContext): Promise<QuizResult | Fail> {
  const attempt = await ownAttempt(ctx, input.attemptId)
  if (!attempt) return quizFail('QUIZ.ATTEMPT_NOT_FOUND')
  if (attempt.status === 'submitted') return finishAndView(ctx, attempt)

  const now = ctx.clock.now()
  if (now > attempt.deadlineAt + SUBMIT_GRACE_MS) return quizFail('QUIZ.LATE')
  if (now - attempt.startedAt < attempt.items.length * MIN_SECONDS_PER_QUESTION * 1000) return quizFail('QUIZ.TOO_FAST')
  if (!answersFitPaper(attempt.items, input.answers)) return quizFail('QUIZ.ANSWERS_INVALID')

  const flags = scoreAnswers(attempt.items, input.answers)
  const correct = flags.filter(Boolean).length
  const pointsAwarded = attempt.mode === 'daily' ? correct * POINTS_PER_CORRECT : 0
  const points: PointsOutcome = attempt.mode !== 'daily' ? 'practice' : pointsAwarded > 0 ? 'awarded' : 'none'
  const scored = { status: 'submitted' as const, submittedAt: now, chosen: input.answers, flags, correct, pointsAwarded, points, effectsDone: false }

  const { stats } = await ctx.db
    .collection('quiz_attempts')
    .where({ _id: attempt._id, status: 'started' })
    .update({ data: { ...scored, chosen: ctx.db.command.set(input.answers), flags: ctx.db.command.set(flags) } })
  if (stats.updated !== 1) {
    const first = await ownAttempt(ctx, attempt._id)
    if (!first || first.status !== 'submitted') throw new Error('submitQuiz: the attempt was neither claimed nor submitted')
    return finishAndView(ctx, first)
  }
  // only the submit that claimed the attempt touches the wrong-answer book
  for (const [i, item] of attempt.items.entries()) {
    if (flags[i]) await recordRight(ctx, attempt.openid, item.questionId, now)
    else await recordWrong(ctx, attempt.openid, item.questionId, now)
  }
  // a quiz taken within 24 h of scanning a poster counts for that poster (office poster stats)
  await recordFollowUp(ctx, attempt.openid, 'quiz')
  await recordQuizSubmitted(ctx, attempt, input.answers, flags)
  return finishAndView(ctx, { ...attempt, ...scored })
}

/**
 * 文明积分 and the leaderboards for a submitted 每日一练, then the result. Both writes are idempotent
 * (by the day's source id), so a repeated submit or result read finishes them if the first run
 * stopped half way, and otherwise only reads.
 */
async function finishAndView(ctx: ActionContext, attempt: AttemptDoc): Promise<QuizResult> {
  if (attempt.effectsDone !== false) return resultView(ctx, attempt)
  let outcome: { points: PointsOutcome; pointsAwarded: number } = {
    points: attempt.points ?? 'practice',
    pointsAwarded: attempt.pointsAwarded ?? 0,
  }
  if (attempt.mode === 'daily' && outcome.pointsAwarded > 0) {
    const sourceId = dailySourceId(attempt.day)
    const { awarded, entry } = await awardPoints(ctx, {
      openid: attempt.openid,
      delta: outcome.pointsAwarded,
      reason: DAILY_POINTS_REASON,
      sourceId,
      refId: attempt._id,
    })
    if (awarded || entry.refId === attempt._id) {
      const user = await ensureUser(ctx)
      await addToBoards(ctx, { openid: attempt.openid, delta: entry.delta, sourceId, memberships: membershipsOf(user) })
    } else {
      // another paper of the same day was counted first (a race the start rules make rare)
      outcome = { points: 'already', pointsAwarded: 0 }
    }
  }
  await ctx.db.collection('quiz_attempts').doc(attempt._id).update({ data: { ...outcome, effectsDone: true } })
  return resultView(ctx, { ...attempt, ...outcome, effectsDone: true })
}

/** The full result: what was chosen, what was right, why, and where the handbook teaches it. */
async function resultView(ctx: ActionContext, attempt: AttemptDoc): Promise<QuizResult> {
  const questions = await fetchQuestions(ctx.db, attempt.items.map((i) => i.questionId))
  const items = attempt.items.map((item, index) => {
    const q = questions.get(item.questionId)
    if (!q) throw new Error('resultView: a question of the attempt is missing')
    return {
      index,
      topic: q.topic,
      topicLabel: QUIZ_TOPIC_LABEL[q.topic],
      type: item.type,
      stem: q.stem,
      options: item.order.map((b) => optionText(q, b)),
      chosen: attempt.chosen?.[index] ?? [],
      correct: correctPositions(item),
      isCorrect: attempt.flags?.[index] ?? false,
      explanation: q.explanation,
      sectionId: q.sectionId,
    }
  })
  const correct = attempt.correct ?? 0
  return {
    attemptId: attempt._id,
    mode: attempt.mode,
    topic: attempt.topic,
    day: attempt.day,
    total: items.length,
    correct,
    score: items.length === 0 ? 0 : Math.round((correct / items.length) * 100),
    pointsAwarded: attempt.pointsAwarded ?? 0,
    points: attempt.points ?? 'practice',
    submittedAt: attempt.submittedAt ?? 0,
    items,
  }
}

export async function getResult(input: { attemptId: string }, ctx: ActionContext): Promise<QuizResult | Fail> {
  const attempt = await ownAttempt(ctx, input.attemptId)
  if (!attempt) return quizFail('QUIZ.ATTEMPT_NOT_FOUND')
  if (attempt.status !== 'submitted') return quizFail('QUIZ.NOT_SUBMITTED')
  return finishAndView(ctx, attempt)
}

export async function quizHome(ctx: ActionContext): Promise<QuizHome> {
  const now = ctx.clock.now()
  const day = shanghaiDay(now)
  const [user, latest, index, wrong] = await Promise.all([
    ensureUser(ctx),
    latestDaily(ctx, day),
    loadActiveIndex(ctx.db),
    ctx.db.collection('quiz_wrong').where({ openid: ctx.caller.openid }).count(),
  ])
  const daily: QuizHome['daily'] =
    latest?.status === 'submitted'
      ? { status: 'submitted', attemptId: latest._id, correctCount: latest.correct ?? 0, total: latest.items.length }
      : latest && !expired(latest, now)
        ? { status: 'started', attemptId: latest._id, correctCount: null, total: latest.items.length }
        : { status: 'new', attemptId: null, correctCount: null, total: null }
  return {
    day,
    daily,
    topics: topicCounts(index).map((t) => ({ ...t, label: QUIZ_TOPIC_LABEL[t.id] })),
    wrongCount: wrong.total,
    points: user.points,
    dailyQuestionCount: DAILY_QUESTION_COUNT,
    perQuestionSeconds: PER_QUESTION_SECONDS,
    canManage: ctx.isAdmin,
  }
}
