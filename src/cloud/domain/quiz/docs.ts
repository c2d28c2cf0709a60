import type { Difficulty, PointsOutcome, QuestionType, QuizMode, QuizTopic } from '@/shared/contract/quiz'
import type { HandbookSectionId } from '@/shared/handbook/ids'

/** Stored shapes of the quiz collections. Only the server reads them; views are built from them. */

/** `quiz_questions`: the bank as the office sees it. `_id` is the bank id or `office-…`. */
export interface QuestionDoc {
  _id: string
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
  /** the bank version that last wrote it (office questions: the version current when added) */
  bankVersion: string
  /** +1 on every change of content */
  revision: number
  /** once the office edits a bank question, later bank versions leave its content alone */
  editedByOffice: boolean
  createdAt: number
  updatedAt: number
}

/** `quiz_meta/active`: the active question ids by topic, rebuilt on every bank change, read by every start. */
export interface ActiveIndexDoc {
  _id: 'active'
  byTopic: Partial<Record<QuizTopic, string[]>>
  total: number
  bankVersion: string
  updatedAt: number
}

export interface AttemptItem {
  questionId: string
  type: QuestionType
  /** display position → bank position */
  order: number[]
  /** bank positions of the answer, as it was when the paper was drawn */
  answer: number[]
}

/** `quiz_attempts`: a paper as issued, and once submitted, how it was scored. */
export interface AttemptDoc {
  _id: string
  openid: string
  mode: QuizMode
  topic: QuizTopic | null
  /** Asia/Shanghai day the paper was issued */
  day: string
  /** 每日一练 only: 1 for the day's first paper, 2 after the first ran out of time… */
  attemptNo: number
  items: AttemptItem[]
  startedAt: number
  deadlineAt: number
  status: 'started' | 'submitted'
  submittedAt?: number
  /** per question, display positions chosen */
  chosen?: number[][]
  flags?: boolean[]
  correct?: number
  pointsAwarded?: number
  points?: PointsOutcome
  /** wrong-answer book, points and leaderboards are done; a repeated submit finishes them if not */
  effectsDone?: boolean
}

/** `quiz_wrong`: `${openid}:${questionId}`. */
export interface WrongDoc {
  _id: string
  openid: string
  questionId: string
  wrongCount: number
  correctStreak: number
  lastWrongAt: number
  updatedAt: number
}

/** `quiz_scores`: one counter per (board, person), `${board}#${openid}`. */
export interface ScoreDoc {
  _id: string
  board: string
  openid: string
  score: number
  /** when the score reached its current value: earlier ranks higher among equal scores */
  reachedAt: number
  /** the last award applied: the same award twice is counted once */
  lastSourceId: string
}
