import { SEED_SITE_TYPES } from '@/shared/inspect'
import type { Platform } from '../../platform'
import { findById } from '../../platform/find'
import { I, type SiteTypeDoc } from './model'
import { demoSheet, importRows } from './standards'

/**
 * The seeded 点位类型 (ids and order from SEED_SITE_TYPES), then 示范市's demo standards imported
 * through the same code as an uploaded sheet, which also splits them into tasks (the rows name
 * their 牵头/配合 units). Idempotent: a second import of the same rows finds everything unchanged
 * and writes nothing, and a catalogue the office changed is left as it is.
 */
export async function seedStandards(platform: Platform): Promise<void> {
  await seedSiteTypes(platform)
  const sheet = demoSheet()
  const plan = await importRows(platform, sheet, { dryRun: true })
  // the demo rows are the product's own: a refusal here is a bug in them (or units not seeded yet)
  if ('ok' in plan) throw new Error(`demo standards refused: ${plan.message}`)
  // only what is new in the demo goes in: the office's own imports and assignments on the local
  // host (changed or withdrawn against the demo) survive a restart
  if (plan.added.length === 0 || plan.changed.length > 0 || plan.withdrawn.length > 0) return
  await importRows(platform, sheet, { dryRun: false })
}

/**
 * The seeded 点位类型 alone (tests import their own sheets on top). A type is created once; later
 * only its name and order are put back: its counts are kept by the code that changes what they count.
 */
export async function seedSiteTypes(platform: Platform): Promise<void> {
  for (const [order, type] of SEED_SITE_TYPES.entries()) {
    const existing = await findById<SiteTypeDoc>(platform.db, I.siteTypes, type.id)
    if (!existing) {
      const doc: Omit<SiteTypeDoc, '_id'> = { name: type.name, order, checklistSize: 0, siteCount: 0 }
      await platform.db.collection(I.siteTypes).doc(type.id).set({ data: { ...doc } })
    } else if (existing.name !== type.name || existing.order !== order) {
      await platform.db.collection(I.siteTypes).doc(type.id).update({ data: { name: type.name, order } })
    }
  }
}
