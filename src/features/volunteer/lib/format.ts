import { inShanghai as shanghai } from '@/lib/time'
const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** '2026-11-25': the key the server lists a day by */
export function dayKey(ms: number): string {
  return shanghai(ms).format('YYYY-MM-DD')
}

export interface DayChip {
  key: string
  /** 今天 / 明天 / 11月27日 */
  label: string
  weekday: string
}

/** Today and the next days, for the date strip. */
export function dayStrip(now: number, days = 7): DayChip[] {
  return Array.from({ length: days }, (_, i) => {
    const d = shanghai(now).add(i, 'day')
    const label = i === 0 ? '今天' : i === 1 ? '明天' : d.format('M月D日')
    return { key: d.format('YYYY-MM-DD'), label, weekday: WEEKDAY[d.day()] }
  })
}

export function formatClock(ms: number): string {
  return shanghai(ms).format('HH:mm')
}

export function formatDateTime(ms: number): string {
  return shanghai(ms).format('M月D日 HH:mm')
}

export function formatDate(ms: number): string {
  return shanghai(ms).format('YYYY年M月D日')
}

/** '11月25日 周三 09:00–11:00' */
export function formatShift(startAt: number, endAt: number): string {
  const start = shanghai(startAt)
  const sameDay = dayKey(startAt) === dayKey(endAt)
  return `${start.format('M月D日')} ${WEEKDAY[start.day()]} ${start.format('HH:mm')}–${sameDay ? formatClock(endAt) : formatDateTime(endAt)}`
}

/** '2 小时 5 分钟', '45 分钟', '0 分钟' */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} 分钟`
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`
}

/** 2.5 — the way certificates state hours */
export function formatHours(minutes: number): string {
  return (Math.round((minutes / 60) * 10) / 10).toString()
}

export function formatDistance(metres: number): string {
  return metres < 1000 ? `${metres} 米` : `${(metres / 1000).toFixed(1)} 公里`
}

/** ABCDE-FGHJK: a verification code in two halves, easier to read out */
export function groupCode(code: string): string {
  return code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : code
}
