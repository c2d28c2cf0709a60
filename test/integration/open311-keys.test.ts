import { FUNCTIONS } from '@/cloud/functions'
import { open311 } from '@/cloud/domain/open311'
import { OPEN311_RATE } from '@/cloud/domain/open311/keys'
import type { HttpTriggerEvent, HttpTriggerResponse } from '@/cloud/runtime/define-function'
import { DEMO_POINT } from '@/cloud/domain/report/demo-city'
import { expectOk } from '../support/cloud'
import { ALICE_PHONE, P, startReportCloud, storedReport, XICHENG_POINT, type ReportCloud } from './report-fixtures'

/** Open311 partner keys (missing, wrong, revoked, rate-limited), POST requests.json, and the HTTP trigger. */
let cloud: ReportCloud
let apiKey: string
beforeEach(async () => {
  cloud = await startReportCloud()
  apiKey = expectOk(await cloud.as(P.office).call('open311', 'issueKey', { partner: '12345 热线' })).key
})
afterEach(() => cloud.close())

const get = (path: string, query: Record<string, string>) => open311({ method: 'GET', path, query: new URLSearchParams(query) }, cloud.platform)
const post = (fields: Record<string, string>) =>
  open311({ method: 'POST', path: 'requests.json', query: new URLSearchParams(), body: new URLSearchParams({ api_key: apiKey, ...fields }) }, cloud.platform)
const VALID = { service_code: 'illegal-ads', lat: String(DEMO_POINT.lat), long: String(DEMO_POINT.lng), address_string: '文明路 12 号', description: '电线杆上贴满小广告' }
const reportCount = async () => (await cloud.platform.db.collection('reports').count()).total

describe('keys', () => {
  test('a request without a key is 400, a wrong or revoked key 403; discovery and services stay open', async () => {
    expect(await get('requests.json', {})).toMatchObject({ status: 400, body: [{ code: 400 }] })
    expect(await get('requests.json', { api_key: 'wm311_not-a-key' })).toMatchObject({ status: 403, body: [{ code: 403 }] })
    expect(await get('requests.json', { api_key: apiKey })).toMatchObject({ status: 200 })
    const [listed] = expectOk(await cloud.as(P.office).call('open311', 'keys', {}))
    expect(listed).toMatchObject({ partner: '12345 热线', revokedAt: null })
    expect(JSON.stringify(listed)).not.toContain(apiKey)
    expectOk(await cloud.as(P.office).call('open311', 'revokeKey', { keyId: listed.id }))
    expect(await get('requests.json', { api_key: apiKey })).toMatchObject({ status: 403 })
    expect(await get('services.json', {})).toMatchObject({ status: 200 })
    expect(await get('discovery.json', {})).toMatchObject({ status: 200 })
  })

  test('only a hash is stored, issuing and revoking are audited, and only the office may', async () => {
    const stored = JSON.stringify((await cloud.platform.db.collection('open311_keys').get()).data)
    expect(stored).not.toContain(apiKey)
    const { data: audit } = await cloud.platform.db.collection('audit_log').where({ subjectType: 'open311_key' }).get()
    expect(audit).toMatchObject([{ action: 'issueKey', actorOpenid: P.office }])
    expect(JSON.stringify(audit)).not.toContain(apiKey)
    expect(await cloud.as(P.alice).call('open311', 'keys', {})).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' })
    expect(await cloud.as(P.office).call('open311', 'revokeKey', { keyId: '0123456789abcdef' })).toMatchObject({ ok: false, code: 'OPEN311.KEY_NOT_FOUND' })
  })

  test('a key gets its requests a minute; the next one is 429 until the minute turns', async () => {
    cloud.clock.set(Date.UTC(2026, 10, 25, 2, 0, 0))
    for (let i = 0; i < OPEN311_RATE.perMinute; i++) expect((await get('requests.json', { api_key: apiKey })).status).toBe(200)
    expect(await get('requests.json', { api_key: apiKey })).toMatchObject({ status: 429, body: [{ code: 429 }] })
    cloud.clock.advance(60_000)
    expect((await get('requests.json', { api_key: apiKey })).status).toBe(200)
  })
})

