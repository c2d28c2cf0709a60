import { EVIDENCE_STATUSES, INSPECT_LIMITS, type EvidenceFileView, type EvidenceStatus, type EvidenceQueueItem, type EvidenceView, type TaskView, type UnitRef } from '@/shared/contract/inspect'
import type { Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { Database } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import { hasRole } from '../../runtime/grants'
import { writeAudit } from '../audit'
import { namesOf } from '../report/city'
import { keysetPage } from '../report/paging'
import { detectUploadType } from '../upload/detect'
import { claimUploads, consumeReservations, ReservationTaken } from '../upload/reservations'
import { recordMaterialReturn } from './ledger'
import { I, inspectFail, keyOf, type EvidenceDoc, type EvidenceFile, type In, type Out, type StandardDoc, type TaskDoc } from './model'
import { byIds, ensureUnitCounts, isOverdue, moveTaskShare, taskCounts, updateTotals } from './standards'

const UPLOAD_AREA = 'evidence'
/** the evidence states of a task that still owes its 材料 (needsEvidence): every one but accepted */
const OWING: EvidenceStatus[] = EVIDENCE_STATUSES.filter((s) => s !== 'accepted')
const HISTORY = 50

const isDuplicate = (error: unknown) => (error as { code?: string } | null)?.code === 'DATABASE.DUPLICATE_KEY'

/** The units the caller answers for as 联络员. */
const liaisonUnits = (ctx: ActionContext) => ctx.grants.filter((g) => g.role === 'liaison' && g.scopeId).map((g) => g.scopeId as string)

const unitRef = (names: Map<string, string>, unitId: string): UnitRef => ({ unitId, name: names.get(unitId) ?? '（已撤销的单位）' })

function taskView(t: TaskDoc, std: StandardDoc, names: Map<string, string>, now: number): TaskView {
  return {
    taskId: t._id,
    standardId: std._id,
    number: std.number,
    project: std.project,
    content: std.content,
    text: std.text,
    methods: std.methods,
    evidence: std.evidence,
    unit: unitRef(names, t.unitId),
    role: t.role,
    deadline: t.deadline,
    overdue: isOverdue(t, now),
    needsEvidence: t.needsMaterial && t.evidenceStatus !== 'accepted',
    evidenceStatus: t.evidenceStatus,
    returnReason: t.returnReason,
  }
}

async function fileViews(ctx: ActionContext, files: EvidenceFile[]): Promise<EvidenceFileView[]> {
  if (files.length === 0) return []
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: files.map((f) => f.fileId) })
  const urls = new Map(fileList.map((f) => [f.fileID, f.tempFileURL]))
  return files.map((f) => ({ name: f.name, url: urls.get(f.fileId) ?? '', kind: f.kind, held: f.held }))
}

async function evidenceView(ctx: ActionContext, e: EvidenceDoc): Promise<EvidenceView> {
  return {
    evidenceId: e._id,
    taskId: e.taskId,
    files: await fileViews(ctx, e.files),
    note: e.note,
    status: e.status,
    reason: e.reason,
    submittedAt: e.submittedAt,
    reviewedAt: e.reviewedAt,
  }
}

/** The caller may act for the unit: the office, or the unit's own 联络员. */
const mayActFor = (ctx: ActionContext, unitId: string) => ctx.isAdmin || hasRole(ctx.grants, 'liaison', unitId)

async function activeTask(db: Database, taskId: string): Promise<TaskDoc | null> {
  const t = await findById<TaskDoc>(db, I.tasks, taskId)
  return t && t.status === 'active' ? t : null
}

// ---- the unit's list ----

