import type { CalendarDay, YearCalendar } from './work-calendar'

/** Where a stored year came from: shipped with the app from the State Council notice, or loaded by the office. */
export interface CalendarSource {
  kind: 'seeded' | 'office'
  note: string
}

const span = (from: string, to: string, name: string): CalendarDay[] => {
  const out: CalendarDay[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 24 * 60 * 60 * 1000) {
    out.push({ date: new Date(t).toISOString().slice(0, 10), type: 'holiday', name })
  }
  return out
}
const workday = (date: string, name: string): CalendarDay => ({ date, type: 'workday', name: `${name}调休上班` })

/** 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）. */
export const OFFICIAL_2026: YearCalendar = {
  year: 2026,
  days: [
    ...span('2026-01-01', '2026-01-03', '元旦'),
    workday('2026-01-04', '元旦'),
    workday('2026-02-14', '春节'),
    ...span('2026-02-15', '2026-02-23', '春节'),
    workday('2026-02-28', '春节'),
    ...span('2026-04-04', '2026-04-06', '清明节'),
    ...span('2026-05-01', '2026-05-05', '劳动节'),
    workday('2026-05-09', '劳动节'),
    ...span('2026-06-19', '2026-06-21', '端午节'),
    workday('2026-09-20', '国庆节'),
    ...span('2026-09-25', '2026-09-27', '中秋节'),
    ...span('2026-10-01', '2026-10-07', '国庆节'),
    workday('2026-10-10', '国庆节'),
  ],
}

export const OFFICIAL_2026_SOURCE: CalendarSource = { kind: 'seeded', note: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）' }

/** The years shipped with the app: used when the database holds no schedule of its own for them. */
export const OFFICIAL_CALENDARS: readonly { calendar: YearCalendar; source: CalendarSource }[] = [
  { calendar: OFFICIAL_2026, source: OFFICIAL_2026_SOURCE },
]
