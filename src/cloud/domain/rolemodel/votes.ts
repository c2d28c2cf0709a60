import crypto from 'node:crypto'
import type { AnomalyFlag, AnomalyView, VoidView, VoteResultView } from '@/shared/contract'
import { NIGHT_HOURS, ROUND_DEFAULTS } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import type { Platform } from '../../platform'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { ensureUser } from '../user/profile'
import {
  C,
  candidateDocId,
  DAY_MS,
  isDuplicate,
  readAll,
  rmFail,
  roundStatusAt,
  shanghaiDay,
  shanghaiHour,
  voteHourId,
  voterToken,
  voteSecret,
  type BallotDoc,
  type CandidateDoc,
  type RoundDoc,
  type VoidDoc,
  type VoteHourDoc,
} from './model'
import { roundCandidates } from './rounds'

/** Thrown inside the vote's transaction when the (person, candidate, day) key exists: nothing is written. */
class AlreadyVoted extends Error {}

/**
 * Takes one of the caller's votes for the day, atomically: a conditional increment below the
 * round's limit on the (person, round, day) counter, creating it on first use. False when the
 * day's votes are used up. Counted before the vote is stored, never after.
 */
async function takeDailyVote(ctx: ActionContext, dayId: string, limit: number): Promise<boolean> {
  const _ = ctx.db.command
  const days = ctx.db.collection(C.voteDays)
  for (let attempt = 0; attempt < 3; attempt++) {
    const { stats } = await days.where({ _id: dayId, n: _.lt(limit) }).update({ data: { n: _.inc(1) } })
    if (stats.updated === 1) return true
    if (await findById(ctx.db, C.voteDays, dayId)) return false
    try {
      await days.add({ data: { _id: dayId, n: 1 } })
      return true
    } catch (error) {
      // another of this person's votes created the counter first: increment it instead
      if (!isDuplicate(error)) throw error
    }
  }
  return false
}

async function giveBackDailyVote(ctx: ActionContext, dayId: string): Promise<void> {
  const _ = ctx.db.command
  await ctx.db.collection(C.voteDays).where({ _id: dayId, n: _.gt(0) }).update({ data: { n: _.inc(-1) } })
}

/**
 * One vote. The rules are the server's: the (person, candidate, day) key is unique, so a second
 * vote for the same candidate the same day cannot be stored however many arrive at once; the
 * per-(person, day) counter is taken by a conditional update before anything is stored. Neither
 * key holds the openid: both are one-way tokens under the server secret, and the ballot itself
 * says only which candidate, which hour, and whether the account was new.
 */
export async function vote(input: { roundId: string; candidateId: string }, ctx: ActionContext): Promise<VoteResultView | Fail> {
  const round = await findById<RoundDoc>(ctx.db, C.rounds, input.roundId)
  if (!round) return rmFail('ROLEMODEL.ROUND_NOT_FOUND')
  const now = ctx.clock.now()
  if (roundStatusAt(round, now) !== 'open') return rmFail('ROLEMODEL.ROUND_NOT_OPEN')
  if (!round.candidateIds.includes(input.candidateId)) return rmFail('ROLEMODEL.CANDIDATE_NOT_FOUND')

  const openid = ctx.caller.openid
  const day = shanghaiDay(now)
  const hour = shanghaiHour(now)
  const secret = await voteSecret(ctx)
  const keyId = voterToken(secret, openid, 'vote', round._id, input.candidateId, day)
  const dayId = voterToken(secret, openid, 'day', round._id, day)
  // the common repeat answers without touching the day's counter
  if (await findById(ctx.db, C.voteKeys, keyId)) return rmFail('ROLEMODEL.ALREADY_VOTED')

  const user = await ensureUser(ctx)
  const fresh = now - user.createdAt < DAY_MS
  if (!(await takeDailyVote(ctx, dayId, round.rules.votesPerDay))) return rmFail('ROLEMODEL.DAILY_LIMIT')

  const ballot: BallotDoc = {
    _id: crypto.randomBytes(12).toString('hex'),
    roundId: round._id,
    candidateId: input.candidateId,
    day,
    hour,
    at: now,
    fresh,
    voided: false,
  }
  const hourId = voteHourId(round._id, input.candidateId, day, hour)
  const _ = ctx.db.command
  try {
    await ctx.db.runTransaction(async (tx) => {
      try {
        await tx.collection(C.voteKeys).add({ data: { _id: keyId } })
      } catch (error) {
        if (isDuplicate(error)) throw new AlreadyVoted()
        throw error
      }
      await tx.collection(C.ballots).add({ data: { ...ballot } })
      await tx.collection(C.candidates).doc(candidateDocId(round._id, input.candidateId)).update({ data: { votes: _.inc(1) } })
      const hourRef = tx.collection(C.voteHours).doc(hourId)
      const existing = await hourRef.get().catch(() => null)
      if (existing) {
        await hourRef.update({ data: { n: _.inc(1), fresh: _.inc(fresh ? 1 : 0) } })
      } else {
        const counter: VoteHourDoc = { _id: hourId, roundId: round._id, candidateId: input.candidateId, day, hour, n: 1, fresh: fresh ? 1 : 0, voided: 0 }
        await tx.collection(C.voteHours).add({ data: { ...counter } })
      }
    })
  } catch (error) {
    if (!(error instanceof AlreadyVoted)) throw error
    // a twin of this vote got there first: the counted vote is its, so this one gives its place back
    await giveBackDailyVote(ctx, dayId)
    return rmFail('ROLEMODEL.ALREADY_VOTED')
  }
  const used = await findById<{ _id: string; n: number }>(ctx.db, C.voteDays, dayId)
  return { candidateId: input.candidateId, day, votesLeftToday: Math.max(0, round.rules.votesPerDay - (used?.n ?? 0)) }
}

