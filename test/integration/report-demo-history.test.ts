import { FUNCTIONS } from '@/cloud/functions'
import { seedDemoData } from '@/cloud/local-host/seed'
import { expectOk, startTestCloud, type TestCloud } from '../support/cloud'

/**
 * The demo city carries four weeks of closed 随手拍, so the office's dashboard opens on figures and
 * its 7-day and 30-day views differ; none of them reaches a queue, the ledger or the square.
 */
let cloud: TestCloud
beforeAll(async () => {
  cloud = startTestCloud({ adminOpenids: ['demo-admin'] })
  await seedDemoData(cloud.platform)
  // what the local host does after seeding
  await FUNCTIONS.stats.invoke({ Type: 'Timer', TriggerName: 'backfillCounters' }, cloud.platform, null)
}, 60_000)
afterAll(() => cloud.close())

const historyCount = async () => (await cloud.platform.db.collection('reports').where({ _id: cloud.platform.db.command.gt('demo-history-').and(cloud.platform.db.command.lt('demo-history-~')) }).count()).total

test('the history is counted: 30 days hold more than 7, and every history report is closed', async () => {
  const n = await historyCount()
  expect(n).toBeGreaterThanOrEqual(60)
  const d7 = expectOk(await cloud.as('demo-admin').call('stats', 'dashboard', { period: '7d' }))
  const d30 = expectOk(await cloud.as('demo-admin').call('stats', 'dashboard', { period: '30d' }))
  // the four live demo reports plus the history (the history starts 2 days back, so 7 days hold a part of it)
  expect(d30.reports!.totals.received).toBeGreaterThanOrEqual(n)
  expect(d30.reports!.totals.received).toBeGreaterThan(d7.reports!.totals.received)
  expect(d30.reports!.totals.resolved).toBeGreaterThan(0)
  expect(d30.reports!.totals.onTimeRate).not.toBeNull()
  expect(d30.reports!.byUnit.length).toBeGreaterThan(3)
  // the demo's volunteers were stored by the seed, before any registration started the running total
  const profiles = (await cloud.platform.db.collection('volunteer_profiles').count()).total
  expect(profiles).toBeGreaterThan(0)
  expect(d30.volunteers!.registered).toBe(profiles)
  // closed: no queue shows them
  const queue = expectOk(await cloud.as('demo-grid').call('report', 'queue', { as: 'grid', status: 'submitted' }))
  expect(queue.items.some((i) => i.id.startsWith('demo-history-'))).toBe(false)
  const feed = expectOk(await cloud.as('demo-resident').call('report', 'feed', {}))
  expect(feed.items.some((i) => i.id.startsWith('demo-history-'))).toBe(false)
})

test('starting again adds nothing: the same reports, the same counts', async () => {
  const before = expectOk(await cloud.as('demo-admin').call('stats', 'dashboard', { period: '30d' }))
  const n = await historyCount()
  await seedDemoData(cloud.platform)
  await FUNCTIONS.stats.invoke({ Type: 'Timer', TriggerName: 'backfillCounters' }, cloud.platform, null)
  expect(await historyCount()).toBe(n)
  const after = expectOk(await cloud.as('demo-admin').call('stats', 'dashboard', { period: '30d' }))
  expect(after.reports!.totals).toEqual(before.reports!.totals)
})
