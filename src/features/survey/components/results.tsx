import { CELL, COLUMN_HEADER } from '@/components/alt'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MeasureResult, QuestionResult, ScopeResult, SurveyResultsView, TextAnswerView } from '@/shared/contract/survey'
import { MEASURES, MEASURE_LABEL } from '@/shared/survey'
import { ErrorState, Skeleton } from '@/components/state'
import { SwitchMark } from '@/components/switch-mark'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '../api'
import { hiddenReason, percent, periodText, rateText, stateLabel, surveyView } from '../labels'
import { OfficeOnly, SurveyNotice } from './refusal'
import '../survey.scss'

/** The server's sheet of answers (no person in it): a download in the browser, a link in the mini-program. */
async function exportAnswers(surveyId: string, format: 'csv' | 'xlsx', includeFlagged: boolean): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const result = await callCloud('survey', 'exportAnswers', { surveyId, format, delivery: 'inline', includeFlagged })
    if (!result.ok) return result.message
    const content = result.data.content ?? ''
    // the CSV carries the BOM Excel needs; an .xlsx arrives as base64 bytes
    const blob =
      format === 'csv'
        ? new Blob([content], { type: 'text/csv;charset=utf-8' })
        : new Blob([Uint8Array.from(atob(content), (c) => c.charCodeAt(0))], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = result.data.filename
    document.body.appendChild(link)
    link.click()
    link.remove()
    return `已导出 ${result.data.rows} 份答卷（${result.data.filename}），表中不含任何个人信息`
  }
  const result = await callCloud('survey', 'exportAnswers', { surveyId, format, delivery: 'storage', includeFlagged })
  if (!result.ok) return result.message
  if (result.data.tempUrl) {
    await Taro.setClipboardData({ data: result.data.tempUrl })
    return `已导出 ${result.data.rows} 份答卷，下载链接已复制（有效期有限），请在电脑浏览器中打开下载`
  }
  return `已导出 ${result.data.rows} 份答卷，文件已存入云存储`
}

/** 调查结果: per community and per question, rates with their 95% interval in words, small samples hidden with the reason. */
export function SurveyResults({ surveyId }: { surveyId: string }) {
  const [communityId, setCommunityId] = useState<string | null>(null)
  const [includeFlagged, setIncludeFlagged] = useState(false)
  const results = useLoad(
    () => callCloud('survey', 'results', communityId ? { surveyId, communityId, includeFlagged } : { surveyId, includeFlagged }),
    [surveyId, communityId, includeFlagged],
  )
  if (results.error?.code === 'AUTH.FORBIDDEN') return <OfficeOnly what='调查结果' />
  if (results.error?.code === 'SURVEY.NOT_FOUND' || results.error?.code === 'INPUT.INVALID') {
    return <SurveyNotice id='wm-sv-unavailable' glyph='问' title='内容不存在或已下线' text='这个链接对应的问卷不存在。请回到问卷管理重新选择。' actionText='打开问卷管理' onAction={() => void Taro.redirectTo({ url: surveyView('office') })} />
  }
  if (!results.data) {
    return <View className='wm-card'>{results.error ? <ErrorState what='调查结果' message={results.error.message} onRetry={results.reload} /> : <Skeleton rows={10} />}</View>
  }
  return (
    <Body
      r={results.data}
      loading={results.loading}
      communityId={communityId}
      onCommunity={setCommunityId}
      onFlagged={() => setIncludeFlagged(!includeFlagged)}
      onChanged={results.reload}
    />
  )
}

