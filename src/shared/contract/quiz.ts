import { z } from 'zod'
import { HANDBOOK_SECTION_IDS, type HandbookSectionId } from '../handbook/ids'
import { id, noInput, shortText } from './common'
import { returns } from './define'

/**
 * 创文答题. A topic id is the id of the handbook chapter that teaches it (the handbook's "test
 * yourself" opens practice with `topic=<chapter id>`); the label is what residents call the topic.
 */
export const QUIZ_TOPICS = [
  'civic-pact',
  'traffic',
  'waste',
  'dogs',
  'public-etiquette',
  'travel',
  'dining',
  'online',
  'volunteer',
  'campaign',
  'family',
] as const
export type QuizTopic = (typeof QUIZ_TOPICS)[number]

export const QUIZ_TOPIC_LABEL: Record<QuizTopic, string> = {
  'civic-pact': '社会主义核心价值观',
  traffic: '文明交通',
  waste: '垃圾分类',
  dogs: '文明养犬',
  'public-etiquette': '公共场所礼仪',
  travel: '文明旅游',
  dining: '文明就餐',
  online: '网络文明',
  volunteer: '志愿服务',
  campaign: '创文基本知识',
  family: '未成年人文明',
}

export const QUESTION_TYPES = ['single', 'multiple', 'true-false'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]
export const QUESTION_TYPE_LABEL: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', 'true-false': '判断题' }

/** 1 易 · 2 中 · 3 难 */
export type Difficulty = 1 | 2 | 3

export const QUIZ_MODES = ['daily', 'practice', 'review'] as const
/** daily: 每日一练 (counts for points once a day) · practice: 专题练习 · review: 错题重练 */
export type QuizMode = (typeof QUIZ_MODES)[number]

export const TRUE_FALSE_OPTIONS = ['正确', '错误'] as const

// ---------------------------------------------------------------------------------------------
// What a resident sees. A paper carries no answer, explanation, hint or question id: options are
// identified by their position in the shuffled order of this attempt only.

export interface PaperQuestion {
  /** 0-based position in the paper */
  index: number
  topic: QuizTopic
  topicLabel: string
  type: QuestionType
  stem: string
  /** in this attempt's shuffled order; answers are positions in this list */
  options: string[]
}

export interface QuizPaper {
  attemptId: string
  mode: QuizMode
  topic: QuizTopic | null
  /** Asia/Shanghai day of the attempt, YYYY-MM-DD */
  day: string
  questions: PaperQuestion[]
  startedAt: number
  /** submissions after this (plus a short grace for the network) are refused */
  deadlineAt: number
  /** the server's clock when this paper was sent: the client counts down against it */
  serverNow: number
  perQuestionSeconds: number
  /** an attempt submitted sooner than questions × this is refused as too fast */
  minSecondsPerQuestion: number
}

export interface ResultItem {
  index: number
  topic: QuizTopic
  topicLabel: string
  type: QuestionType
  stem: string
  /** in the order the person saw them */
  options: string[]
  /** positions the person chose (empty: not answered in time) */
  chosen: number[]
  /** positions of the correct options */
  correct: number[]
  isCorrect: boolean
  explanation: string
  sectionId: HandbookSectionId
}

export type PointsOutcome =
  /** 每日一练, first of the day: points added to the ledger */
  | 'awarded'
  /** 每日一练 already counted today */
  | 'already'
  /** practice and review never earn points */
  | 'practice'
  /** nothing correct, nothing to add */
  | 'none'

export interface QuizResult {
  attemptId: string
  mode: QuizMode
  topic: QuizTopic | null
  day: string
  total: number
  correct: number
  /** 0–100 */
  score: number
  pointsAwarded: number
  points: PointsOutcome
  submittedAt: number
  items: ResultItem[]
}

export interface QuizTopicView {
  id: QuizTopic
  label: string
  /** active questions in the bank */
  count: number
}

export interface QuizHome {
  day: string
  daily: { status: 'new' | 'started' | 'submitted'; attemptId: string | null; correctCount: number | null; total: number | null }
  topics: QuizTopicView[]
  wrongCount: number
  /** balance of the 文明积分 ledger */
  points: number
  dailyQuestionCount: number
  perQuestionSeconds: number
  /** the office (文明办) may manage the bank: the home shows the way in */
  canManage: boolean
}

