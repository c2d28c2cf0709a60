import type { FeedItem, LedgerItem, ReportListItem, ReportPage, ReportView, RevealedReporter } from '@/shared/contract'
import { failCommon, type Fail } from '@/shared/errors'
import { holderOf, type ReportKind, type ReportStatus } from '@/shared/report'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import type { UserDoc } from '../user/profile'
import { writeAudit } from '../audit'
import { reportFail } from './errors'
import { keysetPage } from './paging'
import type { ReportDoc } from './types'
import { toFeedItems, toLedgerItems, toListItems, toView, viewerOf } from './views'

/** What a phone shows at once; the server would allow up to 100. */
export const PAGE_SIZE = 20

export async function getReport(input: { reportId: string }, ctx: ActionContext): Promise<ReportView | Fail> {
  const report = await findById<ReportDoc>(ctx.db, 'reports', input.reportId)
  const viewer = report ? await viewerOf(report, ctx) : null
  // a report the caller may not see is, to them, a report that does not exist
  if (!report || !viewer) return reportFail('REPORT.NOT_FOUND')
  return toView(report, viewer, ctx)
}

export async function mine(input: { cursor?: string }, ctx: ActionContext): Promise<ReportPage<ReportListItem>> {
  const page = await keysetPage<ReportDoc>(ctx.db, {
    collection: 'reports',
    where: { reporterOpenid: ctx.caller.openid },
    field: 'createdAt',
    order: 'desc',
    pageSize: PAGE_SIZE,
    cursor: input.cursor,
  })
  return { items: await toListItems(page.docs, ctx, ctx.clock.now(), true), next: page.next }
}

/**
 * A grid worker's or a unit's reports in one status. Where a staff clock runs, the most urgent
 * (earliest due) come first; finished ones, the latest first.
 */
export async function queue(
  input: { as: 'grid' | 'handler'; status: ReportStatus; scopeId?: string; cursor?: string },
  ctx: ActionContext,
): Promise<ReportPage<ReportListItem> | Fail> {
  const scopes = ctx.grants.filter((g) => g.role === input.as && g.scopeId).map((g) => g.scopeId as string)
  if (scopes.length === 0) return failCommon('AUTH.FORBIDDEN')
  if (input.scopeId && !scopes.includes(input.scopeId)) return failCommon('AUTH.FORBIDDEN')
  if (!input.scopeId && scopes.length > 1) return reportFail('REPORT.SCOPE_REQUIRED')
  const scope = input.scopeId ?? scopes[0]
  const clocked = holderOf(input.status) !== null
  const page = await keysetPage<ReportDoc>(ctx.db, {
    collection: 'reports',
    where: { [input.as === 'grid' ? 'gridId' : 'unitId']: scope, status: input.status },
    field: clocked ? 'dueAt' : 'updatedAt',
    order: clocked ? 'asc' : 'desc',
    pageSize: PAGE_SIZE,
    cursor: input.cursor,
  })
  return { items: await toListItems(page.docs, ctx, ctx.clock.now(), false), next: page.next }
}

export async function feed(input: { kind?: ReportKind; cursor?: string }, ctx: ActionContext): Promise<ReportPage<FeedItem>> {
  const page = await keysetPage<ReportDoc>(ctx.db, {
    collection: 'reports',
    where: input.kind ? { public: true, kind: input.kind } : { public: true },
    field: 'publishedAt',
    order: 'desc',
    pageSize: PAGE_SIZE,
    cursor: input.cursor,
  })
  return { items: await toFeedItems(page.docs, ctx), next: page.next }
}

/** 督查台账: reports whose step is past its due time, the longest overdue first. */
export async function ledger(input: { cursor?: string }, ctx: ActionContext): Promise<ReportPage<LedgerItem>> {
  const now = ctx.clock.now()
  const page = await keysetPage<ReportDoc>(ctx.db, {
    collection: 'reports',
    where: { open: true },
    field: 'dueAt',
    range: ctx.db.command.lt(now),
    order: 'asc',
    pageSize: PAGE_SIZE,
    cursor: input.cursor,
  })
  return { items: await toLedgerItems(page.docs, ctx, now), next: page.next }
}

/** The office may learn who reported; each time it does is itself on the audit log. */
export async function reveal(input: { reportId: string }, ctx: ActionContext): Promise<RevealedReporter | Fail> {
  const report = await findById<ReportDoc>(ctx.db, 'reports', input.reportId)
  if (!report) return reportFail('REPORT.NOT_FOUND')
  await writeAudit(ctx, { subjectType: 'report', subjectId: report._id, action: 'revealReporter', detail: { anonymous: report.anonymous } })
  const person = report.reporterOpenid ? await findById<UserDoc>(ctx.db, 'users', report.reporterOpenid) : null
  return {
    openid: report.reporterOpenid,
    nickname: person?.nickname ?? null,
    phone: report.contactPhone,
    anonymous: report.anonymous,
    identityRemoved: report.identityRemoved,
  }
}
