import type { NoteVisibility, ReportView } from '@/shared/contract'
import { failCommon, type Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { reportFail } from './errors'
import { checkNote } from './photos'
import type { ReportDoc, ReportEventDoc } from './types'
import { STAFF_VIEWERS, toView, viewerOf } from './views'

/** Where a staff note is stored: the field everyone who sees the entry reads, or the staff-only one. */
export function notesOf(note: string | null | undefined, visibility: NoteVisibility | undefined): Pick<ReportEventDoc, 'note' | 'internalNote'> {
  const text = note || null
  return visibility === 'internal' ? { note: null, internalNote: text } : { note: text, internalNote: null }
}

/**
 * 添加备注: a staff note on the timeline without moving the report — 对市民可见 (an update the
 * reporter reads) or 内部备注 (staff and the office only). Only those who may see the report as
 * staff may write on it: its grid worker, the unit holding it, the office.
 */
export async function addNote(input: { reportId: string; note: string; noteVisibility: NoteVisibility }, ctx: ActionContext): Promise<ReportView | Fail> {
  const report = await findById<ReportDoc>(ctx.db, 'reports', input.reportId)
  if (!report) return reportFail('REPORT.NOT_FOUND')
  const viewer = await viewerOf(report, ctx)
  if (!viewer) return reportFail('REPORT.NOT_FOUND')
  if (!STAFF_VIEWERS.includes(viewer)) return failCommon('AUTH.FORBIDDEN')
  const refused = await checkNote(ctx, input.note)
  if (refused) return refused
  const now = ctx.clock.now()
  const event: Omit<ReportEventDoc, '_id' | 'seq'> = {
    reportId: report._id,
    action: 'note',
    from: report.status,
    to: report.status,
    actorRole: viewer === 'office' ? 'office' : viewer === 'grid' ? 'grid' : 'handler',
    actorScope: viewer === 'grid' ? report.gridId : viewer === 'handler' ? report.unitId : null,
    actorOpenid: ctx.caller.openid,
    ...notesOf(input.note, input.noteVisibility),
    reason: null,
    unitId: null,
    score: null,
    dueAt: null,
    at: now,
  }
  // an internal note leaves no trace the reporter could see, not even a newer 更新时间
  const touch: Partial<ReportDoc> = input.noteVisibility === 'public' ? { updatedAt: now } : {}
  const written = await ctx.db.runTransaction(async (tx) => {
    const current = (await tx.collection('reports').doc(report._id).get()).data as unknown as ReportDoc
    const seq = (current.version ?? 0) + 1
    await tx.collection('reports').doc(report._id).update({ data: { ...touch, version: seq } })
    await tx.collection('report_events').add({ data: { ...event, seq } })
    return { ...current, ...touch, version: seq }
  })
  return toView(written, viewer, ctx)
}
