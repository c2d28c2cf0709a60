import { approximate, CATEGORIES, CATEGORY_GROUPS, CLOSED_STATUSES, type ReportStatus } from '@/shared/report'
import type { Platform } from '../../platform'
import { findById } from '../../platform/find'
import { applyOverride, categoryNames, loadOverrides, type CategoryOverrideDoc } from '../report/category-overrides'
import { namesOf } from '../report/city'
import type { ReportDoc } from '../report/types'
import { categoryName, ticketOf, urlsOf } from '../report/views'
import { partnerOf, takeRequest, type Partner } from './keys'
import { createPartnerRequest } from './post'

/**
 * Open311 GeoReport v2, read side: what partner systems (a 12345 hotline, a district platform)
 * may know about 随手拍 reports. Written as one plain function of (method, path, query) so the
 * local host serves it at /open311/v2/ and an HTTP-triggered cloud function can wrap the same code.
 *
 * It sees reports as the public does, and less: never the reporter (not even whether anonymous),
 * never a staff note (status_notes come from the report's own public fields, never from the
 * timeline, where 内部备注 live), a place rounded to about 100 m with the grid's name instead of an
 * address, and only the text and photos that passed the content check. 文明点赞 is not a service
 * request and is not listed.
 */
export interface Open311Request {
  method: string
  /** the path below /open311/v2/, e.g. `requests.json` */
  path: string
  query: URLSearchParams
  /** a POST's fields (form-encoded or JSON, see `bodyFields`) */
  body?: URLSearchParams
}

export interface Open311Response {
  status: number
  body: unknown
}

interface GeoReportError {
  code: number
  description: string
}

const error = (status: number, description: string): Open311Response => ({ status, body: [{ code: status, description } satisfies GeoReportError] })

/** GeoReport caps a search at 90 days and 1000 requests; we answer at most 200, newest first. */
export const OPEN311_LIMITS = { maxRangeDays: 90, defaultRangeDays: 90, maxResults: 200, maxIds: 50 } as const
const DAY = 24 * 60 * 60 * 1000
/** a report's document id: 24 hex characters for residents' reports, named ids for seeded ones */
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * GeoReport's `open`: someone still has to act (a 重办 request waits for the grid worker's decision;
 * 门店处理中 waits for the shop, then the grid).
 */
const OPEN_STATUSES: readonly ReportStatus[] = ['submitted', 'dispatched', 'processing', 'returned', 'reopened', 'reopen-requested', 'at-shop']
/** A resolved report waiting for its rating is done as far as a partner can tell. */
const CLOSED: readonly ReportStatus[] = ['resolved', ...CLOSED_STATUSES]

/** W3C datetime in Shanghai time, as GeoReport examples write it: 2026-10-02T09:30:00+08:00 */
export function w3cTime(ms: number): string {
  return `${new Date(ms + 8 * 60 * 60 * 1000).toISOString().slice(0, 19)}+08:00`
}

const REPORT_CATEGORIES = CATEGORIES.filter((c) => c.kind === 'report')

/** A category as partners see it: the office's name and hint when it changed them. */
function serviceOf(base: (typeof REPORT_CATEGORIES)[number], overrides: Map<string, CategoryOverrideDoc>) {
  const category = applyOverride(base, overrides.get(base.id) ?? null)
  return {
    service_code: category.id,
    service_name: category.name,
    description: category.hint,
    // no extra attributes: a partner's POST carries the GeoReport fields only (photos are optional for partners)
    metadata: false,
    type: 'realtime',
    keywords: category.name.split('/').join(','),
    group: CATEGORY_GROUPS.find((g) => g.id === category.groupId)?.name ?? '',
  }
}

function discovery(platform: Platform) {
  return {
    changeset: w3cTime(Date.UTC(2026, 11, 1)),
    contact: '本市文明办（创文办）',
    key_service: '向文明办申请接入',
    endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: '/open311/v2/', changeset: w3cTime(platform.clock.now()), type: 'production', formats: ['application/json'] }],
  }
}

/** Only the parameters GeoReport defines; anything malformed is a 400 with what to fix. */
function parseTime(value: string | null): number | null | 'bad' {
  if (value === null || value === '') return null
  // GeoReport's w3 format; a date alone counts from Shanghai midnight
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value)
  return Number.isNaN(ms) ? 'bad' : ms
}

