import { useMemo, useState } from 'react'
import { alt } from '@/components/alt'
import { Image, Map, Picker, Text, View } from '@tarojs/components'
import { fitBox } from '@/components/place-map/geometry'
import { projectionFor, svgDataUri } from '@/components/place-map/map-svg'
import pinIcon from '@/components/place-map/pin.png'
import type { InspectMapView, MapSiteView } from '@/shared/contract'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '../api'
import { inspectUrl, type InspectParams } from '../labels'
import { Tag, ageDays, gate } from './orders'
import '../field.scss'

type State = MapSiteView['state']
/** the words say what the colour and the shape say: never colour alone */
const STATE_WORD: Record<State, string> = { clear: '无问题', open: '有未销号', overdue: '有超期' }
const STATE_SHORT: Record<State, string> = { clear: '无', open: '未', overdue: '超' }
const STATE_COLOUR: Record<State, string> = { clear: '#2e7d4f', open: '#b7791f', overdue: '#c8102e' }
const STATES: State[] = ['overdue', 'open', 'clear']

/** One site drawn by state: a circle (无问题), a square (有未销号), a triangle (有超期), each with its word's first character. */
function shape(state: State, x: number, y: number): string {
  const c = STATE_COLOUR[state]
  const r = 13
  const body =
    state === 'clear'
      ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${c}" stroke="#fff" stroke-width="3"/>`
      : state === 'open'
        ? `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" fill="${c}" stroke="#fff" stroke-width="3"/>`
        : `<polygon points="${x},${y - r - 3} ${x + r + 3},${y + r} ${x - r - 3},${y + r}" fill="${c}" stroke="#fff" stroke-width="3"/>`
  return `${body}<text x="${x}" y="${y + 6}" font-size="15" text-anchor="middle" fill="#fff" font-family="sans-serif">${STATE_SHORT[state]}</text>`
}

function drawnMap(sites: MapSiteView[]): string | null {
  const box = fitBox(
    sites.map((s) => ({ lat: s.lat, lng: s.lng })),
    0.08,
  )
  if (!box) return null
  const proj = projectionFor(box)
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${proj.width} ${proj.height}" width="${proj.width}" height="${proj.height}">`, `<rect width="100%" height="100%" fill="#f7f3ee"/>`]
  for (const s of sites) {
    if (!s.polygon) continue
    const pts = s.polygon.map(([lng, lat]) => proj.toXY({ lat, lng }).map((v) => v.toFixed(1)).join(',')).join(' ')
    parts.push(`<polygon points="${pts}" fill="${STATE_COLOUR[s.state]}" fill-opacity="0.15" stroke="${STATE_COLOUR[s.state]}" stroke-width="2"/>`)
  }
  // the worst drawn last, so an overdue site is never hidden under a clear one
  const order = [...sites].sort((a, b) => STATES.indexOf(b.state) - STATES.indexOf(a.state))
  for (const s of order) {
    const [x, y] = proj.toXY({ lat: s.lat, lng: s.lng })
    parts.push(shape(s.state, Math.round(x), Math.round(y)))
  }
  parts.push('</svg>')
  return svgDataUri(parts.join(''))
}

function SitesMap({ sites }: { sites: MapSiteView[] }) {
  const markers = useMemo(
    () =>
      sites.map((s, i) => ({
        id: i + 1,
        latitude: s.lat,
        longitude: s.lng,
        iconPath: pinIcon,
        width: 28,
        height: 36,
        title: `${s.name}：${STATE_WORD[s.state]}`,
        label: { content: STATE_WORD[s.state], color: '#ffffff', fontSize: 11, bgColor: STATE_COLOUR[s.state], padding: 3, borderRadius: 4, anchorX: -18, anchorY: 0, textAlign: 'center' as const, borderWidth: 0, borderColor: STATE_COLOUR[s.state], x: 0, y: 0 },
      })),
    [sites],
  )
  const picture = useMemo(() => (process.env.TARO_ENV === 'weapp' ? null : drawnMap(sites)), [sites])
  if (sites.length === 0) return null
  if (process.env.TARO_ENV === 'weapp') {
    const lats = sites.map((s) => s.lat)
    const lngs = sites.map((s) => s.lng)
    return (
      <Map
        id='wm-inspect-map-native'
        className='wm-fd-map wm-fd-map--native'
        latitude={(Math.min(...lats) + Math.max(...lats)) / 2}
        longitude={(Math.min(...lngs) + Math.max(...lngs)) / 2}
        scale={12}
        markers={markers as never}
        includePoints={sites.map((s) => ({ latitude: s.lat, longitude: s.lng }))}
        onMarkerTap={(e) => {
          const site = sites[Number((e.detail as { markerId?: number }).markerId ?? 0) - 1]
          if (site) openPage(inspectUrl('site', { siteId: site.siteId }))
        }}
        onError={() => undefined}
      />
    )
  }
  if (!picture) return null
  return (
    <View className='wm-fd-map wm-fd-map--drawn' role='img' aria-label={`${sites.length} 个点位的分布图`}>
      <Image className='wm-fd-map__image' src={picture} mode='widthFix' {...alt('')} />
    </View>
  )
}

function Legend({ counts }: { counts: InspectMapView['counts'] }) {
  return (
    <View className='wm-fd-legend' id='wm-inspect-map-legend'>
      {STATES.map((s) => (
        <View key={s} className='wm-fd-legend__item'>
          <View className={`wm-fd-mark wm-fd-mark--${s}`}>
            <Text>{STATE_SHORT[s]}</Text>
          </View>
          <Text>
            {STATE_WORD[s]} {counts[s]}
          </Text>
        </View>
      ))}
    </View>
  )
}

