import crypto from 'node:crypto'
import { z } from 'zod'
import { CATEGORY_IDS, REPORT_LIMITS, categoryOf } from '@/shared/report'
import type { Platform } from '../../platform'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { gridAt } from '../report/city'
import { newReport, reportIdFor } from '../report/submit'
import { takeTicketNo } from '../report/ticket'
import type { ReportDoc } from '../report/types'
import { linkReportToSite } from '../inspect/site-reports'
import { recordReceived } from '../stats/counters'
import type { Partner } from './keys'

/**
 * `POST requests.json`: a partner forwards a report in. Checked as `report.submit` checks a
 * resident's (a 随手拍 category, a place inside the city's grids, the text through the content
 * check), with three differences a partner needs:
 * - no photo is required: the partner's photo is a link it hosts (`media_url`, https), stored as
 *   that link and never fetched, so there is nothing of ours to check; a photo-less report still
 *   tells the grid what and where;
 * - no per-person daily limit: there is no resident; the partner's key is rate-limited instead;
 * - the caller the partner names (first/last name, e-mail, phone) is contact data: it is stored
 *   on the report for the office, and the staff and public views show none of it (views show a
 *   reporter only for a resident who chose to be named).
 */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v)
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional())
const coordinate = (min: number, max: number, name: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
    z.number({ error: `${name} 应为数字` }).finite().min(min, `${name} 超出范围`).max(max, `${name} 超出范围`),
  )

const postInput = z.object({
  service_code: z.enum(CATEGORY_IDS, { error: '没有这个 service_code' }),
  lat: coordinate(-90, 90, 'lat'),
  long: coordinate(-180, 180, 'long'),
  address_string: optionalText(REPORT_LIMITS.addressMax),
  description: optionalText(REPORT_LIMITS.descriptionMax),
  media_url: z.preprocess(blankToUndefined, z.url({ protocol: /^https$/, error: 'media_url 应为 https 链接' }).max(500).optional()),
  email: z.preprocess(blankToUndefined, z.email('email 格式不正确').max(100).optional()),
  phone: z.preprocess(blankToUndefined, z.string().regex(/^1[3-9]\d{9}$/, 'phone 应为 11 位手机号').optional()),
  first_name: optionalText(20),
  last_name: optionalText(20),
  // not in GeoReport v2: the partner's own ticket number, so a retried POST finds the first report
  request_id: optionalText(64).pipe(z.string().regex(/^[A-Za-z0-9_.:-]+$/, 'request_id 只能含字母、数字和 _ . : -').optional()),
})

export interface PostOutcome {
  status: number
  /** what went wrong, GeoReport style, or the new (or replayed) report's id */
  errors?: string[]
  reportId?: string
}

export async function createPartnerRequest(form: URLSearchParams, partner: Partner, platform: Platform): Promise<PostOutcome> {
  const parsed = postInput.safeParse(Object.fromEntries(form))
  if (!parsed.success) return { status: 400, errors: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '参数'}: ${i.message}`) }
  const input = parsed.data
  const category = categoryOf(input.service_code)
  // 文明点赞 is not a service request (services.json does not list it)
  if (!category || category.kind !== 'report') return { status: 400, errors: [`service_code: 没有这个 service_code：${input.service_code}`] }

  // the partner acts in its own name: one identity per key, never a resident's openid
  const ctx: ActionContext = { ...platform, caller: { openid: `open311:${partner.keyId}` }, grants: [], isAdmin: false }
  const id = input.request_id ? reportIdFor(ctx.caller.openid, input.request_id) : crypto.randomBytes(12).toString('hex')
  const replay = await findById<ReportDoc>(platform.db, 'reports', id)
  if (replay) return { status: 200, reportId: replay._id }

  const location = { lat: input.lat, lng: input.long, address: input.address_string ?? '' }
  const grid = await gridAt(platform, location)
  if (!grid) return { status: 400, errors: ['lat/long: 位置不在本市网格范围内'] }
  const description = input.description ?? ''
  const textVerdict = description ? await platform.openApi.checkText({ openid: ctx.caller.openid, content: description, scene: 'forum' }) : { pass: true }

  const { report, event } = await newReport(ctx, {
    id,
    category,
    grid,
    reporterOpenid: null,
    // nobody of ours is named; the partner's caller is contact data for the office only
    anonymous: true,
    contactPhone: input.phone ?? null,
    location,
    description,
    textVerdict,
    photos: [],
    source: { partner: partner.name },
  })
  const name = [input.last_name, input.first_name].filter(Boolean).join('') || null
  let stored: ReportDoc = {
    ...report,
    partnerContact: name || input.email ? { name, email: input.email ?? null } : null,
    mediaUrl: input.media_url ?? null,
  }
  try {
    await ctx.db.runTransaction(async (tx) => {
      // 受理编号 from the residents' counter, same SSP prefix (report/ticket.ts says why); rolled back with a duplicate
      stored = { ...stored, ticketNo: await takeTicketNo(tx, stored.createdAt, ctx.clock.now()) }
      await tx.collection('reports').add({ data: { ...stored } })
      await tx.collection('report_events').add({ data: { ...event } })
    })
  } catch (error) {
    // the same request_id arrived twice at once: the other one stored it
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
  }
  await recordReceived(ctx, stored) // 随手拍统计: counted once per report (a replay is not), never throws
  // counts on the 点位 it falls in (创文督查); logs and never throws, the report stands either way
  await linkReportToSite(ctx, stored)
  return { status: 201, reportId: id }
}
