import { CELL, COLUMN_HEADER } from '@/components/alt'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ErrorState, Skeleton } from '@/components/state'
import { TextArea } from '@/components/text-area'
import { ANOMALY_KIND_LABEL, ROLEMODEL_LIMITS, ROUND_STATUS_LABEL, type AnomalyFlag, type RoundOfficeView, type RoundResultView } from '@/shared/contract/rolemodel'
import { callCloud } from '@/lib/call-cloud'
import { shanghaiTime } from '@/lib/time'
import { useLoad } from '../api'
import { dayKeyText, timeText } from '../labels'
import { Done, Figure, OfficeRefusal, Problem, Tag, categoryLabel } from './common'
import { ResultTable } from './result-table'
import { ROUND_TONE } from './round-view'
import '../rolemodel.scss'

const DAY = 86_400_000
const dayKey = (ms: number) => shanghaiTime(ms, 'YYYY-MM-DD')

/** The Shanghai days of a round, up to today: the days anomalies can be read for. */
function roundDays(r: RoundOfficeView): string[] {
  const last = dayKey(Math.min(r.endAt, Date.now()))
  const days: string[] = []
  for (let ms = r.startAt; days.length < ROLEMODEL_LIMITS.roundDaysMax; ms += DAY) {
    const d = dayKey(ms)
    if (d > last) break
    days.push(d)
  }
  return days.length > 0 ? days : [dayKey(r.startAt)]
}

/** 评选管理: live totals (office only), panel scores, anomaly flags and voids, objections, close and result. */
export function RoundManage({ roundId }: { roundId: string }) {
  const round = useLoad(() => callCloud('rolemodel', 'roundOffice', { roundId }), [roundId])
  const [result, setResult] = useState<RoundResultView | null>(null)
  if (round.error?.code === 'AUTH.FORBIDDEN') return <OfficeRefusal what='评选管理' />
  if (!round.data) return <View className='wm-card'>{round.error ? <ErrorState what='评选' message={round.error.message} code={round.error.code} onRetry={round.reload} /> : <Skeleton rows={10} />}</View>
  const r = round.data
  const closed = r.status === 'closed'
  return (
    <View className='wm-rm wm-rm-wide' id='wm-rm-manage' data-status={r.status}>
      <View className='wm-card'>
        <View className='wm-rm-row'>
          <Text className='wm-rm-title'>{r.title}</Text>
          <Tag text={ROUND_STATUS_LABEL[r.status]} tone={ROUND_TONE[r.status]} id='wm-rm-manage-status' />
        </View>
        <Text className='wm-text-secondary'>
          {timeText(r.startAt)} — {timeText(r.endAt)} · 每人每天 {r.rules.votesPerDay} 票 · 投票 {r.rules.weights.votes}% + 评审 {r.rules.weights.panel}%
        </Text>
        <View className='wm-rm-figures wm-rm-gap'>
          <Figure value={r.candidateCount} label='候选人' />
          <Figure value={r.seats} label='评选名额' />
          <Figure value={r.candidates.reduce((s, c) => s + c.votes, 0)} label='有效票（实时，仅文明办可见）' />
          <Figure value={r.objections} label='收到的异议' />
        </View>
      </View>
      <View className='wm-rm-cols'>
        <View className='wm-rm-col'>
          <Text className='wm-section-title'>候选人票数与评审分</Text>
          <PanelScores round={r} onSaved={round.setData} disabled={closed} />
          {!closed ? <CloseRound round={r} onClosed={(res) => { setResult(res); round.reload() }} /> : null}
          {result || closed ? <ClosedResult roundId={r.id} fresh={result} /> : null}
        </View>
        <View className='wm-rm-col'>
          <Anomalies round={r} onVoided={round.reload} />
          <Objections roundId={r.id} count={r.objections} />
        </View>
      </View>
    </View>
  )
}

