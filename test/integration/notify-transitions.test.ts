import type { ReportView } from '@/shared/contract'
import { NOTIFY_PURPOSES, NOTIFY_SPEC, type NotifyPurpose } from '@/shared/notify'
import { expectOk } from '../support/cloud'
import { grantConsent } from '../support/notify'
import { ALICE_PHONE, P, reportIn, startReportCloud, type ReportCloud } from './report-fixtures'

/** Each 随手拍 purpose fires at its transition, to the right person, and names no reporter. */
let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
  // what the reporter accepts at submit, on the confirmation screen and on the detail page; the handler on the task list
  const reporterPurposes = NOTIFY_PURPOSES.filter((p) => NOTIFY_SPEC[p].audience === 'reporter')
  await grantConsent(cloud, P.alice, reporterPurposes, 3)
  await grantConsent(cloud, P.handler, ['unitDispatched'], 3)
})
afterEach(() => cloud.close())

const templateOf = (purpose: NotifyPurpose) => NOTIFY_SPEC[purpose].envVar
const sentTo = (openid: string, purpose?: NotifyPurpose) =>
  cloud.platform.openApi.outbox.filter((e) => e.api === 'subscribeMessage.send' && e.touser === openid && (!purpose || e.templateId === templateOf(purpose)))
const purposesSentTo = (openid: string) =>
  sentTo(openid).map((e) => NOTIFY_PURPOSES.find((p) => templateOf(p) === (e as { templateId: string }).templateId))
const step = async (openid: string, action: string, report: ReportView, data: Record<string, unknown> = {}) => {
  const result = await cloud.as(openid).raw('report', { action, data: { reportId: report.id, ...data } })
  if (!result.ok) throw new Error(`${action}: ${result.code}`)
  return result.data as ReportView
}

test('受理 (the first dispatch): the reporter is told with the ticket number and the unit; the unit’s handlers get 新工单提醒, the other unit nothing', async () => {
  await grantConsent(cloud, P.otherHandler, ['unitDispatched'])
  const report = await reportIn(cloud, 'dispatched')
  expect(purposesSentTo(P.alice)).toEqual(['reportAccepted'])
  const [accepted] = sentTo(P.alice, 'reportAccepted')
  expect(accepted).toMatchObject({
    page: `packages/reports/pages/detail/index?id=${report.id}`,
    data: {
      character_string1: { value: report.ticketNo },
      thing2: { value: '牛皮癣小广告' },
      phrase3: { value: '已受理' },
      time4: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) },
      thing5: { value: expect.stringContaining('已派发至') },
    },
  })
  expect(sentTo(P.handler, 'unitDispatched')).toEqual([
    expect.objectContaining({ data: expect.objectContaining({ character_string1: { value: report.ticketNo }, thing3: { value: '文明路 12 号门口' } }) }),
  ])
  expect(sentTo(P.otherHandler)).toEqual([])
})

test('不予受理: the reporter is told the reason in words', async () => {
  await reportIn(cloud, 'rejected')
  expect(purposesSentTo(P.alice)).toEqual(['reportRejected'])
  expect(sentTo(P.alice, 'reportRejected')[0]).toMatchObject({ data: expect.objectContaining({ thing3: { value: '不属于受理范围' } }) })
  expect(sentTo(P.handler)).toEqual([])
})

test('办结: the reporter is told, with the handler’s words', async () => {
  await reportIn(cloud, 'resolved')
  expect(purposesSentTo(P.alice)).toEqual(['reportAccepted', 'reportResolved'])
  expect(sentTo(P.alice, 'reportResolved')[0]).toMatchObject({ data: expect.objectContaining({ phrase3: { value: '已办结' }, thing5: { value: '已清理小广告' } }) })
})

test('重新派发 after the unit sent it back: the reporter gets 办理进度, the handlers a new task', async () => {
  const report = await reportIn(cloud, 'returned')
  await step(P.grid, 'dispatch', report)
  expect(purposesSentTo(P.alice)).toEqual(['reportAccepted', 'reportDispatched'])
  expect(sentTo(P.handler, 'unitDispatched')).toHaveLength(2)
})

test('重新办理: 同意重办 sends the decision, the dispatch after it 重新办理', async () => {
  const report = await reportIn(cloud, 'reopened')
  expect(purposesSentTo(P.alice)).toEqual(['reportAccepted', 'reportResolved', 'reopenDecided'])
  await step(P.grid, 'dispatch', report)
  expect(purposesSentTo(P.alice)).toEqual(['reportAccepted', 'reportResolved', 'reopenDecided', 'reportReopened'])
})

test('a praise approved is 受理 for its reporter', async () => {
  const praise = await cloud.submit(P.alice, { categoryId: 'good-deed', description: '环卫工人帮老人过马路' })
  await step(P.grid, 'approve', praise)
  expect(sentTo(P.alice, 'reportAccepted')[0]).toMatchObject({ data: expect.objectContaining({ phrase3: { value: '已采纳' } }) })
})

test('without credits nothing is sent and every transition still succeeds; the outbox records the skips', async () => {
  await cloud.platform.db.collection('notify_credits').where({ openid: P.alice }).remove()
  await cloud.platform.db.collection('notify_credits').where({ openid: P.handler }).remove()
  await reportIn(cloud, 'resolved')
  expect(sentTo(P.alice)).toEqual([])
  expect(sentTo(P.handler)).toEqual([])
  const { items } = expectOk(await cloud.as(P.office).call('notify', 'outbox', {}))
  expect(items.map((i) => [i.purpose, i.outcome])).toEqual([
    ['reportResolved', 'skipped-no-credit'],
    ['unitDispatched', 'skipped-no-credit'],
    ['reportAccepted', 'skipped-no-credit'],
  ])
})

test('no reporter identity in any message or outbox entry, anonymous or not', async () => {
  await reportIn(cloud, 'reopened', { anonymous: true, description: '我是举报人爱丽丝，电话13812345678' })
  await reportIn(cloud, 'rejected')
  const messages = cloud.platform.openApi.outbox.filter((e) => e.api === 'subscribeMessage.send')
  expect(messages.length).toBeGreaterThan(4)
  const values = JSON.stringify(messages.map((m) => (m as { data: unknown }).data))
  const outbox = JSON.stringify((await cloud.platform.db.collection('notify_outbox').limit(100).get()).data)
  for (const text of [values, outbox]) {
    expect(text).not.toContain(P.alice)
    expect(text).not.toContain(ALICE_PHONE)
    expect(text).not.toContain('爱丽丝')
    expect(text).not.toContain('5678')
  }
})

test('a message failing at WeChat does not fail the transition', async () => {
  cloud.platform.openApi.sendSubscribeMessage = async () => {
    throw Object.assign(new Error('busy'), { errCode: -1 })
  }
  const report = await reportIn(cloud, 'dispatched')
  expect(report.status).toBe('dispatched')
  const { items } = expectOk(await cloud.as(P.office).call('notify', 'outbox', {}))
  expect(items.map((i) => i.outcome)).toEqual(['failed', 'failed'])
})