export interface WrongBookItem {
  questionId: string
  topic: QuizTopic
  topicLabel: string
  type: QuestionType
  stem: string
  options: string[]
  correct: number[]
  explanation: string
  sectionId: HandbookSectionId
  wrongCount: number
  /** correct answers since the last wrong one; the entry leaves the book at 2 */
  correctStreak: number
  lastWrongAt: number
}

export interface WrongBookPage {
  items: WrongBookItem[]
  total: number
  nextOffset: number | null
}

export const LEADERBOARD_SCOPES = ['city', 'grid', 'group'] as const
/** city: everyone · grid: people of one community (网格) · group: people of one group (e.g. a school class) */
export type LeaderboardScope = (typeof LEADERBOARD_SCOPES)[number]
export const LEADERBOARD_PERIODS = ['week', 'all'] as const
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number]

export interface LeaderboardEntry {
  rank: number
  nickname: string
  score: number
  isMe: boolean
}

export interface Leaderboard {
  scope: LeaderboardScope
  period: LeaderboardPeriod
  scopeId: string | null
  /** e.g. 本周（11月23日—11月29日） */
  periodLabel: string
  entries: LeaderboardEntry[]
  /** null when the caller has no score on this board yet */
  me: { rank: number; score: number } | null
  /** the community and groups the caller belongs to, for the board switcher */
  memberOf: { gridId: string | null; groupIds: string[] }
}

export interface PointsLedgerEntry {
  delta: number
  reason: string
  reasonLabel: string
  sourceId: string
  at: number
}

export interface PointsLedgerPage {
  balance: number
  items: PointsLedgerEntry[]
  nextOffset: number | null
}

// ---------------------------------------------------------------------------------------------
// The office (文明办): questions are added, edited and retired here, without a release.

export interface AdminQuestionView {
  id: string
  topic: QuizTopic
  type: QuestionType
  difficulty: Difficulty
  stem: string
  options: string[]
  answer: number[]
  explanation: string
  sectionId: HandbookSectionId
  status: 'active' | 'retired'
  origin: 'bank' | 'office'
  bankVersion: string
  revision: number
  updatedAt: number
}

export interface AdminQuestionPage {
  items: AdminQuestionView[]
  total: number
  nextOffset: number | null
  bankVersion: string
}

const topic = z.enum(QUIZ_TOPICS)
const offset = z.number().int().min(0).max(10_000)
const sectionId = z.enum(HANDBOOK_SECTION_IDS as readonly [HandbookSectionId, ...HandbookSectionId[]])

/**
 * A question as the office writes it: options in bank order and the answer as positions in that
 * list. The refinements say what "exactly one valid answer set" means for each type.
 */
export const questionContent = z
  .object({
    topic,
    type: z.enum(QUESTION_TYPES),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    stem: shortText(200),
    options: z.array(shortText(80)).min(2).max(6),
    answer: z.array(z.number().int().min(0).max(5)).min(1).max(6),
    explanation: shortText(500),
    sectionId,
  })
  .strict()
  .superRefine((q, issues) => {
    const problem = answerSetProblem(q)
    if (problem) issues.addIssue({ code: 'custom', path: [problem.path], message: problem.message })
  })

export type QuestionContent = z.infer<typeof questionContent>

/** Why a question's options and answer do not make exactly one valid answer set, or null. */
export function answerSetProblem(q: {
  type: QuestionType
  options: readonly string[]
  answer: readonly number[]
}): { path: 'options' | 'answer'; message: string } | null {
  const texts = q.options.map((o) => o.trim())
  if (new Set(texts).size !== texts.length) return { path: 'options', message: '选项不能重复' }
  if (q.type === 'true-false' && (texts.length !== 2 || texts[0] !== TRUE_FALSE_OPTIONS[0] || texts[1] !== TRUE_FALSE_OPTIONS[1])) {
    return { path: 'options', message: '判断题的选项固定为“正确”“错误”' }
  }
  if (q.type !== 'true-false' && texts.length < 3) return { path: 'options', message: '选择题至少需要 3 个选项' }
  if (new Set(q.answer).size !== q.answer.length) return { path: 'answer', message: '答案不能重复' }
  if (q.answer.some((a) => a >= texts.length)) return { path: 'answer', message: '答案必须是已有的选项' }
  if (q.type !== 'multiple' && q.answer.length !== 1) return { path: 'answer', message: '单选题和判断题只有一个正确答案' }
  if (q.type === 'multiple' && q.answer.length < 2) return { path: 'answer', message: '多选题至少有两个正确答案' }
  return null
}

