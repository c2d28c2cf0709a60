import { categoryOf, type StepLimits } from '@/shared/report'

/**
 * The office may rename a category or rewrite its hint (设置 → 类别与时限). The built-in texts ship
 * with the app; `report.prepare` brings the changes, and the pickers read them from here, so a
 * resident sees the name the office chose without a new release.
 */
interface CategoryChange {
  name: string | null
  hint: string | null
  limits: StepLimits | null
}
const changed = new Map<string, CategoryChange>()

export function applyCategoryTexts(texts: ReadonlyArray<CategoryChange & { id: string }>): void {
  changed.clear()
  for (const t of texts) changed.set(t.id, { name: t.name, hint: t.hint, limits: t.limits })
}

export const categoryNameOf = (id: string): string => changed.get(id)?.name ?? categoryOf(id)?.name ?? ''
export const categoryHintOf = (id: string): string => changed.get(id)?.hint ?? categoryOf(id)?.hint ?? ''
/** the step limits in force, as far as this session has heard (the form's prepare); built-in otherwise */
export const categoryLimitsOf = (id: string): StepLimits | undefined => changed.get(id)?.limits ?? categoryOf(id)?.limits
