import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CommunityView, SurveyAdminView } from '@/shared/contract/survey'
import {
  MEASURES,
  MEASURE_LABEL,
  QUESTION_KINDS,
  QUESTION_KIND_LABEL,
  SATISFACTION_SCALE,
  SURVEY_LIMITS,
  type Measure,
  type QuestionKind,
  type SurveyOptionSpec,
  type SurveyQuestionSpec,
} from '@/shared/survey'
import { ErrorState, Skeleton } from '@/components/state'
import { TextArea } from '@/components/text-area'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '../api'
import { dayEnd, dayKey, dayStart, stateLabel, surveyView } from '../labels'
import { OfficeOnly, SurveyNotice } from './refusal'
import '../survey.scss'

/** 知晓/支持/参与/满意 as the editor names the tags (the rate's name is on the results page) */
const MEASURE_TAG: Record<Measure, string> = { awareness: '知晓', support: '支持', participation: '参与', satisfaction: '满意' }

interface Draft {
  title: string
  intro: string
  questions: SurveyQuestionSpec[]
  communityIds: string[] | null
  opensDay: string
  closesDay: string
  minAnswerSeconds: string
  minSample: string
}

const draftOf = (s: SurveyAdminView): Draft => ({
  title: s.title,
  intro: s.intro,
  questions: s.questions,
  communityIds: s.communityIds,
  opensDay: dayKey(s.opensAt),
  closesDay: dayKey(s.closesAt),
  minAnswerSeconds: String(s.minAnswerSeconds),
  minSample: String(s.minSample),
})

