import {
  ASSESSMENT_METHODS,
  INSPECT_ERRORS,
  INSPECT_LIMITS,
  METHOD_LABEL,
  REQUIRED_STANDARD_COLUMNS,
  SITE_COLUMNS,
  STANDARD_COLUMNS,
  type AssessmentMethod,
  type ImportChange,
  type InspectUnitView,
  type StandardColumn,
  type StandardImportView,
  type StandardView,
  type UnitRef,
  type UnitTaskCounts,
} from '@/shared/contract/inspect'
import { fail, type Fail } from '@/shared/errors'
import type { Platform } from '../../platform'
import type { Database, QueryCondition, StoredDoc, Transaction } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { namesOf } from '../report/city'
import { DEMO_POINT, DEMO_UNITS } from '../report/demo-city'
import { storagePath } from '../upload/reservations'
import { readSheet, type SheetData } from '../xlsx/read'
import { xlsxBuffer } from '../xlsx/write'
import { DEMO_STANDARDS } from './demo-standards'
import { I, inspectFail, keyOf, type ChecklistDoc, type ChecklistEntry, type In, type Out, type SiteTypeDoc, type StandardDoc, type TaskDoc, type TotalsDoc, type UnitCountsDoc } from './model'

const PAGE = 100
const DAY = 24 * 60 * 60 * 1000
/** Beijing is UTC+8 all year */
const BEIJING = 8 * 60 * 60 * 1000
/** Excel's day 0 (its 1900 leap-year bug folded in): serial 1 is 1900-01-01 for every date after Feb 1900 */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)
/** names, units and methods in one cell: 材料审核、实地考察 / 材料审核,实地考察 / … */
const LIST_SEPARATORS = /[、，,;；/／\s]+/
const MAX_LENGTH: Partial<Record<StandardColumn, number>> = { number: 20, project: 60, content: 120, text: 1000, evidence: 500 }
const ISSUES_IN_MESSAGE = 3

// ---- shared reads ----

/** Every document of a small collection (units, site types), by `_id` pages. Import and office lists only, never a resident's view. */
async function readAll<T extends { _id: string }>(db: Database, collection: string, where: Record<string, unknown> = {}): Promise<T[]> {
  const _ = db.command
  const out: StoredDoc[] = []
  for (let last: string | null = null; ; ) {
    const { data }: { data: StoredDoc[] } = await db
      .collection(collection)
      .where(last === null ? where : { ...where, _id: _.gt(last) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get()
    out.push(...data)
    if (data.length < PAGE) break
    last = data[data.length - 1]._id
  }
  return out as unknown as T[]
}

/** Documents by id, `_.in` a hundred at a time. */
export async function byIds<T extends { _id: string }>(db: Database, collection: string, ids: Iterable<string>): Promise<Map<string, T>> {
  const wanted = [...new Set(ids)]
  const found = new Map<string, T>()
  const _ = db.command
  for (let i = 0; i < wanted.length; i += PAGE) {
    const { data } = await db
      .collection(collection)
      .where({ _id: _.in(wanted.slice(i, i + PAGE)) })
      .limit(PAGE)
      .get()
    for (const doc of data as unknown as T[]) found.set(doc._id, doc)
  }
  return found
}

export async function siteTypeNames(db: Database): Promise<Map<string, string>> {
  const types = await readAll<SiteTypeDoc>(db, I.siteTypes)
  return new Map(types.map((t) => [t._id, t.name]))
}

/** 1.2.10 after 1.2.9: each numeric part padded; the number itself appended keeps the key unique (1.02 and 1.2). */
export function sortKeyOf(number: string): string {
  const padded = number
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? part.padStart(6, '0') : part))
    .join('.')
  return `${padded}|${number}`
}

export const standardIdOf = (number: string) => keyOf('std', number)
export const taskIdOf = (standardId: string, unitId: string) => `${standardId}__${unitId}`

/**
 * A task is overdue past its deadline while its 材料审核 is not accepted. Items judged only on
 * site (实地考察 etc.) have nothing to hand in: inspections and their 督办单 track those.
 */
export const isOverdue = (t: Pick<TaskDoc, 'deadline' | 'needsMaterial' | 'evidenceStatus'>, now: number) =>
  t.needsMaterial && t.evidenceStatus !== 'accepted' && t.deadline !== null && t.deadline < now

// ---- a unit's figures, kept on write ----

/** What one task adds to its unit's figures (nothing once withdrawn). */
export interface TaskShare {
  tasks: number
  material: number
  accepted: number
  /** the deadline key it owes 材料 by, or null */
  pending: string | null
}

