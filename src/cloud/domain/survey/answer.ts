import { randomBytes } from 'node:crypto'
import {
  AGE_BANDS,
  SURVEY_THANKS,
  type AgeBand,
  type AnswerResultView,
  type SurveyCardView,
  type SurveyForAnswerView,
  type SurveyQuestionSpec,
} from '@/shared/contract/survey'
import type { Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY, type UpdateData } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { ALL, counterId, S, shanghaiDate, stateOf, surveyFail, type AnswerDoc, type SurveyDoc, type TextDoc, type TextStatus } from './model'
import { listCommunities } from './office'
import { answerToken, readStartToken, startToken, surveySecret } from './secret'

const randomId = () => randomBytes(12).toString('hex')

async function answered(ctx: ActionContext, secret: string, surveyId: string): Promise<boolean> {
  return (await findById(ctx.db, S.tokens, answerToken(secret, ctx.caller.openid, surveyId))) !== null
}

/** Open surveys, newest first; a city runs a handful at a time. */
export async function openList(ctx: ActionContext): Promise<{ items: SurveyCardView[] }> {
  const _ = ctx.db.command
  const now = ctx.clock.now()
  const { data } = await ctx.db
    .collection(S.surveys)
    .where({ status: 'published', opensAt: _.lte(now), closesAt: _.gt(now) })
    .orderBy('opensAt', 'desc')
    .limit(20)
    .get()
  const secret = await surveySecret(ctx)
  const items: SurveyCardView[] = []
  for (const doc of data as unknown as SurveyDoc[]) {
    items.push({
      id: doc._id,
      title: doc.title,
      opensAt: doc.opensAt,
      closesAt: doc.closesAt,
      questions: doc.questions.length,
      communityIds: doc.communityIds,
      answered: await answered(ctx, secret, doc._id),
    })
  }
  return { items }
}

async function answerable(ctx: ActionContext, surveyId: string): Promise<SurveyDoc | Fail> {
  const doc = await findById<SurveyDoc>(ctx.db, S.surveys, surveyId)
  // a draft is the office's: to a resident it does not exist
  if (!doc || doc.status === 'draft') return surveyFail('SURVEY.NOT_FOUND')
  const state = stateOf(doc, ctx.clock.now())
  if (state === 'closed') return surveyFail('SURVEY.CLOSED')
  if (state !== 'open') return surveyFail('SURVEY.NOT_OPEN')
  return doc
}

/** The questions without any mark of which options count towards a rate: nothing here reads as a "best answer". */
export async function get(input: { surveyId: string }, ctx: ActionContext): Promise<SurveyForAnswerView | Fail> {
  const doc = await answerable(ctx, input.surveyId)
  if ('ok' in doc) return doc
  const secret = await surveySecret(ctx)
  const scope = new Set(doc.scopeIds)
  const communities = (await listCommunities(ctx)).filter((c) => scope.has(c.id))
  return {
    id: doc._id,
    title: doc.title,
    intro: doc.intro,
    closesAt: doc.closesAt,
    questions: doc.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      title: q.title,
      required: q.required,
      options: q.options.map((o) => ({ id: o.id, label: o.label, dontKnow: o.dontKnow === true })),
      maxChoices: q.kind === 'multi' ? (q.maxChoices ?? q.options.length) : null,
    })),
    communities,
    ageBands: AGE_BANDS,
    answered: await answered(ctx, secret, doc._id),
    startToken: startToken(secret, doc._id, ctx.clock.now()),
  }
}

type AnswerItem = { questionId: string; optionIds?: string[]; text?: string }

/** Checks the answers against the questions; returns the choices and texts to store, or what is wrong. */
function readAnswers(questions: SurveyQuestionSpec[], items: AnswerItem[]): { choices: Record<string, string[]>; texts: Record<string, string> } | string {
  const byId = new Map(questions.map((q) => [q.id, q]))
  const choices: Record<string, string[]> = {}
  const texts: Record<string, string> = {}
  for (const item of items) {
    const q = byId.get(item.questionId)
    if (!q) return `没有这道题：${item.questionId}`
    if (item.questionId in choices || item.questionId in texts) return `同一道题答了两次：${q.title}`
    if (q.kind === 'text') {
      if (item.text === undefined) return `请用文字回答：${q.title}`
      texts[q.id] = item.text
      continue
    }
    const ids = item.optionIds
    if (!ids) return `请选择：${q.title}`
    const known = new Set(q.options.map((o) => o.id))
    if (ids.some((id) => !known.has(id)) || new Set(ids).size !== ids.length) return `选项不正确：${q.title}`
    if (q.kind !== 'multi' && ids.length !== 1) return `只能选一项：${q.title}`
    if (q.kind === 'multi' && ids.length > (q.maxChoices ?? q.options.length)) return `最多选 ${q.maxChoices} 项：${q.title}`
    choices[q.id] = ids
  }
  const missing = questions.find((q) => q.required && !(q.id in choices) && !(q.id in texts))
  if (missing) return `还没有回答：${missing.title}`
  return { choices, texts }
}

