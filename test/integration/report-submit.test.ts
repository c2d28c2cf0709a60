import { randomUUID } from 'node:crypto'
import { DEMO_POINT } from '@/cloud/domain/report/demo-city'
import { expectOk } from '../support/cloud'
import { P, XICHENG_POINT, startReportCloud, type ReportCloud } from './report-fixtures'

let cloud: ReportCloud
beforeEach(async () => {
  cloud = await startReportCloud()
})
afterEach(() => cloud.close())

const DAY = 24 * 60 * 60 * 1000
/** metres → degrees of latitude (the duplicate radius is measured on the ground) */
const north = (meters: number) => ({ lat: DEMO_POINT.lat + meters / 111_195, lng: DEMO_POINT.lng })
const place = (at: { lat: number; lng: number }) => ({ ...at, address: '文明路' })

describe('submit: placement, routing and idempotency', () => {
  test('the report lands in the grid whose polygon holds it and its category routes the dispatch', async () => {
    const inWenming = await cloud.submit(P.alice, { categoryId: 'back-alley' })
    expect(inWenming.gridId).toBe('grid-demo')
    expect(inWenming.unitId).toBeNull()
    expect((await cloud.view(P.grid, inWenming.id)).suggestedUnit).toEqual({ id: 'unit-street-east', name: '东城街道办事处' })

    const inXicheng = await cloud.submit(P.alice, { categoryId: 'back-alley', location: place(XICHENG_POINT) })
    expect(inXicheng.gridId).toBe('grid-xicheng')
    const dispatched = expectOk(await cloud.as(P.otherGrid).call('report', 'dispatch', { reportId: inXicheng.id }))
    expect(dispatched).toMatchObject({ unitId: 'unit-street-west', unitName: '西城街道办事处' })
  })

  test('the office changes the routing, and the next dispatch follows it', async () => {
    const report = await cloud.submit(P.alice, { categoryId: 'littering' })
    expect((await cloud.view(P.grid, report.id)).suggestedUnit?.id).toBe('unit-sanitation')
    expect(await cloud.as(P.grid).call('report', 'setRoute', { categoryId: 'littering', unitId: 'unit-demo' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expectOk(await cloud.as(P.office).call('report', 'setRoute', { categoryId: 'littering', gridId: 'grid-demo', unitId: 'unit-demo' }))
    expect(expectOk(await cloud.as(P.grid).call('report', 'dispatch', { reportId: report.id })).unitId).toBe('unit-demo')
    expect(await cloud.as(P.office).call('report', 'setRoute', { categoryId: 'littering', unitId: 'unit-none' })).toMatchObject({
      ok: false,
      code: 'REPORT.UNIT_NOT_FOUND',
    })
  })

  test('the office reads the routing table it changes', async () => {
    const before = expectOk(await cloud.as(P.office).call('report', 'routing', {}))
    expect(before.dailyLimit).toBe(20)
    expect(before.routes).toContainEqual({ categoryId: 'littering', gridId: null, unitId: 'unit-sanitation' })
    expect(before.routes).toContainEqual({ categoryId: 'back-alley', gridId: 'grid-xicheng', unitId: 'unit-street-west' })
    expectOk(await cloud.as(P.office).call('report', 'setRoute', { categoryId: 'littering', unitId: 'unit-demo' }))
    expect(expectOk(await cloud.as(P.office).call('report', 'routing', {})).routes).toContainEqual({ categoryId: 'littering', gridId: null, unitId: 'unit-demo' })
    expect(await cloud.as(P.grid).call('report', 'routing', {})).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })

  test('a retried submit with the same requestId returns the first report and counts once', async () => {
    const requestId = randomUUID()
    const photo = await cloud.photo(P.alice)
    const first = await cloud.submit(P.alice, { requestId, photos: [photo] })
    cloud.clock.advance(5_000)
    const again = await cloud.submit(P.alice, { requestId, photos: [photo], description: '重试时文字变了' })
    expect(again.id).toBe(first.id)
    expect(again.description).toBe(first.description)
    const stored = await cloud.snapshot()
    expect(stored.reports).toHaveLength(1)
    expect(stored.report_events).toHaveLength(1)
    expect(expectOk(await cloud.as(P.alice).call('report', 'prepare', {})).usedToday).toBe(1)
  })

  test('the same requestId from two people is two reports', async () => {
    const requestId = randomUUID()
    const a = await cloud.submit(P.alice, { requestId })
    const b = await cloud.submit(P.bob, { requestId })
    expect(a.id).not.toBe(b.id)
  })

  test('concurrent retries of one submit store one report', async () => {
    const requestId = randomUUID()
    const photo = await cloud.photo(P.alice)
    const results = await Promise.all(Array.from({ length: 5 }, () => cloud.trySubmit(P.alice, { requestId, photos: [photo] })))
    expect(new Set(results.map((r) => r.ok && r.data.id)).size).toBe(1)
    expect((await cloud.snapshot()).reports).toHaveLength(1)
    expect(expectOk(await cloud.as(P.alice).call('report', 'prepare', {})).usedToday).toBe(1)
  })
})

describe('submit: refused input writes nothing', () => {
  const cases: Array<[string, string, (c: ReportCloud) => Promise<Record<string, unknown>>]> = [
    ['a place outside every grid', 'REPORT.OUT_OF_CITY', async () => ({ location: place({ lat: 31.2, lng: 121.47 }) })],
    ['a place just past the city’s edge', 'REPORT.OUT_OF_CITY', async () => ({ location: place({ lat: 30.27, lng: 120.1801 }) })],
    ['ten photos', 'INPUT.INVALID', async (c) => ({ photos: await Promise.all(Array.from({ length: 10 }, () => c.photo(P.alice))) })],
    ['no photo', 'INPUT.INVALID', async () => ({ photos: [] })],
    ['someone else’s photo', 'REPORT.PHOTO_NOT_YOURS', async (c) => ({ photos: [await c.photo(P.bob)] })],
    ['a photo in no reserved path', 'REPORT.PHOTO_NOT_YOURS', async () => ({ photos: ['cloud://local.wenming/uploads/20261125/abc.jpg'] })],
    ['a file id that is not cloud://', 'INPUT.INVALID', async () => ({ photos: ['https://example.com/a.jpg'] })],
    ['501 characters', 'INPUT.INVALID', async () => ({ description: '脏'.repeat(501) })],
    ['an unknown category', 'INPUT.INVALID', async () => ({ categoryId: 'spaceship' })],
    ['a malformed phone', 'INPUT.INVALID', async () => ({ phone: '12345' })],
    ['a requestId that is not a UUID', 'INPUT.INVALID', async () => ({ requestId: 'again' })],
  ]
  test.each(cases)('%s → %s', async (_label, code, make) => {
    const overrides = await make(cloud)
    const before = await cloud.snapshot()
    const result = await cloud.as(P.alice).raw('report', {
      action: 'submit',
      data: {
        categoryId: 'illegal-ads',
        photos: [await cloud.photo(P.alice)],
        location: place(DEMO_POINT),
        description: '小广告',
        anonymous: false,
        requestId: randomUUID(),
        ...overrides,
      },
    })
    expect(result).toMatchObject({ ok: false, code })
    const after = await cloud.snapshot()
    for (const name of ['reports', 'report_events', 'report_daily', 'report_confirmations']) expect(after[name]).toEqual(before[name])
  })

  test('a photo reserved but never uploaded is refused because the storage says it is missing', async () => {
    const { paths } = expectOk(await cloud.as(P.alice).call('storage', 'reserve', { area: 'reports', count: 1 }))
    const ghost = `cloud://local.wenming/${paths[0]}.jpg`
    expect(await cloud.trySubmit(P.alice, { photos: [ghost] })).toMatchObject({ ok: false, code: 'REPORT.PHOTO_NOT_FOUND' })
    expect((await cloud.snapshot()).reports).toEqual([])
  })
})

describe('the daily limit', () => {
  test('the 21st report of a Shanghai day is refused with a clear error; the next day opens again', async () => {
    // 2026-11-25 02:00 UTC is 10:00 in Shanghai
    for (let i = 0; i < 20; i++) await cloud.submit(P.alice)
    const before = await cloud.snapshot()
    const refused = await cloud.trySubmit(P.alice)
    expect(refused).toMatchObject({ ok: false, code: 'REPORT.DAILY_LIMIT' })
    expect(!refused.ok && refused.message).toContain('20')
    expect((await cloud.snapshot()).reports).toEqual(before.reports)
    // others are not affected
    expect(await cloud.trySubmit(P.bob)).toMatchObject({ ok: true })
    // 15:59 UTC is still 23:59 the same day in Shanghai
    cloud.clock.set(Date.UTC(2026, 10, 25, 15, 59))
    expect(await cloud.trySubmit(P.alice)).toMatchObject({ ok: false, code: 'REPORT.DAILY_LIMIT' })
    cloud.clock.set(Date.UTC(2026, 10, 25, 16, 0))
    expect(await cloud.trySubmit(P.alice)).toMatchObject({ ok: true })
  })

  test('the office can change the limit', async () => {
    expectOk(await cloud.as(P.office).call('report', 'updateSettings', { dailyLimit: 2 }))
    await cloud.submit(P.alice)
    await cloud.submit(P.alice)
    expect(await cloud.trySubmit(P.alice)).toMatchObject({ ok: false, code: 'REPORT.DAILY_LIMIT' })
    expect(expectOk(await cloud.as(P.alice).call('report', 'prepare', {}))).toMatchObject({ dailyLimit: 2, usedToday: 2 })
    expect(await cloud.as(P.grid).call('report', 'updateSettings', { dailyLimit: 50 })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
  })

  test('concurrent submits cannot pass the limit', async () => {
    expectOk(await cloud.as(P.office).call('report', 'updateSettings', { dailyLimit: 3 }))
    const photos = await Promise.all(Array.from({ length: 8 }, () => cloud.photo(P.alice)))
    const results = await Promise.all(photos.map((photo) => cloud.trySubmit(P.alice, { photos: [photo] })))
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect((await cloud.snapshot()).reports).toHaveLength(3)
  })
})

describe('duplicates nearby: 50 m, 24 h, same category, still open', () => {
  test('offers an open report of the same category within 50 m from the last 24 h, and nothing else', async () => {
    const original = await cloud.submit(P.alice, { location: place(DEMO_POINT) })
    await cloud.submit(P.alice, { categoryId: 'littering', location: place(north(10)) })
    await cloud.submit(P.alice, { location: place(north(120)) })

    const near = expectOk(await cloud.as(P.bob).call('report', 'nearby', { categoryId: 'illegal-ads', location: north(45) }))
    expect(near).toEqual([expect.objectContaining({ id: original.id, distanceMeters: 45, mine: false, statusLabel: '待受理' })])
    expect(expectOk(await cloud.as(P.bob).call('report', 'nearby', { categoryId: 'illegal-ads', location: north(55) })).map((r) => r.id)).not.toContain(
      original.id,
    )
    expect(expectOk(await cloud.as(P.bob).call('report', 'nearby', { categoryId: 'spitting', location: north(5) }))).toEqual([])
    // the caller's own report is marked so the form can open it instead
    expect(expectOk(await cloud.as(P.alice).call('report', 'nearby', { categoryId: 'illegal-ads', location: north(5) }))[0].mine).toBe(true)
  })

  test('a report older than 24 h is not offered; one a millisecond younger is', async () => {
    const original = await cloud.submit(P.alice)
    cloud.clock.advance(DAY)
    expect(expectOk(await cloud.as(P.bob).call('report', 'nearby', { categoryId: 'illegal-ads', location: DEMO_POINT })).map((r) => r.id)).toEqual([original.id])
    cloud.clock.advance(1)
    expect(expectOk(await cloud.as(P.bob).call('report', 'nearby', { categoryId: 'illegal-ads', location: DEMO_POINT }))).toEqual([])
  })

  test('a resolved or rejected report is not offered', async () => {
    const report = await cloud.submit(P.alice)
    expectOk(await cloud.as(P.grid).call('report', 'reject', { reportId: report.id, reason: 'other' }))
    expect(expectOk(await cloud.as(P.bob).call('report', 'nearby', { categoryId: 'illegal-ads', location: DEMO_POINT }))).toEqual([])
  })

  test('我也遇到 adds one confirmation per person, not to one’s own or a closed report', async () => {
    const report = await cloud.submit(P.alice)
    expect(expectOk(await cloud.as(P.bob).call('report', 'confirm', { reportId: report.id }))).toEqual({ reportId: report.id, confirmations: 1, added: true })
    expect(expectOk(await cloud.as(P.bob).call('report', 'confirm', { reportId: report.id }))).toEqual({ reportId: report.id, confirmations: 1, added: false })
    expect(expectOk(await cloud.as(P.carol).call('report', 'confirm', { reportId: report.id })).confirmations).toBe(2)
    expect(await cloud.as(P.alice).call('report', 'confirm', { reportId: report.id })).toMatchObject({ ok: false, code: 'REPORT.OWN_REPORT' })
    // the confirmer follows the report without seeing who reported it or where exactly
    const followed = await cloud.view(P.bob, report.id)
    expect(followed).toMatchObject({ viewerRole: 'confirmer', reporter: null, confirmations: 2, location: { approximate: true } })
    expect((await cloud.view(P.grid, report.id)).confirmations).toBe(2)

    expectOk(await cloud.as(P.grid).call('report', 'reject', { reportId: report.id, reason: 'other' }))
    expect(await cloud.as(P.office).call('report', 'confirm', { reportId: report.id })).toMatchObject({ ok: false, code: 'REPORT.NOT_OPEN' })
  })
})

describe('lists', () => {
  test('我的随手拍: newest first, 20 per page, the cursor continues without repeats even within one millisecond', async () => {
    expectOk(await cloud.as(P.office).call('report', 'updateSettings', { dailyLimit: 50 }))
    const ids: string[] = []
    for (let i = 0; i < 25; i++) {
      // pairs share a millisecond: the cursor must break the tie
      if (i % 2 === 0) cloud.clock.advance(1000)
      ids.push((await cloud.submit(P.alice)).id)
    }
    await cloud.submit(P.bob)
    const first = expectOk(await cloud.as(P.alice).call('report', 'mine', {}))
    expect(first.items).toHaveLength(20)
    expect(first.next).not.toBeNull()
    const second = expectOk(await cloud.as(P.alice).call('report', 'mine', { cursor: first.next ?? undefined }))
    expect(second.items).toHaveLength(5)
    expect(second.next).toBeNull()
    const seen = [...first.items, ...second.items]
    expect(new Set(seen.map((i) => i.id))).toEqual(new Set(ids))
    const times = seen.map((i) => i.createdAt)
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  test('the grid queue puts the earliest due first', async () => {
    const slow = await cloud.submit(P.alice, { categoryId: 'good-deed' }) // praise: 24 h to review
    cloud.clock.advance(60_000)
    const urgent = await cloud.submit(P.alice) // 2 h to accept
    const queue = expectOk(await cloud.as(P.grid).call('report', 'queue', { as: 'grid', status: 'submitted' }))
    expect(queue.items.map((i) => i.id)).toEqual([urgent.id, slow.id])
    expect(expectOk(await cloud.as(P.otherGrid).call('report', 'queue', { as: 'grid', status: 'submitted' })).items).toEqual([])
  })
})

describe('submit after a poster scan', () => {
  test('a report filed within a day of scanning a poster counts once in that poster’s stats', async () => {
    const poster = expectOk(
      await cloud.as(P.office).call('entry', 'registerPoster', {
        title: '文明城市你我共建',
        place: { ...DEMO_POINT, address: '文明路公交站' },
        target: { kind: 'report' },
        requestId: 'poster-report',
      }),
    )
    expectOk(await cloud.as(P.alice).call('entry', 'scan', { posterId: poster.id }))
    await cloud.submit(P.alice, { categoryId: 'littering' })
    await cloud.submit(P.alice, { categoryId: 'back-alley' })
    await cloud.submit(P.bob, { categoryId: 'littering' })
    const stats = expectOk(await cloud.as(P.office).call('entry', 'posterStats', { posterId: poster.id }))
    expect(stats.poster.totals).toMatchObject({ scans: 1, people: 1, reports: 1 })
  })
})
