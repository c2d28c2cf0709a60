import {
  EXPLAIN_TOPICS,
  GRADE_LABEL,
  MICRO_ACTIONS,
  PLEDGE_ITEMS,
  type BadgeView,
  type ClassView,
  type ExplainTopicId,
  type FamilyTaskSpec,
  type FamilyTaskView,
  type FamilyView,
  type MicroActionId,
  type SchoolView,
} from '@/shared/contract/family'
import { HANDBOOK_CHAPTERS } from '@/shared/handbook/ids'
import type { ActionContext } from '../../runtime/context'
import { addWeeks, F, planId, weekOf, type ClassDoc, type CompletionDoc, type FamilyDoc, type PlanDoc, type SchoolDoc } from './model'

export function toSchoolView(s: SchoolDoc): SchoolView {
  return { id: s._id, name: s.name, district: s.district }
}

export function toClassView(c: ClassDoc): ClassView {
  const gradeLabel = GRADE_LABEL[c.grade] ?? `${c.grade} 年级`
  return {
    id: c._id,
    schoolId: c.schoolId,
    schoolName: c.schoolName,
    grade: c.grade,
    gradeLabel,
    name: c.name,
    title: `${gradeLabel} ${c.name} · ${c.schoolName}`,
    joinCode: c.status === 'active' ? c.joinCode : null,
    status: c.status,
    size: c.size,
    termEndsAt: c.termEndsAt,
    teacherName: c.teacherName,
    createdAt: c.createdAt,
  }
}

export function chapterTitle(chapterId: string | null): string {
  return HANDBOOK_CHAPTERS.find((c) => c.id === chapterId)?.title ?? '文明手册'
}

export const explainTopic = (ref: string | null) => (ref && ref in EXPLAIN_TOPICS ? EXPLAIN_TOPICS[ref as ExplainTopicId] : '创建文明城市')
export const microAction = (ref: string | null) => (ref && ref in MICRO_ACTIONS ? MICRO_ACTIONS[ref as MicroActionId] : '家庭文明微行动')

/** What the family does next for an open task, in words. */
export function howTo(task: FamilyTaskSpec): string {
  switch (task.kind) {
    case 'chapter':
      return `和孩子一起在「文明手册」读完「${chapterTitle(task.ref)}」这一章`
    case 'quiz':
      return '和孩子一起在「创文答题」完成一次答题（每日一练或专题练习都算）'
    case 'shift':
      return '报名一次标有「亲子」的志愿服务，带孩子一起参加；签退后组织者确认时长即完成'
    case 'pledge':
      return '和孩子一起勾选文明家庭承诺书的每一条，然后签署'
    case 'explain':
      return `请孩子给您讲讲「${explainTopic(task.ref)}」，听完后点“确认完成”`
    case 'microAction':
      return `全家一起做：${microAction(task.ref)}。做完后点“确认完成”`
    case 'receipt':
      return '读完致家长的一封信后，点“确认完成”交回回执'
    case 'free':
      return task.description ? `${task.description}。完成后点“确认完成”` : '完成老师布置的任务后点“确认完成”'
  }
}

export const BADGES: ReadonlyArray<{ streak: number; id: string; name: string; detail: string }> = [
  { streak: 1, id: 'start', name: '文明家庭·起步', detail: '第一次完成一周的全部家庭任务' },
  { streak: 4, id: 'streak-4', name: '文明家庭·坚持', detail: '连续 4 周完成家庭任务' },
  { streak: 8, id: 'streak-8', name: '文明家庭·榜样', detail: '连续 8 周完成家庭任务' },
  { streak: 12, id: 'streak-12', name: '文明家庭·标兵', detail: '连续 12 周完成家庭任务' },
]

/** A streak still counts while its last done week is this week or last week. */
export function currentStreak(family: Pick<FamilyDoc, 'streak' | 'lastDoneWeek'>, thisWeek: string): number {
  if (!family.lastDoneWeek) return 0
  return family.lastDoneWeek === thisWeek || family.lastDoneWeek === addWeeks(thisWeek, -1) ? family.streak : 0
}

function toBadgeViews(family: FamilyDoc): BadgeView[] {
  return family.badges.flatMap((b) => {
    const def = BADGES.find((d) => d.id === b.id)
    return def ? [{ id: def.id, name: def.name, detail: def.detail, at: b.at }] : []
  })
}

export function taskViews(plan: PlanDoc | null, completions: readonly CompletionDoc[]): FamilyTaskView[] {
  const byTask = new Map(completions.map((c) => [c.taskId, c]))
  return (plan?.tasks ?? []).map((task) => {
    const done = byTask.get(task.id)
    return { ...task, done: done !== undefined, doneAt: done?.at ?? null, evidence: done?.evidence ?? null, how: howTo(task) }
  })
}

export async function completionsOf(ctx: ActionContext, familyId: string, week: string): Promise<CompletionDoc[]> {
  const { data } = await ctx.db.collection(F.completions).where({ familyId, week }).limit(100).get()
  return data as unknown as CompletionDoc[]
}

export async function planOf(ctx: ActionContext, classId: string, week: string): Promise<PlanDoc | null> {
  const { data } = await ctx.db.collection(F.plans).where({ _id: planId(classId, week) }).limit(1).get()
  return (data[0] as unknown as PlanDoc | undefined) ?? null
}

/** A family as its parent sees it: children, this week's tasks, streak, badges, pledge. */
export async function buildFamilyView(ctx: ActionContext, family: FamilyDoc, cls: ClassDoc): Promise<FamilyView> {
  const week = weekOf(ctx.clock.now())
  const [plan, completions] = await Promise.all([
    cls.status === 'active' && family.status === 'active' ? planOf(ctx, cls._id, week) : Promise.resolve(null),
    completionsOf(ctx, family._id, week),
  ])
  return {
    id: family._id,
    classView: toClassView(cls),
    children: family.children.map((c) => ({ id: c.id, nickname: c.nickname, grade: c.grade, gradeLabel: GRADE_LABEL[c.grade] ?? '' })),
    consent: { version: family.consent.version, at: family.consent.at },
    archived: family.status === 'archived' || cls.status === 'archived',
    week,
    tasks: taskViews(plan, completions),
    streak: currentStreak(family, week),
    weeksDone: family.weeksDone,
    badges: toBadgeViews(family),
    pledge: family.pledge
      ? {
          items: family.pledge.items.map((i) => PLEDGE_ITEMS[i]).filter((t): t is (typeof PLEDGE_ITEMS)[number] => t !== undefined),
          version: family.pledge.version,
          signedAt: family.pledge.signedAt,
          signedBy: family.pledge.signedBy,
        }
      : null,
  }
}