export function taskShare(t: Pick<TaskDoc, 'status' | 'needsMaterial' | 'evidenceStatus' | 'deadline'> | null | undefined): TaskShare {
  if (!t || t.status !== 'active') return { tasks: 0, material: 0, accepted: 0, pending: null }
  const accepted = t.needsMaterial && t.evidenceStatus === 'accepted'
  return {
    tasks: 1,
    material: t.needsMaterial ? 1 : 0,
    accepted: accepted ? 1 : 0,
    pending: t.needsMaterial && !accepted && t.deadline !== null ? String(t.deadline) : null,
  }
}

/** Adds (by +1) or takes away (by -1) one task's share from a unit's figures, in memory. */
export function addShare(doc: Omit<UnitCountsDoc, '_id'>, share: TaskShare, by: 1 | -1): void {
  doc.tasks += by * share.tasks
  doc.material += by * share.material
  doc.accepted += by * share.accepted
  if (share.pending !== null) {
    const n = (doc.pendingByDeadline[share.pending] ?? 0) + by
    if (n > 0) doc.pendingByDeadline[share.pending] = n
    else delete doc.pendingByDeadline[share.pending]
  }
}

export const emptyUnitCounts = (now: number): Omit<UnitCountsDoc, '_id'> => ({ tasks: 0, material: 0, accepted: 0, pendingByDeadline: {}, openOrders: 0, updatedAt: now })

/**
 * Applies a change to a unit's figures inside `tx`. A unit whose document does not exist yet is
 * left alone: the first reader builds it from the tasks and sites as they stand (`unitCountsOf`),
 * which already includes this change.
 */
export async function changeUnitCounts(tx: Transaction, unitId: string, change: (doc: Omit<UnitCountsDoc, '_id'>) => void, now: number): Promise<void> {
  const ref = tx.collection(I.unitCounts).doc(unitId)
  const current = (await ref.get().catch(() => null))?.data as unknown as UnitCountsDoc | undefined
  if (!current) return
  const { _id, ...doc } = current
  void _id
  const next = { ...doc, pendingByDeadline: { ...doc.pendingByDeadline } }
  change(next)
  next.tasks = Math.max(0, next.tasks)
  next.material = Math.max(0, next.material)
  next.accepted = Math.max(0, next.accepted)
  next.openOrders = Math.max(0, next.openOrders)
  next.updatedAt = now
  await ref.set({ data: next })
}

/** Moves one task's share from `before` to `after` (either may be null: created, or gone). Inside `tx`. */
export async function moveTaskShare(tx: Transaction, unitId: string, before: TaskDoc | null, after: TaskDoc | null, now: number): Promise<void> {
  const from = taskShare(before)
  const to = taskShare(after)
  if (from.tasks === to.tasks && from.material === to.material && from.accepted === to.accepted && from.pending === to.pending) return
  await changeUnitCounts(
    tx,
    unitId,
    (doc) => {
      addShare(doc, from, -1)
      addShare(doc, to, 1)
    },
    now,
  )
}

/**
 * Builds a unit's figures from what is stored (its active tasks by by_unit_sort, its sites'
 * openOrders by by_unit): done once per unit, when the document is first needed.
 */
async function buildUnitCounts(db: Database, unitId: string, now: number): Promise<Omit<UnitCountsDoc, '_id'>> {
  const _ = db.command
  const doc = emptyUnitCounts(now)
  for (let last: string | null = null; ; ) {
    const { data }: { data: StoredDoc[] } = await db
      .collection(I.tasks)
      .where(last === null ? { unitId, status: 'active' } : { unitId, status: 'active', sortKey: _.gt(last) })
      .orderBy('sortKey', 'asc')
      .field({ status: true, needsMaterial: true, evidenceStatus: true, deadline: true, sortKey: true })
      .limit(PAGE)
      .get()
    for (const t of data as unknown as TaskDoc[]) addShare(doc, taskShare(t), 1)
    if (data.length < PAGE) break
    last = (data[data.length - 1] as unknown as TaskDoc).sortKey
  }
  for (let last: string | null = null; ; ) {
    const { data }: { data: StoredDoc[] } = await db
      .collection(I.sites)
      .where(last === null ? { unitId } : { unitId, _id: _.gt(last) })
      .orderBy('_id', 'asc')
      .field({ openOrders: true })
      .limit(PAGE)
      .get()
    for (const site of data) doc.openOrders += Number(site.openOrders ?? 0)
    if (data.length < PAGE) break
    last = data[data.length - 1]._id
  }
  return doc
}

/** Makes sure the unit's figures document exists (built from the stored tasks and sites if not). */
export async function ensureUnitCounts(db: Database, unitId: string, now: number): Promise<UnitCountsDoc> {
  const found = await findById<UnitCountsDoc>(db, I.unitCounts, unitId)
  if (found) return found
  const built = await buildUnitCounts(db, unitId, now)
  try {
    await db.collection(I.unitCounts).add({ data: { _id: unitId, ...built } })
  } catch {
    // built meanwhile by another reader or writer: theirs stands
    return (await findById<UnitCountsDoc>(db, I.unitCounts, unitId)) ?? { _id: unitId, ...built }
  }
  return { _id: unitId, ...built }
}

