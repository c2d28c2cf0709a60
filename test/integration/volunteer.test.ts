import { encodeScene } from '@/shared/scene'
import { expectOk, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { grantConsent } from '../support/notify'
import {
  currentCode,
  HOUR,
  MIN,
  ORGANIZER,
  OTHER_ORGANIZER,
  PLACE,
  publish,
  registerVolunteer,
  requestId,
  shiftView,
  signUp,
  startVolunteerCloud,
  subscribeMessagesTo,
} from './volunteer-fixtures'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await startVolunteerCloud()
})
afterEach(() => cloud.close())

const SLOT = 30_000
// one metre of latitude on turf's sphere
const north = (m: number) => ({ lat: PLACE.lat + (m * 180) / (Math.PI * 6371008.8), lng: PLACE.lng })

async function signedUp(openid: string, shiftId: string, n = 1) {
  await registerVolunteer(cloud, openid, n)
  // the sign-up tap asks for the volunteer's messages, as the app does
  await grantConsent(cloud, openid, ['shiftReminder', 'waitlistPromoted', 'shiftCancelled'])
  return expectOk(await signUp(cloud, openid, shiftId))
}

async function recordOf(openid: string, signupId: string) {
  for (const scope of ['upcoming', 'history'] as const) {
    const { items } = expectOk(await cloud.as(openid).call('volunteer', 'myRecords', { scope }))
    const found = items.find((r) => r.signupId === signupId)
    if (found) return found
  }
  throw new Error('record not found')
}

describe('becoming a volunteer', () => {
  test('registration stores the record fields, shows them back masked and grants the volunteer role', async () => {
    const profile = expectOk(
      await cloud.as('amy').call('volunteer', 'register', {
        realName: '王小明',
        idType: 'resident',
        idNumber: '110101199003074258',
        phone: '13800138000',
        consent: true,
      }),
    )
    expect(profile).toMatchObject({ realName: '王*明', phone: '138****8000', idNumber: '1101**********4258', confirmedMinutes: 0 })
    const me = expectOk(await cloud.as('amy').call('user', 'me', {}))
    expect(me.roles).toContainEqual({ role: 'volunteer', scopeId: null })
  })

  test('a wrong check digit is refused and nothing is stored', async () => {
    const before = await cloud.snapshot()
    const result = await cloud.as('amy').call('volunteer', 'register', {
      realName: '王小明',
      idType: 'resident',
      idNumber: '110101199003074259',
      phone: '13800138000',
      consent: true,
    })
    expect(result).toMatchObject({ ok: false, code: 'VOLUNTEER.ID_NUMBER_INVALID' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('without consent there is no registration', async () => {
    const result = await cloud.as('amy').call('volunteer', 'register', {
      realName: '王小明',
      idType: 'resident',
      idNumber: '110101199003074258',
      phone: '13800138000',
      consent: false as unknown as true,
    })
    expect(result).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
  })

  test('signing up needs a registration', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR }])
    expect(await signUp(cloud, 'nobody', shiftIds[0])).toMatchObject({ ok: false, code: 'VOLUNTEER.PROFILE_REQUIRED' })
  })
})

describe('sign-up', () => {
  test('takes a place, and the places left go down', async () => {
    const { activityId, shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 3 }])
    const result = await signedUp('amy', shiftIds[0])
    expect(result).toMatchObject({ state: 'signed', waitlistPosition: null })
    expect(await shiftView(cloud, activityId, shiftIds[0])).toMatchObject({ taken: 1, placesLeft: 2 })
  })

  test('a full shift puts the next people on the waitlist, numbered in order', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 1 }])
    await signedUp('amy', shiftIds[0], 1)
    expect(await signedUp('ben', shiftIds[0], 2)).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 })
    expect(await signedUp('cat', shiftIds[0], 3)).toMatchObject({ state: 'waitlisted', waitlistPosition: 2 })
  })

  test('a retry with the same requestId returns the first result and writes nothing more', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 5 }])
    await registerVolunteer(cloud, 'amy')
    const id = requestId()
    const first = expectOk(await cloud.as('amy').call('volunteer', 'signUp', { shiftId: shiftIds[0], requestId: id }))
    const before = await cloud.snapshot()
    const again = expectOk(await cloud.as('amy').call('volunteer', 'signUp', { shiftId: shiftIds[0], requestId: id }))
    expect(again).toEqual(first)
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('the same request sent ten times at once makes one signup', async () => {
    const { activityId, shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 5 }])
    await registerVolunteer(cloud, 'amy')
    const id = requestId()
    const results = await Promise.all(
      Array.from({ length: 10 }, () => cloud.as('amy').call('volunteer', 'signUp', { shiftId: shiftIds[0], requestId: id })),
    )
    const ids = new Set(results.map((r) => expectOk(r).signupId))
    expect(ids.size).toBe(1)
    expect(await shiftView(cloud, activityId, shiftIds[0])).toMatchObject({ taken: 1 })
  })

  test('a second sign-up for the same shift with a new requestId is refused', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR }])
    await signedUp('amy', shiftIds[0])
    expect(await signUp(cloud, 'amy', shiftIds[0])).toMatchObject({ ok: false, code: 'VOLUNTEER.ALREADY_SIGNED_UP' })
  })

  test('two overlapping shifts for one person: the second is refused; back-to-back shifts are fine', async () => {
    const { shiftIds } = await publish(cloud, [
      { startIn: 5 * HOUR, length: 2 * HOUR },
      { startIn: 6 * HOUR, length: 2 * HOUR },
      { startIn: 7 * HOUR, length: 2 * HOUR },
    ])
    await signedUp('amy', shiftIds[0])
    expect(await signUp(cloud, 'amy', shiftIds[1])).toMatchObject({ ok: false, code: 'VOLUNTEER.OVERLAP' })
    expect(expectOk(await signUp(cloud, 'amy', shiftIds[2])).state).toBe('signed')
  })

  test('two overlapping sign-ups sent at once by one person: only one goes through', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR }, { startIn: 6 * HOUR }])
    await registerVolunteer(cloud, 'amy')
    const results = await Promise.all(shiftIds.map((id) => signUp(cloud, 'amy', id)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'VOLUNTEER.OVERLAP' })])
  })

  test('a waitlist entry also blocks an overlapping sign-up', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 1 }, { startIn: 6 * HOUR }])
    await signedUp('amy', shiftIds[0], 1)
    await signedUp('ben', shiftIds[0], 2)
    expect(await signUp(cloud, 'ben', shiftIds[1])).toMatchObject({ ok: false, code: 'VOLUNTEER.OVERLAP' })
  })

  test('no sign-up once the shift has started', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 1 * HOUR }])
    await registerVolunteer(cloud, 'amy')
    cloud.clock.advance(1 * HOUR)
    expect(await signUp(cloud, 'amy', shiftIds[0])).toMatchObject({ ok: false, code: 'VOLUNTEER.SHIFT_STARTED' })
  })
})

