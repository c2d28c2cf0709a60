import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '@/lib/use-load'
import { EmptyState } from '@/components/state'
import type { UnitSettingView } from '@/shared/contract'
import { Action, Done, Gate, Problem } from './common'

/** 责任单位: the list; add one, rename one. */
export function UnitsView() {
  const load = useLoad(() => callCloud('settings', 'units', {}), [])
  const [renaming, setRenaming] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  const [fresh, setFresh] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const gate = Gate({ ...load, what: '责任单位' })
  if (!load.data) return <>{gate}</>
  const units = load.data.units

  const save = async (unitId: string | undefined, name: string) => {
    setProblem(null)
    setDone(null)
    if (!name.trim()) {
      setProblem('请填写单位名称')
      return
    }
    setBusy(true)
    const r = await callCloud('settings', 'saveUnit', unitId ? { unitId, name: name.trim() } : { name: name.trim() })
    setBusy(false)
    if (!r.ok) {
      setProblem(r.message)
      return
    }
    const u: UnitSettingView = r.data
    load.setData({ units: unitId ? units.map((x) => (x.unitId === unitId ? u : x)) : [...units, u] })
    setRenaming(null)
    setFresh('')
    setDone(unitId ? `已改名为「${u.name}」，已记入修改记录` : `已新增「${u.name}」，已记入修改记录`)
  }

  return (
    <View className='wm-oc wm-oc-cols' id='wm-oc-units'>
      <View className='wm-card'>
        <Text className='wm-oc-item__title'>新增责任单位</Text>
        <Text className='wm-oc-label'>单位名称</Text>
        <Input className='wm-field-input' id='wm-oc-unit-new' value={fresh} maxlength={30} placeholder='如：城市管理综合执法大队' onInput={(e) => setFresh(e.detail.value)} />
        <Problem text={problem} id='wm-oc-unit-problem' />
        <Done text={done} id='wm-oc-unit-done' />
        <View className='wm-oc-buttons'>
          <Action text='新增' id='wm-oc-unit-add' busy={busy && !renaming} onClick={() => void save(undefined, fresh)} />
        </View>
      </View>
      <View className='wm-card'>
        <Text className='wm-oc-item__title'>共 {units.length} 个单位</Text>
        {units.length === 0 ? <EmptyState glyph='位' title='还没有责任单位' description='在左边新增第一个单位。' /> : null}
        {units.map((u, i) => (
          <View key={u.unitId} className='wm-oc-step' id={`wm-oc-unit-${i}`}>
            {renaming === u.unitId ? (
              <View>
                <Input className='wm-field-input' id='wm-oc-unit-rename' value={draft} maxlength={30} onInput={(e) => setDraft(e.detail.value)} />
                <View className='wm-oc-buttons'>
                  <Action text='保存' id='wm-oc-unit-rename-save' busy={busy} onClick={() => void save(u.unitId, draft)} />
                  <Action kind='plain' text='取消' disabled={busy} onClick={() => setRenaming(null)} />
                </View>
              </View>
            ) : (
              <View className='wm-oc-item__head'>
                <Text>{u.name}</Text>
                <Action
                  kind='plain'
                  text='改名'
                  id={`wm-oc-unit-rename-${i}`}
                  onClick={() => {
                    setDone(null)
                    setProblem(null)
                    setDraft(u.name)
                    setRenaming(u.unitId)
                  }}
                />
              </View>
            )}
          </View>
        ))}
      </View>
    </View>
  )
}