const roundDays = (round: RoundDoc) => ({ first: shanghaiDay(round.startAt), last: shanghaiDay(round.endAt - 1) })

/**
 * Anomaly flags for one day, from the per-(candidate, hour) counters kept on write — never a scan
 * of ballots. Thresholds are the round's: 长沙's rule is > 1,000 votes between 01:00 and 06:00.
 * Counts are of valid votes, so a window the office has voided stops being flagged.
 */
export async function anomalies(input: { roundId: string; day: string }, ctx: ActionContext): Promise<AnomalyView | Fail> {
  const round = await findById<RoundDoc>(ctx.db, C.rounds, input.roundId)
  if (!round) return rmFail('ROLEMODEL.ROUND_NOT_FOUND')
  const { first, last } = roundDays(round)
  if (input.day < first || input.day > last) return rmFail('ROLEMODEL.DAY_OUT_OF_ROUND')
  const hours = await readAll<VoteHourDoc>(ctx, C.voteHours, { roundId: round._id, day: input.day }, '_id')
  const names = new Map((await roundCandidates(ctx, round._id)).map((c) => [c.nomineeId, c.name]))
  const t = { ...ROUND_DEFAULTS.anomaly, ...round.rules.anomaly }
  const flags: AnomalyFlag[] = []
  const hourly = new Array<number>(24).fill(0)
  const byCandidate = new Map<string, VoteHourDoc[]>()
  for (const h of hours) {
    hourly[h.hour] += h.n
    byCandidate.set(h.candidateId, [...(byCandidate.get(h.candidateId) ?? []), h])
  }
  for (const [candidateId, rows] of byCandidate) {
    const base = { candidateId, candidateName: names.get(candidateId) ?? '', day: input.day }
    const night = rows.filter((r) => r.hour >= NIGHT_HOURS.from && r.hour < NIGHT_HOURS.to).reduce((s, r) => s + r.n, 0)
    if (night > t.nightVotes) flags.push({ kind: 'night', ...base, hour: null, count: night, threshold: t.nightVotes })
    const dayTotal = rows.reduce((s, r) => s + r.n, 0)
    for (const r of [...rows].sort((a, b) => a.hour - b.hour)) {
      if (r.fresh > t.freshAccountVotesPerHour) flags.push({ kind: 'freshAccounts', ...base, hour: r.hour, count: r.fresh, threshold: t.freshAccountVotesPerHour })
      // a burst: many votes in one hour, and many times this candidate's average over the day's other hours
      const otherHoursAverage = (dayTotal - r.n) / 23
      if (r.n > t.candidateVotesPerHour && r.n >= t.burstFactor * otherHoursAverage) {
        flags.push({ kind: 'candidateBurst', ...base, hour: r.hour, count: r.n, threshold: t.candidateVotesPerHour })
      }
    }
  }
  const { data } = await ctx.db.collection(C.voids).where({ roundId: round._id, day: input.day }).orderBy('at', 'desc').limit(100).get()
  return { roundId: round._id, day: input.day, flags, hourly, voids: (data as unknown as VoidDoc[]).map(voidView) }
}

const voidView = (v: VoidDoc): VoidView => ({
  id: v._id,
  candidateId: v.candidateId,
  day: v.day,
  fromHour: v.fromHour,
  toHour: v.toHour,
  freshOnly: v.freshOnly,
  voided: v.voided,
  reason: v.reason,
  at: v.at,
})

