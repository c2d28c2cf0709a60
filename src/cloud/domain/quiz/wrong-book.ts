import { QUIZ_TOPIC_LABEL, type WrongBookPage } from '@/shared/contract/quiz'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import type { QuestionDoc, WrongDoc } from './docs'
import { fetchQuestions } from './questions'
import { PAGE_SIZE, WRONG_BOOK_CLEAR_STREAK } from './rules'

/**
 * 错题本: every question a person got wrong (or left unanswered), until they answer it correctly
 * WRONG_BOOK_CLEAR_STREAK times in a row — in any mode, so practice and review clear it too.
 */
export const wrongDocId = (openid: string, questionId: string) => `${openid}:${questionId}`

export async function recordWrong(ctx: ActionContext, openid: string, questionId: string, now: number): Promise<void> {
  const _ = ctx.db.command
  const id = wrongDocId(openid, questionId)
  const wrongs = ctx.db.collection('quiz_wrong')
  const bump = () => wrongs.where({ _id: id }).update({ data: { wrongCount: _.inc(1), correctStreak: 0, lastWrongAt: now, updatedAt: now } })
  if ((await bump()).stats.updated === 1) return
  try {
    await wrongs.add({ data: { _id: id, openid, questionId, wrongCount: 1, correctStreak: 0, lastWrongAt: now, updatedAt: now } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    await bump()
  }
}

/** A right answer moves the streak on; the one that completes it takes the entry out of the book. */
export async function recordRight(ctx: ActionContext, openid: string, questionId: string, now: number): Promise<void> {
  const _ = ctx.db.command
  const id = wrongDocId(openid, questionId)
  const wrongs = ctx.db.collection('quiz_wrong')
  const cleared = await wrongs.where({ _id: id, correctStreak: _.gte(WRONG_BOOK_CLEAR_STREAK - 1) }).remove()
  if (cleared.stats.removed > 0) return
  await wrongs.where({ _id: id }).update({ data: { correctStreak: _.inc(1), updatedAt: now } })
}

export async function wrongBookPage(ctx: ActionContext, offset: number): Promise<WrongBookPage> {
  const query = ctx.db.collection('quiz_wrong').where({ openid: ctx.caller.openid })
  const [{ data }, { total }] = await Promise.all([
    query.orderBy('lastWrongAt', 'desc').skip(offset).limit(PAGE_SIZE).get(),
    query.count(),
  ])
  const entries = data as unknown as WrongDoc[]
  const questions = await fetchQuestions(ctx.db, entries.map((e) => e.questionId))
  return {
    items: entries.flatMap((e) => {
      const q: QuestionDoc | undefined = questions.get(e.questionId)
      if (!q) return []
      return [
        {
          questionId: q._id,
          topic: q.topic,
          topicLabel: QUIZ_TOPIC_LABEL[q.topic],
          type: q.type,
          stem: q.stem,
          options: q.options,
          correct: q.answer,
          explanation: q.explanation,
          sectionId: q.sectionId,
          wrongCount: e.wrongCount,
          correctStreak: e.correctStreak,
          lastWrongAt: e.lastWrongAt,
        },
      ]
    }),
    total,
    nextOffset: offset + entries.length < total ? offset + entries.length : null,
  }
}

/** The most recent entries' question ids, for 错题重练. */
export async function recentWrongIds(ctx: ActionContext, count: number): Promise<string[]> {
  const { data } = await ctx.db
    .collection('quiz_wrong')
    .where({ openid: ctx.caller.openid })
    .orderBy('lastWrongAt', 'desc')
    .limit(count)
    .field({ questionId: true })
    .get()
  return (data as unknown as Array<Pick<WrongDoc, 'questionId'>>).map((d) => d.questionId)
}
