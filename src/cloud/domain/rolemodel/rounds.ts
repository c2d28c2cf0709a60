import type { ObjectionView, RoundOfficeView, RoundResultView, RoundRules, RoundSummary, RoundView } from '@/shared/contract'
import { ROLEMODEL_LIMITS } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { computeResult } from './result'
import {
  C,
  candidateDocId,
  DAY_MS,
  isDuplicate,
  readAll,
  rmFail,
  roundStatusAt,
  sha,
  shanghaiDay,
  voterToken,
  voteSecret,
  type CandidateDoc,
  type HonourDoc,
  type NomineeDoc,
  type ObjectionDoc,
  type RoundDoc,
} from './model'
import { candidateView, roundOfficeView, roundSummary, urlsOf } from './views'

export const roundCandidates = (ctx: Pick<ActionContext, 'db'>, roundId: string) => readAll<CandidateDoc>(ctx, C.candidates, { roundId }, 'order')

export interface OpenRoundInput {
  title: string
  startAt: number
  endAt: number
  candidateIds: string[]
  seats: number
  votesPerDay: number
  perCandidatePerDay: 1
  weights: RoundRules['weights']
  anomaly: RoundRules['anomaly']
  requestId: string
}

export async function openRound(input: OpenRoundInput, ctx: ActionContext): Promise<RoundOfficeView | Fail> {
  const now = ctx.clock.now()
  const id = sha('round', ctx.caller.openid, input.requestId).slice(0, 24)
  const replay = await findById<RoundDoc>(ctx.db, C.rounds, id)
  if (replay) return roundOfficeView(replay, await roundCandidates(ctx, id), now)

  if (input.endAt <= input.startAt || input.endAt <= now || input.endAt - input.startAt > ROLEMODEL_LIMITS.roundDaysMax * DAY_MS) {
    return rmFail('ROLEMODEL.ROUND_DATES')
  }
  const candidateIds = [...new Set(input.candidateIds)]
  if (input.seats > candidateIds.length) return rmFail('ROLEMODEL.SEATS_OVER_CANDIDATES')
  const title = await ctx.openApi.checkText({ openid: ctx.caller.openid, content: input.title, scene: 'forum' })
  if (!title.pass) return rmFail('ROLEMODEL.TEXT_REJECTED')

  const _ = ctx.db.command
  const { data } = await ctx.db.collection(C.nominees).where({ _id: _.in(candidateIds) }).limit(100).get()
  const found = data as unknown as NomineeDoc[]
  if (found.length !== candidateIds.length) return rmFail('ROLEMODEL.NOMINEE_NOT_FOUND')
  // nothing about a person is public before their own consent: only consented people can stand
  if (found.some((n) => n.consent.status !== 'given')) return rmFail('ROLEMODEL.NOT_CONSENTED')
  if (found.some((n) => n.activeRoundId !== null)) return rmFail('ROLEMODEL.CANDIDATE_BUSY')

  const rules: RoundRules = { votesPerDay: input.votesPerDay, perCandidatePerDay: 1, weights: input.weights, anomaly: input.anomaly }
  const round: RoundDoc = {
    _id: id,
    title: input.title,
    startAt: input.startAt,
    endAt: input.endAt,
    seats: input.seats,
    rules,
    candidateIds,
    status: 'open',
    snapshotAt: null,
    snapshotDay: null,
    finalSnapshot: false,
    result: null,
    createdBy: ctx.caller.openid,
    createdAt: now,
  }
  const byId = new Map(found.map((n) => [n._id, n]))
  const candidates: CandidateDoc[] = candidateIds.map((nomineeId, order) => {
    const n = byId.get(nomineeId) as NomineeDoc
    return {
      _id: candidateDocId(id, nomineeId),
      roundId: id,
      nomineeId,
      order,
      name: n.name,
      categoryId: n.categoryId,
      place: n.place,
      story: n.story,
      photos: n.photos,
      votes: 0,
      voided: 0,
      snapshotVotes: null,
      panelScore: null,
      objections: 0,
    }
  })
  let busy = false
  try {
    busy = await ctx.db.runTransaction(async (tx) => {
      for (const nomineeId of candidateIds) {
        const ref = tx.collection(C.nominees).doc(nomineeId)
        const fresh = (await ref.get()).data as unknown as NomineeDoc
        if (fresh.activeRoundId !== null || fresh.consent.status !== 'given') return true
        await ref.update({ data: { activeRoundId: id, roundIds: _.push(id), updatedAt: now } })
      }
      for (const c of candidates) await tx.collection(C.candidates).add({ data: { ...c } })
      await tx.collection(C.rounds).add({ data: { ...round } })
      return false
    })
  } catch (error) {
    if (!isDuplicate(error)) throw error
    // the same request twice at once: the other opened it
    const first = await findById<RoundDoc>(ctx.db, C.rounds, id)
    if (!first) throw error
    return roundOfficeView(first, await roundCandidates(ctx, id), now)
  }
  if (busy) return rmFail('ROLEMODEL.CANDIDATE_BUSY')
  await writeAudit(ctx, {
    subjectType: 'rolemodel_round',
    subjectId: id,
    action: 'openRound',
    detail: { candidates: candidateIds.length, seats: input.seats, votesPerDay: input.votesPerDay, votesWeight: input.weights.votes, panelWeight: input.weights.panel, startAt: input.startAt, endAt: input.endAt },
  })
  return roundOfficeView(round, candidates, now)
}