describe('cancellation and the waitlist', () => {
  test('cancelling before the deadline frees the place for the first in line, who is told', async () => {
    const { activityId, shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 1 }])
    const amy = await signedUp('amy', shiftIds[0], 1)
    const ben = await signedUp('ben', shiftIds[0], 2)
    await signedUp('cat', shiftIds[0], 3)
    expect(expectOk(await cloud.as('amy').call('volunteer', 'cancelSignup', { signupId: amy.signupId }))).toEqual({
      signupId: amy.signupId,
      state: 'cancelled',
      countedAsNoShow: false,
    })
    expect(await recordOf('ben', ben.signupId)).toMatchObject({ state: 'signed' })
    expect(await shiftView(cloud, activityId, shiftIds[0])).toMatchObject({ taken: 1, waiting: 1 })
    const [message] = subscribeMessagesTo(cloud, 'ben')
    expect(message).toMatchObject({ templateId: 'VOLUNTEER_PROMOTED_TEMPLATE', page: expect.stringContaining(activityId) })
    expect(subscribeMessagesTo(cloud, 'cat')).toEqual([])
  })

  test('cancelling after the deadline (2 hours by default) counts as a no-show, and the place still goes on', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 1 }])
    const amy = await signedUp('amy', shiftIds[0], 1)
    const ben = await signedUp('ben', shiftIds[0], 2)
    cloud.clock.advance(3 * HOUR + 1) // 1 h 59 min 59.999 s before the start
    expect(expectOk(await cloud.as('amy').call('volunteer', 'cancelSignup', { signupId: amy.signupId }))).toMatchObject({
      state: 'noShow',
      countedAsNoShow: true,
    })
    expect(await recordOf('amy', amy.signupId)).toMatchObject({ state: 'noShow', noShowReason: 'lateCancel' })
    expect(await recordOf('ben', ben.signupId)).toMatchObject({ state: 'signed' })
    expect(await signUp(cloud, 'amy', shiftIds[0])).toMatchObject({ ok: false, code: 'VOLUNTEER.LATE_CANCELLED' })
  })

  test('exactly at the deadline is still a plain cancellation', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR }])
    const amy = await signedUp('amy', shiftIds[0])
    cloud.clock.advance(3 * HOUR)
    expect(expectOk(await cloud.as('amy').call('volunteer', 'cancelSignup', { signupId: amy.signupId })).state).toBe('cancelled')
  })

  test('the office can move the deadline', async () => {
    expectOk(await cloud.as(TEST_ADMIN).call('volunteer', 'updateSettings', { cancelDeadlineMinutes: 30 }))
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR }])
    const amy = await signedUp('amy', shiftIds[0])
    cloud.clock.advance(4 * HOUR) // 1 hour before
    expect(expectOk(await cloud.as('amy').call('volunteer', 'cancelSignup', { signupId: amy.signupId })).state).toBe('cancelled')
    expect(await cloud.as(ORGANIZER).call('volunteer', 'updateSettings', { cancelDeadlineMinutes: 30 })).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    })
  })

  test('leaving the waitlist moves everyone behind up by one', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 1 }])
    await signedUp('amy', shiftIds[0], 1)
    const ben = await signedUp('ben', shiftIds[0], 2)
    const cat = await signedUp('cat', shiftIds[0], 3)
    expectOk(await cloud.as('ben').call('volunteer', 'cancelSignup', { signupId: ben.signupId }))
    expect(await recordOf('cat', cat.signupId)).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 })
  })

  test('promotions follow the queue: two places freed go to the first two in line', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 2 }])
    const amy = await signedUp('amy', shiftIds[0], 1)
    const ben = await signedUp('ben', shiftIds[0], 2)
    const queue = []
    for (const [i, who] of ['cat', 'dan', 'eve'].entries()) queue.push(await signedUp(who, shiftIds[0], 3 + i))
    await Promise.all([
      cloud.as('amy').call('volunteer', 'cancelSignup', { signupId: amy.signupId }),
      cloud.as('ben').call('volunteer', 'cancelSignup', { signupId: ben.signupId }),
    ])
    expect((await recordOf('cat', queue[0].signupId)).state).toBe('signed')
    expect((await recordOf('dan', queue[1].signupId)).state).toBe('signed')
    expect(await recordOf('eve', queue[2].signupId)).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 })
  })

  test('more places from the organizer go to the waitlist in order', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 1 }])
    await signedUp('amy', shiftIds[0], 1)
    const ben = await signedUp('ben', shiftIds[0], 2)
    const cat = await signedUp('cat', shiftIds[0], 3)
    expect(expectOk(await cloud.as(ORGANIZER).call('volunteer', 'updateShift', { shiftId: shiftIds[0], capacity: 2 }))).toMatchObject({
      taken: 2,
      waiting: 1,
    })
    expect((await recordOf('ben', ben.signupId)).state).toBe('signed')
    expect((await recordOf('cat', cat.signupId)).state).toBe('waitlisted')
  })

  test('capacity cannot drop below the places taken', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 3 }])
    await signedUp('amy', shiftIds[0], 1)
    await signedUp('ben', shiftIds[0], 2)
    expect(await cloud.as(ORGANIZER).call('volunteer', 'updateShift', { shiftId: shiftIds[0], capacity: 1 })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.CAPACITY_BELOW_TAKEN',
    })
  })

  test('an organizer cancelling a shift tells everyone signed up or waiting', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 1 }])
    const amy = await signedUp('amy', shiftIds[0], 1)
    await signedUp('ben', shiftIds[0], 2)
    expectOk(await cloud.as(ORGANIZER).call('volunteer', 'cancelShift', { shiftId: shiftIds[0], reason: '暴雨预警' }))
    for (const who of ['amy', 'ben']) {
      expect(subscribeMessagesTo(cloud, who)).toEqual([
        expect.objectContaining({ templateId: 'VOLUNTEER_CANCELLED_TEMPLATE', data: expect.objectContaining({ thing3: { value: '暴雨预警' } }) }),
      ])
    }
    expect(await recordOf('amy', amy.signupId)).toMatchObject({ state: 'cancelled', cancelReason: 'byOrganizer', shiftCancelled: true })
  })
})

