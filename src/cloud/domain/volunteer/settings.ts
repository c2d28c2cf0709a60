import type { VolunteerSettingsView } from '@/shared/contract/volunteer'
import type { ActionContext } from '../../runtime/context'
import { auditChange } from '../audit'
import { C, findDoc } from './model'

export const DEFAULT_SETTINGS: VolunteerSettingsView = { cancelDeadlineMinutes: 120, autoCloseGraceMinutes: 30 }
const SETTINGS_ID = 'office'

interface SettingsDoc extends Partial<VolunteerSettingsView> {
  _id: string
}

export async function loadSettings(ctx: ActionContext): Promise<VolunteerSettingsView> {
  const doc = await findDoc<SettingsDoc>(ctx.db, C.settings, SETTINGS_ID)
  return {
    cancelDeadlineMinutes: doc?.cancelDeadlineMinutes ?? DEFAULT_SETTINGS.cancelDeadlineMinutes,
    autoCloseGraceMinutes: doc?.autoCloseGraceMinutes ?? DEFAULT_SETTINGS.autoCloseGraceMinutes,
  }
}

export async function updateSettings(
  patch: Partial<VolunteerSettingsView>,
  ctx: ActionContext,
): Promise<VolunteerSettingsView> {
  const current = await loadSettings(ctx)
  const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) }
  await ctx.db.collection(C.settings).doc(SETTINGS_ID).set({ data: { ...next, updatedAt: ctx.clock.now(), updatedBy: ctx.caller.openid } })
  // what each value was and is now, for 修改记录
  await auditChange(ctx, { subjectType: 'volunteer_settings', subjectId: SETTINGS_ID, action: 'updateSettings', before: current, after: next })
  return next
}
