import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '../api'
import type { FrontageParams } from '../labels'
import { FrontageGate, FrontageMissing, Stars, Tag, monthLabel, recentMonths, scoreText } from './common'

const signed = (p: number) => (p > 0 ? `+${scoreText(p)}` : p === 0 ? '0' : `−${scoreText(-p)}`)

/**
 * 门店得分: a month's score as arithmetic the owner can follow — the base, each line (what it
 * counts, how many, the points and how they were worked out), the total and its stars in words —
 * and first, 提升建议: what would raise it.
 */
export function ShopScore({ params }: { params: FrontageParams }) {
  const months = recentMonths(12)
  const [month, setMonth] = useState(params.month && /^\d{4}-\d{2}$/.test(params.month) ? params.month : (months[0] ?? ''))
  const load = useLoad(() => (params.shopId ? callCloud('frontage', 'shopScore', { shopId: params.shopId, month }) : Promise.resolve({ ok: true as const, data: null })), [params.shopId, month])
  if (!params.shopId) return <FrontageMissing what='门店' />
  const picker = (
    <View className='wm-fr-pickers'>
      <Picker mode='selector' range={months.map(monthLabel)} value={Math.max(0, months.indexOf(month))} onChange={(e) => setMonth(months[Number(e.detail.value)] ?? month)}>
        <View className='wm-fr-select' id='wm-fr-score-month'>
          <Text>月份：{monthLabel(month)} ▾</Text>
        </View>
      </Picker>
    </View>
  )
  const gate = FrontageGate({ error: load.error, loading: load.loading, what: '门店得分', reload: load.reload })
  if (gate) {
    return (
      <View className='wm-fr wm-fr-wide'>
        {picker}
        {gate}
      </View>
    )
  }
  const view = load.data
  if (!view) return <FrontageMissing what='门店' />
  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-shop-score'>
      {picker}
      <View className='wm-card'>
        <Text className='wm-in-title'>{view.shopName}</Text>
        <Text className='wm-text-tertiary wm-fr-block'>
          {monthLabel(view.month)} · {view.frozen ? '已随红黑榜发布，不再变动' : '本月尚未发布，得分随新记录变化'}
        </Text>
        <View className='wm-fr-score wm-in-gap' id='wm-fr-score-total'>
          <Text className='wm-fr-score__value'>{scoreText(view.score)}</Text>
          <Text className='wm-text-secondary'>分</Text>
          <Stars stars={view.stars} />
        </View>
      </View>

      <View className='wm-fr-cols'>
        <View className='wm-fr-col'>
          <View className='wm-fr-tips' id='wm-fr-score-tips'>
            <Text className='wm-in-title'>提升建议</Text>
            {view.tips.length === 0 ? (
              <Text className='wm-fr-tip'>本月没有扣分，请继续保持门前整洁有序。</Text>
            ) : (
              view.tips.map((t, i) => (
                <View key={i} className='wm-fr-tip'>
                  <Text className='wm-fr-tip__no'>{i + 1}.</Text>
                  <Text className='wm-fr-col'>{t}</Text>
                </View>
              ))
            )}
          </View>
        </View>
        <View className='wm-fr-col'>
          <View className='wm-card' id='wm-fr-score-lines'>
            <Text className='wm-in-title'>得分怎么算的</Text>
            <View className='wm-in-sum'>
              <View className='wm-in-sum__line'>
                <Text>基础分</Text>
                <Text className='wm-in-sum__points'>{scoreText(view.base)}</Text>
              </View>
              {view.lines.map((l, i) => (
                <View key={`${l.label}-${i}`} className='wm-fr-item'>
                  <View className='wm-fr-row'>
                    <View className='wm-fr-col'>
                      <Text>
                        {l.label}
                        {l.count > 0 ? ` · ${l.count} 次` : ''}
                      </Text>
                      <Text className='wm-text-tertiary'>{l.how}</Text>
                    </View>
                    <Text className='wm-in-sum__points'>{signed(l.points)}</Text>
                  </View>
                </View>
              ))}
              {view.lines.length === 0 ? <Text className='wm-text-tertiary'>本月没有扣分记录。</Text> : null}
              <View className='wm-in-sum__line wm-in-sum__total'>
                <Text>本月得分</Text>
                <Text className='wm-in-sum__points'>{scoreText(view.score)} 分</Text>
              </View>
            </View>
            <View className='wm-in-tags'>
              <Tag text={view.frozen ? '已发布' : '未发布'} tone={view.frozen ? 'ok' : 'warn'} />
            </View>
          </View>
        </View>
      </View>
    </View>
  )
}
