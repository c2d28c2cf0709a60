import type { QuizPaper } from '@/shared/contract/quiz'
import { seedQuiz } from '@/cloud/domain/quiz/bank-store'
import type { AttemptDoc } from '@/cloud/domain/quiz/docs'
import { correctPositions, MIN_SECONDS_PER_QUESTION } from '@/cloud/domain/quiz/rules'
import { findById } from '@/cloud/platform/find'
import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'

/** A test cloud with the bank seeded. */
export async function startQuizCloud(): Promise<TestCloud> {
  const cloud = startTestCloud()
  await seedQuiz(cloud.platform)
  return cloud
}

export async function attemptOf(cloud: TestCloud, attemptId: string): Promise<AttemptDoc> {
  const attempt = await findById<AttemptDoc>(cloud.platform.db, 'quiz_attempts', attemptId)
  if (!attempt) throw new Error(`no attempt ${attemptId}`)
  return attempt
}

export type Intent = 'right' | 'wrong' | 'skip'

/**
 * Answers in display positions, from the stored attempt (what only the server knows): `right`
 * picks exactly the correct positions, `wrong` one position that is not correct, `skip` nothing.
 */
export async function answersFor(cloud: TestCloud, paper: QuizPaper, intents: Intent | Intent[]): Promise<number[][]> {
  const attempt = await attemptOf(cloud, paper.attemptId)
  return attempt.items.map((item, i) => {
    const intent = Array.isArray(intents) ? (intents[i] ?? 'skip') : intents
    const correct = correctPositions(item)
    if (intent === 'right') return correct
    if (intent === 'skip') return []
    const notCorrect = item.order.findIndex((_, p) => !correct.includes(p))
    // a multiple-choice question whose every option is right is answered wrong by a partial set
    return notCorrect >= 0 ? [notCorrect] : correct.slice(0, 1)
  })
}

/** Waits (on the test clock) as long as a careful reader would, then submits. */
export async function takeQuiz(
  cloud: TestCloud,
  openid: string,
  paper: QuizPaper,
  intents: Intent | Intent[],
  secondsPerQuestion = 5,
) {
  const answers = await answersFor(cloud, paper, intents)
  cloud.clock.advance(Math.max(secondsPerQuestion, MIN_SECONDS_PER_QUESTION) * 1000 * paper.questions.length)
  return expectOk(await cloud.as(openid).call('quiz', 'submit', { attemptId: paper.attemptId, answers }))
}

export async function startDaily(cloud: TestCloud, openid: string): Promise<QuizPaper> {
  return expectOk(await cloud.as(openid).call('quiz', 'start', { mode: 'daily' }))
}

/** The sum of a person's ledger entries (the balance's definition). */
export async function ledgerSum(cloud: TestCloud, openid: string): Promise<number> {
  const { data } = await cloud.platform.db.collection('points_ledger').where({ openid }).limit(100).get()
  return data.reduce((sum, e) => sum + (e.delta as number), 0)
}

export async function userPoints(cloud: TestCloud, openid: string): Promise<number> {
  const user = await findById<{ _id: string; points: number }>(cloud.platform.db, 'users', openid)
  return user?.points ?? 0
}

export const HOUR = 3600_000
export const DAY = 24 * HOUR