export async function rounds(ctx: ActionContext): Promise<RoundSummary[]> {
  const { data } = await ctx.db.collection(C.rounds).orderBy('endAt', 'desc').limit(20).get()
  const now = ctx.clock.now()
  return (data as unknown as RoundDoc[]).map((r) => roundSummary(r, now))
}

/**
 * A round as residents see it: the candidates (all consented when the round opened), their
 * stories, and the counts of the latest daily snapshot — never the live count, which is what
 * 刷票 would steer by.
 */
export async function roundView(input: { roundId: string }, ctx: ActionContext): Promise<RoundView | Fail> {
  const round = await findById<RoundDoc>(ctx.db, C.rounds, input.roundId)
  if (!round) return rmFail('ROLEMODEL.ROUND_NOT_FOUND')
  const now = ctx.clock.now()
  const today = shanghaiDay(now)
  const candidates = await roundCandidates(ctx, round._id)
  const status = roundStatusAt(round, now)
  let voted = new Set<string>()
  let votesLeftToday = 0
  if (status === 'open') {
    const secret = await voteSecret(ctx)
    const openid = ctx.caller.openid
    const keys = new Map(candidates.map((c) => [voterToken(secret, openid, 'vote', round._id, c.nomineeId, today), c.nomineeId]))
    const _ = ctx.db.command
    const ids = [...keys.keys()]
    for (let i = 0; i < ids.length; i += 100) {
      const { data } = await ctx.db.collection(C.voteKeys).where({ _id: _.in(ids.slice(i, i + 100)) }).limit(100).get()
      for (const d of data) voted.add(keys.get(d._id) ?? '')
    }
    const day = await findById<{ _id: string; n: number }>(ctx.db, C.voteDays, voterToken(secret, openid, 'day', round._id, today))
    votesLeftToday = Math.max(0, round.rules.votesPerDay - (day?.n ?? 0))
  } else {
    voted = new Set()
  }
  const urls = await urlsOf(ctx, candidates.flatMap((c) => c.photos))
  return {
    ...roundSummary(round, now),
    rules: round.rules,
    candidates: candidates.map((c) => candidateView(c, urls, voted.has(c.nomineeId))),
    snapshotAt: round.snapshotAt,
    today,
    votesLeftToday,
    result: round.status === 'closed' ? round.result : null,
  }
}

export async function roundOffice(input: { roundId: string }, ctx: ActionContext): Promise<RoundOfficeView | Fail> {
  const round = await findById<RoundDoc>(ctx.db, C.rounds, input.roundId)
  if (!round) return rmFail('ROLEMODEL.ROUND_NOT_FOUND')
  return roundOfficeView(round, await roundCandidates(ctx, round._id), ctx.clock.now())
}

/** The review panel's agreed score per candidate (0–100), entered by the office; can be corrected until the result is out. */
export async function panelScores(input: { roundId: string; scores: Array<{ candidateId: string; score: number }> }, ctx: ActionContext): Promise<RoundOfficeView | Fail> {
  const round = await findById<RoundDoc>(ctx.db, C.rounds, input.roundId)
  if (!round) return rmFail('ROLEMODEL.ROUND_NOT_FOUND')
  if (round.status === 'closed') return rmFail('ROLEMODEL.ROUND_CLOSED')
  if (input.scores.some((s) => !round.candidateIds.includes(s.candidateId))) return rmFail('ROLEMODEL.CANDIDATE_NOT_FOUND')
  for (const s of input.scores) {
    await ctx.db.collection(C.candidates).doc(candidateDocId(round._id, s.candidateId)).update({ data: { panelScore: s.score } })
  }
  await writeAudit(ctx, {
    subjectType: 'rolemodel_round',
    subjectId: round._id,
    action: 'panelScores',
    detail: Object.fromEntries(input.scores.map((s) => [s.candidateId, s.score])),
  })
  return roundOfficeView(round, await roundCandidates(ctx, round._id), ctx.clock.now())
}

/**
 * Closes a round whose voting has ended: the weighted result with every number behind it is
 * stored on the round (and in the audit), the chosen go on the 好人榜, and every candidate is free
 * for a later round.
 */
