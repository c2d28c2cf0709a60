import type {
  ReportVideoView,
  FeedItem,
  LedgerItem,
  ReportListItem,
  ReportPhotoView,
  ReportTimelineEntry,
  ReportView,
  ReportViewerRole,
  ReporterView,
} from '@/shared/contract'
import {
  ACTION_LABEL,
  REJECT_REASONS,
  SEND_BACK_REASONS,
  actionsFor,
  approximate,
  categoryOf,
  holderOf,
  statusLabel,
  type CategoryId,
  type TransitionAction,
} from '@/shared/report'
import type { Platform } from '../../platform'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import type { UserDoc } from '../user/profile'
import { categoryNames, type CategoryNames } from './category-overrides'
import { namesOf, routeFor } from './city'
import { mayRecategorize } from './recategorize-rule'
import type { ReportDoc, ReportEventDoc, StoredPhoto, StoredVideo } from './types'

/** What the content check's label means to the person whose item it held back. */
const HELD_REASON = '未通过内容安全检测，仅您本人可见'

export function shortNo(id: string): string {
  return id.slice(-8).toUpperCase()
}

/** The number a report is named by: its 受理编号, or — until the backfill reaches a report stored before numbers existed — the old fragment. */
export function ticketOf(report: Pick<ReportDoc, '_id' | 'ticketNo'>): string {
  return report.ticketNo ?? shortNo(report._id)
}

