import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '@/lib/use-load'
import type { NotifyTemplateView } from '@/shared/contract'
import { Action, BackToIndex, Done, Gate, Problem } from './common'

const AUDIENCE_WORD: Record<NotifyTemplateView['audience'], string> = { reporter: '发给上报的居民', handler: '发给责任单位', volunteer: '发给志愿者', parent: '发给家长' }
const SOURCE_WORD: Record<NotifyTemplateView['source'], string> = {
  office: '文明办设定',
  env: '部署配置',
  placeholder: '本地示范（未真正发送）',
  none: '未设置：这类通知不会请求订阅，也不会发送',
}

/** 通知模板: each subscribe message's purpose, its WeChat template id and where the id comes from; the office sets or clears it. */
export function NotifyView() {
  const load = useLoad(() => callCloud('notify', 'templates', {}), [])
  const [editing, setEditing] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const gate = Gate({ ...load, what: '通知模板' })
  if (!load.data) return <>{gate}</>
  const data = load.data
  const replace = (t: NotifyTemplateView) => load.setData({ items: data.items.map((x) => (x.purpose === t.purpose ? t : x)) })
  return (
    <View className='wm-oc' id='wm-oc-notify'>
      <BackToIndex />
      <Text className='wm-oc-intro'>
        每种订阅消息用哪个微信模板。模板 ID 在微信公众平台「订阅消息」里选用模板后得到；所选模板的字段须与下面列出的一致。文明办设定的 ID 优先于部署配置，清除后恢复部署配置。
      </Text>
      <Done text={done} id='wm-oc-notify-done' />
      <View className='wm-oc-list wm-oc-cols'>
        {data.items.map((t) =>
          editing === t.purpose ? (
            <TemplateForm
              key={t.purpose}
              t={t}
              onCancel={() => setEditing(null)}
              onSaved={(next) => {
                replace(next)
                setEditing(null)
                setDone(next.source === 'office' ? `已设定「${next.label}」的模板 ID。已记入修改记录。` : `已清除「${next.label}」的设定，恢复为部署配置。已记入修改记录。`)
              }}
            />
          ) : (
            <View key={t.purpose} className='wm-card wm-oc-item' id={`wm-oc-notify-${t.purpose}`}>
              <View className='wm-oc-item__head'>
                <Text className='wm-oc-item__title'>
                  {t.label}
                  {t.source === 'office' ? <Text className='wm-oc-tag'>已设定</Text> : null}
                </Text>
                <Action
                  kind='plain'
                  text='设置'
                  id={`wm-oc-notify-edit-${t.purpose}`}
                  onClick={() => {
                    setDone(null)
                    setEditing(t.purpose)
                  }}
                />
              </View>
              <Text className='wm-text-secondary wm-oc-line'>
                {AUDIENCE_WORD[t.audience]} · {t.when}
              </Text>
              <Text className='wm-oc-change wm-oc-mono'>{t.templateId ?? '（未设置）'}</Text>
              <Text className='wm-text-tertiary wm-oc-line'>来源：{SOURCE_WORD[t.source]}</Text>
            </View>
          ),
        )}
      </View>
    </View>
  )
}

function TemplateForm({ t, onCancel, onSaved }: { t: NotifyTemplateView; onCancel: () => void; onSaved: (t: NotifyTemplateView) => void }) {
  const [draft, setDraft] = useState(t.source === 'office' ? (t.templateId ?? '') : '')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const save = async (templateId: string | null) => {
    setProblem(null)
    if (templateId !== null && !templateId.trim()) return setProblem('请填写模板 ID')
    setBusy(true)
    const r = await callCloud('notify', 'setTemplate', { purpose: t.purpose, templateId: templateId === null ? null : templateId.trim() })
    setBusy(false)
    if (!r.ok) return setProblem(r.issues?.length ? r.issues.map((i) => i.message).join('；') : r.message)
    onSaved(r.data)
  }
  return (
    <View className='wm-card wm-oc-item' id='wm-oc-notify-form'>
      <Text className='wm-oc-item__title'>「{t.label}」的模板</Text>
      <Text className='wm-text-secondary wm-oc-line'>{t.when}</Text>
      <Text className='wm-oc-label'>模板须有这些字段</Text>
      {t.fields.map((f) => (
        <Text key={f.key} className='wm-oc-change'>
          {f.label}（{f.key}）
        </Text>
      ))}
      <Text className='wm-oc-label'>模板 ID</Text>
      <Input className='wm-field-input wm-oc-mono' id='wm-oc-notify-id' value={draft} maxlength={64} placeholder='从微信公众平台复制' onInput={(e) => setDraft(e.detail.value)} />
      <Text className='wm-text-tertiary wm-oc-line'>部署配置：{t.configuredId ?? '未配置'}</Text>
      <Problem text={problem} id='wm-oc-notify-problem' />
      <View className='wm-oc-buttons'>
        <Action text='保存' id='wm-oc-notify-save' busy={busy} onClick={() => void save(draft)} />
        {t.source === 'office' ? <Action kind='plain' text='清除设定' id='wm-oc-notify-clear' disabled={busy} onClick={() => void save(null)} /> : null}
        <Action kind='plain' text='取消' disabled={busy} onClick={onCancel} />
      </View>
    </View>
  )
}
