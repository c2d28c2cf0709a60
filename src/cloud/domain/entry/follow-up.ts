import type { FollowUpKind, PosterCounters } from '@/shared/contract/entry'
import type { Clock } from '../../platform'
import type { Database } from '../../platform/database'
import { findById } from '../../platform/find'
import { recordPosterMoves } from '../stats/dash'
import { posterDayId } from './counters'

/**
 * What people do after scanning a poster, so the office can see which posters work.
 *
 * A scan leaves one attribution per person (`poster_attributions`, `_id` = openid): the poster and
 * day of their latest scan, valid for 24 hours. When the person then submits a report, reads a
 * chapter or takes a quiz, the area calls `recordFollowUp`, which counts it once per scan and kind
 * on that poster's day (and its totals). Scanning the same poster again the same day extends the
 * window without counting the same action twice; another poster or another day starts afresh
 * (the latest poster gets the credit).
 */
export const ATTRIBUTION_WINDOW_MS = 24 * 60 * 60 * 1000

export const FOLLOW_UP_COUNTER: Record<FollowUpKind, keyof PosterCounters> = {
  report: 'reports',
  chapter: 'chapters',
  quiz: 'quizzes',
}

export interface AttributionDoc {
  _id: string
  posterId: string
  day: string
  scannedAt: number
  expiresAt: number
  done: Record<FollowUpKind, boolean>
}

const NOTHING_DONE: Record<FollowUpKind, boolean> = { report: false, chapter: false, quiz: false }

/** Called by the scan: this person's next actions count for this poster and day. */
export async function rememberScan(db: Database, openid: string, posterId: string, day: string, now: number): Promise<void> {
  const existing = await findById<AttributionDoc>(db, 'poster_attributions', openid)
  const expiresAt = now + ATTRIBUTION_WINDOW_MS
  if (existing && existing.posterId === posterId && existing.day === day) {
    await db.collection('poster_attributions').doc(openid).update({ data: { expiresAt } })
    return
  }
  await db.collection('poster_attributions').doc(openid).set({
    data: { posterId, day, scannedAt: now, expiresAt, done: { ...NOTHING_DONE } },
  })
}

/**
 * Counts `kind` for the poster this person scanned in the last 24 hours, once per scan. Returns
 * whether it counted. Safe to call on every such action: without a recent scan it is one key read.
 *
 * Callers: handbook (chapter read, here), report submit (`'report'`), quiz submit (`'quiz'`).
 */
export async function recordFollowUp(ctx: { db: Database; clock: Clock }, openid: string, kind: FollowUpKind): Promise<boolean> {
  const attribution = await findById<AttributionDoc>(ctx.db, 'poster_attributions', openid)
  if (!attribution || ctx.clock.now() > attribution.expiresAt || attribution.done[kind]) return false
  const _ = ctx.db.command
  // the flag flips once: of two concurrent calls, only one sees `updated: 1` and counts
  const { stats } = await ctx.db
    .collection('poster_attributions')
    .where({ _id: openid, posterId: attribution.posterId, day: attribution.day, [`done.${kind}`]: false })
    .update({ data: { [`done.${kind}`]: true } })
  if (stats.updated !== 1) return false
  const counter = FOLLOW_UP_COUNTER[kind]
  await ctx.db
    .collection('poster_days')
    .doc(posterDayId(attribution.posterId, attribution.day))
    .update({ data: { [counter]: _.inc(1) } })
  await recordPosterMoves(ctx, attribution.posterId, attribution.day, { [counter]: 1 })
  await ctx.db
    .collection('posters')
    .doc(attribution.posterId)
    .update({ data: { [`totals.${counter}`]: _.inc(1) } })
  return true
}
