import {
  type ClassBoard,
  type ClassBoardFamily,
  type FamilyOverview,
  type SchoolOverview,
} from '@/shared/contract/family'
import { failCommon, type Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { notifyPerson } from '../notify'
import { canSeeSchool, findSchool, taughtClass, visibleClass } from './access'
import {
  addWeeks,
  CITY_TOTALS_ID,
  classWeekId,
  EMPTY_WEEK,
  F,
  familyFail,
  familyWeekId,
  mondayLabel,
  planId,
  termWeeks,
  weekOf,
  type ClassDoc,
  type Counters,
  type FamilyDoc,
  type FamilyWeekDoc,
  type PlanDoc,
  type SchoolDoc,
  type WeekCounters,
} from './model'
import { toClassView, toSchoolView } from './views'

/** The board lists one page of families, by the children's nicknames only. */
export const BOARD_FAMILY_ROWS = 50

const weekCounters = (doc: Partial<WeekCounters> | undefined): WeekCounters => ({
  families: Number(doc?.families) || 0,
  familiesDone: Number(doc?.familiesDone) || 0,
  completions: Number(doc?.completions) || 0,
})

export async function byIds<T extends { _id: string }>(ctx: ActionContext, collection: string, ids: readonly string[]): Promise<Map<string, T>> {
  const out = new Map<string, T>()
  for (let i = 0; i < ids.length; i += 100) {
    const { data } = await ctx.db.collection(collection).where({ _id: ctx.db.command.in(ids.slice(i, i + 100)) }).limit(100).get()
    for (const d of data as unknown as T[]) out.set(d._id, d)
  }
  return out
}

/**
 * The class board: its counters, the term's weeks (plan + that week's figures, each one
 * document), and one page of families with this week's progress — all reads by key or one
 * indexed page, whatever the class's history.
 */
export async function board(input: { classId: string }, ctx: ActionContext): Promise<ClassBoard | Fail> {
  const cls = await visibleClass(ctx, input.classId)
  if ('ok' in cls) return cls
  const thisWeek = weekOf(ctx.clock.now())
  const weeks = termWeeks(cls)
  const [plans, figures, families] = await Promise.all([
    byIds<PlanDoc>(ctx, F.plans, weeks.map((w) => planId(cls._id, w))),
    byIds<WeekCounters & { _id: string }>(ctx, F.classWeeks, weeks.map((w) => classWeekId(cls._id, w))),
    ctx.db.collection(F.families).where({ classId: cls._id, status: 'active' }).orderBy('joinedAt', 'asc').limit(BOARD_FAMILY_ROWS).get(),
  ])
  const rows = families.data as unknown as FamilyDoc[]
  const progress = await byIds<FamilyWeekDoc>(ctx, F.familyWeeks, rows.map((f) => familyWeekId(f._id, thisWeek)))
  const tasksThisWeek = plans.get(planId(cls._id, thisWeek))?.tasks.length ?? 0
  const familyRows: ClassBoardFamily[] = rows.map((f) => ({
    nicknames: f.children.map((c) => c.nickname),
    doneThisWeek: Math.min(tasksThisWeek, progress.get(familyWeekId(f._id, thisWeek))?.completions ?? 0),
    tasksThisWeek,
    receipt: f.receipt,
  }))
  return {
    classView: toClassView(cls),
    families: cls.families,
    children: cls.children,
    receipts: cls.receipts,
    quizAverage: cls.quizCount > 0 ? Math.round(cls.quizSum / cls.quizCount) : null,
    thisWeek,
    weeks: weeks.map((week) => {
      const f = weekCounters(figures.get(classWeekId(cls._id, week)))
      return { week, tasks: plans.get(planId(cls._id, week))?.tasks.length ?? 0, familiesDone: f.familiesDone, completions: f.completions }
    }),
    familyRows,
    remindedAt: cls.remindedWeek === thisWeek ? cls.remindedAt : null,
  }
}

export async function schoolOverview(input: { schoolId: string }, ctx: ActionContext): Promise<SchoolOverview | Fail> {
  const school = await findSchool(ctx, input.schoolId)
  if (!school) return familyFail('FAMILY.SCHOOL_NOT_FOUND')
  if (!canSeeSchool(ctx, school._id)) return failCommon('AUTH.FORBIDDEN')
  const thisWeek = weekOf(ctx.clock.now())
  const { data } = await ctx.db.collection(F.classes).where({ schoolId: school._id }).orderBy('createdAt', 'desc').limit(100).get()
  const classes = data as unknown as ClassDoc[]
  const figures = await byIds<WeekCounters & { _id: string }>(ctx, F.classWeeks, classes.map((c) => classWeekId(c._id, thisWeek)))
  return {
    school: toSchoolView(school),
    classes: classes.map((c) => ({
      ...toClassView(c),
      families: c.families,
      receipts: c.receipts,
      doneThisWeek: weekCounters(figures.get(classWeekId(c._id, thisWeek))).familiesDone,
    })),
    families: school.families,
    receipts: school.receipts,
  }
}

const OVERVIEW_WEEKS = 8
const OVERVIEW_SCHOOLS = 50

/** The office's figures on its minors' work: the city's totals, 8 weeks of trend, the schools. */
export async function overview(ctx: ActionContext): Promise<FamilyOverview> {
  const thisWeek = weekOf(ctx.clock.now())
  const weeks = Array.from({ length: OVERVIEW_WEEKS }, (_, i) => addWeeks(thisWeek, i - OVERVIEW_WEEKS + 1))
  const [totals, figures, schools] = await Promise.all([
    findById<Counters & { _id: string; schools: number }>(ctx.db, F.totals, CITY_TOTALS_ID),
    byIds<WeekCounters & { _id: string }>(ctx, F.cityWeeks, weeks),
    ctx.db.collection(F.schools).orderBy('families', 'desc').orderBy('createdAt', 'asc').limit(OVERVIEW_SCHOOLS).get(),
  ])
  return {
    schools: totals?.schools ?? 0,
    classes: totals?.classes ?? 0,
    families: totals?.families ?? 0,
    children: totals?.children ?? 0,
    receipts: totals?.receipts ?? 0,
    thisWeek,
    weeks: weeks.map((week) => ({ week, ...weekCounters(figures.get(week) ?? EMPTY_WEEK) })),
    bySchool: (schools.data as unknown as SchoolDoc[]).map((s) => ({
      school: toSchoolView(s),
      classes: s.classes,
      families: s.families,
      receipts: s.receipts,
    })),
  }
}

const REMIND_PAGE = 100

/**
 * The teacher reminds the families who have not finished this week's tasks, once per class per
 * week: the class's `remindedWeek` moves by a conditional update before any message goes out,
 * so two taps send one round. Each message goes through notify like every other: only to a parent
 * holding a credit (one per consent they accepted at 同意并加入 or a task done), values cut to the
 * template's fields, every send or skip in the outbox. `reminded` counts the messages sent.
 */
export async function remind(input: { classId: string }, ctx: ActionContext): Promise<{ reminded: number } | Fail> {
  const cls = await taughtClass(ctx, input.classId)
  if ('ok' in cls) return cls
  if (cls.status !== 'active') return familyFail('FAMILY.CLASS_ARCHIVED')
  const now = ctx.clock.now()
  const week = weekOf(now)
  const plan = await findById<PlanDoc>(ctx.db, F.plans, planId(cls._id, week))
  if (!plan || plan.tasks.length === 0) return familyFail('FAMILY.TASK_NOT_FOUND')
  const { stats } = await ctx.db
    .collection(F.classes)
    .where({ _id: cls._id, remindedWeek: ctx.db.command.neq(week) })
    .update({ data: { remindedWeek: week, remindedAt: now } })
  if (stats.updated !== 1) return familyFail('FAMILY.ALREADY_REMINDED')
  let reminded = 0
  let after = -1
  for (let page = 0; page < 50; page++) {
    const { data } = await ctx.db
      .collection(F.families)
      .where({ classId: cls._id, status: 'active', joinedAt: ctx.db.command.gt(after) })
      .orderBy('joinedAt', 'asc')
      .limit(REMIND_PAGE)
      .get()
    const families = data as unknown as FamilyDoc[]
    const progress = await byIds<FamilyWeekDoc>(ctx, F.familyWeeks, families.map((f) => familyWeekId(f._id, week)))
    for (const family of families) {
      if (progress.get(familyWeekId(family._id, week))?.done) continue
      // notifyPerson never throws: a message that cannot go out never undoes the round
      const outcome = await notifyPerson(ctx, family.parentOpenid, 'familyReminder', `packages/family/pages/index/index?family=${family._id}`, {
        thing1: `${cls.name}本周家庭任务`,
        thing2: `还有任务未完成（${mondayLabel(week)}这周）`,
        thing3: `${cls.teacherName ?? '班主任'}提醒您和孩子一起完成`,
      })
      if (outcome === 'sent') reminded++
    }
    if (families.length < REMIND_PAGE) break
    after = families[families.length - 1].joinedAt
  }
  return { reminded }
}