describe('check-in by the rotating code', () => {
  async function readyToCheckIn() {
    const { activityId, shiftIds } = await publish(cloud, [{ startIn: 1 * HOUR, capacity: 5 }])
    const amy = await signedUp('amy', shiftIds[0])
    cloud.clock.advance(40 * MIN) // check-in opens 30 minutes before the start
    return { activityId, shiftId: shiftIds[0], signupId: amy.signupId }
  }

  test('the 6-digit code on the organizer screen checks the volunteer in', async () => {
    const { shiftId, signupId } = await readyToCheckIn()
    const { code } = await currentCode(cloud, shiftId)
    const result = expectOk(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'code', code } }))
    expect(result).toMatchObject({ signupId, state: 'checkedIn', source: 'code', at: cloud.clock.now() })
    expect(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'code', code } })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.ALREADY_CHECKED_IN',
    })
  })

  test('the scanned QR (scene c<shiftId>.<token>) checks the volunteer in', async () => {
    const { shiftId } = await readyToCheckIn()
    const { scene } = await currentCode(cloud, shiftId)
    expect(scene).toMatch(new RegExp(`^c${shiftId}\\.[A-Za-z0-9_-]{4,20}$`))
    expect(expectOk(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'scan', scene } })).source).toBe('code')
  })

  test('a code still works in the next 30-second slot, and is dead after that (a screenshot stops working within a minute)', async () => {
    const { shiftId } = await readyToCheckIn()
    cloud.clock.set(Math.ceil(cloud.clock.now() / SLOT) * SLOT) // the start of a slot
    const { code, scene } = await currentCode(cloud, shiftId)
    cloud.clock.advance(2 * SLOT)
    expect(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'code', code } })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.CODE_EXPIRED',
    })
    expect(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'scan', scene } })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.CODE_EXPIRED',
    })
    cloud.clock.advance(-SLOT - 1) // the last millisecond of the next slot
    expect(expectOk(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'code', code } })).state).toBe('checkedIn')
  })

  test('the code rotates every 30 seconds', async () => {
    const { shiftId } = await readyToCheckIn()
    const first = await currentCode(cloud, shiftId)
    cloud.clock.advance(SLOT)
    const second = await currentCode(cloud, shiftId)
    expect(second.scene).not.toBe(first.scene)
    expect(second.code).not.toBe(first.code)
  })

  test("another shift's code is refused as such, without using up a try", async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 1 * HOUR }, { startIn: 4 * HOUR }])
    await signedUp('amy', shiftIds[0])
    cloud.clock.advance(40 * MIN)
    const other = await currentCode(cloud, shiftIds[1])
    for (let i = 0; i < 6; i++) {
      expect(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId: shiftIds[0], proof: { kind: 'scan', scene: other.scene } })).toMatchObject({
        ok: false,
        code: 'VOLUNTEER.CODE_WRONG_SHIFT',
      })
    }
    const { code } = await currentCode(cloud, shiftIds[0])
    expect(expectOk(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId: shiftIds[0], proof: { kind: 'code', code } })).state).toBe('checkedIn')
  })

  test('a forged token is invalid', async () => {
    const { shiftId } = await readyToCheckIn()
    const scene = encodeScene({ kind: 'checkIn', shiftId, token: 'AAAAAAAAAA' })
    expect(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'scan', scene } })).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.CODE_INVALID',
    })
  })

  test('five wrong codes lock code check-in for ten minutes, even with the right code; the geofence still works', async () => {
    const { shiftId } = await readyToCheckIn()
    const { code } = await currentCode(cloud, shiftId)
    const wrong = code === '000000' ? '000001' : '000000'
    for (let i = 0; i < 5; i++) {
      expect(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'code', code: wrong } })).toMatchObject({
        code: 'VOLUNTEER.CODE_INVALID',
      })
    }
    const locked = await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'code', code } })
    expect(locked).toMatchObject({ ok: false, code: 'VOLUNTEER.TOO_MANY_ATTEMPTS', message: expect.stringContaining('10 分钟') })
    cloud.clock.advance(10 * MIN)
    const fresh = await currentCode(cloud, shiftId)
    expect(expectOk(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'code', code: fresh.code } })).state).toBe('checkedIn')
  })

  test('five wrong guesses sent at once cannot become more than five', async () => {
    const { shiftId } = await readyToCheckIn()
    const { code } = await currentCode(cloud, shiftId)
    const guesses = Array.from({ length: 30 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'))
    const results = await Promise.all(guesses.map((g) => cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'code', code: g } })))
    expect(results.filter((r) => !r.ok && r.code === 'VOLUNTEER.CODE_INVALID').length).toBeLessThanOrEqual(5)
    expect(results.filter((r) => !r.ok && r.code === 'VOLUNTEER.TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(25)
  })

  test('right codes do not count against the limit', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 1 * HOUR }])
    await signedUp('amy', shiftIds[0])
    cloud.clock.advance(40 * MIN)
    const { code } = await currentCode(cloud, shiftIds[0])
    const wrong = code === '000000' ? '000001' : '000000'
    for (let i = 0; i < 4; i++) await cloud.as('amy').call('volunteer', 'checkIn', { shiftId: shiftIds[0], proof: { kind: 'code', code: wrong } })
    expectOk(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId: shiftIds[0], proof: { kind: 'code', code } }))
    expect(await cloud.as('amy').call('volunteer', 'checkOut', { shiftId: shiftIds[0], proof: { kind: 'code', code: wrong } })).toMatchObject({
      code: 'VOLUNTEER.CODE_INVALID',
    })
  })

  test('outside the window: before it opens, and from the end of the shift', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 1 * HOUR, length: 1 * HOUR }])
    await signedUp('amy', shiftIds[0])
    cloud.clock.advance(30 * MIN - 1)
    const early = await currentCode(cloud, shiftIds[0])
    expect(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId: shiftIds[0], proof: { kind: 'code', code: early.code } })).toMatchObject({
      code: 'VOLUNTEER.CHECK_IN_NOT_OPEN',
    })
    cloud.clock.advance(90 * MIN + 1) // the end
    const late = await currentCode(cloud, shiftIds[0])
    expect(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId: shiftIds[0], proof: { kind: 'code', code: late.code } })).toMatchObject({
      code: 'VOLUNTEER.CHECK_IN_CLOSED',
    })
  })

  test('a waitlisted volunteer cannot check in', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 1 * HOUR, capacity: 1 }])
    await signedUp('amy', shiftIds[0], 1)
    await signedUp('ben', shiftIds[0], 2)
    cloud.clock.advance(40 * MIN)
    const { code } = await currentCode(cloud, shiftIds[0])
    expect(await cloud.as('ben').call('volunteer', 'checkIn', { shiftId: shiftIds[0], proof: { kind: 'code', code } })).toMatchObject({
      code: 'VOLUNTEER.NOT_SIGNED_UP',
    })
  })
})