describe('POST requests.json', () => {
  test('a valid request creates a report in its grid, from the partner, that the grid worker sees', async () => {
    const answer = await post({ ...VALID, phone: ALICE_PHONE, first_name: '明', last_name: '张', email: 'zm@example.com', media_url: 'https://partner.example/p/1.jpg' })
    expect(answer.status).toBe(201)
    const [created] = answer.body as Array<{ service_request_id: string; service_notice: string; account_id: null }>
    expect(created).toMatchObject({ account_id: null })
    const report = await storedReport(cloud, created.service_request_id)
    expect(report).toMatchObject({
      status: 'submitted',
      gridId: 'grid-demo',
      categoryId: 'illegal-ads',
      reporterOpenid: null,
      source: { partner: '12345 热线' },
      contactPhone: ALICE_PHONE,
      mediaUrl: 'https://partner.example/p/1.jpg',
      photos: [],
    })
    expect(report.dueAt).not.toBeNull()
    const seen = expectOk(await cloud.as(P.grid).call('report', 'get', { reportId: report._id }))
    expect(seen).toMatchObject({ id: report._id, reporter: { name: '来自12345 热线', phone: null } })
    // the partner's caller is the office's to know: the grid worker sees neither the phone nor the name
    expect(JSON.stringify(seen)).not.toContain(ALICE_PHONE.slice(-4))
    expect(JSON.stringify(seen)).not.toContain('张明')
  })

  test('GET shows a partner report through the same privacy filter', async () => {
    const [created] = (await post({ ...VALID, phone: ALICE_PHONE, first_name: '明', last_name: '张', email: 'zm@example.com' })).body as Array<{ service_request_id: string }>
    const { status, body } = await get(`requests/${created.service_request_id}.json`, { api_key: apiKey })
    expect(status).toBe(200)
    const text = JSON.stringify(body)
    for (const secret of [ALICE_PHONE, 'zm@example.com', '张', '文明路 12 号', '12345 热线']) expect(text).not.toContain(secret)
    expect(body).toMatchObject([{ service_code: 'illegal-ads', address: expect.stringContaining('附近') }])
  })

  test('a request_id makes a retried POST answer the first report; without one each POST is new', async () => {
    const first = await post({ ...VALID, request_id: 'T-20261125-001' })
    const again = await post({ ...VALID, request_id: 'T-20261125-001' })
    expect((again.body as unknown[])[0]).toMatchObject({ service_request_id: (first.body as Array<{ service_request_id: string }>)[0].service_request_id })
    await post(VALID)
    await post(VALID)
    expect(await reportCount()).toBe(3 + (await seededReports()))
  })

  test.each([
    ['an unknown service_code', { ...VALID, service_code: 'no-such-thing' }],
    ['文明点赞 (not a service request)', { ...VALID, service_code: 'good-deed' }],
    ['a place outside the city', { ...VALID, lat: '31.5', long: '121.9' }],
    ['no lat', { service_code: VALID.service_code, long: VALID.long, description: VALID.description }],
    ['a media_url that is not https', { ...VALID, media_url: 'http://partner.example/p/1.jpg' }],
  ])('%s → 400 with GeoReport errors, nothing stored', async (_label, fields) => {
    const before = await cloud.snapshot()
    const answer = await post(fields)
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual(expect.arrayContaining([{ code: 400, description: expect.any(String) }]))
    const after = await cloud.snapshot()
    // the request counted against the key's minute; nothing else changed
    expect({ ...after, open311_rate: [] }).toEqual({ ...before, open311_rate: [] })
  })

  test('a POST without a key stores nothing and is 400', async () => {
    const answer = await open311({ method: 'POST', path: 'requests.json', query: new URLSearchParams(), body: new URLSearchParams(VALID) }, cloud.platform)
    expect(answer).toMatchObject({ status: 400, body: [{ code: 400 }] })
    expect(XICHENG_POINT).toBeDefined()
  })
})

async function seededReports(): Promise<number> {
  const { data } = await cloud.platform.db.collection('reports').where({ source: cloud.platform.db.command.exists(false) }).get()
  return data.length
}

describe('the HTTP-triggered function', () => {
  const trigger = async (event: HttpTriggerEvent): Promise<HttpTriggerResponse> => {
    const answer = await FUNCTIONS.open311.invoke(event, cloud.platform, null)
    if (!('statusCode' in answer)) throw new Error(`not an HTTP answer: ${JSON.stringify(answer)}`)
    return answer
  }

  test('a WeChat HTTP-trigger event is answered as HTTP with the same code, GET and POST', async () => {
    const list = await trigger({ httpMethod: 'GET', path: '/open311/v2/requests.json', queryStringParameters: { api_key: apiKey }, headers: {}, body: '', isBase64Encoded: false })
    expect(list).toMatchObject({ statusCode: 200, headers: { 'content-type': expect.stringContaining('application/json') } })
    expect(Array.isArray(JSON.parse(list.body))).toBe(true)

    const form = new URLSearchParams({ ...VALID, api_key: apiKey }).toString()
    const created = await trigger({ httpMethod: 'POST', path: '/open311/v2/requests.json', queryStringParameters: {}, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: Buffer.from(form).toString('base64'), isBase64Encoded: true })
    expect(created.statusCode).toBe(201)
    const [{ service_request_id: id }] = JSON.parse(created.body) as Array<{ service_request_id: string }>
    expect((await storedReport(cloud, id)).source).toEqual({ partner: '12345 热线' })

    const json = await trigger({ httpMethod: 'POST', path: '/requests.json', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...VALID, api_key: apiKey }), isBase64Encoded: false })
    expect(json.statusCode).toBe(201)

    const missing = await trigger({ httpMethod: 'GET', path: '/open311/v2/requests.json', queryStringParameters: {}, body: null, isBase64Encoded: false })
    expect([missing.statusCode, JSON.parse(missing.body)]).toEqual([400, [{ code: 400, description: expect.any(String) }]])
  })

  test('an action call still needs an identity, and an HTTP event with a caller is not an HTTP request', async () => {
    expect(await FUNCTIONS.open311.invoke({ action: 'keys', data: {} }, cloud.platform, null)).toMatchObject({ ok: false, code: 'AUTH.NO_IDENTITY' })
    expect(await FUNCTIONS.open311.invoke({ httpMethod: 'GET', path: '/open311/v2/services.json' }, cloud.platform, { openid: P.alice })).toMatchObject({ ok: false, code: 'EVENT.MALFORMED' })
  })
})
