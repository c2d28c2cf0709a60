import type { CalendarReplaceView, CalendarYearView } from '@/shared/contract'
import { CALENDAR_ERRORS } from '@/shared/contract'
import { OFFICIAL_CALENDARS, parseCalendarSheet } from '@/shared/calendar'
import { fail, type Fail } from '@/shared/errors'
import { findById } from '../../platform/find'
import type { ActionContext } from '../../runtime/context'
import { writeAudit } from '../audit'
import { recomputeCalendarDueTimes } from './recompute'
import { calendarDocId, forgetCachedCalendar, loadWorkCalendar, type CalendarDoc } from './store'

const MISSING_NOTE = (year: number) => `尚未导入 ${year} 年节假日安排：工作日时限暂按周一至周五计算，请在国务院办公厅通知发布后导入`

/** The office's view of one year: stored, else shipped with the app, else missing (and said so). */
export async function getCalendarYear(input: { year: number }, ctx: ActionContext): Promise<CalendarYearView> {
  const doc = await findById<CalendarDoc>(ctx.db, 'work_calendars', calendarDocId(input.year))
  if (doc) return { year: doc.year, source: doc.source, note: doc.note, days: doc.days, updatedAt: doc.updatedAt }
  const shipped = OFFICIAL_CALENDARS.find((c) => c.calendar.year === input.year)
  if (shipped) return { year: input.year, source: shipped.source.kind, note: shipped.source.note, days: [...shipped.calendar.days], updatedAt: null }
  return { year: input.year, source: 'missing', note: MISSING_NOTE(input.year), days: [], updatedAt: null }
}

/**
 * Replaces a year's schedule from the office's sheet. Every row is checked first: one bad row and
 * nothing is written (the answer names each bad line). Then the year is stored whole, this
 * instance's cached calendar is dropped, and open working-day due times are counted again.
 */
export async function replaceCalendarYear(input: { year: number; csv: string; note?: string }, ctx: ActionContext): Promise<CalendarReplaceView | Fail> {
  const sheet = parseCalendarSheet(input.year, input.csv)
  if (!sheet.ok) {
    const issues = sheet.problems.map((p) => ({ path: `第 ${p.line} 行`, message: p.message }))
    const named = issues.slice(0, 5).map((i) => `${i.path}：${i.message}`).join('；')
    return fail('CALENDAR.BAD_ROWS', `${CALENDAR_ERRORS['CALENDAR.BAD_ROWS']}（${named}${issues.length > 5 ? ' 等' : ''}）`, issues)
  }
  const now = ctx.clock.now()
  const doc: Omit<CalendarDoc, '_id'> = {
    year: input.year,
    days: [...sheet.calendar.days],
    source: 'office',
    note: input.note?.trim() || `文明办于 ${new Date(now + 8 * 3600_000).toISOString().slice(0, 10)} 导入`,
    updatedAt: now,
    updatedBy: ctx.caller.openid,
  }
  await ctx.db.collection('work_calendars').doc(calendarDocId(input.year)).set({ data: { ...doc } })
  await writeAudit(ctx, { subjectType: 'work_calendar', subjectId: calendarDocId(input.year), action: 'replace', detail: { days: doc.days.length } })
  forgetCachedCalendar(ctx.db)
  const recomputed = await recomputeCalendarDueTimes(ctx, await loadWorkCalendar(ctx))
  return { year: doc.year, source: doc.source, note: doc.note, days: doc.days, updatedAt: now, recomputed }
}
