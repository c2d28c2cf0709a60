import type { WorkCalendar } from '@/shared/calendar'
import { CATEGORIES, countsOnCalendar, dueAfter, stepLimit, stepLimitsOf } from '@/shared/report'
import type { Platform } from '../../platform'
import type { ReportDoc } from '../report/types'

const PAGE = 100

type DueRow = Pick<ReportDoc, '_id' | 'categoryId' | 'status' | 'stepEnteredAt' | 'dueAt'>

/** Categories with a step counted on the calendar: only their reports can move when it changes. */
function calendarCategoryIds(): string[] {
  return CATEGORIES.filter((c) => Object.values(stepLimitsOf(c.limits)).some(countsOnCalendar)).map((c) => c.id)
}

/**
 * After the office changed the calendar: every open report whose current step is counted in
 * working days (or office hours) and is not yet due gets its due time counted again from the
 * step's entry, on the new calendar. Paged by (dueAt, _id) over the by_open_due index, never the
 * whole collection; each write is conditional on the report still being in the step it read, and
 * a second run finds nothing to change. A due time already passed stays: the step was late on
 * the calendar in force then.
 */
export async function recomputeCalendarDueTimes(platform: Pick<Platform, 'db' | 'clock'>, calendar: WorkCalendar): Promise<number> {
  const categoryIds = calendarCategoryIds()
  if (!categoryIds.length) return 0
  const _ = platform.db.command
  const now = platform.clock.now()
  const reports = platform.db.collection('reports')
  const fields = { _id: true, categoryId: true, status: true, stepEnteredAt: true, dueAt: true }
  let changed = 0

  const recompute = async (row: DueRow) => {
    const category = CATEGORIES.find((c) => c.id === row.categoryId)
    const limit = category ? stepLimit(row.status, category.limits) : null
    if (!limit || !countsOnCalendar(limit)) return
    const dueAt = dueAfter(limit, row.stepEnteredAt, calendar)
    if (dueAt === row.dueAt) return
    const { stats } = await reports
      .where({ _id: row._id, status: row.status, stepEnteredAt: row.stepEnteredAt, dueAt: row.dueAt })
      .update({ data: { dueAt } })
    changed += stats.updated
  }

  let cursor = now
  for (;;) {
    const { data } = await reports
      .where({ open: true, dueAt: _.gt(cursor), categoryId: _.in(categoryIds) })
      .orderBy('dueAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .field(fields)
      .get()
    const page = data as unknown as DueRow[]
    for (const row of page) await recompute(row)
    if (page.length < PAGE) break
    // reports sharing the page's last due time may run past the page: finish them by _id first
    const last = page[page.length - 1]
    const lastDue = last.dueAt as number
    for (let afterId = last._id; ; ) {
      const { data: tied } = await reports
        .where({ open: true, dueAt: lastDue, categoryId: _.in(categoryIds), _id: _.gt(afterId) })
        .orderBy('_id', 'asc')
        .limit(PAGE)
        .field(fields)
        .get()
      const ties = tied as unknown as DueRow[]
      for (const row of ties) await recompute(row)
      if (ties.length < PAGE) break
      afterId = ties[ties.length - 1]._id
    }
    cursor = lastDue
  }
  return changed
}
