import type { AddressInfo } from 'node:net'
import type http from 'node:http'
import { FUNCTIONS } from '@/cloud/functions'
import { open311, OPEN311_LIMITS, w3cTime } from '@/cloud/domain/open311'
import { createLocalHost } from '@/cloud/local-host/server'
import { CATEGORIES } from '@/shared/report'
import { expectOk } from '../support/cloud'
import { ALICE_PHONE, HOUR, P, reportIn, startReportCloud, storedReport, type ReportCloud } from './report-fixtures'

/**
 * Open311 GeoReport v2, read side: the fields the specification lists, its filters and limits,
 * its error arrays — and the privacy filter: nothing of the reporter, a rounded place, no staff note.
 */
let cloud: ReportCloud
/** a partner key the office issued: every request below presents it (open311-keys.test.ts covers keys) */
let apiKey: string
beforeEach(async () => {
  cloud = await startReportCloud()
  apiKey = expectOk(await cloud.as(P.office).call('open311', 'issueKey', { partner: '12345 热线' })).key
})
afterEach(() => cloud.close())

const get = (path: string, query: Record<string, string> = {}) => open311({ method: 'GET', path, query: new URLSearchParams({ ...query, api_key: apiKey }) }, cloud.platform)
const DAY = 24 * HOUR

const GEOREPORT_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
]

describe('services', () => {
  test('one service per 随手拍 category, with the GeoReport fields; 文明点赞 is not a service', async () => {
    const { status, body } = await get('services.json')
    expect(status).toBe(200)
    const services = body as Array<Record<string, unknown>>
    expect(services.map((s) => s.service_code)).toEqual(CATEGORIES.filter((c) => c.kind === 'report').map((c) => c.id))
    expect(services[0]).toEqual({
      service_code: 'street-vending',
      service_name: '游商小贩/占道经营',
      description: '流动摊贩、店外摆摊、占用人行道经营',
      metadata: false,
      type: 'realtime',
      keywords: '游商小贩,占道经营',
      group: '市容秩序',
    })
    expect(await get('services/illegal-ads.json')).toEqual({ status: 200, body: { service_code: 'illegal-ads', attributes: [] } })
    expect(await get('services/good-deed.json')).toMatchObject({ status: 404, body: [{ code: 404 }] })
    expect((await get('discovery.json')).body).toMatchObject({ endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2' }] })
  })
})

describe('requests', () => {
  test('a request carries exactly the GeoReport fields (plus the readable token), and nothing of the reporter', async () => {
    const report = await reportIn(cloud, 'dispatched', { anonymous: false, phone: ALICE_PHONE, location: { lat: 30.27731, lng: 120.15062, address: '文明路 12 号门口' } })
    const { status, body } = await get(`requests/${report.id}.json`)
    expect(status).toBe(200)
    const [request] = body as Array<Record<string, unknown>>
    expect(Object.keys(request).sort()).toEqual([...GEOREPORT_FIELDS, 'token'].sort())
    const stored = await storedReport(cloud, report.id)
    expect(request).toMatchObject({
      service_request_id: report.id,
      token: report.ticketNo,
      status: 'open',
      status_notes: null,
      service_code: 'illegal-ads',
      service_name: '牛皮癣小广告',
      agency_responsible: '城市管理综合执法大队',
      requested_datetime: w3cTime(stored.createdAt),
      expected_datetime: w3cTime(stored.dueAt as number),
      // the grid's name, never the street address the reporter typed
      address: '文明路网格附近',
    })
    expect(typeof request.media_url).toBe('string')
    // rounded to about 100 m
    expect(request.lat).not.toBe(30.27731)
    expect(Math.abs((request.lat as number) - 30.27731)).toBeLessThan(0.002)
    const text = JSON.stringify(body)
    for (const secret of [P.alice, ALICE_PHONE, '举报人爱丽丝', '文明路 12 号门口', 'anonymous']) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false })
  })

  test('filters: service_code, status open|closed, service_request_id; a closed one says what the unit did', async () => {
    const open = await reportIn(cloud, 'dispatched')
    const parking = await reportIn(cloud, 'submitted', { categoryId: 'illegal-parking' })
    const closed = await reportIn(cloud, 'rated')
    const praise = await cloud.submit(P.bob, { categoryId: 'good-deed' })
    const ids = async (query: Record<string, string>) => ((await get('requests.json', query)).body as Array<{ service_request_id: string }>).map((r) => r.service_request_id)
    expect((await ids({})).sort()).toEqual([open.id, parking.id, closed.id].sort())
    expect(await ids({})).not.toContain(praise.id)
    expect(await ids({ service_code: 'illegal-parking' })).toEqual([parking.id])
    expect((await ids({ status: 'open' })).sort()).toEqual([open.id, parking.id].sort())
    expect(await ids({ status: 'closed' })).toEqual([closed.id])
    expect((await ids({ service_request_id: `${closed.id},${parking.id}` })).sort()).toEqual([closed.id, parking.id].sort())
    const [one] = (await get(`requests/${closed.id}.json`)).body as Array<Record<string, unknown>>
    expect(one).toMatchObject({ status: 'closed', status_notes: '已清理小广告', expected_datetime: null })
    expect(await get(`requests/${praise.id}.json`)).toMatchObject({ status: 404 })
  })

  test('the date window: 90 days by default and at most, and a report outside it is not listed', async () => {
    const old = await reportIn(cloud, 'submitted')
    cloud.clock.advance(100 * DAY)
    const recent = await reportIn(cloud, 'submitted')
    const ids = async (query: Record<string, string>) => ((await get('requests.json', query)).body as Array<{ service_request_id: string }>).map((r) => r.service_request_id)
    expect(await ids({})).toEqual([recent.id])
    const oldTime = (await storedReport(cloud, old.id)).createdAt
    expect(await ids({ start_date: w3cTime(oldTime - DAY), end_date: w3cTime(oldTime + DAY) })).toEqual([old.id])
    const tooWide = await get('requests.json', { start_date: w3cTime(oldTime - DAY), end_date: w3cTime(oldTime + (OPEN311_LIMITS.maxRangeDays + 1) * DAY) })
    expect(tooWide).toEqual({ status: 400, body: [{ code: 400, description: 'start_date 与 end_date 相差不能超过 90 天' }] })
  })

  test.each([
    [{ status: 'pending' }, 'status 只能是 open 或 closed'],
    [{ service_code: 'no-such' }, '没有这个 service_code：no-such'],
    [{ start_date: 'yesterday' }, 'start_date / end_date 应为 W3C 时间格式，如 2026-10-01T00:00:00+08:00'],
    [{ start_date: '2026-11-20', end_date: '2026-11-01' }, 'start_date 不能晚于 end_date'],
    [{ service_request_id: '../../etc' }, 'service_request_id 格式不正确'],
  ])('bad parameters %j are a 400 GeoReport error array', async (query, description) => {
    expect(await get('requests.json', query)).toEqual({ status: 400, body: [{ code: 400, description }] })
  })

  test('unknown paths, other formats and methods get GeoReport errors with the right status', async () => {
    expect(await get('requests/0123456789abcdef01234567.json')).toMatchObject({ status: 404, body: [{ code: 404 }] })
    expect(await get('requests.xml')).toMatchObject({ status: 400 })
    expect(await get('tokens/abc.json')).toMatchObject({ status: 404 })
    expect(await open311({ method: 'PUT', path: 'requests.json', query: new URLSearchParams({ api_key: apiKey }) }, cloud.platform)).toMatchObject({ status: 405 })
  })
})

