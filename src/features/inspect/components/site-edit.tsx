import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCityMap } from '@/features/report/api/report'
import { LocationPicker, type PlaceValue } from '@/features/report/components/location-picker'
import { callCloud } from '@/lib/call-cloud'
import { inspectUrl } from '@/shared/inspect'
import type { InspectUnitView, SiteTypeView, SiteView } from '@/shared/contract'
import { useLoad } from '../api'
import type { InspectParams } from '../labels'
import { Gate, Problem, Refusal, goInspect, isForbidden } from './common'

const PHONE = /^[0-9-]{7,20}$/

/** 登记点位 (or 修改 with ?siteId=): the 点位信息表's fields, one site at a time. */
export function SiteEdit({ params }: { params: InspectParams }) {
  const types = useLoad(() => callCloud('inspect', 'siteTypes', {}), [])
  const units = useLoad(() => callCloud('inspect', 'units', {}), [])
  const site = useLoad(
    () => (params.siteId ? callCloud('inspect', 'site', { siteId: params.siteId }).then((r) => (r.ok ? { ok: true as const, data: r.data.site } : r)) : Promise.resolve({ ok: true as const, data: null })),
    [params.siteId],
  )
  // units is office-only: a 联络员 or 督查员 who opens this is refused by it
  if (isForbidden(units.error)) return <Refusal what='登记点位' />
  const gate = Gate({ error: site.error ?? units.error ?? types.error, loading: site.loading || units.loading || types.loading, what: params.siteId ? '修改点位' : '登记点位', reload: () => { site.reload(); units.reload(); types.reload() } })
  if (gate) return <>{gate}</>
  if (!types.data || !units.data) return null
  return <SiteForm key={site.data?.siteId ?? 'new'} site={site.data} types={types.data} units={units.data} />
}

