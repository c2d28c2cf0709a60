import type { MeasureResult, SurveyState, WilsonInterval } from '@/shared/contract/survey'
import { SURVEY_STATE_LABEL } from '@/shared/survey'
import { shanghaiTime } from '@/lib/time'

/**
 * Every survey screen is a view of the subpackage's one page (`?view=`, `?id=`): each registered
 * page costs the main package bytes it does not have. `?id=` alone opens a survey to answer (what
 * a poster or a shared link carries).
 */
export const SURVEY_PAGE = '/packages/survey/pages/index/index'
export const SURVEY_VIEWS = ['list', 'answer', 'office', 'edit', 'results'] as const
export type SurveyViewName = (typeof SURVEY_VIEWS)[number]

export const surveyView = (name: SurveyViewName, id?: string): string => {
  const query = [name === 'list' || name === 'answer' ? '' : `view=${name}`, id ? `id=${encodeURIComponent(id)}` : ''].filter(Boolean).join('&')
  return query ? `${SURVEY_PAGE}?${query}` : SURVEY_PAGE
}

export const dateText = (ms: number) => shanghaiTime(ms, 'YYYY年M月D日')
export const dayKey = (ms: number) => shanghaiTime(ms, 'YYYY-MM-DD')
/** YYYY-MM-DD in Asia/Shanghai → the start (or the last millisecond) of that day in UTC ms */
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`)
export const dayEnd = (day: string) => Date.parse(`${day}T23:59:59.999+08:00`)

export const periodText = (opensAt: number, closesAt: number) => `${shanghaiTime(opensAt, 'M月D日')}–${shanghaiTime(closesAt, 'M月D日')}`

export const stateLabel = (state: SurveyState): string => SURVEY_STATE_LABEL[state]

/** 0.8624 → 86.2% */
export const percent = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`

export const intervalText = (ci: WilsonInterval) => `${percent(ci.low)}–${percent(ci.high)}`

/** 「86.2%（95% 区间 80.1%–90.7%，n=152）」: the rate with its arithmetic, in words. */
export function rateText(m: Pick<MeasureResult, 'rate' | 'ci' | 'valid'>): string {
  if (m.rate === null || m.ci === null) return `暂无有效回答（n=${m.valid}）`
  return `${percent(m.rate)}（95% 区间 ${intervalText(m.ci)}，n=${m.valid}）`
}

/** The reason a community's figures are not shown, said plainly. */
export const hiddenReason = (sample: number, minSample: number) =>
  `样本 ${sample} 份，少于最小样本 ${minSample} 份，比率和区间不显示（样本太少时结果不可靠，也可能让人认出答卷人）`