export async function myTasks(input: In<'myTasks'>, ctx: ActionContext): Out<'myTasks'> {
  const mine = liaisonUnits(ctx)
  const unitId = input.unitId ?? mine[0]
  if (!unitId) return inspectFail('INSPECT.UNIT_NOT_FOUND', '请选择一个责任单位')
  if (!ctx.isAdmin && !mine.includes(unitId)) return inspectFail('INSPECT.NOT_YOUR_UNIT')
  const unit = await findById<{ _id: string; name: string }>(ctx.db, 'report_units', unitId)
  if (!unit) return inspectFail('INSPECT.UNIT_NOT_FOUND')
  const _ = ctx.db.command
  const now = ctx.clock.now()
  const size = INSPECT_LIMITS.pageSize
  const filter = input.filter ?? 'all'
  let tasks: TaskDoc[]
  let nextCursor: string | null
  if (filter === 'overdue') {
    // by deadline, soonest first (by_unit_deadline); the cursor is the keyset's own
    const page = await keysetPage<TaskDoc>(ctx.db, {
      collection: I.tasks,
      where: { unitId, status: 'active', needsMaterial: true, evidenceStatus: _.neq('accepted') },
      field: 'deadline',
      range: _.lt(now),
      order: 'asc',
      pageSize: size,
      cursor: input.cursor,
    })
    tasks = page.docs
    nextCursor = page.next
  } else {
    // in the catalogue's order; sortKey is unique per unit, so it is the cursor
    const after = input.cursor ? { sortKey: _.gt(input.cursor) } : {}
    let docs: TaskDoc[]
    if (filter === 'evidence') {
      // one query per status still owing 材料, each an index search on by_unit_evidence's whole
      // key (unit, status, needsMaterial, evidenceStatus) already in sortKey order, merged here: a
      // `neq` would not use the evidence index at all and would walk the unit's every task
      const pages = await Promise.all(
        OWING.map(async (evidenceStatus) => {
          const { data } = await ctx.db.collection(I.tasks).where({ unitId, status: 'active', needsMaterial: true, evidenceStatus, ...after }).orderBy('sortKey', 'asc').limit(size + 1).get()
          return data as unknown as TaskDoc[]
        }),
      )
      docs = pages.flat().sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0)).slice(0, size + 1)
    } else {
      const { data } = await ctx.db.collection(I.tasks).where({ unitId, status: 'active', ...after }).orderBy('sortKey', 'asc').limit(size + 1).get()
      docs = data as unknown as TaskDoc[]
    }
    tasks = docs.slice(0, size)
    nextCursor = docs.length > size ? tasks[tasks.length - 1].sortKey : null
  }
  const standards = await byIds<StandardDoc>(ctx.db, I.standards, tasks.map((t) => t.standardId))
  const names = new Map([[unit._id, String(unit.name)]])
  return {
    unit: { unitId, name: String(unit.name) },
    counts: await taskCounts(ctx.db, unitId, now),
    items: tasks.flatMap((t) => {
      const std = standards.get(t.standardId)
      return std ? [taskView(t, std, names, now)] : []
    }),
    nextCursor,
  }
}

export async function task(input: In<'task'>, ctx: ActionContext): Out<'task'> {
  const t = await activeTask(ctx.db, input.taskId)
  if (!t) return inspectFail('INSPECT.TASK_NOT_FOUND')
  if (!mayActFor(ctx, t.unitId)) return inspectFail('INSPECT.NOT_YOUR_UNIT')
  const std = await findById<StandardDoc>(ctx.db, I.standards, t.standardId)
  if (!std) return inspectFail('INSPECT.TASK_NOT_FOUND')
  const names = await namesOf(ctx, 'report_units', [t.unitId, std.leadUnitId, ...std.supportUnitIds])
  const { data } = await ctx.db.collection(I.evidence).where({ taskId: t._id }).orderBy('submittedAt', 'desc').limit(HISTORY).get()
  const evidence: EvidenceView[] = []
  for (const e of data as unknown as EvidenceDoc[]) evidence.push(await evidenceView(ctx, e))
  return {
    task: taskView(t, std, names, ctx.clock.now()),
    lead: std.leadUnitId ? unitRef(names, std.leadUnitId) : null,
    supports: std.supportUnitIds.map((u) => unitRef(names, u)),
    evidence,
    // submitting is the unit's own 联络员's act; a pending or accepted submission waits for nothing more
    maySubmit: hasRole(ctx.grants, 'liaison', t.unitId) && t.needsMaterial && (t.evidenceStatus === 'none' || t.evidenceStatus === 'returned'),
  }
}

// ---- 佐证材料 ----

export const evidenceIdFor = (openid: string, requestId: string) => keyOf('evidence', openid, requestId)

