/**
 * Working-day arithmetic on China's official holiday calendar, pure and fast (no I/O, no dayjs on
 * the hot path). Instants are UTC milliseconds; days are counted in Asia/Shanghai, which is UTC+8
 * all year (no DST since 1991), so a fixed offset is exact.
 *
 * The rules a city office counts by (and what the ledger calls overdue):
 * - a working day (工作日) is Monday–Friday unless the year's calendar lists it as a holiday
 *   (放假), plus any day the calendar lists as a 调休 working day (上班), e.g. Saturday 2026-10-10;
 * - "N working days" (N 个工作日) does not count the day the step starts, working or not (a report
 *   that arrives on Friday afternoon, or on a Saturday, has not had its first day yet): the step
 *   is due at the close of office hours (17:30) on the Nth working day after it. Friday 16:00 +
 *   2 working days → Tuesday 17:30; across 国庆 2026, Wednesday 09-30 + 3 → Saturday 10-10 17:30
 *   (10-08, 10-09 and the 调休 Saturday 10-10);
 * - "N working hours" counts only time inside office hours (08:30–12:00, 13:30–17:30 by default)
 *   on working days: a step entered outside them starts its clock at the next opening, and one
 *   that runs out exactly at a closing is due at that closing, not at the next opening;
 * - a year the calendar does not know counts plain weekdays (and `missingYears` says so, so the
 *   office is told to load it).
 */

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
export const DAY_MS = 24 * 60 * 60 * 1000
const MINUTE_MS = 60 * 1000

/** 'YYYY-MM-DD' in Asia/Shanghai */
export type IsoDate = string

export type CalendarDayType = 'holiday' | 'workday'

export interface CalendarDay {
  date: IsoDate
  type: CalendarDayType
  /** 元旦, 春节 … as the notice names it */
  name: string
}

/** One year of the official schedule: only the exceptions to "Monday–Friday works". */
export interface YearCalendar {
  year: number
  days: readonly CalendarDay[]
}

/** An office-hours span within a day, in minutes after Shanghai midnight: 08:30 is 510. */
export interface OfficeSpan {
  startMinute: number
  endMinute: number
}

/** 08:30–12:00 and 13:30–17:30: the usual hours of a Chinese government office. */
export const DEFAULT_OFFICE_HOURS: readonly OfficeSpan[] = [
  { startMinute: 8 * 60 + 30, endMinute: 12 * 60 },
  { startMinute: 13 * 60 + 30, endMinute: 17 * 60 + 30 },
]

/** The whole day, for "working hours" counted round the clock on working days. */
export const WHOLE_DAY: readonly OfficeSpan[] = [{ startMinute: 0, endMinute: 24 * 60 }]

/** The calendar as the arithmetic reads it: day numbers (days since 1970-01-01 in Shanghai). */
export interface WorkCalendar {
  holidays: ReadonlySet<number>
  workdays: ReadonlySet<number>
  /** years the calendar has an official schedule for */
  years: ReadonlySet<number>
  officeHours: readonly OfficeSpan[]
}

/** Shanghai day number of an instant. */
export function dayNumberOf(at: number): number {
  return Math.floor((at + SHANGHAI_OFFSET_MS) / DAY_MS)
}

/** UTC ms of Shanghai midnight starting day `day`. */
export function dayStart(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Day number of 'YYYY-MM-DD', or null when it is not a real date. */
export function dayNumberOfDate(date: IsoDate): number | null {
  const match = ISO_DATE.exec(date)
  if (!match) return null
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const utc = Date.UTC(y, m - 1, d)
  const back = new Date(utc)
  // Date.UTC rolls 02-30 over into March: a date that does not come back unchanged is not real
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null
  return utc / DAY_MS
}

export function dateOfDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export function yearOfDayNumber(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear()
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7
}

export function buildWorkCalendar(years: readonly YearCalendar[], officeHours: readonly OfficeSpan[] = DEFAULT_OFFICE_HOURS): WorkCalendar {
  const holidays = new Set<number>()
  const workdays = new Set<number>()
  for (const year of years) {
    for (const day of year.days) {
      const n = dayNumberOfDate(day.date)
      if (n === null) continue
      if (day.type === 'holiday') holidays.add(n)
      else workdays.add(n)
    }
  }
  return { holidays, workdays, years: new Set(years.map((y) => y.year)), officeHours }
}

/** Plain Monday–Friday, for a year with no schedule or code that has no calendar at hand. */
export const WEEKDAYS_ONLY: WorkCalendar = buildWorkCalendar([])

export function isWorkingDay(day: number, calendar: WorkCalendar): boolean {
  if (calendar.holidays.has(day)) return false
  if (calendar.workdays.has(day)) return true
  const weekday = weekdayOf(day)
  return weekday >= 1 && weekday <= 5
}

export function isWorkingDate(date: IsoDate, calendar: WorkCalendar): boolean {
  const day = dayNumberOfDate(date)
  if (day === null) throw new RangeError(`not a date: ${date}`)
  return isWorkingDay(day, calendar)
}

/** A year has far fewer than this many days off in a row: past it, the calendar is broken. */
const MAX_DAYS_SCANNED = 3 * 366

function closingMinute(calendar: WorkCalendar): number {
  return calendar.officeHours.length ? calendar.officeHours[calendar.officeHours.length - 1].endMinute : 24 * 60
}

/** The Nth working day after the day of `from` (N ≥ 1), as a day number. */
export function nthWorkingDayAfter(from: number, n: number, calendar: WorkCalendar): number {
  let day = dayNumberOf(from)
  let left = n
  for (let scanned = 0; left > 0; scanned++) {
    if (scanned > MAX_DAYS_SCANNED) throw new RangeError('calendar has no working day')
    day += 1
    if (isWorkingDay(day, calendar)) left -= 1
  }
  return day
}

/**
 * Due time of "N working days" from `from`: the close of office hours on the Nth working day
 * after `from`'s day (see the rules at the top). N = 0 is due at once.
 */
export function addWorkingDays(from: number, n: number, calendar: WorkCalendar): number {
  if (n <= 0) return from
  return dayStart(nthWorkingDayAfter(from, Math.ceil(n), calendar)) + closingMinute(calendar) * MINUTE_MS
}

/**
 * Due time of "N working hours" from `from`, counting only time inside `spans` on working days
 * (office hours by default; WHOLE_DAY counts round the clock on working days only).
 */
export function addWorkingHours(from: number, hours: number, calendar: WorkCalendar, spans: readonly OfficeSpan[] = calendar.officeHours): number {
  let left = hours * 60 * MINUTE_MS
  if (left <= 0) return from
  if (!spans.length) throw new RangeError('no office hours')
  let day = dayNumberOf(from)
  for (let scanned = 0; scanned <= MAX_DAYS_SCANNED; scanned++, day++) {
    if (!isWorkingDay(day, calendar)) continue
    const midnight = dayStart(day)
    for (const span of spans) {
      const open = Math.max(midnight + span.startMinute * MINUTE_MS, from)
      const close = midnight + span.endMinute * MINUTE_MS
      if (close <= open) continue
      if (left <= close - open) return open + left
      left -= close - open
    }
  }
  throw new RangeError('calendar has no working day')
}

/** Years between two instants (inclusive) that the calendar has no official schedule for. */
export function missingYears(from: number, to: number, calendar: WorkCalendar): number[] {
  const missing: number[] = []
  for (let year = yearOfDayNumber(dayNumberOf(from)); year <= yearOfDayNumber(dayNumberOf(to)); year++) {
    if (!calendar.years.has(year)) missing.push(year)
  }
  return missing
}
