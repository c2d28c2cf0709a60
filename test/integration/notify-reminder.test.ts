import { expectOk, type TestCloud } from '../support/cloud'
import { grantConsent } from '../support/notify'
import type { OutboxEntry } from '@/cloud/platform/local/open-api'
import { HOUR, MIN, ORGANIZER, publish, registerVolunteer, signUp, startVolunteerCloud } from './volunteer-fixtures'

/** 活动开始提醒: one reminder per signed-up volunteer, an hour before; a rerun sends nothing; paged past 100. */
jest.setTimeout(120_000)

let cloud: TestCloud
beforeEach(async () => {
  cloud = await startVolunteerCloud()
})
afterEach(() => cloud.close())

const remind = () => cloud.as(null).raw('volunteer', { Type: 'Timer', TriggerName: 'remindShifts' })
const person = (i: number) => `rv${String(i).padStart(3, '0')}`
type Message = Extract<OutboxEntry, { api: 'subscribeMessage.send' }>
const subscribeMessagesTo = (c: TestCloud, openid: string) =>
  c.platform.openApi.outbox.filter((e): e is Message => e.api === 'subscribeMessage.send' && e.touser === openid)
const reminders = (openid: string) => subscribeMessagesTo(cloud, openid).filter((m) => m.templateId === 'VOLUNTEER_REMINDER_TEMPLATE')

async function volunteers(from: number, count: number, shiftId: string) {
  const people = Array.from({ length: count }, (_, i) => person(from + i))
  for (const [i, openid] of people.entries()) {
    await registerVolunteer(cloud, openid, from + i)
    await grantConsent(cloud, openid, ['shiftReminder'])
  }
  await Promise.all(people.map(async (openid) => expectOk(await signUp(cloud, openid, shiftId))))
  return people
}

test('150 volunteers on a shift an hour away: each reminded once across pages, a second run sends nothing, later shifts wait their turn', async () => {
  const { shiftIds } = await publish(cloud, [{ startIn: 3 * HOUR, capacity: 200 }, { startIn: 6 * HOUR, capacity: 10 }])
  const people = await volunteers(0, 150, shiftIds[0])
  const later = await volunteers(200, 3, shiftIds[1])
  // a place given up is no reminder
  const quitter = person(300)
  await registerVolunteer(cloud, quitter, 300)
  await grantConsent(cloud, quitter, ['shiftReminder'])
  const gone = expectOk(await signUp(cloud, quitter, shiftIds[0]))
  expectOk(await cloud.as(quitter).call('volunteer', 'cancelSignup', { signupId: gone.signupId }))

  // two hours before: not yet
  cloud.clock.advance(1 * HOUR)
  expectOk(await remind())
  expect(people.some((p) => reminders(p).length > 0)).toBe(false)

  cloud.clock.advance(1 * HOUR + 5 * MIN) // 55 minutes before
  expectOk(await remind())
  for (const p of people) expect({ p, n: reminders(p).length }).toEqual({ p, n: 1 })
  expect(reminders(quitter)).toEqual([])
  for (const p of later) expect(reminders(p)).toEqual([])
  expect(reminders(people[0])[0]).toMatchObject({
    page: expect.stringContaining('packages/volunteer/pages/activity/index?id='),
    data: expect.objectContaining({ thing1: { value: '路口文明交通劝导' }, thing3: { value: '长江路口' }, time2: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}~\d{2}:\d{2}$/) } }),
  })

  // the next run, and two at once: nothing more
  cloud.clock.advance(10 * MIN)
  await Promise.all([remind(), remind()]).then((rs) => rs.map(expectOk))
  for (const p of people) expect(reminders(p)).toHaveLength(1)

  // the later shift's turn comes
  cloud.clock.advance(3 * HOUR)
  expectOk(await remind())
  for (const p of later) expect(reminders(p)).toHaveLength(1)
  for (const p of people) expect(reminders(p)).toHaveLength(1)
})

