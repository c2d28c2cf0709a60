import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import { useCityMap } from '@/features/report/api/report'
import { LocationPicker, type PlaceValue } from '@/features/report/components/location-picker'
import { newRequestId } from '@/features/report/lib/request-id'
import { callCloud } from '@/lib/call-cloud'
import { BUSINESS_TYPES, SHOP_KINDS, SHOP_KIND_LABEL, type BusinessTypeId, type ShopKind } from '@/shared/frontage'
import type { FrontageGeometry, ShopView } from '@/shared/contract'
import type { LatLng } from '@/shared/report'
import type { FrontageParams } from '../labels'
import { Chips, Done, FrontageMap, FrontageRefusal, Problem, frontageLengthM, goFrontage } from './common'

const PHONE = /^[0-9-]{7,20}$/
/** a shopfront is a few metres to a few dozen; longer is a block, not one shop's frontage */
const MAX_FRONT_M = 150

const lineOf = (a: LatLng, b: LatLng): FrontageGeometry => ({ type: 'LineString', coordinates: [[a.lng, a.lat], [b.lng, b.lat]] })

/**
 * 门店登记申请: an owner registers their own shop or unit — the name on the licence, kind and
 * business type, where it is, its frontage drawn as the line along the shopfront (two taps: one
 * end, the other), the owner's name and phone. The street office confirms it before it counts.
 */