export async function closeRound(input: { roundId: string }, ctx: ActionContext): Promise<RoundResultView | Fail> {
  const round = await findById<RoundDoc>(ctx.db, C.rounds, input.roundId)
  if (!round) return rmFail('ROLEMODEL.ROUND_NOT_FOUND')
  const now = ctx.clock.now()
  const status = roundStatusAt(round, now)
  if (status === 'closed') return rmFail('ROLEMODEL.ROUND_CLOSED')
  if (status !== 'ended') return rmFail('ROLEMODEL.ROUND_NOT_ENDED')
  const candidates = await roundCandidates(ctx, round._id)
  if (candidates.some((c) => c.panelScore === null)) return rmFail('ROLEMODEL.PANEL_INCOMPLETE')
  const computed = computeResult(
    candidates.map((c) => ({ candidateId: c.nomineeId, name: c.name, categoryId: c.categoryId, votes: c.votes, panelScore: c.panelScore ?? 0 })),
    round.rules.weights,
    round.seats,
  )
  const result: RoundResultView = { roundId: round._id, closedAt: now, weights: round.rules.weights, maxVotes: computed.maxVotes, lines: computed.lines }
  const _ = ctx.db.command
  const { stats } = await ctx.db.collection(C.rounds).where({ _id: round._id, status: 'open' }).update({ data: { status: 'closed', result: _.set(result) } })
  if (stats.updated !== 1) return rmFail('ROLEMODEL.ROUND_CLOSED')
  const chosen = new Set(result.lines.filter((l) => l.chosen).map((l) => l.candidateId))
  for (const c of candidates) {
    if (chosen.has(c.nomineeId)) {
      const honour: Omit<HonourDoc, '_id'> = {
        nomineeId: c.nomineeId,
        roundId: round._id,
        roundTitle: round.title,
        name: c.name,
        categoryId: c.categoryId,
        place: c.place,
        story: c.story,
        photos: c.photos,
        likes: 0,
        honouredAt: now,
      }
      await ctx.db.collection(C.honours).doc(candidateDocId(round._id, c.nomineeId)).set({ data: honour })
    }
    await ctx.db.collection(C.nominees).doc(c.nomineeId).update({ data: { activeRoundId: null, ...(chosen.has(c.nomineeId) ? { chosen: true } : {}), updatedAt: now } })
  }
  await writeAudit(ctx, {
    subjectType: 'rolemodel_round',
    subjectId: round._id,
    action: 'closeRound',
    detail: {
      maxVotes: result.maxVotes,
      votesWeight: result.weights.votes,
      panelWeight: result.weights.panel,
      // rank:id:votes:voteScore:panel:total for every candidate, the numbers behind the result
      lines: result.lines.map((l) => `${l.rank}:${l.candidateId}:${l.votes}:${l.voteScore}:${l.panelScore}:${l.total}`).join(' '),
      chosen: [...chosen].join(','),
    },
  })
  return result
}

export async function object(
  input: { roundId: string; candidateId: string; text: string; phone?: string; requestId: string },
  ctx: ActionContext,
): Promise<{ id: string } | Fail> {
  const openid = ctx.caller.openid
  const id = sha('objection', openid, input.requestId).slice(0, 24)
  if (await findById(ctx.db, C.objections, id)) return { id }
  const round = await findById<RoundDoc>(ctx.db, C.rounds, input.roundId)
  if (!round) return rmFail('ROLEMODEL.ROUND_NOT_FOUND')
  if (round.status === 'closed') return rmFail('ROLEMODEL.OBJECTION_CLOSED')
  if (!round.candidateIds.includes(input.candidateId)) return rmFail('ROLEMODEL.CANDIDATE_NOT_FOUND')
  const { total } = await ctx.db.collection(C.objections).where({ objectorOpenid: openid, roundId: round._id }).count()
  if (total >= ROLEMODEL_LIMITS.objectionsPerRound) return rmFail('ROLEMODEL.OBJECTION_LIMIT')
  const verdict = await ctx.openApi.checkText({ openid, content: input.text, scene: 'forum' })
  if (!verdict.pass) return rmFail('ROLEMODEL.TEXT_REJECTED')
  const doc: ObjectionDoc = {
    _id: id,
    roundId: round._id,
    candidateId: input.candidateId,
    objectorOpenid: openid,
    text: input.text,
    phone: input.phone ?? null,
    createdAt: ctx.clock.now(),
  }
  try {
    await ctx.db.collection(C.objections).add({ data: { ...doc } })
  } catch (error) {
    if (!isDuplicate(error)) throw error
    return { id }
  }
  await ctx.db.collection(C.candidates).doc(candidateDocId(round._id, input.candidateId)).update({ data: { objections: ctx.db.command.inc(1) } })
  return { id }
}

export async function objections(input: { roundId: string; candidateId?: string }, ctx: ActionContext): Promise<ObjectionView[] | Fail> {
  const round = await findById<RoundDoc>(ctx.db, C.rounds, input.roundId)
  if (!round) return rmFail('ROLEMODEL.ROUND_NOT_FOUND')
  const where = input.candidateId ? { roundId: round._id, candidateId: input.candidateId } : { roundId: round._id }
  const { data } = await ctx.db.collection(C.objections).where(where).orderBy('createdAt', 'desc').limit(100).get()
  const candidates = new Map((await roundCandidates(ctx, round._id)).map((c) => [c.nomineeId, c.name]))
  return (data as unknown as ObjectionDoc[]).map((o) => ({
    id: o._id,
    roundId: o.roundId,
    candidateId: o.candidateId,
    candidateName: candidates.get(o.candidateId) ?? '',
    text: o.text,
    phone: o.phone,
    createdAt: o.createdAt,
  }))
}