function PanelScores({ round: r, onSaved, disabled }: { round: RoundOfficeView; onSaved: (r: RoundOfficeView) => void; disabled: boolean }) {
  const [scores, setScores] = useState<Record<string, string>>(() => Object.fromEntries(r.candidates.map((c) => [c.id, c.panelScore === null ? '' : String(c.panelScore)])))
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    const entries = r.candidates.filter((c) => scores[c.id]?.trim())
    if (entries.length === 0) return setProblem('请至少为一位候选人填写评审分')
    const bad = entries.find((c) => {
      const n = Number(scores[c.id])
      return !Number.isFinite(n) || n < 0 || n > 100
    })
    if (bad) return setProblem(`${bad.name}的评审分应在 0 到 100 之间`)
    setBusy(true)
    const result = await callCloud('rolemodel', 'panelScores', { roundId: r.id, scores: entries.map((c) => ({ candidateId: c.id, score: Number(scores[c.id]) })) })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    setProblem(null)
    setDone(`已保存 ${entries.length} 位候选人的评审分`)
    onSaved(result.data)
  }
  return (
    <View className='wm-card' id='wm-rm-panel'>
      <View className='wm-rm-table' role='table'>
        <View className='wm-rm-table__row wm-rm-table__row--head' role='row'>
          <Text {...COLUMN_HEADER} className='wm-rm-table__cell wm-rm-table__cell--name'>候选人</Text>
          <Text {...COLUMN_HEADER} className='wm-rm-table__cell'>实时得票</Text>
          <Text {...COLUMN_HEADER} className='wm-rm-table__cell'>已作废</Text>
          <Text {...COLUMN_HEADER} className='wm-rm-table__cell'>评审分（0–100）</Text>
        </View>
        {r.candidates.map((c) => (
          <View key={c.id} className='wm-rm-table__row' role='row' id={`wm-rm-panel-row-${c.id}`} data-name={c.name}>
            <View {...CELL} className='wm-rm-table__cell wm-rm-table__cell--name'>
              <Text>{c.name}</Text>
              <Text className='wm-text-tertiary'>
                {categoryLabel(c.categoryId)}
                {c.objections > 0 ? ` · 异议 ${c.objections} 条` : ''}
              </Text>
            </View>
            <Text {...CELL} className='wm-rm-table__cell' id={`wm-rm-votes-${c.id}`}>
              {c.votes}
            </Text>
            <Text {...CELL} className='wm-rm-table__cell'>{c.voided}</Text>
            <View {...CELL} className='wm-rm-table__cell'>
              <Input
                className='wm-field-input wm-rm-score-input'
                id={`wm-rm-score-${c.id}`}
                type='digit'
                disabled={disabled}
                value={scores[c.id] ?? ''}
                maxlength={5}
                placeholder='未评'
                onInput={(e) => {
                  const value = e.detail.value
                  setScores((prev) => ({ ...prev, [c.id]: value }))
                  setDone(null)
                }}
              />
            </View>
          </View>
        ))}
      </View>
      <Text className='wm-text-tertiary wm-rm-gap'>实时票数只在这里给文明办看；市民看到的是每天 18:00 的快照。</Text>
      <Problem text={problem} id='wm-rm-panel-error' />
      <Done text={done} id='wm-rm-panel-done' />
      {!disabled ? (
        <Button block type='primary' fill='outline' className='wm-rm-gap' loading={busy} disabled={busy} id='wm-rm-panel-save' onClick={() => void save()}>
          保存评审分
        </Button>
      ) : null}
    </View>
  )
}

