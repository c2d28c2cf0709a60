import type { StatsBoardRow } from '@/shared/contract'

/** 0.8 → 「80%」, 0.875 → 「87.5%」; null → 「—」 */
export function pct(rate: number | null): string {
  if (rate === null) return '—'
  return `${(Math.round(rate * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`
}

/** 2026-11-30 → 「11月30日起的一周」; 2026-11 → 「2026年11月」 */
export function periodWords(period: 'week' | 'month', key: string): string {
  if (period === 'week') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key)
    return m ? `${Number(m[2])}月${Number(m[3])}日起的一周` : key
  }
  const m = /^(\d{4})-(\d{2})$/.exec(key)
  return m ? `${m[1]}年${Number(m[2])}月` : key
}

export const listWords = (list: StatsBoardRow['list']) => (list === 'red' ? '红榜' : list === 'black' ? '黑榜' : null)

/** The refusals 发布 and 排名规则 may meet, in kinder words than a code (the server's own message otherwise). */
export const BOARD_REFUSALS: Record<string, string> = {
  'AUTH.FORBIDDEN': '只有市文明办可以发布红黑榜和修改排名规则。',
  'STATS.WEEK_NOT_ENDED': '上一周还没有结束，周一零点后就可以发布了。',
  'STATS.ALREADY_PUBLISHED': '上周的红黑榜已经发布过了，每周只发布一次，数字已冻结。',
  'STATS.NOT_MONDAY': '发布的周次有误，请刷新页面后再试。',
  'INPUT.INVALID': '填写的数字不在允许范围内，请检查后再试。',
}
