import crypto from 'node:crypto'
import {
  SURVEY_LIMITS,
  SURVEY_TEMPLATES,
  type CommunityView,
  type SurveyAdminList,
  type SurveyAdminView,
  type SurveyQuestionSpec,
  type SurveyState,
} from '@/shared/contract/survey'
import type { Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { ALL, counterId, S, stateOf, surveyFail, type CounterDoc, type SurveyDoc } from './model'

const DAY = 24 * 3600_000
const PAGE = 20

interface DraftInput {
  title: string
  intro: string
  questions: SurveyQuestionSpec[]
  communityIds: string[] | null
  opensAt: number
  closesAt: number
  minAnswerSeconds: number
  minSample: number
}

/** Every grid (report_grids is the city's community list), by id. A city has at most a few hundred. */
export async function listCommunities(ctx: ActionContext): Promise<CommunityView[]> {
  const out: CommunityView[] = []
  for (let skip = 0; skip < 1000; skip += 100) {
    const { data } = await ctx.db.collection('report_grids').orderBy('_id', 'asc').skip(skip).limit(100).get()
    for (const g of data as unknown as Array<{ _id: string; name: string; district?: string }>) out.push({ id: g._id, name: g.name, district: g.district ?? '' })
    if (data.length < 100) break
  }
  return out
}

export async function communities(ctx: ActionContext): Promise<{ items: CommunityView[] }> {
  return { items: await listCommunities(ctx) }
}

/** The survey as a whole: what one question's schema cannot see. */
async function problemWith(draft: DraftInput, ctx: ActionContext): Promise<Fail | null> {
  const ids = new Set(draft.questions.map((q) => q.id))
  if (ids.size !== draft.questions.length) return surveyFail('SURVEY.INVALID_DRAFT', '题目编号重复')
  const measures = draft.questions.flatMap((q) => (q.measure ? [q.measure] : []))
  if (new Set(measures).size !== measures.length) return surveyFail('SURVEY.INVALID_DRAFT', '每项测评指标只能对应一道题')
  if (draft.closesAt <= draft.opensAt || draft.closesAt - draft.opensAt > SURVEY_LIMITS.openDaysMax * DAY) return surveyFail('SURVEY.INVALID_PERIOD')
  if (draft.communityIds) {
    const known = new Set((await listCommunities(ctx)).map((c) => c.id))
    if (new Set(draft.communityIds).size !== draft.communityIds.length || draft.communityIds.some((c) => !known.has(c))) return surveyFail('SURVEY.COMMUNITY_UNKNOWN')
  }
  return null
}

async function countersOf(ctx: ActionContext, surveyIds: string[]): Promise<Map<string, CounterDoc>> {
  const ids = surveyIds.flatMap((id) => [counterId(id, ALL, false), counterId(id, ALL, true)])
  const out = new Map<string, CounterDoc>()
  for (let i = 0; i < ids.length; i += 100) {
    const { data } = await ctx.db.collection(S.counters).where({ _id: ctx.db.command.in(ids.slice(i, i + 100)) }).limit(100).get()
    for (const c of data as unknown as CounterDoc[]) out.set(c._id, c)
  }
  return out
}

export function adminView(doc: SurveyDoc, now: number, counters: Map<string, CounterDoc>): SurveyAdminView {
  const valid = counters.get(counterId(doc._id, ALL, false))?.n ?? 0
  const flagged = counters.get(counterId(doc._id, ALL, true))?.n ?? 0
  return {
    id: doc._id,
    title: doc.title,
    intro: doc.intro,
    questions: doc.questions,
    templateId: doc.templateId,
    communityIds: doc.communityIds,
    opensAt: doc.opensAt,
    closesAt: doc.closesAt,
    minAnswerSeconds: doc.minAnswerSeconds,
    minSample: doc.minSample,
    state: stateOf(doc, now),
    answers: valid + flagged,
    flagged,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    publishedAt: doc.publishedAt,
    closedAt: doc.closedAt,
  }
}

export async function viewOf(ctx: ActionContext, doc: SurveyDoc): Promise<SurveyAdminView> {
  return adminView(doc, ctx.clock.now(), await countersOf(ctx, [doc._id]))
}

function surveyIdFor(openid: string, requestId: string): string {
  return `sv${crypto.createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 16)}`
}

export async function createDraft(input: DraftInput & { templateId: string | null; requestId: string }, ctx: ActionContext): Promise<SurveyAdminView | Fail> {
  const problem = await problemWith(input, ctx)
  if (problem) return problem
  if (input.templateId !== null && !SURVEY_TEMPLATES.some((t) => t.id === input.templateId)) return surveyFail('SURVEY.TEMPLATE_UNKNOWN')
  const now = ctx.clock.now()
  const doc: SurveyDoc = {
    _id: surveyIdFor(ctx.caller.openid, input.requestId),
    title: input.title,
    intro: input.intro,
    questions: input.questions,
    templateId: input.templateId,
    communityIds: input.communityIds,
    scopeIds: [],
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    minAnswerSeconds: input.minAnswerSeconds,
    minSample: input.minSample,
    status: 'draft',
    createdBy: ctx.caller.openid,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
    closedAt: null,
  }
  try {
    await ctx.db.collection(S.surveys).add({ data: { ...doc } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    // a retried create: the first one stands
    const first = await findById<SurveyDoc>(ctx.db, S.surveys, doc._id)
    if (!first) throw error
    return viewOf(ctx, first)
  }
  await writeAudit(ctx, { subjectType: 'survey', subjectId: doc._id, action: 'createSurvey', detail: { templateId: doc.templateId, questions: doc.questions.length } })
  return viewOf(ctx, doc)
}

export async function createFromTemplate(input: { templateId: string; opensAt: number; closesAt: number; requestId: string }, ctx: ActionContext): Promise<SurveyAdminView | Fail> {
  const template = SURVEY_TEMPLATES.find((t) => t.id === input.templateId)
  if (!template) return surveyFail('SURVEY.TEMPLATE_UNKNOWN')
  return createDraft(
    {
      title: template.title,
      intro: template.intro,
      questions: template.questions,
      communityIds: null,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      minAnswerSeconds: SURVEY_LIMITS.minAnswerSecondsDefault,
      minSample: SURVEY_LIMITS.minSampleDefault,
      templateId: template.id,
      requestId: input.requestId,
    },
    ctx,
  )
}

export async function updateDraft(input: Partial<DraftInput> & { surveyId: string }, ctx: ActionContext): Promise<SurveyAdminView | Fail> {
  const doc = await findById<SurveyDoc>(ctx.db, S.surveys, input.surveyId)
  if (!doc) return surveyFail('SURVEY.NOT_FOUND')
  if (doc.status !== 'draft') return surveyFail('SURVEY.NOT_DRAFT')
  const { surveyId, ...changes } = input
  const next: SurveyDoc = { ...doc, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)), updatedAt: ctx.clock.now() }
  const problem = await problemWith(next, ctx)
  if (problem) return problem
  const { stats } = await ctx.db
    .collection(S.surveys)
    .where({ _id: surveyId, status: 'draft' })
    .update({
      data: {
        title: next.title,
        intro: next.intro,
        questions: ctx.db.command.set(next.questions),
        communityIds: ctx.db.command.set(next.communityIds),
        opensAt: next.opensAt,
        closesAt: next.closesAt,
        minAnswerSeconds: next.minAnswerSeconds,
        minSample: next.minSample,
        updatedAt: next.updatedAt,
      },
    })
  if (stats.updated !== 1) return surveyFail('SURVEY.NOT_DRAFT')
  await writeAudit(ctx, { subjectType: 'survey', subjectId: surveyId, action: 'updateSurvey', detail: { fields: Object.keys(changes).join(',') } })
  return viewOf(ctx, next)
}

function freshCounter(doc: SurveyDoc, scope: string, flagged: boolean): CounterDoc {
  const q: CounterDoc['q'] = {}
  const t: CounterDoc['t'] = {}
  for (const question of doc.questions) {
    if (question.kind === 'text') t[question.id] = { passed: 0, pending: 0, rejected: 0 }
    q[question.id] = Object.fromEntries([['_n', 0], ...question.options.map((o) => [o.id, 0] as const)])
  }
  return { _id: counterId(doc._id, scope, flagged), surveyId: doc._id, scope, flagged, n: 0, age: {}, q, t }
}

/**
 * Opens the survey: fixes the communities that may answer and creates their counters (so every
 * answer only increments existing documents), then flips the status. Publishing twice is harmless.
 */
export async function publish(input: { surveyId: string }, ctx: ActionContext): Promise<SurveyAdminView | Fail> {
  const doc = await findById<SurveyDoc>(ctx.db, S.surveys, input.surveyId)
  if (!doc) return surveyFail('SURVEY.NOT_FOUND')
  if (doc.status !== 'draft') return surveyFail('SURVEY.NOT_DRAFT')
  const now = ctx.clock.now()
  if (doc.closesAt <= now) return surveyFail('SURVEY.INVALID_PERIOD')
  const scopeIds = doc.communityIds ?? (await listCommunities(ctx)).map((c) => c.id)
  if (!scopeIds.length) return surveyFail('SURVEY.COMMUNITY_UNKNOWN', '还没有社区（网格）数据，无法发布问卷')
  for (const scope of [ALL, ...scopeIds]) {
    for (const flagged of [false, true]) {
      const counter = freshCounter(doc, scope, flagged)
      const { _id, ...data } = counter
      await ctx.db.collection(S.counters).doc(_id).set({ data })
    }
  }
  const { stats } = await ctx.db
    .collection(S.surveys)
    .where({ _id: doc._id, status: 'draft' })
    .update({ data: { status: 'published', scopeIds: ctx.db.command.set(scopeIds), publishedAt: now, updatedAt: now } })
  if (stats.updated !== 1) return surveyFail('SURVEY.NOT_DRAFT')
  await writeAudit(ctx, { subjectType: 'survey', subjectId: doc._id, action: 'publishSurvey', detail: { communities: scopeIds.length, opensAt: doc.opensAt, closesAt: doc.closesAt } })
  return viewOf(ctx, { ...doc, status: 'published', scopeIds, publishedAt: now, updatedAt: now })
}

export async function close(input: { surveyId: string }, ctx: ActionContext): Promise<SurveyAdminView | Fail> {
  const doc = await findById<SurveyDoc>(ctx.db, S.surveys, input.surveyId)
  if (!doc) return surveyFail('SURVEY.NOT_FOUND')
  if (doc.status === 'draft') return surveyFail('SURVEY.NOT_OPEN', '草稿还没有发布，不需要结束')
  if (doc.status === 'closed') return viewOf(ctx, doc)
  const now = ctx.clock.now()
  await ctx.db.collection(S.surveys).where({ _id: doc._id, status: 'published' }).update({ data: { status: 'closed', closedAt: now, updatedAt: now } })
  await writeAudit(ctx, { subjectType: 'survey', subjectId: doc._id, action: 'closeSurvey' })
  return viewOf(ctx, { ...doc, status: 'closed', closedAt: now, updatedAt: now })
}

export async function adminGet(input: { surveyId: string }, ctx: ActionContext): Promise<SurveyAdminView | Fail> {
  const doc = await findById<SurveyDoc>(ctx.db, S.surveys, input.surveyId)
  return doc ? viewOf(ctx, doc) : surveyFail('SURVEY.NOT_FOUND')
}

export async function adminList(input: { state?: SurveyState; offset?: number }, ctx: ActionContext): Promise<SurveyAdminList> {
  const _ = ctx.db.command
  const now = ctx.clock.now()
  const offset = input.offset ?? 0
  const where =
    input.state === undefined
      ? {}
      : input.state === 'draft'
        ? { status: 'draft' }
        : input.state === 'scheduled'
          ? { status: 'published', opensAt: _.gt(now) }
          : input.state === 'open'
            ? { status: 'published', opensAt: _.lte(now), closesAt: _.gt(now) }
            : _.or([{ status: 'closed' }, { status: 'published', closesAt: _.lte(now) }])
  const { data } = await ctx.db.collection(S.surveys).where(where).orderBy('createdAt', 'desc').skip(offset).limit(PAGE + 1).get()
  const docs = (data as unknown as SurveyDoc[]).slice(0, PAGE)
  const counters = await countersOf(ctx, docs.map((d) => d._id))
  return { items: docs.map((d) => adminView(d, now, counters)), nextOffset: data.length > PAGE ? offset + PAGE : null }
}