describe('check-in by geofence', () => {
  async function ready() {
    const { shiftIds } = await publish(cloud, [{ startIn: 1 * HOUR }])
    await signedUp('amy', shiftIds[0])
    cloud.clock.advance(40 * MIN)
    return shiftIds[0]
  }

  test('inside the radius (200 m), right up to the edge, checks in and reports the distance', async () => {
    const shiftId = await ready()
    const result = expectOk(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'geofence', ...north(199.4) } }))
    expect(result).toMatchObject({ state: 'checkedIn', source: 'geofence', distanceM: 199 })
  })

  test('just outside the radius is refused with the distance in the message', async () => {
    const shiftId = await ready()
    const result = await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'geofence', ...north(200.6) } })
    expect(result).toMatchObject({ ok: false, code: 'VOLUNTEER.OUTSIDE_GEOFENCE', message: expect.stringContaining('约 201 米') })
  })

  test('checking out by geofence closes the record', async () => {
    const shiftId = await ready()
    expectOk(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'geofence', ...north(10) } }))
    cloud.clock.advance(80 * MIN) // 1 h into the shift
    const out = expectOk(await cloud.as('amy').call('volunteer', 'checkOut', { shiftId, proof: { kind: 'geofence', ...north(50) } }))
    expect(out).toMatchObject({ state: 'checkedOut', source: 'geofence', minutes: 60 })
  })
})