/**
 * Voids one candidate's votes in an hour window of one day (all, or only those from new
 * accounts), with the reason, audited. Each hour is one atomic update of its ballots, and the
 * counters follow by the number that update reports, so a vote arriving meanwhile is either
 * voided and uncounted or valid and counted.
 */
export async function voidVotes(
  input: { roundId: string; candidateId: string; day: string; fromHour: number; toHour: number; freshOnly: boolean; reason: string },
  ctx: ActionContext,
): Promise<VoidView | Fail> {
  const round = await findById<RoundDoc>(ctx.db, C.rounds, input.roundId)
  if (!round) return rmFail('ROLEMODEL.ROUND_NOT_FOUND')
  if (round.status === 'closed') return rmFail('ROLEMODEL.ROUND_CLOSED')
  if (!round.candidateIds.includes(input.candidateId)) return rmFail('ROLEMODEL.CANDIDATE_NOT_FOUND')
  const { first, last } = roundDays(round)
  if (input.day < first || input.day > last) return rmFail('ROLEMODEL.DAY_OUT_OF_ROUND')
  const _ = ctx.db.command
  const ballots = ctx.db.collection(C.ballots)
  let total = 0
  for (let hour = input.fromHour; hour <= input.toHour; hour++) {
    const slot = { roundId: round._id, candidateId: input.candidateId, day: input.day, hour, voided: false }
    const freshVoided = (await ballots.where({ ...slot, fresh: true }).update({ data: { voided: true } })).stats.updated
    const otherVoided = input.freshOnly ? 0 : (await ballots.where({ ...slot, fresh: false }).update({ data: { voided: true } })).stats.updated
    const n = freshVoided + otherVoided
    if (n === 0) continue
    total += n
    await ctx.db
      .collection(C.voteHours)
      .doc(voteHourId(round._id, input.candidateId, input.day, hour))
      .update({ data: { n: _.inc(-n), fresh: _.inc(-freshVoided), voided: _.inc(n) } })
  }
  if (total > 0) {
    await ctx.db.collection(C.candidates).doc(candidateDocId(round._id, input.candidateId)).update({ data: { votes: _.inc(-total), voided: _.inc(total) } })
  }
  const doc: VoidDoc = {
    _id: crypto.randomBytes(12).toString('hex'),
    roundId: round._id,
    candidateId: input.candidateId,
    day: input.day,
    fromHour: input.fromHour,
    toHour: input.toHour,
    freshOnly: input.freshOnly,
    voided: total,
    reason: input.reason,
    by: ctx.caller.openid,
    at: ctx.clock.now(),
  }
  await ctx.db.collection(C.voids).add({ data: { ...doc } })
  await writeAudit(ctx, {
    subjectType: 'rolemodel_round',
    subjectId: round._id,
    action: 'voidVotes',
    detail: { candidateId: input.candidateId, day: input.day, fromHour: input.fromHour, toHour: input.toHour, freshOnly: input.freshOnly, voided: total, reason: input.reason },
  })
  return voidView(doc)
}

/**
 * The daily snapshot (the timer runs hourly): once a day, from the round's snapshot hour on, the
 * live counts are copied to what residents see; once more when voting ends, so the count as of
 * the end is shown until the result. Reads the rounds not yet closed and their candidates only.
 */
export async function takeSnapshots(ctx: Pick<Platform, 'db' | 'clock'>): Promise<number> {
  const now = ctx.clock.now()
  const today = shanghaiDay(now)
  const { data } = await ctx.db.collection(C.rounds).where({ status: 'open' }).orderBy('endAt', 'asc').limit(100).get()
  let taken = 0
  for (const round of data as unknown as RoundDoc[]) {
    const status = roundStatusAt(round, now)
    const due =
      (status === 'open' && shanghaiHour(now) >= ROUND_DEFAULTS.snapshotHour && round.snapshotDay !== today) ||
      (status === 'ended' && !round.finalSnapshot)
    if (!due) continue
    const candidates: CandidateDoc[] = await roundCandidates(ctx, round._id)
    const counts = Object.fromEntries(candidates.map((c) => [c.nomineeId, c.votes]))
    await ctx.db.collection(C.snapshots).doc(`${round._id}__${today}`).set({ data: { roundId: round._id, day: today, at: now, counts, final: status === 'ended' } })
    for (const c of candidates) await ctx.db.collection(C.candidates).doc(c._id).update({ data: { snapshotVotes: c.votes } })
    await ctx.db.collection(C.rounds).doc(round._id).update({
      data: { snapshotAt: now, snapshotDay: today, ...(status === 'ended' ? { finalSnapshot: true } : {}) },
    })
    taken++
  }
  return taken
}
