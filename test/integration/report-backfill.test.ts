import type { ReportDoc } from '@/cloud/domain/report/types'
import { RATE_REMINDER_BEFORE_MS } from '@/cloud/domain/report/timers'
import { expectOk } from '../support/cloud'
import { grantConsent } from '../support/notify'
import { HOUR, P, reportIn, startReportCloud, storedReport, type ReportCloud } from './report-fixtures'

/**
 * Reports stored before the rating window and the retention clock existed: the backfill gives
 * them both, once, so they close and expire like every other report.
 */
let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

const DAY = 24 * HOUR
const timer = (name: string) => cloud.as(null).raw('report', { Type: 'Timer', TriggerName: name })
const _ = () => cloud.platform.db.command

/** Strips a field the way a document written by the older code simply never had it. */
async function asOld(reportId: string, field: keyof ReportDoc) {
  await cloud.platform.db.collection('reports').doc(reportId).update({ data: { [field]: _().remove() } })
  expect(field in (await storedReport(cloud, reportId))).toBe(false)
}

test('an old 已办结 report gets its window; one resolved long ago still gets a day’s reminder first, then closes', async () => {
  const recent = await reportIn(cloud, 'resolved')
  const resolvedAt = (await storedReport(cloud, recent.id)).resolvedAt as number
  await asOld(recent.id, 'ratingDueAt')
  const old = await reportIn(cloud, 'resolved')
  await grantConsent(cloud, P.alice, ['rateReminder'])
  await asOld(old.id, 'ratingDueAt')
  await cloud.platform.db.collection('reports').doc(old.id).update({ data: { resolvedAt: resolvedAt - 60 * DAY } })

  expectOk(await timer('backfillReportClocks'))
  const now = cloud.clock.now()
  expect(await storedReport(cloud, recent.id)).toMatchObject({ ratingDueAt: resolvedAt + 7 * DAY, ratingReminded: false })
  expect(await storedReport(cloud, old.id)).toMatchObject({ ratingDueAt: now + RATE_REMINDER_BEFORE_MS + HOUR, ratingReminded: false })

  // idempotent: a second run changes nothing
  const before = await storedReport(cloud, old.id)
  cloud.clock.advance(HOUR)
  expectOk(await timer('backfillReportClocks'))
  expect(await storedReport(cloud, old.id)).toEqual(before)

  // the old one is reminded, then closes as 已办结（未评价） like any other
  cloud.clock.advance(2 * HOUR)
  expectOk(await timer('remindRatings'))
  expect((await storedReport(cloud, old.id)).ratingReminded).toBe(true)
  expect(cloud.platform.openApi.outbox.filter((m) => m.api === 'subscribeMessage.send' && m.touser === P.alice).length).toBe(1)
  cloud.clock.advance(DAY)
  expectOk(await timer('closeRatingWindows'))
  expect((await storedReport(cloud, old.id)).status).toBe('closed-unrated')
  expect((await storedReport(cloud, recent.id)).status).toBe('resolved')
})

test('an old closed report gets its retention clock from its last change, and then expires on time', async () => {
  const rated = await reportIn(cloud, 'rated')
  const updatedAt = (await storedReport(cloud, rated.id)).updatedAt
  await asOld(rated.id, 'closedAt')
  const open = await reportIn(cloud, 'dispatched')

  expectOk(await timer('backfillReportClocks'))
  expect((await storedReport(cloud, rated.id)).closedAt).toBe(updatedAt)
  // an open report has no retention clock to start
  expect((await storedReport(cloud, open.id)).closedAt ?? null).toBeNull()

  cloud.clock.set(updatedAt + 366 * DAY)
  expectOk(await timer('expireContacts'))
  expect(await storedReport(cloud, rated.id)).toMatchObject({ identityRemoved: true, reporterOpenid: null, contactPhone: null, status: 'rated' })
})