/**
 * 实地督查一张图: every site the caller's team covers, by whether it has problems open and
 * whether any is past its deadline (the legend says each in words; the marks differ in shape as
 * well as colour). Below it the same sites as a list, the worst first, each tap to its detail.
 */
export function InspectMap(_props: { params: InspectParams }) {
  const [district, setDistrict] = useState<string | null>(null)
  const [typeId, setTypeId] = useState<string | null>(null)
  const [state, setState] = useState<State | null>(null)
  const load = useLoad(
    () => callCloud('inspect', 'map', { ...(district ? { district } : {}), ...(typeId ? { typeId } : {}), ...(state ? { state } : {}) }),
    [district, typeId, state],
  )
  const types = useLoad(() => callCloud('inspect', 'siteTypes', {}), [])
  const view: InspectMapView | null = load.data
  // the districts come with the first answer; a filtered answer may list fewer
  const [districts, setDistricts] = useState<string[]>([])
  if (view && districts.length === 0 && view.districts.length > 0) setDistricts(view.districts)
  if (!view) return <>{gate(load, { audience: 'inspector', what: '实地督查一张图' })}</>
  const typeList = (types.data ?? []).filter((t) => t.siteCount > 0)
  const districtNames = ['全部区域', ...districts]
  const typeNames = ['全部类型', ...typeList.map((t) => t.name)]
  const now = Date.now()
  return (
    <View className='wm-fd wm-fd-cols' id='wm-inspect-map'>
      <View className='wm-fd-main'>
        <View className='wm-fd-filters'>
          <Picker mode='selector' range={districtNames} value={district ? districts.indexOf(district) + 1 : 0} onChange={(e) => setDistrict(Number(e.detail.value) === 0 ? null : districts[Number(e.detail.value) - 1] ?? null)}>
            <View className='wm-fd-select' id='wm-inspect-map-district'>
              <Text>区域：{district ?? '全部'} ▾</Text>
            </View>
          </Picker>
          <Picker mode='selector' range={typeNames} value={typeId ? typeList.findIndex((t) => t.typeId === typeId) + 1 : 0} onChange={(e) => setTypeId(Number(e.detail.value) === 0 ? null : typeList[Number(e.detail.value) - 1]?.typeId ?? null)}>
            <View className='wm-fd-select' id='wm-inspect-map-type'>
              <Text>类型：{typeList.find((t) => t.typeId === typeId)?.name ?? '全部'} ▾</Text>
            </View>
          </Picker>
        </View>
        <View className='wm-fd-chips' role='radiogroup' aria-label='按状态筛选'>
          {[null, ...STATES].map((s) => (
            <View key={s ?? 'all'} id={`wm-inspect-map-state-${s ?? 'all'}`} role='radio' aria-checked={s === state} className={`wm-fd-chip${s === state ? ' wm-fd-chip--on' : ''}`} onClick={() => setState(s)}>
              <Text>
                {s === state ? '✓ ' : ''}
                {s ? STATE_WORD[s] : '全部状态'}
              </Text>
            </View>
          ))}
        </View>
        <Legend counts={view.counts} />
        <SitesMap sites={view.sites} />
        <Text className='wm-text-tertiary'>{view.total > view.sites.length ? `共 ${view.total} 个点位，图上显示问题最多的 ${view.sites.length} 个；可按区域、类型筛选查看其余。` : `共 ${view.total} 个点位`}</Text>
      </View>
      <View className='wm-fd-side'>
        <Text className='wm-section-title'>点位列表（{view.sites.length}）</Text>
        {view.sites.length === 0 ? (
          <View className='wm-card'>
            <Text className='wm-text-secondary'>{district || typeId || state ? '没有符合筛选条件的点位，换个条件试试。' : '本组范围内还没有登记点位，请文明办在「测评点位」中登记。'}</Text>
          </View>
        ) : (
          <View className='wm-fd-list'>
            {view.sites.map((s) => (
              <View key={s.siteId} className='wm-card wm-fd-item' role='link' id={`wm-inspect-map-site-${s.siteId}`} onClick={() => openPage(inspectUrl('site', { siteId: s.siteId }))}>
                <View className='wm-fd-row'>
                  <Text className='wm-fd-title'>{s.name}</Text>
                  <Tag text={STATE_WORD[s.state]} tone={s.state === 'overdue' ? 'red' : s.state === 'open' ? 'warn' : 'ok'} />
                </View>
                <Text className='wm-text-secondary'>
                  {s.typeName}
                  {s.openOrders > 0 ? ` · 未销号督办单 ${s.openOrders} 张${s.overdueOrders > 0 ? `（超期 ${s.overdueOrders} 张）` : ''}` : ' · 没有未销号督办单'}
                  {s.oldestOpenAt ? ` · 最久一张已 ${ageDays(s.oldestOpenAt, now)} 天` : ''}
                </Text>
                {s.lastResult ? (
                  <Text className='wm-text-tertiary'>
                    上次督查：合格 {s.lastResult.pass}，不合格 {s.lastResult.fail}，不适用 {s.lastResult.na}
                    {s.openReports > 0 ? ` · 随手拍 ${s.openReports} 件未办结` : ''}
                  </Text>
                ) : (
                  <Text className='wm-text-tertiary'>尚未督查{s.openReports > 0 ? ` · 随手拍 ${s.openReports} 件未办结` : ''}</Text>
                )}
              </View>
            ))}
          </View>
        )}
      </View>
    </View>
  )
}
