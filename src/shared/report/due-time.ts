// the modules, not the calendar's index: its sheet parser brings zod, which stays out of the mini-program
import { OFFICIAL_CALENDARS } from '../calendar/official'
import { addWorkingDays, addWorkingHours, buildWorkCalendar, type WorkCalendar } from '../calendar/work-calendar'
import { stepLimitsOf, type LegacyStepLimits, type StepLimit, type StepLimits } from './categories'

const HOUR_MS = 60 * 60 * 1000

/** The official schedules shipped with the app: what code without the stored calendar counts by. */
export const BUILT_IN_CALENDAR: WorkCalendar = buildWorkCalendar(OFFICIAL_CALENDARS.map((c) => c.calendar))

/** When a step with this limit, entered at `enteredAt`, is due (UTC ms). */
export function dueAfter(limit: StepLimit, enteredAt: number, calendar: WorkCalendar): number {
  switch (limit.unit) {
    case 'hours':
      return limit.officeHours ? addWorkingHours(enteredAt, limit.amount, calendar) : enteredAt + limit.amount * HOUR_MS
    case 'days':
      return enteredAt + limit.amount * 24 * HOUR_MS
    case 'workdays':
      return addWorkingDays(enteredAt, limit.amount, calendar)
  }
}

/** Whether the limit's due time depends on the calendar (and must be recomputed when it changes). */
export function countsOnCalendar(limit: StepLimit): boolean {
  return limit.unit === 'workdays' || (limit.unit === 'hours' && limit.officeHours === true)
}

const UNIT_TEXT: Record<StepLimit['unit'], string> = { hours: '小时', days: '天', workdays: '个工作日' }

/** 「2 小时」「3 个工作日」「2 小时（工作时间）」 */
export function limitText(limit: StepLimit): string {
  return `${limit.amount} ${UNIT_TEXT[limit.unit]}${limit.unit === 'hours' && limit.officeHours ? '（工作时间）' : ''}`
}

/** 「受理 2 小时 · 签收 4 小时 · 办结 3 个工作日」: a category's clock, as the office's routing page shows it */
export function limitsText(limits: StepLimits | LegacyStepLimits): string {
  const { accept, start, resolve } = stepLimitsOf(limits)
  const steps: Array<[string, StepLimit]> = [['受理', accept], ['签收', start], ['办结', resolve]]
  // a step with no time (文明点赞 has no 签收 or 办结) is not a step of the category
  return steps.filter(([, limit]) => limit.amount > 0).map(([word, limit]) => `${word} ${limitText(limit)}`).join(' · ')
}
