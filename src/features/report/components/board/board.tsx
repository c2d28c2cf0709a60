import { CELL, fieldName } from '@/components/alt'
import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { rolesOf, useMe } from '@/features/account'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '@/lib/use-load'
import { shanghaiTime } from '@/lib/time'
import { addWeeks, weekOf } from '@/shared/calendar/weeks'
import type { StatsBoardRow, StatsBoardRule, StatsBoardView, StatsEscalationView } from '@/shared/contract'
import { BOARD_REFUSALS, listWords, pct, periodWords } from './words'
import './board.scss'

type Scope = 'unit' | 'grid'
type Period = 'week' | 'month'

/** rows shown at a time; 「显示更多」 adds as many again */
const PAGE_ROWS = 20

function Choice<T extends string>({ value, options, onChange, idPrefix, label }: { value: T; options: Array<{ value: T; label: string }>; onChange: (v: T) => void; idPrefix: string; label: string }) {
  return (
    <View className='wm-ub-chips' role='radiogroup' aria-label={label}>
      {options.map((o) => (
        <View
          key={o.value}
          id={`${idPrefix}-${o.value}`}
          role='radio'
          aria-checked={o.value === value}
          className={`wm-ub-chip${o.value === value ? ' wm-ub-chip--on' : ''}`}
          onClick={() => onChange(o.value)}
        >
          <Text>{o.value === value ? `✓ ${o.label}` : o.label}</Text>
        </View>
      ))}
    </View>
  )
}

function Btn({ id, text, onTap, busy = false, ghost = false }: { id: string; text: string; onTap: () => void; busy?: boolean; ghost?: boolean }) {
  return (
    <View id={id} role='button' aria-disabled={busy} className={`wm-ub-btn${ghost ? ' wm-ub-btn--ghost' : ''}${busy ? ' wm-ub-btn--off' : ''}`} onClick={busy ? undefined : onTap}>
      <Text>{busy ? '请稍候…' : text}</Text>
    </View>
  )
}

function Note({ kind, text, id }: { kind: 'problem' | 'done'; text: string | null; id: string }) {
  if (!text) return null
  return (
    <View className={`wm-ub-note wm-ub-note--${kind}`} id={id} role={kind === 'problem' ? 'alert' : 'status'}>
      <Text>{text}</Text>
    </View>
  )
}

/** 红榜 / 黑榜 as a word in a frame; the colour only repeats it */
function ListTag({ list }: { list: StatsBoardRow['list'] }) {
  const words = listWords(list)
  if (!words) return null
  return <Text className={`wm-ub-tag wm-ub-tag--${list ?? ''}`}>{words}</Text>
}

function Row({ r, min }: { r: StatsBoardRow; min: number }) {
  return (
    <View className={`wm-ub-row${r.list ? ` wm-ub-row--${r.list}` : ''}`} role='row' data-list={r.list ?? 'none'}>
      <Text {...CELL} className='wm-ub-c wm-ub-c--rank'>{r.rank === null ? '未排名' : `第 ${r.rank} 名`}</Text>
      <View {...CELL} className='wm-ub-c wm-ub-c--name'>
        <Text className='wm-ub-name'>{r.name}</Text>
        {r.rank === null ? <Text className='wm-ub-small'>受理不足 {min} 件，本期不参与排名</Text> : null}
      </View>
      <View {...CELL} className='wm-ub-c wm-ub-c--rate'>
        <Text className='wm-ub-strong'>{r.onTimeRate === null ? '尚无办结' : pct(r.onTimeRate)}</Text>
        <Text className='wm-ub-small'>
          按时办结 {r.resolvedOnTime} / 办结 {r.resolved}
        </Text>
      </View>
      <Text {...CELL} className='wm-ub-c wm-ub-c--received'>
        <Text className='wm-ub-label'>受理 </Text>
        {r.received} 件
      </Text>
      <Text {...CELL} className='wm-ub-c wm-ub-c--median'>
        <Text className='wm-ub-label'>办结用时中位 </Text>
        {r.medianLabel ?? '—'}
      </Text>
      <Text {...CELL} className='wm-ub-c wm-ub-c--sat'>
        <Text className='wm-ub-label'>满意率 </Text>
        {r.satisfactionRate === null ? '暂无评价' : pct(r.satisfactionRate)}
      </Text>
      <Text {...CELL} className='wm-ub-c wm-ub-c--reopen'>
        <Text className='wm-ub-label'>重办 </Text>
        {r.reopened} 件{r.reopenedShare !== null && r.reopened > 0 ? `（${pct(r.reopenedShare)}）` : ''}
      </Text>
      <View {...CELL} className='wm-ub-c wm-ub-c--list'>
        <ListTag list={r.list} />
      </View>
    </View>
  )
}

