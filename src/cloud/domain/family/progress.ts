import { PLEDGE_ITEMS, PLEDGE_VERSION, type FamilyTaskSpec, type FamilyView } from '@/shared/contract/family'
import type { Fail } from '@/shared/errors'
import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import type { AttemptDoc } from '../quiz/docs'
import type { UserDoc } from '../user/profile'
import { ownFamily } from './access'
import { moveMembership, moveWeek } from './counters'
import {
  addWeeks,
  completionId,
  F,
  familyFail,
  familyWeekId,
  WEEK_MS,
  weekOf,
  weekStartMs,
  type ClassDoc,
  type CompletionDoc,
  type FamilyDoc,
  type FamilyWeekDoc,
} from './model'
import { BADGES, buildFamilyView, chapterTitle, completionsOf, explainTopic, planOf } from './views'

interface Evidence {
  text: string
  score: number | null
}

type Window = { from: number; to: number }

/** 已读完: the parent's reading record of the chapter, completed, and read in this week. */
async function chapterEvidence(ctx: ActionContext, task: FamilyTaskSpec, window: Window): Promise<Evidence | null> {
  const progress = await findById<{ _id: string; completed: boolean; completedAt: number | null; updatedAt: number }>(
    ctx.db,
    'handbook_progress',
    `${ctx.caller.openid}__${task.ref}`,
  )
  if (!progress?.completed) return null
  const inWeek = (t: number | null) => t !== null && t >= window.from && t < window.to
  // a chapter finished earlier counts when the family went through it again this week
  if (!inWeek(progress.completedAt) && !inWeek(progress.updatedAt)) return null
  return { text: `已读完「${chapterTitle(task.ref)}」`, score: null }
}

/** 家庭答题: the parent's best submitted paper of the week. */
async function quizEvidence(ctx: ActionContext, window: Window): Promise<Evidence | null> {
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection('quiz_attempts')
    .where({ openid: ctx.caller.openid, status: 'submitted', submittedAt: _.gte(window.from).and(_.lt(window.to)) })
    .orderBy('submittedAt', 'desc')
    .limit(20)
    .get()
  const scores = (data as unknown as AttemptDoc[])
    .filter((a) => a.items.length > 0)
    .map((a) => Math.round(((a.correct ?? 0) / a.items.length) * 100))
  if (scores.length === 0) return null
  const best = Math.max(...scores)
  return { text: `答题 ${best} 分`, score: best }
}

/**
 * 亲子志愿服务: a confirmed service record of the parent on a shift marked 亲子 that started this
 * week. The child came along; only the parent is on the roster.
 */
async function shiftEvidence(ctx: ActionContext, window: Window): Promise<Evidence | null> {
  const _ = ctx.db.command
  const { data } = await ctx.db
    .collection('volunteer_signups')
    .where({ openid: ctx.caller.openid, state: 'confirmed', startAt: _.gte(window.from).and(_.lt(window.to)) })
    .orderBy('startAt', 'asc')
    .limit(20)
    .get()
  const records = data as unknown as Array<{ shiftId: string; minutes: number }>
  if (records.length === 0) return null
  const { data: shifts } = await ctx.db
    .collection('volunteer_shifts')
    .where({ _id: _.in([...new Set(records.map((r) => r.shiftId))]), family: true })
    .limit(20)
    .get()
  const familyShifts = new Set(shifts.map((s) => s._id))
  const minutes = records.filter((r) => familyShifts.has(r.shiftId)).reduce((sum, r) => sum + r.minutes, 0)
  if (familyShifts.size === 0) return null
  const hours = Math.round((minutes / 60) * 10) / 10
  return { text: `亲子志愿服务 ${hours} 小时（已确认）`, score: null }
}

const CONFIRMED_TEXT: Partial<Record<FamilyTaskSpec['kind'], (task: FamilyTaskSpec) => string>> = {
  explain: (task) => `家长已确认：孩子讲了「${explainTopic(task.ref)}」`,
  microAction: () => '家长已确认全家完成',
  receipt: () => '回执已交回',
  free: () => '家长已确认完成',
}

async function evidenceFor(
  ctx: ActionContext,
  family: FamilyDoc,
  task: FamilyTaskSpec,
  window: Window,
  confirm: boolean,
): Promise<Evidence | null> {
  switch (task.kind) {
    case 'chapter':
      return chapterEvidence(ctx, task, window)
    case 'quiz':
      return quizEvidence(ctx, window)
    case 'shift':
      return shiftEvidence(ctx, window)
    case 'pledge':
      // the task row already shows the day it was done; the evidence says what counted
      return family.pledge ? { text: '承诺书已签署', score: null } : null
    case 'explain':
    case 'microAction':
    case 'receipt':
    case 'free':
      return confirm ? { text: (CONFIRMED_TEXT[task.kind] ?? (() => '家长已确认完成'))(task), score: null } : null
  }
}

/**
 * Records one task of this week for the family, once: the completion's id is (family, week,
 * task), so a repeat finds it and changes nothing. The figures then move on write — the class's
 * and city's week, the 回执 and quiz average — and, when it was the week's last open task, the
 * week counts as done for the family's streak and badges.
 */
