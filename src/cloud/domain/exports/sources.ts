import { EXPORT_LIMITS, type ReportsFilter } from '@/shared/contract/exports'
import { QUIZ_TOPIC_LABEL, type QuizMode, type QuizTopic } from '@/shared/contract/quiz'
import type { ActivityType } from '@/shared/contract/volunteer'
import { statusLabel } from '@/shared/report'
import type { QueryCommand, QueryCondition } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import type { AttemptDoc } from '../quiz/docs'
import { namesOf } from '../report/city'
import type { ReportDoc } from '../report/types'
import { categoryNames } from '../report/category-overrides'
import { categoryName, ticketOf, toLedgerItems } from '../report/views'
import { ID_TYPE_LABEL } from '../volunteer/identity'
import { C, findMany, type ActivityDoc, type ProfileDoc, type ShiftDoc, type SignupDoc } from '../volunteer/model'
import { shanghaiDateTime, shanghaiDay } from '../volunteer/time'
import type { Cell, ExportJobDoc } from './model'

/**
 * What each kind of export reads: its header, how many rows the count at start expects, and one
 * page of 100 rows after a cursor. Every page is one indexed query (plus the names it needs), so
 * a step's cost is its chunk, never the collection.
 */
export interface ExportSource {
  sheetName: string
  header: readonly string[]
  count(ctx: ActionContext): Promise<number>
  page(ctx: ActionContext, cursor: string | null): Promise<{ rows: Cell[][]; next: string | null }>
}

const PAGE = EXPORT_LIMITS.pageSize
const dateTime = (ms: number | null | undefined) => (ms ? shanghaiDateTime(ms) : '')
const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10

// ---- 督查台账: open reports whose step was past due at the job's start, the longest overdue first
const LEDGER_HEADER = ['编号', '举报编号', '类别', '状态', '当前责任方', '网格', '提交时间', '本环节时限', '超期（小时）', '退回次数', '重办次数', '维持办结次数'] as const

function ledgerSource(job: ExportJobDoc): ExportSource {
  // the ledger at one instant: a report that falls overdue during the export is not half in it
  const query = (ctx: ActionContext) => ({ where: { open: true }, range: ctx.db.command.lt(job.asOf) })
  return {
    sheetName: '督查台账',
    header: LEDGER_HEADER,
    async count(ctx) {
      const q = query(ctx)
      return (await ctx.db.collection('reports').where({ ...q.where, dueAt: q.range }).count()).total
    },
    async page(ctx, cursor) {
      const q = query(ctx)
      const page = await keysetPage100<ReportDoc>(ctx, { collection: 'reports', ...q, field: 'dueAt', order: 'asc' }, cursor)
      const items = await toLedgerItems(page.docs, ctx, job.asOf)
      const rows = items.map((i): Cell[] => [
        i.ticketNo,
        i.id,
        i.categoryName,
        i.statusLabel,
        i.holderName,
        i.gridName,
        dateTime(i.createdAt),
        dateTime(i.dueAt),
        hours(i.overdueMs),
        i.returnCount,
        i.reopenCount,
        i.keptClosedCount,
      ])
      return { rows, next: page.next }
    },
  }
}

// ---- 随手拍列表 (filtered). No reporter identity, no phone: the list is about the city, not people.
const REPORTS_HEADER = [
  '编号',
  '举报编号',
  '类别',
  '状态',
  '网格',
  '责任单位',
  '地址',
  '问题描述',
  '提交时间',
  '当前时限',
  '是否超期',
  '办结时间',
  '评价（星）',
  '退回次数',
  '重办次数',
  '来源',
] as const

/**
 * The query over `reports` for a filter, on the `by_kind_*_created` indexes (kind, then status or
 * category, then createdAt): `unitId`, and the second of status + category, narrow the rows of that
 * index walk rather than lead it — there is no unit × createdAt index on reports.
 */
function reportsQuery(ctx: ActionContext, filter: ReportsFilter): { where: Record<string, unknown>; range?: QueryCommand } {
  const _ = ctx.db.command
  const where: Record<string, unknown> = { kind: 'report' }
  if (filter.status) where.status = filter.status
  if (filter.categoryId) where.categoryId = filter.categoryId
  if (filter.unitId) where.unitId = filter.unitId
  const range =
    filter.from !== undefined && filter.to !== undefined
      ? _.gte(filter.from).and(_.lt(filter.to))
      : filter.from !== undefined
        ? _.gte(filter.from)
        : filter.to !== undefined
          ? _.lt(filter.to)
          : undefined
  return { where, range }
}

