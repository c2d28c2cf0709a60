import type { ReportSettingsView, RouteView, RoutingView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import type { CategoryId } from '@/shared/report'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { auditChange, writeAudit } from '../audit'
import { loadSettings, routeId, SETTINGS_ID } from './city'
import { reportFail } from './errors'
import type { ReportSettingsDoc, RouteDoc } from './types'

/** A rule per category, plus grid rules where a category depends on the grid: a few dozen, read in pages of 100. */
export async function routing(ctx: ActionContext): Promise<RoutingView> {
  const routes: RouteView[] = []
  for (let page = 0; page < 20; page++) {
    const { data } = await ctx.db.collection('report_routes').orderBy('_id', 'asc').skip(page * 100).limit(100).get()
    for (const r of data as unknown as RouteDoc[]) routes.push({ categoryId: r.categoryId, gridId: r.gridId ?? null, unitId: r.unitId })
    if (data.length < 100) break
  }
  return { ...settingsView(await loadSettings(ctx)), routes }
}

/** 文明办: which unit handles a category (city-wide, or in one grid). Audited like every office change. */
export async function setRoute(input: { categoryId: CategoryId; gridId?: string; unitId: string }, ctx: ActionContext): Promise<RouteView | Fail> {
  if (input.gridId && !(await findById(ctx.db, 'report_grids', input.gridId))) return reportFail('REPORT.GRID_NOT_FOUND')
  if (!(await findById(ctx.db, 'report_units', input.unitId))) return reportFail('REPORT.UNIT_NOT_FOUND')
  const gridId = input.gridId ?? null
  await ctx.db.collection('report_routes').doc(routeId(input.categoryId, gridId)).set({
    data: { categoryId: input.categoryId, gridId, unitId: input.unitId, updatedAt: ctx.clock.now() },
  })
  await writeAudit(ctx, { subjectType: 'reportRoute', subjectId: routeId(input.categoryId, gridId), action: 'setRoute', detail: { unitId: input.unitId } })
  return { categoryId: input.categoryId, gridId, unitId: input.unitId }
}

const settingsView = (s: ReportSettingsDoc): ReportSettingsView => ({
  dailyLimit: s.dailyLimit,
  ratingWindowDays: s.ratingWindowDays,
  contactRetentionDays: s.contactRetentionDays,
})

type SettingsInput = Partial<ReportSettingsView>

/** Each setting the office leaves out keeps its current value (stored or default); the whole doc is written so none is lost. */
export async function updateSettings(input: SettingsInput, ctx: ActionContext): Promise<ReportSettingsView> {
  const current = await loadSettings(ctx)
  const next: ReportSettingsDoc = { ...current, ...input }
  await ctx.db.collection('report_settings').doc(SETTINGS_ID).set({ data: { cityName: next.cityName, ...settingsView(next) } })
  // what each value was and is now, for 修改记录
  await auditChange(ctx, { subjectType: 'reportSettings', subjectId: SETTINGS_ID, action: 'updateSettings', before: settingsView(current), after: settingsView(next) })
  return settingsView(next)
}