export function ApplyShop(_props: { params: FrontageParams }) {
  const map = useCityMap()
  const [name, setName] = useState('')
  const [kind, setKind] = useState<ShopKind>('shop')
  const [businessType, setBusinessType] = useState<BusinessTypeId | ''>('')
  const [place, setPlace] = useState<PlaceValue | null>(null)
  const [ends, setEnds] = useState<LatLng[]>([])
  const [ownerName, setOwnerName] = useState('')
  const [ownerPhone, setOwnerPhone] = useState('')
  const [requestId] = useState(newRequestId)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<ShopView | null>(null)
  const [forbidden, setForbidden] = useState(false)

  const typeIndex = BUSINESS_TYPES.findIndex((b) => b.id === businessType)
  const [first, second] = ends
  const frontage = first && second ? lineOf(first, second) : null
  const length = frontageLengthM(frontage)

  const movePlace = (next: PlaceValue | null) => {
    // a new place means the frontage drawn at the old one no longer fits
    if (!place || !next || Math.abs(place.lat - next.lat) > 1e-5 || Math.abs(place.lng - next.lng) > 1e-5) setEnds([])
    setPlace(next)
  }
  const tapEnd = (p: LatLng) => setEnds((prev) => (prev.length >= 2 ? [p] : [...prev, p]))

  const missing = (): string | null => {
    if (!name.trim()) return '请填写营业执照上的名称'
    if (!businessType) return '请选择经营类型'
    if (!place) return '请标出门店的位置'
    if (!place.address.trim()) return '请填写门店地址'
    if (!frontage) return '请在门前责任区的图上点两下，标出门面的两端'
    if (length < 2) return '门面两端离得太近，请重新点两端'
    if (length > MAX_FRONT_M) return `门面长约 ${length} 米，超过一家门店的范围，请只画本店门前`
    if (!ownerName.trim()) return '请填写负责人姓名'
    if (!PHONE.test(ownerPhone.trim())) return '请填写联系电话（7–20 位数字，可含 -）'
    return null
  }

  const submit = async () => {
    const m = missing()
    setProblem(m)
    if (m || !place || !frontage) return
    setBusy(true)
    const r = await callCloud('frontage', 'applyShop', {
      name: name.trim(),
      kind,
      businessType: businessType as BusinessTypeId,
      address: place.address.trim(),
      frontage,
      ownerName: ownerName.trim(),
      ownerPhone: ownerPhone.trim(),
      requestId,
    })
    setBusy(false)
    if (!r.ok) {
      if (r.code === 'AUTH.FORBIDDEN') setForbidden(true)
      setProblem(r.message)
      return
    }
    setDone(r.data)
  }

  if (forbidden) return <FrontageRefusal what='门店登记申请' audience='owner' />
  if (done) {
    return (
      <View className='wm-fr wm-fr-wide' id='wm-fr-apply-done'>
        <View className='wm-card'>
          <Done text='已提交，等待街道办确认' />
          <Text className='wm-in-title'>{done.name}</Text>
          <Text className='wm-text-secondary wm-fr-block'>{done.address}</Text>
          <Text className='wm-text-secondary wm-fr-block wm-in-gap'>{done.district ? `${done.district}街道办` : '所在街道办'}会核实登记信息。确认后您就是这家门店的负责人，可以签署门前三包责任书、处理门前的随手拍。</Text>
          <View className='wm-in-link' role='link' id='wm-fr-apply-mine' onClick={() => goFrontage('mine')}>
            <Text>去看我的门店</Text>
          </View>
        </View>
      </View>
    )
  }

  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-apply'>
      <View className='wm-in-note'>
        <Text className='wm-in-note__tag'>由街道办确认</Text>
        <Text>提交后由门店所在的街道办核实确认，确认后才生效。负责人电话只有街道办和文明办能看到。</Text>
      </View>
      <View className='wm-fr-cols wm-in-gap'>
        <View className='wm-fr-col'>
          <View className='wm-card'>
            <Text className='wm-field-label'>名称（与营业执照一致）</Text>
            <Input className='wm-field-input' id='wm-fr-apply-name' value={name} maxlength={60} placeholder='如：文明路茗香茶叶店' onInput={(e) => setName(e.detail.value)} />
            <Text className='wm-field-label'>类型</Text>
            <Chips value={kind} options={SHOP_KINDS.map((k) => ({ value: k, label: SHOP_KIND_LABEL[k] }))} onChange={setKind} idPrefix='wm-fr-apply-kind' />
            <Text className='wm-field-label'>经营类型</Text>
            <Picker mode='selector' range={BUSINESS_TYPES.map((b) => b.name)} value={Math.max(0, typeIndex)} onChange={(e) => setBusinessType(BUSINESS_TYPES[Number(e.detail.value)]?.id ?? '')}>
              <View className='wm-field-input wm-in-picker' id='wm-fr-apply-type'>
                <Text>{typeIndex >= 0 ? BUSINESS_TYPES[typeIndex]?.name : '请选择经营类型'}</Text>
                <Text className='wm-text-tertiary'>选择 ›</Text>
              </View>
            </Picker>
            <Text className='wm-field-label'>负责人姓名</Text>
            <Input className='wm-field-input' id='wm-fr-apply-owner' value={ownerName} maxlength={20} placeholder='姓名' onInput={(e) => setOwnerName(e.detail.value)} />
            <Text className='wm-field-label'>联系电话</Text>
            <Input className='wm-field-input' id='wm-fr-apply-phone' type='number' value={ownerPhone} maxlength={20} placeholder='手机或座机' onInput={(e) => setOwnerPhone(e.detail.value)} />
          </View>
        </View>
        <View className='wm-fr-col'>
          <View className='wm-card'>
            <Text className='wm-in-title'>1. 门店位置和地址</Text>
            <Text className='wm-text-secondary wm-fr-block'>在地图上点一下门店所在的位置，再把地址改成营业执照上的地址。</Text>
            <LocationPicker map={map} value={place} onChange={movePlace} />
          </View>
          <View className='wm-card' id='wm-fr-apply-frontage'>
            <Text className='wm-in-title'>2. 门前责任区</Text>
            {place ? (
              <>
                <Text className='wm-text-secondary wm-fr-block'>
                  {ends.length === 0 ? '在下图上点一下门面的一端。' : ends.length === 1 ? '再点一下门面的另一端。' : `已画出门面，长约 ${length} 米；责任区为门面前至路沿。点图可重画。`}
                </Text>
                <FrontageMap frontage={frontage} marks={ends} pin={ends.length < 2 ? place : null} minSpanM={60} onPick={tapEnd} label='点两下标出门面的两端' id='wm-fr-apply-map' />
                {ends.length > 0 ? (
                  <View className='wm-in-link' role='button' id='wm-fr-apply-redraw' onClick={() => setEnds([])}>
                    <Text>重画</Text>
                  </View>
                ) : null}
              </>
            ) : (
              <Text className='wm-text-tertiary wm-fr-block'>先在上面标出门店位置，这里会放大到门店附近，点两下画出门面。</Text>
            )}
          </View>
        </View>
      </View>
      <Problem text={problem} id='wm-fr-apply-error' />
      <View className='wm-fr-primary'>
        <Button block type='primary' size='large' id='wm-fr-apply-submit' loading={busy} disabled={busy} onClick={() => void submit()}>
          提交登记
        </Button>
      </View>
    </View>
  )
}
