import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState } from '@/components/state'
import { Chips, Done, Problem, Tag } from '@/features/inspect/components/common'
import { useMe } from '@/features/account'
import { callCloud } from '@/lib/call-cloud'
import { ZONE_KINDS, ZONE_KIND_LABEL, type ZoneKind } from '@/shared/frontage'
import type { ZoneView } from '@/shared/contract'
import type { LatLng } from '@/shared/report'
import { useLoad } from '../api'
import type { FrontageParams } from '../labels'
import { DrawPad, ShapeMap, closeRing, toLatLng, type MapShape } from './register'
import { dateWords, frGate } from './street'
import '@/features/inspect/field.scss'
import '../frontage.scss'

const ZONE_TONE: Record<ZoneKind, MapShape['tone']> = { vending: 'gold', parking: 'blue' }
const ZONE_RULE: Record<ZoneKind, string> = { vending: '线内出店经营不算占道经营', parking: '线内停放不算乱停乱放' }

const zoneShape = (z: ZoneView): MapShape => {
  const ring = z.polygon.map(toLatLng)
  return { kind: 'polygon', points: ring.length > 1 ? ring.slice(0, -1) : ring, tone: ZONE_TONE[z.kind], label: `${z.name}（${ZONE_KIND_LABEL[z.kind]}）` }
}

/**
 * 划线区: the painted vending and parking zones, where out-of-shop selling or parking inside the
 * lines is allowed. The office draws and removes them; a street office reads its own.
 */
export function ZonesView({ params }: { params: FrontageParams }) {
  const district = params.district
  const load = useLoad(() => callCloud('frontage', 'zones', district ? { district } : {}), [district])
  const me = useMe().me
  const [adding, setAdding] = useState(false)
  const [removed, setRemoved] = useState<string[]>([])
  const [saved, setSaved] = useState<ZoneView[]>([])
  const [done, setDone] = useState<string | null>(null)
  const gate = frGate(load, { what: '划线区', audience: 'street' })
  if (gate) return <>{gate}</>
  const office = !!me?.isAdmin
  const zones = [...saved, ...(load.data ?? []).filter((z) => !saved.some((s) => s.zoneId === z.zoneId))].filter((z) => !removed.includes(z.zoneId))
  const remove = async (z: ZoneView) => {
    const sure = await Taro.showModal({ title: '撤销划线区', content: `撤销「${z.name}」后，线内${z.kind === 'vending' ? '出店经营' : '停车'}将按普通路段处理。确定撤销吗？`, confirmText: '撤销', cancelText: '再想想' }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    const r = await callCloud('frontage', 'removeZone', { zoneId: z.zoneId })
    if (!r.ok) return void Taro.showToast({ icon: 'none', title: r.message })
    setRemoved((x) => [...x, z.zoneId])
    setDone(`已撤销「${z.name}」`)
  }
  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-zones'>
      <View className='wm-fr-cols'>
        <View className='wm-fr-col'>
          <View className='wm-card'>
            <Text className='wm-in-title'>{district ? `${district}的划线区` : '全市划线区'}</Text>
            <Text className='wm-text-secondary wm-fr-block'>划线经营区：{ZONE_RULE.vending}；划线停车区：{ZONE_RULE.parking}。居民在线内随手拍时，小程序会提示这一点。</Text>
            {zones.length ? <ShapeMap id='wm-fr-zones-map' shapes={zones.map(zoneShape)} spanM={300} label={`${zones.length} 个划线区`} /> : null}
            <Done text={done} />
          </View>
          <View className='wm-card'>
            {zones.length === 0 ? (
              <EmptyState glyph='线' title='还没有划线区' description={office ? '点「新增划线区」在地图上画出经营区或停车区的范围。' : '划线区由文明办统一登记，登记后会显示在这里。'} />
            ) : (
              zones.slice(0, 200).map((z) => (
                <View key={z.zoneId} className='wm-fr-item' id={`wm-fr-zone-${z.zoneId}`}>
                  <Text className='wm-fr-item__title'>{z.name}</Text>
                  <View className='wm-in-tags'>
                    <Tag text={ZONE_KIND_LABEL[z.kind]} tone={z.kind === 'vending' ? 'gold' : 'plain'} />
                    <Tag text={z.district} />
                  </View>
                  <Text className='wm-text-tertiary'>
                    {ZONE_RULE[z.kind]} · {dateWords(z.createdAt)}登记
                  </Text>
                  {office ? (
                    <View className='wm-fd-btn wm-fd-btn--ghost' role='button' id={`wm-fr-zone-remove-${z.zoneId}`} onClick={() => void remove(z)}>
                      <Text>撤销</Text>
                    </View>
                  ) : null}
                </View>
              ))
            )}
          </View>
        </View>
        <View className='wm-fr-col'>
          {office ? (
            adding ? (
              <ZoneForm
                others={zones.map(zoneShape)}
                onSaved={(z) => {
                  setSaved((x) => [z, ...x])
                  setAdding(false)
                  setDone(`已登记「${z.name}」`)
                }}
                onCancel={() => setAdding(false)}
              />
            ) : (
              <Button block type='primary' id='wm-fr-zone-add' onClick={() => (setAdding(true), setDone(null))}>
                新增划线区
              </Button>
            )
          ) : null}
        </View>
      </View>
    </View>
  )
}

