import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'
import { nominate, nominationInput, TEST_ADMIN, uploadPhoto } from './rolemodel-support'

let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud()
})
afterEach(() => cloud.close())

describe('身边好人 nominations', () => {
  it('stores a valid nomination once per requestId and shows it to its nominator without the office data', async () => {
    const input = nominationInput()
    const first = expectOk(await cloud.as('alice').call('rolemodel', 'nominate', input))
    const again = expectOk(await cloud.as('alice').call('rolemodel', 'nominate', input))
    expect(again.id).toBe(first.id)
    expect(first.status).toBe('pending')
    const mine = expectOk(await cloud.as('alice').call('rolemodel', 'myNominations', {}))
    expect(mine.items.map((n) => n.id)).toEqual([first.id])
    expect(JSON.stringify(mine)).not.toContain('13800138000')
    expect(expectOk(await cloud.as('bob').call('rolemodel', 'myNominations', {})).items).toEqual([])
  })

  it('refuses bad input and text that fails the content check, writing nothing', async () => {
    const before = await cloud.snapshot()
    const cases = [
      { ...nominationInput(), account: '太短' },
      { ...nominationInput(), account: '好'.repeat(501) },
      { ...nominationInput(), name: '' },
      { ...nominationInput(), categoryId: 'kindness' },
      { ...nominationInput(), place: { district: '文明区', street: '和平街道' } },
      { ...nominationInput(), phone: '12345' },
      { ...nominationInput(), requestId: 'not-a-uuid' },
      { ...nominationInput(), photos: Array.from({ length: 7 }, (_, i) => `cloud://env/rolemodel/20261125/${i}.jpg`) },
    ]
    for (const data of cases) {
      const result = await cloud.as('alice').raw('rolemodel', { action: 'nominate', data })
      expect(result.ok ? 'ok' : result.code).toBe('INPUT.INVALID')
    }
    const rejected = await cloud.as('alice').call('rolemodel', 'nominate', nominationInput({ account: '这个人经常组织赌博活动，大家都知道的事情' }))
    expect(rejected.ok ? 'ok' : rejected.code).toBe('ROLEMODEL.TEXT_REJECTED')
    expect(await cloud.snapshot()).toEqual(before)
  })

  it('takes only the caller’s own photos, and keeps a photo that fails the image check away from the public record', async () => {
    const bobs = await uploadPhoto(cloud, 'bob')
    const notMine = await cloud.as('alice').call('rolemodel', 'nominate', nominationInput({ photos: [bobs] }))
    expect(notMine.ok ? 'ok' : notMine.code).toBe('ROLEMODEL.PHOTO_NOT_YOURS')
    const good = await uploadPhoto(cloud, 'alice')
    const risky = await uploadPhoto(cloud, 'alice', 'risky')
    const n = await nominate(cloud, 'alice', { photos: [good, risky] })
    expect(n.photos).toHaveLength(2)
    const office = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'get', { nominationId: n.id }))
    expect(office.photoChecks.map((p) => p.state)).toEqual(['pass', 'rejected'])
    expect(office.nominatorPhone).toBe('13800138000')
    const accepted = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'review', { nominationId: n.id, decision: 'accept' }))
    if (!('nominee' in accepted)) throw new Error('no nominee')
    expect(accepted.nominee.photos).toHaveLength(1)
  })

  it('asks for more (the nominator reads the note and amends), declines with a reason', async () => {
    const n = await nominate(cloud, 'alice')
    expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'review', { nominationId: n.id, decision: 'askMore', note: '请补充事迹发生的时间和具体经过' }))
    let mine = expectOk(await cloud.as('alice').call('rolemodel', 'myNominations', {})).items[0]
    expect(mine.status).toBe('needsMore')
    expect(mine.officeNote).toBe('请补充事迹发生的时间和具体经过')
    const notHers = await cloud.as('bob').call('rolemodel', 'amend', { nominationId: n.id, account: '2025年起每天为独居老人送饭，已坚持一年多。' })
    expect(notHers.ok ? 'ok' : notHers.code).toBe('ROLEMODEL.NOT_FOUND')
    expectOk(await cloud.as('alice').call('rolemodel', 'amend', { nominationId: n.id, account: '2025年起每天为独居老人送饭，已坚持一年多。' }))
    mine = expectOk(await cloud.as('alice').call('rolemodel', 'myNominations', {})).items[0]
    expect(mine.status).toBe('pending')
    const again = await cloud.as('alice').call('rolemodel', 'amend', { nominationId: n.id, account: '再改一次的事迹内容，够十个字了。' })
    expect(again.ok ? 'ok' : again.code).toBe('ROLEMODEL.NOT_AMENDABLE')

    const other = await nominate(cloud, 'bob', { name: '李师傅' })
    expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'review', { nominationId: other.id, decision: 'decline', reason: '事迹发生在外市，不在本次征集范围' }))
    const bobs = expectOk(await cloud.as('bob').call('rolemodel', 'myNominations', {})).items[0]
    expect([bobs.status, bobs.officeNote]).toEqual(['declined', '事迹发生在外市，不在本次征集范围'])
    const twice = await cloud.as(TEST_ADMIN).call('rolemodel', 'review', { nominationId: other.id, decision: 'accept' })
    expect(twice.ok ? 'ok' : twice.code).toBe('ROLEMODEL.INVALID_TRANSITION')
  })

  it('suggests nominations of the same person and merges them when the office confirms', async () => {
    const a = await nominate(cloud, 'alice', { name: '王 阿姨' })
    const b = await nominate(cloud, 'bob', { name: '王阿姨', account: '王阿姨经常帮邻居照看孩子，还自费给小区装了休息长椅。' })
    const elsewhere = await nominate(cloud, 'carol', { name: '王阿姨', district: '另一个区' })
    const queue = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'queue', { status: 'pending' }))
    expect(queue.items.find((i) => i.id === a.id)?.possibleDuplicates).toBe(1)
    expect(queue.items.find((i) => i.id === elsewhere.id)?.possibleDuplicates).toBe(0)
    const self = await cloud.as(TEST_ADMIN).call('rolemodel', 'merge', { nominationId: a.id, intoNominationId: a.id })
    expect(self.ok ? 'ok' : self.code).toBe('ROLEMODEL.MERGE_SELF')

    const accepted = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'review', { nominationId: a.id, decision: 'accept' }))
    if (!('nominee' in accepted)) throw new Error('no nominee')
    const merged = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'merge', { nominationId: b.id, intoNominationId: a.id }))
    expect(merged.merged.map((m) => m.id)).toEqual([b.id])
    const bobs = expectOk(await cloud.as('bob').call('rolemodel', 'myNominations', {})).items[0]
    expect(bobs.status).toBe('merged')
    const nominee = expectOk(await cloud.as(TEST_ADMIN).call('rolemodel', 'nominees', {})).items[0]
    expect(nominee.nominationIds).toEqual([a.id, b.id])
    const twice = await cloud.as(TEST_ADMIN).call('rolemodel', 'merge', { nominationId: b.id, intoNominationId: a.id })
    expect(twice.ok ? 'ok' : twice.code).toBe('ROLEMODEL.INVALID_TRANSITION')
  })

  it('marks people already honoured at this or a higher level; they are not selected again', async () => {
    const n = await nominate(cloud, 'alice')
    const marked = expectOk(
      await cloud.as(TEST_ADMIN).call('rolemodel', 'markHonoured', { nominationId: n.id, level: 'province', title: '省道德模范', year: 2024 }),
    )
    expect(marked.status).toBe('honoured')
    expect(marked.honour).toEqual({ level: 'province', title: '省道德模范', year: 2024 })
    const mine = expectOk(await cloud.as('alice').call('rolemodel', 'myNominations', {})).items[0]
    expect(mine.officeNote).toContain('省道德模范')
    const accept = await cloud.as(TEST_ADMIN).call('rolemodel', 'review', { nominationId: n.id, decision: 'accept' })
    expect(accept.ok ? 'ok' : accept.code).toBe('ROLEMODEL.INVALID_TRANSITION')
    const audit = await cloud.platform.db.collection('audit_log').where({ subjectType: 'rolemodel_nomination', subjectId: n.id }).get()
    expect(audit.data.map((d) => d.action)).toContain('markHonoured')
  })
})
