import { QUIZ_TOPICS, type QuizTopic } from '@/shared/contract/quiz'
import { dayOf, monthOf, weekOf } from '@/shared/calendar/weeks'
import type { Clock, Logger } from '../../platform'
import { DatabaseError, DUPLICATE_KEY, type Database } from '../../platform/database'
import type { StatsGranularity } from './counters'

/**
 * The write side of the dashboard's figures outside 随手拍: volunteers, quiz, handbook and posters.
 * Same scheme as the report counters (counters.ts): every event moves one doc per
 * (area, scope id, period) for its Beijing day, week and month at once, so a view over a range
 * reads whole months and weeks from their own docs and only the left-over days — never the
 * records themselves. Counts are a free-form map so each area names its own counters.
 *
 * Every `record…` function is called from its area's write path after that area's own write and
 * never throws into it: a counter that failed is logged, the volunteer's sign-up or the quiz stands.
 * Each is called where the area already knows the event happened exactly once (a conditional
 * update that succeeded, an add that did not hit a duplicate), so no marks are needed.
 */
export const DASH = { days: 'dash_days', weeks: 'dash_weeks', months: 'dash_months', totals: 'dash_totals' } as const

/**
 * - volunteer (scope `all`): registered, signups (places held when a shift closed), noShows,
 *   minutes (confirmed), confirmed (records)
 * - volunteerTeam (scope team id): the same but registered
 * - quiz (scope topic, and `all`): papers, answered, correct
 * - handbook (scope chapter id): readers (first open by a person), finished (first completion)
 * - poster (scope poster id): scans, people, reports, chapters, quizzes — the poster_days
 *   counters rolled up by week and month
 */
export type DashArea = 'volunteer' | 'volunteerTeam' | 'quiz' | 'handbook' | 'poster'

export interface DashDoc {
  _id: string
  area: DashArea
  scopeId: string
  /** YYYY-MM-DD (day), the Monday YYYY-MM-DD (week) or YYYY-MM (month) */
  period: string
  counts: Record<string, number>
  updatedAt: number
}

/** A running total that no range bounds (registered volunteers). `_id` is `${area}:${scopeId}`. */
export interface DashTotalDoc {
  _id: string
  area: DashArea
  scopeId: string
  counts: Record<string, number>
  updatedAt: number
}

export const DASH_ALL = 'all'

export const dashDocId = (area: DashArea, scopeId: string, period: string) => `${area}:${scopeId}:${period}`

/** What a counter needs: the report path passes its ActionContext, the poster follow-up a bare {db, clock}. */
export interface DashContext {
  db: Database
  clock: Clock
  log?: Logger
}

type Deltas = Record<string, number>

/** A Beijing day string's week and month, read at its noon so no offset can move it to a neighbour. */
function periodsOfDay(day: string): Array<[StatsGranularity, string]> {
  const noon = Date.parse(`${day}T04:00:00Z`)
  return [
    ['days', day],
    ['weeks', weekOf(noon)],
    ['months', monthOf(noon)],
  ]
}

/**
 * Increments one doc's counts, creating it on first touch: increment; if no doc was there, add it
 * with the deltas as its counts; if a concurrent writer added it first, increment after all.
 */