/** The four figures of a unit's list from its counters document; overdue is the histogram below now. */
export function countsView(doc: Pick<UnitCountsDoc, 'tasks' | 'material' | 'accepted' | 'pendingByDeadline'>, now: number): UnitTaskCounts {
  let overdue = 0
  for (const [deadline, n] of Object.entries(doc.pendingByDeadline)) if (Number(deadline) < now) overdue += n
  return { total: doc.tasks, overdue, needsEvidence: doc.material - doc.accepted, accepted: doc.accepted }
}

/** A unit's four figures: one key lookup. */
export async function taskCounts(db: Database, unitId: string, now: number): Promise<UnitTaskCounts> {
  return countsView(await ensureUnitCounts(db, unitId, now), now)
}

/** Writes a task and moves its share of the unit's figures in one transaction, from the fresh stored task. */
async function writeTask(db: Database, id: string, unitId: string, next: (current: TaskDoc | null) => TaskDoc | null, now: number): Promise<void> {
  await ensureUnitCounts(db, unitId, now)
  await db.runTransaction(async (tx) => {
    const ref = tx.collection(I.tasks).doc(id)
    const stored = (await ref.get().catch(() => null))?.data as unknown as TaskDoc | undefined
    const current = stored ? { ...stored, _id: id } : null
    const after = next(current)
    if (!after) return
    await ref.set({ data: withoutId(after) })
    await moveTaskShare(tx, unitId, current, after, now)
  })
}

export function standardView(doc: StandardDoc, types: Map<string, string>, units: Map<string, string>): StandardView {
  const ref = (id: string): UnitRef => ({ unitId: id, name: units.get(id) ?? '（已撤销的单位）' })
  return {
    standardId: doc._id,
    number: doc.number,
    project: doc.project,
    content: doc.content,
    text: doc.text,
    methods: doc.methods,
    evidence: doc.evidence,
    siteTypes: doc.siteTypeIds.map((typeId) => ({ typeId, name: types.get(typeId) ?? typeId })),
    lead: doc.leadUnitId ? ref(doc.leadUnitId) : null,
    supports: doc.supportUnitIds.map(ref),
    deadline: doc.deadline,
    status: doc.status,
    updatedAt: doc.updatedAt,
  }
}

async function standardViews(ctx: Platform, docs: StandardDoc[]): Promise<StandardView[]> {
  const types = await siteTypeNames(ctx.db)
  const units = await namesOf(ctx, 'report_units', docs.flatMap((d) => [d.leadUnitId, ...d.supportUnitIds]))
  return docs.map((d) => standardView(d, types, units))
}

/** `doc(id).set()` takes the fields; the id is the reference's. */
export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id, ...rest } = doc
  void _id
  return rest
}

// ---- city totals ----

const ZERO_TOTALS: Omit<TotalsDoc, '_id'> = { standards: 0, assigned: 0, sites: 0, openOrders: 0, evidenceWaiting: 0 }

/**
 * Applies `data` (increments or set fields) to the city totals, creating the document on first
 * touch; other fields (sites, openOrders) are other code's and are never overwritten here.
 */
export async function updateTotals(db: Database, data: Record<string, unknown>): Promise<void> {
  const ref = db.collection(I.totals).doc('city')
  const { stats } = await ref.update({ data })
  if (stats.updated > 0) return
  try {
    await db.collection(I.totals).add({ data: { _id: 'city', ...ZERO_TOTALS } })
  } catch {
    // created meanwhile by another write: fine, the update below lands on it
  }
  await ref.update({ data })
}

/** standards and assigned, counted from the catalogue's indexes after an import or an assignment. */
async function recountStandards(db: Database): Promise<void> {
  const standards = db.collection(I.standards)
  const [{ total }, { total: unassigned }] = await Promise.all([
    standards.where({ status: 'active' }).count(),
    standards.where({ status: 'active', leadUnitId: null }).count(),
  ])
  await updateTotals(db, { standards: total, assigned: total - unassigned })
}

// ---- assignment: the tasks of one standard ----

/**
 * Makes the standard's tasks match its lead and supports: tasks of units on it are created or
 * brought up to date (a unit re-added gets its old task back, evidence and status with it), tasks
 * of units no longer on it are withdrawn. Evidence is never touched. `existing` are the standard's
 * task documents when the caller already read them.
 */
