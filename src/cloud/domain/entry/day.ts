/** China keeps one offset all year (no daylight saving): a Shanghai day is UTC+8, exactly. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** The Asia/Shanghai calendar day of a UTC instant, as YYYY-MM-DD: the unit of poster stats. */
export function shanghaiDay(utcMs: number): string {
  return new Date(utcMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** The Shanghai days from `utcMs`'s day back, newest first: `count` of them. */
export function shanghaiDaysBack(utcMs: number, count: number): string[] {
  const days: string[] = []
  for (let i = 0; i < count; i += 1) days.push(shanghaiDay(utcMs - i * 24 * 60 * 60 * 1000))
  return days
}
