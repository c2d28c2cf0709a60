import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState } from '@/components/state'
import { Done, Problem, Tag } from '@/features/inspect/components/common'
import { useMe } from '@/features/account'
import { callCloud } from '@/lib/call-cloud'
import { categoryOf } from '@/shared/report/categories'
import type { Duty } from '@/shared/frontage'
import type { TemplateView } from '@/shared/contract'
import { useLoad } from '../api'
import type { FrontageParams } from '../labels'
import { dateWords, frGate } from './street'
import '@/features/inspect/field.scss'
import '../frontage.scss'

const categoryNames = (d: Duty) => d.categories.map((c) => categoryOf(c)?.name ?? '').filter(Boolean)

/**
 * 责任书模板: the duties and items each template holds, and the 随手拍 categories each duty makes
 * the shop answer first. The office edits the words; a saved template is a new version every
 * shop on it signs again.
 */
export function TemplatesView(_props: { params: FrontageParams }) {
  const load = useLoad(() => callCloud('frontage', 'templates', {}), [])
  const me = useMe().me
  const [editing, setEditing] = useState<string | null>(null)
  const [saved, setSaved] = useState<Record<string, TemplateView>>({})
  const [done, setDone] = useState<string | null>(null)
  const gate = frGate(load, { what: '责任书模板', audience: 'office', rows: 8 })
  if (gate) return <>{gate}</>
  const templates = (load.data ?? []).map((t) => saved[t.templateId] ?? t)
  const office = !!me?.isAdmin
  if (templates.length === 0) {
    return (
      <View className='wm-card'>
        <EmptyState glyph='书' title='还没有责任书模板' description='演示数据会登记「门前三包」「门前五包」两个模板；请联系管理员检查数据。' />
      </View>
    )
  }
  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-templates'>
      <Done text={done} id='wm-fr-template-done' />
      <View className='wm-fr-cols'>
        {templates.map((t) =>
          editing === t.templateId ? (
            <View key={t.templateId} className='wm-fr-col'>
              <TemplateForm
                template={t}
                onSaved={(v) => {
                  setSaved((x) => ({ ...x, [v.templateId]: v }))
                  setEditing(null)
                  setDone(`「${v.name}」已保存为第 ${v.version} 版，使用它的门店须重新签署`)
                }}
                onCancel={() => setEditing(null)}
              />
            </View>
          ) : (
            <View key={t.templateId} className='wm-fr-col'>
              <View className='wm-card' id={`wm-fr-template-${t.templateId}`}>
                <Text className='wm-in-title'>{t.name}</Text>
                <Text className='wm-text-tertiary wm-fr-block'>
                  第 {t.version} 版 · {dateWords(t.updatedAt)}更新
                </Text>
                {t.duties.map((d) => (
                  <View key={d.id} className='wm-fr-duty'>
                    <Text className='wm-fr-duty__name'>{d.name}</Text>
                    {d.items.map((item, i) => (
                      <View key={item.id} className='wm-fr-duty__item'>
                        <Text className='wm-fr-duty__no'>{i + 1}.</Text>
                        <Text>{item.text}</Text>
                      </View>
                    ))}
                    {categoryNames(d).length ? (
                      <View className='wm-in-tags wm-in-gap'>
                        <Text className='wm-text-tertiary'>门店先处理的随手拍：</Text>
                        {categoryNames(d).map((c) => (
                          <Tag key={c} text={c} />
                        ))}
                      </View>
                    ) : null}
                  </View>
                ))}
                {office ? (
                  <Button block type='primary' fill='outline' id={`wm-fr-template-edit-${t.templateId}`} onClick={() => (setEditing(t.templateId), setDone(null))}>
                    修改这个模板
                  </Button>
                ) : null}
              </View>
            </View>
          ),
        )}
      </View>
    </View>
  )
}

/** the next free item id of a duty: clean-4 after clean-3 */
function nextItemId(duty: Duty): string {
  const used = new Set(duty.items.map((i) => i.id))
  for (let n = duty.items.length + 1; ; n += 1) {
    const id = `${duty.id}-${n}`.slice(0, 20)
    if (!used.has(id)) return id
  }
}