async function syncTasks(db: Database, std: StandardDoc, now: number, existing?: TaskDoc[]): Promise<void> {
  const current = existing ?? ((await db.collection(I.tasks).where({ standardId: std._id }).limit(PAGE).get()).data as unknown as TaskDoc[])
  const wanted = new Map<string, TaskDoc['role']>()
  if (std.status === 'active' && std.leadUnitId) {
    wanted.set(std.leadUnitId, 'lead')
    for (const u of std.supportUnitIds) if (!wanted.has(u)) wanted.set(u, 'support')
  }
  const needsMaterial = std.methods.includes('material')
  const byUnit = new Map(current.map((t) => [t.unitId, t]))
  for (const [unitId, role] of wanted) {
    const task = byUnit.get(unitId)
    if (!task) {
      const fresh: TaskDoc = {
        _id: taskIdOf(std._id, unitId),
        standardId: std._id,
        unitId,
        role,
        deadline: std.deadline,
        needsMaterial,
        evidenceStatus: 'none',
        returnReason: null,
        status: 'active',
        sortKey: std.sortKey,
        updatedAt: now,
      }
      // created meanwhile (a second assignment at once): brought up to date like any stored task
      await writeTask(db, fresh._id, unitId, (stored) => (stored ? { ...stored, role, deadline: std.deadline, needsMaterial, status: 'active', sortKey: std.sortKey, updatedAt: now } : fresh), now)
      continue
    }
    if (task.role !== role || task.deadline !== std.deadline || task.needsMaterial !== needsMaterial || task.status !== 'active' || task.sortKey !== std.sortKey) {
      await writeTask(db, task._id, unitId, (stored) => (stored ? { ...stored, role, deadline: std.deadline, needsMaterial, status: 'active', sortKey: std.sortKey, updatedAt: now } : null), now)
    }
  }
  for (const task of current) {
    if (!wanted.has(task.unitId) && task.status === 'active') {
      await writeTask(db, task._id, task.unitId, (stored) => (stored && stored.status === 'active' ? { ...stored, status: 'withdrawn', updatedAt: now } : null), now)
    }
  }
}

/** Tasks of many standards at once (`_.in` on by_standard), grouped by standard. */
async function tasksOf(db: Database, standardIds: string[]): Promise<Map<string, TaskDoc[]>> {
  const _ = db.command
  const out = new Map<string, TaskDoc[]>(standardIds.map((id) => [id, []]))
  // a standard has at most 31 units: 3 per batch stays within one page of 100
  for (let i = 0; i < standardIds.length; i += 3) {
    const ids = standardIds.slice(i, i + 3)
    for (let last: string | null = null; ; ) {
      const { data }: { data: StoredDoc[] } = await db
        .collection(I.tasks)
        .where(last === null ? { standardId: _.in(ids) } : { standardId: _.in(ids), _id: _.gt(last) })
        .orderBy('_id', 'asc')
        .limit(PAGE)
        .get()
      for (const t of data as unknown as TaskDoc[]) out.get(t.standardId)?.push(t)
      if (data.length < PAGE) break
      last = data[data.length - 1]._id
    }
  }
  return out
}

// ---- checklists ----

const bySortKey = (a: Pick<StandardDoc, 'sortKey' | '_id'>, b: Pick<StandardDoc, 'sortKey' | '_id'>) =>
  a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a._id < b._id ? -1 : a._id > b._id ? 1 : 0

/** Each type's checklist from a whole catalogue: the active standards naming it, in catalogue order. */
export function checklistsOf(catalogue: readonly StandardDoc[]): Map<string, ChecklistEntry[]> {
  const out = new Map<string, ChecklistEntry[]>()
  for (const d of [...catalogue].filter((x) => x.status === 'active').sort(bySortKey)) {
    for (const typeId of d.siteTypeIds) {
      const list = out.get(typeId) ?? []
      list.push({ _id: d._id, number: d.number, content: d.content, text: d.text })
      out.set(typeId, list)
    }
  }
  return out
}

/** Rewrites the checklist document and size of every type whose checklist differs from what is stored. */
async function writeChecklists(db: Database, types: SiteTypeDoc[], catalogue: readonly StandardDoc[], now: number): Promise<void> {
  const lists = checklistsOf(catalogue)
  const stored = await byIds<ChecklistDoc>(db, I.checklists, types.map((t) => t._id))
  for (const t of types) {
    const items = lists.get(t._id) ?? []
    const before = stored.get(t._id)
    if (!before || JSON.stringify(before.items) !== JSON.stringify(items)) {
      const doc: Omit<ChecklistDoc, '_id'> = { items, updatedAt: now }
      await db.collection(I.checklists).doc(t._id).set({ data: doc })
    }
    if (t.checklistSize !== items.length) await db.collection(I.siteTypes).doc(t._id).update({ data: { checklistSize: items.length } })
  }
}

// ---- the sheet ----

interface SheetStandard {
  row: number
  number: string
  project: string
  content: string
  text: string
  methods: AssessmentMethod[]
  evidence: string
  siteTypeIds: string[]
  /** null: the sheet leaves the assignment to the 任务分解 screen (what is stored stays) */
  assignment: { leadUnitId: string; supportUnitIds: string[]; deadline: number | null } | null
}

