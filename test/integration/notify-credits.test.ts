import { notifyPerson } from '@/cloud/domain/notify'
import { NOTIFY_LIMITS, NOTIFY_PURPOSES } from '@/shared/notify'
import { expectOk, startTestCloud, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { grantConsent } from '../support/notify'

let cloud: TestCloud
beforeEach(() => {
  cloud = startTestCloud()
})
afterEach(() => {
  delete process.env.REPORT_ACCEPTED_TEMPLATE
  cloud.close()
})

const AMY = 'resident-amy'
const DAY = 24 * 60 * 60 * 1000
const PAGE = 'packages/reports/pages/detail/index?id=r1'
const VALUES = { character_string1: 'SSP-20261125-0001', thing2: '牛皮癣小广告', phrase3: '已受理', time4: Date.UTC(2026, 10, 25, 2, 0), thing5: '已派发至城管办理' }

const sent = (openid = AMY) => cloud.platform.openApi.outbox.filter((e) => e.api === 'subscribeMessage.send' && e.touser === openid)
const outboxDocs = async () => (await cloud.platform.db.collection('notify_outbox').orderBy('_id', 'asc').limit(100).get()).data
const creditsOf = async (openid: string, purpose: string) =>
  expectOk(await cloud.as(openid).call('notify', 'credits', {})).items.find((i) => i.purpose === purpose)?.credits
const timer = (name: string) => cloud.as(null).raw('notify', { Type: 'Timer', TriggerName: name })

describe('credits: one per accepted consent, spent once', () => {
  test('no credit → no message; the outbox says it was skipped and why', async () => {
    expect(await notifyPerson(cloud.platform, AMY, 'reportAccepted', PAGE, VALUES)).toBe('skipped-no-credit')
    expect(sent()).toEqual([])
    expect(await outboxDocs()).toEqual([expect.objectContaining({ purpose: 'reportAccepted', outcome: 'skipped-no-credit', audience: 'reporter', page: PAGE })])
  })

  test('the consent answer: accepted adds one credit each, refused and stale template ids add none', async () => {
    const { items } = expectOk(await cloud.as(AMY).call('notify', 'templateIds', { purposes: ['reportAccepted', 'reportResolved', 'reportRejected'] }))
    expect(items).toEqual([
      { purpose: 'reportAccepted', templateId: 'REPORT_ACCEPTED_TEMPLATE' },
      { purpose: 'reportResolved', templateId: 'REPORT_RESOLVED_TEMPLATE' },
      { purpose: 'reportRejected', templateId: 'REPORT_REJECTED_TEMPLATE' },
    ])
    const answer = expectOk(
      await cloud.as(AMY).call('notify', 'consent', {
        grants: [
          { purpose: 'reportAccepted', templateId: 'REPORT_ACCEPTED_TEMPLATE', accepted: true },
          { purpose: 'reportResolved', templateId: 'REPORT_RESOLVED_TEMPLATE', accepted: false },
          { purpose: 'reportRejected', templateId: 'an-old-template-id', accepted: true },
        ],
      }),
    )
    expect(answer.added).toBe(1)
    expect(answer.credits.filter((c) => c.credits > 0)).toEqual([{ purpose: 'reportAccepted', label: '问题受理通知', credits: 1 }])
    expect(answer.credits.map((c) => c.purpose)).toEqual([...NOTIFY_PURPOSES])
    // credits are the caller's own
    expect(await creditsOf('resident-ben', 'reportAccepted')).toBe(0)
  })

  test('one credit → exactly one message, the next is skipped', async () => {
    await grantConsent(cloud, AMY, ['reportAccepted'])
    expect(await notifyPerson(cloud.platform, AMY, 'reportAccepted', PAGE, VALUES)).toBe('sent')
    expect(await notifyPerson(cloud.platform, AMY, 'reportAccepted', PAGE, VALUES)).toBe('skipped-no-credit')
    expect(sent()).toEqual([expect.objectContaining({ templateId: 'REPORT_ACCEPTED_TEMPLATE', page: PAGE, data: expect.objectContaining({ phrase3: { value: '已受理' } }) })])
    expect(await creditsOf(AMY, 'reportAccepted')).toBe(0)
  })

  test('one credit, two concurrent sends: exactly one goes out', async () => {
    await grantConsent(cloud, AMY, ['reportAccepted'])
    const outcomes = await Promise.all([1, 2].map(() => notifyPerson(cloud.platform, AMY, 'reportAccepted', PAGE, VALUES)))
    expect(outcomes.sort()).toEqual(['sent', 'skipped-no-credit'])
    expect(sent()).toHaveLength(1)
  })

  test('three credits, ten concurrent sends: exactly three go out', async () => {
    await grantConsent(cloud, AMY, ['reportAccepted'], 3)
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => notifyPerson(cloud.platform, AMY, 'reportAccepted', PAGE, VALUES)))
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(3)
    expect(sent()).toHaveLength(3)
    const { total } = await cloud.platform.db.collection('notify_credits').where({ openid: AMY, usedAt: null }).count()
    expect(total).toBe(0)
  })

  test('a credit is for one purpose: it does not pay for another', async () => {
    await grantConsent(cloud, AMY, ['reportResolved'])
    expect(await notifyPerson(cloud.platform, AMY, 'reportAccepted', PAGE, VALUES)).toBe('skipped-no-credit')
    expect(await creditsOf(AMY, 'reportResolved')).toBe(1)
  })

  test(`credits stop at ${NOTIFY_LIMITS.creditsPerPurpose} unused per purpose`, async () => {
    await grantConsent(cloud, AMY, ['reportAccepted'], NOTIFY_LIMITS.creditsPerPurpose + 2)
    expect(await creditsOf(AMY, 'reportAccepted')).toBe(NOTIFY_LIMITS.creditsPerPurpose)
  })

  test('a refusal by WeChat for its own reasons gives the credit back; 43101 (not subscribed) does not; the caller never sees a throw', async () => {
    await grantConsent(cloud, AMY, ['reportAccepted'])
    const api = cloud.platform.openApi
    const original = api.sendSubscribeMessage
    api.sendSubscribeMessage = async () => {
      throw Object.assign(new Error('system busy'), { errCode: -1 })
    }
    expect(await notifyPerson(cloud.platform, AMY, 'reportAccepted', PAGE, VALUES)).toBe('failed')
    expect(await creditsOf(AMY, 'reportAccepted')).toBe(1)
    api.sendSubscribeMessage = async () => {
      throw Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 })
    }
    expect(await notifyPerson(cloud.platform, AMY, 'reportAccepted', PAGE, VALUES)).toBe('failed')
    expect(await creditsOf(AMY, 'reportAccepted')).toBe(0)
    api.sendSubscribeMessage = original
    expect((await outboxDocs()).map((d) => [d.outcome, d.error])).toEqual([
      ['failed', 'errCode -1'],
      ['failed', 'errCode 43101'],
    ])
    expect(cloud.logged.filter((l) => l.message === 'subscribe message not sent')).toHaveLength(2)
  })

  test('a broken database under the send is logged, not thrown', async () => {
    const db = cloud.platform.db
    const collection = db.collection.bind(db)
    db.collection = (name: string) => {
      if (name.startsWith('notify_')) throw new Error('database down')
      return collection(name)
    }
    await expect(notifyPerson(cloud.platform, AMY, 'reportAccepted', PAGE, VALUES)).resolves.toBe('failed')
    db.collection = collection
  })
})

