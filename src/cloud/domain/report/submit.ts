import crypto from 'node:crypto'
import distance from '@turf/distance'
import { point } from '@turf/helpers'
import type { CityMapView, ConfirmResult, NearbyReport, ReportPrepareView, ReportView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import {
  REPORT_LIMITS,
  categoryOf,
  cellOf,
  cellsAround,
  dueTimeOnEntry,
  holderOf,
  statusLabel,
  type CategoryId,
  type LatLng,
  type ReportCategory,
} from '@/shared/report'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import { loadWorkCalendar } from '../calendar/store'
import type { ActionContext } from '../../runtime/context'
import type { ContentCheckResult } from '../../platform'
import { gridAt, loadSettings } from './city'
import { reportFail, shanghaiDay } from './errors'
import { consumeReservations, ReservationTaken } from '../upload/reservations'
import { checkPhotos, UPLOAD_AREA } from './photos'
import { checkVideo, requestVideoCheck } from './video'
import type { ConfirmationDoc, DailyCountDoc, GridDoc, ReportDoc, ReportEventDoc, StoredPhoto, StoredVideo, UnitDoc } from './types'
import { categoryName, confirmationId, ticketOf, toView } from './views'
import { takeTicketNo } from './ticket'
import { categoryNames, effectiveCategory, loadOverrides } from './category-overrides'
import { recordFollowUp } from '../entry/follow-up'
import { linkReportToSite } from '../inspect/site-reports'
import { PAINTED_PARKING_MESSAGE } from '@/shared/contract/report'
import { placeOf } from '../frontage/geo'
import { openShopReport, shopFirst, type ShopRouting } from '../frontage/shop-reports'
import { recordReceived } from '../stats/counters'
import { reportEntered } from './now'

export interface SubmitInput {
  categoryId: CategoryId
  photos: string[]
  /** each photo's capture as the phone told it, in the order of `photos` (Open311 partners send none) */
  photoMeta?: Array<{ takenAt: number; source: 'camera' | 'album' }>
  /** one short video standing in for photos, with the cover frame the phone took from it */
  video?: { fileId: string; coverFileId: string }
  location: LatLng & { address: string }
  description: string
  anonymous: boolean
  phone?: string
  requestId: string
}

/** The report's id is derived from who sent it and their requestId: a retried submit finds the first. */
export function reportIdFor(openid: string, requestId: string): string {
  return crypto.createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 24)
}

const dailyId = (openid: string, day: string) => `${openid}__${day}`

export async function prepare(ctx: ActionContext): Promise<ReportPrepareView> {
  const settings = await loadSettings(ctx)
  const [today, overrides] = await Promise.all([
    findById<DailyCountDoc>(ctx.db, 'report_daily', dailyId(ctx.caller.openid, shanghaiDay(ctx.clock.now()))),
    loadOverrides(ctx),
  ])
  const categoryTexts = overrides.map((o) => ({ id: o._id, name: o.name ?? null, hint: o.hint ?? null, limits: o.limits ?? null }))
  return { uploadDir: UPLOAD_AREA, dailyLimit: settings.dailyLimit, usedToday: today?.n ?? 0, categoryTexts }
}

export async function cityMap(ctx: ActionContext): Promise<CityMapView> {
  const settings = await loadSettings(ctx)
  // The picker draws every grid; a city of more than 100 grids would page this (or tile the map).
  const { data: gridDocs } = await ctx.db.collection('report_grids').orderBy('_id', 'asc').limit(100).get()
  const { data: unitDocs } = await ctx.db.collection('report_units').orderBy('_id', 'asc').limit(100).get()
  const grids = gridDocs as unknown as GridDoc[]
  const bbox: [number, number, number, number] = grids.length
    ? [Math.min(...grids.map((g) => g.minLng)), Math.min(...grids.map((g) => g.minLat)), Math.max(...grids.map((g) => g.maxLng)), Math.max(...grids.map((g) => g.maxLat))]
    : [0, 0, 0, 0]
  return {
    name: settings.cityName,
    bbox,
    center: { lng: (bbox[0] + bbox[2]) / 2, lat: (bbox[1] + bbox[3]) / 2 },
    grids: grids.map((g) => ({ id: g._id, name: g.name, ring: g.geometry.coordinates[0] })),
    units: (unitDocs as unknown as UnitDoc[]).map((u) => ({ id: u._id, name: u.name })),
  }
}