async function toServiceRequests(reports: ReportDoc[], platform: Platform) {
  const grids = await namesOf(platform, 'report_grids', reports.map((r) => r.gridId))
  const units = await namesOf(platform, 'report_units', reports.map((r) => r.unitId))
  const firstPassing = (r: ReportDoc) => r.photos.find((p) => p.pass)?.fileId ?? null
  const urls = await urlsOf(platform, reports.map(firstPassing).filter((id): id is string => id !== null))
  const names = await categoryNames(platform)
  const now = platform.clock.now()
  return reports.map((r) => {
    const open = OPEN_STATUSES.includes(r.status)
    const spot = approximate(r.location)
    const photo = firstPassing(r)
    return {
      service_request_id: r._id,
      // GeoReport's token is the handle a partner holds before it has the id; ours is the 受理编号 residents
      // read out on the phone, so a hotline operator can match a caller's number (status_notes stays the status's words)
      token: ticketOf(r),
      status: open ? 'open' : 'closed',
      status_notes: statusNotes(r),
      service_name: categoryName(r.categoryId, names),
      service_code: r.categoryId,
      description: r.descriptionCheck.pass && r.description ? r.description : null,
      agency_responsible: r.unitId ? units.get(r.unitId) ?? null : null,
      service_notice: null,
      requested_datetime: w3cTime(r.createdAt),
      updated_datetime: w3cTime(r.updatedAt),
      expected_datetime: open && r.dueAt !== null && r.dueAt > now ? w3cTime(r.dueAt) : null,
      address: `${grids.get(r.gridId) ?? ''}附近`,
      address_id: null,
      zipcode: null,
      lat: spot.lat,
      long: spot.lng,
      media_url: photo ? urls.get(photo) ?? null : null,
    }
  })
}

/**
 * The public words of the current state: the unit's 处置说明 once resolved, the 不予受理 reason,
 * else nothing. Timeline notes are never read here: a staff note's visibility is the timeline's
 * business, and this view does not need it.
 */
function statusNotes(r: ReportDoc): string | null {
  if (r.status === 'rejected') return '不予受理'
  if (CLOSED.includes(r.status) && r.resolutionNote) return r.resolutionNote
  return null
}

type Filters = { ids: string[] | null; serviceCode: string | null; start: number; end: number; status: 'open' | 'closed' | null }

function parseFilters(query: URLSearchParams, now: number): Filters | Open311Response {
  const idsParam = query.get('service_request_id')
  const ids = idsParam ? idsParam.split(',').map((s) => s.trim()).filter(Boolean) : null
  if (ids && ids.length > OPEN311_LIMITS.maxIds) return error(400, `一次最多查询 ${OPEN311_LIMITS.maxIds} 个 service_request_id`)
  if (ids && ids.some((id) => !REQUEST_ID.test(id))) return error(400, 'service_request_id 格式不正确')
  const serviceCode = query.get('service_code')
  if (serviceCode && !REPORT_CATEGORIES.some((c) => c.id === serviceCode)) return error(400, `没有这个 service_code：${serviceCode}`)
  const status = query.get('status')
  if (status && status !== 'open' && status !== 'closed') return error(400, 'status 只能是 open 或 closed')
  const start = parseTime(query.get('start_date'))
  const end = parseTime(query.get('end_date'))
  if (start === 'bad' || end === 'bad') return error(400, 'start_date / end_date 应为 W3C 时间格式，如 2026-10-01T00:00:00+08:00')
  const to = end ?? now
  const from = start ?? to - OPEN311_LIMITS.defaultRangeDays * DAY
  if (from > to) return error(400, 'start_date 不能晚于 end_date')
  if (to - from > OPEN311_LIMITS.maxRangeDays * DAY) return error(400, `start_date 与 end_date 相差不能超过 ${OPEN311_LIMITS.maxRangeDays} 天`)
  return { ids, serviceCode, start: from, end: to, status: status === 'open' || status === 'closed' ? status : null }
}