function SiteForm({ site, types, units }: { site: SiteView | null; types: SiteTypeView[]; units: InspectUnitView[] }) {
  const map = useCityMap()
  const [name, setName] = useState(site?.name ?? '')
  const [typeId, setTypeId] = useState(site?.typeId ?? '')
  const [place, setPlace] = useState<PlaceValue | null>(site ? { ...site.place, address: site.address } : null)
  const [unitId, setUnitId] = useState(site?.unit.unitId ?? '')
  const [pairId, setPairId] = useState(site?.pairUnit?.unitId ?? '')
  const [contactName, setContactName] = useState(site?.contactName ?? '')
  const [phone, setPhone] = useState(site?.contactPhone ?? '')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const typeIndex = types.findIndex((t) => t.typeId === typeId)
  const unitIndex = units.findIndex((u) => u.unitId === unitId)
  const pairChoices = [{ unitId: '', name: '不设包联单位' }, ...units.filter((u) => u.unitId !== unitId)]
  const pairIndex = Math.max(0, pairChoices.findIndex((u) => u.unitId === pairId))

  const missing = (): string | null => {
    if (!name.trim()) return '请填写点位名称'
    if (!typeId) return '请选择点位类型'
    if (!place) return '请在地图上标出点位位置'
    if (!place.address.trim()) return '请填写详细地址'
    if (!unitId) return '请选择责任单位'
    if (!contactName.trim()) return '请填写点位联系人'
    if (!PHONE.test(phone.trim())) return '请填写联系电话（7–20 位数字，可含 -）'
    return null
  }

  const save = async () => {
    const m = missing()
    if (m || !place) {
      setProblem(m)
      return
    }
    setBusy(true)
    setProblem(null)
    const r = await callCloud('inspect', 'saveSite', {
      ...(site ? { siteId: site.siteId } : {}),
      name: name.trim(),
      typeId,
      place: { lat: place.lat, lng: place.lng },
      ...(site?.polygon ? { polygon: site.polygon } : {}),
      address: place.address.trim(),
      unitId,
      ...(pairId && pairId !== unitId ? { pairUnitId: pairId } : {}),
      contactName: contactName.trim(),
      contactPhone: phone.trim(),
    })
    setBusy(false)
    if (!r.ok) {
      setProblem(r.message)
      return
    }
    void Taro.showToast({ icon: 'success', title: site ? '已保存' : '已登记' })
    void Taro.redirectTo({ url: inspectUrl('site', { siteId: r.data.siteId }) }).catch(() => goInspect('site', { siteId: r.data.siteId }))
  }

  return (
    <View className='wm-in wm-in-wide' id='wm-inspect-site-edit'>
      <View className='wm-in-cols'>
        <View className='wm-in-col'>
          <View className='wm-card'>
            <Text className='wm-field-label'>点位名称</Text>
            <Input className='wm-field-input' id='wm-inspect-site-name' value={name} maxlength={60} placeholder='如：文明路农贸市场' onInput={(e) => setName(e.detail.value)} />
            <Text className='wm-field-label'>点位类型</Text>
            <Picker mode='selector' range={types.map((t) => t.name)} value={Math.max(0, typeIndex)} onChange={(e) => setTypeId(types[Number(e.detail.value)]?.typeId ?? '')}>
              <View className='wm-field-input wm-in-picker' id='wm-inspect-site-type'>
                <Text>{typeIndex >= 0 ? types[typeIndex]?.name : '请选择点位类型'}</Text>
                <Text className='wm-text-tertiary'>选择 ›</Text>
              </View>
            </Picker>
            {typeIndex >= 0 ? <Text className='wm-text-tertiary'>这类点位的检查清单有 {types[typeIndex]?.checklistSize ?? 0} 条标准</Text> : null}
            <Text className='wm-field-label'>责任单位</Text>
            <Picker
              mode='selector'
              range={units.map((u) => u.name)}
              value={Math.max(0, unitIndex)}
              onChange={(e) => {
                const u = units[Number(e.detail.value)]
                if (!u) return
                setUnitId(u.unitId)
                if (pairId === u.unitId) setPairId('')
              }}
            >
              <View className='wm-field-input wm-in-picker' id='wm-inspect-site-unit'>
                <Text>{unitIndex >= 0 ? units[unitIndex]?.name : '请选择责任单位'}</Text>
                <Text className='wm-text-tertiary'>选择 ›</Text>
              </View>
            </Picker>
            <Text className='wm-field-label'>包联单位（可不设）</Text>
            <Picker mode='selector' range={pairChoices.map((u) => u.name)} value={pairIndex} onChange={(e) => setPairId(pairChoices[Number(e.detail.value)]?.unitId ?? '')}>
              <View className='wm-field-input wm-in-picker' id='wm-inspect-site-pair'>
                <Text>{pairChoices[pairIndex]?.name}</Text>
                <Text className='wm-text-tertiary'>选择 ›</Text>
              </View>
            </Picker>
            <Text className='wm-field-label'>点位联系人</Text>
            <Input className='wm-field-input' id='wm-inspect-site-contact' value={contactName} maxlength={20} placeholder='姓名' onInput={(e) => setContactName(e.detail.value)} />
            <Text className='wm-field-label'>联系电话</Text>
            <Input className='wm-field-input' id='wm-inspect-site-phone' type='number' value={phone} maxlength={20} placeholder='手机或座机' onInput={(e) => setPhone(e.detail.value)} />
          </View>
        </View>
        <View className='wm-in-col'>
          <View className='wm-card'>
            <Text className='wm-in-title'>点位位置</Text>
            <Text className='wm-text-secondary'>在地图上点一下标出点位；位置须在本市网格内，所在区由网格确定。</Text>
            <LocationPicker map={map} value={place} onChange={setPlace} />
            {site?.polygon ? <Text className='wm-text-tertiary wm-in-gap'>这个点位有导入的范围（多边形），保存时保留。</Text> : null}
          </View>
        </View>
      </View>
      <Problem text={problem} id='wm-inspect-site-error' />
      <Button block type='primary' loading={busy} disabled={busy} id='wm-inspect-site-save' onClick={() => void save()}>
        {site ? '保存修改' : '登记点位'}
      </Button>
    </View>
  )
}
