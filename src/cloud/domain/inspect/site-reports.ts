import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import distance from '@turf/distance'
import { point, polygon } from '@turf/helpers'
import { INSPECT_LIMITS } from '@/shared/contract/inspect'
import { cellOf } from '@/shared/report/geo'
import { findById } from '../../platform/find'
import type { Platform } from '../../platform'
import { I, type SiteDoc } from './model'
import { changeSite, isDuplicateKey } from './sites'

/**
 * 随手拍 at a 点位: a resident's report that falls inside an area site (or within
 * `siteRadiusM` of a point site) counts on that site while it is open, so an inspector sees
 * what residents raised there. Candidates come from the report's lattice cell (one indexed
 * read); turf decides exactly.
 */

export interface SiteReportDoc {
  _id: string
  siteId: string
  categoryId: string
  open: boolean
  createdAt: number
}

type Db = Pick<Platform, 'db' | 'clock'>

/** The sites a point lies in: polygon sites by point-in-polygon, point sites by distance. */
export async function sitesAt(platform: Db, at: { lat: number; lng: number }): Promise<SiteDoc[]> {
  const { data: cells } = await platform.db.collection(I.siteCells).where({ cell: cellOf(at) }).limit(100).get()
  if (cells.length === 0) return []
  const ids = [...new Set(cells.map((c) => String(c.siteId)))]
  const { data } = await platform.db.collection(I.sites).where({ _id: platform.db.command.in(ids), status: 'active' }).limit(100).get()
  const here = point([at.lng, at.lat])
  return (data as unknown as SiteDoc[]).filter((s) =>
    s.polygon
      ? booleanPointInPolygon(here, polygon([s.polygon]))
      : distance(here, point([s.place.lng, s.place.lat]), { units: 'meters' }) <= INSPECT_LIMITS.siteRadiusM,
  )
}

/**
 * Links a stored report to the site it falls in (the nearest site's centre when several
 * overlap). Idempotent by the report's id. Never throws: a report must not fail because of a
 * site link, so a failure is logged and the report stands unlinked.
 */
export async function linkReportToSite(
  platform: Db & Pick<Platform, 'log'>,
  report: { _id: string; location: { lat: number; lng: number }; categoryId: string; createdAt: number },
): Promise<string | null> {
  try {
    const found = await sitesAt(platform, report.location)
    if (found.length === 0) return null
    const here = point([report.location.lng, report.location.lat])
    const site = found
      .map((s) => ({ s, d: distance(here, point([s.place.lng, s.place.lat]), { units: 'meters' }) }))
      .sort((a, b) => a.d - b.d || a.s._id.localeCompare(b.s._id))[0].s
    const link: SiteReportDoc = { _id: report._id, siteId: site._id, categoryId: report.categoryId, open: true, createdAt: report.createdAt }
    const now = platform.clock.now()
    await platform.db.runTransaction(async (tx) => {
      const { _id, ...data } = link
      await tx.collection(I.siteReports).add({ data: { _id, ...data } })
      await changeSite(tx, site._id, (s) => ({ openReports: s.openReports + 1 }), now)
    })
    return site._id
  } catch (error) {
    // linked already (a replay of the same report)
    if (isDuplicateKey(error)) return null
    platform.log.error('inspect.linkReportToSite failed', { reportId: report._id, error: error instanceof Error ? error.message : String(error) })
    return null
  }
}

/**
 * A report's open state changed: closed, its site counts one open report fewer; reopened, one
 * more. Each link flips once per change (re-read in the transaction), so a replay changes nothing.
 */
export async function reportOpenChanged(platform: Db & Pick<Platform, 'log'>, reportId: string, open: boolean): Promise<void> {
  try {
    const link = await findById<SiteReportDoc>(platform.db, I.siteReports, reportId)
    if (!link || link.open === open) return
    const now = platform.clock.now()
    await platform.db.runTransaction(async (tx) => {
      const ref = tx.collection(I.siteReports).doc(reportId)
      const fresh = (await ref.get()).data as unknown as SiteReportDoc
      if (fresh.open === open) return
      await ref.update({ data: { open } })
      await changeSite(tx, fresh.siteId, (s) => ({ openReports: s.openReports + (open ? 1 : -1) }), now)
    })
  } catch (error) {
    platform.log.error('inspect.reportOpenChanged failed', { reportId, error: error instanceof Error ? error.message : String(error) })
  }
}

/** A report stopped being open: its site counts one open report fewer. */
export const unlinkClosedReport = (platform: Db & Pick<Platform, 'log'>, reportId: string) => reportOpenChanged(platform, reportId, false)