function Body({
  r,
  loading,
  communityId,
  onCommunity,
  onFlagged,
  onChanged,
}: {
  r: SurveyResultsView
  loading: boolean
  communityId: string | null
  onCommunity: (id: string | null) => void
  onFlagged: () => void
  onChanged: () => void
}) {
  const s = r.survey
  const [busy, setBusy] = useState<string | null>(null)
  const closeNow = async () => {
    const { confirm } = await Taro.showModal({ title: '结束问卷', content: '结束后居民不能再作答，已收到的答卷和结果保留。', confirmText: '结束' })
    if (!confirm) return
    setBusy('close')
    const result = await callCloud('survey', 'close', { surveyId: s.id })
    setBusy(null)
    if (!result.ok) return void Taro.showModal({ title: '没有结束', content: result.message, showCancel: false, confirmText: '知道了' })
    onChanged()
  }
  const doExport = async (format: 'csv' | 'xlsx') => {
    setBusy(format)
    const message = await exportAnswers(s.id, format, r.includeFlagged)
    setBusy(null)
    void Taro.showModal({ title: '导出', content: message, showCancel: false, confirmText: '知道了' })
  }
  return (
    <View className='wm-sv wm-sv-wide' id='wm-sv-results' aria-busy={loading}>
      <View className='wm-card'>
        <View className='wm-sv-row'>
          <Text className='wm-sv-title'>{s.title}</Text>
          <Text className={`wm-sv-tag${s.state === 'open' ? ' wm-sv-tag--open' : ''}`}>{stateLabel(s.state)}</Text>
        </View>
        <Text className='wm-text-tertiary'>
          {periodText(s.opensAt, s.closesAt)} · {s.communityIds ? `${s.communityIds.length} 个社区` : '全市'} · 最小样本 {r.minSample} 份 · 最短作答 {s.minAnswerSeconds} 秒
        </Text>
        <View className='wm-sv-figures wm-sv-gap' id='wm-sv-totals'>
          <Figure value={s.answers} label='收到答卷' />
          <Figure value={s.answers - s.flagged} label='正常作答' />
          <Figure value={s.flagged} label={`过快（少于 ${s.minAnswerSeconds} 秒）`} />
          <Figure value={r.scope.sample} label={r.includeFlagged ? '本页计入（含过快）' : '本页计入（不含过快）'} />
        </View>
        <View className='wm-sv-item' id='wm-sv-flagged' role='switch' aria-checked={r.includeFlagged} onClick={onFlagged}>
          <View className='wm-sv-col'>
            <Text>计入过快作答的答卷</Text>
            <Text className='wm-text-tertiary'>默认不计入：过快的答卷可能没有认真读题</Text>
          </View>
          <SwitchMark on={r.includeFlagged} />
        </View>
        <View className='wm-sv-nav'>
          <Button type='primary' fill='outline' id='wm-sv-export-csv' loading={busy === 'csv'} onClick={() => void doExport('csv')}>
            {process.env.TARO_ENV === 'h5' ? '导出 CSV' : '导出 CSV（复制链接）'}
          </Button>
          <Button type='primary' fill='outline' id='wm-sv-export-xlsx' loading={busy === 'xlsx'} onClick={() => void doExport('xlsx')}>
            {process.env.TARO_ENV === 'h5' ? '导出 Excel' : '导出 Excel（复制链接）'}
          </Button>
        </View>
        {s.state === 'open' || s.state === 'scheduled' ? (
          <Button block type='default' className='wm-sv-gap' id='wm-sv-close' loading={busy === 'close'} onClick={() => void closeNow()}>
            提前结束问卷
          </Button>
        ) : null}
      </View>

      <Text className='wm-section-title'>各社区</Text>
      <View className='wm-card' id='wm-sv-communities'>
        <Text className='wm-text-tertiary'>点一个社区，下面的各题结果只看这个社区。比率 = 计入的回答 ÷（回答数 − 说不清）。</Text>
        <View className='wm-sv-chips wm-sv-gap'>
          <ScopeChip on={communityId === null} label='全部社区' id='wm-sv-scope-whole' onTap={() => onCommunity(null)} />
          {r.communities.map((c) => (
            <ScopeChip key={c.communityId ?? 'all'} on={communityId === c.communityId} label={`${c.name}（${c.sample} 份）`} id={`wm-sv-scope-${c.communityId ?? 'all'}`} onTap={() => onCommunity(c.communityId)} />
          ))}
        </View>
        {r.communities.map((c) => (
          <CommunityRow key={c.communityId ?? 'all'} c={c} minSample={r.minSample} />
        ))}
        {r.communities.length === 0 ? <Text className='wm-text-secondary'>还没有社区收到答卷。</Text> : null}
      </View>

      <Text className='wm-section-title'>{r.scope.communityId ? `${r.scope.name}：各题结果` : '全部社区：各题结果'}</Text>
      <ScopeDetail scope={r.scope} minSample={r.minSample} surveyId={s.id} />

      {r.trend.length > 0 ? <Trend r={r} /> : null}
    </View>
  )
}

function Figure({ value, label }: { value: number | string; label: string }) {
  return (
    <View className='wm-sv-figure'>
      <Text className='wm-sv-figure__value'>{value}</Text>
      <Text className='wm-text-tertiary'>{label}</Text>
    </View>
  )
}