/**
 * Open reports of the same category within 50 m from the last 24 h: one indexed query over the
 * nine lattice cells around the point, then the exact distance.
 */
export async function nearby(input: { categoryId: CategoryId; location: LatLng }, ctx: ActionContext): Promise<NearbyReport[]> {
  const _ = ctx.db.command
  const now = ctx.clock.now()
  const { data } = await ctx.db
    .collection('reports')
    .where({ categoryId: input.categoryId, cell: _.in(cellsAround(input.location)), createdAt: _.gte(now - REPORT_LIMITS.duplicateWindowMs) })
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get()
  const here = point([input.location.lng, input.location.lat])
  const names = await categoryNames(ctx)
  return (data as unknown as ReportDoc[])
    .filter((r) => holderOf(r.status) !== null)
    .map((r) => ({ r, meters: distance(here, point([r.location.lng, r.location.lat]), { units: 'meters' }) }))
    .filter(({ meters }) => meters <= REPORT_LIMITS.duplicateRadiusMeters)
    .sort((a, b) => a.meters - b.meters)
    .slice(0, 10)
    .map(({ r, meters }) => ({
      id: r._id,
      ticketNo: ticketOf(r),
      categoryName: categoryName(r.categoryId, names),
      statusLabel: statusLabel(r.status, r.kind),
      createdAt: r.createdAt,
      distanceMeters: Math.round(meters),
      confirmations: r.confirmations,
      mine: r.reporterOpenid === ctx.caller.openid,
    }))
}

/**
 * Takes one of today's places, atomically: a conditional increment below the limit, creating the
 * day's counter on first use. False when the day is full.
 */
async function reserveDailySlot(ctx: ActionContext, limit: number): Promise<boolean> {
  const _ = ctx.db.command
  const id = dailyId(ctx.caller.openid, shanghaiDay(ctx.clock.now()))
  const daily = ctx.db.collection('report_daily')
  for (let attempt = 0; attempt < 2; attempt++) {
    const { stats } = await daily.where({ _id: id, n: _.lt(limit) }).update({ data: { n: _.inc(1) } })
    if (stats.updated === 1) return true
    if (await findById(ctx.db, 'report_daily', id)) return false
    try {
      await daily.add({ data: { _id: id, n: 1 } })
      return true
    } catch (error) {
      // someone else created today's counter first: go round once more and increment it
      if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    }
  }
  return false
}

async function releaseDailySlot(ctx: ActionContext): Promise<void> {
  const _ = ctx.db.command
  const id = dailyId(ctx.caller.openid, shanghaiDay(ctx.clock.now()))
  await ctx.db.collection('report_daily').where({ _id: id, n: _.gt(0) }).update({ data: { n: _.inc(-1) } })
}

