import { shanghaiTime } from '@/lib/time'

/**
 * Every 身边好人 screen is a view of the subpackage's one page (`?view=`): each registered page
 * costs the main package bytes (its path in app.json and app.js).
 */
export const ROLEMODEL_PAGE = '/packages/rolemodel/pages/index/index'
export const ROLEMODEL_VIEWS = ['board', 'round', 'nominate', 'mine', 'consent', 'office', 'review', 'setup', 'manage'] as const
export type RolemodelViewName = (typeof ROLEMODEL_VIEWS)[number]
/** the views only the office (文明办) may use */
export const OFFICE_VIEWS: readonly RolemodelViewName[] = ['office', 'review', 'setup', 'manage']

export const rolemodelUrl = (view: RolemodelViewName, query: Record<string, string> = {}): string => {
  const all = view === 'board' ? query : { view, ...query }
  const pairs = Object.entries(all).map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return pairs.length > 0 ? `${ROLEMODEL_PAGE}?${pairs.join('&')}` : ROLEMODEL_PAGE
}

export const VIEW_TITLE: Record<RolemodelViewName, string> = {
  board: '身边好人榜',
  round: '好人评选',
  nominate: '推荐身边好人',
  mine: '我的推荐',
  consent: '本人确认',
  office: '身边好人管理',
  review: '推荐审核',
  setup: '发起评选',
  manage: '评选管理',
}

export const dateText = (ms: number) => shanghaiTime(ms, 'YYYY年M月D日')
export const dayText = (ms: number) => shanghaiTime(ms, 'M月D日')
export const timeText = (ms: number) => shanghaiTime(ms, 'M月D日 HH:mm')

/** 2026-05-20 (a Shanghai day key) → 5月20日 */
export function dayKeyText(day: string): string {
  const [, m, d] = day.split('-')
  return m && d ? `${Number(m)}月${Number(d)}日` : day
}