function Table({ board }: { board: StatsBoardView }) {
  const [shown, setShown] = useState(PAGE_ROWS)
  useEffect(() => setShown(PAGE_ROWS), [board])
  const who = board.scope === 'unit' ? '单位' : '网格'
  const unranked = board.rows.filter((r) => r.rank === null).length
  if (board.rows.length === 0) {
    return (
      <View className='wm-card' id='wm-ub-empty'>
        <EmptyState
          glyph='榜'
          title={`${periodWords(board.period, board.key)}还没有${who}受理随手拍`}
          description={`市民的随手拍派发到责任${who}后，这里按规则排出红榜和黑榜。看到不文明现象，拍下来就是一份监督。`}
        />
      </View>
    )
  }
  return (
    <View className='wm-card wm-ub-table' id='wm-ub-table' role='table'>
      <View className='wm-ub-row wm-ub-row--head' role='row'>
        <Text {...CELL} className='wm-ub-c wm-ub-c--rank'>名次</Text>
        <Text {...CELL} className='wm-ub-c wm-ub-c--name'>{who}</Text>
        <Text {...CELL} className='wm-ub-c wm-ub-c--rate'>按时办结率</Text>
        <Text {...CELL} className='wm-ub-c wm-ub-c--received'>受理</Text>
        <Text {...CELL} className='wm-ub-c wm-ub-c--median'>办结用时中位</Text>
        <Text {...CELL} className='wm-ub-c wm-ub-c--sat'>满意率</Text>
        <Text {...CELL} className='wm-ub-c wm-ub-c--reopen'>重办</Text>
        <Text {...CELL} className='wm-ub-c wm-ub-c--list'>榜单</Text>
      </View>
      {board.rows.slice(0, shown).map((r) => (
        <Row key={r.id} r={r} min={board.rule.minReceived} />
      ))}
      {shown < board.rows.length ? (
        <View className='wm-ub-more' role='button' id='wm-ub-more' onClick={() => setShown(shown + PAGE_ROWS)}>
          <Text>显示更多（还有 {board.rows.length - shown} 个{who}）</Text>
        </View>
      ) : null}
      {unranked > 0 ? (
        <Text className='wm-ub-small wm-ub-foot' id='wm-ub-unranked'>
          {unranked === board.rows.length ? (unranked === 1 ? `本期这个${who}受理不足` : `本期这 ${unranked} 个${who}受理都不足`) : `有 ${unranked} 个${who}本期受理不足`} {board.rule.minReceived} 件，{unranked === board.rows.length ? '暂不排名，红榜和黑榜空缺' : '列在最后，不参与排名'}。
        </Text>
      ) : null}
      {board.truncated ? <Text className='wm-ub-small wm-ub-foot'>{who}较多，这里只列出一部分。</Text> : null}
    </View>
  )
}

function Podium({ board }: { board: StatsBoardView }) {
  const who = board.scope === 'unit' ? '单位' : '网格'
  const names = (rows: StatsBoardRow[]) => (rows.length ? rows.map((r) => r.name).join('、') : `本期没有${who}上榜`)
  return (
    <View className='wm-ub-podium'>
      <View className='wm-card wm-ub-pod wm-ub-pod--red' id='wm-ub-red'>
        <Text className='wm-ub-pod__title'>红榜 · 按时办结好的{who}</Text>
        <Text className='wm-ub-pod__names'>{names(board.red)}</Text>
      </View>
      <View className='wm-card wm-ub-pod wm-ub-pod--black' id='wm-ub-black'>
        <Text className='wm-ub-pod__title'>黑榜 · 需要加把劲的{who}</Text>
        <Text className='wm-ub-pod__names'>{names(board.black)}</Text>
      </View>
    </View>
  )
}

function NumberField({ id, label, hint, value, onChange }: { id: string; label: string; hint: string; value: string; onChange: (v: string) => void }) {
  return (
    <View className='wm-ub-field'>
      <Text className='wm-ub-field__label'>{label}</Text>
      <Input className='wm-field-input wm-ub-field__input' id={id} {...fieldName(label)} type='number' value={value} maxlength={5} onInput={(e) => onChange(e.detail.value)} />
      <Text className='wm-ub-small'>{hint}</Text>
    </View>
  )
}

const kindly = (r: { code: string; message: string }) => BOARD_REFUSALS[r.code] ?? r.message