const METHOD_BY_LABEL = new Map<string, AssessmentMethod>(ASSESSMENT_METHODS.map((m) => [METHOD_LABEL[m], m]))
const listOf = (cell: string | undefined) => (cell ?? '').split(LIST_SEPARATORS).filter(Boolean)

/** YYYY-MM-DD (or with / or .) or an Excel date serial → the last millisecond of that Beijing day. */
export function deadlineOf(cell: string): number | null {
  let y: number, m: number, d: number
  const ymd = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cell)
  if (ymd) {
    ;[y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])]
  } else if (/^\d{4,6}(\.\d+)?$/.test(cell)) {
    const date = new Date(EXCEL_EPOCH + Math.floor(Number(cell)) * DAY)
    ;[y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
  } else {
    return null
  }
  const start = Date.UTC(y, m - 1, d)
  const check = new Date(start)
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d || y < 2000 || y > 2100) return null
  return start - BEIJING + DAY - 1
}

interface Lookups {
  typeIdByName: Map<string, string>
  unitIdByName: Map<string, string>
}

/** Every row checked; a row's problems joined into one message. */
function parseSheet(sheet: SheetData, lookups: Lookups): { standards: SheetStandard[]; issues: Array<{ path: string; message: string }> } {
  const col = STANDARD_COLUMNS
  const issues: Array<{ path: string; message: string }> = []
  const seen = new Map<string, number>()
  const standards: SheetStandard[] = []
  for (const { row, cells } of sheet.rows) {
    const problems: string[] = []
    const cell = (c: StandardColumn) => cells[col[c]] ?? ''
    for (const c of REQUIRED_STANDARD_COLUMNS) if (!cell(c)) problems.push(`缺少${col[c]}`)
    for (const [c, max] of Object.entries(MAX_LENGTH) as Array<[StandardColumn, number]>) {
      if (cell(c).length > max) problems.push(`${col[c]}超过 ${max} 字`)
    }
    const number = cell('number')
    if (number) {
      const first = seen.get(number)
      if (first !== undefined) problems.push(`编号「${number}」与第${first}行重复`)
      else seen.set(number, row)
    }
    const methods: AssessmentMethod[] = []
    for (const label of listOf(cell('methods'))) {
      const m = METHOD_BY_LABEL.get(label)
      if (!m) problems.push(`测评方法「${label}」不认识（可填：${ASSESSMENT_METHODS.map((x) => METHOD_LABEL[x]).join('、')}）`)
      else if (!methods.includes(m)) methods.push(m)
    }
    const siteTypeIds: string[] = []
    for (const name of listOf(cell('siteTypes'))) {
      const id = lookups.typeIdByName.get(name)
      if (!id) problems.push(`点位类型「${name}」不存在`)
      else if (!siteTypeIds.includes(id)) siteTypeIds.push(id)
    }
    const unitOf = (name: string) => {
      const id = lookups.unitIdByName.get(name)
      if (!id) problems.push(`责任单位「${name}」不存在`)
      return id
    }
    const leadName = cell('lead')
    const supportNames = listOf(cell('support'))
    const deadlineCell = cell('deadline')
    let assignment: SheetStandard['assignment'] = null
    if (leadName) {
      const leadUnitId = unitOf(leadName)
      const supportUnitIds: string[] = []
      for (const name of supportNames) {
        const id = unitOf(name)
        if (id && id === leadUnitId) problems.push(`「${name}」既是牵头单位又是配合单位`)
        else if (id && !supportUnitIds.includes(id)) supportUnitIds.push(id)
      }
      let deadline: number | null = null
      if (deadlineCell) {
        deadline = deadlineOf(deadlineCell)
        if (deadline === null) problems.push(`完成时限「${deadlineCell}」不是日期（如 2027-06-30）`)
      }
      if (leadUnitId) assignment = { leadUnitId, supportUnitIds, deadline }
    } else if (supportNames.length > 0 || deadlineCell) {
      problems.push('填了配合单位或完成时限，须同时填牵头单位')
    }
    if (problems.length > 0) {
      issues.push({ path: `第${row}行`, message: problems.join('；') })
      continue
    }
    standards.push({
      row,
      number,
      project: cell('project'),
      content: cell('content'),
      text: cell('text'),
      methods,
      evidence: cell('evidence'),
      siteTypeIds,
      assignment,
    })
  }
  return { standards, issues }
}

