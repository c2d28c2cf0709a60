import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { consentedNominees, DAY, HOUR, openRound, runSnapshotTimer } from './rolemodel-support'

let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud()
})
afterEach(() => cloud.close())

async function count(collection: string, where: Record<string, unknown> = {}): Promise<number> {
  return (await cloud.platform.db.collection(collection).where(where).count()).total
}

describe('身边好人 votes', () => {
  it('counts exactly the day’s allowance when one person sends 1,000 votes at once', async () => {
    const candidates = await consentedNominees(cloud, 20)
    const round = await openRound(cloud, candidates, { votesPerDay: 10 })
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => cloud.as('eager').call('rolemodel', 'vote', { roundId: round.id, candidateId: candidates[i % 20] })),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(10)
    const refusals = new Set(results.flatMap((r) => (r.ok ? [] : [r.code])))
    // which refusal each extra vote gets depends on the interleaving; no other refusal is possible
    expect([...refusals].filter((c) => c !== 'ROLEMODEL.ALREADY_VOTED' && c !== 'ROLEMODEL.DAILY_LIMIT')).toEqual([])
    const office = expectOk(await cloud.as('admin-from-config').call('rolemodel', 'roundOffice', { roundId: round.id }))
    expect(office.candidates.reduce((s, c) => s + c.votes, 0)).toBe(10)
    expect(office.candidates.every((c) => c.votes <= 1)).toBe(true)
    expect(await count('rolemodel_ballots', { roundId: round.id })).toBe(10)
    expect(await count('rolemodel_vote_keys')).toBe(10)
    const view = expectOk(await cloud.as('eager').call('rolemodel', 'round', { roundId: round.id }))
    expect(view.votesLeftToday).toBe(0)
    expect(view.candidates.filter((c) => c.votedToday)).toHaveLength(10)
  })

  it('counts one vote per candidate per day even when the same vote arrives 1,000 times at once', async () => {
    const candidates = await consentedNominees(cloud, 2)
    const round = await openRound(cloud, candidates)
    const results = await Promise.all(Array.from({ length: 1000 }, () => cloud.as('eager').call('rolemodel', 'vote', { roundId: round.id, candidateId: candidates[0] })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const view = expectOk(await cloud.as('eager').call('rolemodel', 'round', { roundId: round.id }))
    // the twins gave their places back: one used, nine left
    expect(view.votesLeftToday).toBe(9)
  })

  it('counts 1,000 people voting for one candidate at once', async () => {
    const candidates = await consentedNominees(cloud, 2)
    const round = await openRound(cloud, candidates)
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => cloud.as(`voter-${i}`).call('rolemodel', 'vote', { roundId: round.id, candidateId: candidates[1] })))
    expect(results.every((r) => r.ok)).toBe(true)
    const office = expectOk(await cloud.as('admin-from-config').call('rolemodel', 'roundOffice', { roundId: round.id }))
    expect(office.candidates.map((c) => c.votes)).toEqual([0, 1000])
  })

  it('gives a new allowance the next day (Asia/Shanghai) and refuses votes outside the round', async () => {
    const candidates = await consentedNominees(cloud, 2)
    const round = await openRound(cloud, candidates, { votesPerDay: 1, startAt: cloud.clock.now() + HOUR, days: 2 })
    const early = await cloud.as('v').call('rolemodel', 'vote', { roundId: round.id, candidateId: candidates[0] })
    expect(early.ok ? 'ok' : early.code).toBe('ROLEMODEL.ROUND_NOT_OPEN')
    cloud.clock.advance(HOUR)
    expectOk(await cloud.as('v').call('rolemodel', 'vote', { roundId: round.id, candidateId: candidates[0] }))
    const second = await cloud.as('v').call('rolemodel', 'vote', { roundId: round.id, candidateId: candidates[1] })
    expect(second.ok ? 'ok' : second.code).toBe('ROLEMODEL.DAILY_LIMIT')
    cloud.clock.advance(DAY)
    expectOk(await cloud.as('v').call('rolemodel', 'vote', { roundId: round.id, candidateId: candidates[0] }))
    const stranger = await cloud.as('v').call('rolemodel', 'vote', { roundId: round.id, candidateId: 'not-a-candidate' })
    expect(stranger.ok ? 'ok' : stranger.code).toBe('ROLEMODEL.CANDIDATE_NOT_FOUND')
    cloud.clock.advance(2 * DAY)
    const late = await cloud.as('v').call('rolemodel', 'vote', { roundId: round.id, candidateId: candidates[1] })
    expect(late.ok ? 'ok' : late.code).toBe('ROLEMODEL.ROUND_NOT_OPEN')
  })

  it('hides live counts during the round: residents see the latest daily snapshot only', async () => {
    const candidates = await consentedNominees(cloud, 2)
    // the test clock starts at 10:00 Shanghai
    const round = await openRound(cloud, candidates, { days: 3 })
    for (let i = 0; i < 7; i++) expectOk(await cloud.as(`p${i}`).call('rolemodel', 'vote', { roundId: round.id, candidateId: candidates[0] }))
    await runSnapshotTimer(cloud) // 10:00: before the snapshot hour, nothing is published
    let view = expectOk(await cloud.as('reader').call('rolemodel', 'round', { roundId: round.id }))
    expect(view.candidates.map((c) => c.snapshotVotes)).toEqual([null, null])
    expect(view.snapshotAt).toBeNull()
    // nothing in a candidate carries a count but the snapshot's
    expect(Object.keys(view.candidates[0]).sort()).toEqual(['categoryId', 'id', 'name', 'photos', 'place', 'snapshotVotes', 'story', 'votedToday'])
    expect(JSON.stringify(view)).not.toMatch(/:7[,}]/)

    cloud.clock.advance(8 * HOUR) // 18:00 Shanghai
    await runSnapshotTimer(cloud)
    for (let i = 7; i < 10; i++) expectOk(await cloud.as(`p${i}`).call('rolemodel', 'vote', { roundId: round.id, candidateId: candidates[0] }))
    await runSnapshotTimer(cloud) // once a day: the second run the same evening publishes nothing new
    view = expectOk(await cloud.as('reader').call('rolemodel', 'round', { roundId: round.id }))
    expect(view.candidates.map((c) => c.snapshotVotes)).toEqual([7, 0])
    expect(view.result).toBeNull()

    cloud.clock.advance(DAY)
    await runSnapshotTimer(cloud)
    view = expectOk(await cloud.as('reader').call('rolemodel', 'round', { roundId: round.id }))
    expect(view.candidates.map((c) => c.snapshotVotes)).toEqual([10, 0])
    const snapshots = await cloud.platform.db.collection('rolemodel_snapshots').where({ roundId: round.id }).orderBy('at', 'asc').get()
    expect(snapshots.data.map((s) => (s.counts as Record<string, number>)[candidates[0]])).toEqual([7, 10])
  })

  it('stores no voter: ballots, keys and counters hold no openid', async () => {
    const candidates = await consentedNominees(cloud, 2)
    const round = await openRound(cloud, candidates)
    expectOk(await cloud.as('voter-openid-xyz').call('rolemodel', 'vote', { roundId: round.id, candidateId: candidates[0] }))
    const all = await cloud.snapshot()
    for (const name of ['rolemodel_ballots', 'rolemodel_vote_keys', 'rolemodel_vote_days', 'rolemodel_vote_hours', 'rolemodel_candidates', 'rolemodel_snapshots']) {
      expect({ name, leaks: JSON.stringify(all[name]).includes('voter-openid-xyz') }).toEqual({ name, leaks: false })
    }
  })
})