async function searchRequests(query: URLSearchParams, platform: Platform): Promise<Open311Response> {
  const filters = parseFilters(query, platform.clock.now())
  if (!('start' in filters)) return filters
  const _ = platform.db.command
  // asked by number: those reports, whatever their age (the date window is for searches)
  const where: Record<string, unknown> = filters.ids
    ? { _id: _.in(filters.ids), kind: 'report' }
    : {
        kind: 'report',
        createdAt: _.gte(filters.start).and(_.lte(filters.end)),
        ...(filters.serviceCode ? { categoryId: filters.serviceCode } : {}),
        ...(filters.status ? { status: _.in([...(filters.status === 'open' ? OPEN_STATUSES : CLOSED)]) } : {}),
      }
  const { data } = await platform.db.collection('reports').where(where).orderBy('createdAt', 'desc').limit(OPEN311_LIMITS.maxResults).get()
  return { status: 200, body: await toServiceRequests(data as unknown as ReportDoc[], platform) }
}

async function oneRequest(id: string, platform: Platform): Promise<Open311Response> {
  const report = REQUEST_ID.test(id) ? await findById<ReportDoc>(platform.db, 'reports', id) : null
  if (!report || report.kind !== 'report') return error(404, '没有这条 service request')
  return { status: 200, body: await toServiceRequests([report], platform) }
}

/**
 * discovery.json and services.json stay open without a key, as GeoReport allows: they describe
 * the interface, hold no report, and a partner reads them before it has a key. Everything about
 * requests needs the partner's `api_key` (query or form field) and counts against its rate limit.
 */
const OPEN_PATHS = new Set(['discovery.json', 'services.json'])

async function authorize(request: Open311Request, platform: Platform): Promise<Partner | Open311Response> {
  const key = request.query.get('api_key') ?? request.body?.get('api_key') ?? ''
  if (!key) return error(400, '缺少 api_key：请向文明办申请接入密钥')
  const partner = await partnerOf(platform, key)
  if (partner === 'wrong') return error(403, 'api_key 无效或已吊销')
  if (!(await takeRequest(platform, partner.keyId))) return error(429, '请求过于频繁，请一分钟后再试')
  return partner
}

export async function open311(request: Open311Request, platform: Platform): Promise<Open311Response> {
  const path = request.path.replace(/^\/+/, '')
  if (request.method !== 'GET' && !(request.method === 'POST' && path === 'requests.json')) return error(405, '只支持查询（GET）和提交 requests.json（POST）')
  if (OPEN_PATHS.has(path)) return readOpen(path, platform)
  const partner = await authorize(request, platform)
  if (!('keyId' in partner)) return partner
  if (request.method === 'POST') {
    const outcome = await createPartnerRequest(request.body ?? new URLSearchParams(), partner, platform)
    if (!outcome.reportId) return { status: outcome.status, body: (outcome.errors ?? []).map((description) => ({ code: outcome.status, description })) }
    // no account at our side: GeoReport's account_id stays null
    return { status: outcome.status, body: [{ service_request_id: outcome.reportId, service_notice: '已转入网格处置', account_id: null }] }
  }
  const service = /^services\/([a-z-]+)\.json$/.exec(path)
  if (service) {
    const category = REPORT_CATEGORIES.find((c) => c.id === service[1])
    // no category takes attributes yet: the definition is the empty attribute list
    return category ? { status: 200, body: { service_code: category.id, attributes: [] } } : error(404, `没有这个 service_code：${service[1]}`)
  }
  if (path === 'requests.json') return searchRequests(request.query, platform)
  const one = /^requests\/([^/]+)\.json$/.exec(path)
  if (one) return oneRequest(decodeURIComponent(one[1]), platform)
  // formats other than JSON are not offered
  if (/\.xml$/.test(path)) return error(400, '只提供 JSON 格式（.json）')
  return error(404, '没有这个 Open311 接口')
}

async function readOpen(path: string, platform: Platform): Promise<Open311Response> {
  if (path === 'discovery.json') return { status: 200, body: discovery(platform) }
  const overrides = new Map((await loadOverrides(platform)).map((o) => [o._id, o]))
  return { status: 200, body: REPORT_CATEGORIES.map((c) => serviceOf(c, overrides)) }
}

/**
 * A POST body as fields: partners send GeoReport's form encoding, some send JSON; a JSON object's
 * scalar values become fields, anything else is no field at all (and fails validation).
 */
export function bodyFields(contentType: string, text: string): URLSearchParams {
  if (!/json/i.test(contentType)) return new URLSearchParams(text)
  const fields = new URLSearchParams()
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string' || typeof v === 'number') fields.set(k, String(v))
    }
  } catch {
    // a body that is not JSON has no fields: validation says what is missing
  }
  return fields
}
