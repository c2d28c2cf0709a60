import { expectOk, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { HOUR, ORGANIZER, publish, registerVolunteer, signUp, startVolunteerCloud } from './volunteer-fixtures'

/** 设置 → 志愿时限: the cancel deadline and the auto check-out grace, audited; the next cancel uses the new deadline. */
let cloud: TestCloud
beforeEach(async () => {
  cloud = await startVolunteerCloud()
})
afterEach(() => cloud.close())

async function signedUp(openid: string, shiftId: string, n = 1) {
  await registerVolunteer(cloud, openid, n)
  return expectOk(await signUp(cloud, openid, shiftId))
}

test('a shorter cancel deadline: a cancellation 1 hour before is plain, not a no-show; audited before → after', async () => {
  const set = expectOk(await cloud.as(TEST_ADMIN).call('settings', 'setVolunteerTimes', { cancelDeadlineMinutes: 30 }))
  expect(set).toEqual({ cancelDeadlineMinutes: 30, autoCloseGraceMinutes: 30 })
  const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR }])
  const amy = await signedUp('amy', shiftIds[0])
  cloud.clock.advance(4 * HOUR) // 1 hour before: late under the built-in 2 hours
  expect(expectOk(await cloud.as('amy').call('volunteer', 'cancelSignup', { signupId: amy.signupId }))).toMatchObject({ state: 'cancelled', countedAsNoShow: false })
  const { items } = expectOk(await cloud.as(TEST_ADMIN).call('settings', 'audit', { subjectType: 'volunteer_settings' }))
  expect(items.map((e) => [e.action, e.before, e.after])).toEqual([
    ['setVolunteerTimes', { cancelDeadlineMinutes: 120, autoCloseGraceMinutes: 30 }, { cancelDeadlineMinutes: 30, autoCloseGraceMinutes: 30 }],
  ])
})

test('a longer deadline makes the next cancellation late', async () => {
  expectOk(await cloud.as(TEST_ADMIN).call('settings', 'setVolunteerTimes', { cancelDeadlineMinutes: 6 * 60, autoCloseGraceMinutes: 10 }))
  expect(expectOk(await cloud.as('amy').call('volunteer', 'getSettings', {}))).toEqual({ cancelDeadlineMinutes: 360, autoCloseGraceMinutes: 10 })
  const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR }])
  const amy = await signedUp('amy', shiftIds[0])
  expect(expectOk(await cloud.as('amy').call('volunteer', 'cancelSignup', { signupId: amy.signupId }))).toMatchObject({ state: 'noShow', countedAsNoShow: true })
})

test('out-of-range values, nothing to change, an organizer and an unchanged value write nothing', async () => {
  const before = await cloud.snapshot()
  expect(await cloud.as(TEST_ADMIN).call('settings', 'setVolunteerTimes', { cancelDeadlineMinutes: -1 })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
  expect(await cloud.as(TEST_ADMIN).call('settings', 'setVolunteerTimes', { autoCloseGraceMinutes: 7 * 60 })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
  expect(await cloud.as(TEST_ADMIN).call('settings', 'setVolunteerTimes', {})).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
  expect(await cloud.as(ORGANIZER).call('settings', 'setVolunteerTimes', { cancelDeadlineMinutes: 30 })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  expectOk(await cloud.as(TEST_ADMIN).call('settings', 'setVolunteerTimes', { cancelDeadlineMinutes: 120 }))
  expect(await cloud.snapshot()).toEqual(before)
})
