import type { PosterCounters } from '@/shared/contract/entry'
import { DatabaseError, DUPLICATE_KEY, type Database } from '../../platform/database'

/**
 * Poster counters are kept on write, never counted by scanning: `poster_days` holds one document
 * per (poster, Shanghai day) and the poster document its totals; every change is an atomic `_.inc`.
 */
export const EMPTY_COUNTERS: PosterCounters = { scans: 0, people: 0, reports: 0, chapters: 0, quizzes: 0 }

/** Poster ids are alphanumeric and days YYYY-MM-DD, so `_` cannot make two keys collide. */
export const posterDayId = (posterId: string, day: string) => `${posterId}_${day}`

/** Adds to a poster's day, creating the day's document on its first scan (race-safe). */
export async function incrementDay(db: Database, posterId: string, day: string, changes: Partial<PosterCounters>): Promise<void> {
  const _ = db.command
  const id = posterDayId(posterId, day)
  const data = Object.fromEntries(Object.entries(changes).map(([field, by]) => [field, _.inc(by ?? 0)]))
  const { stats } = await db.collection('poster_days').where({ _id: id }).update({ data })
  if (stats.updated === 1) return
  try {
    await db.collection('poster_days').add({ data: { _id: id, posterId, day, ...EMPTY_COUNTERS, ...changes } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    // someone else created it between our update and add: add to theirs
    await db.collection('poster_days').where({ _id: id }).update({ data })
  }
}