function CloseRound({ round: r, onClosed }: { round: RoundOfficeView; onClosed: (res: RoundResultView) => void }) {
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const ended = r.status === 'ended' || Date.now() > r.endAt
  const missing = r.candidates.filter((c) => c.panelScore === null).length
  const close = async () => {
    const sure = await Taro.showModal({ title: '公布结果？', content: `按权重计算并公布，入选的 ${r.seats} 位登上好人榜。公布后不能再改评审分。`, confirmText: '公布' })
    if (!sure.confirm) return
    setBusy(true)
    const result = await callCloud('rolemodel', 'closeRound', { roundId: r.id })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    onClosed(result.data)
  }
  return (
    <View className='wm-card' id='wm-rm-close'>
      <Text className='wm-rm-subtitle'>结束评选并公布结果</Text>
      <Text className='wm-text-secondary'>
        {!ended ? `投票 ${timeText(r.endAt)} 结束后才能公布结果。` : missing > 0 ? `还有 ${missing} 位候选人没有评审分，请先录入。` : '投票已结束、评审分已录齐，可以公布结果。'}
      </Text>
      <Problem text={problem} id='wm-rm-close-error' />
      <Button block type='primary' className='wm-rm-gap' loading={busy} disabled={busy || !ended || missing > 0} id='wm-rm-close-submit' onClick={() => void close()}>
        计算并公布结果
      </Button>
    </View>
  )
}

function ClosedResult({ roundId, fresh }: { roundId: string; fresh: RoundResultView | null }) {
  const round = useLoad(() => (fresh ? Promise.resolve({ ok: true as const, data: null }) : callCloud('rolemodel', 'round', { roundId })), [roundId, fresh])
  const result = fresh ?? round.data?.result ?? null
  return (
    <>
      <Text className='wm-section-title'>评选结果</Text>
      <View className='wm-card' id='wm-rm-manage-result'>
        {result ? <ResultTable result={result} /> : round.error ? <ErrorState what='评选结果' message={round.error.message} onRetry={round.reload} /> : <Skeleton rows={4} />}
      </View>
    </>
  )
}

function Anomalies({ round: r, onVoided }: { round: RoundOfficeView; onVoided: () => void }) {
  const days = roundDays(r)
  const [day, setDay] = useState(days[days.length - 1])
  const view = useLoad(() => callCloud('rolemodel', 'anomalies', { roundId: r.id, day }), [r.id, day])
  const [voiding, setVoiding] = useState<AnomalyFlag | null>(null)
  const busiest = view.data ? Math.max(1, ...view.data.hourly) : 1
  return (
    <>
      <Text className='wm-section-title'>异常投票提示</Text>
      <View className='wm-card' id='wm-rm-anomalies'>
        <View className='wm-rm-chips'>
          {days.slice(-7).map((d) => (
            <View key={d} role='radio' aria-checked={d === day} className={`wm-rm-chip${d === day ? ' wm-rm-chip--on' : ''}`} onClick={() => setDay(d)}>
              <Text>
                {d === day ? '✓ ' : ''}
                {dayKeyText(d)}
              </Text>
            </View>
          ))}
        </View>
        {!view.data ? (
          view.error ? <ErrorState what='异常提示' message={view.error.message} onRetry={view.reload} /> : <Skeleton rows={4} />
        ) : (
          <>
            {view.data.flags.length === 0 ? (
              <Text className='wm-text-secondary wm-rm-gap' id='wm-rm-anomalies-none'>
                {dayKeyText(day)}没有触发异常提示。
              </Text>
            ) : (
              view.data.flags.map((f, i) => (
                <View key={`${f.kind}-${f.candidateId}-${f.hour ?? 'n'}-${i}`} className='wm-rm-item wm-rm-gap'>
                  <View className='wm-rm-row'>
                    <Tag text={ANOMALY_KIND_LABEL[f.kind]} tone='warn' />
                    <View className='wm-rm-link' role='button' onClick={() => setVoiding(f)}>
                      <Text>作废这段投票</Text>
                    </View>
                  </View>
                  <Text className='wm-text-secondary'>
                    {f.candidateName}：{f.hour === null ? '1:00–6:00' : `${f.hour}:00–${f.hour + 1}:00`} 得票 {f.count}，提示线 {f.threshold}
                  </Text>
                  {voiding === f ? <VoidForm roundId={r.id} flag={f} onDone={() => { setVoiding(null); view.reload(); onVoided() }} onCancel={() => setVoiding(null)} /> : null}
                </View>
              ))
            )}
            <Text className='wm-rm-subtitle'>{dayKeyText(day)}各小时票数</Text>
            <View className='wm-rm-hours'>
              {view.data.hourly.map((n, h) => (
                <View key={h} className='wm-rm-hour' aria-label={`${h} 点 ${n} 票`}>
                  <View className='wm-rm-hour__bar' style={{ height: `${Math.round((n / busiest) * 100)}%` }} />
                  <Text className='wm-rm-hour__label'>{h % 6 === 0 ? `${h}时` : ''}</Text>
                </View>
              ))}
            </View>
            <Text className='wm-text-tertiary'>
              共 {view.data.hourly.reduce((s, n) => s + n, 0)} 票；最多的一小时 {Math.max(0, ...view.data.hourly)} 票
            </Text>
            {view.data.voids.length > 0 ? (
              <>
                <Text className='wm-rm-subtitle'>已作废</Text>
                {view.data.voids.map((v) => (
                  <Text key={v.id} className='wm-text-secondary wm-rm-break'>
                    {timeText(v.at)} 作废 {r.candidates.find((c) => c.id === v.candidateId)?.name ?? '候选人'} {v.fromHour}:00–{v.toHour + 1}:00{v.freshOnly ? '新注册账号的' : '全部'} {v.voided} 票。理由：{v.reason}
                  </Text>
                ))}
              </>
            ) : null}
          </>
        )}
      </View>
    </>
  )
}