/** 排名规则: red, black, minimum received; saved for both boards and audited by the server. */
function RuleForm({ rule, onSaved }: { rule: StatsBoardRule; onSaved: () => void }) {
  const [red, setRed] = useState(String(rule.red))
  const [black, setBlack] = useState(String(rule.black))
  const [min, setMin] = useState(String(rule.minReceived))
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<{ kind: 'problem' | 'done'; text: string } | null>(null)
  useEffect(() => {
    setRed(String(rule.red))
    setBlack(String(rule.black))
    setMin(String(rule.minReceived))
  }, [rule.red, rule.black, rule.minReceived])
  const save = async () => {
    const n = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN)
    const next = { red: n(red), black: n(black), minReceived: n(min) }
    if (!(next.red <= 50) || !(next.black <= 50)) return setNote({ kind: 'problem', text: '红榜、黑榜名额请填 0 到 50 之间的整数。' })
    if (!(next.minReceived <= 10000)) return setNote({ kind: 'problem', text: '最少受理件数请填 0 到 10000 之间的整数。' })
    setBusy(true)
    const r = await callCloud('stats', 'setBoardRule', next)
    setBusy(false)
    if (!r.ok) return setNote({ kind: 'problem', text: kindly(r) })
    setNote({ kind: 'done', text: `已保存：前 ${r.data.red} 名上红榜，后 ${r.data.black} 名上黑榜，受理少于 ${r.data.minReceived} 件不排名。` })
    onSaved()
  }
  return (
    <View className='wm-card' id='wm-ub-rule-form'>
      <Text className='wm-ub-side-title'>排名规则</Text>
      <Text className='wm-ub-small'>单位榜和网格榜用同一条规则；保存后实时榜立即按新规则排名，已发布的周不变；每次修改留审计记录。</Text>
      <View className='wm-ub-fields'>
        <NumberField id='wm-ub-rule-red' label='红榜名额' hint='按时办结率最高的前几名' value={red} onChange={setRed} />
        <NumberField id='wm-ub-rule-black' label='黑榜名额' hint='其余中排名最后的几名' value={black} onChange={setBlack} />
        <NumberField id='wm-ub-rule-min' label='最少受理件数' hint='少于此数不参与排名' value={min} onChange={setMin} />
      </View>
      <Btn id='wm-ub-rule-save' text='保存排名规则' busy={busy} onTap={() => void save()} />
      {note ? <Note kind={note.kind} text={note.text} id={`wm-ub-rule-${note.kind}`} /> : null}
    </View>
  )
}

/** 约谈记录: units on the black list two published weeks in a row, the latest first, paged. */
function Escalations({ version }: { version: number }) {
  const first = useLoad(() => callCloud('stats', 'escalations', {}), [version])
  const [extra, setExtra] = useState<{ items: StatsEscalationView[]; next: string | null } | null>(null)
  const [busy, setBusy] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  useEffect(() => setExtra(null), [first.data])
  const next = extra ? extra.next : (first.data?.next ?? null)
  const more = async () => {
    if (!next) return
    setBusy(true)
    const r = await callCloud('stats', 'escalations', { cursor: next })
    setBusy(false)
    if (!r.ok) return setMoreError(r.message)
    setMoreError(null)
    setExtra((prev) => ({ items: [...(prev?.items ?? []), ...r.data.items], next: r.data.next }))
  }
  const items = [...(first.data?.items ?? []), ...(extra?.items ?? [])]
  return (
    <View className='wm-card' id='wm-ub-escalations'>
      <Text className='wm-ub-side-title'>约谈记录</Text>
      <Text className='wm-ub-small'>连续两周上黑榜的单位，发布时自动标记约谈。</Text>
      {first.error ? (
        <ErrorState what='约谈记录' message={first.error.message} onRetry={first.reload} />
      ) : first.loading && !first.data ? (
        <Skeleton rows={2} title={false} />
      ) : items.length === 0 ? (
        <Text className='wm-ub-empty-line'>还没有需要约谈的单位。</Text>
      ) : (
        items.map((e) => (
          <View key={`${e.unitId}-${e.week}`} className='wm-ub-esc'>
            <Text className='wm-ub-name'>约谈 · {e.unitName}</Text>
            <Text className='wm-ub-small'>
              {periodWords('week', e.previousWeek)}、{periodWords('week', e.week)}连续上黑榜 · {shanghaiTime(e.at, 'M月D日')}标记
            </Text>
          </View>
        ))
      )}
      {next ? (
        <View className='wm-ub-more' role='button' id='wm-ub-esc-more' onClick={busy ? undefined : () => void more()}>
          <Text>{busy ? '正在加载…' : '加载更多'}</Text>
        </View>
      ) : null}
      {moreError ? <Note kind='problem' text={moreError} id='wm-ub-esc-problem' /> : null}
    </View>
  )
}

