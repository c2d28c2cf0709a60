import { alt } from '@/components/alt'
import { useMemo, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Image, Input, Map, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { METRES_PER_DEGREE_LAT, type BBox } from '@/components/place-map/geometry'
import { projectionFor, svgDataUri } from '@/components/place-map/map-svg'
import pinIcon from '@/components/place-map/pin.png'
import { useCityMap } from '@/features/report/api/report'
import { Chips, Problem } from '@/features/inspect/components/common'
import { tapPlace } from './common'
import { callCloud } from '@/lib/call-cloud'
import { BUSINESS_TYPES, SHOP_KINDS, SHOP_KIND_LABEL, frontageUrl, type BusinessTypeId, type ShopKind } from '@/shared/frontage'
import type { CityGridView, FrontageGeometry, TemplateView } from '@/shared/contract'
// type only (erased): the contract's own module, since the index does not re-export Position
import type { Position } from '@/shared/contract/frontage'
import type { LatLng } from '@/shared/report'
import { useLoad } from '../api'
import type { FrontageParams } from '../labels'
import { TermPickers, defaultTerm, frGate, goFrontage, isRefused, FrRefusal, uuid } from './street'
import '@/features/inspect/field.scss'
import '../frontage.scss'

// ---- a map to draw on: a shopfront's line, a forecourt's or a painted zone's polygon ----

export type ShapeTone = 'red' | 'blue' | 'green' | 'gold'
const TONE: Record<ShapeTone, string> = { red: '#c8102e', blue: '#1f5fa8', green: '#2e7d4f', gold: '#b7791f' }

export interface MapShape {
  kind: 'line' | 'polygon'
  points: LatLng[]
  tone: ShapeTone
  /** drawn beside the shape (a zone's kind in words), so colour is never the only sign */
  label?: string
}

export const toLatLng = ([lng, lat]: Position): LatLng => ({ lat, lng })
export const toPosition = (p: LatLng): Position => [Number(p.lng.toFixed(6)), Number(p.lat.toFixed(6))]

/** a frontage as points to draw (a polygon's ring without its closing point) */
export function geometryShape(g: FrontageGeometry, tone: ShapeTone = 'red', label?: string): MapShape {
  if (g.type === 'LineString') return { kind: 'line', points: g.coordinates.map(toLatLng), tone, ...(label ? { label } : {}) }
  const ring = (g.coordinates[0] ?? []).map(toLatLng)
  return { kind: 'polygon', points: ring.length > 1 ? ring.slice(0, -1) : ring, tone, ...(label ? { label } : {}) }
}

/** a closed ring, as the contract wants a polygon: the first point again at the end */
export const closeRing = (points: LatLng[]): Position[] => [...points, ...points.slice(0, 1)].map(toPosition)

/** the box of `spanM` metres (wider when the points need it) around the points, 16:10 */
function boxAround(points: LatLng[], spanM: number): BBox | null {
  if (points.length === 0) return null
  const lats = points.map((p) => p.lat)
  const lngs = points.map((p) => p.lng)
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2
  const midLng = (Math.min(...lngs) + Math.max(...lngs)) / 2
  const k = Math.cos((midLat * Math.PI) / 180)
  const span = spanM / METRES_PER_DEGREE_LAT
  let w = Math.max((Math.max(...lngs) - Math.min(...lngs)) * k * 1.4, span)
  let h = Math.max((Math.max(...lats) - Math.min(...lats)) * 1.4, span / 1.6)
  if (w / h < 1.6) w = h * 1.6
  else h = w / 1.6
  return [midLng - w / 2 / k, midLat - h / 2, midLng + w / 2 / k, midLat + h / 2]
}

const escape = (t: string) => t.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)

