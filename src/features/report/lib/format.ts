import { inShanghai as shanghai } from '@/lib/time'

export function formatTime(ms: number): string {
  return shanghai(ms).format('M月D日 HH:mm')
}

export function formatDateTime(ms: number): string {
  return shanghai(ms).format('YYYY年M月D日 HH:mm')
}

/** 2 小时 15 分 — for due times and how late something is */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const rest = minutes % 60
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`
  if (hours > 0) return rest > 0 ? `${hours} 小时 ${rest} 分` : `${hours} 小时`
  return `${rest} 分钟`
}

/** One line on the clock of the current step, e.g. 「请于 11月25日 12:00 前受理（还剩 1 小时 30 分）」 */
export function dueLine(dueAt: number | null, now: number, what: string): string | null {
  if (dueAt === null) return null
  return now > dueAt
    ? `${what}时限 ${formatTime(dueAt)}，已超期 ${formatSpan(now - dueAt)}`
    : `${what}时限 ${formatTime(dueAt)}（还剩 ${formatSpan(dueAt - now)}）`
}

/** the word for the step a status is in, for the due line */
export const STEP_WORD: Record<string, string> = {
  submitted: '受理',
  returned: '重新受理',
  reopened: '重办受理',
  'reopen-requested': '重办核实',
  dispatched: '签收',
  processing: '办结',
  'at-shop': '门店处理',
}
