import type { Platform } from '../../platform'
import { findById } from '../../platform/find'
import { routeId, SETTINGS_ID } from './city'
import { seedDemoHistory } from './demo-history'
import { seedDemoReports } from './demo-reports'
import { seedPhrases } from './phrases'
import { DEMO_CITY_NAME, DEMO_GRIDS, DEMO_ROUTES, DEMO_UNITS, DISTRICT_UNIT } from './demo-city'
import type { GridDoc } from './types'

/**
 * The local host's demo (called from the host's seed): the city, a few live reports in it, and
 * four weeks of closed ones behind them for the office's figures.
 */
export async function seedReports(platform: Platform): Promise<void> {
  await seedCity(platform)
  await seedDemoReports(platform)
  await seedDemoHistory(platform)
}

/**
 * The demo city's grids, units, routing and settings; tests start from this, without reports.
 * Idempotent: grids and units are set() on fixed ids; routing and settings are only created
 * when missing, so what the office changed survives a restart of the local host.
 */
export async function seedCity(platform: Platform): Promise<void> {
  const now = platform.clock.now()
  for (const feature of DEMO_GRIDS.features) {
    const ring = feature.geometry.coordinates[0]
    const lngs = ring.map((p) => p[0])
    const lats = ring.map((p) => p[1])
    const grid: Omit<GridDoc, '_id'> = {
      name: feature.properties.name,
      district: feature.properties.district,
      geometry: feature.geometry,
      minLng: Math.min(...lngs),
      maxLng: Math.max(...lngs),
      minLat: Math.min(...lats),
      maxLat: Math.max(...lats),
    }
    await platform.db.collection('report_grids').doc(feature.properties.id).set({ data: { ...grid } })
  }
  for (const unit of DEMO_UNITS) {
    await platform.db.collection('report_units').doc(unit.id).set({ data: { name: unit.name } })
  }
  const createIfMissing = async (collection: string, id: string, data: Record<string, unknown>) => {
    if (!(await findById(platform.db, collection, id))) await platform.db.collection(collection).doc(id).set({ data })
  }
  for (const route of DEMO_ROUTES) {
    if ('unitId' in route) {
      await createIfMissing('report_routes', routeId(route.categoryId, null), { categoryId: route.categoryId, gridId: null, unitId: route.unitId, updatedAt: now })
      continue
    }
    for (const feature of DEMO_GRIDS.features) {
      const gridId = feature.properties.id
      const unitId = DISTRICT_UNIT[feature.properties.district]
      await createIfMissing('report_routes', routeId(route.categoryId, gridId), { categoryId: route.categoryId, gridId, unitId, updatedAt: now })
    }
  }
  await createIfMissing('report_settings', SETTINGS_ID, { cityName: DEMO_CITY_NAME, dailyLimit: 20 })
  await seedPhrases(platform)
}