/**
 * Records one anonymous answer. The token (one-way, keyed by the server secret) is added in the
 * same transaction as the answer and the counters: a second answer by the same person, however
 * concurrent, hits the token's duplicate key and rolls back whole.
 */
export async function answer(
  input: { surveyId: string; startToken: string; communityId: string; ageBand: AgeBand; answers: AnswerItem[] },
  ctx: ActionContext,
): Promise<AnswerResultView | Fail> {
  const doc = await answerable(ctx, input.surveyId)
  if ('ok' in doc) return doc
  if (!doc.scopeIds.includes(input.communityId)) return surveyFail(doc.communityIds ? 'SURVEY.NOT_FOR_COMMUNITY' : 'SURVEY.COMMUNITY_UNKNOWN')
  const now = ctx.clock.now()
  const secret = await surveySecret(ctx)
  const issuedAt = readStartToken(secret, input.startToken, doc._id, now)
  if (issuedAt === null) return surveyFail('SURVEY.START_TOKEN_INVALID')
  const read = readAnswers(doc.questions, input.answers)
  if (typeof read === 'string') return surveyFail('SURVEY.ANSWER_INVALID', read)
  const token = answerToken(secret, ctx.caller.openid, doc._id)
  if (await findById(ctx.db, S.tokens, token)) return surveyFail('SURVEY.ALREADY_ANSWERED')

  // kept, but left out of the results by default: nobody reads the questions that fast
  const flagged = now - issuedAt < doc.minAnswerSeconds * 1000
  const day = shanghaiDate(now)
  // text is checked before anyone sees it; a check that cannot run leaves it pending (not shown)
  const texts: TextDoc[] = []
  for (const [questionId, text] of Object.entries(read.texts)) {
    let status: TextStatus = 'pending'
    try {
      status = (await ctx.openApi.checkText({ openid: ctx.caller.openid, content: text, scene: 'comment' })).pass ? 'passed' : 'rejected'
    } catch {
      ctx.log.error('survey text check failed', { surveyId: doc._id })
    }
    texts.push({ _id: randomId(), surveyId: doc._id, questionId, communityId: input.communityId, text, status, day, flagged })
  }
  const row: AnswerDoc = { _id: randomId(), surveyId: doc._id, communityId: input.communityId, ageBand: input.ageBand, day, flagged, choices: read.choices }

  const _ = ctx.db.command
  const increments: UpdateData = { n: _.inc(1), [`age.${input.ageBand}`]: _.inc(1) }
  for (const [questionId, ids] of Object.entries(read.choices)) {
    increments[`q.${questionId}._n`] = _.inc(1)
    for (const id of ids) increments[`q.${questionId}.${id}`] = _.inc(1)
  }
  for (const t of texts) {
    increments[`q.${t.questionId}._n`] = _.inc(1)
    increments[`t.${t.questionId}.${t.status}`] = _.inc(1)
  }
  try {
    await ctx.db.runTransaction(async (tx) => {
      // only the key: no survey, no time, nothing to sort or join by
      await tx.collection(S.tokens).add({ data: { _id: token } })
      await tx.collection(S.answers).add({ data: { ...row } })
      for (const t of texts) await tx.collection(S.texts).add({ data: { ...t } })
      for (const scope of [ALL, input.communityId]) {
        const { stats } = await tx.collection(S.counters).doc(counterId(doc._id, scope, flagged)).update({ data: increments })
        if (stats.updated !== 1) throw new Error('survey answer: counters missing (survey not published properly)')
      }
    })
  } catch (error) {
    if (error instanceof DatabaseError && error.code === DUPLICATE_KEY) return surveyFail('SURVEY.ALREADY_ANSWERED')
    throw error
  }
  return { surveyId: doc._id, recorded: true, thanks: SURVEY_THANKS }
}
