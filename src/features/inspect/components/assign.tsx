import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { callCloud } from '@/lib/call-cloud'
import { shanghaiTime } from '@/lib/time'
import { METHOD_LABEL } from '@/shared/inspect'
import type { StandardView } from '@/shared/contract'
import { useLoad } from '../api'
import type { InspectParams } from '../labels'
import { listedStandards } from './standards'
import { CheckRow, Done, Gate, Missing, Problem, Tag, dateText } from './common'

const dayKey = (ms: number) => shanghaiTime(ms, 'YYYY-MM-DD')
/** a deadline picked as a day is the end of that day, Beijing time */
const endOfDay = (day: string) => Date.parse(`${day}T23:59:59+08:00`)

/** 任务分解: one standard → one 牵头单位, any 配合单位, a deadline. */
export function AssignView({ params }: { params: InspectParams }) {
  const standard = useLoad(async () => {
    const listed = listedStandards.get(params.id)
    if (listed) return { ok: true as const, data: listed }
    const r = await callCloud('inspect', 'standards', { standardId: params.id })
    if (!r.ok) return r
    // the one asked for, even from a server that answers the whole first page
    return { ok: true as const, data: r.data.items.find((s) => s.standardId === params.id) ?? null }
  }, [params.id])
  const units = useLoad(() => callCloud('inspect', 'units', {}), [])
  if (!params.id) return <Missing what='测评标准' />
  const gate = Gate({ error: standard.error ?? units.error, loading: standard.loading || units.loading, what: '任务分解', reload: () => { standard.reload(); units.reload() } })
  if (gate) return <>{gate}</>
  if (!standard.data || !units.data) return <Missing what='测评标准' />
  return <AssignForm s={standard.data} units={units.data} onSaved={standard.setData} />
}

function AssignForm({ s, units, onSaved }: { s: StandardView; units: Array<{ unitId: string; name: string }>; onSaved: (s: StandardView) => void }) {
  const [lead, setLead] = useState(s.lead?.unitId ?? '')
  const [supports, setSupports] = useState<string[]>(s.supports.map((u) => u.unitId))
  const [deadline, setDeadline] = useState(s.deadline ? dayKey(s.deadline) : '')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  useEffect(() => setDone(null), [lead, supports, deadline])
  const leadIndex = units.findIndex((u) => u.unitId === lead)
  const today = dayKey(Date.now())

  const save = async () => {
    if (!lead) {
      setProblem('请选择牵头单位')
      return
    }
    setBusy(true)
    setProblem(null)
    const r = await callCloud('inspect', 'assign', {
      standardId: s.standardId,
      leadUnitId: lead,
      supportUnitIds: supports.filter((u) => u !== lead),
      deadline: deadline ? endOfDay(deadline) : null,
    })
    setBusy(false)
    if (!r.ok) {
      setProblem(r.message)
      return
    }
    listedStandards.set(r.data.standardId, r.data)
    onSaved(r.data)
    setDone(`已分解：牵头 ${r.data.lead?.name ?? ''}${r.data.supports.length ? `，配合 ${r.data.supports.length} 个单位` : ''}`)
    void Taro.showToast({ icon: 'success', title: '已保存' })
  }

  return (
    <View className='wm-in wm-in-wide' id='wm-inspect-assign'>
      <View className='wm-card'>
        <Text className='wm-text-tertiary'>
          {s.project} › {s.content}
        </Text>
        <Text className='wm-in-text'>
          <Text className='wm-in-number'>{s.number}</Text>
          {s.text}
        </Text>
        <View className='wm-in-tags'>
          {s.methods.map((m) => (
            <Tag key={m} text={METHOD_LABEL[m]} />
          ))}
        </View>
        {s.evidence ? (
          <View className='wm-in-note'>
            <Text className='wm-in-note__tag'>佐证材料要求</Text>
            <Text>{s.evidence}</Text>
          </View>
        ) : null}
        {s.siteTypes.length ? <Text className='wm-text-secondary wm-in-gap'>适用点位：{s.siteTypes.map((t) => t.name).join('、')}</Text> : null}
      </View>
      <View className='wm-in-cols'>
        <View className='wm-in-col'>
          <Text className='wm-section-title'>牵头单位（一个）</Text>
          <View className='wm-card'>
            <Picker
              mode='selector'
              range={units.map((u) => u.name)}
              value={Math.max(0, leadIndex)}
              onChange={(e) => {
                const u = units[Number(e.detail.value)]
                if (!u) return
                setLead(u.unitId)
                setSupports((prev) => prev.filter((x) => x !== u.unitId))
              }}
            >
              <View className='wm-field-input wm-in-picker' id='wm-inspect-assign-lead'>
                <Text>{leadIndex >= 0 ? units[leadIndex]?.name : '请选择牵头单位'}</Text>
                <Text className='wm-text-tertiary'>选择 ›</Text>
              </View>
            </Picker>
            <Text className='wm-field-label'>完成时限</Text>
            <Picker mode='date' value={deadline || today} start={today} onChange={(e) => setDeadline(String(e.detail.value))}>
              <View className='wm-field-input wm-in-picker' id='wm-inspect-assign-deadline'>
                <Text>{deadline ? `${dateText(endOfDay(deadline))}前` : '不设时限'}</Text>
                <Text className='wm-text-tertiary'>选择日期 ›</Text>
              </View>
            </Picker>
            {deadline ? (
              <View className='wm-in-link' role='button' id='wm-inspect-assign-nodeadline' onClick={() => setDeadline('')}>
                <Text>不设时限</Text>
              </View>
            ) : null}
          </View>
        </View>
        <View className='wm-in-col'>
          <Text className='wm-section-title'>配合单位（可多选，已选 {supports.filter((u) => u !== lead).length} 个）</Text>
          <View className='wm-card'>
            {supports.filter((u) => u !== lead).length ? (
              <Text className='wm-text-secondary wm-in-block' id='wm-inspect-assign-chosen'>
                已选：{units.filter((u) => u.unitId !== lead && supports.includes(u.unitId)).map((u) => u.name).join('、')}
              </Text>
            ) : null}
            {units
              .filter((u) => u.unitId !== lead)
              .map((u) => (
                <CheckRow
                  key={u.unitId}
                  id={`wm-inspect-assign-support-${u.unitId}`}
                  on={supports.includes(u.unitId)}
                  label={<Text>{u.name}</Text>}
                  onToggle={() => setSupports((prev) => (prev.includes(u.unitId) ? prev.filter((x) => x !== u.unitId) : [...prev, u.unitId]))}
                />
              ))}
          </View>
        </View>
      </View>
      <View className='wm-in-sticky'>
        <Problem text={problem} id='wm-inspect-assign-error' />
        <Done text={done} id='wm-inspect-assign-done' />
        <Button block type='primary' loading={busy} disabled={busy} id='wm-inspect-assign-save' onClick={() => void save()}>
          保存分解
        </Button>
      </View>
    </View>
  )
}
