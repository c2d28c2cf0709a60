import {
  AGE_BAND_LABEL,
  AGE_BANDS,
  MEASURE_LABEL,
  MEASURES,
  SURVEY_LIMITS,
  type Measure,
  type MeasureResult,
  type QuestionResult,
  type ScopeResult,
  type SurveyQuestionSpec,
  type SurveyResultsView,
  type TextAnswerPage,
  type TrendPoint,
} from '@/shared/contract/survey'
import type { Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { ALL, S, surveyFail, type CounterDoc, type SurveyDoc, type TextDoc } from './model'
import { adminView, listCommunities } from './office'
import { wilson } from './wilson'

/** Counters of one scope, flagged answers added in when asked. */
export interface Tally {
  n: number
  age: Record<string, number>
  q: Record<string, Record<string, number>>
  t: Record<string, { passed: number; pending: number; rejected: number }>
}

export function addTally(into: Tally, c: Pick<CounterDoc, 'n' | 'age' | 'q' | 't'>): Tally {
  into.n += c.n
  for (const [k, v] of Object.entries(c.age)) into.age[k] = (into.age[k] ?? 0) + v
  for (const [qid, counts] of Object.entries(c.q)) {
    const target = (into.q[qid] ??= {})
    for (const [k, v] of Object.entries(counts)) target[k] = (target[k] ?? 0) + v
  }
  for (const [qid, t] of Object.entries(c.t)) {
    const target = (into.t[qid] ??= { passed: 0, pending: 0, rejected: 0 })
    target.passed += t.passed
    target.pending += t.pending
    target.rejected += t.rejected
  }
  return into
}

const emptyTally = (): Tally => ({ n: 0, age: {}, q: {}, t: {} })

/** rate = positive / valid, valid = answered − 说不清 (shown apart), with its Wilson interval. */
export function measureOf(question: SurveyQuestionSpec, counts: Record<string, number> | undefined): MeasureResult | null {
  if (!question.measure) return null
  const answered = counts?._n ?? 0
  const positive = question.options.filter((o) => o.positive).reduce((sum, o) => sum + (counts?.[o.id] ?? 0), 0)
  const dontKnow = question.options.filter((o) => o.dontKnow).reduce((sum, o) => sum + (counts?.[o.id] ?? 0), 0)
  const valid = answered - dontKnow
  return {
    measure: question.measure,
    label: MEASURE_LABEL[question.measure],
    questionId: question.id,
    positive,
    valid,
    dontKnow,
    answered,
    rate: valid > 0 ? positive / valid : null,
    ci: wilson(positive, valid),
  }
}

function questionOf(question: SurveyQuestionSpec, tally: Tally): QuestionResult {
  const counts = tally.q[question.id]
  const answered = counts?._n ?? 0
  return {
    questionId: question.id,
    kind: question.kind,
    title: question.title,
    answered,
    options: question.options.map((o) => {
      const count = counts?.[o.id] ?? 0
      return { optionId: o.id, label: o.label, count, share: answered > 0 ? count / answered : null, positive: o.positive === true, dontKnow: o.dontKnow === true }
    }),
    measure: measureOf(question, counts),
    text: question.kind === 'text' ? (tally.t[question.id] ?? { passed: 0, pending: 0, rejected: 0 }) : null,
  }
}

/** A scope below the survey's minimum sample shows its size and nothing else (no rate to over-read, no small cell). */
export function scopeOf(doc: SurveyDoc, communityId: string | null, name: string, tally: Tally): ScopeResult {
  const hidden = tally.n < doc.minSample
  const questions = hidden ? [] : doc.questions.map((q) => questionOf(q, tally))
  return {
    communityId,
    name,
    sample: tally.n,
    hidden,
    measures: questions.flatMap((q) => (q.measure ? [q.measure] : [])),
    questions,
    ageBands: hidden ? [] : AGE_BANDS.map((band) => ({ band, label: AGE_BAND_LABEL[band], count: tally.age[band] ?? 0 })),
  }
}

async function countersOfSurvey(ctx: ActionContext, surveyId: string): Promise<CounterDoc[]> {
  const out: CounterDoc[] = []
  // (communities + 1) × 2 documents; a city has a few hundred communities at most
  for (let skip = 0; skip < 2000; skip += 100) {
    const { data } = await ctx.db.collection(S.counters).where({ surveyId }).orderBy('_id', 'asc').skip(skip).limit(100).get()
    out.push(...(data as unknown as CounterDoc[]))
    if (data.length < 100) break
  }
  return out
}

function talliesByScope(counters: CounterDoc[], includeFlagged: boolean): Map<string, Tally> {
  const out = new Map<string, Tally>()
  for (const c of counters) {
    if (c.flagged && !includeFlagged) continue
    const tally = out.get(c.scope) ?? emptyTally()
    out.set(c.scope, addTally(tally, c))
  }
  return out
}

async function trendOf(ctx: ActionContext, doc: SurveyDoc, includeFlagged: boolean): Promise<TrendPoint[]> {
  if (!doc.templateId) return []
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection(S.surveys)
    .where({ templateId: doc.templateId, status: _.neq('draft') })
    .orderBy('opensAt', 'desc')
    .limit(12)
    .get()
  const rounds = (data as unknown as SurveyDoc[]).reverse()
  const ids = rounds.flatMap((r) => [`${r._id}__${ALL}__v`, `${r._id}__${ALL}__f`])
  const { data: counterDocs } = await ctx.db.collection(S.counters).where({ _id: _.in(ids) }).limit(100).get()
  const counters = counterDocs as unknown as CounterDoc[]
  return rounds.map((round) => {
    const tally = emptyTally()
    for (const c of counters) if (c.surveyId === round._id && (includeFlagged || !c.flagged)) addTally(tally, c)
    const rates = Object.fromEntries(MEASURES.map((m) => [m, null])) as TrendPoint['rates']
    if (tally.n >= round.minSample) {
      for (const q of round.questions) {
        const m = measureOf(q, tally.q[q.id])
        if (m && m.rate !== null && m.ci) rates[q.measure as Measure] = { rate: m.rate, ci: m.ci, valid: m.valid }
      }
    }
    return { surveyId: round._id, title: round.title, opensAt: round.opensAt, sample: tally.n, rates }
  })
}

/** Results from the counters only (no answer is read): the whole survey or one community, every community's measures, the trend. */
export async function results(input: { surveyId: string; communityId?: string; includeFlagged?: boolean }, ctx: ActionContext): Promise<SurveyResultsView | Fail> {
  const doc = await findById<SurveyDoc>(ctx.db, S.surveys, input.surveyId)
  if (!doc) return surveyFail('SURVEY.NOT_FOUND')
  if (input.communityId !== undefined && !doc.scopeIds.includes(input.communityId)) return surveyFail('SURVEY.COMMUNITY_UNKNOWN')
  const includeFlagged = input.includeFlagged === true
  const counters = await countersOfSurvey(ctx, doc._id)
  const tallies = talliesByScope(counters, includeFlagged)
  const names = new Map((await listCommunities(ctx)).map((c) => [c.id, c.name]))
  const nameOf = (id: string) => names.get(id) ?? id
  const scope =
    input.communityId === undefined
      ? scopeOf(doc, null, '全部', tallies.get(ALL) ?? emptyTally())
      : scopeOf(doc, input.communityId, nameOf(input.communityId), tallies.get(input.communityId) ?? emptyTally())
  const communities = doc.scopeIds
    .map((id) => {
      const { questions: _questions, ...rest } = scopeOf(doc, id, nameOf(id), tallies.get(id) ?? emptyTally())
      return rest
    })
    // a restricted survey lists all its communities; an open one those that answered
    .filter((c) => doc.communityIds !== null || c.sample > 0)
    .sort((a, b) => b.sample - a.sample || a.name.localeCompare(b.name))
  const now = ctx.clock.now()
  const totals = new Map(counters.filter((c) => c.scope === ALL).map((c) => [c._id, c]))
  return {
    survey: adminView(doc, now, totals),
    includeFlagged,
    minSample: doc.minSample,
    scope,
    communities,
    trend: await trendOf(ctx, doc, includeFlagged),
  }
}

/** Text answers that passed the content check, for the office only, oldest day first. */
export async function textAnswers(input: { surveyId: string; questionId: string; offset?: number }, ctx: ActionContext): Promise<TextAnswerPage | Fail> {
  const doc = await findById<SurveyDoc>(ctx.db, S.surveys, input.surveyId)
  if (!doc) return surveyFail('SURVEY.NOT_FOUND')
  if (!doc.questions.some((q) => q.id === input.questionId && q.kind === 'text')) return surveyFail('SURVEY.QUESTION_UNKNOWN')
  const offset = input.offset ?? 0
  const page = SURVEY_LIMITS.textPage
  const { data } = await ctx.db
    .collection(S.texts)
    .where({ surveyId: doc._id, questionId: input.questionId, status: 'passed' })
    .orderBy('day', 'asc')
    .orderBy('_id', 'asc')
    .skip(offset)
    .limit(page + 1)
    .get()
  const docs = data as unknown as TextDoc[]
  return {
    items: docs.slice(0, page).map((t) => ({ answerId: t._id, communityId: t.communityId, text: t.text, day: t.day, flagged: t.flagged })),
    nextOffset: docs.length > page ? offset + page : null,
  }
}
