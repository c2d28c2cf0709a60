import { TEST_ADMIN, expectOk, startTestCloud, type TestCloud } from '../support/cloud'

/** The audit read-back: newest first, in pages of 20, filtered by subject, never showing an openid. */
let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud({ adminOpenids: [TEST_ADMIN, 'admin-with-name'] })
})
afterEach(() => cloud.close())

describe('settings.audit', () => {
  test('lists every change newest first and pages without repeats or gaps', async () => {
    const made: string[] = []
    for (let i = 0; i < 25; i++) {
      cloud.clock.advance(60_000)
      made.push(expectOk(await cloud.as(TEST_ADMIN).call('settings', 'saveUnit', { name: `单位${i + 1}` })).unitId)
    }
    // two changes in the same millisecond still page apart (ties break by id)
    expectOk(await cloud.as(TEST_ADMIN).call('settings', 'saveUnit', { unitId: made[24], name: '单位二十五' }))

    const first = expectOk(await cloud.as(TEST_ADMIN).call('settings', 'audit', {}))
    expect(first.items).toHaveLength(20)
    expect(first.next).not.toBeNull()
    const second = expectOk(await cloud.as(TEST_ADMIN).call('settings', 'audit', { cursor: first.next ?? undefined }))
    expect(second.items).toHaveLength(6)
    expect(second.next).toBeNull()

    const all = [...first.items, ...second.items]
    expect(new Set(all.map((e) => e.id)).size).toBe(26)
    const times = all.map((e) => e.at)
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(all.filter((e) => e.action === 'addUnit').map((e) => e.subjectId)).toEqual([...made].reverse())
    expect(all.find((e) => e.action === 'renameUnit')).toMatchObject({ before: { name: '单位25' }, after: { name: '单位二十五' } })
  })

  test('filters by subject type, and says who by nickname or 文明办 — never the openid', async () => {
    expectOk(await cloud.as('admin-with-name').call('user', 'updateProfile', { nickname: '文明办小李' }))
    expectOk(await cloud.as(TEST_ADMIN).call('settings', 'saveUnit', { name: '城管大队' }))
    cloud.clock.advance(1000)
    expectOk(await cloud.as('admin-with-name').call('settings', 'setCategory', { categoryId: 'littering', hint: '乱扔垃圾、烟头' }))

    const units = expectOk(await cloud.as(TEST_ADMIN).call('settings', 'audit', { subjectType: 'reportUnit' }))
    expect(units.items.map((e) => [e.action, e.who])).toEqual([['addUnit', '文明办']])
    const all = expectOk(await cloud.as(TEST_ADMIN).call('settings', 'audit', {}))
    expect(all.items[0]).toMatchObject({ action: 'setCategory', who: '文明办小李', subjectType: 'reportCategory' })
    expect(JSON.stringify(all)).not.toContain('admin-with-name')
    expect(JSON.stringify(all)).not.toContain(TEST_ADMIN)
  })

  test('the older 随手拍 and 志愿 settings are read back with what each value was and is now', async () => {
    expectOk(await cloud.as(TEST_ADMIN).call('report', 'updateSettings', { dailyLimit: 12 }))
    cloud.clock.advance(1000)
    expectOk(await cloud.as(TEST_ADMIN).call('volunteer', 'updateSettings', { cancelDeadlineMinutes: 240 }))
    const { items } = expectOk(await cloud.as(TEST_ADMIN).call('settings', 'audit', {}))
    expect(items[0]).toMatchObject({
      subjectType: 'volunteer_settings',
      before: { cancelDeadlineMinutes: 120, autoCloseGraceMinutes: 30 },
      after: { cancelDeadlineMinutes: 240, autoCloseGraceMinutes: 30 },
    })
    expect(items[1]).toMatchObject({ subjectType: 'reportSettings', before: { dailyLimit: 20 }, after: { dailyLimit: 12 } })
  })

  test('a malformed cursor is refused; a resident is refused', async () => {
    expect(await cloud.as(TEST_ADMIN).call('settings', 'audit', { cursor: 'not-a-cursor' })).toMatchObject({ ok: false, code: 'SETTINGS.BAD_CURSOR' })
    expect(await cloud.as('resident-1').call('settings', 'audit', {})).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })
})
