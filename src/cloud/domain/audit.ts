import type { ActionContext } from '../runtime/context'

export interface AuditEntry {
  subjectType: string
  subjectId: string
  action: string
  detail?: Record<string, string | number | boolean | null>
}

/**
 * Appends one audit entry: who (openid and the roles they acted with), when, what. Audit entries
 * are never updated or removed; only the office reads them.
 */
export async function writeAudit(ctx: ActionContext, entry: AuditEntry): Promise<void> {
  await ctx.db.collection('audit_log').add({
    data: {
      ...entry,
      detail: entry.detail ?? {},
      actorOpenid: ctx.caller.openid,
      actorRoles: ctx.isAdmin ? ['admin'] : ctx.grants.map((g) => g.role),
      at: ctx.clock.now(),
    },
  })
}

/**
 * One audit entry for one change, with what the setting was and what it is now, so 修改记录 can
 * show both. before/after are JSON strings because an audit detail holds plain values only;
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
