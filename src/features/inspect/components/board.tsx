import { CELL } from '@/components/alt'
import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState } from '@/components/state'
import type { BoardRowView, InspectBoardView } from '@/shared/contract'
import { addWeeks, weekOf } from '@/shared/calendar/weeks'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '../api'
import type { InspectParams } from '../labels'
import { Btn, Done, Problem, Tag, gate, minuteText } from './orders'
import '../field.scss'

const pct = (rate: number | null) => (rate === null ? '不排名' : `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`)

function ListTag({ list }: { list: BoardRowView['list'] }) {
  if (list === 'red') return <Tag text='红榜' tone='red' />
  if (list === 'black') return <Tag text='黑榜' tone='plain' />
  return null
}

/** One ranked table: rank, name, 整改率 as a percentage and as numbers, 红榜 / 黑榜 in words. */
function RankTable({ rows, what, id, wide = false }: { rows: BoardRowView[]; what: string; id: string; wide?: boolean }) {
  if (rows.length === 0) {
    return (
      <View className='wm-card'>
        <Text className='wm-text-secondary'>这一周没有应整改的问题，{what}不排名。</Text>
      </View>
    )
  }
  return (
    <View className={`wm-card wm-fd-table${wide ? ' wm-fd-table--wide' : ''}`} id={id} role='table'>
      <View className='wm-fd-table__head' role='row'>
        <Text {...CELL} className='wm-fd-table__rank'>名次</Text>
        <Text {...CELL} className='wm-fd-table__name'>{what}</Text>
        <Text {...CELL} className='wm-fd-table__rate'>整改率</Text>
        <Text {...CELL} className='wm-fd-table__nums'>按时整改 / 应整改</Text>
        <Text {...CELL} className='wm-fd-table__list'>榜单</Text>
      </View>
      {rows.map((r) => (
        <View key={r.id} className={`wm-fd-table__row${r.list ? ` wm-fd-table__row--${r.list}` : ''}`} role='row'>
          <Text {...CELL} className='wm-fd-table__rank'>{r.rank === null ? '—' : `第 ${r.rank} 名`}</Text>
          <Text {...CELL} className='wm-fd-table__name'>{r.name}</Text>
          <Text {...CELL} className='wm-fd-table__rate wm-fd-strong'>{pct(r.rate)}</Text>
          <Text {...CELL} className='wm-fd-table__nums'>
            按时整改 {r.onTime} / 应整改 {r.due}
          </Text>
          <View {...CELL} className='wm-fd-table__list'>
            <ListTag list={r.list} />
          </View>
        </View>
      ))}
    </View>
  )
}

const RECENT_WEEKS = 12

/**
 * 整改率红黑榜: a week's published board for everyone (the latest by default, earlier weeks by the
 * picker): units and districts ranked by 整改率 with the numbers behind it, the rule in words and
 * who is being escalated. The office also sees this week live (未发布·实时) and publishes last week.
 */