function ScopeChip({ on, label, id, onTap }: { on: boolean; label: string; id: string; onTap: () => void }) {
  return (
    <View className={`wm-sv-chip${on ? ' wm-sv-chip--on' : ''}`} id={id} role='radio' aria-checked={on} onClick={onTap}>
      {on ? <Text>✓</Text> : null}
      <Text>{label}</Text>
    </View>
  )
}

function CommunityRow({ c, minSample }: { c: Omit<ScopeResult, 'questions'>; minSample: number }) {
  return (
    <View className='wm-sv-item' id={`wm-sv-community-${c.communityId ?? 'all'}`}>
      <View className='wm-sv-col'>
        <View className='wm-sv-row'>
          <Text className='wm-sv-title'>{c.name}</Text>
          <Text className='wm-sv-tag'>样本 {c.sample} 份</Text>
        </View>
        {c.hidden ? (
          <Text className='wm-sv-hidden wm-sv-gap'>{hiddenReason(c.sample, minSample)}</Text>
        ) : (
          c.measures.map((m) => <MeasureLine key={m.measure} m={m} />)
        )}
      </View>
    </View>
  )
}

function MeasureLine({ m }: { m: MeasureResult }) {
  return (
    <View className='wm-sv-gap' style={{ marginTop: '8px' }}>
      <Text className='wm-text-secondary'>{m.label || MEASURE_LABEL[m.measure]}：</Text>
      <Text className='wm-sv-rate' style={{ display: 'inline' }}>
        {rateText(m)}
      </Text>
      {m.dontKnow > 0 ? <Text className='wm-text-tertiary'>（说不清 {m.dontKnow} 份，另计）</Text> : null}
    </View>
  )
}

function ScopeDetail({ scope, minSample, surveyId }: { scope: ScopeResult; minSample: number; surveyId: string }) {
  if (scope.hidden) {
    return (
      <View className='wm-card' id='wm-sv-scope-detail'>
        <Text className='wm-sv-hidden'>{hiddenReason(scope.sample, minSample)}</Text>
      </View>
    )
  }
  return (
    <View id='wm-sv-scope-detail'>
      {scope.measures.length > 0 ? (
        <View className='wm-card wm-sv-figures' id='wm-sv-measures'>
          {MEASURES.map((key) => scope.measures.find((m) => m.measure === key))
            .filter((m) => m !== undefined)
            .map((m) => (
              <View key={m.measure} className='wm-sv-figure'>
                <Text className='wm-text-secondary'>{m.label || MEASURE_LABEL[m.measure]}</Text>
                <Text className='wm-sv-figure__value'>{m.rate === null ? '—' : percent(m.rate)}</Text>
                <Text className='wm-text-tertiary'>{rateText(m)}</Text>
                <Text className='wm-text-tertiary'>
                  计入 {m.positive} / 有效 {m.valid}
                  {m.dontKnow > 0 ? ` · 说不清 ${m.dontKnow}` : ''}
                </Text>
              </View>
            ))}
        </View>
      ) : null}
      {scope.ageBands.some((b) => b.count > 0) ? (
        <View className='wm-card' id='wm-sv-ages'>
          <Text className='wm-sv-subtitle' style={{ marginTop: 0 }}>
            年龄段
          </Text>
          <Text className='wm-text-secondary'>
            {scope.ageBands
              .filter((b) => b.count > 0)
              .map((b) => `${b.label} ${b.count} 份`)
              .join('　')}
          </Text>
        </View>
      ) : null}
      <View className='wm-sv-cols'>
        {scope.questions.map((q, i) => (
          <QuestionCard key={q.questionId} q={q} index={i} surveyId={surveyId} />
        ))}
      </View>
    </View>
  )
}

function QuestionCard({ q, index, surveyId }: { q: QuestionResult; index: number; surveyId: string }) {
  const max = Math.max(1, ...q.options.map((o) => o.count))
  const counted = q.options.filter((o) => !o.dontKnow)
  const apart = q.options.filter((o) => o.dontKnow)
  return (
    <View className='wm-card' id={`wm-sv-result-${q.questionId}`}>
      <Text className='wm-sv-qcard__no'>第 {index + 1} 题</Text>
      <Text className='wm-sv-question'>{q.title}</Text>
      <Text className='wm-text-tertiary'>
        {q.answered} 人回答{q.kind === 'multi' ? '（多选，占比按回答人数计）' : ''}
      </Text>
      {q.measure ? (
        <Text className='wm-sv-rate'>
          {q.measure.label || MEASURE_LABEL[q.measure.measure]} {rateText(q.measure)}
        </Text>
      ) : null}
      {counted.map((o) => (
        <Bar key={o.optionId} label={`${o.label}${o.positive && q.measure ? '（计入）' : ''}`} count={o.count} share={o.share} max={max} />
      ))}
      {apart.map((o) => (
        <Bar key={o.optionId} label={`${o.label}（不计入分母）`} count={o.count} share={o.share} max={max} apart />
      ))}
      {q.text ? <TextAnswers q={q} surveyId={surveyId} /> : null}
    </View>
  )
}