describe('template ids: configuration, then the office', () => {
  test('without a configured id (WeChat cloud, no variable) the purpose is skipped and no credit is spent', async () => {
    await grantConsent(cloud, AMY, ['reportAccepted'])
    cloud.platform.config.placeholderTemplates = false
    expect(expectOk(await cloud.as(AMY).call('notify', 'templateIds', {})).items).toEqual([])
    expect(await notifyPerson(cloud.platform, AMY, 'reportAccepted', PAGE, VALUES)).toBe('skipped-no-template')
    expect((await outboxDocs())[0]).toMatchObject({ outcome: 'skipped-no-template', templateId: null })
    cloud.platform.config.placeholderTemplates = true
    expect(await creditsOf(AMY, 'reportAccepted')).toBe(1)
  })

  test('the environment variable names the id; the office overrides it (audited) and null goes back', async () => {
    process.env.REPORT_ACCEPTED_TEMPLATE = 'tmplFromEnv_01'
    const row = async () => expectOk(await cloud.as(TEST_ADMIN).call('notify', 'templates', {})).items.find((t) => t.purpose === 'reportAccepted')
    expect(await row()).toMatchObject({ templateId: 'tmplFromEnv_01', source: 'env', envVar: 'REPORT_ACCEPTED_TEMPLATE', label: '问题受理通知', audience: 'reporter' })
    expect((await row())?.fields).toEqual([
      { key: 'character_string1', kind: 'character_string', label: '工单编号' },
      { key: 'thing2', kind: 'thing', label: '问题类型' },
      { key: 'phrase3', kind: 'phrase', label: '处理状态' },
      { key: 'time4', kind: 'time', label: '受理时间' },
      { key: 'thing5', kind: 'thing', label: '温馨提示' },
    ])
    await grantConsent(cloud, AMY, ['reportAccepted'])

    const set = expectOk(await cloud.as(TEST_ADMIN).call('notify', 'setTemplate', { purpose: 'reportAccepted', templateId: 'tmplByOffice_02' }))
    expect(set).toMatchObject({ templateId: 'tmplByOffice_02', source: 'office', configuredId: 'tmplFromEnv_01' })
    // the credit was for the old template: WeChat would refuse it under the new one
    expect(await creditsOf(AMY, 'reportAccepted')).toBe(0)
    expect(await notifyPerson(cloud.platform, AMY, 'reportAccepted', PAGE, VALUES)).toBe('skipped-no-credit')
    await grantConsent(cloud, AMY, ['reportAccepted'])
    expect(await notifyPerson(cloud.platform, AMY, 'reportAccepted', PAGE, VALUES)).toBe('sent')
    expect(sent().at(-1)).toMatchObject({ templateId: 'tmplByOffice_02' })

    cloud.clock.advance(1000) // the audit read below is in time order
    expect(expectOk(await cloud.as(TEST_ADMIN).call('notify', 'setTemplate', { purpose: 'reportAccepted', templateId: null }))).toMatchObject({ templateId: 'tmplFromEnv_01', source: 'env' })
    const audit = (await cloud.platform.db.collection('audit_log').where({ subjectType: 'notify_template', subjectId: 'reportAccepted' }).orderBy('at', 'asc').get()).data
    expect(audit.map((a) => a.detail)).toEqual([
      expect.objectContaining({ from: 'tmplFromEnv_01', to: 'tmplByOffice_02', toSource: 'office' }),
      expect.objectContaining({ from: 'tmplByOffice_02', to: 'tmplFromEnv_01', toSource: 'env' }),
    ])
    expect(audit.every((a) => a.actorOpenid === TEST_ADMIN)).toBe(true)
    // setting what is already set changes nothing and records nothing
    expectOk(await cloud.as(TEST_ADMIN).call('notify', 'setTemplate', { purpose: 'reportAccepted', templateId: null }))
    expect((await cloud.platform.db.collection('audit_log').where({ subjectType: 'notify_template' }).count()).total).toBe(2)
  })

  test('every purpose is listed with its fields; only the office sees templates, the outbox and sets ids', async () => {
    const { items } = expectOk(await cloud.as(TEST_ADMIN).call('notify', 'templates', {}))
    expect(items.map((t) => t.purpose)).toEqual([...NOTIFY_PURPOSES])
    expect(items.every((t) => t.fields.length > 0 && t.source === 'placeholder' && t.templateId === t.envVar)).toBe(true)
    for (const [action, data] of [
      ['templates', {}],
      ['outbox', {}],
      ['setTemplate', { purpose: 'reportAccepted', templateId: 'x1' }],
    ] as const) {
      expect(await cloud.as(AMY).raw('notify', { action, data })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    }
    expect(await cloud.as(TEST_ADMIN).call('notify', 'setTemplate', { purpose: 'reportAccepted', templateId: '含空格 的id' })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await cloud.as(AMY).raw('notify', { action: 'consent', data: { grants: [] } })).toMatchObject({ ok: false, code: 'INPUT.INVALID' })
    expect(await cloud.as(AMY).raw('notify', { action: 'consent', data: { grants: [{ purpose: 'spam', templateId: 'x', accepted: true }] } })).toMatchObject({
      ok: false,
      code: 'INPUT.INVALID',
    })
    expect((await cloud.platform.db.collection('notify_credits').count()).total).toBe(0)
  })
})

describe('the outbox', () => {
  test('newest first, 20 a page, by purpose; a made-up cursor is refused', async () => {
    for (let i = 0; i < 25; i++) {
      cloud.clock.advance(1000)
      await notifyPerson(cloud.platform, AMY, i % 5 === 0 ? 'rateReminder' : 'reportAccepted', `${PAGE}&n=${i}`, VALUES)
    }
    const first = expectOk(await cloud.as(TEST_ADMIN).call('notify', 'outbox', {}))
    expect(first.items).toHaveLength(20)
    expect(first.items[0].page).toBe(`${PAGE}&n=24`)
    const second = expectOk(await cloud.as(TEST_ADMIN).call('notify', 'outbox', { cursor: first.nextCursor as string }))
    expect(second.items.map((i) => i.page)).toEqual([4, 3, 2, 1, 0].map((n) => `${PAGE}&n=${n}`))
    expect(second.nextCursor).toBeNull()
    const reminders = expectOk(await cloud.as(TEST_ADMIN).call('notify', 'outbox', { purpose: 'rateReminder' }))
    expect(reminders.items.map((i) => i.purposeLabel)).toEqual(Array(5).fill('评价提醒'))
    expect(await cloud.as(TEST_ADMIN).call('notify', 'outbox', { cursor: 'not-a-cursor' })).toMatchObject({ ok: false, code: 'NOTIFY.BAD_CURSOR' })
    // the outbox names nobody
    expect(JSON.stringify(await outboxDocs())).not.toContain(AMY)
  })
})

describe('expireConsents', () => {
  test('credits and outbox entries older than 180 days go, page by page; a second run removes nothing more', async () => {
    const db = cloud.platform.db
    const now = cloud.clock.now()
    const old = now - 181 * DAY
    for (let i = 0; i < 150; i++) {
      await db.collection('notify_credits').add({ data: { openid: `p${i}`, purpose: 'reportAccepted', templateId: 'REPORT_ACCEPTED_TEMPLATE', grantedAt: old + i, usedAt: null } })
    }
    await grantConsent(cloud, AMY, ['reportAccepted'])
    cloud.clock.set(old)
    await notifyPerson(cloud.platform, AMY, 'rateReminder', PAGE, VALUES)
    cloud.clock.set(now)
    await notifyPerson(cloud.platform, AMY, 'rateReminder', PAGE, VALUES)

    expectOk(await timer('expireConsents'))
    expect((await db.collection('notify_credits').count()).total).toBe(1)
    expect(await creditsOf(AMY, 'reportAccepted')).toBe(1)
    expect((await db.collection('notify_outbox').count()).total).toBe(1)
    const after = await cloud.snapshot()
    expectOk(await timer('expireConsents'))
    expect(await cloud.snapshot()).toEqual(after)

    // the recent one goes when it is old in its turn
    cloud.clock.advance(181 * DAY)
    expectOk(await timer('expireConsents'))
    expect((await db.collection('notify_credits').count()).total).toBe(0)
  })

  test('NOTIFY_CREDIT_MAX_AGE_DAYS sets the age', async () => {
    process.env.NOTIFY_CREDIT_MAX_AGE_DAYS = '30'
    try {
      await grantConsent(cloud, AMY, ['reportAccepted'])
      cloud.clock.advance(29 * DAY)
      expectOk(await timer('expireConsents'))
      expect(await creditsOf(AMY, 'reportAccepted')).toBe(1)
      cloud.clock.advance(2 * DAY)
      expectOk(await timer('expireConsents'))
      expect(await creditsOf(AMY, 'reportAccepted')).toBe(0)
    } finally {
      delete process.env.NOTIFY_CREDIT_MAX_AGE_DAYS
    }
  })
})
