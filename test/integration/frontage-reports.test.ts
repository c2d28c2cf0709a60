import { randomUUID } from 'node:crypto'
import type { ReportView, ShopReportItem } from '@/shared/contract'
import type { CategoryId, LatLng } from '@/shared/report'
import { REPORT_ERRORS } from '@/shared/contract/report'
import { BLOCKED_IMAGE_MARKER } from '@/cloud/platform/local/open-api'
import { open311 } from '@/cloud/domain/open311'
import { M, type ShopDoc, type ShopReportDoc } from '@/cloud/domain/frontage/model'
import { monthDocId, type ShopMonthDoc } from '@/cloud/domain/frontage/ledger'
import type { ReportDoc, ReportEventDoc } from '@/cloud/domain/report/types'
import { monthOf } from '@/shared/calendar/weeks'
import type { Result } from '@/shared/errors'
import { expectOk, TEST_ADMIN } from '../support/cloud'
import { EAST_OFFICE, WENMING_LAT, WEST_OFFICE, grantShopOwner, metresLat, registerShop, startFrontageCloud, uploadPhoto, wenmingFront, type FrontageCloud } from './frontage-support'
import { JPEG } from './report-fixtures'

/**
 * 门前三包: a 随手拍 on a shop's frontage, in a category its 责任书 covers, goes to the shop first
 * (门店处理中); the shop answers with an after-photo within its limit (2 working hours), or the
 * timer hands the report to the grid worker and the escalation counts against the shop; a resident
 * unhappy with the shop's answer sends it to the grid worker too. Inside a painted zone, selling
 * (or parking) is not reported at all.
 */

const HOUR = 60 * 60 * 1000
const P = {
  alice: 'resident-alice',
  bob: 'resident-bob',
  grid: 'grid-worker-wenming',
  handler: 'handler-chengguan',
  owner: 'owner-tea',
  staff: 'staff-tea',
  otherOwner: 'owner-noodles',
} as const
const ALICE_PHONE = '13812345678'
const ALICE_NAME = '举报人爱丽丝'
const OWNER_NAME = '李建国'

/** on the tea shop's frontage (a line on 文明路 from 120.15 to 120.1501), 3 m towards the kerb */
const AT_TEA: LatLng = { lat: WENMING_LAT - metresLat(3), lng: 120.15005 }
/** still 文明路 and grid-demo, but 200 m along: no frontage */
const OFF_FRONTAGE: LatLng = { lat: WENMING_LAT - metresLat(3), lng: 120.152 }

type World = FrontageCloud & {
  tea: string
  noodles: string
  reportPhoto(openid: string, mark?: string): Promise<string>
  submit(over?: { categoryId?: CategoryId; location?: LatLng; description?: string; openid?: string }): Promise<ReportView>
  answer(reportId: string, o?: { as?: string; note?: string; photos?: string[] }): Promise<Result<ShopReportItem>>
  stored(reportId: string): Promise<ReportDoc>
  stage(reportId: string): Promise<ShopReportDoc | null>
  shopDoc(shopId: string): Promise<ShopDoc>
  month(shopId: string): Promise<ShopMonthDoc | null>
  events(reportId: string): Promise<ReportEventDoc[]>
  timer(): Promise<Result<unknown>>
}

