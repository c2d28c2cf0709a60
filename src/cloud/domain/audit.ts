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
