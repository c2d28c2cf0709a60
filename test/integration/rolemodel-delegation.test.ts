import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { consentedNominees, nominate, openRound } from './rolemodel-support'

let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud()
})
afterEach(() => cloud.close())

const REVIEWER = 'reviewer-wenming'
const office = () => cloud.as(TEST_ADMIN)
const reviewer = () => cloud.as(REVIEWER)
const delegate = (district: string, granted: boolean) => office().call('rolemodel', 'delegate', { openid: REVIEWER, district, granted })

async function statusOf(id: string) {
  return expectOk(await office().call('rolemodel', 'get', { nominationId: id })).status
}

describe('身边好人 review delegated to a district', () => {
  it('the office delegates 文明区: the reviewer sees, reads and reviews only 文明区’s nominations', async () => {
    const ours = await nominate(cloud, 'resident-1', { name: '王阿姨', district: '文明区' })
    const oursToo = await nominate(cloud, 'resident-2', { name: '李师傅', district: '文明区' })
    const theirs = await nominate(cloud, 'resident-3', { name: '赵大姐', district: '和平区' })

    const list = expectOk(await delegate('文明区', true))
    expect(list).toEqual([expect.objectContaining({ openid: REVIEWER, district: '文明区', grantedBy: TEST_ADMIN })])
    expect(expectOk(await reviewer().call('rolemodel', 'reviewScope', {}))).toEqual({ office: false, districts: ['文明区'] })

    const queue = expectOk(await reviewer().call('rolemodel', 'queue', { status: 'pending' }))
    expect(queue.items.map((i) => i.id).sort()).toEqual([ours.id, oursToo.id].sort())
    await expect(reviewer().call('rolemodel', 'queue', { status: 'pending', district: '和平区' })).resolves.toMatchObject({ ok: false, code: 'ROLEMODEL.DISTRICT_NOT_DELEGATED' })

    expect(expectOk(await reviewer().call('rolemodel', 'get', { nominationId: ours.id })).nominatorPhone).toBe('13800138000')
    await expect(reviewer().call('rolemodel', 'get', { nominationId: theirs.id })).resolves.toMatchObject({ ok: false, code: 'ROLEMODEL.NOT_FOUND' })

    const accepted = expectOk(await reviewer().call('rolemodel', 'review', { nominationId: ours.id, decision: 'accept' }))
    expect('consent' in accepted && accepted.consent.code).toMatch(/^[A-Z2-9]{4}-/)
    expectOk(await reviewer().call('rolemodel', 'review', { nominationId: oursToo.id, decision: 'askMore', note: '请补充事迹发生的时间' }))
    expect(await statusOf(ours.id)).toBe('accepted')
    expect(await statusOf(oursToo.id)).toBe('needsMore')

    for (const decision of [{ decision: 'accept' }, { decision: 'askMore', note: '请补充' }, { decision: 'decline', reason: '事迹不符合评选条件' }] as const) {
      await expect(reviewer().call('rolemodel', 'review', { nominationId: theirs.id, ...decision })).resolves.toMatchObject({ ok: false, code: 'ROLEMODEL.NOT_FOUND' })
    }
    const untouched = expectOk(await office().call('rolemodel', 'get', { nominationId: theirs.id }))
    expect(untouched).toMatchObject({ status: 'pending', officeNote: null, nomineeId: null })
    expect(untouched.history.map((h) => h.action)).toEqual(['nominate'])
  })

  it('a district reviewer cannot merge, mark honoured, manage nominees, rounds, votes or delegations', async () => {
    const a = await nominate(cloud, 'resident-1', { name: '王阿姨', district: '文明区' })
    const b = await nominate(cloud, 'resident-2', { name: '王阿姨', district: '文明区' })
    const [candidate] = await consentedNominees(cloud, 1)
    const round = await openRound(cloud, [candidate])
    expectOk(await delegate('文明区', true))

    const refused = [
      reviewer().call('rolemodel', 'merge', { nominationId: a.id, intoNominationId: b.id }),
      reviewer().call('rolemodel', 'markHonoured', { nominationId: a.id, level: 'province', title: '省道德模范', year: 2024 }),
      reviewer().call('rolemodel', 'nominees', {}),
      reviewer().call('rolemodel', 'consentCode', { nomineeId: candidate }),
      reviewer().call('rolemodel', 'openRound', {
        title: '文明区评选',
        startAt: cloud.clock.now(),
        endAt: cloud.clock.now() + 86_400_000,
        candidateIds: [candidate],
        seats: 1,
        requestId: '4c1f3a52-9a0e-4d7b-8f55-1f3c2d4e5a60',
      }),
      reviewer().call('rolemodel', 'roundOffice', { roundId: round.id }),
      reviewer().call('rolemodel', 'anomalies', { roundId: round.id, day: '2026-11-25' }),
      reviewer().call('rolemodel', 'voidVotes', { roundId: round.id, candidateId: candidate, day: '2026-11-25', fromHour: 1, toHour: 5, freshOnly: false, reason: '凌晨集中投票' }),
      reviewer().call('rolemodel', 'objections', { roundId: round.id }),
      reviewer().call('rolemodel', 'panelScores', { roundId: round.id, scores: [{ candidateId: candidate, score: 90 }] }),
      reviewer().call('rolemodel', 'closeRound', { roundId: round.id }),
      reviewer().call('rolemodel', 'delegations', {}),
      reviewer().call('rolemodel', 'delegate', { openid: 'someone', district: '和平区', granted: true }),
    ]
    for (const outcome of await Promise.all(refused)) expect(outcome).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await statusOf(a.id)).toBe('pending')
    expect(expectOk(await office().call('rolemodel', 'delegations', {}))).toHaveLength(1)
  })

  it('revoking the last district takes the role and the access away, and the audit has both', async () => {
    const n = await nominate(cloud, 'resident-1', { district: '文明区' })
    expectOk(await delegate('文明区', true))
    expectOk(await delegate('和平区', true))
    expect(expectOk(await reviewer().call('rolemodel', 'reviewScope', {})).districts).toEqual(['和平区', '文明区'])

    // one district taken back: the role stays for the other
    expect(expectOk(await delegate('文明区', false)).map((d) => d.district)).toEqual(['和平区'])
    expect(expectOk(await reviewer().call('rolemodel', 'queue', { status: 'pending' })).items).toEqual([])
    await expect(reviewer().call('rolemodel', 'get', { nominationId: n.id })).resolves.toMatchObject({ ok: false, code: 'ROLEMODEL.NOT_FOUND' })

    expect(expectOk(await delegate('和平区', false))).toEqual([])
    await expect(reviewer().call('rolemodel', 'queue', { status: 'pending' })).resolves.toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    await expect(reviewer().call('rolemodel', 'review', { nominationId: n.id, decision: 'accept' })).resolves.toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(expectOk(await office().call('user', 'rolesOf', { openid: REVIEWER })).grants).toEqual([])
    await expect(delegate('和平区', false)).resolves.toMatchObject({ ok: false, code: 'ROLEMODEL.DELEGATION_NOT_FOUND' })
    expect(await statusOf(n.id)).toBe('pending')

    // the test clock stands still: the entries share one time, so they are compared as a set
    const roles = await cloud.platform.db.collection('audit_log').where({ subjectType: 'user', subjectId: REVIEWER }).get()
    expect(roles.data.map((d) => [d.action, d.actorOpenid, (d.detail as { role?: string }).role]).sort()).toEqual([
      ['grantRole', TEST_ADMIN, 'district_reviewer'],
      ['grantRole', TEST_ADMIN, 'district_reviewer'],
      ['revokeRole', TEST_ADMIN, 'district_reviewer'],
    ])
    const delegationAudit = await cloud.platform.db.collection('audit_log').where({ subjectType: 'rolemodel_delegation' }).get()
    expect(delegationAudit.data.map((d) => d.action).sort()).toEqual(['delegate', 'delegate', 'undelegate', 'undelegate'])
  })

  it('the reviewer’s review is audited under their name', async () => {
    const n = await nominate(cloud, 'resident-1', { district: '文明区' })
    expectOk(await delegate('文明区', true))
    expectOk(await reviewer().call('rolemodel', 'review', { nominationId: n.id, decision: 'decline', reason: '事迹发生在外地，请向当地推荐' }))
    const audit = await cloud.platform.db.collection('audit_log').where({ subjectType: 'rolemodel_nomination', subjectId: n.id }).get()
    expect(audit.data).toEqual([expect.objectContaining({ action: 'decline', actorOpenid: REVIEWER, actorRoles: ['district_reviewer'] })])
  })
})
