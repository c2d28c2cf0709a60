/**
 * Beijing-time weeks and months as keys: a week is named by its Monday (2026-11-30), a month by
 * YYYY-MM. China keeps no daylight saving, so Asia/Shanghai is always UTC+8.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000
export const DAY_MS = 86_400_000
export const WEEK_MS = 7 * DAY_MS

/** The Monday (Asia/Shanghai) of the week holding a UTC instant, YYYY-MM-DD. */
export function weekOf(ms: number): string {
  const local = new Date(ms + SHANGHAI_OFFSET_MS)
  const daysSinceMonday = (local.getUTCDay() + 6) % 7
  return new Date(local.getTime() - daysSinceMonday * DAY_MS).toISOString().slice(0, 10)
}

/** The UTC instant at which a week (its Monday, YYYY-MM-DD) starts in Shanghai. */
export function weekStartMs(week: string): number {
  return Date.parse(`${week}T00:00:00Z`) - SHANGHAI_OFFSET_MS
}

export function addWeeks(week: string, n: number): string {
  return new Date(Date.parse(`${week}T00:00:00Z`) + n * WEEK_MS).toISOString().slice(0, 10)
}

/** Whether `week` is a real Monday, as a client might send any date. */
export function isMonday(week: string): boolean {
  const ms = Date.parse(`${week}T00:00:00Z`)
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === week && new Date(ms).getUTCDay() === 1
}

/** The Beijing month holding a UTC instant, YYYY-MM. */
export function monthOf(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7)
}

/** The UTC instant at which a month (YYYY-MM) starts in Shanghai. */
export function monthStartMs(month: string): number {
  return Date.parse(`${month}-01T00:00:00Z`) - SHANGHAI_OFFSET_MS
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The Beijing calendar day holding a UTC instant, YYYY-MM-DD (the stats counters' day). */
export function dayOf(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}