/** the next free short id: q1, q2 … / a1, a2 … */
function nextId(prefix: string, taken: string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`
}

function freshQuestion(kind: QuestionKind, taken: string[]): SurveyQuestionSpec {
  const id = nextId('q', taken)
  if (kind === 'text') return { id, kind, title: '', required: false, options: [] }
  if (kind === 'scale') return { id, kind, title: '', required: true, options: SATISFACTION_SCALE.map((o) => ({ ...o })) }
  return { id, kind, title: '', required: true, options: [{ id: 'a1', label: '' }, { id: 'a2', label: '' }] }
}

/** Changing a question's kind keeps what still fits: options for choices, one 说不清 for a scale. */
function withKind(q: SurveyQuestionSpec, kind: QuestionKind): SurveyQuestionSpec {
  if (kind === q.kind) return q
  const base: SurveyQuestionSpec = { id: q.id, kind, title: q.title, required: q.required, options: [] }
  if (kind === 'text') return base
  let options = q.options.length >= 2 ? q.options.map((o) => ({ ...o })) : freshQuestion(kind, []).options
  if (kind === 'scale' && !options.some((o) => o.dontKnow)) options = [...options, { id: nextId('a', options.map((o) => o.id)), label: '说不清', dontKnow: true }]
  if (kind === 'multi') options = options.map(({ id, label }) => ({ id, label }))
  const measure = kind === 'multi' ? undefined : q.measure
  return measure ? { ...base, options, measure } : { ...base, options }
}

/** The first thing the server would refuse, said where the office can fix it. */
function problemOf(d: Draft): string | null {
  if (!d.title.trim()) return '请填写问卷标题'
  if (d.questions.length === 0) return '问卷至少要有一道题'
  for (const [i, q] of d.questions.entries()) {
    const n = `第 ${i + 1} 题`
    if (!q.title.trim()) return `${n}还没有题目文字`
    if (q.kind !== 'text') {
      if (q.options.length < 2) return `${n}至少要有两个选项`
      if (q.options.some((o) => !o.label.trim())) return `${n}有选项没有填写文字`
      if (q.kind === 'scale' && q.options.filter((o) => o.dontKnow).length !== 1) return `${n}是量表题，要有且只有一个「说不清」选项`
      if (q.measure && !q.options.some((o) => o.positive)) return `${n}标为「${MEASURE_TAG[q.measure]}」，请标出哪些选项计入比率`
    }
  }
  if (d.communityIds && d.communityIds.length === 0) return '请至少选择一个社区，或选「全市所有社区」'
  if (dayEnd(d.closesDay) <= dayStart(d.opensDay)) return '结束日期要晚于开始日期'
  const sec = Number(d.minAnswerSeconds)
  if (!Number.isInteger(sec) || sec < 0 || sec > SURVEY_LIMITS.minAnswerSecondsMax) return `最短作答时间请填 0–${SURVEY_LIMITS.minAnswerSecondsMax} 秒`
  const sample = Number(d.minSample)
  if (!Number.isInteger(sample) || sample < 1 || sample > SURVEY_LIMITS.minSampleMax) return `最小样本请填 1–${SURVEY_LIMITS.minSampleMax} 份`
  return null
}

/** 编辑问卷: the questions (four kinds, 知晓/支持/参与/满意 tags), communities, period, minimum time and sample; save, then publish. */
export function DraftEditor({ surveyId }: { surveyId: string }) {
  const survey = useLoad(() => callCloud('survey', 'adminGet', { surveyId }), [surveyId])
  const communities = useLoad(() => callCloud('survey', 'communities', {}), [])
  if (survey.error?.code === 'AUTH.FORBIDDEN') return <OfficeOnly what='问卷编辑' />
  if (survey.error?.code === 'SURVEY.NOT_FOUND' || survey.error?.code === 'INPUT.INVALID') {
    return <SurveyNotice id='wm-sv-unavailable' glyph='问' title='内容不存在或已下线' text='这个链接对应的问卷不存在。请回到问卷管理重新选择。' actionText='打开问卷管理' onAction={() => void Taro.redirectTo({ url: surveyView('office') })} />
  }
  if (!survey.data || !communities.data) {
    const err = survey.error ?? communities.error
    return <View className='wm-card'>{err ? <ErrorState what='问卷' message={err.message} onRetry={() => { survey.reload(); communities.reload() }} /> : <Skeleton rows={8} />}</View>
  }
  if (survey.data.state !== 'draft') {
    return (
      <SurveyNotice
        id='wm-sv-not-draft'
        glyph='发'
        title={`这份问卷${stateLabel(survey.data.state)}，题目不能再改`}
        text='发布后题目保持不变，答卷才能相互比较。要调整题目，请按模板新建下一轮。'
        actionText='查看结果'
        onAction={() => void Taro.redirectTo({ url: surveyView('results', surveyId) })}
      />
    )
  }
  return <Editor survey={survey.data} communities={communities.data.items} onSaved={survey.setData} />
}

function Editor({ survey, communities, onSaved }: { survey: SurveyAdminView; communities: CommunityView[]; onSaved: (s: SurveyAdminView) => void }) {
  const [d, setD] = useState<Draft>(() => draftOf(survey))
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null)
  const [saved, setSaved] = useState(false)
  const set = (patch: Partial<Draft>) => {
    setD({ ...d, ...patch })
    setSaved(false)
    setProblem(null)
  }
  const setQ = (i: number, q: SurveyQuestionSpec) => set({ questions: d.questions.map((x, j) => (j === i ? q : x)) })
  const move = (i: number, by: number) => {
    const j = i + by
    if (j < 0 || j >= d.questions.length) return
    const qs = [...d.questions]
    ;[qs[i], qs[j]] = [qs[j], qs[i]]
    set({ questions: qs })
  }
  const remove = async (i: number) => {
    const { confirm } = await Taro.showModal({ title: '删除这道题', content: `删除第 ${i + 1} 题「${d.questions[i].title || '未填写'}」？`, confirmText: '删除' })
    if (confirm) set({ questions: d.questions.filter((_, j) => j !== i) })
  }
  const setMeasure = (i: number, m: Measure | null) => {
    // each measure tags at most one question: moving a tag takes it off the other question
    const qs = d.questions.map((q, j) => {
      if (j === i) {
        const { measure: _old, ...rest } = q
        return m ? { ...rest, measure: m } : rest
      }
      if (m && q.measure === m) {
        const { measure: _gone, ...rest } = q
        return rest
      }
      return q
    })
    set({ questions: qs })
  }

  const save = async (): Promise<SurveyAdminView | null> => {
    const why = problemOf(d)
    if (why) {
      setProblem(why)
      return null
    }
    const result = await callCloud('survey', 'updateDraft', {
      surveyId: survey.id,
      title: d.title.trim(),
      intro: d.intro.trim(),
      questions: d.questions.map((q) => ({ ...q, title: q.title.trim(), options: q.options.map((o) => ({ ...o, label: o.label.trim() })) })),
      communityIds: d.communityIds,
      opensAt: dayStart(d.opensDay),
      closesAt: dayEnd(d.closesDay),
      minAnswerSeconds: Number(d.minAnswerSeconds),
      minSample: Number(d.minSample),
    })
    if (!result.ok) {
      setProblem(result.message)
      return null
    }
    onSaved(result.data)
    setSaved(true)
    return result.data
  }

  const doSave = async () => {
    setBusy('save')
    const ok = await save()
    setBusy(null)
    if (ok) void Taro.showToast({ icon: 'success', title: '草稿已保存' })
  }

  const doPublish = async () => {
    const why = problemOf(d)
    if (why) return setProblem(why)
    const { confirm } = await Taro.showModal({ title: '发布问卷', content: `发布后题目不能再改。${d.opensDay} 起居民可以作答，${d.closesDay} 截止。`, confirmText: '发布' })
    if (!confirm) return
    setBusy('publish')
    const stored = await save()
    const result = stored ? await callCloud('survey', 'publish', { surveyId: survey.id }) : null
    setBusy(null)
    if (!result) return
    if (!result.ok) return setProblem(result.message)
    void Taro.showToast({ icon: 'success', title: '已发布' })
    void Taro.redirectTo({ url: surveyView('results', survey.id) })
  }

  const today = dayKey(Date.now())
  const all = d.communityIds === null
  const toggleCommunity = (id: string) => {
    const ids = d.communityIds ?? []
    set({ communityIds: ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id] })
  }

  return (
    <View className='wm-sv wm-sv-wide' id='wm-sv-editor'>
      <View className='wm-card'>
        <View className='wm-sv-row'>
          <Text className='wm-text-tertiary'>问卷草稿 · 发布前可随时修改</Text>
          <Text className='wm-sv-tag wm-sv-tag--draft'>草稿</Text>
        </View>
        <Text className='wm-field-label'>问卷标题</Text>
        <Input className='wm-field-input' id='wm-sv-title' value={d.title} maxlength={SURVEY_LIMITS.titleMax} onInput={(e) => set({ title: e.detail.value })} />
        <Text className='wm-field-label'>开头的话（告诉居民为什么调查、怎样保密）</Text>
        <TextArea className='wm-sv-textarea' id='wm-sv-intro' value={d.intro} maxlength={SURVEY_LIMITS.introMax} autoHeight onInput={(v) => set({ intro: v })} />
      </View>

      <Text className='wm-section-title'>调查范围和时段</Text>
      <View className='wm-card' id='wm-sv-scope'>
        <Text className='wm-sv-subtitle'>哪些社区的居民可以作答</Text>
        <View className='wm-sv-chips'>
          <View className={`wm-sv-chip${all ? ' wm-sv-chip--on' : ''}`} id='wm-sv-scope-all' role='radio' aria-checked={all} onClick={() => set({ communityIds: null })}>
            {all ? <Text>✓</Text> : null}
            <Text>全市所有社区</Text>
          </View>
          <View className={`wm-sv-chip${!all ? ' wm-sv-chip--on' : ''}`} id='wm-sv-scope-some' role='radio' aria-checked={!all} onClick={() => !all || set({ communityIds: [] })}>
            {!all ? <Text>✓</Text> : null}
            <Text>指定社区</Text>
          </View>
        </View>
        {!all ? (
          <View className='wm-sv-chips wm-sv-gap'>
            {communities.map((c) => {
              const on = d.communityIds?.includes(c.id) === true
              return (
                <View key={c.id} id={`wm-sv-scope-${c.id}`} className={`wm-sv-chip${on ? ' wm-sv-chip--on' : ''}`} role='checkbox' aria-checked={on} onClick={() => toggleCommunity(c.id)}>
                  {on ? <Text>✓</Text> : null}
                  <Text>
                    {c.name}（{c.district}）
                  </Text>
                </View>
              )
            })}
          </View>
        ) : null}
        <Text className='wm-field-label'>开始日期</Text>
        <Picker mode='date' value={d.opensDay} start={today} onChange={(e) => set({ opensDay: String(e.detail.value) })}>
          <View className='wm-field-input wm-sv-picker' id='wm-sv-opens'>
            <Text>{d.opensDay}</Text>
            <Text className='wm-text-tertiary'>更改 ›</Text>
          </View>
        </Picker>
        <Text className='wm-field-label'>结束日期（当天 24 点截止，最长开放 {SURVEY_LIMITS.openDaysMax} 天）</Text>
        <Picker mode='date' value={d.closesDay} start={d.opensDay} onChange={(e) => set({ closesDay: String(e.detail.value) })}>
          <View className='wm-field-input wm-sv-picker' id='wm-sv-closes'>
            <Text>{d.closesDay}</Text>
            <Text className='wm-text-tertiary'>更改 ›</Text>
          </View>
        </Picker>
        <Text className='wm-field-label'>最短作答时间（秒）：快于它的答卷保留但标为「过快」，默认不计入结果</Text>
        <Input className='wm-field-input' id='wm-sv-min-seconds' type='number' value={d.minAnswerSeconds} onInput={(e) => set({ minAnswerSeconds: e.detail.value })} />
        <Text className='wm-field-label'>最小样本（份）：答卷少于它的社区只显示份数，不显示比率</Text>
        <Input className='wm-field-input' id='wm-sv-min-sample' type='number' value={d.minSample} onInput={(e) => set({ minSample: e.detail.value })} />
      </View>

      <Text className='wm-section-title'>题目（{d.questions.length} 道）</Text>
      <View className='wm-sv-cols'>
        {d.questions.map((q, i) => (
          <QuestionEditor
            key={q.id}
            q={q}
            index={i}
            count={d.questions.length}
            onChange={(next) => setQ(i, next)}
            onMeasure={(m) => setMeasure(i, m)}
            onMove={(by) => move(i, by)}
            onRemove={() => void remove(i)}
          />
        ))}
      </View>
      <View className='wm-card' id='wm-sv-add'>
        <Text className='wm-sv-subtitle'>添加一道题</Text>
        <View className='wm-sv-chips'>
          {QUESTION_KINDS.map((k) => (
            <View
              key={k}
              className='wm-sv-chip'
              id={`wm-sv-add-${k}`}
              role='button'
              onClick={() => d.questions.length < SURVEY_LIMITS.questions && set({ questions: [...d.questions, freshQuestion(k, d.questions.map((x) => x.id))] })}
            >
              <Text>＋ {QUESTION_KIND_LABEL[k]}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='wm-card'>
        {problem ? <Text className='wm-sv-problem' id='wm-sv-problem'>{problem}</Text> : null}
        {saved && !problem ? <Text className='wm-text-secondary' id='wm-sv-saved'>草稿已保存。</Text> : null}
        <View className='wm-sv-nav'>
          <Button type='default' id='wm-sv-save' loading={busy === 'save'} onClick={() => void doSave()}>
            保存草稿
          </Button>
          <Button type='primary' id='wm-sv-publish' loading={busy === 'publish'} onClick={() => void doPublish()}>
            发布问卷
          </Button>
        </View>
      </View>
    </View>
  )
}

function QuestionEditor({
  q,
  index,
  count,
  onChange,
  onMeasure,
  onMove,
  onRemove,
}: {
  q: SurveyQuestionSpec
  index: number
  count: number
  onChange: (q: SurveyQuestionSpec) => void
  onMeasure: (m: Measure | null) => void
  onMove: (by: number) => void
  onRemove: () => void
}) {
  const setOption = (j: number, o: SurveyOptionSpec) => onChange({ ...q, options: q.options.map((x, k) => (k === j ? o : x)) })
  const canMeasure = q.kind === 'single' || q.kind === 'scale'
  return (
    <View className='wm-card' id={`wm-sv-edit-${q.id}`}>
      <View className='wm-sv-qcard__head'>
        <Text className='wm-sv-qcard__no'>第 {index + 1} 题</Text>
        <Text className='wm-sv-tag'>{QUESTION_KIND_LABEL[q.kind]}</Text>
        {q.measure ? <Text className='wm-sv-tag wm-sv-tag--open'>计入{MEASURE_LABEL[q.measure]}</Text> : null}
      </View>
      <Text className='wm-field-label'>题型</Text>
      <View className='wm-sv-chips'>
        {QUESTION_KINDS.map((k) => (
          <View key={k} className={`wm-sv-chip${q.kind === k ? ' wm-sv-chip--on' : ''}`} role='radio' aria-checked={q.kind === k} onClick={() => onChange(withKind(q, k))}>
            {q.kind === k ? <Text>✓</Text> : null}
            <Text>{QUESTION_KIND_LABEL[k].replace(/（.*）/, '')}</Text>
          </View>
        ))}
      </View>
      <Text className='wm-field-label'>题目</Text>
      <TextArea className='wm-sv-textarea wm-sv-textarea--short' id={`wm-sv-qtitle-${q.id}`} value={q.title} maxlength={SURVEY_LIMITS.questionTitleMax} autoHeight placeholder='如：您对所居住社区的环境卫生是否满意？' onInput={(v) => onChange({ ...q, title: v })} />
      <View className='wm-sv-chips wm-sv-gap'>
        <View className={`wm-sv-chip${q.required ? ' wm-sv-chip--on' : ''}`} role='checkbox' aria-checked={q.required} onClick={() => onChange({ ...q, required: !q.required })}>
          <Text>{q.required ? '✓ 必答' : '选答（点此改为必答）'}</Text>
        </View>
      </View>
      {canMeasure ? (
        <>
          <Text className='wm-field-label'>测评指标（每个指标只标一道题）</Text>
          <View className='wm-sv-chips'>
            <View className={`wm-sv-chip${!q.measure ? ' wm-sv-chip--on' : ''}`} role='radio' aria-checked={!q.measure} onClick={() => onMeasure(null)}>
              {!q.measure ? <Text>✓</Text> : null}
              <Text>不计入</Text>
            </View>
            {MEASURES.map((m) => (
              <View key={m} id={`wm-sv-measure-${q.id}-${m}`} className={`wm-sv-chip${q.measure === m ? ' wm-sv-chip--on' : ''}`} role='radio' aria-checked={q.measure === m} onClick={() => onMeasure(m)}>
                {q.measure === m ? <Text>✓</Text> : null}
                <Text>{MEASURE_TAG[m]}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
      {q.kind !== 'text' ? (
        <>
          <Text className='wm-field-label'>选项{q.measure ? `（标「计入」的选项算作${MEASURE_LABEL[q.measure]}的分子）` : ''}</Text>
          {q.options.map((o, j) => (
            <View key={o.id} className='wm-sv-option-edit'>
              <Input className='wm-field-input' value={o.label} maxlength={SURVEY_LIMITS.optionLabelMax} placeholder={`选项 ${j + 1}`} onInput={(e) => setOption(j, { ...o, label: e.detail.value })} />
              {q.measure && !o.dontKnow ? (
                <View className={`wm-sv-tool${o.positive ? ' wm-sv-chip--on' : ''}`} role='checkbox' aria-checked={o.positive === true} onClick={() => setOption(j, o.positive ? { id: o.id, label: o.label } : { ...o, positive: true })}>
                  <Text>{o.positive ? '✓ 计入' : '不计入'}</Text>
                </View>
              ) : null}
              {o.dontKnow ? <Text className='wm-sv-tag'>说不清</Text> : null}
              {q.options.length > 2 && !(q.kind === 'scale' && o.dontKnow) ? (
                <View className='wm-sv-tool wm-sv-tool--danger' role='button' aria-label={`删去选项 ${j + 1}`} onClick={() => onChange({ ...q, options: q.options.filter((_, k) => k !== j) })}>
                  <Text>删去</Text>
                </View>
              ) : null}
            </View>
          ))}
          {q.options.length < SURVEY_LIMITS.options ? (
            <View
              className='wm-sv-tool'
              role='button'
              onClick={() => {
                const fresh = { id: nextId('a', q.options.map((o) => o.id)), label: '' }
                // a new point of a scale goes before its 说不清, which stays last
                const at = q.kind === 'scale' ? q.options.findIndex((o) => o.dontKnow) : -1
                onChange({ ...q, options: at >= 0 ? [...q.options.slice(0, at), fresh, ...q.options.slice(at)] : [...q.options, fresh] })
              }}
            >
              <Text>＋ 添加选项</Text>
            </View>
          ) : null}
        </>
      ) : (
        <Text className='wm-text-tertiary' style={{ display: 'block', marginTop: '12px' }}>
          简答题：居民写几句话（最多 {SURVEY_LIMITS.textAnswerMax} 字），通过内容检查后只有文明办可见。
        </Text>
      )}
      <View className='wm-sv-tools'>
        <View className={`wm-sv-tool${index === 0 ? ' wm-sv-tool--off' : ''}`} role='button' aria-disabled={index === 0} id={`wm-sv-up-${q.id}`} onClick={() => onMove(-1)}>
          <Text>上移</Text>
        </View>
        <View className={`wm-sv-tool${index === count - 1 ? ' wm-sv-tool--off' : ''}`} role='button' aria-disabled={index === count - 1} id={`wm-sv-down-${q.id}`} onClick={() => onMove(1)}>
          <Text>下移</Text>
        </View>
        {count > 1 ? (
          <View className='wm-sv-tool wm-sv-tool--danger' role='button' id={`wm-sv-remove-${q.id}`} onClick={onRemove}>
            <Text>删除此题</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}
