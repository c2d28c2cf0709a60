import type { ActionContext } from '../../runtime/context'

/** Open reports now, city-wide: how many are in each status, and how many are past their step's due time. */
export interface ReportNow {
  byStatus: Record<string, number>
  overdue: number
}

/**
 * Reads the counters kept on write. STUB: returns zeros until the counters land (H4, issue #11);
 * the signature is final so the dashboard can import it now.
 */
export async function readReportNow(ctx: ActionContext): Promise<ReportNow> {
  void ctx
  return { byStatus: {}, overdue: 0 }
}
