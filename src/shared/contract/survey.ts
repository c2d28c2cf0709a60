import { z } from 'zod'
import { id, shortText } from './common'
import { returns } from './define'
import {
  AGE_BANDS,
  MEASURES,
  QUESTION_KINDS,
  SURVEY_LIMITS,
  type AgeBand,
  type Measure,
  type QuestionKind,
  type SurveyQuestionSpec,
} from '../survey'

/**
 * 创文民意调查: the office builds a questionnaire (or starts from the campaign template), opens it
 * for a period for everyone or chosen communities, residents answer anonymously, and the office
 * reads 知晓率 / 支持率 / 参与率 / 满意度 per community with sample sizes and 95% Wilson intervals.
 *
 * Communities are the city's 网格 (the `report_grids` collection; the demo city's six grids in
 * src/cloud/domain/report/demo-city.ts): `communityId` is a grid id, and the answering view lists
 * the ones a respondent may pick.
 *
 * Anonymity is structural: a stored answer holds survey, community, age band, answers, the day
 * (no finer time) and a 过快 flag — no openid, no id derived from the person. A separate one-way
 * token (HMAC of a server secret over the person and the survey) stops a second answer.
 */

// zod-free constants live in ../survey so the client can import them as values
export * from '../survey'

/** draft → published → closed; a published survey is `scheduled` before `opensAt` and `closed` after `closesAt` */
export type SurveyState = 'draft' | 'scheduled' | 'open' | 'closed'

export interface CommunityView {
  /** a grid id from report_grids */
  id: string
  name: string
  /** 街道 */
  district: string
}

/** What the office edits: the questions with every option's `positive` / `dontKnow` marks. */
export interface SurveyAdminView {
  id: string
  title: string
  intro: string
  questions: SurveyQuestionSpec[]
  /** the template this round was built from (rounds of one template form the trend), or null */
  templateId: string | null
  /** null: everyone; else the grid ids that may answer */
  communityIds: string[] | null
  opensAt: number
  closesAt: number
  minAnswerSeconds: number
  minSample: number
  state: SurveyState
  /** valid + flagged answers */
  answers: number
  /** answers given faster than minAnswerSeconds */
  flagged: number
  createdAt: number
  updatedAt: number
  publishedAt: number | null
  closedAt: number | null
}

export interface SurveyAdminList {
  items: SurveyAdminView[]
  nextOffset: number | null
}

/** A question as the respondent sees it: no `positive` mark, no measure tag. */
export interface SurveyQuestionView {
  id: string
  kind: QuestionKind
  title: string
  required: boolean
  options: Array<{ id: string; label: string; dontKnow: boolean }>
  maxChoices: number | null
}

export interface SurveyCardView {
  id: string
  title: string
  opensAt: number
  closesAt: number
  questions: number
  /** null: everyone may answer */
  communityIds: string[] | null
  /** the caller has answered (read from the one-way token, never from a stored answer) */
  answered: boolean
}

export interface SurveyForAnswerView {
  id: string
  title: string
  intro: string
  closesAt: number
  questions: SurveyQuestionView[]
  /** the communities the respondent may pick (the survey's list, or every grid) */
  communities: CommunityView[]
  ageBands: readonly AgeBand[]
  answered: boolean
  /**
   * Pass back with `answer`. It carries the survey and the time the page was issued, signed by
   * the server (it names no person); the server measures the answering time from it.
   */
  startToken: string
}

export interface AnswerResultView {
  surveyId: string
  /** always true on success; a second answer gets SURVEY.ALREADY_ANSWERED */
  recorded: true
  /** shown after answering */
  thanks: string
}

export interface WilsonInterval {
  low: number
  high: number
}

/**
 * One measure's arithmetic, kept visible: rate = positive / valid, valid = answered − 说不清.
 * `rate` and `ci` are null when valid is 0.
 */
export interface MeasureResult {
  measure: Measure
  label: string
  questionId: string
  positive: number
  valid: number
  dontKnow: number
  answered: number
  rate: number | null
  ci: WilsonInterval | null
}

export interface OptionResult {
  optionId: string
  label: string
  count: number
  /** count / answered (for multi: share of respondents who ticked it) */
  share: number | null
  positive: boolean
  dontKnow: boolean
}

export interface QuestionResult {
  questionId: string
  kind: QuestionKind
  title: string
  /** respondents who answered this question */
  answered: number
  options: OptionResult[]
  measure: MeasureResult | null
  /** text questions: answers that passed the content check / are waiting / were refused */
  text: { passed: number; pending: number; rejected: number } | null
}

export interface ScopeResult {
  /** null: the whole survey */
  communityId: string | null
  name: string
  /** answers counted (flagged ones only when includeFlagged) */
  sample: number
  /** below the survey's minSample: only `sample` is shown; measures and questions are empty */
  hidden: boolean
  measures: MeasureResult[]
  questions: QuestionResult[]
  ageBands: Array<{ band: AgeBand; label: string; count: number }>
}

