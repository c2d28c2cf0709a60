import type { Platform } from '../../platform'
import { seedSites } from './seed-sites'
import { seedStandards } from './seed-standards'

/** The demo city's 创文督查: the demo sheet imported and split, then sites, teams and a week's inspections. */
export async function seedInspect(platform: Platform): Promise<void> {
  await seedStandards(platform)
  await seedSites(platform)
}
