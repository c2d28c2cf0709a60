import { CAMPAIGN_QUESTIONS } from './campaign'
import { CIVIC_PACT_QUESTIONS } from './civic-pact'
import type { BankQuestion } from './define'
import { DINING_QUESTIONS } from './dining'
import { DOGS_QUESTIONS } from './dogs'
import { FAMILY_QUESTIONS } from './family'
import { ONLINE_QUESTIONS } from './online'
import { PUBLIC_ETIQUETTE_QUESTIONS } from './public-etiquette'
import { TRAFFIC_QUESTIONS } from './traffic'
import { TRAVEL_QUESTIONS } from './travel'
import { VOLUNTEER_QUESTIONS } from './volunteer'
import { WASTE_QUESTIONS } from './waste'

/**
 * The question bank shipped with the code: server-side only (it holds the answers, so it must
 * never be imported by the client). `seedQuiz` writes it to `quiz_questions` when this version
 * differs from the one in the database; bump the version whenever a file here changes.
 * Questions the office has edited keep the office's text.
 */
export const BANK_VERSION = '2026.11.1'

export const QUIZ_BANK: readonly BankQuestion[] = [
  ...CIVIC_PACT_QUESTIONS,
  ...TRAFFIC_QUESTIONS,
  ...WASTE_QUESTIONS,
  ...DOGS_QUESTIONS,
  ...PUBLIC_ETIQUETTE_QUESTIONS,
  ...TRAVEL_QUESTIONS,
  ...DINING_QUESTIONS,
  ...ONLINE_QUESTIONS,
  ...VOLUNTEER_QUESTIONS,
  ...CAMPAIGN_QUESTIONS,
  ...FAMILY_QUESTIONS,
]

export type { BankQuestion } from './define'
