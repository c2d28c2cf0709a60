import { SURVEY_ERRORS, type SurveyErrorCode, type SurveyQuestionSpec, type SurveyState } from '@/shared/contract/survey'
import { fail, type Fail } from '@/shared/errors'

export const S = {
  surveys: 'surveys',
  tokens: 'survey_tokens',
  answers: 'survey_answers',
  texts: 'survey_texts',
  counters: 'survey_counters',
  secrets: 'survey_secrets',
} as const

export const surveyFail = (code: SurveyErrorCode, message: string = SURVEY_ERRORS[code]): Fail => fail(code, message)

export type SurveyStatus = 'draft' | 'published' | 'closed'

export interface SurveyDoc {
  _id: string
  title: string
  intro: string
  questions: SurveyQuestionSpec[]
  templateId: string | null
  /** null: everyone */
  communityIds: string[] | null
  /** the communities that may answer, fixed at publish (every grid then, or the chosen ones); their counters exist */
  scopeIds: string[]
  opensAt: number
  closesAt: number
  minAnswerSeconds: number
  minSample: number
  status: SurveyStatus
  createdBy: string
  createdAt: number
  updatedAt: number
  publishedAt: number | null
  closedAt: number | null
}

/** Whole-survey counters use this in place of a community id. */
export const ALL = '_all'

/**
 * Counters kept on write, one document per (survey, community or ALL, flagged or not): results
 * read these and never the answers. `q[questionId]._n` is how many answered the question;
 * `q[questionId][optionId]` how many chose the option; `t` counts text answers by check outcome.
 */
export interface CounterDoc {
  _id: string
  surveyId: string
  scope: string
  flagged: boolean
  n: number
  age: Record<string, number>
  q: Record<string, Record<string, number>>
  t: Record<string, { passed: number; pending: number; rejected: number }>
}

export const counterId = (surveyId: string, scope: string, flagged: boolean) => `${surveyId}__${scope}__${flagged ? 'f' : 'v'}`

/**
 * A stored answer: what was chosen, where the respondent lives, their age band, the day. No
 * openid, no token, no time finer than the day, and an id drawn at random.
 */
export interface AnswerDoc {
  _id: string
  surveyId: string
  communityId: string
  ageBand: string
  /** YYYY-MM-DD, Asia/Shanghai */
  day: string
  flagged: boolean
  choices: Record<string, string[]>
}

export type TextStatus = 'passed' | 'pending' | 'rejected'

/** A text answer, kept apart from the answer row (nothing links the two) and shown to the office only once passed. */
export interface TextDoc {
  _id: string
  surveyId: string
  questionId: string
  communityId: string
  text: string
  status: TextStatus
  day: string
  flagged: boolean
}

export function stateOf(doc: Pick<SurveyDoc, 'status' | 'opensAt' | 'closesAt'>, now: number): SurveyState {
  if (doc.status === 'draft') return 'draft'
  if (doc.status === 'closed' || now >= doc.closesAt) return 'closed'
  return now < doc.opensAt ? 'scheduled' : 'open'
}

export function shanghaiDate(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)
}
