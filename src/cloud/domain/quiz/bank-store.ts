import { randomBytes } from 'node:crypto'
import {
  QUIZ_ERRORS,
  QUIZ_TOPICS,
  questionContent,
  type AdminQuestionPage,
  type AdminQuestionView,
  type QuestionContent,
  type QuizTopic,
} from '@/shared/contract/quiz'
import { fail, type Fail } from '@/shared/errors'
import type { Platform } from '../../platform'
import type { Database } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { BANK_VERSION, QUIZ_BANK, type BankQuestion } from './bank'
import type { ActiveIndexDoc, QuestionDoc } from './docs'
import { PAGE_SIZE } from './rules'

/** Far above any real bank; bounds the rebuild loop. */
const MAX_ACTIVE_QUESTIONS = 5000

export async function loadActiveIndex(db: Database): Promise<ActiveIndexDoc | null> {
  return findById<ActiveIndexDoc>(db, 'quiz_meta', 'active')
}

/**
 * Rewrites `quiz_meta/active` from the active questions. Runs after every bank change (seed, office
 * edit, retire), never on a resident's path: `start` reads the one index document instead.
 */
export async function rebuildActiveIndex(platform: Platform, bankVersion?: string): Promise<ActiveIndexDoc> {
  const byTopic: Partial<Record<QuizTopic, string[]>> = {}
  const seen = new Set<string>()
  for (let skip = 0; skip < MAX_ACTIVE_QUESTIONS; skip += 100) {
    const { data } = await platform.db
      .collection('quiz_questions')
      .where({ status: 'active' })
      .orderBy('updatedAt', 'desc')
      .skip(skip)
      .limit(100)
      .field({ topic: true })
      .get()
    for (const doc of data as unknown as Array<Pick<QuestionDoc, '_id' | 'topic'>>) {
      if (seen.has(doc._id)) continue
      seen.add(doc._id)
      ;(byTopic[doc.topic] ??= []).push(doc._id)
    }
    if (data.length < 100) break
  }
  for (const ids of Object.values(byTopic)) ids?.sort()
  const previous = await loadActiveIndex(platform.db)
  const index: Omit<ActiveIndexDoc, '_id'> = {
    byTopic,
    total: seen.size,
    bankVersion: bankVersion ?? previous?.bankVersion ?? BANK_VERSION,
    updatedAt: platform.clock.now(),
  }
  await platform.db.collection('quiz_meta').doc('active').set({ data: { ...index } })
  return { _id: 'active', ...index }
}

function contentOf(q: BankQuestion | QuestionContent) {
  return {
    topic: q.topic,
    type: q.type,
    difficulty: q.difficulty,
    stem: q.stem,
    options: [...q.options],
    answer: [...q.answer].sort((a, b) => a - b),
    explanation: q.explanation,
    sectionId: q.sectionId,
  }
}

const sameContent = (a: ReturnType<typeof contentOf>, b: ReturnType<typeof contentOf>) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Writes the bank files into `quiz_questions` when their version is not the one in the database.
 * Idempotent (fixed ids, set()). A bank question the office has edited keeps the office's content;
 * one the office retired stays retired; one removed from the files is retired.
 */
export async function seedQuiz(
  platform: Platform,
  bank: readonly BankQuestion[] = QUIZ_BANK,
  version: string = BANK_VERSION,
): Promise<{ changed: boolean; total: number }> {
  const current = await loadActiveIndex(platform.db)
  if (current?.bankVersion === version) return { changed: false, total: current.total }
  for (const q of bank) {
    const parsed = questionContent.safeParse(contentOf(q))
    // the unit test of the bank fails first; this keeps a broken file out of a running system
    if (!parsed.success) throw new Error(`quiz bank ${version}: question ${q.id} is invalid: ${parsed.error.issues[0]?.message}`)
  }
  const now = platform.clock.now()
  const _ = platform.db.command
  const existing = new Map<string, QuestionDoc>()
  for (let i = 0; i < bank.length; i += 100) {
    const ids = bank.slice(i, i + 100).map((q) => q.id)
    const { data } = await platform.db.collection('quiz_questions').where({ _id: _.in(ids) }).limit(100).get()
    for (const doc of data as unknown as QuestionDoc[]) existing.set(doc._id, doc)
  }
  for (const q of bank) {
    const doc = existing.get(q.id)
    const content = contentOf(q)
    if (!doc) {
      await platform.db.collection('quiz_questions').doc(q.id).set({
        data: { ...content, status: 'active', origin: 'bank', bankVersion: version, revision: 1, editedByOffice: false, createdAt: now, updatedAt: now },
      })
    } else if (doc.editedByOffice) {
      await platform.db.collection('quiz_questions').doc(q.id).update({ data: { bankVersion: version } })
    } else {
      const changed = !sameContent(contentOf(doc), content)
      await platform.db.collection('quiz_questions').doc(q.id).update({
        data: changed ? { ...content, options: _.set(content.options), answer: _.set(content.answer), bankVersion: version, revision: _.inc(1), updatedAt: now } : { bankVersion: version },
      })
    }
  }
  // a bank question that is no longer in the files is retired, not deleted: attempts refer to it
  await platform.db
    .collection('quiz_questions')
    .where({ origin: 'bank', status: 'active', bankVersion: _.neq(version) })
    .update({ data: { status: 'retired', updatedAt: now } })
  const index = await rebuildActiveIndex(platform, version)
  platform.log.info('quiz bank seeded', { version, total: index.total })
  return { changed: true, total: index.total }
}

