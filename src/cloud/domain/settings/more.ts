import type { HandbookVersionRowView, PointsRuleSettingView, ReportLimitsView, VolunteerTimesView } from '@/shared/contract/settings'
import { MORE_SETTINGS_LIMITS } from '@/shared/contract/settings'
import { NOTIFY_PURPOSES } from '@/shared/notify'
import { POINTS_RULES, type PointsRule, type PointsRuleId } from '@/shared/points-rules'
import { REPORT_LIMITS } from '@/shared/report'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { META_ID, type HandbookMetaDoc, type HandbookVersionDoc } from '../handbook/store'
import { resolveTemplates } from '../notify/templates'
import { loadActiveIndex } from '../quiz/bank-store'
import { loadSettings as loadReportSettings, SETTINGS_ID as REPORT_SETTINGS_ID } from '../report/city'
import { DEFAULT_NICKNAME } from '../user/profile'
import { loadSettings as loadVolunteerSettings } from '../volunteer/settings'
import { auditChange, type In, type Out } from './model'
import { applyRuleOverride, POINTS_OVERRIDES, rulesInForce, type PointsRuleOverrideDoc } from './points-overrides'

/** The audit subjects of the settings added for the index (the older ones are in model.ts). */
export const MORE_SUBJECT = { report: 'reportSettings', volunteer: 'volunteer_settings', points: 'pointsRule', questions: 'quiz_question' } as const

const reportLimitsOf = (dailyLimit: number): ReportLimitsView => ({ dailyLimit, minPhotos: REPORT_LIMITS.minPhotos, maxPhotos: REPORT_LIMITS.maxPhotos })

function ruleView(base: PointsRule, override: PointsRuleOverrideDoc | null): PointsRuleSettingView {
  const now = applyRuleOverride(base, override)
  return {
    rule: base.reason as PointsRuleId,
    label: base.label,
    per: base.per,
    points: now.points,
    dailyCap: now.dailyCap,
    defaultPoints: base.points,
    defaultDailyCap: base.dailyCap,
    overridden: override !== null && (now.points !== base.points || now.dailyCap !== base.dailyCap),
  }
}

/** Every setting with its value now: one read per area (a document or a count), never a list scan. */
export async function overview(ctx: ActionContext): Out<'overview'> {
  const [report, volunteer, rules, categories, units, grids, index, handbook, templates] = await Promise.all([
    loadReportSettings(ctx),
    loadVolunteerSettings(ctx),
    rulesInForce(ctx.db),
    ctx.db.collection('report_category_overrides').count(),
    ctx.db.collection('report_units').count(),
    ctx.db.collection('report_grids').count(),
    loadActiveIndex(ctx.db),
    findById<HandbookMetaDoc>(ctx.db, 'handbook_meta', META_ID),
    resolveTemplates(ctx, NOTIFY_PURPOSES),
  ])
  return {
    report: reportLimitsOf(report.dailyLimit),
    volunteer,
    points: rules.map(({ base, override }) => ruleView(base, override)),
    categoriesOverridden: categories.total,
    units: units.total,
    grids: grids.total,
    questions: index?.total ?? 0,
    handbookVersion: handbook?.version ?? null,
    handbookPublishedAt: handbook?.publishedAt ?? null,
    notifyTemplates: [...templates.values()].filter((t) => t.templateId !== null).length,
  }
}

/**
 * The same `report_settings` document `submit` reads (report/city.ts loadSettings), written whole
 * so the other report settings keep their values; the next submission counts against the new limit.
 */
export async function setReportLimits(input: In<'setReportLimits'>, ctx: ActionContext): Out<'setReportLimits'> {
  const current = await loadReportSettings(ctx)
  if (current.dailyLimit !== input.dailyLimit) {
    await ctx.db.collection('report_settings').doc(REPORT_SETTINGS_ID).set({
      data: { cityName: current.cityName, dailyLimit: input.dailyLimit, ratingWindowDays: current.ratingWindowDays, contactRetentionDays: current.contactRetentionDays },
    })
    await auditChange(ctx, { subjectType: MORE_SUBJECT.report, subjectId: REPORT_SETTINGS_ID, action: 'setDailyLimit', before: { dailyLimit: current.dailyLimit }, after: { dailyLimit: input.dailyLimit } })
  }
  return reportLimitsOf(input.dailyLimit)
}