describe('hours', () => {
  async function attend(opts: { inAt: number; outAt: number | null; length?: number }) {
    const { shiftIds } = await publish(cloud, [{ startIn: 1 * HOUR, length: opts.length ?? 2 * HOUR }])
    const shiftId = shiftIds[0]
    const start = cloud.clock.now() + 1 * HOUR
    const amy = await signedUp('amy', shiftId)
    cloud.clock.set(start + opts.inAt)
    expectOk(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId, proof: { kind: 'geofence', ...north(0) } }))
    if (opts.outAt !== null) {
      cloud.clock.set(start + opts.outAt)
      expectOk(await cloud.as('amy').call('volunteer', 'checkOut', { shiftId, proof: { kind: 'geofence', ...north(0) } }))
    }
    return { shiftId, start, signupId: amy.signupId }
  }

  test('arriving early and leaving on time credits the shift length, not the time on site', async () => {
    const { signupId } = await attend({ inAt: -25 * MIN, outAt: 2 * HOUR })
    expect(await recordOf('amy', signupId)).toMatchObject({ state: 'checkedOut', minutes: 120 })
  })

  test('leaving 14 minutes after the start credits 0', async () => {
    const { signupId } = await attend({ inAt: -5 * MIN, outAt: 14 * MIN })
    expect((await recordOf('amy', signupId)).minutes).toBe(0)
  })

  test('leaving early credits the overlap', async () => {
    const { signupId } = await attend({ inAt: 10 * MIN, outAt: 55 * MIN })
    expect((await recordOf('amy', signupId)).minutes).toBe(45)
  })

  test('forgetting to check out: at end + grace (30 min) the record closes at the shift end, marked auto-closed', async () => {
    const { shiftId, start, signupId } = await attend({ inAt: 20 * MIN, outAt: null })
    cloud.clock.set(start + 2 * HOUR + 30 * MIN - 1)
    const roster = expectOk(await cloud.as(ORGANIZER).call('volunteer', 'roster', { shiftId }))
    expect(roster.items[0]).toMatchObject({ state: 'checkedIn', autoClosed: false })
    cloud.clock.advance(1)
    const after = expectOk(await cloud.as(ORGANIZER).call('volunteer', 'roster', { shiftId }))
    expect(after.items[0]).toMatchObject({
      state: 'checkedOut',
      autoClosed: true,
      checkOut: { at: start + 2 * HOUR, source: 'auto' },
      minutes: 100,
    })
    expect(after.counts).toMatchObject({ autoClosed: 1, checkedOut: 1, checkedIn: 0 })
    expect(await cloud.as('amy').call('volunteer', 'checkOut', { shiftId, proof: { kind: 'geofence', ...north(0) } })).toMatchObject({
      code: 'VOLUNTEER.CHECK_OUT_CLOSED',
    })
    expect(await recordOf('amy', signupId)).toMatchObject({ autoClosed: true, minutes: 100 })
  })

  test('the timer closes a forgotten check-out at end + grace without anyone opening the shift', async () => {
    const { start, signupId } = await attend({ inAt: 20 * MIN, outAt: null })
    const timer = { Type: 'Timer', TriggerName: 'closeEndedShifts', Time: '2026-11-25T10:00:00Z' }
    cloud.clock.set(start + 2 * HOUR + 29 * MIN)
    expect(await cloud.as(null).raw('volunteer', timer)).toEqual({ ok: true, data: null })
    expect(await recordOf('amy', signupId)).toMatchObject({ autoClosed: false })
    cloud.clock.set(start + 2 * HOUR + 40 * MIN)
    expect(await cloud.as(null).raw('volunteer', timer)).toEqual({ ok: true, data: null })
    expect(await recordOf('amy', signupId)).toMatchObject({ autoClosed: true, minutes: 100 })
  })

  test('a timer event sent by a client is not a timer', async () => {
    const timer = { Type: 'Timer', TriggerName: 'closeEndedShifts' }
    expect(await cloud.as('amy').raw('volunteer', timer)).toMatchObject({ ok: false, code: 'EVENT.MALFORMED' })
    expect(await cloud.as(null).raw('volunteer', { Type: 'Timer', TriggerName: 'nothing' })).toMatchObject({
      ok: false,
      code: 'ACTION.UNKNOWN',
    })
  })

  test('the grace period is the office setting', async () => {
    expectOk(await cloud.as(TEST_ADMIN).call('volunteer', 'updateSettings', { autoCloseGraceMinutes: 0 }))
    const { shiftId, start } = await attend({ inAt: 0, outAt: null })
    cloud.clock.set(start + 2 * HOUR)
    const roster = expectOk(await cloud.as(ORGANIZER).call('volunteer', 'roster', { shiftId }))
    expect(roster.items[0]).toMatchObject({ state: 'checkedOut', autoClosed: true, minutes: 120 })
  })

  test('a volunteer who never checks in is marked absent at the end', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 1 * HOUR }])
    const amy = await signedUp('amy', shiftIds[0])
    cloud.clock.advance(3 * HOUR)
    expect(await recordOf('amy', amy.signupId)).toMatchObject({ state: 'noShow', noShowReason: 'absent', minutes: 0 })
  })

  test('a person never has two overlapping credited periods, even when an organizer moves a shift onto another', async () => {
    const { shiftIds } = await publish(cloud, [
      { startIn: 2 * HOUR, length: 2 * HOUR },
      { startIn: 4 * HOUR, length: 2 * HOUR },
    ])
    const start = cloud.clock.now() + 2 * HOUR
    await signedUp('amy', shiftIds[0])
    await signedUp('amy', shiftIds[1])
    // the second shift is moved one hour earlier, onto the first
    expectOk(await cloud.as(ORGANIZER).call('volunteer', 'updateShift', { shiftId: shiftIds[1], startAt: start + 1 * HOUR, endAt: start + 3 * HOUR }))
    const here = { kind: 'geofence' as const, ...north(0) }
    cloud.clock.set(start)
    expectOk(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId: shiftIds[0], proof: here }))
    cloud.clock.set(start + 1 * HOUR)
    expectOk(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId: shiftIds[1], proof: here }))
    cloud.clock.set(start + 2 * HOUR)
    expect(expectOk(await cloud.as('amy').call('volunteer', 'checkOut', { shiftId: shiftIds[0], proof: here })).minutes).toBe(120)
    cloud.clock.set(start + 3 * HOUR)
    // [start+1h, start+3h) less the first shift's [start, start+2h): one hour
    expect(expectOk(await cloud.as('amy').call('volunteer', 'checkOut', { shiftId: shiftIds[1], proof: here })).minutes).toBe(60)
  })
})

