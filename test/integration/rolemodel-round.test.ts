import { randomUUID } from 'node:crypto'
import { CONTRACT } from '@/shared/contract'
import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { consentedNominees, DAY, nominate, openRound, runSnapshotTimer, TEST_ADMIN } from './rolemodel-support'

let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud()
})
afterEach(() => cloud.close())

/** Every view a resident can reach, as JSON. */
async function publicJson(who: string): Promise<string> {
  const out: unknown[] = []
  const rounds = expectOk(await cloud.as(who).call('rolemodel', 'rounds', {}))
  out.push(rounds)
  for (const r of rounds) out.push(expectOk(await cloud.as(who).call('rolemodel', 'round', { roundId: r.id })))
  out.push(expectOk(await cloud.as(who).call('rolemodel', 'board', {})))
  return JSON.stringify(out)
}

describe('身边好人 consent before publication', () => {
  it('shows nothing about a nominee before their own consent, recorded with who and when', async () => {
    const shy = await nominate(cloud, 'alice', { name: '赵默默' })
    const open = await nominate(cloud, 'bob', { name: '钱热心' })
    const shyAccepted = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'review', { nominationId: shy.id, decision: 'accept' }))
    const openAccepted = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'review', { nominationId: open.id, decision: 'accept' }))
    if (!('consent' in shyAccepted) || !('consent' in openAccepted)) throw new Error('no consent code')

    // an accepted but not consented nominee cannot stand
    const early = await cloud.as(TEST_ADMIN).call('rolemodel', 'openRound', {
      title: '身边好人评选', startAt: cloud.clock.now(), endAt: cloud.clock.now() + DAY, candidateIds: [shyAccepted.nominee.id], seats: 1, requestId: randomUUID(),
    })
    expect(early.ok ? 'ok' : early.code).toBe('ROLEMODEL.NOT_CONSENTED')

    // the nominee reads what would be public, then agrees; the code works once
    const preview = expectOk(await cloud.as('qian').call('rolemodel', 'consentPreview', { code: openAccepted.consent.code }))
    expect(preview.name).toBe('钱热心')
    cloud.clock.advance(60_000)
    const answered = expectOk(await cloud.as('qian').call('rolemodel', 'consent', { code: openAccepted.consent.code.toLowerCase(), agree: true }))
    expect(answered).toEqual({ consent: 'given', at: cloud.clock.now() })
    const reused = await cloud.as('someone').call('rolemodel', 'consent', { code: openAccepted.consent.code, agree: false })
    expect(reused.ok ? 'ok' : reused.code).toBe('ROLEMODEL.CONSENT_CODE_INVALID')
    const stored = await cloud.platform.db.collection('rolemodel_nominees').doc(openAccepted.nominee.id).get()
    expect(stored.data.consent).toMatchObject({ status: 'given', openid: 'qian', at: cloud.clock.now() })
    const audit = await cloud.platform.db.collection('audit_log').where({ subjectType: 'rolemodel_nominee', subjectId: openAccepted.nominee.id }).get()
    expect(audit.data.map((d) => [d.action, d.actorOpenid])).toEqual([['consentGiven', 'qian']])

    // the shy one refuses; a reissued code replaces the old one, and an expired code is refused
    expectOk(await cloud.as('zhao').call('rolemodel', 'consent', { code: shyAccepted.consent.code, agree: false }))
    const reissued = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'consentCode', { nomineeId: shyAccepted.nominee.id }))
    cloud.clock.advance(15 * DAY)
    const expired = await cloud.as('zhao').call('rolemodel', 'consentPreview', { code: reissued.code })
    expect(expired.ok ? 'ok' : expired.code).toBe('ROLEMODEL.CONSENT_CODE_EXPIRED')
    const done = await cloud.as(TEST_ADMIN).call('rolemodel', 'consentCode', { nomineeId: openAccepted.nominee.id })
    expect(done.ok ? 'ok' : done.code).toBe('ROLEMODEL.CONSENT_DONE')

    await openRound(cloud, [openAccepted.nominee.id], { seats: 1 })
    const json = await publicJson('passer-by')
    expect(json).toContain('钱热心')
    for (const secret of ['赵默默', '13800138000', 'alice', 'bob', 'qian', shy.id, open.id]) {
      expect({ secret, shown: json.includes(secret) }).toEqual({ secret, shown: false })
    }
  })
})

