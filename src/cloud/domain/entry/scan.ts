import type { ScanView } from '@/shared/contract/entry'
import type { Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY, type Database } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { recordPosterMoves } from '../stats/dash'
import { incrementDay } from './counters'
import { shanghaiDay } from './day'
import { rememberScan } from './follow-up'
import { entryFail, targetUrl, type PosterDoc } from './posters'

/** Creates a marker document; false when it already existed (this person was already counted). */
async function firstTime(db: Database, collection: string, id: string, data: Record<string, unknown>): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: { _id: id, ...data } })
    return true
  } catch (error) {
    if (error instanceof DatabaseError && error.code === DUPLICATE_KEY) return false
    throw error
  }
}

/**
 * A scan of a poster's 小程序码: counts it (every scan, anonymously) and the person (once per day
 * and once ever, by a marker document with a deterministic id), remembers the poster for the
 * person's next 24 hours of actions, and says where to go. Unknown and retired posters are
 * expected failures with a gentle message; they count nothing.
 */
export async function scanPoster(input: { posterId: string }, ctx: ActionContext): Promise<ScanView | Fail> {
  const poster = await findById<PosterDoc>(ctx.db, 'posters', input.posterId)
  if (!poster) return entryFail('ENTRY.POSTER_UNKNOWN')
  if (poster.status !== 'active') return entryFail('ENTRY.POSTER_RETIRED')

  const { openid } = ctx.caller
  const now = ctx.clock.now()
  const day = shanghaiDay(now)
  const firstToday = await firstTime(ctx.db, 'poster_day_people', `${poster._id}_${day}_${openid}`, {
    posterId: poster._id,
    day,
    openid,
    at: now,
  })
  const firstEver = await firstTime(ctx.db, 'poster_people', `${poster._id}_${openid}`, { posterId: poster._id, openid, at: now })

  await incrementDay(ctx.db, poster._id, day, { scans: 1, people: firstToday ? 1 : 0 })
  await recordPosterMoves(ctx, poster._id, day, { scans: 1, people: firstToday ? 1 : 0 })
  const _ = ctx.db.command
  await ctx.db
    .collection('posters')
    .doc(poster._id)
    .update({ data: { 'totals.scans': _.inc(1), 'totals.people': _.inc(firstEver ? 1 : 0) } })
  await rememberScan(ctx.db, openid, poster._id, day, now)

  return { posterId: poster._id, title: poster.title, target: poster.target, url: targetUrl(poster), firstToday }
}