describe('organizer: roster, confirmation, adjustment, export', () => {
  async function attended() {
    const { activityId, shiftIds } = await publish(cloud, [{ startIn: 1 * HOUR }])
    const shiftId = shiftIds[0]
    const start = cloud.clock.now() + 1 * HOUR
    const here = { kind: 'geofence' as const, ...north(0) }
    const people = ['amy', 'ben', 'cat']
    const ids: Record<string, string> = {}
    for (const [i, who] of people.entries()) ids[who] = (await signedUp(who, shiftId, i + 1)).signupId
    cloud.clock.set(start)
    for (const who of ['amy', 'ben']) expectOk(await cloud.as(who).call('volunteer', 'checkIn', { shiftId, proof: here }))
    cloud.clock.set(start + 90 * MIN)
    expectOk(await cloud.as('amy').call('volunteer', 'checkOut', { shiftId, proof: here }))
    cloud.clock.set(start + 2 * HOUR + 31 * MIN) // ben auto-closes, cat is absent
    return { activityId, shiftId, start, ids }
  }

  test('the roster shows who signed up, checked in, out, auto-closed and was absent, with masked names', async () => {
    const { shiftId } = await attended()
    const roster = expectOk(await cloud.as(ORGANIZER).call('volunteer', 'roster', { shiftId }))
    expect(roster.counts).toMatchObject({ checkedOut: 2, autoClosed: 1, noShow: 1, confirmed: 0 })
    expect(roster.items.map((i) => [i.state, i.autoClosed, i.minutes])).toEqual([
      ['checkedOut', false, 90],
      ['checkedOut', true, 120],
      ['noShow', false, 0],
    ])
    expect(roster.items[0]).toMatchObject({ name: '李*文', phone: expect.stringMatching(/^138\*{4}\d{4}$/) })
  })

  test('only confirmed minutes count in the totals', async () => {
    const { shiftId, ids } = await attended()
    expect(expectOk(await cloud.as('amy').call('volunteer', 'myProfile', {}))?.confirmedMinutes).toBe(0)
    expect(await cloud.as('amy').call('volunteer', 'issueCertificate', {})).toMatchObject({ code: 'VOLUNTEER.NO_CONFIRMED_HOURS' })
    expect(expectOk(await cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId, signupIds: [ids.amy] }))).toEqual({
      confirmed: 1,
      confirmedMinutes: 90,
    })
    expect(expectOk(await cloud.as('amy').call('volunteer', 'myRecords', { scope: 'history' })).confirmedMinutes).toBe(90)
    expect(expectOk(await cloud.as('ben').call('volunteer', 'myRecords', { scope: 'history' })).confirmedMinutes).toBe(0)
  })

  test('confirm all confirms every closed record once; a second time there is nothing to confirm', async () => {
    const { shiftId } = await attended()
    expect(expectOk(await cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId, all: true }))).toEqual({
      confirmed: 2,
      confirmedMinutes: 210,
    })
    expect(await cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId, all: true })).toMatchObject({
      code: 'VOLUNTEER.NOTHING_TO_CONFIRM',
    })
    expect(expectOk(await cloud.as('ben').call('volunteer', 'myProfile', {}))?.confirmedMinutes).toBe(120)
  })

  test('two organizers confirming at once count each record once', async () => {
    const { shiftId } = await attended()
    await Promise.all([
      cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId, all: true }),
      cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId, all: true }),
    ])
    expect(expectOk(await cloud.as('amy').call('volunteer', 'myProfile', {}))).toMatchObject({ confirmedMinutes: 90, confirmedCount: 1 })
  })

  test('an adjustment needs a reason, is capped by the shift, is audited, and the record shows it', async () => {
    const { shiftId, ids } = await attended()
    expect(await cloud.as(ORGANIZER).call('volunteer', 'adjustMinutes', { signupId: ids.amy, minutes: 100, reason: '' })).toMatchObject({
      code: 'INPUT.INVALID',
    })
    expect(await cloud.as(ORGANIZER).call('volunteer', 'adjustMinutes', { signupId: ids.amy, minutes: 121, reason: '补录' })).toMatchObject({
      code: 'VOLUNTEER.ADJUST_OVER_LIMIT',
      message: expect.stringContaining('120'),
    })
    expect(await cloud.as(ORGANIZER).call('volunteer', 'adjustMinutes', { signupId: ids.amy, minutes: 10, reason: '补录' })).toMatchObject({
      code: 'VOLUNTEER.ADJUST_TOO_SHORT',
    })
    const entry = expectOk(
      await cloud.as(ORGANIZER).call('volunteer', 'adjustMinutes', { signupId: ids.amy, minutes: 110, reason: '提前到岗协助布置' }),
    )
    expect(entry).toMatchObject({ minutes: 110, computedMinutes: 90, adjustments: [{ fromMinutes: 90, toMinutes: 110, reason: '提前到岗协助布置' }] })
    const { data: audit } = await cloud.platform.db.collection('audit_log').where({ subjectId: ids.amy }).get()
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'adjustMinutes', actorOpenid: ORGANIZER, detail: expect.objectContaining({ fromMinutes: 90, toMinutes: 110 }) }),
    )
    expect(await recordOf('amy', ids.amy)).toMatchObject({ minutes: 110, adjustments: [expect.objectContaining({ reason: '提前到岗协助布置' })] })
    expect(shiftId).toBeTruthy()
  })

  test('adjusting a confirmed record moves the total by the difference', async () => {
    const { shiftId, ids } = await attended()
    expectOk(await cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId, all: true }))
    expectOk(await cloud.as(ORGANIZER).call('volunteer', 'adjustMinutes', { signupId: ids.ben, minutes: 60, reason: '中途离岗' }))
    expect(expectOk(await cloud.as('ben').call('volunteer', 'myProfile', {}))?.confirmedMinutes).toBe(60)
  })

  test('an absent volunteer who was there without a phone can be credited by hand, marked manual', async () => {
    const { shiftId, ids } = await attended()
    const entry = expectOk(await cloud.as(ORGANIZER).call('volunteer', 'adjustMinutes', { signupId: ids.cat, minutes: 120, reason: '手机没电，现场核实' }))
    expect(entry).toMatchObject({ state: 'checkedOut', minutes: 120, checkIn: null })
    expect(expectOk(await cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId, signupIds: [ids.cat] })).confirmed).toBe(1)
  })

  test('the CSV carries the national record fields, full identity for the record system, and the export is audited', async () => {
    const { shiftId, ids } = await attended()
    expectOk(await cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId, signupIds: [ids.amy] }))
    const csv = expectOk(await cloud.as(ORGANIZER).call('volunteer', 'exportShiftCsv', { shiftId, delivery: 'inline' }))
    expect(csv.rows).toBe(3)
    const lines = (csv.csv ?? '').replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0].split(',')).toEqual(expect.arrayContaining(['志愿者姓名', '证件类型', '证件号码', '服务时长（小时）', '志愿服务组织', '服务地点', '时长来源']))
    const amyRow = lines.find((l) => l.startsWith(ids.amy)) ?? ''
    expect(amyRow).toContain('李小文')
    expect(amyRow).toContain('居民身份证')
    expect(amyRow).toContain('1.50')
    expect(amyRow).toContain('已确认')
    expect(lines.find((l) => l.startsWith(ids.ben))).toContain('签退:自动签退')
    const { data: audit } = await cloud.platform.db.collection('audit_log').where({ subjectId: shiftId, action: 'exportShiftCsv' }).get()
    expect(audit).toHaveLength(1)
    const stored = expectOk(await cloud.as(ORGANIZER).call('volunteer', 'exportShiftCsv', { shiftId, delivery: 'storage' }))
    expect(stored).toMatchObject({ csv: null, fileID: expect.stringMatching(/^cloud:\/\//), tempUrl: expect.stringContaining('.csv') })
  })
})

