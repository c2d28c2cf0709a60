import {
  buildWorkCalendar,
  OFFICIAL_CALENDARS,
  type CalendarDay,
  type CalendarSource,
  type WorkCalendar,
  type YearCalendar,
} from '@/shared/calendar'
import type { Database } from '../../platform/database'
import type { Platform } from '../../platform'
import { findById } from '../../platform/find'

/**
 * The working-day calendar in the database: one document per year (`work_calendars`, _id y<year>).
 * A year the database does not hold falls back to the schedule shipped with the app (2026), and
 * a year neither knows counts plain weekdays.
 */
export interface CalendarDoc {
  _id: string
  year: number
  days: CalendarDay[]
  source: CalendarSource['kind']
  note: string
  updatedAt: number
  /** 'seed', or the office's openid (staff, kept for the audit) */
  updatedBy: string
}

export const calendarDocId = (year: number): string => `y${year}`

/** A handful of years is all a due time can reach; more would be a data error, not a need. */
const YEARS_LOADED = 20

/**
 * Due times are computed on every submit and transition: the calendar is read at most once a
 * minute per function instance (and per database, so tests on fresh databases do not share it).
 * An office change reaches other instances within this; the instance that made it drops its copy.
 */
export const CALENDAR_CACHE_MS = 60_000

interface Cached {
  loadedAt: number
  calendar: WorkCalendar
}
const cache = new WeakMap<Database, Cached>()

export async function storedYears(db: Database): Promise<CalendarDoc[]> {
  const { data } = await db.collection('work_calendars').orderBy('year', 'desc').limit(YEARS_LOADED).get()
  return data as unknown as CalendarDoc[]
}

export function calendarFrom(docs: readonly CalendarDoc[]): WorkCalendar {
  const years = new Map<number, YearCalendar>()
  for (const { calendar } of OFFICIAL_CALENDARS) years.set(calendar.year, calendar)
  // what the office stored wins over what shipped with the app
  for (const doc of docs) years.set(doc.year, { year: doc.year, days: doc.days })
  return buildWorkCalendar([...years.values()])
}

/** The calendar to count due times by, cached for CALENDAR_CACHE_MS. */
export async function loadWorkCalendar(platform: Pick<Platform, 'db' | 'clock'>): Promise<WorkCalendar> {
  const now = platform.clock.now()
  const hit = cache.get(platform.db)
  if (hit && now - hit.loadedAt >= 0 && now - hit.loadedAt < CALENDAR_CACHE_MS) return hit.calendar
  const calendar = calendarFrom(await storedYears(platform.db))
  cache.set(platform.db, { loadedAt: now, calendar })
  return calendar
}

export function forgetCachedCalendar(db: Database): void {
  cache.delete(db)
}

/** Writes the shipped schedules the database does not hold yet; the office's own years are kept. */
export async function seedCalendars(platform: Pick<Platform, 'db' | 'clock'>): Promise<void> {
  for (const { calendar, source } of OFFICIAL_CALENDARS) {
    const id = calendarDocId(calendar.year)
    if (await findById(platform.db, 'work_calendars', id)) continue
    const doc: Omit<CalendarDoc, '_id'> = {
      year: calendar.year,
      days: [...calendar.days],
      source: source.kind,
      note: source.note,
      updatedAt: platform.clock.now(),
      updatedBy: 'seed',
    }
    await platform.db.collection('work_calendars').doc(id).set({ data: { ...doc } })
  }
  forgetCachedCalendar(platform.db)
}
