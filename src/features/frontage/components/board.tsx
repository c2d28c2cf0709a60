import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import type { ShopBoardRow, ShopBoardView } from '@/shared/contract'
import { useLoad } from '../api'
import type { FrontageParams } from '../labels'
import { FrontageGate, ListTag, MoreButton, Problem, Tag, monthLabel, recentMonths, scoreText, starWords, timeText } from './common'

const MAX_SHOWN = 200

function RowsTable({ rows, id }: { rows: ShopBoardRow[]; id: string }) {
  return (
    <View className='wm-in-table' id={id}>
      <View className='wm-in-table__row wm-in-table__row--head'>
        <Text className='wm-fr-rank'>名次</Text>
        <Text className='wm-in-table__cell wm-in-table__cell--name'>门店</Text>
        <Text className='wm-in-table__cell'>得分</Text>
        <Text className='wm-in-table__cell'>星级</Text>
        <Text className='wm-in-table__cell'>榜单</Text>
      </View>
      {rows.map((r) => (
        <View key={r.shopId} className={`wm-in-table__row${r.list === 'red' ? ' wm-in-red' : r.list === 'black' ? ' wm-in-black' : ''}`} id={`${id}-${r.shopId}`}>
          <Text className='wm-fr-rank'>{r.rank}</Text>
          <Text className='wm-in-table__cell wm-in-table__cell--name'>{r.name}</Text>
          <Text className='wm-in-table__cell wm-in-nowrap'>{scoreText(r.score)}</Text>
          <Text className='wm-in-table__cell wm-in-nowrap'>{starWords(r.stars)}</Text>
          <View className='wm-in-table__cell'>{r.list ? <ListTag list={r.list} /> : <Text className='wm-text-tertiary'>—</Text>}</View>
        </View>
      ))}
    </View>
  )
}

/** Every ranked shop, a page (≤ 50) at a time by 「加载更多」, at most 200 on the screen. */
function AllRows({ view }: { view: ShopBoardView }) {
  const [extra, setExtra] = useState<{ rows: ShopBoardRow[]; cursor: string | null }>({ rows: [], cursor: view.nextCursor })
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const rows = [...view.rows, ...extra.rows]
  const more = async () => {
    if (!extra.cursor || busy) return
    setBusy(true)
    setProblem(null)
    const r = await callCloud('frontage', 'shopBoard', { district: view.district, month: view.month, cursor: extra.cursor })
    setBusy(false)
    if (!r.ok) return setProblem(r.message)
    setExtra((prev) => ({ rows: [...prev.rows, ...r.data.rows], cursor: r.data.nextCursor }))
  }
  return (
    <>
      <RowsTable rows={rows} id='wm-fr-board-row' />
      <MoreButton more={extra.cursor !== null && rows.length < MAX_SHOWN} busy={busy} onMore={() => void more()} id='wm-fr-board-more' />
      {extra.cursor !== null && rows.length >= MAX_SHOWN ? <Text className='wm-text-tertiary wm-fr-block wm-in-gap'>共 {view.total} 家，这里列出前 {rows.length} 名；红榜和黑榜见上。</Text> : null}
      <Problem text={problem} />
    </>
  )
}

/**
 * 门店红黑榜: a street's month as published (rank, shop, score, stars and 红榜 / 黑榜 in words,
 * the rule it was made by); pickers for the street and the month. The street office and the
 * office see a month not yet published as a live preview marked 未发布, with 发布 (confirmed once).
 */