export interface TrendPoint {
  surveyId: string
  title: string
  opensAt: number
  sample: number
  /** null when the round has no question for the measure or its sample is hidden */
  rates: Record<Measure, { rate: number; ci: WilsonInterval; valid: number } | null>
}

export interface SurveyResultsView {
  survey: SurveyAdminView
  includeFlagged: boolean
  minSample: number
  /** the whole survey, or the community asked for, with every question */
  scope: ScopeResult
  /** every community with answers (and every listed one of a restricted survey), measures only */
  communities: Array<Omit<ScopeResult, 'questions'>>
  /** rounds of the same template, oldest first (this one included); empty for a survey without a template */
  trend: TrendPoint[]
}

export interface TextAnswerView {
  /** the answer's own random id (not derived from anyone) */
  answerId: string
  communityId: string
  text: string
  /** YYYY-MM-DD (answers keep no finer time) */
  day: string
  flagged: boolean
}

export interface TextAnswerPage {
  items: TextAnswerView[]
  nextOffset: number | null
}

/** A spreadsheet of the answers (one row per answer, no person): inline for H5, stored in the mini-program. */
export interface SurveyExportView {
  filename: string
  format: 'csv' | 'xlsx'
  rows: number
  /** inline delivery: the CSV text (UTF-8 with BOM), or the .xlsx bytes as base64 */
  content: string | null
  fileID: string | null
  tempUrl: string | null
}

// ---- schemas ----

export const surveyId = id
const shortId = z.string().min(1).max(8).regex(/^[A-Za-z0-9]+$/, '编号格式不正确')

const optionSpec = z
  .object({
    id: shortId,
    label: shortText(SURVEY_LIMITS.optionLabelMax),
    positive: z.boolean().optional(),
    dontKnow: z.boolean().optional(),
  })
  .strict()

/**
 * The structural rules of a question (option ids unique, scale questions carry exactly one 说不清,
 * measures only on single/scale, text without options) are checked here; the server re-checks
 * the survey as a whole (unique question ids, each measure at most once).
 */
export const questionSpec = z
  .object({
    id: shortId,
    kind: z.enum(QUESTION_KINDS),
    title: shortText(SURVEY_LIMITS.questionTitleMax),
    required: z.boolean(),
    options: z.array(optionSpec).max(SURVEY_LIMITS.options),
    measure: z.enum(MEASURES).optional(),
    maxChoices: z.number().int().min(1).max(SURVEY_LIMITS.options).optional(),
  })
  .strict()
  .superRefine((q, c) => {
    const ids = new Set(q.options.map((o) => o.id))
    if (ids.size !== q.options.length) c.addIssue({ code: 'custom', message: '选项编号重复' })
    if (q.kind === 'text') {
      if (q.options.length) c.addIssue({ code: 'custom', message: '简答题没有选项' })
    } else if (q.options.length < 2) c.addIssue({ code: 'custom', message: '选择题至少要有两个选项' })
    if (q.kind === 'scale' && q.options.filter((o) => o.dontKnow).length !== 1)
      c.addIssue({ code: 'custom', message: '量表题要有且只有一个“说不清”选项' })
    if (q.measure && q.kind !== 'single' && q.kind !== 'scale') c.addIssue({ code: 'custom', message: '只有单选题和量表题可以作为测评指标' })
    if (q.measure && !q.options.some((o) => o.positive)) c.addIssue({ code: 'custom', message: '作为测评指标的题目要标出计入的选项' })
    if (q.maxChoices !== undefined && q.kind !== 'multi') c.addIssue({ code: 'custom', message: '只有多选题可以限定选择个数' })
  })

const draftFields = {
  title: shortText(SURVEY_LIMITS.titleMax),
  intro: z.string().trim().max(SURVEY_LIMITS.introMax),
  questions: z.array(questionSpec).min(1).max(SURVEY_LIMITS.questions),
  communityIds: z.array(id).min(1).max(SURVEY_LIMITS.communities).nullable(),
  opensAt: z.number().int().min(0),
  closesAt: z.number().int().min(0),
  minAnswerSeconds: z.number().int().min(0).max(SURVEY_LIMITS.minAnswerSecondsMax),
  minSample: z.number().int().min(1).max(SURVEY_LIMITS.minSampleMax),
}

const offset = z.number().int().min(0).max(10000)

const answerItem = z
  .object({
    questionId: shortId,
    /** single / scale: one id; multi: one or more */
    optionIds: z.array(shortId).min(1).max(SURVEY_LIMITS.options).optional(),
    text: z.string().trim().min(1).max(SURVEY_LIMITS.textAnswerMax).optional(),
  })
  .strict()
  .refine((a) => (a.optionIds === undefined) !== (a.text === undefined), { message: '每道题给出选项或文字之一' })

