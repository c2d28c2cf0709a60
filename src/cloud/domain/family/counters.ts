import { DatabaseError, DUPLICATE_KEY } from '../../platform/database'
import type { ActionContext } from '../../runtime/context'
import { CITY_TOTALS_ID, classWeekId, F, type ClassDoc, type Counters, type WeekCounters } from './model'

/**
 * Counters kept on write: every board and overview reads these documents and never counts
 * families, children or completions. Each change is an atomic `_.inc`; a document that does not
 * exist yet is created on first use (two first uses at once: the loser of the `add` increments).
 */
type Deltas = Partial<Record<string, number>>

async function bump(ctx: ActionContext, collection: string, id: string, deltas: Deltas, fresh: Record<string, unknown>): Promise<void> {
  const _ = ctx.db.command
  const entries = Object.entries(deltas).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] !== 0)
  if (entries.length === 0) return
  const data = Object.fromEntries(entries.map(([k, v]) => [k, _.inc(v)]))
  const update = () => ctx.db.collection(collection).where({ _id: id }).update({ data })
  if ((await update()).stats.updated === 1) return
  try {
    await ctx.db.collection(collection).add({ data: { _id: id, ...fresh, ...Object.fromEntries(entries) } })
  } catch (error) {
    if (!(error instanceof DatabaseError && error.code === DUPLICATE_KEY)) throw error
    await update()
  }
}

/** Moves the same figures on the class, its school and the city. */
export async function moveMembership(ctx: ActionContext, cls: Pick<ClassDoc, '_id' | 'schoolId'>, deltas: Partial<Counters>): Promise<void> {
  const _ = ctx.db.command
  const classDeltas = { families: deltas.families, children: deltas.children, receipts: deltas.receipts }
  const entries = Object.entries(classDeltas).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] !== 0)
  if (entries.length > 0) {
    await ctx.db
      .collection(F.classes)
      .doc(cls._id)
      .update({ data: Object.fromEntries(entries.map(([k, v]) => [k, _.inc(v)])) })
  }
  await bump(ctx, F.schools, cls.schoolId, deltas, {})
  await bump(ctx, F.totals, CITY_TOTALS_ID, { ...deltas }, { schools: 0, classes: 0, families: 0, children: 0, receipts: 0 })
}

export async function countSchool(ctx: ActionContext): Promise<void> {
  await bump(ctx, F.totals, CITY_TOTALS_ID, { schools: 1 }, { schools: 0, classes: 0, families: 0, children: 0, receipts: 0 })
}

export async function countClass(ctx: ActionContext, schoolId: string): Promise<void> {
  await bump(ctx, F.schools, schoolId, { classes: 1 }, {})
  await bump(ctx, F.totals, CITY_TOTALS_ID, { classes: 1 }, { schools: 0, classes: 0, families: 0, children: 0, receipts: 0 })
}

/** A week's figures for the class (with its school, for the school view) and for the city. */
export async function moveWeek(
  ctx: ActionContext,
  cls: Pick<ClassDoc, '_id' | 'schoolId'>,
  week: string,
  deltas: Partial<WeekCounters>,
): Promise<void> {
  await bump(ctx, F.classWeeks, classWeekId(cls._id, week), deltas, { classId: cls._id, schoolId: cls.schoolId, week, families: 0, familiesDone: 0, completions: 0 })
  await bump(ctx, F.cityWeeks, week, deltas, { week, families: 0, familiesDone: 0, completions: 0 })
}
