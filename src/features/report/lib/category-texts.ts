import { categoryOf } from '@/shared/report'

/**
 * The office may rename a category or rewrite its hint (设置 → 类别与时限). The built-in texts ship
 * with the app; `report.prepare` brings the changes, and the pickers read them from here, so a
 * resident sees the name the office chose without a new release.
 */
const changed = new Map<string, { name: string | null; hint: string | null }>()

export function applyCategoryTexts(texts: ReadonlyArray<{ id: string; name: string | null; hint: string | null }>): void {
  changed.clear()
  for (const t of texts) changed.set(t.id, { name: t.name, hint: t.hint })
}

export const categoryNameOf = (id: string): string => changed.get(id)?.name ?? categoryOf(id)?.name ?? ''
export const categoryHintOf = (id: string): string => changed.get(id)?.hint ?? categoryOf(id)?.hint ?? ''
