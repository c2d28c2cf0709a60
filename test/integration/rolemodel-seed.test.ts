import { seedDemoData } from '@/cloud/local-host/seed'
import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'

let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud({ adminOpenids: ['demo-admin'] })
})
afterEach(() => cloud.close())

describe('身边好人 demo data', () => {
  it('seeds nominations in several states, an open round of consented candidates and a 好人榜, the same twice', async () => {
    await seedDemoData(cloud.platform)
    const first = await cloud.snapshot()
    await seedDemoData(cloud.platform)
    expect((await cloud.snapshot()).rolemodel_nominations).toEqual(first.rolemodel_nominations)
    const rounds = expectOk(await cloud.as('demo-resident').call('rolemodel', 'rounds', {}))
    const open = rounds.find((r) => r.status === 'open')
    expect(open?.candidateCount).toBe(3)
    const round = expectOk(await cloud.as('demo-resident').call('rolemodel', 'round', { roundId: open?.id ?? '' }))
    expect(round.candidates.map((c) => c.name)).toEqual(['王秀英', '李建国', '张卫东'])
    expect(expectOk(await cloud.as('demo-resident').call('rolemodel', 'board', {})).items).toHaveLength(2)
    const statuses = (first.rolemodel_nominations as Array<{ status: string }>).map((n) => n.status).sort()
    expect(statuses).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'honoured', 'merged', 'needsMore', 'pending'])
    expect(expectOk(await cloud.as('demo-resident').call('rolemodel', 'myNominations', {})).items).toHaveLength(3)
  })
})