/** 发布上周红黑榜, asked once; the refusals (not ended, already published) in kind words. */
function PublishCard({ onPublished }: { onPublished: () => void }) {
  const last = addWeeks(weekOf(Date.now()), -1)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<{ kind: 'problem' | 'done'; text: string } | null>(null)
  const publish = async () => {
    const sure = await Taro.showModal({
      title: '发布上周红黑榜',
      content: `发布${periodWords('week', last)}的单位和网格红黑榜：数字将冻结，居民可见；连续两周上黑榜的单位会标记约谈。确定发布吗？`,
      confirmText: '确定发布',
      cancelText: '取消',
    })
    if (!sure.confirm) return
    setBusy(true)
    const r = await callCloud('stats', 'publishBoard', { week: last })
    setBusy(false)
    if (!r.ok) return setNote({ kind: 'problem', text: kindly(r) })
    const flagged = r.data.escalated.length
    setNote({ kind: 'done', text: `已发布${periodWords('week', r.data.week)}的红黑榜。${flagged ? `${flagged} 个单位连续两周上黑榜，已标记约谈。` : '没有单位需要约谈。'}` })
    onPublished()
  }
  return (
    <View className='wm-card' id='wm-ub-publish-card'>
      <Text className='wm-ub-side-title'>每周发布</Text>
      <Text className='wm-ub-small'>每周一发布上一周的红黑榜，每周一次，发布后数字不再变化。</Text>
      <Btn id='wm-ub-publish' text='发布上周红黑榜' busy={busy} onTap={() => void publish()} />
      {note ? <Note kind={note.kind} text={note.text} id={`wm-ub-publish-${note.kind}`} /> : null}
    </View>
  )
}

/**
 * 单位红黑榜 (随手拍): this week's or this month's units or grids ranked by on-time rate with the
 * numbers behind it, the rule written out. The office also publishes last week, sets the rule and
 * reads the 约谈 flags, beside the table on a wide screen.
 */
export function UnitBoard() {
  const [scope, setScope] = useState<Scope>('unit')
  const [period, setPeriod] = useState<Period>('week')
  const [version, setVersion] = useState(0)
  const office = rolesOf(useMe().me).includes('admin')
  const load = useLoad(() => callCloud('stats', 'board', { scope, period }), [scope, period, version])
  const b = load.data && load.data.scope === scope && load.data.period === period ? load.data : null
  const who = scope === 'unit' ? '单位' : '网格'

  let body
  if (load.error && !load.loading) {
    body =
      load.error.code === 'AUTH.FORBIDDEN' ? (
        <View className='wm-card'>
          <EmptyState glyph='榜' title='暂时看不到红黑榜' description='红黑榜向所有市民公开。请回到首页重新进入，或稍后再试。' actionText='重试' onAction={load.reload} />
        </View>
      ) : (
        <View className='wm-card'>
          <ErrorState what='红黑榜' message={load.error.message} onRetry={load.reload} />
        </View>
      )
  } else if (!b) {
    body = (
      <View className='wm-card'>
        <Skeleton rows={6} />
      </View>
    )
  } else {
    body = (
      <>
        <View className='wm-card wm-ub-rule' id='wm-ub-rule'>
          <Text className='wm-ub-side-title'>排名规则</Text>
          <Text className='wm-ub-rule__text' id='wm-ub-rule-text'>
            {b.ruleText}
          </Text>
        </View>
        <Podium board={b} />
        <Table board={b} />
      </>
    )
  }

  return (
    <View className='wm-ub' id='wm-unit-board' data-scope={scope} data-period={period} data-ready={b ? 'yes' : 'no'}>
      <View className='wm-ub-hero'>
        <Text className='wm-ub-hero__title'>{who}红黑榜</Text>
        <Text className='wm-ub-hero__text'>
          {b ? `${periodWords(b.period, b.key)} · 实时数字` : '随手拍按时办结情况'}，按时办结率 = 按时办结件数 ÷ 已办结件数
        </Text>
      </View>
      <View className='wm-ub-filters'>
        <Choice label='看单位还是网格' idPrefix='wm-ub-scope' value={scope} onChange={setScope} options={[{ value: 'unit', label: '责任单位' }, { value: 'grid', label: '网格' }]} />
        <Choice label='时段' idPrefix='wm-ub-period' value={period} onChange={setPeriod} options={[{ value: 'week', label: '本周' }, { value: 'month', label: '本月' }]} />
      </View>
      <View className={office ? 'wm-ub-cols' : ''}>
        <View className='wm-ub-main'>{body}</View>
        {office ? (
          <View className='wm-ub-side' id='wm-ub-office'>
            <PublishCard onPublished={() => setVersion((v) => v + 1)} />
            {b ? <RuleForm rule={b.rule} onSaved={() => setVersion((v) => v + 1)} /> : null}
            <Escalations version={version} />
          </View>
        ) : null}
      </View>
    </View>
  )
}
