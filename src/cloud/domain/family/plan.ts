import { createHash } from 'node:crypto'
import {
  EXPLAIN_TOPIC_IDS,
  EXPLAIN_TOPICS,
  FAMILY_TASK_KIND_LABEL,
  MICRO_ACTION_IDS,
  type ClassWeekPlan,
  type FamilyTaskKind,
  type FamilyTaskSpec,
} from '@/shared/contract/family'
import type { Fail } from '@/shared/errors'
import { HANDBOOK_CHAPTERS } from '@/shared/handbook/ids'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { taughtClass } from './access'
import { F, familyFail, isMonday, planId, termWeeks, weekOf, type ClassDoc, type PlanDoc } from './model'
import { chapterTitle } from './views'

export interface TaskInput {
  kind: FamilyTaskKind
  title: string
  ref?: string | null
  description?: string | null
}

/**
 * A task's id comes from what it is, so replacing a week with the same task keeps the id, and a
 * family's completion of it still counts; a different task in the same place is a new id.
 */
export function taskIdOf(task: Pick<FamilyTaskSpec, 'kind' | 'ref' | 'title' | 'description'>): string {
  const digest = createHash('sha256').update([task.kind, task.ref ?? '', task.title, task.description ?? ''].join('\n')).digest('hex')
  return `${task.kind}-${digest.slice(0, 8)}`
}

/** Chapters a task may point to: the published handbook's, or the fixed ids before it is seeded. */
async function chapterIds(ctx: ActionContext): Promise<Set<string>> {
  const meta = await findById<{ _id: string; chapters?: Array<{ id: string }> }>(ctx.db, 'handbook_meta', 'current')
  const ids = meta?.chapters?.map((c) => c.id) ?? HANDBOOK_CHAPTERS.map((c) => c.id)
  return new Set(ids)
}

/** Each kind says what its `ref` must be; anything else is an incomplete task. */
async function normalise(ctx: ActionContext, tasks: readonly TaskInput[]): Promise<FamilyTaskSpec[] | Fail> {
  const chapters = await chapterIds(ctx)
  const specs: FamilyTaskSpec[] = []
  for (const t of tasks) {
    const ref = t.ref ?? null
    const description = t.description ? t.description : null
    const refOk =
      t.kind === 'chapter'
        ? ref !== null && chapters.has(ref)
        : t.kind === 'explain'
          ? ref !== null && (EXPLAIN_TOPIC_IDS as readonly string[]).includes(ref)
          : t.kind === 'microAction'
            ? ref !== null && (MICRO_ACTION_IDS as readonly string[]).includes(ref)
            : ref === null
    if (!refOk || (t.kind === 'free' && !description)) return familyFail('FAMILY.BAD_TASK')
    const spec = { kind: t.kind, title: t.title, ref, description }
    specs.push({ id: taskIdOf(spec), ...spec })
  }
  if (new Set(specs.map((s) => s.id)).size !== specs.length) return familyFail('FAMILY.BAD_TASK')
  return specs
}

async function storedPlans(ctx: ActionContext, classId: string): Promise<Map<string, PlanDoc>> {
  const { data } = await ctx.db.collection(F.plans).where({ classId }).orderBy('week', 'asc').limit(100).get()
  return new Map((data as unknown as PlanDoc[]).map((p) => [p.week, p]))
}

function fullPlan(cls: ClassDoc, plans: Map<string, PlanDoc>): ClassWeekPlan[] {
  return termWeeks(cls).map((week) => ({ week, tasks: plans.get(week)?.tasks ?? [] }))
}

export async function plan(input: { classId: string }, ctx: ActionContext): Promise<ClassWeekPlan[] | Fail> {
  const cls = await taughtClass(ctx, input.classId)
  if ('ok' in cls) return cls
  return fullPlan(cls, await storedPlans(ctx, cls._id))
}

/** The weeks a teacher may still set: this week through the term's last. */
function settableWeek(cls: ClassDoc, week: string, now: number): boolean {
  return isMonday(week) && week >= weekOf(now) && termWeeks(cls).includes(week)
}

async function writeWeek(ctx: ActionContext, cls: ClassDoc, week: string, tasks: FamilyTaskSpec[]): Promise<void> {
  await ctx.db
    .collection(F.plans)
    .doc(planId(cls._id, week))
    .set({ data: { classId: cls._id, week, tasks, updatedAt: ctx.clock.now() } })
}

