import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { openPage } from '@/lib/navigate'
import { shanghaiTime } from '@/lib/time'
import type { LimitUnit, StepLimit, StepLimits } from '@/shared/report/categories'
import type { Fail } from '@/shared/errors'
import './office-console.scss'

export const SETTINGS_VIEWS = ['index', 'categories', 'units', 'grids', 'limits', 'volunteer', 'points', 'notify', 'questions', 'handbook', 'audit', 'exports'] as const
export type SettingsViewName = (typeof SETTINGS_VIEWS)[number]
export const isSettingsView = (v: string): v is SettingsViewName => (SETTINGS_VIEWS as readonly string[]).includes(v)

export const VIEW_TITLE: Record<SettingsViewName, string> = {
  index: '全部设置',
  limits: '随手拍限额',
  volunteer: '志愿时限',
  points: '积分规则',
  notify: '通知模板',
  questions: '题库',
  handbook: '手册版本',
  categories: '类别与时限',
  units: '责任单位',
  grids: '网格',
  audit: '修改记录',
  exports: '数据导出',
}

export const settingsUrl = (view: SettingsViewName) => `/packages/office/pages/settings/index?view=${view}`
export const goSettings = (view: SettingsViewName) => openPage(settingsUrl(view))

export const timeText = (ms: number) => shanghaiTime(ms, 'YYYY年M月D日 HH:mm')

export const STEP_WORD: Record<keyof StepLimits, string> = { accept: '受理', start: '签收', resolve: '办结' }
export const STEP_KEYS: Array<keyof StepLimits> = ['accept', 'start', 'resolve']
export const UNIT_WORD: Record<LimitUnit, string> = { hours: '小时', days: '自然日', workdays: '工作日' }

/** 「2 小时」「3 个工作日」「2 小时（仅工作时间）」 */
export function limitText(l: StepLimit): string {
  const unit = l.unit === 'hours' ? '小时' : l.unit === 'days' ? '天' : '个工作日'
  return `${l.amount} ${unit}${l.unit === 'hours' && l.officeHours ? '（仅工作时间）' : ''}`
}

export function Problem({ text, id }: { text: string | null; id?: string }) {
  if (!text) return null
  return (
    <View className='wm-oc-problem' role='alert' id={id}>
      <Text>{text}</Text>
    </View>
  )
}

export function Done({ text, id }: { text: string | null; id?: string }) {
  if (!text) return null
  return (
    <View className='wm-oc-done' role='status' id={id}>
      <Text>{text}</Text>
    </View>
  )
}

/** Choices drawn as chips: the chosen one says ✓ in its text, not only a colour. */
export function Chips<T extends string>({ value, options, onChange, idPrefix }: { value: T; options: Array<{ value: T; label: string }>; onChange: (v: T) => void; idPrefix?: string }) {
  return (
    <View className='wm-oc-chips' role='radiogroup'>
      {options.map((o) => (
        <View
          key={o.value}
          role='radio'
          aria-checked={o.value === value}
          id={idPrefix ? `${idPrefix}-${o.value}` : undefined}
          className={`wm-oc-chip${o.value === value ? ' wm-oc-chip--on' : ''}`}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.value === value ? `✓ ${o.label}` : o.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** A kind refusal: the 设置 and 导出 are the office's. */
export function Refusal({ what }: { what: string }) {
  return (
    <View className='wm-card' id='wm-oc-forbidden'>
      <EmptyState
        glyph='设'
        title='此页面仅限文明办使用'
        description={`您打开的是「${what}」。随手拍类别与限额、责任单位、网格、志愿时限、积分规则、题库和数据导出都由市文明办管理。您可以回到首页，看看您能做的事。`}
        actionText='回到首页'
        onAction={() => openPage('/pages/home/index')}
      />
    </View>
  )
}

/** loading / refused / failed before a view's data; null once the data is there */
export function Gate({ error, loading, what, reload, rows = 5 }: { error: Fail | null; loading: boolean; what: string; reload: () => void; rows?: number }): ReactNode {
  if (error?.code === 'AUTH.FORBIDDEN') return <Refusal what={what} />
  if (error) {
    return (
      <View className='wm-card'>
        <ErrorState what={what} message={error.message} code={error.code} onRetry={reload} />
      </View>
    )
  }
  if (loading) {
    return (
      <View className='wm-card'>
        <Skeleton rows={rows} />
      </View>
    )
  }
  return null
}

/** 「返回全部设置」: every settings view leads back to the index */
export function BackToIndex() {
  return (
    <View className='wm-oc-back' role='link' id='wm-oc-back' onClick={() => goSettings('index')}>
      <Text>‹ 全部设置</Text>
    </View>
  )
}

/** a whole number typed by a clerk, or null with the reason in words */
export function wholeNumber(text: string, what: string, min: number, max: number): { value: number } | { problem: string } {
  const t = text.trim()
  const n = Number(t)
  if (t === '' || !Number.isInteger(n)) return { problem: `${what}请填写整数` }
  if (n < min || n > max) return { problem: `${what}须在 ${min}–${max} 之间` }
  return { value: n }
}

/** a big tap-target button drawn as a plain View (NutUI's Button is heavy for a few taps) */
export function Action({ text, id, onClick, busy, kind = 'primary', disabled }: { text: string; id?: string; onClick: () => void; busy?: boolean; kind?: 'primary' | 'plain'; disabled?: boolean }) {
  const off = busy || disabled
  return (
    <View
      role='button'
      id={id}
      aria-disabled={off}
      className={`wm-oc-action wm-oc-action--${kind}${off ? ' wm-oc-action--off' : ''}`}
      onClick={off ? undefined : onClick}
    >
      <Text>{busy ? '请稍候…' : text}</Text>
    </View>
  )
}
