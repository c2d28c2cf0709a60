import { useCallback, useEffect, useMemo, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TextArea } from '@/components/text-area'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import type { PhraseSetView, PhraseStep } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { ACTION_LABEL, CATEGORIES, CATEGORY_GROUPS, type CategoryId } from '@/shared/report'
import './report.scss'
import './staff.scss'

/** The steps in the order a report goes through them; 添加备注 is not a transition. */
const STEPS: Array<[PhraseStep, string]> = [
  ['dispatch', ACTION_LABEL.dispatch],
  ['reject', ACTION_LABEL.reject],
  ['approve', ACTION_LABEL.approve],
  ['start', ACTION_LABEL.start],
  ['sendBack', ACTION_LABEL.sendBack],
  ['resolve', ACTION_LABEL.resolve],
  ['reopen', ACTION_LABEL.reopen],
  ['keepClosed', ACTION_LABEL.keepClosed],
  ['note', '添加备注'],
]
/** the same limits the server checks (kept here: the contract module brings zod to the client) */
const PER_SET = 12
const TEXT_MAX = 200
const ALL = 'all'
const PRAISE_STEPS: readonly PhraseStep[] = ['approve', 'reject', 'note']

type Scope = CategoryId | typeof ALL

interface ChoiceGroup<T extends string> {
  /** a small heading above the group's chips; none for a single group */
  title?: string
  options: Array<[T, string]>
}

