import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '@/lib/use-load'
import type { LimitUnit, StepLimit, StepLimits } from '@/shared/report/categories'
import type { CategorySettingView } from '@/shared/contract'
import { Action, Chips, Done, Gate, Problem, STEP_KEYS, STEP_WORD, UNIT_WORD, limitText, timeText } from './common'

const UNITS: Array<{ value: LimitUnit; label: string }> = (['hours', 'days', 'workdays'] as const).map((u) => ({ value: u, label: UNIT_WORD[u] }))

interface StepDraft {
  amount: string
  unit: LimitUnit
  officeHours: boolean
}

const draftOf = (l: StepLimit): StepDraft => ({ amount: String(l.amount), unit: l.unit, officeHours: l.officeHours === true })

/** 类别与时限: each 随手拍 category's name, hint and step limits; the office edits one at a time. */
export function CategoriesView() {
  const load = useLoad(() => callCloud('settings', 'categories', {}), [])
  const [editing, setEditing] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const gate = Gate({ ...load, what: '类别与时限' })
  if (!load.data) return <>{gate}</>
  const data = load.data
  const replace = (c: CategorySettingView) => load.setData({ categories: data.categories.map((x) => (x.id === c.id ? c : x)) })
  return (
    <View className='wm-oc' id='wm-oc-categories'>
      <Text className='wm-oc-intro'>
        每个随手拍类别的名称、说明和各环节的办理时限。修改后，新提交或新进入环节的问题按新时限计算；已提交的问题保留原来的到期时间。
      </Text>
      <Done text={saved} id='wm-oc-cat-done' />
      <View className='wm-oc-list wm-oc-cols'>
        {data.categories.map((c) =>
          editing === c.id ? (
            <CategoryForm
              key={c.id}
              c={c}
              onCancel={() => setEditing(null)}
              onSaved={(next) => {
                replace(next)
                setEditing(null)
                setSaved(`已保存「${next.name}」：${next.limitsText}。这次修改已记入修改记录；已提交的问题仍按原来的到期时间办理。`)
              }}
            />
          ) : (
            <View key={c.id} className='wm-card wm-oc-item' id={`wm-oc-cat-${c.id}`}>
              <View className='wm-oc-item__head'>
                <Text className='wm-oc-item__title'>
                  {c.name}
                  {c.kind === 'praise' ? <Text className='wm-oc-tag'>文明点赞</Text> : null}
                  {c.overridden ? <Text className='wm-oc-tag'>已修改</Text> : null}
                </Text>
                <Action
                  kind='plain'
                  text='修改'
                  id={`wm-oc-cat-edit-${c.id}`}
                  onClick={() => {
                    setSaved(null)
                    setEditing(c.id)
                  }}
                />
              </View>
              <Text className='wm-text-secondary'>{c.hint}</Text>
              <Text className='wm-oc-change' id={`wm-oc-cat-limits-${c.id}`}>{c.limitsText}</Text>
              {c.updatedAt ? <Text className='wm-text-tertiary'>最近修改：{timeText(c.updatedAt)}</Text> : null}
            </View>
          ),
        )}
      </View>
    </View>
  )
}

function CategoryForm({ c, onCancel, onSaved }: { c: CategorySettingView; onCancel: () => void; onSaved: (c: CategorySettingView) => void }) {
  const [name, setName] = useState(c.name)
  const [hint, setHint] = useState(c.hint)
  const [steps, setSteps] = useState<Record<keyof StepLimits, StepDraft>>({ accept: draftOf(c.limits.accept), start: draftOf(c.limits.start), resolve: draftOf(c.limits.resolve) })
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  // a step with no time (文明点赞 has no 签收 or 办结) never runs: it is not offered
  const shown = STEP_KEYS.filter((k) => c.limits[k].amount > 0)
  const set = (k: keyof StepLimits, patch: Partial<StepDraft>) => setSteps((s) => ({ ...s, [k]: { ...s[k], ...patch } }))

  const save = async () => {
    setProblem(null)
    const limits = {} as StepLimits
    for (const k of STEP_KEYS) {
      const d = steps[k]
      if (!shown.includes(k)) {
        limits[k] = c.limits[k]
        continue
      }
      const amount = Number(d.amount.trim())
      if (d.amount.trim() === '' || !Number.isInteger(amount) || amount <= 0) {
        setProblem(`${STEP_WORD[k]}时限请填写大于 0 的整数`)
        return
      }
      limits[k] = d.unit === 'hours' && d.officeHours ? { amount, unit: d.unit, officeHours: true } : { amount, unit: d.unit }
    }
    if (!name.trim()) {
      setProblem('请填写类别名称')
      return
    }
    setBusy(true)
    const r = await callCloud('settings', 'setCategory', { categoryId: c.id as never, name: name.trim(), hint: hint.trim(), limits })
    setBusy(false)
    if (!r.ok) {
      setProblem(r.issues?.length ? r.issues.map((i) => i.message).join('；') : r.message)
      return
    }
    onSaved(r.data)
  }

  return (
    <View className='wm-card wm-oc-item' id='wm-oc-cat-form'>
      <Text className='wm-oc-item__title'>修改「{c.name}」</Text>
      <Text className='wm-oc-label'>名称</Text>
      <Input className='wm-field-input' id='wm-oc-cat-name' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
      <Text className='wm-text-tertiary'>原名称：{c.defaultName}</Text>
      <Text className='wm-oc-label'>说明（上报时显示）</Text>
      <Input className='wm-field-input' id='wm-oc-cat-hint' value={hint} maxlength={60} onInput={(e) => setHint(e.detail.value)} />
      {shown.map((k) => {
        const d = steps[k]
        return (
          <View key={k} className='wm-oc-step' id={`wm-oc-step-${k}`}>
            <Text className='wm-oc-label'>
              {STEP_WORD[k]}时限（原为 {limitText(c.defaultLimits[k])}）
            </Text>
            <View className='wm-oc-numrow'>
              <Input className='wm-field-input wm-oc-num' id={`wm-oc-limit-${k}`} type='number' value={d.amount} maxlength={3} onInput={(e) => set(k, { amount: e.detail.value })} />
              <Text>{UNIT_WORD[d.unit]}</Text>
            </View>
            <Chips value={d.unit} options={UNITS} onChange={(unit) => set(k, { unit })} idPrefix={`wm-oc-unit-${k}`} />
            {d.unit === 'hours' ? (
              <View className='wm-oc-check' role='checkbox' aria-checked={d.officeHours} id={`wm-oc-office-${k}`} onClick={() => set(k, { officeHours: !d.officeHours })}>
                <Text className='wm-oc-check__box'>{d.officeHours ? '✓' : ''}</Text>
                <Text>仅工作时间（工作日 8:30–12:00、13:30–17:30）</Text>
              </View>
            ) : null}
          </View>
        )
      })}
      <Text className='wm-text-tertiary'>保存后记入修改记录。已提交的问题保留原来的到期时间，新进入环节的问题按新时限计算。</Text>
      <Problem text={problem} id='wm-oc-cat-problem' />
      <View className='wm-oc-buttons'>
        <Action text='保存' id='wm-oc-cat-save' busy={busy} onClick={() => void save()} />
        <Action kind='plain' text='取消' id='wm-oc-cat-cancel' disabled={busy} onClick={onCancel} />
      </View>
    </View>
  )
}