export async function submit(input: SubmitInput, ctx: ActionContext): Promise<ReportView | Fail> {
  const openid = ctx.caller.openid
  const id = reportIdFor(openid, input.requestId)
  const replay = await findById<ReportDoc>(ctx.db, 'reports', id)
  if (replay) return toView(replay, 'reporter', ctx)

  const category = categoryOf(input.categoryId)
  if (!category) return reportFail('REPORT.NOT_FOUND')
  const grid = await gridAt(ctx, input.location)
  if (!grid) return reportFail('REPORT.OUT_OF_CITY')
  // 门前三包: the same reading of the place as the report form's placeCheck
  const place = category.kind === 'report' ? await placeOf(ctx, input.location, category.id) : null
  // inside the office's painted lines, selling (or parking) is what the lines are for: not a report
  if (place?.exempts && place.zone) {
    return reportFail('REPORT.INSIDE_PAINTED_ZONE', place.zone.kind === 'parking' ? PAINTED_PARKING_MESSAGE : undefined)
  }
  // on a shop's frontage, in a category its 责任书 covers, the shop answers first
  const shop = place?.toShop && place.shop ? await shopFirst(ctx, place.shop, ctx.clock.now()) : null

  // Content checks run before anything is stored; what fails is held back, not refused, so the
  // problem itself still reaches the grid and the reporter sees why part of it is hidden.
  const checked = await checkPhotos(ctx, input.photos, false)
  if ('ok' in checked) return checked
  const clip = input.video ? await checkVideo(ctx, input.video) : null
  if (clip && 'ok' in clip) return clip
  const reservations = [...checked.reservations, ...(clip?.reservations ?? [])]
  // the phone's capture time of each photo, as told: a time in the future (beyond clock drift) is not believed
  const meta = new Map((input.photoMeta ?? []).map((m, i) => [input.photos[i], m]))
  const latest = ctx.clock.now() + 10 * 60_000
  const photos = checked.photos.map((p): StoredPhoto => {
    const m = meta.get(p.fileId)
    return m ? { ...p, takenAt: m.takenAt <= latest ? m.takenAt : null, source: m.source } : p
  })
  const textVerdict = input.description
    ? await ctx.openApi.checkText({ openid, content: input.description, scene: 'forum' })
    : { pass: true }

  const settings = await loadSettings(ctx)
  if (!(await reserveDailySlot(ctx, settings.dailyLimit))) {
    return reportFail('REPORT.DAILY_LIMIT', `今天已上报 ${settings.dailyLimit} 条，达到每人每天的上限，请明天再来`)
  }

  const { report, event } = await newReport(ctx, {
    id,
    category,
    grid,
    reporterOpenid: openid,
    anonymous: input.anonymous,
    contactPhone: input.phone ?? null,
    location: input.location,
    description: input.description,
    textVerdict,
    photos,
    video: clip?.video ?? null,
    shop,
  })
  let stored = report
  try {
    await ctx.db.runTransaction(async (tx) => {
      // 受理编号 from the day's counter in this same transaction: a submit that fails below gives its number back
      stored = { ...report, ticketNo: await takeTicketNo(tx, report.createdAt, ctx.clock.now()) }
      await tx.collection('reports').add({ data: { ...stored } })
      await tx.collection('report_events').add({ data: { ...event } })
      if (shop) await openShopReport(tx, ctx, stored, shop)
      // from here the report says whose photos these are (named or not): the upload records go
      await consumeReservations(tx, reservations, openid)
    })
  } catch (error) {
    if (error instanceof ReservationTaken) {
      // a photo was attached elsewhere meanwhile (a second submit racing this one)
      await releaseDailySlot(ctx)
      const first = await findById<ReportDoc>(ctx.db, 'reports', id)
      return first ? toView(first, 'reporter', ctx) : reportFail('REPORT.PHOTO_NOT_YOURS')
    }
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    // the same submit arrived twice at once: the other one stored it and used the slot
    await releaseDailySlot(ctx)
    const first = await findById<ReportDoc>(ctx.db, 'reports', id)
    if (!first) throw error
    return toView(first, 'reporter', ctx)
  }
  // the video's cover goes to WeChat's asynchronous check now the report exists to take the verdict
  await requestVideoCheck(ctx, stored)
  await recordReceived(ctx, stored) // 随手拍统计: catches and logs, never throws
  await reportEntered(ctx, stored) // 随手拍 now (the status counter): logs, never throws
  // a report filed within 24 h of scanning a poster counts for that poster (office poster stats)
  await recordFollowUp(ctx, openid, 'report')
  // counts on the 点位 it falls in (创文督查); logs and never throws, the report stands either way
  await linkReportToSite(ctx, stored)
  return toView(stored, 'reporter', ctx)
}

/** What a new report is made of, whoever files it: a resident through `submit`, a partner through Open311. */
export interface NewReportParts {
  id: string
  category: ReportCategory
  grid: GridDoc
  /** null for a report a partner system forwarded: no resident stands behind it */
  reporterOpenid: string | null
  anonymous: boolean
  contactPhone: string | null
  location: LatLng & { address: string }
  description: string
  textVerdict: ContentCheckResult
  photos: StoredPhoto[]
  /** 随手拍's short video, its check pending (see video.ts) */
  video?: StoredVideo | null
  source?: ReportDoc['source']
  /** 门前三包: the shop that answers first (status 门店处理中, due by the shop's limit) */
  shop?: ShopRouting | null
}