function VoidForm({ roundId, flag, onDone, onCancel }: { roundId: string; flag: AnomalyFlag; onDone: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const fromHour = flag.hour ?? 1
  const toHour = flag.hour ?? 5
  const submit = async () => {
    if (reason.trim().length < 2) return setProblem('请写明作废理由，会记入审计')
    const sure = await Taro.showModal({ title: '作废这段投票？', content: `${flag.candidateName} ${dayKeyText(flag.day)} ${fromHour}:00–${toHour + 1}:00 的${flag.kind === 'freshAccounts' ? '新注册账号' : '全部'}投票将作废，不可恢复。`, confirmText: '作废' })
    if (!sure.confirm) return
    const result = await callCloud('rolemodel', 'voidVotes', { roundId, candidateId: flag.candidateId, day: flag.day, fromHour, toHour, freshOnly: flag.kind === 'freshAccounts', reason: reason.trim() })
    if (!result.ok) return setProblem(result.message)
    onDone()
  }
  return (
    <View className='wm-rm-gap'>
      <Text className='wm-field-label'>作废理由（记入审计）</Text>
      <TextArea className='wm-rm-textarea wm-rm-textarea--short' value={reason} maxlength={ROLEMODEL_LIMITS.noteMax} placeholder='如：凌晨集中投票，经核查为刷票' onInput={(v) => { setReason(v); setProblem(null) }} />
      <Problem text={problem} />
      <View className='wm-rm-buttons'>
        <Button fill='outline' type='default' onClick={onCancel}>
          取消
        </Button>
        <Button type='primary' onClick={() => void submit()}>
          作废并记录
        </Button>
      </View>
    </View>
  )
}

function Objections({ roundId, count }: { roundId: string; count: number }) {
  const list = useLoad(() => callCloud('rolemodel', 'objections', { roundId }), [roundId, count])
  return (
    <>
      <Text className='wm-section-title'>公示期异议</Text>
      <View className='wm-card' id='wm-rm-objections'>
        {!list.data ? (
          list.error ? <ErrorState what='异议' message={list.error.message} onRetry={list.reload} /> : <Skeleton rows={2} />
        ) : list.data.length === 0 ? (
          <Text className='wm-text-secondary'>还没有收到异议。市民在公示期内可以对候选人提出异议，只有文明办能看到。</Text>
        ) : (
          list.data.map((o) => (
            <View key={o.id} className='wm-rm-item'>
              <Text className='wm-rm-title'>关于 {o.candidateName}</Text>
              <Text className='wm-text-tertiary'>
                {timeText(o.createdAt)}
                {o.phone ? ` · 电话 ${o.phone}（仅文明办可见）` : ' · 未留电话'}
              </Text>
              <Text className='wm-text-secondary'>{o.text}</Text>
            </View>
          ))
        )}
      </View>
    </>
  )
}
