import { OPEN_STATUSES, type ReportStatus } from '@/shared/report'

/**
 * The grid worker corrects a category while the report is still theirs to route (待受理, 退回):
 * after dispatch a unit has it, and moving it away from them is the office's call, which may be
 * made at any open status. Apart from the action so the view's 「更改类别」 button follows the same rule.
 */
export const GRID_MAY_RECATEGORIZE: readonly ReportStatus[] = ['submitted', 'returned']

export function mayRecategorize(status: ReportStatus, as: 'grid' | 'office'): boolean {
  return as === 'office' ? OPEN_STATUSES.includes(status) : GRID_MAY_RECATEGORIZE.includes(status)
}
