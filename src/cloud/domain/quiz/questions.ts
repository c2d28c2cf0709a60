import type { Database } from '../../platform/database'
import type { QuestionDoc } from './docs'

/** Questions by id (at most 100 per call: a paper or a page of the wrong-answer book). */
export async function fetchQuestions(db: Database, ids: readonly string[]): Promise<Map<string, QuestionDoc>> {
  const unique = [...new Set(ids)].slice(0, 100)
  if (unique.length === 0) return new Map()
  const _ = db.command
  const { data } = await db.collection('quiz_questions').where({ _id: _.in(unique) }).limit(100).get()
  return new Map((data as unknown as QuestionDoc[]).map((q) => [q._id, q]))
}
