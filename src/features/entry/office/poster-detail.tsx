import { alt, CELL, COLUMN_HEADER } from '@/components/alt'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ErrorState, Skeleton } from '@/components/state'
import { openPage } from '@/lib/navigate'
import type { PosterCounters, PosterView } from '@/shared/contract'
import { callCloud } from '@/lib/call-cloud'
import { usePosterStats } from './api'
import { TARGET_LABEL } from './labels'
import './poster-detail.scss'

export const POSTER_PRINT = '/packages/office/pages/print/index'

const COLUMNS: Array<{ key: keyof PosterCounters; label: string }> = [
  { key: 'scans', label: '扫码' },
  { key: 'people', label: '人数' },
  { key: 'reports', label: '随手拍' },
  { key: 'chapters', label: '读手册' },
  { key: 'quizzes', label: '答题' },
]

/** 2026-11-26 → 11月26日 (a Shanghai calendar day already; no time zone to apply) */
function dayLabel(day: string): string {
  const [, month, date] = day.split('-').map(Number)
  return `${month}月${date}日`
}

/** The 小程序码 as an image source: the mini-program reads cloud:// ids itself, H5 needs a URL. */
export function codeSource(poster: PosterView): string | null {
  return process.env.TARO_ENV === 'weapp' ? poster.codeFileID : poster.codeUrl
}

/** One poster: its code, where it leads, and what its scans led to, day by day. */
export function PosterDetail({ posterId }: { posterId: string }) {
  const { stats, error, reload, setPoster } = usePosterStats(posterId)
  const [busy, setBusy] = useState(false)

  if (!stats) {
    return (
      <View className='wm-card'>
        {error ? <ErrorState what='海报数据' message={error.message} onRetry={() => void reload()} /> : <Skeleton rows={6} />}
      </View>
    )
  }
  const { poster, days } = stats
  const retired = poster.status === 'retired'

  async function toggleStatus() {
    const confirm = await Taro.showModal({
      title: retired ? '重新启用这张海报？' : '下架这张海报？',
      content: retired ? '启用后扫码会重新打开它的页面。' : '下架后扫码会打开首页并提示活动已结束，统计数据保留。',
    })
    if (!confirm.confirm) return
    setBusy(true)
    const result = await callCloud('entry', 'setPosterStatus', { posterId, status: retired ? 'active' : 'retired' })
    setBusy(false)
    if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message })
    setPoster(result.data)
  }

  async function regenerate() {
    setBusy(true)
    const result = await callCloud('entry', 'posterCode', { posterId })
    setBusy(false)
    if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message })
    setPoster(result.data)
  }

  const src = codeSource(poster)
  return (
    <View className='wm-poster-detail' id='wm-poster-detail'>
      <View className='wm-card wm-poster-detail__head'>
        {src ? (
          <Image className='wm-poster-detail__code' src={src} mode='scaleToFill' {...alt(`${poster.title}的小程序码`)} />
        ) : (
          <View className='wm-poster-detail__code wm-poster-detail__code--missing' role='button' onClick={() => void regenerate()}>
            <Text>小程序码缺失，点此重新生成</Text>
          </View>
        )}
        <View className='wm-poster-detail__info'>
          <Text className='wm-poster-detail__title'>{poster.title}</Text>
          <Text className='wm-poster-detail__line'>去向：{TARGET_LABEL[poster.target.kind]}</Text>
          <Text className='wm-poster-detail__line'>地点：{poster.place.address}</Text>
          <Text className='wm-poster-detail__line'>
            编号：{poster.serialNo ?? poster.id} · {retired ? '已下架' : '使用中'}
          </Text>
        </View>
      </View>

      <View className='wm-poster-detail__actions'>
        <Button type='primary' id='wm-poster-print' onClick={() => openPage(`${POSTER_PRINT}?id=${poster.id}`)}>
          打印海报
        </Button>
        <Button type='default' fill='outline' loading={busy} disabled={busy} onClick={() => void toggleStatus()}>
          {retired ? '重新启用' : '下架'}
        </Button>
      </View>

      <Text className='wm-section-title'>累计</Text>
      <View className='wm-card wm-poster-detail__totals' id='wm-poster-totals'>
        {COLUMNS.map((c) => (
          <View key={c.key} className='wm-poster-detail__total'>
            <Text className='wm-poster-detail__value'>{poster.totals[c.key]}</Text>
            <Text className='wm-poster-detail__caption'>{c.label}</Text>
          </View>
        ))}
      </View>
      <Text className='wm-text-tertiary wm-poster-detail__note'>
        “扫码后行动”指扫码后 24 小时内提交随手拍、阅读手册或完成答题的人次，每次扫码每类只计一次。
      </Text>

      <Text className='wm-section-title'>近 30 天（有扫码的日子）</Text>
      <View className='wm-card wm-poster-detail__table' id='wm-poster-days' role='table'>
        <View className='wm-poster-detail__row wm-poster-detail__row--head' role='row'>
          <Text {...COLUMN_HEADER} className='wm-poster-detail__cell wm-poster-detail__cell--day'>
            日期
          </Text>
          {COLUMNS.map((c) => (
            <Text key={c.key} {...COLUMN_HEADER} className='wm-poster-detail__cell'>
              {c.label}
            </Text>
          ))}
        </View>
        {days.length === 0 ? (
          <View role='row'>
            <Text {...CELL} className='wm-poster-detail__empty'>
              还没有人扫码。张贴后，扫码数据会按天出现在这里。
            </Text>
          </View>
        ) : (
          days.map((d) => (
            <View key={d.day} className='wm-poster-detail__row' role='row'>
              <Text {...CELL} className='wm-poster-detail__cell wm-poster-detail__cell--day'>
                {dayLabel(d.day)}
              </Text>
              {COLUMNS.map((c) => (
                <Text key={c.key} {...CELL} className='wm-poster-detail__cell'>
                  {d[c.key]}
                </Text>
              ))}
            </View>
          ))
        )}
      </View>
    </View>
  )
}