describe('身边好人 result', () => {
  it('weights votes and the panel 70/30 as computed by hand, records the numbers, and puts the chosen on the 好人榜', async () => {
    const [a, b, c] = await consentedNominees(cloud, 3)
    const round = await openRound(cloud, [a, b, c], { seats: 2, days: 1 })
    const votes: Array<[string, number]> = [[a, 200], [b, 100], [c, 50]]
    let voter = 0
    for (const [candidateId, n] of votes) {
      await Promise.all(Array.from({ length: n }, () => cloud.as(`r${voter++}`).call('rolemodel', 'vote', { roundId: round.id, candidateId })))
    }
    const objection = expectOk(await cloud.as('r1').call('rolemodel', 'object', { roundId: round.id, candidateId: c, text: '候选人事迹中的时间与实际不符', phone: '13900139000', requestId: randomUUID() }))
    const seen = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'objections', { roundId: round.id }))
    expect(seen.map((o) => [o.id, o.candidateId, o.phone])).toEqual([[objection.id, c, '13900139000']])

    const early = await cloud.as(TEST_ADMIN).call('rolemodel', 'closeRound', { roundId: round.id })
    expect(early.ok ? 'ok' : early.code).toBe('ROLEMODEL.ROUND_NOT_ENDED')
    cloud.clock.advance(DAY)
    const lateVote = await cloud.as('late').call('rolemodel', 'vote', { roundId: round.id, candidateId: c })
    expect(lateVote.ok ? 'ok' : lateVote.code).toBe('ROLEMODEL.ROUND_NOT_OPEN')
    expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'panelScores', { roundId: round.id, scores: [{ candidateId: a, score: 60 }, { candidateId: b, score: 90 }] }))
    const incomplete = await cloud.as(TEST_ADMIN).call('rolemodel', 'closeRound', { roundId: round.id })
    expect(incomplete.ok ? 'ok' : incomplete.code).toBe('ROLEMODEL.PANEL_INCOMPLETE')
    expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'panelScores', { roundId: round.id, scores: [{ candidateId: c, score: 80 }] }))

    // by hand: max 200 votes → vote scores 100, 50, 25; totals 0.7×100+0.3×60 = 88, 0.7×50+0.3×90 = 62, 0.7×25+0.3×80 = 41.5
    const result = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'closeRound', { roundId: round.id }))
    expect(result.maxVotes).toBe(200)
    expect(result.weights).toEqual({ votes: 70, panel: 30 })
    expect(result.lines.map((l) => [l.candidateId, l.votes, l.voteScore, l.panelScore, l.total, l.rank, l.chosen])).toEqual([
      [a, 200, 100, 60, 88, 1, true],
      [b, 100, 50, 90, 62, 2, true],
      [c, 50, 25, 80, 41.5, 3, false],
    ])
    const again = await cloud.as(TEST_ADMIN).call('rolemodel', 'closeRound', { roundId: round.id })
    expect(again.ok ? 'ok' : again.code).toBe('ROLEMODEL.ROUND_CLOSED')
    const audit = await cloud.platform.db.collection('audit_log').where({ subjectType: 'rolemodel_round', subjectId: round.id }).get()
    expect(audit.data.find((d) => d.action === 'closeRound')?.detail).toMatchObject({ maxVotes: 200, lines: `1:${a}:200:100:60:88 2:${b}:100:50:90:62 3:${c}:50:25:80:41.5` })

    const view = expectOk(await cloud.as('anyone').call('rolemodel', 'round', { roundId: round.id }))
    expect(view.status).toBe('closed')
    expect(view.result?.lines).toHaveLength(3)
    const closedObjection = await cloud.as('r2').call('rolemodel', 'object', { roundId: round.id, candidateId: c, text: '结果公布后的异议内容', requestId: randomUUID() })
    expect(closedObjection.ok ? 'ok' : closedObjection.code).toBe('ROLEMODEL.OBJECTION_CLOSED')

    // 好人榜: the chosen, liked once per person
    const board = expectOk(await cloud.as('fan').call('rolemodel', 'board', {}))
    expect(board.items.map((h) => h.nomineeId).sort()).toEqual([a, b].sort())
    const honourId = board.items[0].id
    await Promise.all([1, 2, 3].map(() => cloud.as('fan').call('rolemodel', 'like', { honourId })))
    expectOk(await cloud.as('fan2').call('rolemodel', 'like', { honourId }))
    const honour = expectOk(await cloud.as('fan').call('rolemodel', 'honour', { honourId }))
    expect([honour.likes, honour.likedByMe]).toEqual([2, true])
    expect(expectOk(await cloud.as('stranger').call('rolemodel', 'honour', { honourId })).likedByMe).toBe(false)
    // the chosen are free for a later round
    const nominee = await cloud.platform.db.collection('rolemodel_nominees').doc(a).get()
    expect([nominee.data.activeRoundId, nominee.data.chosen]).toEqual([null, true])
    await runSnapshotTimer(cloud)
  })

  it('refuses a round with a candidate already standing, with more seats than candidates, or with impossible dates', async () => {
    const [a, b] = await consentedNominees(cloud, 2)
    await openRound(cloud, [a], { seats: 1 })
    const base = { title: '第二场评选', startAt: cloud.clock.now(), endAt: cloud.clock.now() + DAY, seats: 1, requestId: randomUUID() }
    const busy = await cloud.as(TEST_ADMIN).call('rolemodel', 'openRound', { ...base, candidateIds: [a, b] })
    expect(busy.ok ? 'ok' : busy.code).toBe('ROLEMODEL.CANDIDATE_BUSY')
    const seats = await cloud.as(TEST_ADMIN).call('rolemodel', 'openRound', { ...base, candidateIds: [b], seats: 2 })
    expect(seats.ok ? 'ok' : seats.code).toBe('ROLEMODEL.SEATS_OVER_CANDIDATES')
    const dates = await cloud.as(TEST_ADMIN).call('rolemodel', 'openRound', { ...base, candidateIds: [b], endAt: base.startAt - 1 })
    expect(dates.ok ? 'ok' : dates.code).toBe('ROLEMODEL.ROUND_DATES')
    const weights = await cloud.as(TEST_ADMIN).call('rolemodel', 'openRound', { ...base, candidateIds: [b], weights: { votes: 80, panel: 30 } })
    expect(weights.ok ? 'ok' : weights.code).toBe('INPUT.INVALID')
  })
})