export const quizActions = {
  home: returns<QuizHome>()({
    input: noInput,
    roles: ['resident'],
    summary: '答题首页：今日每日一练的状态、专题与题量、错题数、文明积分',
  }),
  start: returns<QuizPaper>()({
    input: z
      .object({
        mode: z.enum(QUIZ_MODES),
        topic: topic.optional(),
        count: z.number().int().min(1).max(20).optional(),
      })
      .strict()
      .refine((v) => v.mode === 'practice' || v.topic === undefined, { message: '只有专题练习可以选择专题', path: ['topic'] })
      .refine((v) => v.mode !== 'daily' || v.count === undefined, { message: '每日一练的题量是固定的', path: ['count'] }),
    roles: ['resident'],
    summary: '开始答题：每日一练（同一天同一套题）、专题练习或错题重练；返回打乱选项的试卷，不含答案',
  }),
  submit: returns<QuizResult>()({
    input: z
      .object({
        attemptId: id,
        /** answers[i]: positions chosen for question i, in the order shown; [] when unanswered */
        answers: z.array(z.array(z.number().int().min(0).max(5)).max(6)).max(20),
      })
      .strict(),
    roles: ['resident'],
    summary: '交卷：服务端计分（每份答卷只计一次），返回每题的作答、正确答案、解析与手册链接',
  }),
  result: returns<QuizResult>()({
    input: z.object({ attemptId: id }).strict(),
    roles: ['resident'],
    summary: '已交答卷的成绩与解析',
  }),
  wrongBook: returns<WrongBookPage>()({
    input: z.object({ offset: offset.optional() }).strict(),
    roles: ['resident'],
    summary: '错题本：答错的题，连续答对两次后移出',
  }),
  leaderboard: returns<Leaderboard>()({
    input: z
      .object({ scope: z.enum(LEADERBOARD_SCOPES), period: z.enum(LEADERBOARD_PERIODS), scopeId: id.optional() })
      .strict(),
    roles: ['resident'],
    summary: '排行榜（本周/总榜；全市、本社区、所在班级等群组）：前 50 名与我的名次',
  }),
  myPoints: returns<PointsLedgerPage>()({
    input: z.object({ offset: offset.optional() }).strict(),
    roles: ['resident'],
    summary: '我的文明积分：余额与每一笔变动（原因、来源）',
  }),
  adminQuestions: returns<AdminQuestionPage>()({
    input: z
      .object({ topic: topic.optional(), status: z.enum(['active', 'retired']).optional(), offset: offset.optional() })
      .strict(),
    roles: ['admin'],
    summary: '文明办：题库列表（含答案），按专题与状态筛选',
  }),
  adminSaveQuestion: returns<AdminQuestionView>()({
    input: z
      .object({ questionId: id.optional(), content: questionContent })
      .strict(),
    roles: ['admin'],
    summary: '文明办：新增或修改题目（无需发版），立即用于之后的出题',
  }),
  adminRetireQuestion: returns<AdminQuestionView>()({
    input: z.object({ questionId: id, retired: z.boolean() }).strict(),
    roles: ['admin'],
    summary: '文明办：下架或恢复题目',
  }),
}

export const QUIZ_ERRORS = {
  'QUIZ.BANK_EMPTY': '题库还在准备中，请稍后再来',
  'QUIZ.DAILY_DONE': '今天的每日一练已经完成，明天再来吧；也可以去专题练习',
  'QUIZ.WRONG_BOOK_EMPTY': '错题本是空的，没有需要重练的题',
  'QUIZ.ATTEMPT_NOT_FOUND': '没有找到这份答卷',
  'QUIZ.NOT_SUBMITTED': '这份答卷还没有交卷',
  'QUIZ.LATE': '答题时间已到，这份答卷不能再提交，请重新开始',
  'QUIZ.TOO_FAST': '交卷太快了，请认真读题后再提交',
  'QUIZ.ANSWERS_INVALID': '答案与试卷不一致，请重新作答',
  'QUIZ.NOT_IN_SCOPE': '你还没有加入这个社区或群组，暂时看不到它的排行榜',
  'QUIZ.QUESTION_NOT_FOUND': '没有找到这道题',
} as const

export type QuizErrorCode = keyof typeof QUIZ_ERRORS