export function BoardView({ params }: { params: InspectParams }) {
  const thisWeek = weekOf(Date.now())
  const [week, setWeek] = useState<string | null>(params.week || null)
  const [message, setMessage] = useState<{ done: string | null; problem: string | null }>({ done: null, problem: null })
  const [publishing, setPublishing] = useState(false)
  const home = useLoad(() => callCloud('inspect', 'home', {}), [])
  const office = home.data?.roles.office === true
  const load = useLoad(() => callCloud('inspect', 'board', week ? { week } : {}), [week])
  const weeks = Array.from({ length: RECENT_WEEKS }, (_, i) => addWeeks(thisWeek, -i - (office ? 0 : 1)))
  const names = ['最新发布', ...weeks.map((w) => (w === thisWeek ? `本周（${w} 起）` : `${w} 起的一周`))]

  const publish = async () => {
    const last = addWeeks(thisWeek, -1)
    const sure = await Taro.showModal({ title: '发布上周红黑榜', content: `发布 ${last} 起一周的红黑榜：数据将冻结，居民可见，并按规则记录末位单位的约谈与问责。确定发布吗？`, confirmText: '确定发布', cancelText: '取消' })
    if (!sure.confirm) return
    setPublishing(true)
    const r = await callCloud('inspect', 'publishBoard', { week: last })
    setPublishing(false)
    if (!r.ok) return setMessage({ done: null, problem: r.message })
    setMessage({ done: `已发布 ${r.data.period.label}红黑榜`, problem: null })
    setWeek(last)
    load.setData(r.data)
  }

  const picker = (
    <Picker mode='selector' range={names} value={week ? Math.max(0, weeks.indexOf(week) + 1) : 0} onChange={(e) => setWeek(Number(e.detail.value) === 0 ? null : weeks[Number(e.detail.value) - 1] ?? null)}>
      <View className='wm-fd-select' id='wm-inspect-board-week'>
        <Text>周次：{week ? names[weeks.indexOf(week) + 1] ?? week : load.data && !load.data.published ? '本周实时' : '最新发布'} ▾</Text>
      </View>
    </Picker>
  )
  const officeBar = office ? (
    <View className='wm-card' id='wm-inspect-board-office'>
      <View className='wm-fd-pair'>
        <Btn id='wm-inspect-board-live' tone='ghost' text={week === thisWeek ? '正在看本周实时' : '看本周实时（未发布）'} onTap={() => setWeek(thisWeek)} />
        <Btn id='wm-inspect-publish-board' text='发布上周红黑榜' busy={publishing} onTap={() => void publish()} />
      </View>
      <Problem text={message.problem} id='wm-inspect-board-problem' />
      <Done text={message.done} id='wm-inspect-board-done' />
    </View>
  ) : null

  const b: InspectBoardView | null = load.data
  if (!b) {
    if (load.error?.code === 'INSPECT.NOT_PUBLISHED') {
      return (
        <View className='wm-fd' id='wm-inspect-board'>
          <View className='wm-fd-filters'>{picker}</View>
          {officeBar}
          <View className='wm-card'>
            <EmptyState glyph='榜' title={week ? '这一周的红黑榜还没有发布' : '还没有发布过红黑榜'} description='市文明办每周一发布上一周各责任单位的整改率红黑榜，发布后在这里查看。' {...(week ? { actionText: '看最新发布', onAction: () => setWeek(null) } : {})} />
          </View>
        </View>
      )
    }
    return (
      <View className='wm-fd' id='wm-inspect-board'>
        <View className='wm-fd-filters'>{picker}</View>
        {gate(load, { audience: 'staff', what: '整改率红黑榜' })}
      </View>
    )
  }
  return (
    <View className='wm-fd' id='wm-inspect-board'>
      <View className='wm-fd-hero'>
        <Text className='wm-fd-hero__title'>整改率红黑榜</Text>
        <Text className='wm-fd-hero__text'>
          {b.period.label}
        </Text>
        <View className='wm-fd-hero__tag'>
          <Text id='wm-inspect-board-state'>{b.published ? `已发布${b.publishedAt ? ` · ${minuteText(b.publishedAt)}` : ''}` : '未发布·实时'}</Text>
        </View>
      </View>
      <View className='wm-fd-filters'>{picker}</View>
      {officeBar}
      <Text className='wm-section-title'>责任单位</Text>
      <RankTable rows={b.units} what='单位' id='wm-inspect-board-units' wide />
      <View className='wm-fd-cols'>
        <View className='wm-fd-main'>
          <Text className='wm-section-title'>各区</Text>
          <RankTable rows={b.districts} what='区' id='wm-inspect-board-districts' />
        </View>
        <View className='wm-fd-side'>
          <Text className='wm-section-title'>末位约谈与问责</Text>
          <View className='wm-card' id='wm-inspect-board-escalations'>
            {b.escalations.length === 0 ? (
              <Text className='wm-text-secondary'>本周没有需要约谈或问责的单位。</Text>
            ) : (
              b.escalations.map((e) => (
                <View key={`${e.unitId}-${e.week}`} className='wm-fd-line'>
                  <View className='wm-fd-col'>
                    <Text className='wm-fd-strong'>{e.unitName}</Text>
                    <Text className='wm-text-secondary'>
                      连续 {e.streak} 次末位：{e.detail}
                    </Text>
                  </View>
                  <Tag text={e.step} tone='red' />
                </View>
              ))
            )}
          </View>
          <Text className='wm-section-title'>排名规则</Text>
          <View className='wm-card'>
            <Text className='wm-fd-body'>{b.ruleText}</Text>
          </View>
        </View>
      </View>
    </View>
  )
}