export const surveyActions = {
  // ---- office ----
  createDraft: returns<SurveyAdminView>()({
    input: z
      .object({ ...draftFields, templateId: id.nullable(), requestId: id })
      .strict(),
    roles: ['admin'],
    summary: '文明办新建问卷草稿（题目、时段、社区范围、最短作答时间、最小样本；同一 requestId 重试返回同一份）',
  }),
  createFromTemplate: returns<SurveyAdminView>()({
    input: z.object({ templateId: id, opensAt: z.number().int().min(0), closesAt: z.number().int().min(0), requestId: id }).strict(),
    roles: ['admin'],
    summary: '按创文民意调查模板新建一轮草稿（知晓、支持、参与、满意等常用题目）',
  }),
  updateDraft: returns<SurveyAdminView>()({
    input: z.object({ surveyId, ...draftFields }).partial({ title: true, intro: true, questions: true, communityIds: true, opensAt: true, closesAt: true, minAnswerSeconds: true, minSample: true }).strict(),
    roles: ['admin'],
    summary: '修改草稿（发布后题目不能再改）',
  }),
  publish: returns<SurveyAdminView>()({
    input: z.object({ surveyId }).strict(),
    roles: ['admin'],
    summary: '发布问卷：到开始时间起可作答，到结束时间自动截止',
  }),
  close: returns<SurveyAdminView>()({
    input: z.object({ surveyId }).strict(),
    roles: ['admin'],
    summary: '提前结束问卷，之后不再接受作答',
  }),
  adminList: returns<SurveyAdminList>()({
    input: z.object({ state: z.enum(['draft', 'scheduled', 'open', 'closed']).optional(), offset: offset.optional() }).strict(),
    roles: ['admin'],
    summary: '问卷列表（新建的在前），含作答数与过快作答数',
  }),
  adminGet: returns<SurveyAdminView>()({
    input: z.object({ surveyId }).strict(),
    roles: ['admin'],
    summary: '一份问卷的全部设置（含计入指标的选项）',
  }),
  communities: returns<{ items: CommunityView[] }>()({
    input: z.object({}).strict(),
    roles: ['admin'],
    summary: '可选的社区（网格）列表，用于限定调查范围',
  }),
  results: returns<SurveyResultsView>()({
    input: z.object({ surveyId, communityId: id.optional(), includeFlagged: z.boolean().optional() }).strict(),
    roles: ['admin'],
    summary: '调查结果：按题目和社区的计数、知晓率/支持率/参与率/满意度、样本量、95% 置信区间、历轮趋势',
  }),
  textAnswers: returns<TextAnswerPage>()({
    input: z.object({ surveyId, questionId: shortId, offset: offset.optional() }).strict(),
    roles: ['admin'],
    summary: '简答题的回答（仅文明办可见，只列出通过内容检查的）',
  }),
  exportAnswers: returns<SurveyExportView>()({
    input: z
      .object({ surveyId, format: z.enum(['csv', 'xlsx']), delivery: z.enum(['inline', 'storage']), includeFlagged: z.boolean().optional() })
      .strict(),
    roles: ['admin'],
    summary: '导出答卷（每行一份，不含任何个人信息），CSV 或 Excel',
  }),

  // ---- residents ----
  openList: returns<{ items: SurveyCardView[] }>()({
    input: z.object({}).strict(),
    roles: ['resident'],
    summary: '正在进行的问卷，及本人是否已作答',
  }),
  get: returns<SurveyForAnswerView>()({
    input: z.object({ surveyId }).strict(),
    roles: ['resident'],
    summary: '取一份进行中的问卷来作答（不含任何“标准答案”）',
  }),
  answer: returns<AnswerResultView>()({
    input: z
      .object({
        surveyId,
        startToken: z.string().min(1).max(200),
        communityId: id,
        ageBand: z.enum(AGE_BANDS),
        answers: z.array(answerItem).max(SURVEY_LIMITS.questions),
      })
      .strict(),
    roles: ['resident'],
    summary: '匿名作答：填所在社区和年龄段；每人每份问卷只能答一次',
  }),
}

export const SURVEY_ERRORS = {
  'SURVEY.NOT_FOUND': '没有找到这份问卷',
  'SURVEY.NOT_OPEN': '这份问卷当前不在作答时间内',
  'SURVEY.CLOSED': '这份问卷已经结束，感谢您的关注',
  'SURVEY.NOT_FOR_COMMUNITY': '这份问卷只面向部分社区，您选择的社区不在调查范围内',
  'SURVEY.ALREADY_ANSWERED': '您已经参与过这份问卷，感谢您的支持',
  'SURVEY.ANSWER_INVALID': '有题目没有按要求作答，请检查后再提交',
  'SURVEY.START_TOKEN_INVALID': '问卷页面已过期，请重新打开问卷后作答',
  'SURVEY.NOT_DRAFT': '问卷已发布，题目不能再修改',
  'SURVEY.INVALID_DRAFT': '问卷设置有误，请检查后再保存',
  'SURVEY.INVALID_PERIOD': '结束时间要晚于开始时间和现在，且开放不超过 92 天',
  'SURVEY.COMMUNITY_UNKNOWN': '选择的社区不在社区列表中',
  'SURVEY.TEMPLATE_UNKNOWN': '没有这个问卷模板',
  'SURVEY.QUESTION_UNKNOWN': '问卷中没有这道题',
} as const

export type SurveyErrorCode = keyof typeof SURVEY_ERRORS
