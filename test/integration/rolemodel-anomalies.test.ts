import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { consentedNominees, HOUR, openRound, TEST_ADMIN } from './rolemodel-support'

let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud()
})
afterEach(() => cloud.close())

/** people whose accounts are long established (not "new in the last day") */
async function oldAccounts(prefix: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`)
  for (const id of ids) await cloud.platform.db.collection('users').doc(id).set({ data: { nickname: id, settings: { largeText: false }, points: 0, createdAt: 0, updatedAt: 0 } })
  return ids
}

describe('身边好人 anomaly flags and voids', () => {
  it('flags night votes, bursts from new accounts and one candidate’s burst from the hourly counters, and voids them audited', async () => {
    const [a, b, c] = await consentedNominees(cloud, 3)
    // the clock starts at 10:00 Shanghai on 2026-11-25
    const round = await openRound(cloud, [a, b, c], { anomaly: { nightVotes: 5, freshAccountVotesPerHour: 3, candidateVotesPerHour: 4, burstFactor: 5 } })
    const vote = (who: string, candidateId: string) => cloud.as(who).call('rolemodel', 'vote', { roundId: round.id, candidateId })

    // a steady trickle for c through the day, so its burst is measured against an average
    for (const [i, who] of (await oldAccounts('steady', 3)).entries()) {
      cloud.clock.set(Date.UTC(2026, 10, 26, 0 + i, 10)) // 08:10–10:10 Shanghai on the 26th
      expectOk(await vote(who, c))
    }
    cloud.clock.set(Date.UTC(2026, 10, 25, 18, 30)) // 02:30 Shanghai on the 26th
    for (const who of await oldAccounts('night', 6)) expectOk(await vote(who, a))
    cloud.clock.set(Date.UTC(2026, 10, 26, 6, 15)) // 14:15 Shanghai
    for (let i = 0; i < 4; i++) expectOk(await vote(`brand-new-${i}`, b))
    cloud.clock.set(Date.UTC(2026, 10, 26, 7, 5)) // 15:05 Shanghai
    for (const who of await oldAccounts('burst', 6)) expectOk(await vote(who, c))

    const view = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'anomalies', { roundId: round.id, day: '2026-11-26' }))
    expect(view.flags).toContainEqual(expect.objectContaining({ kind: 'night', candidateId: a, hour: null, count: 6, threshold: 5 }))
    expect(view.flags).toContainEqual(expect.objectContaining({ kind: 'freshAccounts', candidateId: b, hour: 14, count: 4, threshold: 3 }))
    expect(view.flags).toContainEqual(expect.objectContaining({ kind: 'candidateBurst', candidateId: c, hour: 15, count: 6, threshold: 4 }))
    // c's steady hours are not bursts, b's four votes are not above the burst threshold
    expect(view.flags.filter((f) => f.kind === 'candidateBurst' && f.hour !== 15 && f.candidateId === c)).toEqual([])
    expect(view.flags.filter((f) => f.candidateId === b && f.kind !== 'freshAccounts')).toEqual([])
    expect(view.hourly[2]).toBe(6)
    expect(view.hourly[14]).toBe(4)

    const voided = expectOk(
      await cloud.as(TEST_ADMIN).call('rolemodel', 'voidVotes', { roundId: round.id, candidateId: a, day: '2026-11-26', fromHour: 1, toHour: 5, freshOnly: false, reason: '凌晨集中投票，经技术核查认定为刷票' }),
    )
    expect(voided.voided).toBe(6)
    const freshOnly = expectOk(
      await cloud.as(TEST_ADMIN).call('rolemodel', 'voidVotes', { roundId: round.id, candidateId: b, day: '2026-11-26', fromHour: 14, toHour: 14, freshOnly: true, reason: '新注册账号集中投票' }),
    )
    expect(freshOnly.voided).toBe(4)

    const after = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'anomalies', { roundId: round.id, day: '2026-11-26' }))
    expect(after.flags.filter((f) => f.candidateId !== c)).toEqual([])
    expect(after.voids.map((v) => v.voided).sort()).toEqual([4, 6])
    const office = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'roundOffice', { roundId: round.id }))
    expect(office.candidates.map((x) => [x.votes, x.voided])).toEqual([[0, 6], [0, 4], [9, 0]])

    const audit = await cloud.platform.db.collection('audit_log').where({ subjectType: 'rolemodel_round', subjectId: round.id }).orderBy('at', 'asc').get()
    const voids = audit.data.filter((d) => d.action === 'voidVotes')
    expect(voids).toHaveLength(2)
    // both at the same instant of the test clock: find a's by its detail, not by order
    expect(voids.find((d) => (d.detail as { candidateId?: string }).candidateId === a)).toMatchObject({ actorOpenid: TEST_ADMIN, detail: { candidateId: a, voided: 6, reason: '凌晨集中投票，经技术核查认定为刷票' } })

    // the day must be in the round; a resident may not look
    const outside = await cloud.as(TEST_ADMIN).call('rolemodel', 'anomalies', { roundId: round.id, day: '2026-01-01' })
    expect(outside.ok ? 'ok' : outside.code).toBe('ROLEMODEL.DAY_OUT_OF_ROUND')
    const resident = await cloud.as('night-0').call('rolemodel', 'voidVotes', { roundId: round.id, candidateId: c, day: '2026-11-26', fromHour: 0, toHour: 23, freshOnly: false, reason: '我不喜欢这个候选人' })
    expect(resident.ok ? 'ok' : resident.code).toBe('AUTH.FORBIDDEN')
  })

  it('reads counters, not ballots: the anomaly view costs the same after many votes', async () => {
    const [a] = await consentedNominees(cloud, 1)
    const round = await openRound(cloud, [a], { seats: 1 })
    await Promise.all(Array.from({ length: 300 }, (_, i) => cloud.as(`v${i}`).call('rolemodel', 'vote', { roundId: round.id, candidateId: a })))
    const hours = await cloud.platform.db.collection('rolemodel_vote_hours').where({ roundId: round.id }).count()
    expect(hours.total).toBe(1)
    cloud.clock.advance(HOUR)
    const view = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'anomalies', { roundId: round.id, day: '2026-11-25' }))
    expect(view.hourly[10]).toBe(300)
  })
})