describe('身边好人 roles', () => {
  const ADMIN_ONLY = Object.entries(CONTRACT.rolemodel).filter(([, spec]) => spec.roles.includes('admin')).map(([name]) => name)

  it('lets only the office call the office actions, and refuses them before any handler runs', async () => {
    expect(ADMIN_ONLY.sort()).toEqual(
      ['anomalies', 'closeRound', 'consentCode', 'delegate', 'delegations', 'get', 'markHonoured', 'merge', 'nominees', 'objections', 'openRound', 'panelScores', 'queue', 'review', 'reviewScope', 'roundOffice', 'voidVotes'].sort(),
    )
    await cloud.platform.db.collection('role_grants').doc('g1').set({ data: { openid: 'grid-worker', role: 'grid', scopeId: 'grid-demo', grantedBy: 'test', grantedAt: 0 } })
    const before = await cloud.snapshot()
    const samples: Record<string, Record<string, unknown>> = {
      anomalies: { roundId: 'r1', day: '2026-11-25' },
      closeRound: { roundId: 'r1' },
      consentCode: { nomineeId: 'p1' },
      delegate: { openid: 'grid-worker', district: '文明区', granted: true },
      delegations: {},
      get: { nominationId: 'n1' },
      markHonoured: { nominationId: 'n1', level: 'city', title: '市道德模范', year: 2025 },
      merge: { nominationId: 'n1', intoNominationId: 'n2' },
      nominees: {},
      objections: { roundId: 'r1' },
      openRound: { title: '评选', startAt: 1, endAt: 2, candidateIds: ['p1'], seats: 1, requestId: randomUUID() },
      panelScores: { roundId: 'r1', scores: [{ candidateId: 'p1', score: 1 }] },
      queue: { status: 'pending' },
      review: { nominationId: 'n1', decision: 'accept' },
      reviewScope: {},
      roundOffice: { roundId: 'r1' },
      voidVotes: { roundId: 'r1', candidateId: 'p1', day: '2026-11-25', fromHour: 0, toHour: 1, freshOnly: true, reason: '刷票刷票' },
    }
    for (const action of ADMIN_ONLY) {
      for (const who of ['resident-x', 'grid-worker']) {
        const result = await cloud.as(who).raw('rolemodel', { action, data: samples[action] })
        expect({ action, who, code: result.ok ? 'ok' : result.code }).toEqual({ action, who, code: 'AUTH.FORBIDDEN' })
      }
    }
    const valid = await cloud.as('resident-x').call('rolemodel', 'queue', { status: 'pending' })
    expect(valid.ok ? 'ok' : valid.code).toBe('AUTH.FORBIDDEN')
    const review = await cloud.as('grid-worker').call('rolemodel', 'review', { nominationId: 'n1', decision: 'decline', reason: '理由理由' })
    expect(review.ok ? 'ok' : review.code).toBe('AUTH.FORBIDDEN')
    const noIdentity = await cloud.as(null).call('rolemodel', 'vote', { roundId: 'r1', candidateId: 'p1' })
    expect(noIdentity.ok ? 'ok' : noIdentity.code).toBe('AUTH.NO_IDENTITY')
    expect(await cloud.snapshot()).toEqual(before)
  })
})
