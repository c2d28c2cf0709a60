/**
 * Times are stored as UTC milliseconds and shown in Asia/Shanghai, which is UTC+8 all year (no
 * daylight saving), so a fixed offset is exact.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000

/** The Shanghai calendar day of an instant: '2026-11-25'. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** '2026-11-25 09:30' */
export function shanghaiDateTime(ms: number): string {
  const iso = new Date(ms + SHANGHAI_OFFSET_MS).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`
}

/** '09:30' */
export function shanghaiTime(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16)
}

/** Midnight at the start of a Shanghai day, as UTC ms. */
export function startOfShanghaiDay(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS
}

/** '2 小时 5 分钟' */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} 分钟`
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`
}
