import type { ParsedInputOf, OutputOf } from '@/shared/contract/define'
import { SETTINGS_ERRORS, type SettingsErrorCode, type settingsActions } from '@/shared/contract/settings'
import { fail, type Fail } from '@/shared/errors'

type Actions = typeof settingsActions
export type In<K extends keyof Actions> = ParsedInputOf<Actions[K]>
export type Out<K extends keyof Actions> = Promise<OutputOf<Actions[K]> | Fail>

export const settingsFail = (code: SettingsErrorCode, message: string = SETTINGS_ERRORS[code], issues?: Fail['issues']): Fail =>
  fail(code, message, issues)

/** The audit subjects of this area; `settings.audit` filters by them (and by any other area's). */
export const SUBJECT = { category: 'reportCategory', unit: 'reportUnit', grid: 'reportGrid' } as const

// one audit entry per change, with before and after: kept beside writeAudit so every area can write one
export { auditChange } from '../audit'