function ZoneForm({ others, onSaved, onCancel }: { others: MapShape[]; onSaved: (z: ZoneView) => void; onCancel: () => void }) {
  const [name, setName] = useState('')
  const [kind, setKind] = useState<ZoneKind>('vending')
  const [points, setPoints] = useState<LatLng[]>([])
  const [focus, setFocus] = useState<LatLng | null>(null)
  const [finished, setFinished] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const save = async () => {
    if (!name.trim()) return setProblem('请填写划线区名称，如：文明路夜市经营区')
    if (points.length < 3) return setProblem('划线区至少要点 3 个点')
    setBusy(true)
    setProblem(null)
    const r = await callCloud('frontage', 'saveZone', { name: name.trim(), kind, polygon: closeRing(points) })
    setBusy(false)
    if (!r.ok) return setProblem(r.message)
    void Taro.showToast({ icon: 'success', title: '已登记' })
    onSaved(r.data)
  }
  return (
    <View className='wm-card' id='wm-fr-zone-form'>
      <Text className='wm-in-title'>新增划线区</Text>
      <Text className='wm-field-label'>名称</Text>
      <Input className='wm-field-input' id='wm-fr-zone-name' value={name} maxlength={40} placeholder='如：文明路夜市经营区' onInput={(e) => setName(e.detail.value)} />
      <Text className='wm-field-label'>类型</Text>
      <Chips<ZoneKind> value={kind} options={ZONE_KINDS.map((k) => ({ value: k, label: ZONE_KIND_LABEL[k] }))} onChange={setKind} idPrefix='wm-fr-zone-kind' />
      <Text className='wm-field-label'>范围</Text>
      <DrawPad
        kind='polygon'
        points={points}
        onPoints={(p) => (setPoints(p), setFinished(false))}
        focus={focus}
        onFocus={setFocus}
        others={others}
        idPrefix='wm-fr-zone'
        hint={finished ? '范围已画好，可以保存；要改就撤销上一点。' : '沿地上的标线依次点各个角，点完按「完成」。'}
      />
      {points.length >= 3 && !finished ? (
        <View className='wm-fd-btn wm-fd-btn--ghost' role='button' id='wm-fr-zone-finish' onClick={() => setFinished(true)}>
          <Text>完成（{points.length} 个点，首尾相连）</Text>
        </View>
      ) : null}
      <Problem text={problem} id='wm-fr-zone-error' />
      <View className='wm-in-buttons'>
        <Button type='primary' loading={busy} disabled={busy} id='wm-fr-zone-save' onClick={() => void save()}>
          保存划线区
        </Button>
        <Button type='default' disabled={busy} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
