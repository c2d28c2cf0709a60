import { useMemo, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { ActivityCardView, ActivityType } from '@/shared/contract'
import { callCloud } from '@/lib/call-cloud'
import { listPlaceholder } from '@/components/state'
import { usePaged } from '../api/volunteer'
import { dayStrip } from '../lib/format'
import { ACTIVITY_TYPE_LABEL, ACTIVITY_TYPES } from '../lib/labels'
import { locate } from '../lib/location'
import { ActivityCard } from './activity-card'
import { Chips } from './badges'
import './volunteer.scss'

/** An activity whose shifts straddle two pages arrives twice: fold the second part into the first. */
function mergeCards(shown: ActivityCardView[], next: ActivityCardView[]): ActivityCardView[] {
  const out = [...shown]
  for (const card of next) {
    const at = out.findIndex((c) => c.id === card.id)
    if (at >= 0) out[at] = { ...out[at], shifts: [...out[at].shifts, ...card.shifts] }
    else out.push(card)
  }
  return out
}

const TYPE_OPTIONS = [{ key: 'all', label: '全部' }, ...ACTIVITY_TYPES.map((t) => ({ key: t, label: ACTIVITY_TYPE_LABEL[t] }))]

/** 志愿 tab: activities by day and type, optionally near me, paged as the list scrolls. */
export function ActivityBrowser() {
  const now = Date.now()
  const days = useMemo(() => dayStrip(now), [Math.floor(now / 3_600_000)])
  const [day, setDay] = useState(days[0].key)
  const [type, setType] = useState('all')
  const [near, setNear] = useState<{ lat: number; lng: number } | null>(null)
  const [locating, setLocating] = useState(false)
  const [nearError, setNearError] = useState<string | null>(null)

  const list = usePaged(
    (page) =>
      callCloud('volunteer', 'listActivities', {
        date: day,
        ...(type !== 'all' ? { type: type as ActivityType } : {}),
        ...(near ? { near } : {}),
        page,
      }),
    [day, type, near],
    mergeCards,
  )

  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.more())

  const toggleNear = async () => {
    setNearError(null)
    if (near) return setNear(null)
    setLocating(true)
    const here = await locate()
    setLocating(false)
    if (!here.ok) return setNearError(here.message)
    setNear({ lat: here.lat, lng: here.lng })
  }

  return (
    <View id='wm-vo-browser'>
      <Chips idPrefix='wm-vo-day' options={days.map((d) => ({ key: d.key, label: d.label, sub: d.weekday }))} value={day} onChange={setDay} />
      <Chips idPrefix='wm-vo-type' options={TYPE_OPTIONS} value={type} onChange={setType} wrap />
      <View className='wm-vo-row' style={{ marginTop: 0, marginBottom: '16px' }}>
        <Text className='wm-text-secondary'>{near ? '只看 5 公里内的活动' : '显示全市的活动'}</Text>
        <Button id='wm-vo-near' size='small' type={near ? 'primary' : 'default'} loading={locating} onClick={() => void toggleNear()}>
          {near ? '附近 ✓' : '附近'}
        </Button>
      </View>
      {nearError ? <Text className='wm-vo-error'>{nearError}</Text> : null}

      {listPlaceholder({
        error: list.error,
        loading: list.loading,
        count: list.items.length,
        what: '活动列表',
        onRetry: () => void list.reload(),
        skeletonRows: 4,
        empty: { glyph: '志', title: '这一天暂无可报名的活动', description: near ? '附近 5 公里内没有活动，可以关闭「附近」看看全市的活动，或换一天。' : '换一天或换个类别看看；志愿服务队发布新活动后会出现在这里。下拉可刷新。' },
      }) ?? (
        <View id='wm-vo-activities'>
          {list.items.map((a) => (
            <ActivityCard key={a.id} activity={a} now={now} />
          ))}
          <View className='wm-vo-more'>
            {list.error ? (
              <Button size='small' onClick={() => void list.more()}>
                加载失败，点此重试
              </Button>
            ) : list.done ? (
              <Text className='wm-text-tertiary'>没有更多了</Text>
            ) : (
              <Button size='small' loading={list.loading} onClick={() => void list.more()}>
                加载更多
              </Button>
            )}
          </View>
        </View>
      )}
    </View>
  )
}