describe('the organizer permission boundary: only the activity’s own team', () => {
  test("another team's organizer cannot see the code, the roster, confirm, adjust, export or change the shift", async () => {
    const { activityId, shiftIds } = await publish(cloud, [{ startIn: 1 * HOUR }])
    const shiftId = shiftIds[0]
    const amy = await signedUp('amy', shiftId)
    const before = await cloud.snapshot()
    const other = cloud.as(OTHER_ORGANIZER)
    const attempts = await Promise.all([
      other.call('volunteer', 'checkInCode', { shiftId }),
      other.call('volunteer', 'roster', { shiftId }),
      other.call('volunteer', 'confirmHours', { shiftId, all: true }),
      other.call('volunteer', 'adjustMinutes', { signupId: amy.signupId, minutes: 60, reason: '补录' }),
      other.call('volunteer', 'exportShiftCsv', { shiftId, delivery: 'inline' }),
      other.call('volunteer', 'updateShift', { shiftId, capacity: 50 }),
      other.call('volunteer', 'cancelShift', { shiftId, reason: '取消' }),
      other.call('volunteer', 'cancelActivity', { activityId, reason: '取消' }),
      other.call('volunteer', 'updateActivity', { activityId, title: '改名' }),
      other.call('volunteer', 'addShift', { activityId, shift: { startAt: cloud.clock.now() + 9 * HOUR, endAt: cloud.clock.now() + 10 * HOUR, capacity: 5 } }),
    ])
    for (const result of attempts) expect(result).toMatchObject({ ok: false, code: 'VOLUNTEER.NOT_TEAM_ORGANIZER' })
    expect(await cloud.snapshot()).toEqual(before)
  })

  test('an organizer cannot publish for another team; a resident cannot act as organizer at all', async () => {
    const now = cloud.clock.now()
    const input = {
      teamId: 'team-b',
      type: 'traffic' as const,
      title: '活动',
      description: '说明',
      place: PLACE,
      geofenceRadiusM: 200,
      shifts: [{ startAt: now + HOUR, endAt: now + 2 * HOUR, capacity: 5 }],
    }
    expect(await cloud.as(ORGANIZER).call('volunteer', 'publishActivity', input)).toMatchObject({ code: 'VOLUNTEER.NOT_TEAM_ORGANIZER' })
    expect(await cloud.as('amy').call('volunteer', 'publishActivity', { ...input, teamId: 'team-a' })).toMatchObject({ code: 'AUTH.FORBIDDEN' })
  })

  test('the own team organizer sees canManage on the detail; others do not', async () => {
    const { activityId } = await publish(cloud, [{ startIn: 1 * HOUR }])
    expect(expectOk(await cloud.as(ORGANIZER).call('volunteer', 'getActivity', { activityId })).canManage).toBe(true)
    expect(expectOk(await cloud.as(OTHER_ORGANIZER).call('volunteer', 'getActivity', { activityId })).canManage).toBe(false)
  })
})