/** 13812345678 → 138****5678: staff can tell two numbers apart without learning either. */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`
}

/** A category's name as in force: the office's rename when `names` carries one, else the built-in name. */
export function categoryName(id: string, names?: CategoryNames): string {
  return names?.get(id) ?? categoryOf(id)?.name ?? '其他'
}

/** Who is looking, by the strongest claim they have on this report; null: they may not see it. */
export async function viewerOf(report: ReportDoc, ctx: ActionContext): Promise<ReportViewerRole | null> {
  if (report.reporterOpenid !== null && report.reporterOpenid === ctx.caller.openid) return 'reporter'
  if (ctx.isAdmin) return 'office'
  if (hasRole(ctx.grants, 'grid', report.gridId)) return 'grid'
  if (report.unitId !== null && hasRole(ctx.grants, 'handler', report.unitId)) return 'handler'
  if (report.public) return 'public'
  if (await findById(ctx.db, 'report_confirmations', confirmationId(report._id, ctx.caller.openid))) return 'confirmer'
  return null
}

export const confirmationId = (reportId: string, openid: string) => `${reportId}__${openid}`

/** Temporary URLs for many stored files in one call. */
export async function urlsOf(platform: Platform, fileIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)]
  const urls = new Map<string, string>()
  for (let i = 0; i < unique.length; i += 50) {
    const { fileList } = await platform.storage.getTempFileURL({ fileList: unique.slice(i, i + 50) })
    for (const f of fileList) if (f.tempFileURL) urls.set(f.fileID, f.tempFileURL)
  }
  return urls
}

const VIDEO_PENDING_REASON = '视频正在进行内容安全审核，通过前仅您本人可见'

/** The reporter always sees their video (with why it is not shown to others yet); everyone else once it passed. */
function videoView(video: StoredVideo | null | undefined, urls: Map<string, string>, isReporter: boolean): ReportVideoView | null {
  if (!video || (video.check !== 'pass' && !isReporter)) return null
  const heldReason = video.check === 'pass' ? null : video.check === 'pending' ? VIDEO_PENDING_REASON : HELD_REASON
  return { url: urls.get(video.fileId) ?? '', coverUrl: urls.get(video.coverFileId) ?? '', durationMs: video.durationMs, heldReason }
}

/** The cover of a video this viewer may see, for a list's thumbnail when the report has no photo. */
const videoCover = (video: StoredVideo | null | undefined, forReporter: boolean) => (video && (video.check === 'pass' || forReporter) ? video.coverFileId : null)

function photoViews(photos: StoredPhoto[], urls: Map<string, string>, seesHeld: boolean): { shown: ReportPhotoView[]; hidden: number } {
  const shown: ReportPhotoView[] = []
  let hidden = 0
  for (const p of photos) {
    if (!p.pass && !seesHeld) {
      hidden++
      continue
    }
    shown.push({ url: urls.get(p.fileId) ?? '', heldReason: p.pass ? null : HELD_REASON, takenAt: p.takenAt ?? null, source: p.source ?? null })
  }
  return { shown, hidden }
}

async function reporterFor(report: ReportDoc, viewer: ReportViewerRole, platform: Platform): Promise<ReporterView | null> {
  const base = { anonymous: report.anonymous, identityRemoved: report.identityRemoved }
  switch (viewer) {
    case 'reporter': {
      const me = report.reporterOpenid ? await findById<UserDoc>(platform.db, 'users', report.reporterOpenid) : null
      return { ...base, name: me?.nickname ?? null, phone: report.contactPhone }
    }
    case 'grid':
    case 'handler':
    case 'office': {
      // a partner system's report (12345): staff see where it came from; the caller behind it is the office's to reveal
      if (report.source) return { ...base, name: `来自${report.source.partner}`, phone: null }
      // Staff (the office included, until it asks via `reveal`) see who only when the reporter
      // chose to be named, and a phone only masked; an anonymous report shows neither.
      if (report.anonymous || !report.reporterOpenid) return { ...base, name: null, phone: null }
      const person = await findById<UserDoc>(platform.db, 'users', report.reporterOpenid)
      return { ...base, name: person?.nickname ?? null, phone: report.contactPhone ? maskPhone(report.contactPhone) : null }
    }
    default:
      return null
  }
}

function reasonLabel(event: ReportEventDoc): string | null {
  // the label says it in words ('timeout' / 'unhappy' is for the shop's record, not for reading)
  if (!event.reason || event.action === 'shopEscalate') return null
  if (event.action === 'reject') return REJECT_REASONS[event.reason as keyof typeof REJECT_REASONS] ?? event.reason
  if (event.action === 'sendBack') return SEND_BACK_REASONS[event.reason as keyof typeof SEND_BACK_REASONS] ?? event.reason
  return event.reason
}

function timelineLabel(event: ReportEventDoc, report: ReportDoc, units: Map<string, string>, names: CategoryNames): string {
  switch (event.action) {
    case 'submit':
      if (event.to === 'at-shop') return '提交随手拍，位于门前三包责任区，先由门店处理'
      return report.kind === 'praise' ? '提交文明点赞' : '提交随手拍'
    case 'shopAnswer':
      return '门店已处理'
    case 'shopEscalate':
      return event.reason === 'unhappy'
        ? event.score !== null
          ? `评价 ${event.score} 星，市民对门店处理不满意，已转网格员受理`
          : '市民对门店处理不满意，已转网格员受理'
        : '门店未在时限内处理，已转网格员受理'
    case 'forget':
      return event.actorRole === 'system' ? '保留期满，上报人的联系方式和身份关联已删除' : '上报人删除了个人信息'
    case 'dispatch':
      return `派发至 ${units.get(event.unitId ?? '') ?? '责任单位'}`
    case 'rate':
      return `评价 ${event.score ?? ''} 星`
    case 'requestReopen':
      return event.score !== null ? `评价 ${event.score} 星，不满意，申请重办` : '问题未解决，申请重办'
    case 'reopen':
      return '网格员核实后同意重办'
    case 'keepClosed':
      return '网格员核实后维持办结'
    case 'recategorize': {
      // the reason is part of the sentence: a changed category without its why reads as an error
      const change = `类别由 ${categoryName(event.fromCategoryId ?? '', names)} 改为 ${categoryName(event.toCategoryId ?? '', names)}`
      return event.reason ? `${change}：${event.reason}` : change
    }
    case 'note':
      return event.internalNote ? '内部备注' : '补充说明'
    case 'closeWindow':
      return event.to === 'rated' ? '评价期结束，维持原评价' : '评价期结束，未评价，自动办结'
    default:
      return ACTION_LABEL[event.action as TransitionAction]
  }
}

function actorLabel(event: ReportEventDoc, grids: Map<string, string>, units: Map<string, string>): string {
  switch (event.actorRole) {
    case 'reporter':
      return '市民'
    case 'grid':
      return `网格员（${grids.get(event.actorScope ?? '') ?? '本网格'}）`
    case 'handler':
      return units.get(event.actorScope ?? '') ?? '责任单位'
    case 'office':
      return '文明办'
    // 门前三包: the shop as such, never the owner's or staff member's name
    case 'shop':
      return '门店'
    default:
      return '系统'
  }
}

export async function eventsOf(platform: Platform, reportId: string): Promise<ReportEventDoc[]> {
  // A report's history is a handful of steps; 100 is far more than any real one reaches.
  const { data } = await platform.db.collection('report_events').where({ reportId }).orderBy('seq', 'asc').limit(100).get()
  return data as unknown as ReportEventDoc[]
}

const PUBLIC_VIEWERS: readonly ReportViewerRole[] = ['public', 'confirmer']
/** The viewers who write and read staff notes (内部备注): whoever works the report, and the office. */
export const STAFF_VIEWERS: readonly ReportViewerRole[] = ['grid', 'handler', 'office']

/** One report as `viewer` may see it. */
export async function toView(report: ReportDoc, viewer: ReportViewerRole, ctx: ActionContext): Promise<ReportView> {
  const now = ctx.clock.now()
  const [events, names] = await Promise.all([eventsOf(ctx, report._id), categoryNames(ctx)])
  const grids = await namesOf(ctx, 'report_grids', [report.gridId, ...events.map((e) => (e.actorRole === 'grid' ? e.actorScope : null))])
  const units = await namesOf(ctx, 'report_units', [
    report.unitId,
    ...events.map((e) => e.unitId),
    ...events.map((e) => (e.actorRole === 'handler' ? e.actorScope : null)),
  ])
  const isReporter = viewer === 'reporter'
  const approximateOnly = PUBLIC_VIEWERS.includes(viewer)
  const request = report.reopenRequest ?? null
  const urls = await urlsOf(ctx, [
    ...[...report.photos, ...report.afterPhotos, ...(request?.photos ?? [])].map((p) => p.fileId),
    ...(report.video ? [report.video.fileId, report.video.coverFileId] : []),
  ])
  const before = photoViews(report.photos, urls, isReporter)
  const after = photoViews(report.afterPhotos, urls, isReporter)
  // the grid worker weighs the request on what the reporter said and showed; others see it on the timeline
  const seesRequest = viewer === 'reporter' || viewer === 'grid' || viewer === 'office'
  const holder = holderOf(report.status)
  const gridName = grids.get(report.gridId) ?? '未知网格'
  const unitName = report.unitId ? units.get(report.unitId) ?? null : null
  // 门店处理中: the shop's name is public (on its door code); its people are not
  const shopName = holder === 'shop' && report.shopId ? (await findById<{ _id: string; name: string }>(ctx.db, 'frontage_shops', report.shopId))?.name ?? '门店' : null

  let allowedActions: TransitionAction[] = []
  if (viewer === 'grid' || viewer === 'handler' || viewer === 'reporter') allowedActions = actionsFor(report.status, report.kind, viewer)
  // the office may decide a 重办 request in the grid worker's stead
  if (viewer === 'office') allowedActions = actionsFor(report.status, report.kind, 'grid').filter((a) => a === 'reopen' || a === 'keepClosed')
  // past the window the reporter has no say left, even before the window job has closed it
  if (viewer === 'reporter' && report.ratingDueAt != null && now > report.ratingDueAt) allowedActions = []
  // a rating stands through 维持办结: only 「问题未解决」 is left
  if (viewer === 'reporter' && report.rating) allowedActions = allowedActions.filter((a) => a !== 'rate')
  const suggested = viewer === 'grid' && allowedActions.includes('dispatch') ? await routeFor(ctx, report.categoryId, report.gridId) : null

  const staff = STAFF_VIEWERS.includes(viewer)
  const timeline: ReportTimelineEntry[] = events
    // an internal 添加备注 is not an event at all to anyone but staff
    .filter((e) => staff || e.action !== 'note' || e.note)
    .map((e) => ({
      action: e.action,
      label: timelineLabel(e, report, units, names),
      from: e.from,
      to: e.to,
      at: e.at,
      actor: actorLabel(e, grids, units),
      note: e.note,
      // the key itself is left out of other views, so their JSON never carries the field
      ...(staff ? { internalNote: e.internalNote ?? null } : {}),
      reason: reasonLabel(e),
      dueAt: e.dueAt,
    }))

  const location = approximateOnly
    ? { ...approximate(report.location), address: '', approximate: true }
    : { ...report.location, approximate: false }

  const descriptionVisible = isReporter || report.descriptionCheck.pass
  return {
    id: report._id,
    shortNo: shortNo(report._id),
    ticketNo: ticketOf(report),
    kind: report.kind,
    categoryId: report.categoryId as CategoryId,
    categoryName: categoryName(report.categoryId, names),
    status: report.status,
    statusLabel: statusLabel(report.status, report.kind),
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    dueAt: report.dueAt,
    overdue: report.dueAt !== null && now > report.dueAt,
    holderName: holder === 'grid' ? gridName : holder === 'handler' ? unitName : holder === 'shop' ? shopName : null,
    location,
    gridId: report.gridId,
    gridName,
    unitId: report.unitId,
    unitName,
    description: descriptionVisible && report.description ? report.description : null,
    descriptionHeldReason: !report.descriptionCheck.pass && isReporter ? HELD_REASON : null,
    photos: before.shown,
    hiddenPhotoCount: before.hidden,
    video: videoView(report.video, urls, isReporter),
    resolution:
      report.resolutionNote !== null
        ? { note: report.resolutionNote, photos: after.shown, at: report.resolvedAt ?? report.updatedAt }
        : null,
    reporter: await reporterFor(report, viewer, ctx),
    confirmations: report.confirmations,
    rating: report.rating,
    reopenRequest:
      request && seesRequest
        ? { reason: request.reason, score: request.score, photos: photoViews(request.photos, urls, isReporter).shown, at: request.at }
        : null,
    ratingDueAt: report.status === 'resolved' ? report.ratingDueAt ?? null : null,
    rejectReason: report.rejectReason ? REJECT_REASONS[report.rejectReason as keyof typeof REJECT_REASONS] ?? report.rejectReason : null,
    duplicateOf: report.duplicateOf,
    timeline,
    viewerRole: viewer,
    allowedActions,
    suggestedUnit: suggested ? { id: suggested._id, name: suggested.name } : null,
    canForget: isReporter && !report.identityRemoved,
    canReveal: viewer === 'office' && !report.identityRemoved,
    canRecategorize: (viewer === 'grid' || viewer === 'office') && mayRecategorize(report.status, viewer),
    canAddNote: staff,
    public: report.public,
  }
}

/** Rows of a list: the first photo as a thumbnail (held photos only for their reporter). */
export async function toListItems(reports: ReportDoc[], platform: Platform, now: number, forReporter: boolean): Promise<ReportListItem[]> {
  const names = await categoryNames(platform)
  const grids = await namesOf(platform, 'report_grids', reports.map((r) => r.gridId))
  const units = await namesOf(platform, 'report_units', reports.map((r) => r.unitId))
  const thumbs = reports.map((r) => r.photos.find((p) => p.pass || forReporter)?.fileId ?? videoCover(r.video, forReporter))
  const urls = await urlsOf(platform, thumbs.filter((t): t is string => t !== null))
  return reports.map((r, i) => ({
    id: r._id,
    shortNo: shortNo(r._id),
    ticketNo: ticketOf(r),
    kind: r.kind,
    categoryName: categoryName(r.categoryId, names),
    status: r.status,
    statusLabel: statusLabel(r.status, r.kind),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    dueAt: r.dueAt,
    overdue: r.dueAt !== null && now > r.dueAt,
    gridName: grids.get(r.gridId) ?? '未知网格',
    unitName: r.unitId ? units.get(r.unitId) ?? null : null,
    address: r.location.address,
    thumbUrl: thumbs[i] ? urls.get(thumbs[i] as string) ?? null : null,
    confirmations: r.confirmations,
  }))
}

/** 点赞·爆料广场: nothing about who reported, and where only roughly. */
export async function toFeedItems(reports: ReportDoc[], platform: Platform): Promise<FeedItem[]> {
  const names = await categoryNames(platform)
  const grids = await namesOf(platform, 'report_grids', reports.map((r) => r.gridId))
  const before = reports.map((r) => r.photos.find((p) => p.pass)?.fileId ?? videoCover(r.video, false))
  const after = reports.map((r) => r.afterPhotos.find((p) => p.pass)?.fileId ?? null)
  const urls = await urlsOf(platform, [...before, ...after].filter((t): t is string => t !== null))
  return reports.map((r, i) => ({
    id: r._id,
    ticketNo: ticketOf(r),
    kind: r.kind,
    categoryName: categoryName(r.categoryId, names),
    gridName: grids.get(r.gridId) ?? '',
    approx: approximate(r.location),
    description: r.descriptionCheck.pass && r.description ? r.description : null,
    beforeUrl: before[i] ? urls.get(before[i] as string) ?? null : null,
    afterUrl: after[i] ? urls.get(after[i] as string) ?? null : null,
    resolutionNote: r.resolutionNote,
    publishedAt: r.publishedAt ?? r.updatedAt,
    score: r.rating?.score ?? null,
  }))
}

export async function toLedgerItems(reports: ReportDoc[], platform: Platform, now: number): Promise<LedgerItem[]> {
  const names = await categoryNames(platform)
  const grids = await namesOf(platform, 'report_grids', reports.map((r) => r.gridId))
  const units = await namesOf(platform, 'report_units', reports.map((r) => r.unitId))
  return reports.map((r) => {
    const holding = holderOf(r.status)
    // 门店处理中 past the shop's limit is the grid's within the timer's next run
    const holder = holding === 'handler' ? 'handler' : 'grid'
    const gridName = grids.get(r.gridId) ?? '未知网格'
    return {
      id: r._id,
      shortNo: shortNo(r._id),
      ticketNo: ticketOf(r),
      categoryName: categoryName(r.categoryId, names),
      status: r.status,
      statusLabel: statusLabel(r.status, r.kind),
      createdAt: r.createdAt,
      dueAt: r.dueAt ?? now,
      overdueMs: Math.max(0, now - (r.dueAt ?? now)),
      holder,
      holderName: holder === 'handler' ? units.get(r.unitId ?? '') ?? '责任单位' : holding === 'shop' ? `门店（超时转${gridName}网格员）` : `${gridName}（网格员）`,
      gridName,
      returnCount: r.returnCount,
      reopenCount: r.reopenCount,
      keptClosedCount: r.keptClosedCount ?? 0,
    }
  })
}
