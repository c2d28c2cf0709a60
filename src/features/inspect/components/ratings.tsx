import { CELL } from '@/components/alt'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { addMonths, monthOf } from '@/shared/calendar/weeks'
import type { RatingsView as Ratings } from '@/shared/contract'
import { useLoad } from '../api'
import type { InspectParams } from '../labels'
import { Done, Gate, Problem, goInspect, periodLabel, scoreText, starWords, timeText } from './common'

/** the bands in words, best first: 「95 分及以上 5 星」 */
export const bandsText = (bands: Array<{ min: number; stars: number }>) =>
  [...bands]
    .sort((a, b) => b.min - a.min)
    .map((b) => `${scoreText(b.min)} 分及以上 ${starWords(b.stars)}`)
    .join('；')

/**
 * 星级评定: a month's unit scores and stars (a published month is frozen); the office publishes
 * the last month that has ended, once.
 */
export function RatingsView({ params }: { params: InspectParams }) {
  const lastEnded = addMonths(monthOf(Date.now()), -1)
  const [month, setMonth] = useState(/^\d{4}-\d{2}$/.test(params.month) ? params.month : lastEnded)
  const ratings = useLoad(() => callCloud('inspect', 'ratings', { month }), [month])
  // whether the office is here: a resident's home answers AUTH.FORBIDDEN, which only means “not the office”
  const home = useLoad(() => callCloud('inspect', 'home', {}), [])
  const office = !!home.data?.roles.office
  const notPublished = ratings.error?.code === 'INSPECT.NOT_PUBLISHED'
  const gate = notPublished ? null : Gate({ error: ratings.error, loading: ratings.loading && !ratings.data, what: '星级评定', audience: 'staff', reload: ratings.reload })
  if (gate) return <>{gate}</>
  const d = notPublished ? null : ratings.data
  return (
    <View className='wm-in wm-in-wide' id='wm-inspect-ratings'>
      <View className='wm-card'>
        <View className='wm-in-row'>
          <View className='wm-in-link' role='button' id='wm-inspect-ratings-prev' onClick={() => setMonth(addMonths(month, -1))}>
            <Text>‹ 上个月</Text>
          </View>
          <Text className='wm-in-title' id='wm-inspect-ratings-month'>
            {periodLabel(month)}
          </Text>
          {month < monthOf(Date.now()) ? (
            <View className='wm-in-link' role='button' id='wm-inspect-ratings-next' onClick={() => setMonth(addMonths(month, 1))}>
              <Text>下个月 ›</Text>
            </View>
          ) : (
            <Text className='wm-text-tertiary'>本月</Text>
          )}
        </View>
        {d ? (
          <>
            <Text className='wm-text-secondary wm-in-gap' id='wm-inspect-ratings-state'>
              {d.published && d.publishedAt
                ? `已于 ${timeText(d.publishedAt)} 发布，得分及其来源已冻结。`
                : month >= monthOf(Date.now())
                  ? '本月尚未结束，下面是目前的得分，月末后由文明办发布。'
                  : '尚未发布：下面是按现有数据计算的得分，发布后冻结。'}
            </Text>
            <Text className='wm-text-tertiary wm-in-gap' id='wm-inspect-ratings-bands'>
              星级分档：{bandsText(d.bands)}；低于最低分档不评星。
            </Text>
            {office && !d.published && month === lastEnded ? <Publish month={month} onPublished={ratings.setData} /> : null}
          </>
        ) : null}
      </View>
      <View className='wm-card' id='wm-inspect-ratings-table'>
        {!d ? (
          ratings.loading ? (
            <Skeleton rows={5} />
          ) : (
            <EmptyState glyph='星' title={`${periodLabel(month)}的星级评定尚未发布`} description='每月结束后，文明办按当月得分和星级分档评定并发布。可以看看上个月，或先了解怎样计分。' actionText='看计分规则' onAction={() => goInspect('rules')} />
          )
        ) : d.rows.length === 0 ? (
          <EmptyState glyph='星' title='这个月还没有单位得分' description='单位分到任务、点位督查发现问题后，这里按月给出得分与星级。' actionText='看计分规则' onAction={() => goInspect('rules')} />
        ) : (
          <RatingTable d={d} office={office} />
        )}
      </View>
    </View>
  )
}

function RatingTable({ d, office }: { d: Ratings; office: boolean }) {
  const rows = [...d.rows].sort((a, b) => b.score - a.score)
  return (
    <View className='wm-in-table' role='table'>
      <View className='wm-in-table__row wm-in-table__row--head' role='row'>
        <Text {...CELL} className='wm-in-table__cell wm-in-table__cell--name'>单位</Text>
        <Text {...CELL} className='wm-in-table__cell'>得分</Text>
        <Text {...CELL} className='wm-in-table__cell wm-in-table__cell--wide'>星级</Text>
      </View>
      {rows.map((r) => (
        <View
          key={r.unit.unitId}
          className='wm-in-table__row'
          role='row'
          id={`wm-inspect-rating-${r.unit.unitId}`}
          onClick={office ? () => goInspect('score', { unitId: r.unit.unitId, month: d.period.key }) : undefined}
        >
          <View {...CELL} className='wm-in-table__cell wm-in-table__cell--name'>
            <Text>{r.unit.name}</Text>
            {office ? <Text className='wm-text-tertiary'>看计算 ›</Text> : null}
          </View>
          <Text {...CELL} className='wm-in-table__cell'>{scoreText(r.score)}</Text>
          <View {...CELL} className='wm-in-table__cell wm-in-table__cell--wide' aria-label={starWords(r.stars)}>
            {r.stars > 0 ? <Text className='wm-in-nowrap'>{'★'.repeat(r.stars)}&nbsp;</Text> : null}
            <Text className='wm-in-nowrap'>{starWords(r.stars)}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}

function Publish({ month, onPublished }: { month: string; onPublished: (d: Ratings) => void }) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const publish = async () => {
    const asked = await Taro.showModal({ title: `发布${periodLabel(month)}星级评定`, content: '发布后各单位的得分、星级及其来源都将冻结，不能再改。确定发布？', confirmText: '发布' })
    if (!asked.confirm) return
    setBusy(true)
    setProblem(null)
    const r = await callCloud('inspect', 'publishRatings', { month })
    setBusy(false)
    if (!r.ok) {
      setProblem(r.message)
      return
    }
    setDone('已发布，数据已冻结')
    onPublished(r.data)
  }
  return (
    <View>
      <Problem text={problem} id='wm-inspect-ratings-error' />
      <Done text={done} id='wm-inspect-ratings-done' />
      <View className='wm-in-buttons'>
        <Button type='primary' loading={busy} disabled={busy} id='wm-inspect-ratings-publish' onClick={() => void publish()}>
          发布{periodLabel(month)}星级评定
        </Button>
      </View>
    </View>
  )
}
