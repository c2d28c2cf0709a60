import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import { point, polygon } from '@turf/helpers'
import { REPORT_SETTING_DEFAULTS } from '@/shared/contract/report'
import { REPORT_LIMITS, type LatLng } from '@/shared/report'
import { findById } from '../../platform/find'
import type { Platform } from '../../platform'
import type { GridDoc, ReportSettingsDoc, RouteDoc, UnitDoc } from './types'

export const SETTINGS_ID = 'settings'

export async function loadSettings(platform: Platform): Promise<ReportSettingsDoc> {
  const stored = await findById<ReportSettingsDoc>(platform.db, 'report_settings', SETTINGS_ID)
  return { _id: SETTINGS_ID, cityName: '本市', dailyLimit: REPORT_LIMITS.dailyLimit, ...REPORT_SETTING_DEFAULTS, ...stored }
}

/**
 * The grid a point lies in, by point-in-polygon over the grids whose bounding box holds it (the
 * box test is the indexed query; the polygon test is turf's). Null outside every grid: the
 * point is outside the city.
 */
export async function gridAt(platform: Platform, at: LatLng): Promise<GridDoc | null> {
  const _ = platform.db.command
  const { data } = await platform.db
    .collection('report_grids')
    .where({ minLat: _.lte(at.lat), maxLat: _.gte(at.lat), minLng: _.lte(at.lng), maxLng: _.gte(at.lng) })
    .limit(100)
    .get()
  const here = point([at.lng, at.lat])
  const grids = (data as unknown as GridDoc[]).sort((a, b) => a._id.localeCompare(b._id))
  return grids.find((g) => booleanPointInPolygon(here, polygon(g.geometry.coordinates))) ?? null
}

export const routeId = (categoryId: string, gridId: string | null) => `${categoryId}__${gridId ?? '*'}`

/** The unit for a category in a grid: the grid's own rule first, then the city-wide one. */
export async function routeFor(platform: Platform, categoryId: string, gridId: string): Promise<UnitDoc | null> {
  const rule =
    (await findById<RouteDoc>(platform.db, 'report_routes', routeId(categoryId, gridId))) ??
    (await findById<RouteDoc>(platform.db, 'report_routes', routeId(categoryId, null)))
  return rule ? findById<UnitDoc>(platform.db, 'report_units', rule.unitId) : null
}

/** Names for ids, fetched once per view: a report touches one grid and a few units. */
export async function namesOf(platform: Platform, collection: 'report_grids' | 'report_units', ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((v): v is string => !!v))]
  const names = new Map<string, string>()
  if (wanted.length === 0) return names
  const _ = platform.db.command
  for (let i = 0; i < wanted.length; i += 100) {
    const { data } = await platform.db
      .collection(collection)
      .where({ _id: _.in(wanted.slice(i, i + 100)) })
      .field({ name: true })
      .limit(100)
      .get()
    for (const doc of data) names.set(doc._id, String(doc.name))
  }
  return names
}