async function startWorld(): Promise<World> {
  const cloud = await startFrontageCloud()
  const db = cloud.platform.db
  for (const [openid, role, scopeId] of [
    [P.grid, 'grid', 'grid-demo'],
    [P.handler, 'handler', 'unit-demo'],
  ] as const) {
    expectOk(await cloud.as(TEST_ADMIN).call('user', 'grantRole', { openid, role, scopeId }))
  }
  for (const openid of [P.alice, P.bob]) expectOk(await cloud.as(openid).call('user', 'me', {}))
  expectOk(await cloud.as(P.alice).call('user', 'updateProfile', { nickname: ALICE_NAME }))
  const tea = (await registerShop(cloud, { name: '清香茶叶店', frontage: wenmingFront(120.15), ownerName: OWNER_NAME })).shopId
  const noodles = (await registerShop(cloud, { name: '老街面馆', address: '东城街道文明路 30 号', frontage: wenmingFront(120.1506) })).shopId
  await grantShopOwner(cloud, P.owner, tea)
  await grantShopOwner(cloud, P.staff, tea, 'staff')
  await grantShopOwner(cloud, P.otherOwner, noodles)

  async function reportPhoto(openid: string, mark = ''): Promise<string> {
    const { paths } = expectOk(await cloud.as(openid).call('storage', 'reserve', { area: 'reports', count: 1 }))
    const { fileID } = await cloud.platform.storage.uploadFile({ cloudPath: `${paths[0]}.jpg`, fileContent: Buffer.concat([JPEG, Buffer.from(mark)]) })
    return fileID
  }
  const submit = async (over: { categoryId?: CategoryId; location?: LatLng; description?: string; openid?: string } = {}) => {
    const openid = over.openid ?? P.alice
    return expectOk(
      await cloud.as(openid).call('report', 'submit', {
        categoryId: over.categoryId ?? 'street-vending',
        photos: [await reportPhoto(openid)],
        location: { ...(over.location ?? AT_TEA), address: '文明路 18 号门口' },
        description: over.description ?? '茶叶店把货架摆到了人行道上',
        anonymous: false,
        phone: ALICE_PHONE,
        requestId: randomUUID(),
      }),
    )
  }
  const answer = async (reportId: string, o: { as?: string; note?: string; photos?: string[] } = {}) => {
    const as = o.as ?? P.owner
    return cloud.as(as).call('frontage', 'answerReport', { reportId, note: o.note ?? '货架已搬回店内', photos: o.photos ?? [await uploadPhoto(cloud, as)] })
  }
  const one = async <T>(collection: string, id: string) => ((await db.collection(collection).where({ _id: id }).limit(1).get()).data[0] as unknown as T | undefined) ?? null
  const stored = async (id: string) => (await one<ReportDoc>('reports', id)) as ReportDoc
  const stage = (id: string) => one<ShopReportDoc>(M.shopReports, id)
  const shopDoc = async (id: string) => (await one<ShopDoc>(M.shops, id)) as ShopDoc
  const month = (shopId: string) => one<ShopMonthDoc>('frontage_months', monthDocId(shopId, monthOf(cloud.clock.now())))
  const events = async (id: string) => (await db.collection('report_events').where({ reportId: id }).orderBy('seq', 'asc').limit(100).get()).data as unknown as ReportEventDoc[]
  const timer = () => cloud.as(null).raw('frontage', { Type: 'Timer', TriggerName: 'escalateShopReports' })
  return Object.assign(cloud, { tea, noodles, reportPhoto, submit, answer, stored, stage, shopDoc, month, events, timer }) as World
}

const view = async (w: World, openid: string, reportId: string) => expectOk(await w.as(openid).call('report', 'get', { reportId }))
const list = async (w: World, openid: string, shopId: string, stage?: ShopReportItem['stage']) =>
  expectOk(await w.as(openid).call('frontage', 'shopReports', { shopId, ...(stage ? { stage } : {}) }))

