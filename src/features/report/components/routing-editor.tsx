import { useCallback, useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RoutingView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { CATEGORY_GROUPS, categoriesIn, limitsText, type CategoryId } from '@/shared/report'
import { ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { useCityMap } from '../api/report'
import './report.scss'

/**
 * 文明办: which unit gets each category (city-wide; a grid's own rule, where one exists, wins),
 * and the per-person daily limit. Each change is audited on the server.
 */
export function RoutingEditor() {
  const map = useCityMap()
  const [routing, setRouting] = useState<RoutingView | null>(null)
  const [error, setError] = useState<Fail | null>(null)
  const [open, setOpen] = useState<CategoryId | null>(null)
  const [limit, setLimit] = useState('')

  const load = useCallback(async () => {
    setError(null)
    const result = await callCloud('report', 'routing', {})
    if (!result.ok) return setError(result)
    setRouting(result.data)
    setLimit(String(result.data.dailyLimit))
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

  const saveLimit = async () => {
    const n = Number(limit)
    if (!Number.isInteger(n) || n < 1 || n > 200) return void Taro.showToast({ icon: 'none', title: '请输入 1–200 之间的整数' })
    const result = await callCloud('report', 'updateSettings', { dailyLimit: n })
    void Taro.showToast({ icon: result.ok ? 'success' : 'none', title: result.ok ? '已保存' : result.message })
    if (result.ok) await load()
  }

  return (
    <View id='wm-report-routing'>
      <View className='wm-card'>
        <Text className='wm-rp-label'>每人每天上报上限</Text>
        <View className='wm-rp-row'>
          <Input className='wm-rp-input' style={{ width: '50%' }} type='number' maxlength={3} value={limit} onInput={(e) => setLimit(e.detail.value)} />
          <Button type='primary' onClick={() => void saveLimit()}>
            保存
          </Button>
        </View>
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
                <View className='wm-rp-row' role='button' onClick={() => setOpen(open === id ? null : id)}>
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
