import { QUIZ_ERRORS, type Leaderboard, type LeaderboardPeriod, type LeaderboardScope } from '@/shared/contract/quiz'
import { fail, type Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import { ensureUser, type UserDoc } from '../user/profile'
import type { ScoreDoc } from './docs'
import { LEADERBOARD_TOP, shanghaiWeekStart, weekLabel } from './rules'

/**
 * Leaderboards are counters kept on write: one `quiz_scores` document per (board, person), moved
 * atomically when points are awarded, and per board one `quiz_score_buckets` document per score
 * (how many members hold it). Reading a board is one indexed page plus, for my rank, the buckets
 * above my score and an indexed count among equal scores — its cost never depends on how many
 * quizzes were ever taken, nor (beyond ties) on how many people are on the board.
 *
 * A board is a scope and a period: `city|all`, `city|w2026-11-23`, `grid:<gridId>|all`,
 * `group:<groupId>|w…`. The groups a person is on are read from their profile (`users`):
 * `gridId` (their community) and `groupIds` (e.g. school classes, set by the area that owns them).
 */
export interface Memberships {
  gridId: string | null
  groupIds: string[]
}

/** At most this many groups of a person count, so one award is a bounded number of writes. */
const MAX_GROUPS = 10

export function membershipsOf(user: UserDoc): Memberships {
  const raw = user as UserDoc & { gridId?: unknown; groupIds?: unknown }
  const gridId = typeof raw.gridId === 'string' && raw.gridId ? raw.gridId : null
  const groupIds = Array.isArray(raw.groupIds)
    ? raw.groupIds.filter((g): g is string => typeof g === 'string' && g.length > 0).slice(0, MAX_GROUPS)
    : []
  return { gridId, groupIds }
}

export function boardKey(scope: LeaderboardScope, scopeId: string | null, period: LeaderboardPeriod, now: number): string {
  const who = scope === 'city' ? 'city' : `${scope}:${scopeId}`
  return `${who}|${period === 'all' ? 'all' : `w${shanghaiWeekStart(now)}`}`
}

export const scoreDocId = (board: string, openid: string) => `${board}#${openid}`

/** Every board an award at `now` counts on for a person with these memberships. */
export function boardsFor(memberships: Memberships, now: number): string[] {
  const scopes: Array<[LeaderboardScope, string | null]> = [['city', null]]
  if (memberships.gridId) scopes.push(['grid', memberships.gridId])
  for (const g of memberships.groupIds) scopes.push(['group', g])
  return scopes.flatMap(([scope, id]) => [boardKey(scope, id, 'all', now), boardKey(scope, id, 'week', now)])
}

export const bucketDocId = (board: string, score: number) => `${board}@${score}`

/** Moves the number of members holding `score` on `board` by `by` (creating the bucket on first use). */
async function moveBucket(ctx: ActionContext, board: string, score: number, by: number): Promise<void> {
  const _ = ctx.db.command
  const id = bucketDocId(board, score)
  const buckets = ctx.db.collection('quiz_score_buckets')
  const bump = () => buckets.where({ _id: id }).update({ data: { members: _.inc(by) } })
  if ((await bump()).stats.updated === 1) return
  try {
    await buckets.add({ data: { _id: id, board, score, members: by } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    await bump()
  }
}

/** Concurrent awards to one counter are rare (one 每日一练 a day); each round of retries lets one through. */
const MAX_COUNTER_RETRIES = 25

/**
 * Adds `delta` to the person's counter on each board, once per `sourceId`, and keeps the board's
 * score buckets (how many members hold each score) in step, so "how many are ahead of me" is a
 * sum over the few buckets above my score rather than a count over everyone.
 *
 * The counter moves by compare-and-set on (score, lastSourceId): the update applies only if the
 * counter is still what was read, so the old and new scores are known exactly for the buckets,
 * and a retried award (same source) is not counted twice. `reachedAt` moves with the score:
 * it breaks ties.
 */
export async function addToBoards(
  ctx: ActionContext,
  award: { openid: string; delta: number; sourceId: string; memberships: Memberships },
): Promise<void> {
  const now = ctx.clock.now()
  const scores = ctx.db.collection('quiz_scores')
  for (const board of boardsFor(award.memberships, now)) {
    const id = scoreDocId(board, award.openid)
    for (let attempt = 0; ; attempt++) {
      // the result is not lost: the attempt stays unfinished and a repeated submit completes it
      if (attempt === MAX_COUNTER_RETRIES) throw new Error('addToBoards: the counter kept changing under us')
      const current = await findById<ScoreDoc>(ctx.db, 'quiz_scores', id)
      if (current?.lastSourceId === award.sourceId) break
      if (!current) {
        try {
          await scores.add({
            data: { _id: id, board, openid: award.openid, score: award.delta, reachedAt: now, lastSourceId: award.sourceId },
          })
        } catch (error) {
          if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
          continue
        }
        await moveBucket(ctx, board, award.delta, 1)
        break
      }
      const next = current.score + award.delta
      const { stats } = await scores
        .where({ _id: id, score: current.score, lastSourceId: current.lastSourceId })
        .update({ data: { score: next, reachedAt: now, lastSourceId: award.sourceId } })
      if (stats.updated !== 1) continue
      await moveBucket(ctx, board, current.score, -1)
      await moveBucket(ctx, board, next, 1)
      break
    }
  }
}

const notInScope = (): Fail => fail('QUIZ.NOT_IN_SCOPE', QUIZ_ERRORS['QUIZ.NOT_IN_SCOPE'])

/**
 * Which board the caller may read. A person sees the city, their own community and their own
 * groups; the office sees any; a grid worker their grid; a teacher a class they teach — the class
 * record names its teacher, and the teacher grant is scoped to the class's school.
 */
async function resolveScope(
  input: { scope: LeaderboardScope; scopeId?: string },
  memberships: Memberships,
  ctx: ActionContext,
): Promise<string | null | Fail> {
  if (input.scope === 'city') return null
  if (input.scope === 'grid') {
    const gridId = input.scopeId ?? memberships.gridId
    if (!gridId) return notInScope()
    const allowed = gridId === memberships.gridId || ctx.isAdmin || hasRole(ctx.grants, 'grid', gridId)
    return allowed ? gridId : notInScope()
  }
  const groupId = input.scopeId ?? memberships.groupIds[0]
  if (!groupId) return notInScope()
  if (memberships.groupIds.includes(groupId) || ctx.isAdmin) return groupId
  return (await teachesClass(ctx, groupId)) ? groupId : notInScope()
}

async function teachesClass(ctx: ActionContext, classId: string): Promise<boolean> {
  if (!ctx.grants.some((g) => g.role === 'teacher')) return false
  const cls = await findById<{ _id: string; teacherOpenid?: string; schoolId?: string }>(ctx.db, 'family_classes', classId)
  return !!cls?.schoolId && cls.teacherOpenid === ctx.caller.openid && hasRole(ctx.grants, 'teacher', cls.schoolId)
}

/** Buckets above a score are few (one per distinct score); this bounds the pages read. */
const MAX_BUCKET_PAGES = 50

/**
 * How many are ahead of a counter: everyone with a higher score (the sum of the buckets above
 * mine), plus those with the same score who reached it earlier (or, at the same instant, with a
 * smaller id — the page's last sort key), counted on the board's index.
 */
export async function countAhead(ctx: ActionContext, mine: ScoreDoc): Promise<number> {
  const _ = ctx.db.command
  const scores = ctx.db.collection('quiz_scores')
  const higherBuckets = async (): Promise<number> => {
    let sum = 0
    for (let page = 0; page < MAX_BUCKET_PAGES; page++) {
      const { data } = await ctx.db
        .collection('quiz_score_buckets')
        .where({ board: mine.board, score: _.gt(mine.score) })
        .orderBy('score', 'desc')
        .skip(page * 100)
        .limit(100)
        .field({ members: true })
        .get()
      for (const b of data) sum += Math.max(0, Number(b.members) || 0)
      if (data.length < 100) break
    }
    return sum
  }
  const [higher, earlier, sameInstant] = await Promise.all([
    higherBuckets(),
    scores.where({ board: mine.board, score: mine.score, reachedAt: _.lt(mine.reachedAt) }).count(),
    scores.where({ board: mine.board, score: mine.score, reachedAt: mine.reachedAt, _id: _.lt(mine._id) }).count(),
  ])
  return higher + earlier.total + sameInstant.total
}

export async function getLeaderboard(
  input: { scope: LeaderboardScope; period: LeaderboardPeriod; scopeId?: string },
  ctx: ActionContext,
): Promise<Leaderboard | Fail> {
  const user = await ensureUser(ctx)
  const memberships = membershipsOf(user)
  const scopeId = await resolveScope(input, memberships, ctx)
  if (scopeId !== null && typeof scopeId !== 'string') return scopeId
  const now = ctx.clock.now()
  const board = boardKey(input.scope, scopeId, input.period, now)
  const _ = ctx.db.command

  const [{ data }, mine] = await Promise.all([
    ctx.db
      .collection('quiz_scores')
      .where({ board })
      .orderBy('score', 'desc')
      .orderBy('reachedAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(LEADERBOARD_TOP)
      .get(),
    findById<ScoreDoc>(ctx.db, 'quiz_scores', scoreDocId(board, ctx.caller.openid)),
  ])
  const top = data as unknown as ScoreDoc[]
  const nicknames = new Map<string, string>()
  if (top.length > 0) {
    const { data: people } = await ctx.db
      .collection('users')
      .where({ _id: _.in(top.map((s) => s.openid)) })
      .field({ nickname: true })
      .limit(LEADERBOARD_TOP)
      .get()
    for (const p of people as unknown as Array<Pick<UserDoc, '_id' | 'nickname'>>) nicknames.set(p._id, p.nickname)
  }
  const myIndex = top.findIndex((s) => s.openid === ctx.caller.openid)
  const myRank = mine ? (myIndex >= 0 ? myIndex + 1 : (await countAhead(ctx, mine)) + 1) : null

  return {
    scope: input.scope,
    period: input.period,
    scopeId,
    periodLabel: input.period === 'all' ? '总榜' : weekLabel(shanghaiWeekStart(now)),
    entries: top.map((s, i) => ({
      rank: i + 1,
      nickname: nicknames.get(s.openid) ?? '文明市民',
      score: s.score,
      isMe: s.openid === ctx.caller.openid,
    })),
    me: mine && myRank !== null ? { rank: myRank, score: mine.score } : null,
    memberOf: memberships,
  }
}