export async function complete(input: { familyId: string; taskId: string; confirm?: boolean }, ctx: ActionContext): Promise<FamilyView | Fail> {
  const found = await ownFamily(ctx, input.familyId)
  if ('ok' in found) return found
  const { family, cls } = found
  if (cls.status !== 'active' || family.status !== 'active') return familyFail(family.status === 'left' ? 'FAMILY.NOT_FOUND' : 'FAMILY.CLASS_ARCHIVED')
  const now = ctx.clock.now()
  const week = weekOf(now)
  const plan = await planOf(ctx, cls._id, week)
  const task = plan?.tasks.find((t) => t.id === input.taskId)
  if (!plan || !task) return familyFail('FAMILY.TASK_NOT_FOUND')
  const id = completionId(family._id, week, task.id)
  if (await findById(ctx.db, F.completions, id)) return buildFamilyView(ctx, family, cls)

  const from = weekStartMs(week)
  const evidence = await evidenceFor(ctx, family, task, { from, to: from + WEEK_MS }, input.confirm === true)
  if (!evidence) return familyFail('FAMILY.NOT_DONE_YET')
  const completion: CompletionDoc = {
    _id: id,
    familyId: family._id,
    classId: cls._id,
    week,
    taskId: task.id,
    kind: task.kind,
    evidence: evidence.text,
    score: evidence.score,
    at: now,
  }
  try {
    await ctx.db.collection(F.completions).add({ data: { ...completion } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    return buildFamilyView(ctx, family, cls)
  }
  await countCompletion(ctx, family, cls, completion)
  const completions = await completionsOf(ctx, family._id, week)
  const done = new Set(completions.map((c) => c.taskId))
  if (plan.tasks.every((t) => done.has(t.id))) await markWeekDone(ctx, family, cls, week)
  const stored = await findById<FamilyDoc>(ctx.db, F.families, family._id)
  return buildFamilyView(ctx, stored ?? family, cls)
}

async function countCompletion(ctx: ActionContext, family: FamilyDoc, cls: ClassDoc, completion: CompletionDoc): Promise<void> {
  const _ = ctx.db.command
  let firstThisWeek = false
  const weekDoc: FamilyWeekDoc = {
    _id: familyWeekId(family._id, completion.week),
    familyId: family._id,
    classId: cls._id,
    week: completion.week,
    completions: 1,
    done: false,
  }
  try {
    await ctx.db.collection(F.familyWeeks).add({ data: { ...weekDoc } })
    firstThisWeek = true
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    await ctx.db.collection(F.familyWeeks).doc(weekDoc._id).update({ data: { completions: _.inc(1) } })
  }
  await moveWeek(ctx, cls, completion.week, { completions: 1, families: firstThisWeek ? 1 : 0 })
  if (completion.kind === 'receipt') {
    const { stats } = await ctx.db.collection(F.families).where({ _id: family._id, receipt: false }).update({ data: { receipt: true } })
    if (stats.updated === 1) await moveMembership(ctx, cls, { receipts: 1 })
  }
  if (completion.score !== null) {
    await ctx.db.collection(F.classes).doc(cls._id).update({ data: { quizSum: _.inc(completion.score), quizCount: _.inc(1) } })
  }
}

/**
 * The week turns done once (a conditional update on the family's week), so the streak, the
 * badges and the families-done figures move exactly once however many requests race here.
 */
async function markWeekDone(ctx: ActionContext, family: FamilyDoc, cls: ClassDoc, week: string): Promise<void> {
  const { stats } = await ctx.db.collection(F.familyWeeks).where({ _id: familyWeekId(family._id, week), done: false }).update({ data: { done: true } })
  if (stats.updated !== 1) return
  await moveWeek(ctx, cls, week, { familiesDone: 1 })
  const current = (await findById<FamilyDoc>(ctx.db, F.families, family._id)) ?? family
  const streak = current.lastDoneWeek === addWeeks(week, -1) ? current.streak + 1 : 1
  const now = ctx.clock.now()
  const earned = BADGES.filter((b) => b.streak <= streak && !current.badges.some((held) => held.id === b.id)).map((b) => ({ id: b.id, at: now }))
  await ctx.db
    .collection(F.families)
    .doc(family._id)
    .update({
      data: {
        streak,
        weeksDone: ctx.db.command.inc(1),
        lastDoneWeek: week,
        ...(earned.length > 0 ? { badges: ctx.db.command.push(earned) } : {}),
      },
    })
}

/**
 * 文明家庭承诺书: every item ticked, signed by tapping. The record keeps what was signed, when,
 * under which version and by whom — the parent's nickname as it was then, never a child's.
 */
export async function signPledge(input: { familyId: string; items: number[] }, ctx: ActionContext): Promise<FamilyView | Fail> {
  const found = await ownFamily(ctx, input.familyId)
  if ('ok' in found) return found
  const { family, cls } = found
  if (family.status !== 'active' || cls.status !== 'active') return familyFail(family.status === 'left' ? 'FAMILY.NOT_FOUND' : 'FAMILY.CLASS_ARCHIVED')
  const ticked = new Set(input.items)
  if (!PLEDGE_ITEMS.every((_, i) => ticked.has(i))) return familyFail('FAMILY.PLEDGE_INCOMPLETE')
  if (!family.pledge || family.pledge.version !== PLEDGE_VERSION) {
    const parent = await findById<UserDoc>(ctx.db, 'users', ctx.caller.openid)
    const pledge = { items: PLEDGE_ITEMS.map((_, i) => i), version: PLEDGE_VERSION, signedAt: ctx.clock.now(), signedBy: parent?.nickname ?? '家长' }
    await ctx.db.collection(F.families).doc(family._id).update({ data: { pledge: ctx.db.command.set(pledge) } })
  }
  // signing is the evidence: this week's 承诺书 task is done by it, without a second tap
  const plan = await planOf(ctx, cls._id, weekOf(ctx.clock.now()))
  for (const task of plan?.tasks.filter((t) => t.kind === 'pledge') ?? []) {
    const done = await complete({ familyId: family._id, taskId: task.id }, ctx)
    if ('ok' in done) return done
  }
  const stored = await findById<FamilyDoc>(ctx.db, F.families, family._id)
  return buildFamilyView(ctx, stored ?? family, cls)
}