export async function setWeek(input: { classId: string; week: string; tasks: TaskInput[] }, ctx: ActionContext): Promise<ClassWeekPlan | Fail> {
  const cls = await taughtClass(ctx, input.classId)
  if ('ok' in cls) return cls
  if (cls.status !== 'active') return familyFail('FAMILY.CLASS_ARCHIVED')
  if (!settableWeek(cls, input.week, ctx.clock.now())) return familyFail('FAMILY.WEEK_OUT_OF_TERM')
  const tasks = await normalise(ctx, input.tasks)
  if (!Array.isArray(tasks)) return tasks
  // families read titles and descriptions the teacher writes
  const text = input.tasks.map((t) => [t.title, t.description ?? ''].join('\n')).join('\n')
  const verdict = await ctx.openApi.checkText({ openid: ctx.caller.openid, content: text, scene: 'forum' })
  if (!verdict.pass) return familyFail('FAMILY.TEXT_REJECTED')
  await writeWeek(ctx, cls, input.week, tasks)
  return { week: input.week, tasks }
}

/** Chapters in the order a family meets them: the family's own first, then daily life. */
const CHAPTER_ROTATION = ['family', 'traffic', 'waste', 'civic-pact', 'dining', 'dogs', 'public-etiquette', 'online', 'travel', 'volunteer', 'campaign']

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]

/**
 * The default term, week `n` (1 = the class's first week): the 回执 and the pledge open the
 * term; then each week a chapter to read together, alternately the family quiz and 我给家长讲创建,
 * a 家庭文明微行动, and every fourth week a family volunteer shift.
 */
export function defaultWeek(n: number, chapters: readonly string[]): TaskInput[] {
  const chapter = (i: number): TaskInput => {
    const ref = pick(chapters, i)
    return { kind: 'chapter', title: `一起读「${chapterTitle(ref)}」`, ref }
  }
  const quiz: TaskInput = { kind: 'quiz', title: FAMILY_TASK_KIND_LABEL.quiz }
  const explain = (i: number): TaskInput => {
    const ref = pick(EXPLAIN_TOPIC_IDS, i)
    return { kind: 'explain', title: `我给家长讲：${EXPLAIN_TOPICS[ref]}`.slice(0, 30), ref }
  }
  const micro = (i: number): TaskInput => ({ kind: 'microAction', title: FAMILY_TASK_KIND_LABEL.microAction, ref: pick(MICRO_ACTION_IDS, i) })
  if (n === 1) {
    return [
      { kind: 'receipt', title: FAMILY_TASK_KIND_LABEL.receipt },
      { kind: 'pledge', title: FAMILY_TASK_KIND_LABEL.pledge },
      chapter(0),
    ]
  }
  if (n === 2) return [{ kind: 'pledge', title: FAMILY_TASK_KIND_LABEL.pledge }, quiz, explain(0)]
  const tasks = [chapter(n - 2), n % 2 === 1 ? quiz : explain(n), micro(n)]
  if (n % 4 === 0) tasks.push({ kind: 'shift', title: FAMILY_TASK_KIND_LABEL.shift })
  return tasks
}

/** Fills every week from now to the term's end that the teacher has not set; set weeks stay. */
export async function useDefaultPlan(input: { classId: string }, ctx: ActionContext): Promise<ClassWeekPlan[] | Fail> {
  const cls = await taughtClass(ctx, input.classId)
  if ('ok' in cls) return cls
  if (cls.status !== 'active') return familyFail('FAMILY.CLASS_ARCHIVED')
  const plans = await storedPlans(ctx, cls._id)
  const known = await chapterIds(ctx)
  const chapters = CHAPTER_ROTATION.filter((c) => known.has(c))
  const now = ctx.clock.now()
  const weeks = termWeeks(cls)
  for (const [i, week] of weeks.entries()) {
    if (plans.has(week) || !settableWeek(cls, week, now)) continue
    const wanted = defaultWeek(i + 1, chapters.length > 0 ? chapters : [...known]).filter((t) => t.kind !== 'chapter' || known.size > 0)
    const tasks = await normalise(ctx, wanted)
    if (!Array.isArray(tasks)) throw new Error('useDefaultPlan: the default week is not a valid plan')
    await writeWeek(ctx, cls, week, tasks)
    plans.set(week, { _id: planId(cls._id, week), classId: cls._id, week, tasks, updatedAt: now })
  }
  return fullPlan(cls, plans)
}