function Bar({ label, count, share, max, apart }: { label: string; count: number; share: number | null; max: number; apart?: boolean }) {
  return (
    <View className={`wm-sv-bar${apart ? ' wm-sv-bar--apart' : ''}`}>
      <View className='wm-sv-bar__label'>
        <Text>{label}</Text>
        <Text>
          {count} 人{share === null ? '' : `（${percent(share)}）`}
        </Text>
      </View>
      <View className='wm-sv-bar__track' aria-hidden='true'>
        {count > 0 ? <View className='wm-sv-bar__fill' style={{ width: `${Math.round((count / max) * 100)}%` }} /> : null}
      </View>
    </View>
  )
}

function TextAnswers({ q, surveyId }: { q: QuestionResult; surveyId: string }) {
  const [items, setItems] = useState<TextAnswerView[] | null>(null)
  const [next, setNext] = useState<number | null>(0)
  const [error, setError] = useState<string | null>(null)
  const load = async () => {
    if (next === null) return
    const result = await callCloud('survey', 'textAnswers', { surveyId, questionId: q.questionId, offset: next })
    if (!result.ok) return setError(result.message)
    setError(null)
    setItems([...(items ?? []), ...result.data.items])
    setNext(result.data.nextOffset)
  }
  const t = q.text
  if (!t) return null
  return (
    <View className='wm-sv-gap'>
      <Text className='wm-text-secondary'>
        通过内容检查 {t.passed} 条{t.pending > 0 ? ` · 检查中 ${t.pending} 条` : ''}
        {t.rejected > 0 ? ` · 未通过 ${t.rejected} 条` : ''}
      </Text>
      {items ? (
        <View className='wm-sv-texts wm-sv-gap'>
          {items.map((a) => (
            <Text key={a.answerId} className='wm-sv-text-answer'>
              {a.text}
              {a.flagged ? '（过快作答）' : ''}
            </Text>
          ))}
          {items.length === 0 ? <Text className='wm-text-tertiary'>还没有通过检查的回答。</Text> : null}
        </View>
      ) : null}
      {error ? <Text className='wm-sv-problem'>{error}（点下方按钮重试）</Text> : null}
      {t.passed > 0 && next !== null ? (
        <Button size='small' className='wm-sv-gap' onClick={() => void load()}>
          {items ? '再看 50 条' : '查看回答'}
        </Button>
      ) : null}
    </View>
  )
}

function Trend({ r }: { r: SurveyResultsView }) {
  return (
    <>
      <Text className='wm-section-title'>历轮趋势（同一模板）</Text>
      <View className='wm-card' id='wm-sv-trend'>
        <View className='wm-sv-table' role='table'>
          <View className='wm-sv-table__row wm-sv-table__row--head' role='row'>
            <Text {...COLUMN_HEADER} className='wm-sv-table__cell wm-sv-table__cell--name'>轮次</Text>
            {MEASURES.map((m) => (
              <Text key={m} {...COLUMN_HEADER} className='wm-sv-table__cell'>
                {MEASURE_LABEL[m]}
              </Text>
            ))}
          </View>
          {r.trend.map((p) => (
            <View key={p.surveyId} className='wm-sv-table__row' role='row'>
              <View {...CELL} className='wm-sv-table__cell wm-sv-table__cell--name'>
                <Text>{p.surveyId === r.survey.id ? `${p.title}（本轮）` : p.title}</Text>
                <Text className='wm-text-tertiary' style={{ display: 'block' }}>
                  {periodText(p.opensAt, p.opensAt)} 起 · {p.sample} 份
                </Text>
              </View>
              {MEASURES.map((m) => {
                const v = p.rates[m]
                return (
                  <Text key={m} {...CELL} className='wm-sv-table__cell'>
                    {v ? `${percent(v.rate)}（${percent(v.ci.low)}–${percent(v.ci.high)}，n=${v.valid}）` : '—'}
                  </Text>
                )
              })}
            </View>
          ))}
        </View>
      </View>
    </>
  )
}