function invalid(issues: Array<{ path: string; message: string }>): Fail {
  const shown = issues.slice(0, ISSUES_IN_MESSAGE).map((i) => `${i.path}：${i.message}`)
  const more = issues.length > ISSUES_IN_MESSAGE ? `；另有 ${issues.length - ISSUES_IN_MESSAGE} 处` : ''
  return fail('INSPECT.SHEET_INVALID', `${INSPECT_ERRORS['INSPECT.SHEET_INVALID']}：${shown.join('；')}${more}`, issues)
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** The column headers whose values differ between what is stored and what the sheet says. */
function changedFields(before: StandardDoc, after: StandardDoc): string[] {
  const col = STANDARD_COLUMNS
  const fields: string[] = []
  if (before.project !== after.project) fields.push(col.project)
  if (before.content !== after.content) fields.push(col.content)
  if (before.text !== after.text) fields.push(col.text)
  if (!sameList(before.methods, after.methods)) fields.push(col.methods)
  if (before.evidence !== after.evidence) fields.push(col.evidence)
  if (!sameList(before.siteTypeIds, after.siteTypeIds)) fields.push(col.siteTypes)
  if (before.leadUnitId !== after.leadUnitId) fields.push(col.lead)
  if (!sameList(before.supportUnitIds, after.supportUnitIds)) fields.push(col.support)
  if (before.deadline !== after.deadline) fields.push(col.deadline)
  if (before.status !== after.status) fields.push('状态')
  return fields
}

/**
 * The import itself, from rows already read (a sheet, or the demo's own rows): checks every row
 * before anything is written; then updates the catalogue in place by number, withdraws what the
 * sheet no longer has, brings the tasks of every changed standard in line, and keeps the totals
 * and each site type's checklist size.
 */
export async function importRows(ctx: Platform, sheet: SheetData, options: { dryRun: boolean }): Promise<StandardImportView | Fail> {
  const missing = REQUIRED_STANDARD_COLUMNS.filter((c) => !sheet.headers.includes(STANDARD_COLUMNS[c]))
  if (missing.length > 0) {
    return invalid(missing.map((c) => ({ path: '表头', message: `缺少「${STANDARD_COLUMNS[c]}」列` })))
  }
  if (sheet.rows.length === 0) return invalid([{ path: '表格', message: '没有任何测评标准' }])
  if (sheet.rows.length > INSPECT_LIMITS.standardsPerSheet) {
    return invalid([{ path: '表格', message: `一张表最多 ${INSPECT_LIMITS.standardsPerSheet} 条测评标准` }])
  }
  const db = ctx.db
  const [types, units] = await Promise.all([readAll<SiteTypeDoc>(db, I.siteTypes), readAll<{ _id: string; name: string }>(db, 'report_units')])
  const lookups: Lookups = {
    typeIdByName: new Map(types.map((t) => [t.name, t._id])),
    unitIdByName: new Map(units.map((u) => [String(u.name), u._id])),
  }
  const { standards: rows, issues } = parseSheet(sheet, lookups)
  if (issues.length > 0) return invalid(issues)

  const now = ctx.clock.now()
  const catalogue = new Map((await readAll<StandardDoc>(db, I.standards)).map((d) => [d._id, d]))
  const inSheet = new Set<string>()
  const added: string[] = []
  const changed: ImportChange[] = []
  let unchanged = 0
  const writes: StandardDoc[] = []
  for (const r of rows) {
    const id = standardIdOf(r.number)
    inSheet.add(id)
    const before = catalogue.get(id)
    const next: StandardDoc = {
      _id: id,
      number: r.number,
      sortKey: sortKeyOf(r.number),
      project: r.project,
      content: r.content,
      text: r.text,
      methods: r.methods,
      evidence: r.evidence,
      siteTypeIds: r.siteTypeIds,
      leadUnitId: r.assignment ? r.assignment.leadUnitId : before?.leadUnitId ?? null,
      supportUnitIds: r.assignment ? r.assignment.supportUnitIds : before?.supportUnitIds ?? [],
      deadline: r.assignment ? r.assignment.deadline : before?.deadline ?? null,
      status: 'active',
      importedAt: before?.importedAt ?? now,
      updatedAt: now,
    }
    if (!before || before.status === 'withdrawn') {
      added.push(r.number)
      writes.push(next)
      continue
    }
    const fields = changedFields(before, next)
    if (fields.length === 0) {
      unchanged++
      continue
    }
    changed.push({ number: r.number, fields })
    writes.push(next)
  }
  const withdrawing = [...catalogue.values()].filter((d) => d.status === 'active' && !inSheet.has(d._id))
  const withdrawn = withdrawing.map((d) => d.number)
  const view: StandardImportView = { applied: !options.dryRun, added, changed, unchanged, withdrawn, rows: sheet.rows.length }
  if (options.dryRun) return view

  const touched = [...writes, ...withdrawing.map((d): StandardDoc => ({ ...d, status: 'withdrawn', updatedAt: now }))]
  const tasks = await tasksOf(db, touched.map((d) => d._id))
  for (const doc of touched) {
    await db.collection(I.standards).doc(doc._id).set({ data: withoutId(doc) })
    await syncTasks(db, doc, now, tasks.get(doc._id))
    catalogue.set(doc._id, doc)
  }
  // each type's checklist (and its size) from the catalogue as it now stands, in memory: it was
  // read whole above. Also after an import that changed nothing, so a catalogue stored before the
  // checklists were kept gets them on its next import (the demo seed re-imports on every start).
  await writeChecklists(db, types, [...catalogue.values()], now)
  if (touched.length > 0) await recountStandards(db)
  return view
}

// ---- actions ----

export async function importStandards(input: In<'importStandards'>, ctx: ActionContext): Out<'importStandards'> {
  // the office's own sheets: an upload it reserved in `sheets/`, or a template the product wrote there
  if (!(storagePath(input.fileId) ?? '').startsWith('sheets/')) return inspectFail('INSPECT.FILE_NOT_YOURS')
  let bytes: Buffer
  try {
    bytes = (await ctx.storage.downloadFile({ fileID: input.fileId })).fileContent
  } catch {
    return inspectFail('INSPECT.FILE_NOT_YOURS')
  }
  if (bytes.length > INSPECT_LIMITS.sheetMaxBytes) return inspectFail('INSPECT.SHEET_UNREADABLE', '表格超过 5 MB，请拆分后分别导入')
  const sheet = readSheet(bytes, { maxRows: INSPECT_LIMITS.standardsPerSheet })
  if (!sheet) return inspectFail('INSPECT.SHEET_UNREADABLE')
  const result = await importRows(ctx, sheet, { dryRun: input.dryRun === true })
  if ('ok' in result) return result
  if (result.applied) {
    await writeAudit(ctx, {
      subjectType: 'inspect_standards',
      subjectId: 'catalogue',
      action: 'importStandards',
      detail: { rows: result.rows, added: result.added.length, changed: result.changed.length, unchanged: result.unchanged, withdrawn: result.withdrawn.length },
    })
  }
  return result
}

/** A page of the catalogue by number; by unit through its tasks, or the standards with no lead yet. */
export async function standards(input: In<'standards'>, ctx: ActionContext): Out<'standards'> {
  const _ = ctx.db.command
  const size = INSPECT_LIMITS.pageSize
  const after = input.cursor ? { sortKey: _.gt(input.cursor) } : {}
  let docs: StandardDoc[]
  if (input.standardId) {
    // the 任务分解 screen opened by a link: that one standard, or kindly nothing
    const one = await findById<StandardDoc>(ctx.db, I.standards, input.standardId)
    if (!one || one.status !== 'active') return inspectFail('INSPECT.STANDARD_NOT_FOUND')
    docs = [one]
  } else if (input.unitId) {
    const { data } = await ctx.db
      .collection(I.tasks)
      .where({ unitId: input.unitId, status: 'active', ...after })
      .orderBy('sortKey', 'asc')
      .limit(size + 1)
      .get()
    const tasks = data as unknown as TaskDoc[]
    const found = await byIds<StandardDoc>(ctx.db, I.standards, tasks.map((t) => t.standardId))
    docs = tasks.map((t) => found.get(t.standardId)).filter((d): d is StandardDoc => !!d)
  } else {
    const where = input.unassigned ? { status: 'active', leadUnitId: null, ...after } : { status: 'active', ...after }
    const { data } = await ctx.db.collection(I.standards).where(where).orderBy('sortKey', 'asc').limit(size + 1).get()
    docs = data as unknown as StandardDoc[]
  }
  const page = docs.slice(0, size)
  const totals = await findById<TotalsDoc>(ctx.db, I.totals, 'city')
  return {
    items: await standardViews(ctx, page),
    nextCursor: docs.length > size ? page[page.length - 1].sortKey : null,
    total: totals?.standards ?? 0,
    assigned: totals?.assigned ?? 0,
  }
}

export async function assign(input: In<'assign'>, ctx: ActionContext): Out<'assign'> {
  const doc = await findById<StandardDoc>(ctx.db, I.standards, input.standardId)
  if (!doc || doc.status !== 'active') return inspectFail('INSPECT.STANDARD_NOT_FOUND')
  const supportUnitIds = [...new Set(input.supportUnitIds)]
  if (supportUnitIds.includes(input.leadUnitId)) return inspectFail('INSPECT.LEAD_IN_SUPPORTS')
  const units = await byIds(ctx.db, 'report_units', [input.leadUnitId, ...supportUnitIds])
  if (!units.has(input.leadUnitId) || supportUnitIds.some((u) => !units.has(u))) return inspectFail('INSPECT.UNIT_NOT_FOUND')
  const now = ctx.clock.now()
  const next: StandardDoc = { ...doc, leadUnitId: input.leadUnitId, supportUnitIds, deadline: input.deadline, updatedAt: now }
  await ctx.db.collection(I.standards).doc(doc._id).update({ data: { leadUnitId: next.leadUnitId, supportUnitIds: ctx.db.command.set(supportUnitIds), deadline: next.deadline, updatedAt: now } })
  await syncTasks(ctx.db, next, now)
  if (doc.leadUnitId === null) await recountStandards(ctx.db)
  await writeAudit(ctx, {
    subjectType: 'inspect_standards',
    subjectId: doc._id,
    action: 'assignStandard',
    detail: { number: doc.number, leadUnitId: input.leadUnitId, supportUnitIds: supportUnitIds.join(','), deadline: input.deadline },
  })
  return (await standardViews(ctx, [next]))[0]
}

/**
 * Every unit with its list's figures, its open 督办单 and how many 联络员 it has named: the units
 * (a page or two), their counters documents (one `_.in` per hundred) and the city's liaison grants
 * (by_role_scope, a few pages) — the same handful of queries for 10 units or 1,000.
 */
export async function units(_input: In<'units'>, ctx: ActionContext): Out<'units'> {
  const db = ctx.db
  const _ = db.command
  const now = ctx.clock.now()
  const all = await readAll<{ _id: string; name: string }>(db, 'report_units')
  const counters = await byIds<UnitCountsDoc>(db, I.unitCounts, all.map((u) => u._id))
  const liaisons = new Map<string, number>()
  for (let last: { scopeId: string; _id: string } | null = null; ; ) {
    const where: QueryCondition = last === null ? { role: 'liaison' } : _.and([{ role: 'liaison' }, _.or([{ scopeId: _.gt(last.scopeId) }, { scopeId: last.scopeId, _id: _.gt(last._id) }])])
    const { data }: { data: StoredDoc[] } = await db.collection('role_grants').where(where).orderBy('scopeId', 'asc').orderBy('_id', 'asc').field({ scopeId: true }).limit(PAGE).get()
    for (const g of data) liaisons.set(String(g.scopeId), (liaisons.get(String(g.scopeId)) ?? 0) + 1)
    if (data.length < PAGE) break
    last = { scopeId: String(data[data.length - 1].scopeId), _id: data[data.length - 1]._id }
  }
  const out: InspectUnitView[] = []
  for (const unit of all) {
    // a unit never written to since the counters were kept is built once, here
    const doc = counters.get(unit._id) ?? (await ensureUnitCounts(db, unit._id, now))
    out.push({ unitId: unit._id, name: String(unit.name), counts: countsView(doc, now), openOrders: doc.openOrders, liaisons: liaisons.get(unit._id) ?? 0 })
  }
  return out
}

/** The demo city's standards as sheet cells (the seed and the downloadable sheet share them). */
export function demoSheetRows(): Array<Array<string>> {
  const keys = Object.keys(STANDARD_COLUMNS) as StandardColumn[]
  return [keys.map((k) => STANDARD_COLUMNS[k]), ...DEMO_STANDARDS.map((s) => keys.map((k) => s[k] ?? ''))]
}

export function demoSheet(): SheetData {
  const [headers, ...rows] = demoSheetRows()
  return {
    headers,
    rows: rows.map((cells, i) => ({ row: i + 2, cells: Object.fromEntries(headers.map((h, c) => [h, cells[c]]).filter(([, v]) => v)) })),
  }
}

function sitesTemplateRows(): Array<Array<string | number>> {
  const keys = Object.keys(SITE_COLUMNS) as Array<keyof typeof SITE_COLUMNS>
  const example = (o: Record<keyof typeof SITE_COLUMNS, string | number>) => keys.map((k) => o[k])
  return [
    keys.map((k) => SITE_COLUMNS[k]),
    example({ name: '文明路（人民路至解放路段）', type: '主次干道', address: '示范市东城街道文明路', lat: DEMO_POINT.lat, lng: DEMO_POINT.lng, unit: DEMO_UNITS[0].name, pair: DEMO_UNITS[6].name, contactName: '李明', contactPhone: '0571-8800-1234' }),
    example({ name: '幸福农贸市场', type: '农贸市场', address: '示范市东城街道幸福路 18 号', lat: DEMO_POINT.lat + 0.001, lng: DEMO_POINT.lng + 0.001, unit: DEMO_UNITS[2].name, pair: DEMO_UNITS[6].name, contactName: '王芳', contactPhone: '13800138000' }),
  ]
}

/** Writes the sheet to storage and hands back a temporary link, as the survey export does. */
export async function sheetTemplate(input: In<'sheetTemplate'>, ctx: ActionContext): Out<'sheetTemplate'> {
  const [name, sheetName, rows] =
    input.kind === 'standards'
      ? ['测评标准表（示范市）.xlsx', '测评标准', demoSheetRows()]
      : ['点位信息表（模板）.xlsx', '点位信息表', sitesTemplateRows()]
  // one file per kind, rewritten on each download: the templates do not pile up in storage
  const { fileID } = await ctx.storage.uploadFile({ cloudPath: `sheets/templates/${input.kind}.xlsx`, fileContent: xlsxBuffer([{ name: sheetName, rows }]) })
  const { fileList } = await ctx.storage.getTempFileURL({ fileList: [fileID] })
  return { name, url: fileList[0]?.tempFileURL ?? '', fileId: fileID }
}
