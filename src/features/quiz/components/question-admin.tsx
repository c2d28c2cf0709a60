import { useCallback, useEffect, useMemo, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TextArea } from '@/components/text-area'
import type { AdminQuestionView, Difficulty, QuestionContent, QuestionType, QuizTopic, QuizTopicView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { HANDBOOK_CHAPTERS, type HandbookSectionId } from '@/shared/handbook/ids'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { OPTION_LETTERS } from './option-list'
import './question-admin.scss'

const TYPES: Array<{ type: QuestionType; label: string }> = [
  { type: 'single', label: '单选' },
  { type: 'multiple', label: '多选' },
  { type: 'true-false', label: '判断' },
]
const DIFFICULTIES: Array<{ value: Difficulty; label: string }> = [
  { value: 1, label: '易' },
  { value: 2, label: '中' },
  { value: 3, label: '难' },
]
const TRUE_FALSE = ['正确', '错误']

function Segments<T extends string | number>({ items, value, onChange }: { items: Array<{ key: T; label: string }>; value: T; onChange: (v: T) => void }) {
  return (
    <View className='wm-qadmin__segments' role='radiogroup'>
      {items.map((item) => (
        <View
          key={String(item.key)}
          role='radio'
          aria-checked={item.key === value}
          className={`wm-qadmin__segment${item.key === value ? ' wm-qadmin__segment--on' : ''}`}
          onClick={() => onChange(item.key)}
        >
          <Text>{item.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** Section titles come from the published handbook; without it the ids still work. */
function useSectionTitles(): Map<string, string> {
  const [titles, setTitles] = useState(new Map<string, string>())
  useEffect(() => {
    void callCloud('handbook', 'toc', {}).then((toc) => {
      if (toc.ok) setTitles(new Map(toc.data.chapters.flatMap((c) => c.sections.map((s) => [s.id, s.title] as const))))
    })
  }, [])
  return titles
}

const blank = (topic: QuizTopic): QuestionContent => ({
  topic,
  type: 'single',
  difficulty: 1,
  stem: '',
  options: ['', '', '', ''],
  answer: [],
  explanation: '',
  sectionId: HANDBOOK_CHAPTERS.find((c) => c.id === topic)?.sections[0] ?? 'campaign-what',
})

function QuestionEditor({
  initial,
  questionId,
  topics,
  onDone,
}: {
  initial: QuestionContent
  questionId?: string
  topics: QuizTopicView[]
  onDone: (saved: AdminQuestionView | null) => void
}) {
  const [q, setQ] = useState<QuestionContent>(initial)
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<Fail | null>(null)
  const titles = useSectionTitles()
  const sections = HANDBOOK_CHAPTERS.find((c) => c.id === q.topic)?.sections ?? []
  const update = (patch: Partial<QuestionContent>) => setQ((prev) => ({ ...prev, ...patch }))

  const setType = (type: QuestionType) =>
    update(type === 'true-false' ? { type, options: [...TRUE_FALSE], answer: [] } : { type, options: q.type === 'true-false' ? ['', '', '', ''] : q.options, answer: [] })
  const setTopic = (topic: QuizTopic) => update({ topic, sectionId: HANDBOOK_CHAPTERS.find((c) => c.id === topic)?.sections[0] ?? q.sectionId })
  const toggleAnswer = (position: number) =>
    update({
      answer:
        q.type === 'multiple'
          ? q.answer.includes(position)
            ? q.answer.filter((a) => a !== position)
            : [...q.answer, position].sort((a, b) => a - b)
          : [position],
    })

  const save = async () => {
    setSaving(true)
    setProblem(null)
    const content: QuestionContent = { ...q, stem: q.stem.trim(), explanation: q.explanation.trim(), options: q.options.map((o) => o.trim()) }
    const result = await callCloud('quiz', 'adminSaveQuestion', { ...(questionId ? { questionId } : {}), content })
    setSaving(false)
    if (!result.ok) {
      setProblem(result)
      return
    }
    void Taro.showToast({ title: '已保存，立即生效', icon: 'success' })
    onDone(result.data)
  }

  return (
    <View className='wm-card wm-qadmin__editor' id='wm-qadmin-editor'>
      <Text className='wm-qadmin__title'>{questionId ? '修改题目' : '新增题目'}</Text>
      <Text className='wm-qadmin__label'>专题</Text>
      <Picker mode='selector' range={topics.map((t) => t.label)} value={Math.max(0, topics.findIndex((t) => t.id === q.topic))} onChange={(e) => setTopic(topics[Number(e.detail.value)].id)}>
        <View className='wm-qadmin__picker'>
          <Text>{topics.find((t) => t.id === q.topic)?.label ?? q.topic}</Text>
          <Text aria-hidden='true'>›</Text>
        </View>
      </Picker>
      <Text className='wm-qadmin__label'>题型</Text>
      <Segments items={TYPES.map((t) => ({ key: t.type, label: t.label }))} value={q.type} onChange={setType} />
      <Text className='wm-qadmin__label'>难度</Text>
      <Segments items={DIFFICULTIES.map((d) => ({ key: d.value, label: d.label }))} value={q.difficulty} onChange={(difficulty) => update({ difficulty })} />
      <Text className='wm-qadmin__label'>题干（200 字以内）</Text>
      <TextArea className='wm-qadmin__textarea' value={q.stem} maxlength={200} autoHeight onInput={(value) => update({ stem: value })} />
      <Text className='wm-qadmin__label'>选项（点左侧字母标出正确答案{q.type === 'multiple' ? '，可多选' : ''}）</Text>
      {q.options.map((option, position) => (
        <View key={position} className='wm-qadmin__option'>
          <View
            className={`wm-qadmin__mark${q.answer.includes(position) ? ' wm-qadmin__mark--on' : ''}`}
            role={q.type === 'multiple' ? 'checkbox' : 'radio'}
            aria-checked={q.answer.includes(position)}
            aria-label={`把选项 ${OPTION_LETTERS[position]} 设为正确答案`}
            onClick={() => toggleAnswer(position)}
          >
            <Text>{q.answer.includes(position) ? '✓' : OPTION_LETTERS[position]}</Text>
          </View>
          {q.type === 'true-false' ? (
            <Text className='wm-qadmin__fixed'>{option}</Text>
          ) : (
            <Input
              className='wm-qadmin__input'
              value={option}
              maxlength={80}
              placeholder={`选项 ${OPTION_LETTERS[position]}`}
              onInput={(e) => update({ options: q.options.map((o, i) => (i === position ? e.detail.value : o)) })}
            />
          )}
          {q.type !== 'true-false' && q.options.length > 3 ? (
            <View
              className='wm-qadmin__remove'
              role='button'
              aria-label={`删除选项 ${OPTION_LETTERS[position]}`}
              onClick={() => update({ options: q.options.filter((_, i) => i !== position), answer: q.answer.filter((a) => a !== position).map((a) => (a > position ? a - 1 : a)) })}
            >
              <Text>删除</Text>
            </View>
          ) : null}
        </View>
      ))}
      {q.type !== 'true-false' && q.options.length < 6 ? (
        <Button size='small' fill='outline' type='primary' onClick={() => update({ options: [...q.options, ''] })}>
          加一个选项
        </Button>
      ) : null}
      <Text className='wm-qadmin__label'>解析（说清楚为什么，500 字以内）</Text>
      <TextArea className='wm-qadmin__textarea' value={q.explanation} maxlength={500} autoHeight onInput={(value) => update({ explanation: value })} />
      <Text className='wm-qadmin__label'>对应的手册小节</Text>
      <Picker
        mode='selector'
        range={sections.map((s) => titles.get(s) ?? s)}
        value={Math.max(0, (sections as readonly string[]).indexOf(q.sectionId))}
        onChange={(e) => update({ sectionId: sections[Number(e.detail.value)] as HandbookSectionId })}
      >
        <View className='wm-qadmin__picker'>
          <Text>{titles.get(q.sectionId) ?? q.sectionId}</Text>
          <Text aria-hidden='true'>›</Text>
        </View>
      </Picker>
      {problem ? (
        <View className='wm-qadmin__problem' role='alert'>
          <Text>{problem.message}</Text>
          {(problem.issues ?? []).map((issue) => (
            <Text key={`${issue.path}-${issue.message}`} className='wm-qadmin__issue'>
              · {issue.message}
            </Text>
          ))}
        </View>
      ) : null}
      <View className='wm-qadmin__actions'>
        <Button type='primary' loading={saving} disabled={saving} onClick={() => void save()}>
          保存并生效
        </Button>
        <Button fill='outline' type='primary' disabled={saving} onClick={() => onDone(null)}>
          取消
        </Button>
      </View>
    </View>
  )
}

/**
 * 题库管理 for the office: questions by topic and status, add, edit, retire and restore — all in
 * effect for the next paper, without a release.
 */
export function QuestionAdmin({ topics }: { topics: QuizTopicView[] }) {
  const [topic, setTopic] = useState<QuizTopic>(topics[0]?.id ?? 'civic-pact')
  const [status, setStatus] = useState<'active' | 'retired'>('active')
  const [items, setItems] = useState<AdminQuestionView[]>([])
  const [total, setTotal] = useState(0)
  const [next, setNext] = useState<number | null>(null)
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState<Fail | null>(null)
  const [editing, setEditing] = useState<{ id?: string; content: QuestionContent } | null>(null)
  const labels = useMemo(() => new Map(topics.map((t) => [t.id, t.label])), [topics])

  const load = useCallback(
    async (offset: number) => {
      setState('loading')
      const result = await callCloud('quiz', 'adminQuestions', { topic, status, offset })
      if (!result.ok) {
        setState('error')
        setError(result)
        return
      }
      setItems((prev) => (offset === 0 ? result.data.items : [...prev, ...result.data.items]).slice(0, 200))
      setTotal(result.data.total)
      setNext(result.data.nextOffset)
      setState('ready')
    },
    [topic, status],
  )
  useEffect(() => {
    void load(0)
  }, [load])

  const retire = async (question: AdminQuestionView) => {
    const retiring = question.status === 'active'
    if (retiring) {
      const answer = await Taro.showModal({ title: '下架这道题？', content: '下架后不再出现在新的试卷中，可以随时恢复。', confirmText: '下架' })
      if (!answer.confirm) return
    }
    const result = await callCloud('quiz', 'adminRetireQuestion', { questionId: question.id, retired: retiring })
    if (!result.ok) {
      void Taro.showToast({ title: result.message, icon: 'none' })
      return
    }
    void Taro.showToast({ title: retiring ? '已下架' : '已恢复', icon: 'success' })
    void load(0)
  }

  if (editing) {
    return (
      <QuestionEditor
        initial={editing.content}
        questionId={editing.id}
        topics={topics}
        onDone={(saved) => {
          setEditing(null)
          if (saved) {
            setTopic(saved.topic)
            setStatus(saved.status)
            void load(0)
          }
        }}
      />
    )
  }

  return (
    <View className='wm-qadmin' id='wm-qadmin'>
      <View className='wm-card'>
        <Text className='wm-text-secondary'>修改即时生效：已发出的试卷按原答案计分，新的试卷用新内容。</Text>
        <Picker mode='selector' range={topics.map((t) => `${t.label}（${t.count} 题在用）`)} value={Math.max(0, topics.findIndex((t) => t.id === topic))} onChange={(e) => setTopic(topics[Number(e.detail.value)].id)}>
          <View className='wm-qadmin__picker'>
            <Text>专题：{labels.get(topic) ?? topic}</Text>
            <Text aria-hidden='true'>›</Text>
          </View>
        </Picker>
        <Segments
          items={[
            { key: 'active', label: '在用' },
            { key: 'retired', label: '已下架' },
          ]}
          value={status}
          onChange={(s) => setStatus(s as 'active' | 'retired')}
        />
        <Button type='primary' block id='wm-qadmin-add' onClick={() => setEditing({ content: blank(topic) })}>
          新增题目
        </Button>
      </View>

      {state === 'error' && items.length === 0 ? (
        <View className='wm-card'>
          <ErrorState what='题库' message={error?.message ?? ''} onRetry={() => void load(0)} />
        </View>
      ) : state === 'loading' && items.length === 0 ? (
        <View className='wm-card'>
          <Skeleton rows={5} />
        </View>
      ) : items.length === 0 ? (
        <View className='wm-card'>
          <EmptyState glyph='题' title={status === 'active' ? '这个专题还没有题目' : '没有下架的题目'} description='点“新增题目”添加。' />
        </View>
      ) : (
        <>
          <Text className='wm-text-tertiary wm-qadmin__count'>共 {total} 题</Text>
          {items.map((question) => (
            <View key={question.id} className='wm-card wm-qadmin__item'>
              <Text className='wm-text-tertiary'>
                {question.id} · {TYPES.find((t) => t.type === question.type)?.label} · 难度{DIFFICULTIES.find((d) => d.value === question.difficulty)?.label} · 第 {question.revision} 版 ·{' '}
                {question.origin === 'bank' ? `题库 ${question.bankVersion}` : '文明办新增'}
              </Text>
              <Text className='wm-qadmin__stem'>{question.stem}</Text>
              <Text className='wm-text-secondary'>答案：{question.answer.map((a) => `${question.type === 'true-false' ? '' : `${OPTION_LETTERS[a]}. `}${question.options[a]}`).join('；')}</Text>
              <View className='wm-qadmin__actions'>
                <Button size='small' type='primary' fill='outline' onClick={() => setEditing({ id: question.id, content: { topic: question.topic, type: question.type, difficulty: question.difficulty, stem: question.stem, options: question.options, answer: question.answer, explanation: question.explanation, sectionId: question.sectionId } })}>
                  修改
                </Button>
                <Button size='small' type='primary' fill={question.status === 'active' ? 'outline' : 'solid'} onClick={() => void retire(question)}>
                  {question.status === 'active' ? '下架' : '恢复'}
                </Button>
              </View>
            </View>
          ))}
          {next !== null && items.length < 200 ? (
            <Button fill='outline' type='primary' block loading={state === 'loading'} onClick={() => void load(next)}>
              加载更多
            </Button>
          ) : null}
        </>
      )}
    </View>
  )
}
