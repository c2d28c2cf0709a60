import type { ParsedInputOf, OutputOf } from '@/shared/contract/define'
import { SETTINGS_ERRORS, type SettingsErrorCode, type settingsActions } from '@/shared/contract/settings'
import { fail, type Fail } from '@/shared/errors'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'

type Actions = typeof settingsActions
export type In<K extends keyof Actions> = ParsedInputOf<Actions[K]>
export type Out<K extends keyof Actions> = Promise<OutputOf<Actions[K]> | Fail>

export const settingsFail = (code: SettingsErrorCode, message: string = SETTINGS_ERRORS[code], issues?: Fail['issues']): Fail =>
  fail(code, message, issues)

/** The audit subjects of this area; `settings.audit` filters by them (and by any other area's). */
export const SUBJECT = { category: 'reportCategory', unit: 'reportUnit', grid: 'reportGrid' } as const

/**
 * One audit entry for one change, with what the setting was and what it is now. before/after are
 * JSON strings because an audit detail holds plain values only (src/cloud/domain/audit.ts);
 * `settings.audit` parses them back.
 */
export async function auditChange(
  ctx: ActionContext,
  // any JSON-serialisable value; null (or undefined) for "nothing"
  entry: { subjectType: string; subjectId: string; action: string; before: unknown; after: unknown },
): Promise<void> {
  await writeAudit(ctx, {
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    action: entry.action,
    detail: { before: entry.before == null ? null : JSON.stringify(entry.before), after: entry.after == null ? null : JSON.stringify(entry.after) },
  })
}