/** One radio group, optionally in headed parts: twenty categories in one heap are hard to scan. */
function Choice<T extends string>({ id, groups, value, onChange }: { id: string; groups: Array<ChoiceGroup<T>>; value: T; onChange: (v: T) => void }) {
  return (
    <View className='wm-rp-buttons wm-phrase-editor__choice' role='radiogroup' id={id}>
      {groups.map((group, index) => (
        <View key={group.title ?? index} className='wm-phrase-editor__part'>
          {group.title ? <Text className='wm-rp-hint wm-phrase-editor__part-title'>{group.title}</Text> : null}
          {group.options.map(([key, label]) => (
            <View key={key} id={`${id}-${key}`} role='radio' aria-checked={key === value} className={`wm-rp-chip${key === value ? ' wm-rp-chip--current' : ''}`} onClick={() => onChange(key)}>
              <Text>
                {key === value ? '✓ ' : ''}
                {label}
              </Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

/**
 * 常用语 (文明办): per category — or 通用, for every category — and per step, the texts staff pick
 * from and then edit. One text per line; saving replaces the set (an empty box removes it).
 */
export function PhraseEditor() {
  const [book, setBook] = useState<PhraseSetView[] | null>(null)
  const [error, setError] = useState<Fail | null>(null)
  const [scope, setScope] = useState<Scope>(ALL)
  const [step, setStep] = useState<PhraseStep>('resolve')
  const [lines, setLines] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    setError(null)
    const result = await callCloud('report', 'phraseBook', {})
    if (!result.ok) return setError(result)
    setBook(result.data)
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  const current = useMemo(
    () => book?.find((s) => (s.categoryId ?? ALL) === scope && s.step === step) ?? null,
    [book, scope, step],
  )
  useEffect(() => {
    setLines(current ? current.texts.join('\n') : '')
    setProblem(null)
  }, [current])

  if (error?.code === 'AUTH.FORBIDDEN') {
    return (
      <View className='wm-card' id='wm-phrases-forbidden'>
        <EmptyState
          glyph='语'
          title='这是文明办的设置页面'
          description='常用语由文明办统一维护，网格员和责任单位在办理随手拍时选用。如果您是文明办工作人员，请联系管理员授予「文明办」角色。'
          actionText='返回首页'
          onAction={() => openPage('/pages/home/index')}
        />
      </View>
    )
  }
  if (error) {
    return (
      <View className='wm-card'>
        <ErrorState what='常用语' message={error.message} onRetry={() => void load()} />
      </View>
    )
  }
  if (!book) {
    return (
      <View className='wm-card'>
        <Skeleton rows={5} />
      </View>
    )
  }

  const countOf = (s: Scope) => book.filter((set) => (set.categoryId ?? ALL) === s).reduce((n, set) => n + set.texts.length, 0)
  const scopeGroups: Array<ChoiceGroup<Scope>> = [
    { options: [[ALL, `通用（${countOf(ALL)}）`]] },
    ...CATEGORY_GROUPS.map((g) => ({ title: g.name, options: CATEGORIES.filter((c) => c.groupId === g.id).map((c): [Scope, string] => [c.id, `${c.name}（${countOf(c.id)}）`]) })),
  ]
  const scopeName = scope === ALL ? '通用' : CATEGORIES.find((c) => c.id === scope)?.name
  // a 文明点赞 is only adopted or declined; a 随手拍 is never 采纳展示: offer the steps the category has
  const kind = scope === ALL ? null : CATEGORIES.find((c) => c.id === scope)?.kind
  const steps = STEPS.filter(([s]) => (kind === 'praise' ? PRAISE_STEPS.includes(s) : kind === 'report' ? s !== 'approve' : true))
  const pickScope = (next: Scope) => {
    setScope(next)
    const nextKind = next === ALL ? null : CATEGORIES.find((c) => c.id === next)?.kind
    if (nextKind === 'praise' && !PRAISE_STEPS.includes(step)) setStep('approve')
    if (nextKind === 'report' && step === 'approve') setStep('resolve')
  }
  const stepCount = (s: PhraseStep) => book.find((set) => (set.categoryId ?? ALL) === scope && set.step === s)?.texts.length ?? 0

  const save = async () => {
    setProblem(null)
    const texts = lines.split('\n').map((l) => l.trim()).filter(Boolean)
    if (texts.length > PER_SET) return setProblem(`每个环节最多 ${PER_SET} 条，现在有 ${texts.length} 条`)
    const long = texts.findIndex((t) => t.length > TEXT_MAX)
    if (long >= 0) return setProblem(`第 ${long + 1} 条超过 ${TEXT_MAX} 字`)
    const short = texts.findIndex((t) => t.length < 2)
    if (short >= 0) return setProblem(`第 ${short + 1} 条太短，至少 2 个字`)
    setBusy(true)
    const result = await callCloud('report', 'setPhrases', { categoryId: scope === ALL ? null : scope, step, texts })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    void Taro.showToast({ icon: 'success', title: texts.length ? '已保存' : '已清空' })
    await load()
  }

  return (
    <View id='wm-phrase-editor'>
      <View className='wm-card'>
        <Text className='wm-rp-label'>常用语</Text>
        <Text className='wm-text-secondary'>网格员和责任单位办理时点选常用语，再按实际情况修改。本类别的常用语排在通用的前面。</Text>
        <Text className='wm-rp-group'>类别</Text>
        <Choice id='wm-phrase-scope' groups={scopeGroups} value={scope} onChange={pickScope} />
        <Text className='wm-rp-group'>环节</Text>
        <Choice id='wm-phrase-step' groups={[{ options: steps.map(([s, label]): [PhraseStep, string] => [s, `${label}（${stepCount(s)}）`]) }]} value={step} onChange={setStep} />
      </View>
      <View className='wm-card'>
        <Text className='wm-rp-label'>
          {scopeName} · {STEPS.find(([s]) => s === step)?.[1]}
        </Text>
        <Text className='wm-rp-hint'>每行一条，最多 {PER_SET} 条、每条不超过 {TEXT_MAX} 字；清空后保存即删除本组。</Text>
        <TextArea className='wm-rp-textarea wm-phrase-editor__lines' id='wm-phrase-lines' value={lines} maxlength={PER_SET * (TEXT_MAX + 1)} placeholder='如：已到现场处置完毕，整改后照片见附件。' onInput={setLines} />
        {problem ? <Text className='wm-rp-error'>{problem}</Text> : null}
        <Button id='wm-phrase-save' type='primary' block loading={busy} disabled={busy} onClick={() => void save()} style={{ marginTop: '20px' }}>
          保存本组常用语
        </Button>
      </View>
    </View>
  )
}