async function bumpDoc(ctx: DashContext, collection: string, id: string, base: Omit<DashDoc, '_id' | 'counts' | 'updatedAt' | 'period'> & { period?: string }, deltas: Deltas): Promise<void> {
  const _ = ctx.db.command
  const now = ctx.clock.now()
  const data: Record<string, unknown> = { updatedAt: now }
  for (const [field, n] of Object.entries(deltas)) data[`counts.${field}`] = _.inc(n)
  const inc = () => ctx.db.collection(collection).where({ _id: id }).update({ data })
  if ((await inc()).stats.updated === 1) return
  try {
    await ctx.db.collection(collection).add({ data: { _id: id, ...base, counts: { ...deltas }, updatedAt: now } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    await inc()
  }
}

/** Day, week and month docs of each scope id, concurrently (each its own doc, one round trip's wait). */
async function bumpDash(ctx: DashContext, area: DashArea, scopeIds: readonly string[], day: string, deltas: Deltas): Promise<void> {
  const moves = Object.fromEntries(Object.entries(deltas).filter(([, n]) => Number.isFinite(n) && n !== 0))
  if (Object.keys(moves).length === 0) return
  const writes: Array<Promise<void>> = []
  for (const scopeId of scopeIds) {
    for (const [granularity, period] of periodsOfDay(day)) {
      writes.push(bumpDoc(ctx, DASH[granularity], dashDocId(area, scopeId, period), { area, scopeId, period }, moves))
    }
  }
  await Promise.all(writes)
}

async function guarded(ctx: DashContext, what: string, subject: string, work: () => Promise<void>): Promise<void> {
  try {
    await work()
  } catch (error) {
    const fields = { subject, error: String(error) }
    if (ctx.log) ctx.log.error(`dash.${what} failed`, fields)
    else console.error(`dash.${what} failed`, fields)
  }
}

// ---- volunteers ----------------------------------------------------------------------------

/**
 * A new volunteer profile (not a correction of an existing one): the day's count and the running
 * total. The total's first touch starts it from a count of the profiles (which includes this
 * one), so volunteers who registered before the counters are in it; two first touches at once
 * may count one person twice, once in the total's lifetime.
 */
export function recordVolunteerRegistered(ctx: DashContext): Promise<void> {
  return guarded(ctx, 'volunteerRegistered', DASH_ALL, async () => {
    const now = ctx.clock.now()
    await bumpDash(ctx, 'volunteer', [DASH_ALL], dayOf(now), { registered: 1 })
    const id = `volunteer:${DASH_ALL}`
    const inc = () => ctx.db.collection(DASH.totals).where({ _id: id }).update({ data: { 'counts.registered': ctx.db.command.inc(1), updatedAt: now } })
    if ((await inc()).stats.updated === 1) return
    const { total } = await ctx.db.collection('volunteer_profiles').count()
    try {
      await ctx.db.collection(DASH.totals).add({ data: { _id: id, area: 'volunteer', scopeId: DASH_ALL, counts: { registered: total }, updatedAt: now } })
    } catch (error) {
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
      await inc()
    }
  })
}

/** What moves a shift's figures. Every volunteer figure is dated by the shift's start (its Beijing day and week). */
interface ShiftRef {
  _id: string
  teamId: string
  startAt: number
}

/**
 * A shift closed (its end + grace passed and the sweep set `closed` — once, by a conditional
 * update): its sign-ups that held a place to the end (attended, absent, or cancelled too late)
 * and its no-shows, counted by the (shiftId, state) index. Counting at the close rather than at
 * each sign-up keeps cancellations, waitlist moves and cancelled shifts out of the rate.
 */
export function recordShiftClosed(ctx: DashContext, shift: ShiftRef, closedNow: boolean): Promise<void> {
  return guarded(ctx, 'shiftClosed', shift._id, async () => {
    if (!closedNow) return
    const _ = ctx.db.command
    const signups = ctx.db.collection('volunteer_signups')
    const held = await signups.where({ shiftId: shift._id, state: _.in(['noShow', 'checkedOut', 'confirmed']) }).count()
    const noShows = await signups.where({ shiftId: shift._id, state: 'noShow' }).count()
    await bumpVolunteer(ctx, shift, { signups: held.total, noShows: noShows.total })
  })
}

function bumpVolunteer(ctx: DashContext, shift: { teamId: string; startAt: number }, deltas: Deltas): Promise<void> {
  return Promise.all([
    bumpDash(ctx, 'volunteer', [DASH_ALL], dayOf(shift.startAt), deltas),
    bumpDash(ctx, 'volunteerTeam', [shift.teamId], dayOf(shift.startAt), deltas),
  ]).then(() => undefined)
}

/** A record's hours confirmed by the organizer (the conditional update that confirmed it succeeded). */
export function recordHoursConfirmed(ctx: DashContext, signup: { _id: string; teamId: string; startAt: number; minutes: number }): Promise<void> {
  return guarded(ctx, 'hoursConfirmed', signup._id, () => bumpVolunteer(ctx, signup, { minutes: signup.minutes, confirmed: 1 }))
}

/**
 * An organizer's adjustment, applied: a confirmed record's hours move by the difference; an absent
 * record credited by hand stops being a no-show — if its shift was already counted at its close
 * (before that, the close will count it as attended).
 */
export function recordMinutesAdjusted(
  ctx: DashContext,
  before: { _id: string; shiftId: string; teamId: string; startAt: number; state: string; minutes: number },
  minutes: number,
): Promise<void> {
  return guarded(ctx, 'minutesAdjusted', before._id, async () => {
    if (before.state === 'confirmed') await bumpVolunteer(ctx, before, { minutes: minutes - before.minutes })
    if (before.state === 'noShow') {
      const { data } = await ctx.db.collection('volunteer_shifts').where({ _id: before.shiftId }).limit(1).get()
      if ((data[0] as { closed?: boolean } | undefined)?.closed) await bumpVolunteer(ctx, before, { noShows: -1 })
    }
  })
}

// ---- quiz ----------------------------------------------------------------------------------

/**
 * A paper submitted and scored (the submit that claimed the attempt): per topic of its questions,
 * one paper, the questions answered and those right; and the paper once under `all`. A daily paper
 * mixes topics, so the topic of each question is read from the bank (one read of the paper's ids).
 * A question left blank is not answered; accuracy is right / answered.
 */
export function recordQuizSubmitted(
  ctx: DashContext,
  attempt: { _id: string; items: ReadonlyArray<{ questionId: string }> },
  answers: ReadonlyArray<readonly number[]>,
  flags: readonly boolean[],
): Promise<void> {
  return guarded(ctx, 'quizSubmitted', attempt._id, async () => {
    const ids = [...new Set(attempt.items.map((i) => i.questionId))].slice(0, 100)
    const { data } = await ctx.db.collection('quiz_questions').where({ _id: ctx.db.command.in(ids) }).limit(100).get()
    const topicOf = new Map((data as unknown as Array<{ _id: string; topic: QuizTopic }>).map((q) => [q._id, q.topic]))
    const byTopic = new Map<string, { answered: number; correct: number }>()
    attempt.items.forEach((item, i) => {
      const topic = topicOf.get(item.questionId)
      if (!topic || !QUIZ_TOPICS.includes(topic)) return
      const t = byTopic.get(topic) ?? { answered: 0, correct: 0 }
      t.answered += (answers[i]?.length ?? 0) > 0 ? 1 : 0
      t.correct += flags[i] ? 1 : 0
      byTopic.set(topic, t)
    })
    const day = dayOf(ctx.clock.now())
    const answered = answers.filter((a) => a.length > 0).length
    const correct = flags.filter(Boolean).length
    await Promise.all([
      bumpDash(ctx, 'quiz', [DASH_ALL], day, { papers: 1, answered, correct }),
      ...[...byTopic].map(([topic, t]) => bumpDash(ctx, 'quiz', [topic], day, { papers: 1, answered: t.answered, correct: t.correct })),
    ])
  })
}

// ---- handbook ------------------------------------------------------------------------------

/** A person's first open of a chapter (their progress doc was created), and whether that already finished it. */
export function recordChapterOpened(ctx: DashContext, chapterId: string, finished: boolean): Promise<void> {
  return guarded(ctx, 'chapterOpened', chapterId, () => bumpDash(ctx, 'handbook', [chapterId], dayOf(ctx.clock.now()), { readers: 1, finished: finished ? 1 : 0 }))
}

/** A person's first completion of a chapter they had opened before. */
export function recordChapterFinished(ctx: DashContext, chapterId: string): Promise<void> {
  return guarded(ctx, 'chapterFinished', chapterId, () => bumpDash(ctx, 'handbook', [chapterId], dayOf(ctx.clock.now()), { finished: 1 }))
}

// ---- posters -------------------------------------------------------------------------------

/**
 * The same moves as a poster's day doc (poster_days), also into week and month docs, so the
 * dashboard reads a range of every poster in a few paged reads instead of one read per poster.
 * `day` is the poster day the move belongs to (a follow-up counts on its scan's day).
 */
export function recordPosterMoves(ctx: DashContext, posterId: string, day: string, deltas: Partial<Record<'scans' | 'people' | 'reports' | 'chapters' | 'quizzes', number>>): Promise<void> {
  return guarded(ctx, 'poster', posterId, () => bumpDash(ctx, 'poster', [posterId], day, deltas as Deltas))
}