const VOLUNTEER_SETTINGS_ID = 'office'

/** The `volunteer_settings/office` document that sign-up, cancel and the auto check-out read (volunteer/settings.ts). */
export async function setVolunteerTimes(input: In<'setVolunteerTimes'>, ctx: ActionContext): Out<'setVolunteerTimes'> {
  const current = await loadVolunteerSettings(ctx)
  const next: VolunteerTimesView = {
    cancelDeadlineMinutes: input.cancelDeadlineMinutes ?? current.cancelDeadlineMinutes,
    autoCloseGraceMinutes: input.autoCloseGraceMinutes ?? current.autoCloseGraceMinutes,
  }
  if (next.cancelDeadlineMinutes !== current.cancelDeadlineMinutes || next.autoCloseGraceMinutes !== current.autoCloseGraceMinutes) {
    await ctx.db.collection('volunteer_settings').doc(VOLUNTEER_SETTINGS_ID).set({ data: { ...next, updatedAt: ctx.clock.now(), updatedBy: ctx.caller.openid } })
    await auditChange(ctx, { subjectType: MORE_SUBJECT.volunteer, subjectId: VOLUNTEER_SETTINGS_ID, action: 'setVolunteerTimes', before: current, after: next })
  }
  return next
}

/** An override per rule; the earning code reads it in its transaction (points/earn.ts). */
export async function setPointsRule(input: In<'setPointsRule'>, ctx: ActionContext): Out<'setPointsRule'> {
  const base: PointsRule = POINTS_RULES[input.rule]
  const current = await findById<PointsRuleOverrideDoc>(ctx.db, POINTS_OVERRIDES, base.reason)
  const before = applyRuleOverride(base, current)
  const next: PointsRuleOverrideDoc = {
    _id: base.reason,
    points: input.points ?? before.points,
    dailyCap: input.dailyCap ?? before.dailyCap,
    updatedAt: ctx.clock.now(),
    updatedBy: ctx.caller.openid,
  }
  if (next.points !== before.points || next.dailyCap !== before.dailyCap) {
    const { _id, ...fields } = next
    await ctx.db.collection(POINTS_OVERRIDES).doc(_id).set({ data: fields })
    await auditChange(ctx, {
      subjectType: MORE_SUBJECT.points,
      subjectId: base.reason,
      action: 'setPointsRule',
      before: { points: before.points, dailyCap: before.dailyCap },
      after: { points: next.points, dailyCap: next.dailyCap },
    })
    return ruleView(base, next)
  }
  return ruleView(base, current)
}

/** Published versions newest first, by the by_version index; who published in words. */
export async function handbookVersions(input: In<'handbookVersions'>, ctx: ActionContext): Out<'handbookVersions'> {
  const size = MORE_SETTINGS_LIMITS.handbookPageSize
  const offset = input.offset ?? 0
  const { data } = await ctx.db.collection('handbook_versions').orderBy('version', 'desc').skip(offset).limit(size + 1).get()
  const docs = (data as unknown as HandbookVersionDoc[]).slice(0, size)
  const openids = [...new Set(docs.map((d) => d.publishedBy).filter((p) => p && p !== 'repo'))]
  const nicknames = new Map<string, string>()
  if (openids.length) {
    const _ = ctx.db.command
    const { data: users } = await ctx.db.collection('users').where({ _id: _.in(openids) }).field({ nickname: true }).limit(100).get()
    for (const u of users) if (typeof u.nickname === 'string' && u.nickname && u.nickname !== DEFAULT_NICKNAME) nicknames.set(u._id, u.nickname)
  }
  const items: HandbookVersionRowView[] = docs.map((d) => ({
    version: d.version,
    publishedAt: d.publishedAt,
    who: d.source === 'repo' || d.publishedBy === 'repo' ? '随版本发布' : nicknames.get(d.publishedBy) ?? '文明办',
    note: d.note ?? '',
    changedChapters: d.changedChapters?.length ?? 0,
  }))
  return { items, nextOffset: data.length > size ? offset + size : null }
}