test('the local host serves it at /open311/v2/ on 127.0.0.1, as JSON with the status', async () => {
  const report = await reportIn(cloud, 'submitted')
  const server: http.Server = createLocalHost({ platform: cloud.platform, functions: FUNCTIONS, staticDir: __dirname, devIdentities: false })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2`
    const list = await fetch(`${base}/requests.json?status=open&api_key=${apiKey}`)
    expect(list.status).toBe(200)
    expect(list.headers.get('content-type')).toContain('application/json')
    expect(((await list.json()) as Array<{ service_request_id: string }>).map((r) => r.service_request_id)).toEqual([report.id])
    const bad = await fetch(`${base}/requests.json?status=pending&api_key=${apiKey}`)
    expect([bad.status, await bad.json()]).toEqual([400, [{ code: 400, description: 'status 只能是 open 或 closed' }]])
    // the feed still answers the app: the route sits beside /api, not instead of it
    expectOk(await cloud.as(P.alice).call('report', 'get', { reportId: report.id }))
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
})

test('a report with a named id (as seeded demo reports have) is found by its id too', async () => {
  const report = await reportIn(cloud, 'submitted')
  const { _id: _original, ticketNo: _ticket, ...fields } = await storedReport(cloud, report.id)
  await cloud.platform.db.collection('reports').doc('demo-report-named').set({ data: { ...fields } })
  expect(await get('requests/demo-report-named.json')).toMatchObject({ status: 200, body: [{ service_request_id: 'demo-report-named' }] })
  expect(((await get('requests.json', { service_request_id: 'demo-report-named' })).body as unknown[]).length).toBe(1)
})