describe('门前三包: a 随手拍 at a shop frontage goes to the shop first', () => {
  let w: World
  beforeEach(async () => {
    w = await startWorld()
  })
  afterEach(() => w.close())

  test('a covered category on the frontage is 门店处理中, due by the shop limit, in the shop queue and visible (not actionable) to the grid worker', async () => {
    const start = w.clock.now()
    const report = await w.submit()
    expect(report).toMatchObject({ status: 'at-shop', statusLabel: '门店处理中', holderName: '清香茶叶店', gridId: 'grid-demo', unitId: null })
    // Wednesday 10:00 in Beijing: two working hours later is 12:00, the end of the morning span
    expect(report.dueAt).toBe(start + 2 * HOUR)
    expect(report.timeline[0]).toMatchObject({ label: '提交随手拍，位于门前三包责任区，先由门店处理', to: 'at-shop' })
    expect((await w.stored(report.id)).shopId).toBe(w.tea)
    expect(await w.stage(report.id)).toMatchObject({ shopId: w.tea, stage: 'waiting', shopDueAt: start + 2 * HOUR, categoryId: 'street-vending', fixedInTime: null })
    expect((await w.shopDoc(w.tea)).waitingReports).toBe(1)

    const waiting = await list(w, P.owner, w.tea, 'waiting')
    expect(waiting.items.map((i) => i.reportId)).toEqual([report.id])
    expect(waiting.items[0]).toMatchObject({ categoryName: '游商小贩/占道经营', description: '茶叶店把货架摆到了人行道上', stage: 'waiting', overdue: false, shopDueAt: start + 2 * HOUR })
    expect(waiting.items[0].photos).toHaveLength(1)
    expect((await list(w, P.owner, w.tea, 'answered')).items).toEqual([])
    expect((await list(w, P.otherOwner, w.noodles)).items).toEqual([])

    // the grid worker sees it, marked 门店处理中, in its own queue; no button while the shop has it
    const asGrid = await view(w, P.grid, report.id)
    expect(asGrid).toMatchObject({ status: 'at-shop', statusLabel: '门店处理中', allowedActions: [], canRecategorize: false })
    const queue = expectOk(await w.as(P.grid).call('report', 'queue', { as: 'grid', status: 'at-shop' }))
    expect(queue.items.map((i) => i.id)).toEqual([report.id])
    expect(expectOk(await w.as(P.grid).call('report', 'queue', { as: 'grid', status: 'submitted' })).items).toEqual([])
    expect(await w.as(P.grid).call('report', 'dispatch', { reportId: report.id })).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' })
    expect(await w.as(P.grid).call('report', 'reject', { reportId: report.id, reason: 'other' })).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' })
    // 我也遇到 still counts on it: it is open
    expect(expectOk(await w.as(P.bob).call('report', 'confirm', { reportId: report.id })).added).toBe(true)
    // and open to a partner system too (GeoReport `open`, in the status=open search)
    const { key } = expectOk(await w.as(TEST_ADMIN).call('open311', 'issueKey', { partner: '12345 热线' }))
    const search = async (query: Record<string, string>) =>
      (await open311({ method: 'GET', path: 'requests.json', query: new URLSearchParams({ ...query, api_key: key }) }, w.platform)).body as Array<{ service_request_id: string; status: string }>
    expect(await search({ service_request_id: report.id })).toMatchObject([{ service_request_id: report.id, status: 'open' }])
    expect((await search({ status: 'open' })).map((r) => r.service_request_id)).toContain(report.id)
  })

  test('an uncovered category on the frontage, or a covered one off every frontage, goes the normal way', async () => {
    const uncovered = await w.submit({ categoryId: 'psa-damaged' })
    const off = await w.submit({ location: OFF_FRONTAGE })
    for (const r of [uncovered, off]) {
      expect(r.status).toBe('submitted')
      expect((await w.stored(r.id)).shopId).toBeUndefined()
      expect(await w.stage(r.id)).toBeNull()
    }
    expect((await w.shopDoc(w.tea)).waitingReports).toBe(0)
    expect((await list(w, P.owner, w.tea)).items).toEqual([])
    // a closed shop's frontage no longer takes reports
    await w.platform.db.collection(M.shops).doc(w.tea).update({ data: { status: 'closed' } })
    expect((await w.submit()).status).toBe('submitted')
  })

  test('answered in time: 已办结 by 「门店」 (never a name), fixed in time, counters back to zero, the timer leaves it alone; 5★ counts as fixed', async () => {
    const report = await w.submit()
    w.clock.advance(HOUR)
    const item = expectOk(await w.answer(report.id))
    expect(item).toMatchObject({ reportId: report.id, stage: 'answered', overdue: false })
    expect(await w.stage(report.id)).toMatchObject({ stage: 'answered', answeredAt: w.clock.now(), fixedInTime: true, escalation: null })
    expect((await w.shopDoc(w.tea)).waitingReports).toBe(0)

    const mine = await view(w, P.alice, report.id)
    expect(mine).toMatchObject({ status: 'resolved', statusLabel: '已办结', dueAt: null, allowedActions: ['rate', 'requestReopen'] })
    expect(mine.resolution).toMatchObject({ note: '货架已搬回店内', at: w.clock.now() })
    expect(mine.resolution?.photos).toHaveLength(1)
    expect(mine.ratingDueAt).not.toBeNull()
    const last = mine.timeline[mine.timeline.length - 1]
    expect(last).toMatchObject({ action: 'shopAnswer', label: '门店已处理', actor: '门店', note: '货架已搬回店内', from: 'at-shop', to: 'resolved' })
    expect(JSON.stringify(mine)).not.toContain(OWNER_NAME)
    expect(JSON.stringify(await view(w, P.grid, report.id))).not.toContain(OWNER_NAME)
    // in the public feed as any resolved report
    expect(expectOk(await w.as(P.bob).call('report', 'feed', {})).items.map((i) => i.id)).toContain(report.id)

    // answered twice: the stage is over
    expect(await w.answer(report.id)).toMatchObject({ ok: false, code: 'FRONTAGE.REPORT_NOT_WAITING' })
    w.clock.advance(24 * HOUR)
    expectOk(await w.timer())
    expect((await w.stored(report.id)).status).toBe('resolved')
    expect((await w.stage(report.id))?.stage).toBe('answered')

    expect(await w.month(w.tea)).toBeNull()
    expectOk(await w.as(P.alice).call('report', 'rate', { reportId: report.id, score: 5 }))
    expect((await w.stored(report.id)).status).toBe('rated')
    expect(await w.month(w.tea)).toMatchObject({ reportsFixed: 1, reportsFixedInTime: 1, escalated: 0 })
    expect((await list(w, P.owner, w.tea, 'answered')).items.map((i) => i.reportId)).toEqual([report.id])
  })

  test('answered after the limit but before the timer ran: resolved, not in time; unrated, the window close counts it as fixed', async () => {
    const report = await w.submit()
    w.clock.advance(3 * HOUR)
    expect((await list(w, P.owner, w.tea, 'waiting')).items[0].overdue).toBe(true)
    expectOk(await w.answer(report.id))
    expect(await w.stage(report.id)).toMatchObject({ stage: 'answered', fixedInTime: false })
    w.clock.advance(30 * 24 * HOUR)
    expectOk(await w.as(null).raw('report', { Type: 'Timer', TriggerName: 'closeRatingWindows' }))
    expect((await w.stored(report.id)).status).toBe('closed-unrated')
    expect(await w.month(w.tea)).toMatchObject({ reportsFixed: 1, reportsFixedInTime: 0, escalated: 0 })
  })

  test('not answered: the timer hands it to the grid worker (待受理, due by the 受理 limit from now) with the shop record; twice is once', async () => {
    const report = await w.submit()
    const second = await w.submit({ categoryId: 'illegal-ads', description: '门口贴了小广告' })
    w.clock.advance(2 * HOUR + 1)
    // a report submitted just now is still within its limit
    const fresh = await w.submit({ categoryId: 'littering', description: '门口一地烟头' })
    expectOk(await w.timer())

    for (const id of [report.id, second.id]) {
      const after = await view(w, P.grid, id)
      expect(after).toMatchObject({ status: 'submitted', statusLabel: '待受理', holderName: '文明路网格' })
      expect(after.allowedActions).toContain('dispatch')
      // 受理 is 2 hours on the clock for both categories, counted from the hand-over
      expect(after.dueAt).toBe(w.clock.now() + 2 * HOUR)
      const last = after.timeline[after.timeline.length - 1]
      expect(last).toMatchObject({ action: 'shopEscalate', label: '门店未在时限内处理，已转网格员受理', actor: '系统', from: 'at-shop', to: 'submitted', reason: null })
      expect(await w.stage(id)).toMatchObject({ stage: 'escalated', escalation: 'timeout', escalatedAt: w.clock.now(), fixedInTime: false })
    }
    expect((await w.stored(fresh.id)).status).toBe('at-shop')
    expect((await w.shopDoc(w.tea)).waitingReports).toBe(1)
    expect(await w.month(w.tea)).toMatchObject({ escalated: 2, reportsFixed: 0 })
    expect((await list(w, P.owner, w.tea, 'escalated')).items.map((i) => i.reportId).sort()).toEqual([report.id, second.id].sort())

    const eventsBefore = (await w.events(report.id)).length
    expectOk(await w.timer())
    expect((await w.events(report.id)).length).toBe(eventsBefore)
    expect(await w.month(w.tea)).toMatchObject({ escalated: 2 })
    expect((await w.shopDoc(w.tea)).waitingReports).toBe(1)

    // too late for the shop; the grid worker has it as any 待受理
    expect(await w.answer(report.id)).toMatchObject({ ok: false, code: 'FRONTAGE.REPORT_NOT_WAITING' })
    expect(expectOk(await w.as(P.grid).call('report', 'dispatch', { reportId: second.id })).status).toBe('dispatched')
  })

  test('the shop answering as the timer runs, or owner and staff at once: one wins, the counts stay whole', async () => {
    const late = await w.submit()
    const twice = await w.submit({ categoryId: 'illegal-ads' })
    w.clock.advance(3 * HOUR)
    const ownerPhoto = await uploadPhoto(w, P.owner)
    const [answered] = await Promise.all([w.answer(late.id, { photos: [ownerPhoto] }), w.timer()])
    const moves = (await w.events(late.id)).filter((e) => e.action === 'shopAnswer' || e.action === 'shopEscalate')
    expect(moves).toHaveLength(1)
    expect(answered.ok).toBe(moves[0].action === 'shopAnswer')
    expect((await w.stored(late.id)).status).toBe(moves[0].action === 'shopAnswer' ? 'resolved' : 'submitted')

    // the timer has run: give the second report a fresh stage to race on
    if ((await w.stage(twice.id))?.stage === 'waiting') expectOk(await w.timer())
    const another = await w.submit({ categoryId: 'littering' })
    const [a, b] = await Promise.all([w.answer(another.id, { as: P.owner }), w.answer(another.id, { as: P.staff })])
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: 'FRONTAGE.REPORT_NOT_WAITING' })
    expect((await w.events(another.id)).filter((e) => e.action === 'shopAnswer')).toHaveLength(1)
    expect((await w.shopDoc(w.tea)).waitingReports).toBe(0)
  })

  test('the timer pages: 130 overdue reports all escalate in one run, and a second run changes nothing', async () => {
    const first = await w.submit()
    const db = w.platform.db
    const report = await w.stored(first.id)
    const stage = (await w.stage(first.id)) as ShopReportDoc
    const event = (await w.events(first.id))[0]
    // copies of one real report (a person may only file 20 a day)
    for (let i = 0; i < 129; i++) {
      const id = `${first.id}-${i}`
      const { _id: _r, ticketNo: _ticket, ...r } = report
      const { _id: _s, ...s } = stage
      const { _id: _e, ...e } = event
      await db.collection('reports').doc(id).set({ data: { ...r } })
      await db.collection(M.shopReports).doc(id).set({ data: { ...s, shopDueAt: stage.shopDueAt + i } })
      await db.collection('report_events').add({ data: { ...e, reportId: id } })
    }
    await db.collection(M.shops).doc(w.tea).update({ data: { waitingReports: 130 } })
    w.clock.advance(3 * HOUR)
    expectOk(await w.timer())
    expect((await db.collection(M.shopReports).where({ stage: 'waiting' }).count()).total).toBe(0)
    expect((await db.collection('reports').where({ status: 'submitted' }).count()).total).toBe(130)
    expect((await w.shopDoc(w.tea)).waitingReports).toBe(0)
    expect(await w.month(w.tea)).toMatchObject({ escalated: 130 })
    expectOk(await w.timer())
    expect(await w.month(w.tea)).toMatchObject({ escalated: 130 })
    expect((await db.collection('report_events').where({ action: 'shopEscalate' }).count()).total).toBe(130)
  })

  test('answered, then rated 1★: to the grid worker instead of 重办, not fixed in time, counted against the shop; the rating is not kept', async () => {
    const report = await w.submit()
    expectOk(await w.answer(report.id))
    const after = expectOk(await w.as(P.alice).call('report', 'rate', { reportId: report.id, score: 1, comment: '货架还在外面' }))
    expect(after).toMatchObject({ status: 'submitted', statusLabel: '待受理', rating: null, resolution: null, ratingDueAt: null, allowedActions: [] })
    const last = after.timeline[after.timeline.length - 1]
    expect(last).toMatchObject({ action: 'shopEscalate', label: '评价 1 星，市民对门店处理不满意，已转网格员受理', actor: '市民', note: '货架还在外面', from: 'resolved', to: 'submitted' })
    expect(await w.stage(report.id)).toMatchObject({ stage: 'escalated', escalation: 'unhappy', fixedInTime: false })
    expect(await w.month(w.tea)).toMatchObject({ escalated: 1, reportsFixed: 0 })
    const stored = await w.stored(report.id)
    expect(stored).toMatchObject({ status: 'submitted', open: true, public: false, afterPhotos: [], reopenCount: 0 })
    // the grid worker reads what the resident said, and takes it from here
    const asGrid = await view(w, P.grid, report.id)
    expect(asGrid.reopenRequest).toMatchObject({ reason: '货架还在外面', score: 1 })
    expect(asGrid.allowedActions).toContain('dispatch')
    expect(expectOk(await w.as(P.bob).call('report', 'feed', {})).items.map((i) => i.id)).not.toContain(report.id)

    // once the unit resolves it, a 1★ is an ordinary 重办 request again: the shop's stage is over
    expectOk(await w.as(P.grid).call('report', 'dispatch', { reportId: report.id, unitId: 'unit-demo' }))
    expectOk(await w.as(P.handler).call('report', 'start', { reportId: report.id }))
    const { paths } = expectOk(await w.as(P.handler).call('storage', 'reserve', { area: 'reports', count: 1 }))
    const { fileID } = await w.platform.storage.uploadFile({ cloudPath: `${paths[0]}.jpg`, fileContent: JPEG })
    expectOk(await w.as(P.handler).call('report', 'resolve', { reportId: report.id, afterPhotos: [fileID], note: '执法队员已清理' }))
    expect(expectOk(await w.as(P.alice).call('report', 'rate', { reportId: report.id, score: 2, comment: '还是没处理' })).status).toBe('reopen-requested')
    expect(await w.month(w.tea)).toMatchObject({ escalated: 1 })
  })

  test('answered, then 「问题未解决」: to the grid worker too', async () => {
    const report = await w.submit()
    expectOk(await w.answer(report.id))
    const after = expectOk(await w.as(P.alice).call('report', 'requestReopen', { reportId: report.id, reason: '门口还堆着货' }))
    expect(after.status).toBe('submitted')
    expect(after.timeline[after.timeline.length - 1]).toMatchObject({ action: 'shopEscalate', label: '市民对门店处理不满意，已转网格员受理' })
    expect(await w.stage(report.id)).toMatchObject({ stage: 'escalated', escalation: 'unhappy' })
    expect(await w.month(w.tea)).toMatchObject({ escalated: 1 })
  })

  test('inside a painted vending zone street-vending is refused with nothing written (nor the day slot); a painted parking zone refuses illegal-parking', async () => {
    const ring = (lng: number): Array<[number, number]> => [
      [lng, WENMING_LAT - metresLat(20)],
      [lng + 0.0003, WENMING_LAT - metresLat(20)],
      [lng + 0.0003, WENMING_LAT - metresLat(10)],
      [lng, WENMING_LAT - metresLat(10)],
      [lng, WENMING_LAT - metresLat(20)],
    ]
    expectOk(await w.as(TEST_ADMIN).call('frontage', 'saveZone', { name: '文明路夜市划线区', kind: 'vending', polygon: ring(120.153) }))
    expectOk(await w.as(TEST_ADMIN).call('frontage', 'saveZone', { name: '文明路非机动车停放区', kind: 'parking', polygon: ring(120.154) }))
    const inVending = { lat: WENMING_LAT - metresLat(15), lng: 120.15315 }
    const inParking = { lat: WENMING_LAT - metresLat(15), lng: 120.15415 }
    const photo = await w.reportPhoto(P.alice)
    const attempt = (categoryId: CategoryId, at: LatLng) =>
      w.as(P.alice).call('report', 'submit', {
        categoryId,
        photos: [photo],
        location: { ...at, address: '文明路夜市' },
        description: '',
        anonymous: false,
        requestId: randomUUID(),
      })
    const before = await w.snapshot()
    expect(await attempt('street-vending', inVending)).toEqual({ ok: false, code: 'REPORT.INSIDE_PAINTED_ZONE', message: REPORT_ERRORS['REPORT.INSIDE_PAINTED_ZONE'] })
    const parking = await attempt('illegal-parking', inParking)
    expect(parking).toMatchObject({ ok: false, code: 'REPORT.INSIDE_PAINTED_ZONE' })
    expect(!parking.ok && parking.message).toContain('划线停车区')
    expect(await w.snapshot()).toEqual(before)
    expect(expectOk(await w.as(P.alice).call('report', 'prepare', {})).usedToday).toBe(0)
    // the lines exempt only their own kind: a parked car in the vending zone is still a report
    expect(expectOk(await attempt('illegal-parking', inVending)).status).toBe('submitted')
  })

  test('answerReport refuses the wrong people and bad photos, writing nothing; the shop staff may answer', async () => {
    const report = await w.submit()
    const ownersPhoto = await uploadPhoto(w, P.owner)
    const watched = ['reports', 'report_events', M.shopReports, M.shops, 'frontage_months'] as const
    const state = async () => {
      const all = await w.snapshot()
      return watched.map((c) => all[c])
    }
    const before = await state()
    for (const someone of [P.alice, P.bob, EAST_OFFICE, TEST_ADMIN, P.grid]) {
      const result = await w.as(someone).call('frontage', 'answerReport', { reportId: report.id, note: '已处理', photos: [ownersPhoto] })
      expect({ someone, code: result.ok ? 'ok' : result.code }).toEqual({ someone, code: 'AUTH.FORBIDDEN' })
    }
    expect(await w.answer(report.id, { as: P.otherOwner })).toMatchObject({ ok: false, code: 'FRONTAGE.REPORT_NOT_FOUND' })
    expect(await w.answer('no-such-report')).toMatchObject({ ok: false, code: 'FRONTAGE.REPORT_NOT_FOUND' })
    // someone else's photo (the resident's, from the report area) is not the shop's after-photo
    expect(await w.answer(report.id, { photos: [await w.reportPhoto(P.alice)] })).toMatchObject({ ok: false, code: 'FRONTAGE.PHOTO_NOT_YOURS' })
    expect(await w.answer(report.id, { photos: [await uploadPhoto(w, P.owner, BLOCKED_IMAGE_MARKER)] })).toMatchObject({ ok: false, code: 'FRONTAGE.PHOTO_REJECTED' })
    expect(await w.answer(report.id, { photos: [ownersPhoto], note: '门口办证' })).toMatchObject({ ok: false, code: 'FRONTAGE.NOTE_REJECTED' })
    // the refused calls wrote nothing but their own photo uploads
    expect(await state()).toEqual(before)
    // a grid-scoped report not at a shop is not the shop's
    const normal = await w.submit({ location: OFF_FRONTAGE })
    expect(await w.answer(normal.id)).toMatchObject({ ok: false, code: 'FRONTAGE.REPORT_NOT_FOUND' })

    expect(expectOk(await w.answer(report.id, { as: P.staff, photos: [await uploadPhoto(w, P.staff)] })).stage).toBe('answered')
  })

  test('shopReports: the shop, its street office and the office; never who reported; a held description is left out; pages', async () => {
    await w.submit()
    w.clock.advance(60_000)
    await w.submit({ categoryId: 'illegal-ads', description: '门口有人贴办证小广告' })
    const views = [await list(w, P.owner, w.tea), await list(w, EAST_OFFICE, w.tea), await list(w, TEST_ADMIN, w.tea), await list(w, P.staff, w.tea)]
    for (const page of views) {
      expect(page.items).toHaveLength(2)
      const json = JSON.stringify(page)
      for (const secret of [P.alice, ALICE_PHONE, ALICE_NAME, '138****5678']) expect(json).not.toContain(secret)
    }
    // the newest first; the description that failed its content check is not shown
    expect(views[0].items.map((i) => i.description)).toEqual(['', '茶叶店把货架摆到了人行道上'])
    expect(await w.as(P.otherOwner).call('frontage', 'shopReports', { shopId: w.tea })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_SHOP' })
    expect(await w.as(WEST_OFFICE).call('frontage', 'shopReports', { shopId: w.tea })).toMatchObject({ ok: false, code: 'FRONTAGE.NOT_YOUR_STREET' })
    expect(await w.as(P.alice).call('frontage', 'shopReports', { shopId: w.tea })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })

    for (let i = 0; i < 21; i++) await w.submit({ openid: i % 2 ? P.alice : P.bob, description: `第 ${i} 次` })
    const first = await list(w, P.owner, w.tea, 'waiting')
    expect(first.items).toHaveLength(20)
    expect(first.nextCursor).not.toBeNull()
    const second = expectOk(await w.as(P.owner).call('frontage', 'shopReports', { shopId: w.tea, stage: 'waiting', cursor: first.nextCursor ?? undefined }))
    expect(second.items).toHaveLength(3)
    expect(new Set([...first.items, ...second.items].map((i) => i.reportId)).size).toBe(23)
  })
})