function TemplateForm({ template, onSaved, onCancel }: { template: TemplateView; onSaved: (t: TemplateView) => void; onCancel: () => void }) {
  const [name, setName] = useState(template.name)
  const [duties, setDuties] = useState<Duty[]>(() => template.duties.map((d) => ({ ...d, items: d.items.map((i) => ({ ...i })) })))
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const setDuty = (k: number, change: (d: Duty) => Duty) => setDuties((ds) => ds.map((d, j) => (j === k ? change(d) : d)))

  const save = async () => {
    if (!name.trim()) return setProblem('请填写模板名称')
    for (const d of duties) {
      if (!d.name.trim()) return setProblem('每一包都要有名称，如：包卫生')
      if (d.name.trim().length > 10) return setProblem(`「${d.name}」太长：每一包的名称不超过 10 个字`)
      if (d.items.length === 0) return setProblem(`「${d.name}」至少要有一条责任内容`)
      if (d.items.some((i) => !i.text.trim())) return setProblem(`「${d.name}」有一条责任内容是空的：填写或删掉它`)
    }
    const sure = await Taro.showModal({ title: '保存为新版本', content: `保存后「${name.trim()}」成为第 ${template.version + 1} 版，使用这个模板的每一家门店都须重新签署责任书。确定保存吗？`, confirmText: '保存', cancelText: '再看看' }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    setBusy(true)
    setProblem(null)
    const r = await callCloud('frontage', 'saveTemplate', {
      templateId: template.templateId,
      name: name.trim(),
      duties: duties.map((d) => ({ id: d.id, name: d.name.trim(), items: d.items.map((i) => ({ id: i.id, text: i.text.trim() })), categories: d.categories })),
    })
    setBusy(false)
    if (!r.ok) return setProblem(r.message)
    void Taro.showToast({ icon: 'success', title: '已保存' })
    onSaved(r.data)
  }

  return (
    <View className='wm-card' id={`wm-fr-template-form-${template.templateId}`}>
      <Text className='wm-field-label'>模板名称</Text>
      <Input className='wm-field-input' id='wm-fr-template-name' value={name} maxlength={30} onInput={(e) => setName(e.detail.value)} />
      {duties.map((d, k) => (
        <View key={d.id} className='wm-fr-duty'>
          <Text className='wm-field-label'>第 {k + 1} 包的名称</Text>
          <Input className='wm-field-input' id={`wm-fr-template-duty-${k + 1}`} value={d.name} maxlength={10} onInput={(e) => setDuty(k, (x) => ({ ...x, name: e.detail.value }))} />
          {d.items.map((item, i) => (
            <View key={item.id} className='wm-in-gap'>
              <Text className='wm-field-label'>
                {d.name || `第 ${k + 1} 包`} · 第 {i + 1} 条
              </Text>
              <Textarea
                className='wm-in-textarea'
                id={`wm-fr-template-item-${k + 1}-${i + 1}`}
                value={item.text}
                maxlength={80}
                autoHeight
                onInput={(e) => {
                  const text = e.detail.value
                  setDuty(k, (x) => ({ ...x, items: x.items.map((it) => (it.id === item.id ? { ...it, text } : it)) }))
                }}
              />
              {d.items.length > 1 ? (
                <View className='wm-in-link' role='button' id={`wm-fr-template-item-${k + 1}-${i + 1}-remove`} onClick={() => setDuty(k, (x) => ({ ...x, items: x.items.filter((it) => it.id !== item.id) }))}>
                  <Text>删掉这一条</Text>
                </View>
              ) : null}
            </View>
          ))}
          {d.items.length < 10 ? (
            <View className='wm-fd-btn wm-fd-btn--ghost wm-in-gap' role='button' id={`wm-fr-template-duty-${k + 1}-add`} onClick={() => setDuty(k, (x) => ({ ...x, items: [...x.items, { id: nextItemId(x), text: '' }] }))}>
              <Text>＋ 给「{d.name || `第 ${k + 1} 包`}」加一条</Text>
            </View>
          ) : null}
          {categoryNames(d).length ? <Text className='wm-text-tertiary wm-fr-block wm-in-gap'>门店先处理的随手拍：{categoryNames(d).join('、')}（不变）</Text> : null}
        </View>
      ))}
      <Text className='wm-text-secondary wm-fr-block wm-in-gap'>保存后是新的一版：使用这个模板的门店都须重新签署。</Text>
      <Problem text={problem} id='wm-fr-template-error' />
      <View className='wm-in-buttons'>
        <Button type='primary' loading={busy} disabled={busy} id='wm-fr-template-save' onClick={() => void save()}>
          保存为新版本
        </Button>
        <Button type='default' disabled={busy} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
