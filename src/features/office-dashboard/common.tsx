import type { ReactNode } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { openPage } from '@/lib/navigate'
import { shanghaiTime } from '@/lib/time'
import type { Fail } from '@/shared/errors'
import './office-dashboard.scss'

export const DASHBOARD_PAGE = '/packages/office/pages/dashboard/index'
export const DASHBOARD_VIEWS = ['overview', 'reports', 'volunteers', 'quiz', 'posters', 'handbook', 'briefing'] as const
export type DashboardViewName = (typeof DASHBOARD_VIEWS)[number]
export const isDashboardView = (v: string): v is DashboardViewName => (DASHBOARD_VIEWS as readonly string[]).includes(v)

export const VIEW_TITLE: Record<DashboardViewName, string> = {
  overview: '总览',
  reports: '随手拍',
  volunteers: '志愿',
  quiz: '答题',
  posters: '海报',
  handbook: '手册',
  briefing: '创文工作月报',
}

export type PeriodName = '7d' | '30d' | 'quarter' | 'custom'
export interface Period {
  period: PeriodName
  from?: string
  to?: string
}

export const PERIODS: Array<{ value: PeriodName; label: string }> = [
  { value: '7d', label: '7天' },
  { value: '30d', label: '30天' },
  { value: 'quarter', label: '本季度' },
  { value: 'custom', label: '自定义' },
]

const DAY = 86_400_000
/** today in Beijing, YYYY-MM-DD */
export const todayKey = (now = Date.now()) => shanghaiTime(now, 'YYYY-MM-DD')
export const dayKeyBefore = (days: number, now = Date.now()) => shanghaiTime(now - days * DAY, 'YYYY-MM-DD')

/** 2026-11-03 → 「11月3日」 */
export function dayWords(key: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key)
  return m ? `${Number(m[2])}月${Number(m[3])}日` : key
}

/** 2026-11-03 → 「11/3」, short for an axis */
export function dayShort(key: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key)
  return m ? `${Number(m[2])}/${Number(m[3])}` : key
}

export const rangeWords = (from: string, to: string) => `${dayWords(from)}—${dayWords(to)}`

/** 0.834 → 「83.4%」; null → 「—」 (nothing to divide) */
export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`)
export const num = (v: number) => v.toLocaleString('zh-CN')

/** Choices drawn as chips: the chosen one says ✓ in its text, not only a colour. */
export function Chips<T extends string>({ value, options, onChange, idPrefix }: { value: T; options: Array<{ value: T; label: string }>; onChange: (v: T) => void; idPrefix?: string }) {
  return (
    <View className='wm-db-chips' role='radiogroup'>
      {options.map((o) => (
        <View
          key={o.value}
          role='radio'
          aria-checked={o.value === value}
          id={idPrefix ? `${idPrefix}-${o.value}` : undefined}
          className={`wm-db-chip${o.value === value ? ' wm-db-chip--on' : ''}`}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.value === value ? `✓ ${o.label}` : o.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** The period every chart of a view follows: 7天 / 30天 / 本季度, or 自定义 with two dates. */
export function PeriodBar({ value, onChange, range }: { value: Period; onChange: (p: Period) => void; range: { from: string; to: string } | null }) {
  const today = todayKey()
  const from = value.from ?? dayKeyBefore(29)
  const to = value.to ?? today
  return (
    <View className='wm-card wm-db-period' id='wm-db-period'>
      <Text className='wm-db-label'>统计时段</Text>
      <Chips
        value={value.period}
        options={PERIODS}
        idPrefix='wm-db-period'
        onChange={(p) => onChange(p === 'custom' ? { period: 'custom', from, to } : { period: p })}
      />
      {value.period === 'custom' ? (
        <View className='wm-db-pickers'>
          <Picker mode='date' value={from} end={to} onChange={(e) => onChange({ period: 'custom', from: String(e.detail.value), to })}>
            <View className='wm-db-select' id='wm-db-from' role='button'>
              <Text>自 {dayWords(from)}</Text>
            </View>
          </Picker>
          <Picker mode='date' value={to} start={from} end={today} onChange={(e) => onChange({ period: 'custom', from, to: String(e.detail.value) })}>
            <View className='wm-db-select' id='wm-db-to' role='button'>
              <Text>至 {dayWords(to)}</Text>
            </View>
          </Picker>
        </View>
      ) : null}
      {range ? (
        <Text className='wm-text-tertiary' id='wm-db-range'>
          {`${rangeWords(range.from, range.to)}，共 ${dayCount(range.from, range.to)} 天；下面每张图表都按这个时段统计`}
        </Text>
      ) : null}
    </View>
  )
}

export const dayCount = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1

/** A figure with its label in words. */
export function Figure({ value, label, id, sub }: { value: number | string; label: string; id?: string; sub?: string }) {
  return (
    <View className='wm-db-figure' id={id}>
      <Text className='wm-db-figure__value'>{value}</Text>
      <Text className='wm-db-figure__label'>{label}</Text>
      {sub ? <Text className='wm-text-tertiary'>{sub}</Text> : null}
    </View>
  )
}

/** A kind refusal: the dashboard is the office's. */
export function Refusal() {
  return (
    <View className='wm-card' id='wm-db-forbidden'>
      <EmptyState
        glyph='数'
        title='此页面仅限文明办使用'
        description='您打开的是「数据看板」。全市随手拍、志愿服务、答题、海报和手册的统计由市文明办查看。各责任单位本月的办结情况，可以在首页的红黑榜里看到。'
        actionText='回到首页'
        onAction={() => openPage('/pages/home/index')}
      />
    </View>
  )
}

/** loading / refused / failed before a view's data; null once the data is there */
export function Gate({ error, loading, what, reload, rows = 6 }: { error: Fail | null; loading: boolean; what: string; reload: () => void; rows?: number }): ReactNode {
  if (error?.code === 'AUTH.FORBIDDEN') return <Refusal />
  if (error) {
    return (
      <View className='wm-card' id='wm-db-error'>
        <ErrorState what={what} message={error.message} onRetry={reload} />
      </View>
    )
  }
  if (loading) {
    return (
      <View className='wm-card' id='wm-db-loading'>
        <Skeleton rows={rows} />
      </View>
    )
  }
  return null
}