// ---------------------------------------------------------------------------------------------
// The office

function adminView(doc: QuestionDoc): AdminQuestionView {
  return {
    id: doc._id,
    topic: doc.topic,
    type: doc.type,
    difficulty: doc.difficulty,
    stem: doc.stem,
    options: doc.options,
    answer: doc.answer,
    explanation: doc.explanation,
    sectionId: doc.sectionId,
    status: doc.status,
    origin: doc.origin,
    bankVersion: doc.bankVersion,
    revision: doc.revision,
    updatedAt: doc.updatedAt,
  }
}

const notFound = (): Fail => fail('QUIZ.QUESTION_NOT_FOUND', QUIZ_ERRORS['QUIZ.QUESTION_NOT_FOUND'])

export async function listQuestions(
  input: { topic?: QuizTopic; status?: 'active' | 'retired'; offset?: number },
  ctx: ActionContext,
): Promise<AdminQuestionPage> {
  const offset = input.offset ?? 0
  const where: Record<string, string> = { status: input.status ?? 'active' }
  if (input.topic) where.topic = input.topic
  const query = ctx.db.collection('quiz_questions').where(where)
  const [{ data }, { total }, index] = await Promise.all([
    query.orderBy('updatedAt', 'desc').skip(offset).limit(PAGE_SIZE).get(),
    query.count(),
    loadActiveIndex(ctx.db),
  ])
  return {
    items: (data as unknown as QuestionDoc[]).map(adminView),
    total,
    nextOffset: offset + data.length < total ? offset + data.length : null,
    bankVersion: index?.bankVersion ?? BANK_VERSION,
  }
}

/**
 * Adds a question, or edits one (the bank's or the office's). The content passed the same schema
 * as the bank files. Papers already issued keep the answer they were drawn with.
 */
export async function saveQuestion(
  input: { questionId?: string; content: QuestionContent },
  ctx: ActionContext,
): Promise<AdminQuestionView | Fail> {
  const now = ctx.clock.now()
  const content = contentOf(input.content)
  const _ = ctx.db.command
  let id = input.questionId
  if (id) {
    const existing = await findById<QuestionDoc>(ctx.db, 'quiz_questions', id)
    if (!existing) return notFound()
    await ctx.db.collection('quiz_questions').doc(id).update({
      data: { ...content, options: _.set(content.options), answer: _.set(content.answer), revision: _.inc(1), editedByOffice: true, updatedAt: now },
    })
  } else {
    id = `office-${randomBytes(6).toString('hex')}`
    const index = await loadActiveIndex(ctx.db)
    await ctx.db.collection('quiz_questions').doc(id).set({
      data: {
        ...content,
        status: 'active',
        origin: 'office',
        bankVersion: index?.bankVersion ?? BANK_VERSION,
        revision: 1,
        editedByOffice: true,
        createdAt: now,
        updatedAt: now,
      },
    })
  }
  await writeAudit(ctx, {
    subjectType: 'quiz_question',
    subjectId: id,
    action: input.questionId ? 'editQuestion' : 'addQuestion',
    detail: { topic: content.topic, type: content.type },
  })
  await rebuildActiveIndex(ctx)
  const saved = await findById<QuestionDoc>(ctx.db, 'quiz_questions', id)
  if (!saved) throw new Error('saveQuestion: the question vanished after writing')
  return adminView(saved)
}

export async function retireQuestion(input: { questionId: string; retired: boolean }, ctx: ActionContext): Promise<AdminQuestionView | Fail> {
  const existing = await findById<QuestionDoc>(ctx.db, 'quiz_questions', input.questionId)
  if (!existing) return notFound()
  const status = input.retired ? 'retired' : 'active'
  if (existing.status !== status) {
    await ctx.db.collection('quiz_questions').doc(input.questionId).update({ data: { status, updatedAt: ctx.clock.now() } })
    await writeAudit(ctx, {
      subjectType: 'quiz_question',
      subjectId: input.questionId,
      action: input.retired ? 'retireQuestion' : 'restoreQuestion',
    })
    await rebuildActiveIndex(ctx)
  }
  return adminView({ ...existing, status, updatedAt: existing.status !== status ? ctx.clock.now() : existing.updatedAt })
}

/** Topics with their active question counts, in the order of QUIZ_TOPICS. */
export function topicCounts(index: ActiveIndexDoc | null): Array<{ id: QuizTopic; count: number }> {
  return QUIZ_TOPICS.map((id) => ({ id, count: index?.byTopic[id]?.length ?? 0 }))
}
