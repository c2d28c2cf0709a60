import { useMemo, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import type { CommunityView, SurveyForAnswerView, SurveyQuestionView } from '@/shared/contract/survey'
import { AGE_BAND_LABEL, SURVEY_LIMITS, SURVEY_THANKS, type AgeBand } from '@/shared/survey'
import { ErrorState, Skeleton } from '@/components/state'
import { TextArea } from '@/components/text-area'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '../api'
import { dateText } from '../labels'
import { PrivacyNote, SurveyNotice } from './refusal'
import '../survey.scss'

/** A survey that cannot be answered now, told kindly (a stale poster, a closed round, a second attempt). */
const KIND_WORDS: Record<string, { glyph: string; title: string; text: string }> = {
  'SURVEY.NOT_FOUND': { glyph: '问', title: '内容不存在或已下线', text: '这个链接或二维码对应的问卷不存在或已被撤下。您可以看看正在进行的其他问卷。' },
  'SURVEY.NOT_OPEN': { glyph: '时', title: '这份问卷还没有开始', text: '问卷在开放时间内才能作答，请到时再来。您也可以看看正在进行的其他问卷。' },
  'SURVEY.CLOSED': { glyph: '谢', title: '这份问卷已经结束', text: '本轮调查已经截止，感谢您的关注。下一轮调查开始时，您可以在这里或街头公益广告上扫码参与。' },
  'INPUT.INVALID': { glyph: '问', title: '内容不存在或已下线', text: '这个链接不完整，没有读到问卷编号。您可以看看正在进行的问卷。' },
}

const ALREADY = { glyph: '谢', title: '您已经参与过这份问卷', text: '每份问卷每人只答一次，您的回答已经记下（不记名）。感谢您的支持！' }

type Answer = { optionIds: string[] } | { text: string }
type Answers = Record<string, Answer | undefined>

const isAnswered = (a: Answer | undefined): boolean => (a ? ('text' in a ? a.text.trim().length > 0 : a.optionIds.length > 0) : false)

/** 参与问卷: 社区和年龄段 → one question per screen with progress → 提交 → 感谢. No score, no "right answers". */
export function AnswerFlow({ surveyId }: { surveyId: string }) {
  const survey = useLoad(
    () => (surveyId ? callCloud('survey', 'get', { surveyId }) : Promise.resolve({ ok: false as const, code: 'INPUT.INVALID', message: '' })),
    [surveyId],
  )
  if (!survey.data) {
    const err = survey.error
    if (!err) {
      return (
        <View className='wm-card'>
          <Skeleton rows={6} />
        </View>
      )
    }
    const kind = err.code === 'SURVEY.ALREADY_ANSWERED' ? ALREADY : KIND_WORDS[err.code]
    if (kind) return <SurveyNotice id='wm-sv-unavailable' {...kind} />
    return (
      <View className='wm-card'>
        <ErrorState what='问卷' message={err.message} onRetry={survey.reload} />
      </View>
    )
  }
  if (survey.data.answered) return <SurveyNotice id='wm-sv-answered-already' {...ALREADY} />
  return <Answering survey={survey.data} onStale={survey.reload} />
}

type Stage = { at: 'about' } | { at: 'question'; index: number } | { at: 'done'; thanks: string } | { at: 'already' } | { at: 'closed'; code: string }

function Answering({ survey, onStale }: { survey: SurveyForAnswerView; onStale: () => void }) {
  const [stage, setStage] = useState<Stage>({ at: 'about' })
  const [communityId, setCommunityId] = useState<string | null>(survey.communities.length === 1 ? survey.communities[0].id : null)
  const [ageBand, setAgeBand] = useState<AgeBand | null>(null)
  const [answers, setAnswers] = useState<Answers>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const total = survey.questions.length

  const submit = async () => {
    if (!communityId || !ageBand) return
    setBusy(true)
    const result = await callCloud('survey', 'answer', {
      surveyId: survey.id,
      startToken: survey.startToken,
      communityId,
      ageBand,
      answers: survey.questions.flatMap((q): Array<{ questionId: string; optionIds?: string[]; text?: string }> => {
        const a = answers[q.id]
        if (!a || !isAnswered(a)) return []
        return 'text' in a ? [{ questionId: q.id, text: a.text.trim() }] : [{ questionId: q.id, optionIds: a.optionIds }]
      }),
    })
    setBusy(false)
    if (result.ok) return setStage({ at: 'done', thanks: result.data.thanks || SURVEY_THANKS })
    if (result.code === 'SURVEY.ALREADY_ANSWERED') return setStage({ at: 'already' })
    if (result.code === 'SURVEY.CLOSED' || result.code === 'SURVEY.NOT_OPEN' || result.code === 'SURVEY.NOT_FOUND') return setStage({ at: 'closed', code: result.code })
    if (result.code === 'SURVEY.START_TOKEN_INVALID') {
      setProblem('问卷页面打开太久已过期，您的选择还在，请再点一次提交。')
      return onStale()
    }
    if (result.code === 'SURVEY.NOT_FOR_COMMUNITY') {
      setStage({ at: 'about' })
      return setProblem(result.message)
    }
    setProblem(result.message)
  }

  if (stage.at === 'done') {
    return (
      <SurveyNotice id='wm-sv-thanks' glyph='谢' title='提交成功，谢谢您！' text={`${stage.thanks}问卷不评分，也没有标准答案。`} actionText='看看其他问卷' />
    )
  }
  if (stage.at === 'already') return <SurveyNotice id='wm-sv-answered-already' {...ALREADY} />
  if (stage.at === 'closed') return <SurveyNotice id='wm-sv-unavailable' {...KIND_WORDS[stage.code]} />

  if (stage.at === 'about') {
    const start = () => {
      if (!communityId) return setProblem('请选择您居住的社区')
      if (!ageBand) return setProblem('请选择您的年龄段')
      setProblem(null)
      setStage({ at: 'question', index: 0 })
    }
    return (
      <View className='wm-sv' id='wm-sv-about'>
        <View className='wm-card'>
          <Text className='wm-sv-title' id='wm-sv-survey-title'>
            {survey.title}
          </Text>
          <Text className='wm-text-tertiary'>
            共 {total} 题 · {dateText(survey.closesAt)}截止
          </Text>
          {survey.intro ? <Text className='wm-text-secondary wm-sv-gap' style={{ display: 'block' }}>{survey.intro}</Text> : null}
        </View>
        <PrivacyNote />
        <View className='wm-card'>
          <CommunityChoice communities={survey.communities} value={communityId} onChange={(id) => { setCommunityId(id); setProblem(null) }} />
          <Text className='wm-sv-subtitle'>您的年龄段</Text>
          <View className='wm-sv-chips' id='wm-sv-age'>
            {survey.ageBands.map((band) => (
              <View key={band} id={`wm-sv-age-${band}`} className={`wm-sv-chip${ageBand === band ? ' wm-sv-chip--on' : ''}`} role='radio' aria-checked={ageBand === band} onClick={() => { setAgeBand(band); setProblem(null) }}>
                {ageBand === band ? <Text>✓</Text> : null}
                <Text>{AGE_BAND_LABEL[band]}</Text>
              </View>
            ))}
          </View>
          {problem ? <Text className='wm-sv-problem' id='wm-sv-problem'>{problem}</Text> : null}
          <Button block type='primary' className='wm-sv-gap' id='wm-sv-start' onClick={start}>
            开始作答
          </Button>
        </View>
      </View>
    )
  }

  const index = stage.index
  const q = survey.questions[index]
  const last = index === total - 1
  const next = () => {
    if (q.required && !isAnswered(answers[q.id])) return setProblem(q.kind === 'text' ? '这道题需要填写几句话' : '这道题需要选择一项后再继续')
    setProblem(null)
    if (last) void submit()
    else setStage({ at: 'question', index: index + 1 })
  }
  return (
    <View className='wm-sv' id='wm-sv-answering'>
      <View className='wm-sv-progress' id='wm-sv-progress'>
        <Text className='wm-sv-progress__text'>
          第 {index + 1} 题 / 共 {total} 题{q.required ? '' : '（选答）'}
        </Text>
        <View className='wm-sv-progress__track' aria-hidden='true'>
          <View className='wm-sv-progress__fill' style={{ width: `${Math.round(((index + 1) / total) * 100)}%` }} />
        </View>
      </View>
      <View className='wm-card' id={`wm-sv-q-${q.id}`}>
        <QuestionInput q={q} value={answers[q.id]} onChange={(a) => { setAnswers({ ...answers, [q.id]: a }); setProblem(null) }} />
        {problem ? <Text className='wm-sv-problem' id='wm-sv-problem'>{problem}</Text> : null}
        <View className='wm-sv-nav'>
          <Button type='default' id='wm-sv-prev' onClick={() => { setProblem(null); setStage(index === 0 ? { at: 'about' } : { at: 'question', index: index - 1 }) }}>
            上一步
          </Button>
          <Button type='primary' id='wm-sv-next' loading={busy} onClick={next}>
            {last ? '提交问卷' : !q.required && !isAnswered(answers[q.id]) ? '跳过' : '下一题'}
          </Button>
        </View>
      </View>
      <Text className='wm-text-tertiary'>没有对错之分，请按您的真实感受作答。</Text>
    </View>
  )
}

/** The survey's communities (or the city's), grouped by 街道; a search field once the list is long. */
function CommunityChoice({ communities, value, onChange }: { communities: CommunityView[]; value: string | null; onChange: (id: string) => void }) {
  const [filter, setFilter] = useState('')
  const shown = useMemo(() => {
    const f = filter.trim()
    return f ? communities.filter((c) => c.name.includes(f) || c.district.includes(f)) : communities
  }, [communities, filter])
  const districts = Array.from(new Set(shown.map((c) => c.district)))
  return (
    <View id='wm-sv-community'>
      <Text className='wm-sv-subtitle'>您居住的社区</Text>
      {communities.length > 12 ? (
        <Input className='wm-field-input' id='wm-sv-community-filter' value={filter} placeholder='输入社区或街道名称查找' onInput={(e) => setFilter(e.detail.value)} />
      ) : null}
      {districts.map((d) => (
        <View key={d}>
          {districts.length > 1 || communities.length > 12 ? <Text className='wm-text-tertiary' style={{ display: 'block', margin: '12px 0 8px' }}>{d}</Text> : null}
          <View className='wm-sv-chips'>
            {shown
              .filter((c) => c.district === d)
              .map((c) => (
                <View key={c.id} id={`wm-sv-community-${c.id}`} className={`wm-sv-chip${value === c.id ? ' wm-sv-chip--on' : ''}`} role='radio' aria-checked={value === c.id} onClick={() => onChange(c.id)}>
                  {value === c.id ? <Text>✓</Text> : null}
                  <Text>{c.name}</Text>
                </View>
              ))}
          </View>
        </View>
      ))}
      {shown.length === 0 ? <Text className='wm-text-secondary'>没有找到「{filter}」，请换个字查找。</Text> : null}
    </View>
  )
}

function QuestionInput({ q, value, onChange }: { q: SurveyQuestionView; value: Answer | undefined; onChange: (a: Answer) => void }) {
  if (q.kind === 'text') {
    const text = value && 'text' in value ? value.text : ''
    return (
      <View>
        <Text className='wm-sv-question'>{q.title}</Text>
        <Text className='wm-sv-hint'>请不要填写姓名、电话等能认出您的信息 · {text.length}/{SURVEY_LIMITS.textAnswerMax} 字</Text>
        <TextArea className='wm-sv-textarea' id={`wm-sv-text-${q.id}`} value={text} maxlength={SURVEY_LIMITS.textAnswerMax} placeholder='写下您的意见和建议（选填）' onInput={(t) => onChange({ text: t })} />
      </View>
    )
  }
  const chosen = value && 'optionIds' in value ? value.optionIds : []
  const multi = q.kind === 'multi'
  const max = multi ? (q.maxChoices ?? q.options.length) : 1
  const toggle = (id: string) => {
    if (!multi) return onChange({ optionIds: [id] })
    if (chosen.includes(id)) return onChange({ optionIds: chosen.filter((c) => c !== id) })
    if (chosen.length >= max) return
    onChange({ optionIds: [...chosen, id] })
  }
  const hint = multi ? (q.maxChoices ? `可多选，最多选 ${q.maxChoices} 项` : '可多选') : q.kind === 'scale' ? '请选一项；拿不准时可以选「说不清」' : '请选一项'
  // 说不清 stands apart at the end so it is never read as a point of the scale
  const options = [...q.options.filter((o) => !o.dontKnow), ...q.options.filter((o) => o.dontKnow)]
  return (
    <View role={multi ? 'group' : 'radiogroup'}>
      <Text className='wm-sv-question'>{q.title}</Text>
      <Text className='wm-sv-hint'>{hint}</Text>
      {options.map((o) => {
        const on = chosen.includes(o.id)
        return (
          <View
            key={o.id}
            id={`wm-sv-opt-${q.id}-${o.id}`}
            className={`wm-sv-option${on ? ' wm-sv-option--on' : ''}${o.dontKnow && q.kind === 'scale' ? ' wm-sv-option--apart' : ''}`}
            role={multi ? 'checkbox' : 'radio'}
            aria-checked={on}
            onClick={() => toggle(o.id)}
          >
            <Text className={`wm-sv-option__mark wm-sv-option__mark--${multi ? 'multiple' : 'single'}`}>{on ? (multi ? '✓' : '●') : ''}</Text>
            <Text className='wm-sv-option__label'>{o.label}</Text>
            {on ? <Text className='wm-sv-option__chosen'>已选</Text> : null}
          </View>
        )
      })}
    </View>
  )
}