function reportsSource(job: ExportJobDoc): ExportSource {
  const filter = job.filter ?? {}
  return {
    sheetName: '随手拍列表',
    header: REPORTS_HEADER,
    async count(ctx) {
      const q = reportsQuery(ctx, filter)
      return (await ctx.db.collection('reports').where(q.range ? { ...q.where, createdAt: q.range } : q.where).count()).total
    },
    async page(ctx, cursor) {
      const q = reportsQuery(ctx, filter)
      const page = await keysetPage100<ReportDoc>(ctx, { collection: 'reports', ...q, field: 'createdAt', order: 'desc' }, cursor)
      const grids = await namesOf(ctx, 'report_grids', page.docs.map((r) => r.gridId))
      const units = await namesOf(ctx, 'report_units', page.docs.map((r) => r.unitId))
      const names = await categoryNames(ctx)
      const rows = page.docs.map((r): Cell[] => [
        ticketOf(r),
        r._id,
        categoryName(r.categoryId, names),
        statusLabel(r.status, r.kind),
        grids.get(r.gridId) ?? '',
        r.unitId ? units.get(r.unitId) ?? '' : '',
        r.location.address,
        // text the content check held back is shown to its reporter only, so not in a file either
        r.descriptionCheck.pass ? r.description : '（未通过内容安全检测）',
        dateTime(r.createdAt),
        dateTime(r.dueAt),
        r.open && r.dueAt !== null && r.dueAt < job.asOf ? '是' : '否',
        dateTime(r.resolvedAt),
        r.rating ? r.rating.score : '',
        r.returnCount,
        r.reopenCount,
        r.source ? `合作方：${r.source.partner}` : '居民',
      ])
      return { rows, next: page.next }
    },
  }
}

// ---- 志愿服务记录: confirmed service records with the national record's fields
/**
 * The volunteer's real name and full document number are in this file on purpose: the office
 * files these records with the national volunteer information system (全国志愿服务信息系统),
 * which identifies a volunteer by them — a masked number cannot be imported. Only the office
 * (admin) may run it, and every run is audited.
 */
const VOLUNTEER_HEADER = [
  '记录编号',
  '志愿者姓名',
  '证件类型',
  '证件号码',
  '联系电话',
  '志愿服务活动名称',
  '服务类别',
  '服务地点',
  '志愿服务组织',
  '服务日期',
  '服务开始时间',
  '服务结束时间',
  '服务时长（小时）',
  '服务时长（分钟）',
  '确认时间',
] as const

const ACTIVITY_TYPE_LABEL: Record<ActivityType, string> = {
  traffic: '文明交通',
  tourism: '文明旅游',
  community: '文明社区',
  integrity: '诚信建设',
  environment: '环境整治',
}

/**
 * Keyset pages of exactly 100 over (field, _id), after the cursor `<value>~<_id>`. Not report/paging's
 * keysetPage: that one reads pageSize + 1 rows to know whether a next page exists, and the database
 * caps a read at 100, so its pages of 100 never have a next. Here a full page simply has a next
 * (at worst the last one is empty). Rows added meanwhile neither repeat nor shift the rest.
 */
async function keysetPage100<T extends { _id: string }>(
  ctx: ActionContext,
  q: { collection: string; where: Record<string, unknown>; range?: QueryCommand; field: string; order: 'asc' | 'desc' },
  cursor: string | null,
): Promise<{ docs: T[]; next: string | null }> {
  const _ = ctx.db.command
  const collection = ctx.db.collection(q.collection)
  const docs: StoredRow[] = []
  let after: Record<string, unknown> = q.range ? { [q.field]: q.range } : {}
  if (cursor) {
    const at = cursor.indexOf('~')
    const value = Number(cursor.slice(0, at))
    const id = cursor.slice(at + 1)
    const { data: ties } = await collection.where({ ...q.where, [q.field]: value, _id: _.gt(id) }).orderBy('_id', 'asc').limit(PAGE).get()
    docs.push(...ties)
    const beyond = q.order === 'asc' ? _.gt(value) : _.lt(value)
    after = { [q.field]: q.range ? q.range.and(beyond) : beyond }
  }
  if (docs.length < PAGE) {
    const { data } = await collection.where({ ...q.where, ...after }).orderBy(q.field, q.order).orderBy('_id', 'asc').limit(PAGE - docs.length).get()
    docs.push(...data)
  }
  const last = docs[docs.length - 1]
  return { docs: docs as unknown as T[], next: docs.length === PAGE && last ? `${Number(last[q.field])}~${last._id}` : null }
}

