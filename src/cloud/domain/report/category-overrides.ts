import { categoryOf, type ReportCategory, type StepLimits } from '@/shared/report'
import { findById } from '../../platform/find'
import type { Database } from '../../platform/database'

/**
 * 文明办's changes to a built-in category (`report_category_overrides`, _id the category id): a
 * field left out keeps the built-in value. Only a step a report enters after the change is timed
 * by it; a due time already set stays (each step's due time is stored when the step starts).
 */
export interface CategoryOverrideDoc {
  _id: string
  name?: string
  hint?: string
  limits?: StepLimits
  updatedAt: number
  /** the office's openid */
  updatedBy: string
}

export function applyOverride(base: ReportCategory, override: CategoryOverrideDoc | null): ReportCategory {
  if (!override) return base
  return {
    ...base,
    name: override.name ?? base.name,
    hint: override.hint ?? base.hint,
    limits: override.limits ?? base.limits,
  }
}

/** The category as in force: the built-in one with the office's override applied; undefined for an unknown id. */
export async function effectiveCategory(platform: { db: Database }, id: string): Promise<ReportCategory | undefined> {
  const base = categoryOf(id)
  if (!base) return undefined
  return applyOverride(base, await findById<CategoryOverrideDoc>(platform.db, 'report_category_overrides', id))
}

/** The office's renamed categories by id (only those renamed). */
export type CategoryNames = ReadonlyMap<string, string>

/**
 * Every override at once, for views that name many reports: the collection holds at most one doc per
 * built-in category (15), so this is one small read, not a scan.
 */
export async function loadOverrides(platform: { db: Database }): Promise<CategoryOverrideDoc[]> {
  const { data } = await platform.db.collection('report_category_overrides').limit(100).get()
  return data as unknown as CategoryOverrideDoc[]
}

export async function categoryNames(platform: { db: Database }): Promise<CategoryNames> {
  return new Map((await loadOverrides(platform)).filter((o) => o.name).map((o) => [o._id, o.name as string]))
}