function drawnSvg(box: BBox, grids: readonly CityGridView[], shapes: MapShape[], draft: MapShape | null): string {
  const proj = projectionFor(box)
  const xy = (p: LatLng) => proj.toXY(p).map((v) => v.toFixed(1)).join(',')
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${proj.width} ${proj.height}" width="${proj.width}" height="${proj.height}">`, `<rect width="100%" height="100%" fill="#f7f3ee"/>`]
  for (const g of grids) parts.push(`<polygon points="${g.ring.map(([lng, lat]) => xy({ lat, lng })).join(' ')}" fill="#ffffff" stroke="#8c8279" stroke-width="2" stroke-dasharray="8 6"/>`)
  // the grids' names say where the frame is (there is no street map under the drawing)
  for (const g of grids) {
    const ring = g.ring.slice(0, -1)
    if (ring.length === 0) continue
    const [x, y] = proj.toXY({ lng: ring.reduce((t, [lng]) => t + lng, 0) / ring.length, lat: ring.reduce((t, [, lat]) => t + lat, 0) / ring.length })
    if (x > 40 && x < proj.width - 40 && y > 30 && y < proj.height - 10) parts.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="middle" font-size="20" fill="#8c8279" font-family="sans-serif">${escape(g.name)}</text>`)
  }
  for (const s of draft ? [...shapes, draft] : shapes) {
    const c = TONE[s.tone]
    const pts = s.points.map(xy).join(' ')
    if (s.kind === 'polygon' && s.points.length > 2) parts.push(`<polygon points="${pts}" fill="${c}" fill-opacity="0.22" stroke="${c}" stroke-width="4"/>`)
    else if (s.points.length > 1) parts.push(`<polyline points="${pts}" fill="none" stroke="${c}" stroke-width="8" stroke-linecap="round"/>`)
    if (s === draft) for (const p of s.points) parts.push(`<circle cx="${xy(p).split(',')[0]}" cy="${xy(p).split(',')[1]}" r="9" fill="#fff" stroke="${c}" stroke-width="4"/>`)
    if (s.label && s.points[0]) {
      const [x, y] = proj.toXY(s.points[0])
      parts.push(`<text x="${Math.max(8, Math.min(x, proj.width - 20 * [...s.label].length - 8)).toFixed(1)}" y="${Math.max(y - 12, 24).toFixed(1)}" font-size="20" fill="${c}" font-family="sans-serif">${escape(s.label)}</text>`)
    }
  }
  // a scale bar: how long the drawn frontage is on the ground
  const metres = [10, 20, 50, 100, 200, 500, 1000, 2000, 5000].reduce((best, m) => (Math.abs((m / METRES_PER_DEGREE_LAT) * proj.scale - 150) < Math.abs((best / METRES_PER_DEGREE_LAT) * proj.scale - 150) ? m : best))
  const bar = (metres / METRES_PER_DEGREE_LAT) * proj.scale
  parts.push(
    `<rect x="10" y="${proj.height - 50}" width="${(bar + 12).toFixed(1)}" height="40" rx="6" fill="#fff" fill-opacity="0.9"/>`,
    `<path d="M16 ${proj.height - 24} v8 h${bar.toFixed(1)} v-8" fill="none" stroke="#4a4440" stroke-width="3"/>`,
    `<text x="${(16 + bar / 2).toFixed(1)}" y="${proj.height - 28}" text-anchor="middle" font-size="18" fill="#4a4440" font-family="sans-serif">${metres >= 1000 ? `${metres / 1000} 公里` : `${metres} 米`}</text>`,
    '</svg>',
  )
  return svgDataUri(parts.join(''))
}

/**
 * Shapes on a map, and (with onPick) a tap that picks a point. H5 draws a picture (Taro's H5 map
 * would load Baidu's from the internet); the mini-program uses WeChat's map with polylines and
 * polygons. `focus` frames `spanM` metres around it; with nothing to frame, the whole city.
 */
export function ShapeMap({ shapes, draft = null, focus = null, spanM = 160, onPick, label, id }: { shapes: MapShape[]; draft?: MapShape | null; focus?: LatLng | null; spanM?: number; onPick?: (p: LatLng) => void; label: string; id?: string }) {
  const city = useCityMap()
  const grids = city?.grids ?? []
  const framed = useMemo(() => [...shapes.flatMap((s) => s.points), ...(draft?.points ?? []), ...(focus ? [focus] : [])], [shapes, draft, focus])
  const box: BBox | null = useMemo(() => boxAround(framed, spanM) ?? (city ? boxAround([{ lat: city.bbox[1], lng: city.bbox[0] }, { lat: city.bbox[3], lng: city.bbox[2] }], 400) : null), [framed, spanM, city])
  const weapp = process.env.TARO_ENV === 'weapp'
  const picture = useMemo(() => (!weapp && box ? { src: drawnSvg(box, grids, shapes, draft), proj: projectionFor(box) } : null), [box, grids, shapes, draft, weapp])
  if (!box) return <View className='wm-fr-map wm-fr-map--native' />
  if (weapp) {
    const all = draft ? [...shapes, draft] : shapes
    const ll = (p: LatLng) => ({ latitude: p.lat, longitude: p.lng })
    const polyline = all.filter((s) => s.kind === 'line' || s.points.length < 3).map((s) => ({ points: s.points.map(ll), color: `${TONE[s.tone]}ee`, width: 6 }))
    const polygons = all.filter((s) => s.kind === 'polygon' && s.points.length > 2).map((s) => ({ points: s.points.map(ll), strokeWidth: 3, strokeColor: `${TONE[s.tone]}ee`, fillColor: `${TONE[s.tone]}33`, zIndex: 1 }))
    const markers = (draft?.points ?? []).map((p, i) => ({ id: i + 1, latitude: p.lat, longitude: p.lng, width: 20, height: 26, iconPath: pinIcon, title: `第 ${i + 1} 点` }))
    const zoomed = framed.length > 0
    return (
      <Map
        id={id}
        className='wm-fr-map wm-fr-map--native'
        latitude={(box[1] + box[3]) / 2}
        longitude={(box[0] + box[2]) / 2}
        scale={zoomed ? 18 : 13}
        polyline={polyline as never}
        polygons={polygons as never}
        markers={markers as never}
        enableRotate={false}
        onTap={(e) => {
          const d = e.detail as { latitude?: number; longitude?: number }
          if (onPick && typeof d.latitude === 'number' && typeof d.longitude === 'number') onPick({ lat: d.latitude, lng: d.longitude })
        }}
        onError={() => undefined}
      />
    )
  }
  if (!picture) return null
  const { proj } = picture
  const pick = (event: unknown) => {
    const at = onPick ? tapPlace(event, proj) : null
    if (at && onPick) onPick(at)
  }
  return (
    <View id={id} className={`wm-fr-map wm-fr-map--drawn${onPick ? ' wm-fr-map--pickable' : ''}`} style={{ paddingTop: `${((proj.height / proj.width) * 100).toFixed(3)}%` }} onClick={pick} aria-label={label} role='img'>
      <Image className='wm-fr-map__image' src={picture.src} mode='scaleToFill' {...alt('')} />
    </View>
  )
}

/**
 * Drawing by taps: the first tap on the city frames that spot up close; each tap after adds a
 * point. 撤销上一点 takes the last back; 重新定位 goes back to the whole city.
 */
export function DrawPad({ kind, points, onPoints, focus, onFocus, others = [], idPrefix, hint }: { kind: 'line' | 'polygon'; points: LatLng[]; onPoints: (p: LatLng[]) => void; focus: LatLng | null; onFocus: (p: LatLng | null) => void; others?: MapShape[]; idPrefix: string; hint: string }) {
  const [spanM, setSpanM] = useState(160)
  const draft: MapShape = { kind, points, tone: 'red' }
  return (
    <View>
      <Text className='wm-text-secondary'>{focus ? hint : '先在地图上点一下门店所在的位置，地图会放大到那里。'}</Text>
      <ShapeMap
        id={`${idPrefix}-map`}
        shapes={others}
        draft={draft}
        focus={focus}
        spanM={spanM}
        label={points.length ? `已点 ${points.length} 个点` : '点地图选位置'}
        onPick={(p) => (focus ? onPoints([...points, p]) : onFocus(p))}
      />
      <Text className='wm-text-tertiary'>{focus ? `已点 ${points.length} 个点${kind === 'line' ? '（门店两端各一点，可多点沿街折线）' : '（至少 3 个点，首尾自动相连）'}` : '尚未定位'}</Text>
      <View className='wm-in-buttons'>
        <View className='wm-fd-btn wm-fd-btn--ghost' role='button' id={`${idPrefix}-undo`} onClick={() => onPoints(points.slice(0, -1))}>
          <Text>撤销上一点</Text>
        </View>
        {focus ? (
          <>
            <View className='wm-fd-btn wm-fd-btn--ghost' role='button' id={`${idPrefix}-zoom-in`} onClick={() => setSpanM((s) => Math.max(40, s / 2))}>
              <Text>放大</Text>
            </View>
            <View className='wm-fd-btn wm-fd-btn--ghost' role='button' id={`${idPrefix}-zoom-out`} onClick={() => setSpanM((s) => Math.min(2000, s * 2))}>
              <Text>缩小</Text>
            </View>
            <View className='wm-fd-btn wm-fd-btn--ghost' role='button' id={`${idPrefix}-relocate`} onClick={() => (onPoints([]), onFocus(null), setSpanM(160))}>
              <Text>重新定位</Text>
            </View>
          </>
        ) : null}
      </View>
    </View>
  )
}

/** What is still missing in a drawn frontage, in words; null when it is a shape the contract takes. */
export function frontageOf(kind: 'line' | 'polygon', points: LatLng[]): FrontageGeometry | string {
  if (kind === 'line') return points.length >= 2 ? { type: 'LineString', coordinates: points.map(toPosition) } : '请在地图上点出门店门前的两端（至少 2 个点）'
  return points.length >= 3 ? { type: 'Polygon', coordinates: [closeRing(points)] } : '门前区域至少要点 3 个点'
}

// ---- 登记门店 ----

const PHONE = /^[0-9-]{7,20}$/

/** 登记门店: the street office registers a shop or a unit with a street front, its 责任书 ready to sign. */
export function RegisterShop(_props: { params: FrontageParams }) {
  const templates = useLoad(() => callCloud('frontage', 'templates', {}), [])
  const gate = frGate(templates, { what: '登记门店', audience: 'street' })
  if (gate) return <>{gate}</>
  return <RegisterForm templates={templates.data ?? []} />
}

function RegisterForm({ templates }: { templates: TemplateView[] }) {
  const [name, setName] = useState('')
  const [kind, setKind] = useState<ShopKind>('shop')
  const [businessType, setBusinessType] = useState<BusinessTypeId | ''>('')
  const [address, setAddress] = useState('')
  const [shape, setShape] = useState<'line' | 'polygon'>('line')
  const [points, setPoints] = useState<LatLng[]>([])
  const [focus, setFocus] = useState<LatLng | null>(null)
  const [ownerName, setOwnerName] = useState('')
  const [ownerPhone, setOwnerPhone] = useState('')
  // the plain 三包 is the usual choice; 五包 is for commercial streets
  const [templateId, setTemplateId] = useState((templates.find((t) => t.templateId === 'three') ?? templates[0])?.templateId ?? '')
  const [term, setTerm] = useState(defaultTerm)
  // one requestId per filled-in form: a double tap or a retry after a dropped signal registers once
  const [requestId] = useState(uuid)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [refused, setRefused] = useState(false)
  const typeIndex = BUSINESS_TYPES.findIndex((b) => b.id === businessType)

  if (refused) return <FrRefusal what='登记门店' audience='street' />

  const submit = async () => {
    const frontage = frontageOf(shape, points)
    const missing = !name.trim()
      ? '请填写营业执照上的名称'
      : !businessType
        ? '请选择经营类型'
        : !address.trim()
          ? '请填写门牌地址'
          : typeof frontage === 'string'
            ? frontage
            : !ownerName.trim()
              ? '请填写负责人姓名'
              : !PHONE.test(ownerPhone.trim())
                ? '请填写负责人电话（7–20 位数字，可含 -）'
                : !templateId
                  ? '请选择责任书模板'
                  : term.to <= term.from
                    ? '责任书期限的结束须晚于开始'
                    : null
    if (missing || typeof frontage === 'string' || !businessType) return setProblem(missing)
    setBusy(true)
    setProblem(null)
    const r = await callCloud('frontage', 'registerShop', {
      name: name.trim(),
      kind,
      businessType,
      address: address.trim(),
      frontage,
      ownerName: ownerName.trim(),
      ownerPhone: ownerPhone.trim(),
      templateId,
      termFrom: term.from,
      termTo: term.to,
      requestId,
    })
    setBusy(false)
    if (!r.ok) {
      if (isRefused(r)) return setRefused(true)
      return setProblem(r.message)
    }
    void Taro.showToast({ icon: 'success', title: '已登记' })
    void Taro.redirectTo({ url: frontageUrl('shop', { shopId: r.data.shopId }) }).catch(() => goFrontage('shop', { shopId: r.data.shopId }))
  }

  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-register'>
      <View className='wm-fr-cols'>
        <View className='wm-fr-col'>
          <View className='wm-card'>
            <Text className='wm-field-label'>名称（与营业执照一致）</Text>
            <Input className='wm-field-input' id='wm-fr-register-name' value={name} maxlength={60} placeholder='如：文明路茶叶店' onInput={(e) => setName(e.detail.value)} />
            <Text className='wm-field-label'>类型</Text>
            <Chips<ShopKind> value={kind} options={SHOP_KINDS.map((k) => ({ value: k, label: SHOP_KIND_LABEL[k] }))} onChange={setKind} idPrefix='wm-fr-register-kind' />
            <Text className='wm-field-label'>经营类型</Text>
            <Picker mode='selector' range={BUSINESS_TYPES.map((b) => b.name)} value={Math.max(0, typeIndex)} onChange={(e) => setBusinessType(BUSINESS_TYPES[Number(e.detail.value)]?.id ?? '')}>
              <View className='wm-field-input wm-in-picker' id='wm-fr-register-type'>
                <Text>{typeIndex >= 0 ? BUSINESS_TYPES[typeIndex]?.name : '请选择经营类型'}</Text>
                <Text className='wm-text-tertiary'>选择 ›</Text>
              </View>
            </Picker>
            <Text className='wm-field-label'>门牌地址</Text>
            <Input className='wm-field-input' id='wm-fr-register-address' value={address} maxlength={120} placeholder='如：文明路 18 号' onInput={(e) => setAddress(e.detail.value)} />
            <Text className='wm-field-label'>负责人姓名</Text>
            <Input className='wm-field-input' id='wm-fr-register-owner' value={ownerName} maxlength={20} placeholder='姓名' onInput={(e) => setOwnerName(e.detail.value)} />
            <Text className='wm-field-label'>负责人电话</Text>
            <Input className='wm-field-input' id='wm-fr-register-phone' type='number' value={ownerPhone} maxlength={20} placeholder='手机或座机' onInput={(e) => setOwnerPhone(e.detail.value)} />
            <Text className='wm-field-label'>责任书模板</Text>
            {templates.length ? (
              <Chips value={templateId} options={templates.map((t) => ({ value: t.templateId, label: t.name }))} onChange={setTemplateId} idPrefix='wm-fr-register-template' />
            ) : (
              <Text className='wm-text-tertiary'>还没有责任书模板，请联系文明办。</Text>
            )}
            <Text className='wm-field-label'>责任书期限</Text>
            <TermPickers from={term.from} to={term.to} onChange={setTerm} idPrefix='wm-fr-register-term' />
          </View>
        </View>
        <View className='wm-fr-col'>
          <View className='wm-card'>
            <Text className='wm-in-title'>门前责任区</Text>
            <Text className='wm-text-secondary'>沿街门店画一条线（门店门面的两端）；有门前场地的画一个区域（从门面到路沿）。</Text>
            <Chips<'line' | 'polygon'>
              value={shape}
              options={[
                { value: 'line', label: '门面一条线' },
                { value: 'polygon', label: '门前一块区域' },
              ]}
              onChange={(v) => (setShape(v), setPoints([]))}
              idPrefix='wm-fr-register-shape'
            />
            <DrawPad kind={shape} points={points} onPoints={setPoints} focus={focus} onFocus={setFocus} idPrefix='wm-fr-register' hint={shape === 'line' ? '依次点门店门面的左端和右端。' : '沿门前场地的边依次点，至少 3 个点。'} />
          </View>
        </View>
      </View>
      <Problem text={problem} id='wm-fr-register-error' />
      <Button block type='primary' loading={busy} disabled={busy} id='wm-fr-register-submit' onClick={() => void submit()}>
        登记门店
      </Button>
    </View>
  )
}