type StoredRow = { _id: string; [field: string]: unknown }

/** Pages by `_id` (the primary key) among the rows matching `where`. */
async function idPage<T extends { _id: string }>(ctx: ActionContext, collection: string, where: QueryCondition, cursor: string | null): Promise<{ docs: T[]; next: string | null }> {
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection(collection)
    .where(cursor ? { ...where, _id: _.gt(cursor) } : where)
    .orderBy('_id', 'asc')
    .limit(PAGE)
    .get()
  const docs = data as unknown as T[]
  const last = docs[docs.length - 1]
  return { docs, next: docs.length === PAGE && last ? last._id : null }
}

function volunteerSource(): ExportSource {
  const where = { state: 'confirmed' }
  return {
    sheetName: '志愿服务记录',
    header: VOLUNTEER_HEADER,
    async count(ctx) {
      return (await ctx.db.collection(C.signups).where(where).count()).total
    },
    async page(ctx, cursor) {
      const page = await idPage<SignupDoc>(ctx, C.signups, where, cursor)
      const shifts = await findMany<ShiftDoc>(ctx.db, C.shifts, page.docs.map((s) => s.shiftId))
      const activities = await findMany<ActivityDoc>(ctx.db, C.activities, page.docs.map((s) => s.activityId))
      const profiles = await findMany<ProfileDoc>(ctx.db, C.profiles, page.docs.map((s) => s.openid))
      const rows = page.docs.map((s): Cell[] => {
        const shift = shifts.get(s.shiftId)
        const activity = activities.get(s.activityId)
        const p = profiles.get(s.openid)
        return [
          s._id,
          p?.realName ?? '',
          p ? ID_TYPE_LABEL[p.idType] : '',
          p?.idNumber ?? '',
          p?.phone ?? '',
          activity?.title ?? '',
          activity ? ACTIVITY_TYPE_LABEL[activity.type] : '',
          activity ? `${activity.place.name} ${activity.place.address}` : '',
          activity?.teamName ?? '',
          shanghaiDay(shift?.startAt ?? s.startAt),
          dateTime(shift?.startAt ?? s.startAt),
          dateTime(shift?.endAt ?? s.endAt),
          (s.minutes / 60).toFixed(2),
          s.minutes,
          dateTime(s.confirmedAt),
        ]
      })
      return { rows, next: page.next }
    },
  }
}

// ---- 答题参与记录: submitted papers, without who took them (the office counts participation, it does not need names)
const QUIZ_HEADER = ['答卷编号', '日期', '模式', '专题', '题数', '答对', '正确率', '获得积分', '开始时间', '提交时间'] as const
const MODE_LABEL: Record<QuizMode, string> = { daily: '每日一练', practice: '专题练习', review: '错题复习' }

function quizSource(): ExportSource {
  const where = { status: 'submitted' }
  return {
    sheetName: '答题参与记录',
    header: QUIZ_HEADER,
    async count(ctx) {
      return (await ctx.db.collection('quiz_attempts').where(where).count()).total
    },
    async page(ctx, cursor) {
      const page = await idPage<AttemptDoc>(ctx, 'quiz_attempts', where, cursor)
      const rows = page.docs.map((a): Cell[] => {
        const total = a.items.length
        const correct = a.correct ?? 0
        return [
          a._id,
          a.day,
          MODE_LABEL[a.mode] ?? a.mode,
          a.topic ? QUIZ_TOPIC_LABEL[a.topic as QuizTopic] ?? a.topic : '综合',
          total,
          correct,
          total > 0 ? `${Math.round((correct / total) * 100)}%` : '',
          a.pointsAwarded ?? 0,
          dateTime(a.startedAt),
          dateTime(a.submittedAt),
        ]
      })
      return { rows, next: page.next }
    },
  }
}

export function sourceOf(job: ExportJobDoc): ExportSource {
  switch (job.kind) {
    case 'ledger':
      return ledgerSource(job)
    case 'reports':
      return reportsSource(job)
    case 'volunteer':
      return volunteerSource()
    case 'quiz':
      return quizSource()
  }
}