/** Thrown inside the submit transaction when the task already has a submission waiting. */
class Pending extends Error {}

export async function submitEvidence(input: In<'submitEvidence'>, ctx: ActionContext): Out<'submitEvidence'> {
  const openid = ctx.caller.openid
  const id = evidenceIdFor(openid, input.requestId)
  const replay = await findById<EvidenceDoc>(ctx.db, I.evidence, id)
  if (replay) return evidenceView(ctx, replay)

  const t = await activeTask(ctx.db, input.taskId)
  if (!t) return inspectFail('INSPECT.TASK_NOT_FOUND')
  if (!hasRole(ctx.grants, 'liaison', t.unitId)) return inspectFail('INSPECT.NOT_YOUR_UNIT')
  if (!t.needsMaterial) return inspectFail('INSPECT.NO_MATERIAL')
  if (t.evidenceStatus === 'submitted') return inspectFail('INSPECT.EVIDENCE_PENDING')
  if (t.evidenceStatus === 'accepted') return inspectFail('INSPECT.EVIDENCE_REVIEWED', '该项材料已审核通过')

  const fileIds = input.files.map((f) => f.fileId)
  if (new Set(fileIds).size !== fileIds.length) return inspectFail('INSPECT.FILE_NOT_YOURS', '同一个文件提交了两次')
  const claim = await claimUploads(ctx, UPLOAD_AREA, fileIds)
  if (claim === 'not-yours' || claim === 'not-found') return inspectFail('INSPECT.FILE_NOT_YOURS')
  if (claim === 'wrong-type') return inspectFail('INSPECT.FILE_NOT_YOURS', '佐证材料须是图片、PDF 或 Word 文档')
  const files: EvidenceFile[] = []
  for (const f of input.files) {
    const { fileContent } = await ctx.storage.downloadFile({ fileID: f.fileId })
    const type = await detectUploadType(fileContent, UPLOAD_AREA)
    if (!type) return inspectFail('INSPECT.FILE_NOT_YOURS', '佐证材料须是图片、PDF 或 Word 文档')
    const kind = type.mime.startsWith('image/') ? 'image' : 'document'
    // Images go through the platform's image check; a held one is kept and marked for the office.
    // Documents are checked by their type only (PDF or Word by the bytes, above): the platform has
    // no content check for documents, and only the office reads them.
    const held = kind === 'image' ? !(await ctx.openApi.checkImage({ fileID: f.fileId })).pass : false
    files.push({ fileId: f.fileId, name: f.name, kind, held })
  }

  const now = ctx.clock.now()
  const doc: EvidenceDoc = {
    _id: id,
    taskId: t._id,
    standardId: t.standardId,
    unitId: t.unitId,
    files,
    note: input.note,
    status: 'submitted',
    reason: null,
    submittedBy: openid,
    submittedAt: now,
    reviewedBy: null,
    reviewedAt: null,
  }
  await ensureUnitCounts(ctx.db, t.unitId, now)
  try {
    await ctx.db.runTransaction(async (tx) => {
      const ref = tx.collection(I.tasks).doc(t._id)
      const current = { ...((await ref.get()).data as unknown as TaskDoc), _id: t._id }
      // one submission waits at a time, even when two arrive together
      if (current.evidenceStatus === 'submitted' || current.evidenceStatus === 'accepted') throw new Pending()
      const { _id, ...fields } = doc
      await tx.collection(I.evidence).add({ data: { _id, ...fields } })
      await ref.update({ data: { evidenceStatus: 'submitted', returnReason: null, updatedAt: now } })
      // still owing 材料 while it waits: the unit's figures do not move, but the rule is the same everywhere
      await moveTaskShare(tx, current.unitId, current, { ...current, evidenceStatus: 'submitted' }, now)
      await consumeReservations(tx, claim.reservations, openid)
    })
  } catch (error) {
    if (error instanceof Pending) return inspectFail('INSPECT.EVIDENCE_PENDING')
    if (!(isDuplicate(error) || error instanceof ReservationTaken)) throw error
    // the same submit twice at once: the other stored it
    const first = await findById<EvidenceDoc>(ctx.db, I.evidence, id)
    return first ? evidenceView(ctx, first) : inspectFail('INSPECT.FILE_NOT_YOURS')
  }
  await updateTotals(ctx.db, { evidenceWaiting: ctx.db.command.inc(1) })
  return evidenceView(ctx, doc)
}

