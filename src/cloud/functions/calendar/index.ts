import { CONTRACT } from '@/shared/contract'
import { getCalendarYear, replaceCalendarYear } from '../../domain/calendar/office'
import { defineFunction } from '../../runtime/define-function'

/** 工作日历: the holiday and 调休 schedule working-day time limits count by; the office keeps it. */
export const calendarFunction = defineFunction('calendar', CONTRACT.calendar, {
  get: (input, ctx) => getCalendarYear(input, ctx),
  replace: (input, ctx) => replaceCalendarYear(input, ctx),
})

export default calendarFunction
