import type { CalendarDay } from '@/shared/calendar/work-calendar'

/**
 * A year's exceptions read the way the State Council notice reads them: per festival, its run of
 * days off and the weekend days made to work for it (春节 2月15日–2月23日 休；2月14日（周六）上班).
 * Pure and local to the office page: `@/shared/calendar`'s index would bring the sheet parser and
 * zod into the bundle.
 */
export interface HolidayRun {
  from: string
  to: string
  days: number
}

export interface FestivalGroup {
  name: string
  runs: HolidayRun[]
  /** 调休上班 dates, each a Saturday or Sunday */
  workdays: string[]
}

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const
const DAY_MS = 24 * 60 * 60 * 1000

const utcOf = (date: string): number => Date.parse(`${date}T00:00:00Z`)

/** 2月14日 */
export function monthDay(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

/** 2月14日（周六） */
export function monthDayWeekday(date: string): string {
  return `${monthDay(date)}（${WEEKDAY[new Date(utcOf(date)).getUTCDay()]}）`
}

/**
 * The office names a working day freely (春节调休上班, 国庆节调休, 春节上班): the festival is the
 * name without those endings, so the day lands beside the festival's days off.
 */
function festivalOf(day: CalendarDay): string {
  const base = day.name.trim().replace(/(调休上班|调休|补班|上班)$/, '')
  return base || (day.type === 'holiday' ? '休息日' : '调休上班')
}

export function groupSchedule(days: readonly CalendarDay[]): FestivalGroup[] {
  const groups = new Map<string, FestivalGroup & { first: string }>()
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : 1))
  for (const day of sorted) {
    const name = festivalOf(day)
    let group = groups.get(name)
    if (!group) {
      group = { name, runs: [], workdays: [], first: day.date }
      groups.set(name, group)
    }
    if (day.type === 'workday') {
      group.workdays.push(day.date)
      continue
    }
    const last = group.runs[group.runs.length - 1]
    if (last && utcOf(day.date) - utcOf(last.to) === DAY_MS) {
      last.to = day.date
      last.days += 1
    } else {
      group.runs.push({ from: day.date, to: day.date, days: 1 })
    }
  }
  // a festival sits where its days off begin (元旦 before 春节 even if 春节's 调休 falls earlier)
  const start = (g: FestivalGroup & { first: string }) => g.runs[0]?.from ?? g.first
  return [...groups.values()].sort((a, b) => (start(a) < start(b) ? -1 : 1)).map(({ name, runs, workdays }) => ({ name, runs, workdays }))
}

/** `2月15日–2月23日 休 9 天`, or `4月5日 休 1 天` */
export function runText(run: HolidayRun): string {
  const span = run.from === run.to ? monthDay(run.from) : `${monthDay(run.from)}–${monthDay(run.to)}`
  return `${span} 休 ${run.days} 天`
}

/** An example sheet for the chosen year: real dates, a 班 row on a Saturday as the parser demands. */
export function exampleSheet(year: number): string {
  let saturday = utcOf(`${year}-10-08`)
  while (new Date(saturday).getUTCDay() !== 6) saturday += DAY_MS
  const workday = new Date(saturday).toISOString().slice(0, 10)
  return ['日期,类型,名称', `${year}-01-01,休,元旦`, `${year}-10-01,休,国庆节`, `${year}-10-02,休,国庆节`, `${workday},班,国庆节调休`].join('\n')
}