describe('certificate', () => {
  test('lists confirmed records only, under a code anyone can verify (with a masked name)', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 1 * HOUR }, { startIn: 4 * HOUR }])
    const here = { kind: 'geofence' as const, ...north(0) }
    const start = cloud.clock.now() + HOUR
    for (const shiftId of shiftIds) await signedUp('amy', shiftId)
    cloud.clock.set(start)
    expectOk(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId: shiftIds[0], proof: here }))
    cloud.clock.set(start + 2 * HOUR)
    expectOk(await cloud.as('amy').call('volunteer', 'checkOut', { shiftId: shiftIds[0], proof: here }))
    cloud.clock.set(start + 3 * HOUR)
    expectOk(await cloud.as('amy').call('volunteer', 'checkIn', { shiftId: shiftIds[1], proof: here }))
    cloud.clock.set(start + 4 * HOUR)
    expectOk(await cloud.as('amy').call('volunteer', 'checkOut', { shiftId: shiftIds[1], proof: here }))
    expectOk(await cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId: shiftIds[0], all: true }))

    const certificate = expectOk(await cloud.as('amy').call('volunteer', 'issueCertificate', {}))
    expect(certificate).toMatchObject({ holderName: '李小文', totalMinutes: 120, recordCount: 1, records: [expect.objectContaining({ minutes: 120 })] })
    expect(certificate.code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/)
    expect(expectOk(await cloud.as('amy').call('volunteer', 'issueCertificate', {})).code).toBe(certificate.code)

    const checked = expectOk(await cloud.as('stranger').call('volunteer', 'verifyCertificate', { code: certificate.code.toLowerCase() }))
    expect(checked).toMatchObject({ holderName: '李*文', totalMinutes: 120, recordCount: 1 })
    expect(await cloud.as('stranger').call('volunteer', 'verifyCertificate', { code: 'ZZZZZZZZZZ' })).toMatchObject({
      code: 'VOLUNTEER.CERTIFICATE_NOT_FOUND',
    })

    // new confirmed hours: a new certificate; the old code still says what it said
    expectOk(await cloud.as(ORGANIZER).call('volunteer', 'confirmHours', { shiftId: shiftIds[1], all: true }))
    const renewed = expectOk(await cloud.as('amy').call('volunteer', 'issueCertificate', {}))
    expect(renewed).toMatchObject({ totalMinutes: 180, recordCount: 2 })
    expect(renewed.code).not.toBe(certificate.code)
    expect(expectOk(await cloud.as('stranger').call('volunteer', 'verifyCertificate', { code: certificate.code })).totalMinutes).toBe(120)
  })
})

describe('listing', () => {
  test('activities by date and type, with places left; near me filters by distance', async () => {
    const day = new Date(cloud.clock.now() + 8 * HOUR + 5 * HOUR).toISOString().slice(0, 10)
    const { activityId, shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 3 }])
    await publish(cloud, [{ startIn: 5 * HOUR }], { type: 'environment', title: '河道清洁', place: { ...PLACE, lat: PLACE.lat + 0.2 } })
    await signedUp('amy', shiftIds[0])
    const all = expectOk(await cloud.as('amy').call('volunteer', 'listActivities', { date: day }))
    expect(all.items).toHaveLength(2)
    const traffic = expectOk(await cloud.as('amy').call('volunteer', 'listActivities', { date: day, type: 'traffic' }))
    expect(traffic.items).toEqual([expect.objectContaining({ id: activityId, shifts: [expect.objectContaining({ placesLeft: 2, taken: 1 })] })])
    const near = expectOk(await cloud.as('amy').call('volunteer', 'listActivities', { date: day, near: north(1000) }))
    expect(near.items).toEqual([expect.objectContaining({ id: activityId, distanceM: 1000 })])
    const otherDay = expectOk(await cloud.as('amy').call('volunteer', 'listActivities', { date: '2026-12-31' }))
    expect(otherDay.items).toEqual([])
  })

  test('the list pages 20 shifts at a time', async () => {
    const day = new Date(cloud.clock.now() + 8 * HOUR + 5 * HOUR).toISOString().slice(0, 10)
    await publish(cloud, Array.from({ length: 25 }, (_, i) => ({ startIn: 5 * HOUR + i * 60_000, length: HOUR })))
    const first = expectOk(await cloud.as('amy').call('volunteer', 'listActivities', { date: day }))
    expect(first.items[0].shifts).toHaveLength(20)
    expect(first.nextPage).toBe(1)
    const second = expectOk(await cloud.as('amy').call('volunteer', 'listActivities', { date: day, page: 1 }))
    expect(second.items[0].shifts).toHaveLength(5)
    expect(second.nextPage).toBeNull()
  })
})

describe('the check-in secret', () => {
  test('without CHECKIN_SECRET each database makes its own and keeps it, never returned to clients', async () => {
    const { shiftIds } = await publish(cloud, [{ startIn: 1 * HOUR }])
    const a = await currentCode(cloud, shiftIds[0])
    const b = await currentCode(cloud, shiftIds[0])
    expect(a).toEqual(b)
    const { data } = await cloud.platform.db.collection('volunteer_secrets').get()
    expect(data).toHaveLength(1)
    expect(JSON.stringify(a)).not.toContain(String(data[0].value))
  })
})