/**
 * The stored report and its first timeline entry: status 已提交 in the grid the place lies in, the
 * first step's due time counted on the stored working-day calendar (cached a minute per instance).
 * A report the shop answers first is 门店处理中 instead, due by the shop's limit; it keeps its grid.
 */
export async function newReport(ctx: ActionContext, parts: NewReportParts): Promise<{ report: ReportDoc; event: Omit<ReportEventDoc, '_id'> }> {
  const now = ctx.clock.now()
  const { id, category, grid, textVerdict, shop } = parts
  const status = shop ? 'at-shop' : 'submitted'
  // timed by the office's override of the category's limits where there is one (submit and Open311 both come here)
  const limits = (await effectiveCategory(ctx, category.id))?.limits ?? category.limits
  const dueAt = shop ? shop.shopDueAt : dueTimeOnEntry('submitted', limits, now, await loadWorkCalendar(ctx))
  const report: ReportDoc = {
    _id: id,
    kind: category.kind,
    categoryId: category.id,
    status,
    reporterOpenid: parts.reporterOpenid,
    anonymous: parts.anonymous,
    contactPhone: parts.contactPhone,
    identityRemoved: false,
    location: { lat: parts.location.lat, lng: parts.location.lng, address: parts.location.address },
    cell: cellOf(parts.location),
    gridId: grid._id,
    unitId: null,
    description: parts.description,
    descriptionCheck: { pass: textVerdict.pass, label: textVerdict.pass ? null : textVerdict.label ?? 'risky' },
    photos: parts.photos,
    ...(parts.video ? { video: parts.video } : {}),
    afterPhotos: [],
    resolutionNote: null,
    dueAt,
    open: true,
    stepEnteredAt: now,
    confirmations: 0,
    rating: null,
    rejectReason: null,
    duplicateOf: null,
    returnCount: 0,
    reopenCount: 0,
    public: false,
    publishedAt: null,
    resolvedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...(parts.source ? { source: parts.source } : {}),
    ...(shop ? { shopId: shop.shopId } : {}),
  }
  const event: Omit<ReportEventDoc, '_id'> = {
    reportId: id,
    action: 'submit',
    from: null,
    to: status,
    actorRole: 'reporter',
    actorScope: null,
    // a partner's report is recorded under the partner, for the office's audit
    actorOpenid: parts.reporterOpenid ?? (parts.source ? `open311:${parts.source.partner}` : null),
    note: null,
    reason: null,
    unitId: null,
    score: null,
    dueAt,
    at: now,
    seq: 1,
  }
  return { report, event }
}

/** 我也遇到: one confirmation per person per report, counted on the report. */
export async function confirm(input: { reportId: string }, ctx: ActionContext): Promise<ConfirmResult | Fail> {
  const report = await findById<ReportDoc>(ctx.db, 'reports', input.reportId)
  if (!report) return reportFail('REPORT.NOT_FOUND')
  if (report.reporterOpenid === ctx.caller.openid) return reportFail('REPORT.OWN_REPORT')
  if (holderOf(report.status) === null) return reportFail('REPORT.NOT_OPEN')
  const added = await addConfirmation(ctx, report._id, ctx.caller.openid)
  const fresh = await findById<ReportDoc>(ctx.db, 'reports', report._id)
  return { reportId: report._id, confirmations: fresh?.confirmations ?? report.confirmations, added }
}

export async function addConfirmation(ctx: ActionContext, reportId: string, openid: string): Promise<boolean> {
  const doc: ConfirmationDoc = { _id: confirmationId(reportId, openid), reportId, openid, at: ctx.clock.now() }
  try {
    await ctx.db.collection('report_confirmations').add({ data: { ...doc } })
  } catch (error) {
    if (error instanceof DatabaseError && error.code === DUPLICATE_KEY) return false
    throw error
  }
  await ctx.db.collection('reports').doc(reportId).update({ data: { confirmations: ctx.db.command.inc(1) } })
  return true
}