/** The office's queue: what waits for review, first come first served. */
export async function evidenceQueue(input: In<'evidenceQueue'>, ctx: ActionContext): Out<'evidenceQueue'> {
  const page = await keysetPage<EvidenceDoc>(ctx.db, {
    collection: I.evidence,
    where: { status: 'submitted' },
    field: 'submittedAt',
    order: 'asc',
    pageSize: INSPECT_LIMITS.pageSize,
    cursor: input.cursor,
  })
  const standards = await byIds<StandardDoc>(ctx.db, I.standards, page.docs.map((e) => e.standardId))
  const names = await namesOf(ctx, 'report_units', page.docs.map((e) => e.unitId))
  const items: EvidenceQueueItem[] = []
  for (const e of page.docs) {
    const std = standards.get(e.standardId)
    items.push({
      evidenceId: e._id,
      taskId: e.taskId,
      unit: unitRef(names, e.unitId),
      number: std?.number ?? '',
      text: std?.text ?? '',
      evidenceRequired: std?.evidence ?? '',
      files: await fileViews(ctx, e.files),
      note: e.note,
      submittedAt: e.submittedAt,
    })
  }
  return { items, nextCursor: page.next }
}

/** Thrown inside the review transaction when someone reviewed it first. */
class Reviewed extends Error {}

export async function reviewEvidence(input: In<'reviewEvidence'>, ctx: ActionContext): Out<'reviewEvidence'> {
  const e = await findById<EvidenceDoc>(ctx.db, I.evidence, input.evidenceId)
  if (!e) return inspectFail('INSPECT.EVIDENCE_NOT_FOUND')
  if (e.status !== 'submitted') return inspectFail('INSPECT.EVIDENCE_REVIEWED')
  const reason = input.reason?.trim() ?? ''
  if (input.decision === 'return' && !reason) return inspectFail('INSPECT.REASON_REQUIRED')
  const now = ctx.clock.now()
  const status = input.decision === 'accept' ? 'accepted' : 'returned'
  const reviewed: EvidenceDoc = { ...e, status, reason: status === 'returned' ? reason : reason || null, reviewedBy: ctx.caller.openid, reviewedAt: now }
  await ensureUnitCounts(ctx.db, e.unitId, now)
  const failed = await ctx.db
    .runTransaction(async (tx) => {
      const ref = tx.collection(I.evidence).doc(e._id)
      const current = (await ref.get()).data as unknown as EvidenceDoc
      if (current.status !== 'submitted') throw new Reviewed()
      await ref.update({ data: { status, reason: reviewed.reason, reviewedBy: reviewed.reviewedBy, reviewedAt: now } })
      // one submission waits at a time, so the one reviewed is the task's latest: its status follows
      const taskRef = tx.collection(I.tasks).doc(e.taskId)
      const taskBefore = (await taskRef.get().catch(() => null))?.data as unknown as TaskDoc | undefined
      await taskRef.update({ data: { evidenceStatus: status, returnReason: status === 'returned' ? reason : null, updatedAt: now } })
      if (taskBefore) await moveTaskShare(tx, taskBefore.unitId, taskBefore, { ...taskBefore, evidenceStatus: status }, now)
      return null
    })
    .catch((error: unknown): Fail => {
      if (error instanceof Reviewed) return inspectFail('INSPECT.EVIDENCE_REVIEWED')
      throw error
    })
  if (failed) return failed
  await updateTotals(ctx.db, { evidenceWaiting: ctx.db.command.inc(-1) })
  if (status === 'returned') await recordMaterialReturn(ctx, e.unitId, now)
  await writeAudit(ctx, { subjectType: 'inspect_evidence', subjectId: e._id, action: input.decision === 'accept' ? 'acceptEvidence' : 'returnEvidence', detail: { taskId: e.taskId, reason: reviewed.reason } })
  return evidenceView(ctx, reviewed)
}
