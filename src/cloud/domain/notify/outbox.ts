import { NOTIFY_ERRORS, NOTIFY_PURPOSE_LABEL, NOTIFY_LIMITS, type NotifyPurpose, type OutboxPageView } from '@/shared/contract/notify'
import { fail, type Fail } from '@/shared/errors'
import type { ActionContext } from '../../runtime/context'
import { N, type OutboxDoc } from './model'

/** Outbox ids sort by time: 15 digits of milliseconds, 4 of a counter, 6 hex characters. */
const CURSOR = /^\d{15}[0-9a-z]{4}[0-9a-f]{6}$/

/** Newest first; the cursor is the last id shown (ids sort by time, so it is also the index). */
export async function outbox(input: { purpose?: NotifyPurpose; cursor?: string }, ctx: ActionContext): Promise<OutboxPageView | Fail> {
  if (input.cursor !== undefined && !CURSOR.test(input.cursor)) return fail('NOTIFY.BAD_CURSOR', NOTIFY_ERRORS['NOTIFY.BAD_CURSOR'])
  const _ = ctx.db.command
  const where: Record<string, unknown> = {}
  if (input.purpose) where.purpose = input.purpose
  if (input.cursor) where._id = _.lt(input.cursor)
  const size = NOTIFY_LIMITS.outboxPageSize
  const { data } = await ctx.db
    .collection(N.outbox)
    .where(where)
    .orderBy('_id', 'desc')
    .limit(size + 1)
    .get()
  const docs = data as unknown as OutboxDoc[]
  const page = docs.slice(0, size)
  return {
    items: page.map((d) => ({
      outboxId: d._id,
      at: d.at,
      purpose: d.purpose,
      purposeLabel: NOTIFY_PURPOSE_LABEL[d.purpose],
      audience: d.audience,
      outcome: d.outcome,
      templateId: d.templateId,
      page: d.page,
      data: d.data,
      error: d.error,
    })),
    nextCursor: docs.length > size ? (page[page.length - 1]?._id ?? null) : null,
  }
}
