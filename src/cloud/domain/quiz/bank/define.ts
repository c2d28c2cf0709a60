import { TRUE_FALSE_OPTIONS, type Difficulty, type QuestionType, type QuizTopic } from '@/shared/contract/quiz'
import type { HandbookSectionId } from '@/shared/handbook/ids'

/**
 * How a question is written in the bank files: one topic per file, true/false questions answered
 * with a boolean, choice questions with the position (or positions) of the right options as
 * listed. `toBankQuestion` turns a draft into the stored shape the schema checks.
 */
interface DraftBase {
  /** stable forever: attempts, wrong-answer books and office edits refer to it */
  id: string
  difficulty: Difficulty
  stem: string
  /** plain Chinese: why the answer is right, with the rule or fact behind it */
  explanation: string
  section: HandbookSectionId
}

export type QuestionDraft =
  | (DraftBase & { type: 'single'; options: string[]; answer: number })
  | (DraftBase & { type: 'multiple'; options: string[]; answer: number[] })
  | (DraftBase & { type: 'true-false'; answer: boolean })

/** A question as stored and validated: options in bank order, the answer as positions in them. */
export interface BankQuestion {
  id: string
  topic: QuizTopic
  type: QuestionType
  difficulty: Difficulty
  stem: string
  options: string[]
  answer: number[]
  explanation: string
  sectionId: HandbookSectionId
}

export function toBankQuestion(topic: QuizTopic, draft: QuestionDraft): BankQuestion {
  const base = {
    id: draft.id,
    topic,
    type: draft.type,
    difficulty: draft.difficulty,
    stem: draft.stem,
    explanation: draft.explanation,
    sectionId: draft.section,
  }
  switch (draft.type) {
    case 'true-false':
      return { ...base, options: [...TRUE_FALSE_OPTIONS], answer: [draft.answer ? 0 : 1] }
    case 'single':
      return { ...base, options: draft.options, answer: [draft.answer] }
    case 'multiple':
      return { ...base, options: draft.options, answer: [...draft.answer].sort((a, b) => a - b) }
  }
}

export function topicBank(topic: QuizTopic, drafts: readonly QuestionDraft[]): BankQuestion[] {
  return drafts.map((d) => toBankQuestion(topic, d))
}
