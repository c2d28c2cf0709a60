import { createHash, randomInt } from 'node:crypto'
import { FAMILY_ERRORS, type FamilyErrorCode, type FamilyTaskSpec } from '@/shared/contract/family'
import { fail, type Fail } from '@/shared/errors'

/** The collections of 小手拉大手 (declared in platform/collections.ts). */
export const F = {
  schools: 'family_schools',
  classes: 'family_classes',
  codes: 'family_join_codes',
  families: 'family_families',
  consents: 'family_consents',
  plans: 'family_plans',
  completions: 'family_completions',
  familyWeeks: 'family_weeks',
  classWeeks: 'family_class_weeks',
  cityWeeks: 'family_city_weeks',
  totals: 'family_totals',
} as const

export const familyFail = (code: FamilyErrorCode): Fail => fail(code, FAMILY_ERRORS[code])

/** Figures kept on write on a school, on the city's totals and (but `schools`) on a class. */
export interface Counters {
  classes: number
  /** families that ever joined and did not leave (archived classes keep theirs: they took part) */
  families: number
  /** children currently listed; an archived class's list is deleted, so it counts none */
  children: number
  /** families that returned the 回执 (a returned letter stays returned) */
  receipts: number
}

export interface SchoolDoc extends Counters {
  _id: string
  name: string
  district: string
  createdBy: string
  createdAt: number
}

export interface ClassDoc {
  _id: string
  schoolId: string
  schoolName: string
  grade: number
  name: string
  size: number
  termEndsAt: number
  /** the Monday of the week the class was created: week 1 of its plan */
  startWeek: string
  teacherOpenid: string
  teacherName: string | null
  /** the code families type or scan; null once archived (the code document stays, marked archived) */
  joinCode: string | null
  status: 'active' | 'archived'
  codeFileID: string | null
  families: number
  children: number
  receipts: number
  /** every family quiz task scores once: the class average is quizSum / quizCount */
  quizSum: number
  quizCount: number
  /** the week the teacher last reminded, so a second reminder that week is refused atomically */
  remindedWeek: string | null
  remindedAt: number | null
  createdAt: number
  archivedAt: number | null
}

/** `family_join_codes`: _id is the code; kept after archiving so an old code says so, never reused. */
export interface JoinCodeDoc {
  _id: string
  classId: string
  archived: boolean
}

/** A child is a nickname and a grade, and exists only inside its family's record. */
export interface ChildDoc {
  id: string
  nickname: string
  grade: number
  addedAt: number
}

export interface BadgeDoc {
  id: string
  at: number
}

export interface PledgeDoc {
  items: number[]
  version: string
  signedAt: number
  signedBy: string
}

export interface FamilyDoc {
  _id: string
  classId: string
  schoolId: string
  parentOpenid: string
  /** the guardian's consent to the notice; its record in `family_consents` is written first */
  consent: { version: string; at: number }
  children: ChildDoc[]
  /** left: the parent removed the last child; archived: the class ended its term */
  status: 'active' | 'left' | 'archived'
  receipt: boolean
  /** consecutive done weeks ending with `lastDoneWeek` */
  streak: number
  weeksDone: number
  lastDoneWeek: string | null
  badges: BadgeDoc[]
  pledge: PledgeDoc | null
  joinedAt: number
  leftAt: number | null
  updatedAt: number
}

export interface PlanDoc {
  _id: string
  classId: string
  week: string
  tasks: FamilyTaskSpec[]
  updatedAt: number
}

export interface CompletionDoc {
  _id: string
  familyId: string
  classId: string
  week: string
  taskId: string
  kind: FamilyTaskSpec['kind']
  evidence: string
  /** quiz tasks: the score (0–100) that went into the class average */
  score: number | null
  at: number
}

/** One family's progress in one week: created by its first completion of the week. */
export interface FamilyWeekDoc {
  _id: string
  familyId: string
  classId: string
  week: string
  completions: number
  done: boolean
}

export interface WeekCounters {
  /** families with at least one completion in the week */
  families: number
  familiesDone: number
  completions: number
}

export const EMPTY_COUNTERS: Counters = { classes: 0, families: 0, children: 0, receipts: 0 }
export const EMPTY_WEEK: WeekCounters = { families: 0, familiesDone: 0, completions: 0 }
export const CITY_TOTALS_ID = 'city'

/** Derived ids: a family per (class, parent); the parent's openid never appears in an id. */
export const familyIdOf = (classId: string, openid: string) =>
  `f${createHash('sha256').update(`${classId}\n${openid}`).digest('hex').slice(0, 24)}`
export const completionId = (familyId: string, week: string, taskId: string) => `${familyId}__${week}__${taskId}`
export const familyWeekId = (familyId: string, week: string) => `${familyId}__${week}`
export const classWeekId = (classId: string, week: string) => `${classId}__${week}`
export const planId = (classId: string, week: string) => `${classId}__${week}`

/** Letters and digits nobody confuses when reading a printed notice aloud: no 0/O, 1/I/L, U/V. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789'
export const JOIN_CODE_LENGTH = 6

export function newJoinCode(length = JOIN_CODE_LENGTH): string {
  let code = ''
  for (let i = 0; i < length; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]
  return code
}

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'
export function randomId(prefix: string, length = 10): string {
  let id = prefix
  for (let i = 0; i < length; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)]
  return id
}

// ---- weeks ----------------------------------------------------------------------------------
// one definition for every area that counts by Beijing week (src/shared/calendar/weeks.ts)
export { DAY_MS, WEEK_MS, addWeeks, isMonday, weekOf, weekStartMs } from '@/shared/calendar/weeks'
import { addWeeks, weekOf } from '@/shared/calendar/weeks'

/** The weeks of a class's term, first to last. */
export function termWeeks(cls: Pick<ClassDoc, 'startWeek' | 'termEndsAt'>): string[] {
  const last = weekOf(cls.termEndsAt)
  const weeks: string[] = []
  for (let w = cls.startWeek; w <= last && weeks.length < 60; w = addWeeks(w, 1)) weeks.push(w)
  return weeks
}

/** 3月2日 for a week's Monday. */
export function mondayLabel(week: string): string {
  const d = new Date(`${week}T00:00:00Z`)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}
