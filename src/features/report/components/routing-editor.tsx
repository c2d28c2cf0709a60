import { fieldName } from '@/components/alt'
import { useCallback, useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReportSettingsView, RoutingView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { CATEGORY_GROUPS, categoriesIn, limitsText, type CategoryId } from '@/shared/report'
import { ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { useCityMap } from '../api/report'
import './report.scss'

type SettingKey = keyof ReportSettingsView

/** The office's numbers, each saved on its own; the bounds are the ones `report.updateSettings` checks. */
const SETTINGS: Array<{ key: SettingKey; id: string; label: string; hint: string; unit: string; min: number; max: number }> = [
  { key: 'dailyLimit', id: 'wm-setting-daily-limit', label: '每人每天上报上限', hint: '同一个人一天内最多提交的随手拍条数', unit: '条', min: 1, max: 200 },
  { key: 'ratingWindowDays', id: 'wm-setting-rating-window', label: '评价期', hint: '办结后市民可评价的天数，期满自动办结（未评价）', unit: '天', min: 1, max: 30 },
  { key: 'contactRetentionDays', id: 'wm-setting-contact-retention', label: '联系方式保留期', hint: '办结后保留上报人联系方式的天数，期满自动删除', unit: '天', min: 30, max: 3650 },
]

const settingDrafts = (view: ReportSettingsView): Record<SettingKey, string> => ({
  dailyLimit: String(view.dailyLimit),
  ratingWindowDays: String(view.ratingWindowDays),
  contactRetentionDays: String(view.contactRetentionDays),
})

/**
 * 文明办: which unit gets each category (city-wide; a grid's own rule, where one exists, wins),
 * the per-person daily limit, the rating window and how long reporters' contact details are kept.
 * Each change is audited on the server.
 */
export function RoutingEditor() {
  const map = useCityMap()
  const [routing, setRouting] = useState<RoutingView | null>(null)
  const [error, setError] = useState<Fail | null>(null)
  const [open, setOpen] = useState<CategoryId | null>(null)
  const [drafts, setDrafts] = useState<Record<SettingKey, string>>({ dailyLimit: '', ratingWindowDays: '', contactRetentionDays: '' })

  const load = useCallback(async () => {
    setError(null)
    const result = await callCloud('report', 'routing', {})
    if (!result.ok) return setError(result)
    setRouting(result.data)
    setDrafts(settingDrafts(result.data))
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  if (error) {
    return (
      <View className='wm-card'>
        <ErrorState what='派发规则' message={error.message} onRetry={() => void load()} />
      </View>
    )
  }
  if (!routing || !map) {
    return (
      <View className='wm-card'>
        <Skeleton rows={4} />
      </View>
    )
  }
  const unitName = (id: string) => map.units.find((u) => u.id === id)?.name ?? id
  const gridName = (id: string) => map.grids.find((g) => g.id === id)?.name ?? id

  const route = async (categoryId: CategoryId, unitId: string) => {
    const result = await callCloud('report', 'setRoute', { categoryId, unitId })
    if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message })
    void Taro.showToast({ icon: 'success', title: '已保存' })
    setOpen(null)
    await load()
  }

  const saveSetting = async (setting: (typeof SETTINGS)[number]) => {
    const n = Number(drafts[setting.key])
    if (!Number.isInteger(n) || n < setting.min || n > setting.max) {
      return void Taro.showToast({ icon: 'none', title: `${setting.label}请输入 ${setting.min}–${setting.max} 之间的整数` })
    }
    const change: Partial<ReportSettingsView> = {}
    change[setting.key] = n
    const result = await callCloud('report', 'updateSettings', change)
    void Taro.showToast({ icon: result.ok ? 'success' : 'none', title: result.ok ? '已保存' : result.message })
    if (!result.ok) return
    // only this field takes the stored value: a number typed into another field and not yet saved stays
    const saved = result.data
    setRouting((r) => (r ? { ...r, ...saved } : r))
    setDrafts((d) => ({ ...d, [setting.key]: String(saved[setting.key]) }))
  }

  return (
    <View id='wm-report-routing'>
      <View className='wm-card'>
        {SETTINGS.map((setting) => (
          <View key={setting.key} style={{ marginBottom: Taro.pxTransform(24) }}>
            <Text className='wm-rp-label'>{setting.label}</Text>
            <View className='wm-rp-row'>
              <View style={{ display: 'flex', alignItems: 'center', flex: 1, marginRight: Taro.pxTransform(16) }}>
                <Input
                  id={setting.id}
                  {...fieldName(setting.label)}
                  className='wm-rp-input'
                  style={{ flex: 1 }}
                  type='number'
                  maxlength={String(setting.max).length}
                  value={drafts[setting.key]}
                  onInput={(e) => {
                    const value = e.detail.value
                    setDrafts((d) => ({ ...d, [setting.key]: value }))
                  }}
                />
                <Text className='wm-text-secondary' style={{ marginLeft: Taro.pxTransform(12) }}>
                  {setting.unit}
                </Text>
              </View>
              <Button id={`${setting.id}-save`} type='primary' onClick={() => void saveSetting(setting)}>
                保存
              </Button>
            </View>
            <Text className='wm-rp-hint'>
              {setting.hint}。可设 {setting.min}–{setting.max} {setting.unit}
            </Text>
          </View>
        ))}
      </View>
      {CATEGORY_GROUPS.filter((g) => g.kind === 'report').map((group) => (
        <View key={group.id} className='wm-card'>
          <Text className='wm-rp-label'>{group.name}</Text>
          {categoriesIn(group.id).map((category) => {
            const cityWide = routing.routes.find((r) => r.categoryId === category.id && r.gridId === null)
            const byGrid = routing.routes.filter((r) => r.categoryId === category.id && r.gridId !== null)
            const id = category.id as CategoryId
            return (
              <View key={category.id} className='wm-rp-dup__item' style={{ display: 'block' }}>
                {/* the unit goes under the category's name when both do not fit on one line: a name never breaks */}
                <View className='wm-rp-row' role='button' style={{ flexWrap: 'wrap', columnGap: '8px' }} onClick={() => setOpen(open === id ? null : id)}>
                  <Text className='wm-rp-cat__name'>{category.name}</Text>
                  <Text className='wm-text-secondary'>{cityWide ? unitName(cityWide.unitId) : byGrid.length ? '按网格派发' : '未设置'} ›</Text>
                </View>
                <Text className='wm-rp-hint'>{limitsText(category.limits)}</Text>
                {byGrid.map((r) => (
                  <Text key={r.gridId ?? ''} className='wm-rp-hint'>
                    {gridName(r.gridId ?? '')} → {unitName(r.unitId)}
                  </Text>
                ))}
                {open === id ? (
                  <View className='wm-rp-buttons'>
                    {map.units.map((u) => (
                      <View
                        key={u.id}
                        role='radio'
                        aria-checked={cityWide?.unitId === u.id}
                        className={`wm-rp-chip${cityWide?.unitId === u.id ? ' wm-rp-chip--current' : ''}`}
                        onClick={() => void route(id, u.id)}
                      >
                        <Text>{u.name}</Text>
                      </View>
                    ))}
                    {byGrid.length ? <Text className='wm-rp-hint'>设置全市统一的单位后，上面各网格的单独规则仍然优先。</Text> : null}
                  </View>
                ) : null}
              </View>
            )
          })}
        </View>
      ))}
    </View>
  )
}