test('a run cut short is resumed: those already marked are not reminded again, the rest are', async () => {
  const { shiftIds } = await publish(cloud, [{ startIn: 3 * HOUR, capacity: 20 }])
  const people = await volunteers(0, 12, shiftIds[0])
  const { data: signups } = await cloud.platform.db.collection('volunteer_signups').where({ shiftId: shiftIds[0], state: 'signed' }).orderBy('queueKey', 'asc').limit(100).get()
  // as if a run had reminded the first five and then timed out
  for (const s of signups.slice(0, 5)) await cloud.platform.db.collection('notify_marks').add({ data: { _id: `shiftReminder:${s._id}`, kind: 'shiftReminder', at: cloud.clock.now() } })
  cloud.clock.advance(2 * HOUR + 10 * MIN)
  expectOk(await remind())
  const reminded = people.filter((p) => reminders(p).length === 1)
  expect(reminded).toHaveLength(7)
  expect(new Set(reminded)).toEqual(new Set(signups.slice(5).map((s) => String(s.openid))))
})

test('no credit: no reminder, and the skip is recorded once; a cancelled shift reminds nobody', async () => {
  const { shiftIds } = await publish(cloud, [{ startIn: 3 * HOUR, capacity: 5 }, { startIn: 3 * HOUR, capacity: 5 }])
  await registerVolunteer(cloud, 'no-consent', 1)
  expectOk(await signUp(cloud, 'no-consent', shiftIds[0]))
  const [told] = await volunteers(10, 1, shiftIds[1])
  expectOk(await cloud.as(ORGANIZER).call('volunteer', 'cancelShift', { shiftId: shiftIds[1], reason: '暴雨预警' }))
  cloud.clock.advance(2 * HOUR + 10 * MIN)
  expectOk(await remind())
  expectOk(await remind())
  expect(reminders('no-consent')).toEqual([])
  expect(reminders(told)).toEqual([])
  const skipped = (await cloud.platform.db.collection('notify_outbox').where({ purpose: 'shiftReminder' }).get()).data
  expect(skipped.map((d) => d.outcome)).toEqual(['skipped-no-credit'])
})

test('the volunteer purposes fire at their moments: 候补成功, 活动变更, 活动取消 — each only with its credit', async () => {
  const { shiftIds } = await publish(cloud, [{ startIn: 5 * HOUR, capacity: 1 }])
  const [amy, ben] = [person(1), person(2)]
  for (const [i, p] of [amy, ben].entries()) {
    await registerVolunteer(cloud, p, i + 1)
    await grantConsent(cloud, p, ['waitlistPromoted', 'shiftChanged'])
  }
  const first = expectOk(await signUp(cloud, amy, shiftIds[0]))
  expectOk(await signUp(cloud, ben, shiftIds[0]))
  expectOk(await cloud.as(amy).call('volunteer', 'cancelSignup', { signupId: first.signupId }))
  expect(subscribeMessagesTo(cloud, ben).map((m) => m.templateId)).toEqual(['VOLUNTEER_PROMOTED_TEMPLATE'])
  const now = cloud.clock.now()
  expectOk(await cloud.as(ORGANIZER).call('volunteer', 'updateShift', { shiftId: shiftIds[0], startAt: now + 6 * HOUR, endAt: now + 8 * HOUR }))
  expect(subscribeMessagesTo(cloud, ben).map((m) => m.templateId)).toEqual(['VOLUNTEER_PROMOTED_TEMPLATE', 'VOLUNTEER_CHANGED_TEMPLATE'])
  // no 活动取消 credit: the cancellation is recorded as skipped, not sent
  expectOk(await cloud.as(ORGANIZER).call('volunteer', 'cancelShift', { shiftId: shiftIds[0], reason: '暴雨预警' }))
  expect(subscribeMessagesTo(cloud, ben)).toHaveLength(2)
  const outbox = (await cloud.platform.db.collection('notify_outbox').where({ purpose: 'shiftCancelled' }).get()).data
  expect(outbox).toEqual([expect.objectContaining({ outcome: 'skipped-no-credit', data: expect.objectContaining({ thing3: '暴雨预警' }) })])
})
