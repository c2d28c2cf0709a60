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
 * with an atomic conditional increment when points are awarded. Reading a board is one indexed
 * page plus, for my rank, indexed counts of who is ahead — its cost never depends on how many
 * quizzes were ever taken.
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

/**
 * Adds `delta` to the person's counter on each board, once per `sourceId`: the increment only
 * applies where the counter has not already seen this source, so a retried award is not counted
 * twice. `reachedAt` moves with the score, which is what breaks ties.
 */
export async function addToBoards(
  ctx: ActionContext,
  award: { openid: string; delta: number; sourceId: string; memberships: Memberships },
): Promise<void> {
  const now = ctx.clock.now()
  const _ = ctx.db.command
  const scores = ctx.db.collection('quiz_scores')
  for (const board of boardsFor(award.memberships, now)) {
    const id = scoreDocId(board, award.openid)
    const bump = () =>
      scores
        .where({ _id: id, lastSourceId: _.neq(award.sourceId) })
        .update({ data: { score: _.inc(award.delta), reachedAt: now, lastSourceId: award.sourceId } })
    if ((await bump()).stats.updated === 1) continue
    try {
      await scores.add({
        data: { _id: id, board, openid: award.openid, score: award.delta, reachedAt: now, lastSourceId: award.sourceId },
      })
    } catch (error) {
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
      // it exists: either it already counted this source (nothing to do) or it was just created
      await bump()
    }
  }
}

const notInScope = (): Fail => fail('QUIZ.NOT_IN_SCOPE', QUIZ_ERRORS['QUIZ.NOT_IN_SCOPE'])

/**
 * Which board the caller may read. A person sees the city, their own community and their own
 * groups; the office sees any; a grid worker their grid, a teacher their class.
 */
function resolveScope(
  input: { scope: LeaderboardScope; scopeId?: string },
  memberships: Memberships,
  ctx: ActionContext,
): string | null | Fail {
  if (input.scope === 'city') return null
  if (input.scope === 'grid') {
    const gridId = input.scopeId ?? memberships.gridId
    if (!gridId) return notInScope()
    const allowed = gridId === memberships.gridId || ctx.isAdmin || hasRole(ctx.grants, 'grid', gridId)
    return allowed ? gridId : notInScope()
  }
  const groupId = input.scopeId ?? memberships.groupIds[0]
  if (!groupId) return notInScope()
  const allowed = memberships.groupIds.includes(groupId) || ctx.isAdmin || hasRole(ctx.grants, 'teacher', groupId)
  return allowed ? groupId : notInScope()
}

/**
 * How many are ahead of a counter: a higher score, or the same score reached earlier (or, at the
 * same instant, a smaller id — the page's last sort key). Three indexed counts on the board.
 */
export async function countAhead(ctx: ActionContext, mine: ScoreDoc): Promise<number> {
  const _ = ctx.db.command
  const scores = ctx.db.collection('quiz_scores')
  const [higher, earlier, sameInstant] = await Promise.all([
    scores.where({ board: mine.board, score: _.gt(mine.score) }).count(),
    scores.where({ board: mine.board, score: mine.score, reachedAt: _.lt(mine.reachedAt) }).count(),
    scores.where({ board: mine.board, score: mine.score, reachedAt: mine.reachedAt, _id: _.lt(mine._id) }).count(),
  ])
  return higher.total + earlier.total + sameInstant.total
}

export async function getLeaderboard(
  input: { scope: LeaderboardScope; period: LeaderboardPeriod; scopeId?: string },
  ctx: ActionContext,
): Promise<Leaderboard | Fail> {
  const user = await ensureUser(ctx)
  const memberships = membershipsOf(user)
  const scopeId = resolveScope(input, memberships, ctx)
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