export function ShopBoard({ params }: { params: FrontageParams }) {
  const months = recentMonths(12)
  // what was asked for; what is shown comes from the answer (the server picks the latest published month)
  const [district, setDistrict] = useState(params.district)
  const [month, setMonth] = useState(params.month)
  const [districts, setDistricts] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const load = useLoad(
    () =>
      callCloud('frontage', 'shopBoard', { ...(district ? { district } : {}), ...(month ? { month } : {}) }).then((r) => {
        if (r.ok) setDistricts((prev) => Array.from(new Set([...prev, ...r.data.districts, r.data.district])))
        return r
      }),
    [district, month],
  )
  const view = load.data
  const shownDistrict = district || view?.district || ''
  const shownMonth = month || view?.month || months[0] || ''
  const streetNames = districts.length > 0 ? districts : shownDistrict ? [shownDistrict] : []

  const pickers = (
    <View className='wm-fr-pickers'>
      {streetNames.length > 0 ? (
        <Picker mode='selector' range={streetNames} value={Math.max(0, streetNames.indexOf(shownDistrict))} onChange={(e) => setDistrict(streetNames[Number(e.detail.value)] ?? shownDistrict)}>
          <View className='wm-fr-select' id='wm-fr-board-district'>
            <Text>街道：{shownDistrict || '请选择'} ▾</Text>
          </View>
        </Picker>
      ) : null}
      <Picker mode='selector' range={months.map(monthLabel)} value={Math.max(0, months.indexOf(shownMonth))} onChange={(e) => {
          setMonth(months[Number(e.detail.value)] ?? shownMonth)
          if (!district && view) setDistrict(view.district)
        }}>
        <View className='wm-fr-select' id='wm-fr-board-month'>
          <Text>月份：{monthLabel(shownMonth)} ▾</Text>
        </View>
      </Picker>
    </View>
  )

  const publish = async (v: ShopBoardView) => {
    const ok = await Taro.showModal({ title: '发布红黑榜', content: `发布${v.district}${monthLabel(v.month)}的门店红黑榜？发布后得分冻结，门店星级随之更新，不能撤回。`, confirmText: '发布', cancelText: '取消' })
    if (!ok.confirm) return
    setBusy(true)
    setProblem(null)
    const r = await callCloud('frontage', 'publishShopBoard', { district: v.district, month: v.month })
    setBusy(false)
    if (!r.ok) {
      setProblem(r.message)
      if (r.code === 'FRONTAGE.ALREADY_PUBLISHED') load.reload()
      return
    }
    load.setData(r.data)
    void Taro.showToast({ icon: 'success', title: '已发布' })
  }

  const notPublished = load.error?.code === 'FRONTAGE.NOT_PUBLISHED'
  const gate = notPublished ? null : FrontageGate({ error: load.error, loading: load.loading, what: '门店红黑榜', audience: 'street', reload: load.reload })
  if (gate || notPublished || !view) {
    return (
      <View className='wm-fr wm-fr-wide' id='wm-fr-board'>
        {pickers}
        {gate ?? (
          <View className='wm-card' id='wm-fr-board-unpublished'>
            <EmptyState glyph='榜' title={month ? `${monthLabel(month)}的门店红黑榜尚未发布` : '还没有发布过门店红黑榜'} description='街道办每月初发布上个月的门店红黑榜。换个月份或街道看看。' />
          </View>
        )}
      </View>
    )
  }

  const currentMonth = months[0] ?? ''
  const ended = view.month < currentMonth
  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-board'>
      {pickers}
      <View className='wm-fr-hero'>
        <Text className='wm-fr-hero__title'>
          {view.district} · {monthLabel(view.month)}
        </Text>
        <Text className='wm-fr-hero__text'>门前三包门店红黑榜{view.published && view.publishedAt ? ` · ${timeText(view.publishedAt)} 发布` : ''}</Text>
      </View>
      {!view.published ? (
        <View className='wm-in-note wm-in-note--warn' id='wm-fr-board-preview'>
          <Text className='wm-in-note__tag'>未发布 · 实时预览</Text>
          <Text>这是按目前记录算出的名次，只有街道办和文明办能看到；发布后才对市民公开，得分随之冻结。</Text>
          {ended ? (
            <>
              <Problem text={problem} id='wm-fr-publish-error' />
              <Button type='primary' id='wm-fr-publish-board' loading={busy} disabled={busy} onClick={() => void publish(view)}>
                发布{monthLabel(view.month)}红黑榜
              </Button>
            </>
          ) : (
            <Text className='wm-text-secondary'>{monthLabel(view.month)}结束后才能发布。</Text>
          )}
        </View>
      ) : null}
      <View className='wm-fr-cols wm-in-gap'>
        <View className='wm-fr-col wm-fr-col--main'>
          {view.total > 0 ? (
            // stacked inside the wide column: side by side they were a third of the screen each, too narrow for a shop name
            <View>
              <View className='wm-fr-col'>
                <View className='wm-card' id='wm-fr-board-red'>
                  <Text className='wm-in-title'>红榜（{view.redCount} 家）</Text>
                  <Text className='wm-text-tertiary wm-fr-block'>得分前 {view.rule.red} 名，并列的一同上榜</Text>
                  {view.red.length > 0 ? <RowsTable rows={view.red} id='wm-fr-board-red-row' /> : <Text className='wm-text-secondary wm-fr-block wm-in-gap'>本月没有门店上红榜。</Text>}
                  {view.redCount > view.red.length ? <Text className='wm-text-tertiary wm-fr-block'>另有 {view.redCount - view.red.length} 家并列，见下方全部名次。</Text> : null}
                </View>
              </View>
              <View className='wm-fr-col'>
                <View className='wm-card' id='wm-fr-board-black'>
                  <Text className='wm-in-title'>黑榜（{view.blackCount} 家）</Text>
                  <Text className='wm-text-tertiary wm-fr-block'>红榜以外得分后 {view.rule.black} 名，并列的一同上榜</Text>
                  {view.black.length > 0 ? <RowsTable rows={view.black} id='wm-fr-board-black-row' /> : <Text className='wm-text-secondary wm-fr-block wm-in-gap'>本月没有门店上黑榜。</Text>}
                  {view.blackCount > view.black.length ? <Text className='wm-text-tertiary wm-fr-block'>另有 {view.blackCount - view.black.length} 家并列，见下方全部名次。</Text> : null}
                </View>
              </View>
            </View>
          ) : null}
          <View className='wm-card'>
            <View className='wm-fr-row'>
              <Text className='wm-in-title'>全部名次（{view.total} 家）</Text>
              <Tag text={view.published ? '已发布' : '未发布'} tone={view.published ? 'ok' : 'warn'} />
            </View>
            {view.total === 0 ? <Text className='wm-text-secondary wm-fr-block wm-in-gap'>本月还没有门店有得分记录：被检查过或门前有随手拍的门店才参与排名。</Text> : <AllRows key={`${view.district}-${view.month}-${view.publishedAt ?? 'live'}`} view={view} />}
          </View>
        </View>
        <View className='wm-fr-col'>
          <View className='wm-card' id='wm-fr-board-rule'>
            <Text className='wm-in-title'>计分和评星规则</Text>
            <Text className='wm-in-text wm-in-gap'>{view.ruleText}</Text>
          </View>
        </View>
      </View>
    </View>
  )
}
