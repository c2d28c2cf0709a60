import { CONSENT_MOMENTS, NOTIFY_SPEC } from '@/shared/notify'
import type { OutboxEntry } from '@/cloud/platform/local/open-api'
import { expectOk, TEST_ADMIN } from '../support/cloud'
import { grantConsent } from '../support/notify'
import { createClass, joined, setThisWeek, startFamilyCloud, T1, WEEK, type FamilyWorld } from './family-support'

/**
 * 家庭任务提醒 goes through notify like every other subscribe message (issue #10): a parent gets
 * the teacher's reminder only with a credit from an accepted consent, the values are cut to the
 * template's field rules, and every send or skip is a row of the outbox.
 */
let world: FamilyWorld
beforeEach(async () => {
  world = await startFamilyCloud()
})
afterEach(() => world.cloud.close())

type Sent = Extract<OutboxEntry, { api: 'subscribeMessage.send' }>
const sent = () => world.cloud.platform.openApi.outbox.filter((e): e is Sent => e.api === 'subscribeMessage.send')
const outboxRows = async () => expectOk(await world.cloud.as(TEST_ADMIN).call('notify', 'outbox', { purpose: 'familyReminder' })).items

test('a parent who never accepted gets no message; the outbox says why, and the round still counts', async () => {
  await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'receipt', title: '回执' }])
  await joined(world.cloud, 'parent-silent', world.classA1)
  expect(expectOk(await world.cloud.as(T1).call('family', 'remind', { classId: world.classA1.id }))).toEqual({ reminded: 0 })
  expect(sent()).toEqual([])
  expect(await outboxRows()).toEqual([expect.objectContaining({ purpose: 'familyReminder', audience: 'parent', outcome: 'skipped-no-credit' })])
  // the week's round is used up all the same: a second tap sends nothing either
  expect(await world.cloud.as(T1).call('family', 'remind', { classId: world.classA1.id })).toMatchObject({ ok: false, code: 'FAMILY.ALREADY_REMINDED' })
})

test('with a credit: one message, values cut to the template’s fields, the credit spent, one outbox row', async () => {
  // a class name at its 20-character limit makes 任务名称 longer than a thing field may be
  const longName = '文明礼仪示范班级之阳光向上快乐成长小队一'
  const cls = await createClass(world.cloud, T1, world.schoolA, { name: longName })
  await setThisWeek(world.cloud, T1, cls.id, [{ kind: 'receipt', title: '回执' }])
  const family = await joined(world.cloud, 'parent-1', cls)
  await grantConsent(world.cloud, 'parent-1', CONSENT_MOMENTS.family)
  const credits = async () => expectOk(await world.cloud.as('parent-1').call('notify', 'credits', {})).items.find((c) => c.purpose === 'familyReminder')?.credits
  expect(await credits()).toBe(1)

  expect(expectOk(await world.cloud.as(T1).call('family', 'remind', { classId: cls.id }))).toEqual({ reminded: 1 })
  const messages = sent()
  expect(messages).toHaveLength(1)
  const [message] = messages
  expect(message).toMatchObject({ touser: 'parent-1', templateId: NOTIFY_SPEC.familyReminder.envVar, page: `packages/family/pages/index/index?family=${family.id}` })
  expect(Object.keys(message.data).sort()).toEqual(NOTIFY_SPEC.familyReminder.fields.map((f) => f.key).sort())
  for (const { value } of Object.values(message.data)) expect(Array.from(value).length).toBeLessThanOrEqual(20)
  // cut, not dropped: the reader sees there was more
  expect(message.data.thing1.value).toBe(`${Array.from(`${longName}本周家庭任务`).slice(0, 19).join('')}…`)
  expect(await credits()).toBe(0)

  const rows = await outboxRows()
  expect(rows).toEqual([
    expect.objectContaining({ purpose: 'familyReminder', audience: 'parent', outcome: 'sent', templateId: NOTIFY_SPEC.familyReminder.envVar, data: Object.fromEntries(Object.entries(message.data).map(([k, v]) => [k, v.value])) }),
  ])
  // the message names the class and the teacher, never the child
  expect(JSON.stringify(rows)).not.toContain('小明')
})

test('one credit is one message: next week, with the credit spent, nothing goes out', async () => {
  await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'receipt', title: '回执' }])
  await joined(world.cloud, 'parent-1', world.classA1)
  await grantConsent(world.cloud, 'parent-1', CONSENT_MOMENTS.family)
  expect(expectOk(await world.cloud.as(T1).call('family', 'remind', { classId: world.classA1.id }))).toEqual({ reminded: 1 })
  world.cloud.clock.advance(WEEK)
  await setThisWeek(world.cloud, T1, world.classA1.id, [{ kind: 'receipt', title: '回执' }], '2026-11-30')
  expect(expectOk(await world.cloud.as(T1).call('family', 'remind', { classId: world.classA1.id }))).toEqual({ reminded: 0 })
  expect(sent()).toHaveLength(1)
  expect((await outboxRows()).map((r) => r.outcome)).toEqual(['skipped-no-credit', 'sent'])
})
