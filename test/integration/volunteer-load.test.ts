import type { SignupDoc } from '@/cloud/domain/volunteer/model'
import { expectOk, type TestCloud } from '../support/cloud'
import { grantConsent } from '../support/notify'
import { HOUR, publish, registerVolunteer, requestId, shiftView, startVolunteerCloud, subscribeMessagesTo } from './volunteer-fixtures'

/**
 * Done when: 500 concurrent sign-ups from 500 volunteers for a 50-place shift leave exactly 50
 * signed up and the rest waitlisted in order; 50 cancellations promote exactly 50.
 */
jest.setTimeout(120_000)

const PEOPLE = 500
const PLACES = 50
const person = (i: number) => `v${String(i).padStart(3, '0')}`

let cloud: TestCloud
let activityId: string
let shiftId: string

async function signupsIn(state: string): Promise<SignupDoc[]> {
  const out: SignupDoc[] = []
  for (let skip = 0; ; skip += 100) {
    const { data } = await cloud.platform.db
      .collection('volunteer_signups')
      .where({ shiftId, state })
      .orderBy('queueKey', 'asc')
      .skip(skip)
      .limit(100)
      .get()
    out.push(...(data as unknown as SignupDoc[]))
    if (data.length < 100) return out
  }
}

beforeAll(async () => {
  cloud = await startVolunteerCloud()
  for (let i = 0; i < PEOPLE; i++) {
    await registerVolunteer(cloud, person(i), i)
    // the sign-up tap's consent: a promoted volunteer is told only with a credit
    await grantConsent(cloud, person(i), ['waitlistPromoted'])
  }
  ;({ activityId, shiftIds: [shiftId] } = await publish(cloud, [{ startIn: 24 * HOUR, capacity: PLACES }]))
})
afterAll(() => cloud.close())

test('500 concurrent sign-ups for 50 places: exactly 50 signed, 450 waitlisted in order; 50 cancellations promote exactly the first 50', async () => {
  const results = await Promise.all(
    Array.from({ length: PEOPLE }, (_, i) => cloud.as(person(i)).call('volunteer', 'signUp', { shiftId, requestId: requestId() })),
  )
  const answers = results.map(expectOk)
  expect(answers.filter((a) => a.state === 'signed')).toHaveLength(PLACES)
  expect(answers.filter((a) => a.state === 'waitlisted')).toHaveLength(PEOPLE - PLACES)

  const signed = await signupsIn('signed')
  const waitlisted = await signupsIn('waitlisted')
  expect(signed).toHaveLength(PLACES)
  expect(waitlisted).toHaveLength(PEOPLE - PLACES)
  expect(await shiftView(cloud, activityId, shiftId)).toMatchObject({ taken: PLACES, placesLeft: 0, waiting: PEOPLE - PLACES })

  // in order: the positions handed out are 1..450, each once, and follow the queue
  const positionOf = new Map(answers.filter((a) => a.state === 'waitlisted').map((a) => [a.signupId, a.waitlistPosition]))
  expect(waitlisted.map((s) => positionOf.get(s._id))).toEqual(Array.from({ length: PEOPLE - PLACES }, (_, i) => i + 1))
  // nobody who lost the race for a place stands ahead of someone who won one
  const lastSigned = signed.map((s) => s.queueKey).sort().at(-1) as string
  expect(waitlisted.every((s) => s.queueKey > lastSigned)).toBe(true)

  // 50 of the signed cancel at once (well before the 2-hour deadline)
  await Promise.all(signed.map((s) => cloud.as(s.openid).call('volunteer', 'cancelSignup', { signupId: s._id }).then(expectOk)))

  const nowSigned = await signupsIn('signed')
  expect(nowSigned).toHaveLength(PLACES)
  // the promoted are exactly the first 50 of the waitlist
  expect(nowSigned.map((s) => s._id).sort()).toEqual(waitlisted.slice(0, PLACES).map((s) => s._id).sort())
  expect((await signupsIn('waitlisted')).map((s) => s._id)).toEqual(waitlisted.slice(PLACES).map((s) => s._id))
  expect(await shiftView(cloud, activityId, shiftId)).toMatchObject({ taken: PLACES, waiting: PEOPLE - 2 * PLACES })

  // each promoted person is told once, nobody else is
  for (const s of waitlisted.slice(0, PLACES)) expect(subscribeMessagesTo(cloud, s.openid)).toHaveLength(1)
  for (const s of waitlisted.slice(PLACES, PLACES + 20)) expect(subscribeMessagesTo(cloud, s.openid)).toHaveLength(0)

  // the new first in line sees position 1
  const first = waitlisted[PLACES]
  const { items } = expectOk(await cloud.as(first.openid).call('volunteer', 'myRecords', { scope: 'upcoming' }))
  expect(items[0]).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 })
})
