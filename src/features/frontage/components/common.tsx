import { alt } from '@/components/alt'
import { useMemo, type ReactNode } from 'react'
import { Image, Map, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { viewPhotos } from '@/components/photo-viewer'
import { METRES_PER_DEGREE_LAT, type BBox } from '@/components/place-map/geometry'
import { projectionFor, svgDataUri } from '@/components/place-map/map-svg'
// WeChat takes a marker icon only from a file path: the place map's own pin
import pinIcon from '@/components/place-map/pin.png'
import { openPage } from '@/lib/navigate'
import { addMonths, monthOf } from '@/shared/calendar/weeks'
import { BUSINESS_TYPES, LADDER_LABEL, SHOP_STAGE_LABEL, SHOP_STATUS_LABEL, frontageUrl, type Duty, type FrontageViewName, type LadderStep, type ShopStage, type ShopStatus } from '@/shared/frontage'
import type { FrontageGeometry } from '@/shared/contract'
import type { Position } from '@/shared/contract/frontage'
import type { Fail } from '@/shared/errors'
import type { LatLng } from '@/shared/report'
import { Tag, type TagTone } from '../../inspect/components/common'
import '../frontage.scss'

/**
 * What every 门前三包 screen shares. The plain blocks (tags, problem and done lines, chips, paged
 * lists, figures) are 创文督查's, re-exported so both areas look alike and the bytes are paid once;
 * the refusals, the stale-link page, the shop's tags, the stars and the frontage map are our own.
 * Only ADD here: the other screens import from this file.
 */
export {
  Tag,
  Problem,
  Done,
  Figure,
  Tile,
  MoreButton,
  Chips,
  CheckRow,
  usePaged,
  dateText,
  dayText,
  timeText,
  scoreText,
  periodLabel,
  maskPhone,
  type Paged,
  type TagTone,
} from '../../inspect/components/common'

// ---- words ----

/** 4 → 「4 星」; null or 0 → 「未评星」: stars are always said as a number, never only ★ */
export const starWords = (stars: number | null | undefined) => (!stars || stars <= 0 ? '未评星' : `${stars} 星`)

/** the symbols and the words as two groups that wrap whole: ★★★★ 「4 星」 */
export function Stars({ stars, id }: { stars: number | null | undefined; id?: string }) {
  return (
    <View className='wm-fr-stars' id={id} aria-label={starWords(stars)}>
      {stars && stars > 0 ? <Text className='wm-fr-stars__symbols'>{'★'.repeat(stars)}</Text> : null}
      <Text className='wm-fr-stars__words'>{starWords(stars)}</Text>
    </View>
  )
}

/** 2026-11 → 「2026年11月」 */
export function monthLabel(key: string | null | undefined): string {
  const m = key ? /^(\d{4})-(\d{2})$/.exec(key) : null
  return m ? `${m[1]}年${Number(m[2])}月` : ''
}

/** this month and the `count - 1` before it, newest first, for a month picker */
export function recentMonths(count = 12, now = Date.now()): string[] {
  const current = monthOf(now)
  return Array.from({ length: count }, (_, i) => addMonths(current, -i))
}

/** the time a shop has left to answer, in words: 「剩余 1 小时 20 分」 or 「已超时 35 分」 */
export function dueText(dueAt: number, overdue: boolean, now = Date.now()): string {
  const left = dueAt - now
  const span = (ms: number) => {
    const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000))
    if (minutes < 60) return `${minutes} 分`
    const hours = Math.floor(minutes / 60)
    if (hours < 24) return `${hours} 小时${minutes % 60 ? ` ${minutes % 60} 分` : ''}`
    return `${Math.floor(hours / 24)} 天${hours % 24 ? ` ${hours % 24} 小时` : ''}`
  }
  if (overdue || left <= 0) return `已超时 ${span(left)}`
  return `剩余 ${span(left)}`
}

/** 'food' → 「餐饮」 */
export const businessTypeName = (id: string) => BUSINESS_TYPES.find((b) => b.id === id)?.name ?? '其他'

export const goFrontage = (view: FrontageViewName, params: Record<string, string> = {}) => openPage(frontageUrl(view, params))
/** the app's home page: a tab, so switchTab */
export const goAppHome = () => {
  void Taro.switchTab({ url: '/pages/home/index' }).catch(() => undefined)
}

// ---- tags ----

const STATUS_TONE: Record<ShopStatus, TagTone> = { pending: 'warn', active: 'ok', closed: 'plain' }
export const ShopStatusTag = ({ status, id }: { status: ShopStatus; id?: string }) => <Tag text={SHOP_STATUS_LABEL[status]} tone={STATUS_TONE[status]} id={id} />

const STAGE_TONE: Record<ShopStage, TagTone> = { waiting: 'warn', answered: 'ok', escalated: 'red' }
export const StageTag = ({ stage, id }: { stage: ShopStage; id?: string }) => <Tag text={SHOP_STAGE_LABEL[stage]} tone={STAGE_TONE[stage]} id={id} />

const LADDER_TONE: Record<LadderStep, TagTone> = { warning: 'warn', notice: 'red', enforcement: 'red' }
export const LadderTag = ({ step, id }: { step: LadderStep; id?: string }) => <Tag text={LADDER_LABEL[step]} tone={LADDER_TONE[step]} id={id} />

/** 责任书 signed for the version in force, or not */
export const PledgeTag = ({ signed, id }: { signed: boolean; id?: string }) => <Tag text={signed ? '责任书已签署' : '责任书待签署'} tone={signed ? 'ok' : 'red'} id={id} />

/** 红榜 / 黑榜 in words; the colour only repeats them */
export const ListTag = ({ list }: { list: 'red' | 'black' | null }) => (list === 'red' ? <Tag text='红榜' tone='red' /> : list === 'black' ? <Tag text='黑榜' /> : null)

// ---- the 责任书's duties ----

/** Duties with their items, numbered; `items` as plain strings (public view) or DutyItems. */
export function Duties({ duties, id }: { duties: ReadonlyArray<{ name: string; items: ReadonlyArray<string | { text: string }> }>; id?: string }) {
  return (
    <View id={id}>
      {duties.map((d) => (
        <View key={d.name} className='wm-fr-duty'>
          <Text className='wm-fr-duty__name'>{d.name}</Text>
          {d.items.map((item, i) => (
            <View key={i} className='wm-fr-duty__item'>
              <Text className='wm-fr-duty__no'>{i + 1}.</Text>
              <Text>{typeof item === 'string' ? item : item.text}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}
export type { Duty }

/** Stored photos; tap one to see them large. */
export function Photos({ urls, label }: { urls: string[]; label: string }) {
  if (urls.length === 0) return null
  return (
    <View className='wm-in-photos'>
      {urls.map((url, i) => (
        <View key={`${url}-${i}`} role='button' aria-label={`查看${label}的第 ${i + 1} 张照片`} onClick={() => viewPhotos(urls, url)}>
          <Image className='wm-in-photo' src={url} mode='aspectFill' {...alt('照片')} />
        </View>
      ))}
    </View>
  )
}

// ---- refusals and stale links ----

export type FrontageAudience = 'owner' | 'street' | 'office' | 'inspector' | 'staff'

const AUDIENCE: Record<FrontageAudience, { who: string; tell: string }> = {
  owner: { who: '门店负责人', tell: '登记在册的门店负责人和店员在这里签署责任书、处理门前的随手拍、查看门店得分。' },
  street: { who: '街道办', tell: '街道办在这里登记和确认本街道的临街门店、查看责任书签署和门前随手拍的处理。' },
  office: { who: '文明办', tell: '责任书模板、划线区和门店计分规则由市文明办设置。' },
  inspector: { who: '督查员', tell: '督查组的督查员在这里按责任书逐项检查门店。' },
  staff: { who: '街道办、文明办和督查员', tell: '门前三包的登记、检查和发布由街道办、文明办和督查组负责。' },
}

/**
 * What someone who opens a view not meant for them is told (the server answered AUTH.FORBIDDEN,
 * FRONTAGE.NOT_YOUR_SHOP / NOT_YOUR_STREET / NOT_YOUR_AREA): whom it is for, and a way on — the
 * public 门店红黑榜 is open to everyone.
 */
export function FrontageRefusal({ what, audience = 'owner', id = 'wm-fr-forbidden', message }: { what: string; audience?: FrontageAudience; id?: string; message?: string }) {
  const a = AUDIENCE[audience]
  return (
    <View className='wm-card' id={id}>
      <EmptyState
        glyph='包'
        title={`此页面仅限${a.who}使用`}
        description={`您打开的是「${what}」。${message ? `${message}。` : ''}${a.tell}您可以看看已公布的门店红黑榜。`}
        actionText='去看门店红黑榜'
        onAction={() => goFrontage('board')}
      />
    </View>
  )
}

/** A link to something gone (or that never was): no validation words, a way home. */
export function FrontageMissing({ what = '内容', id = 'wm-fr-missing' }: { what?: string; id?: string }) {
  return (
    <View className='wm-card' id={id}>
      <EmptyState glyph='无' title={`${what}不存在或已下线`} description='链接或门店码可能已过期，或这家门店已注销。回到首页看看别的内容。' actionText='回到首页' onAction={goAppHome} />
    </View>
  )
}

const FORBIDDEN_CODES = new Set(['AUTH.FORBIDDEN', 'FRONTAGE.NOT_YOUR_SHOP', 'FRONTAGE.NOT_YOUR_STREET', 'FRONTAGE.NOT_YOUR_AREA', 'FRONTAGE.NO_TEAM'])
/** an id that points at nothing, or one not even well-formed (never a validation message for a link) */
export const isMissingFr = (error: Fail | null) => !!error && (error.code === 'INPUT.INVALID' || error.code.endsWith('NOT_FOUND') || error.code === 'FRONTAGE.NOT_ACTIVE')
export const isForbiddenFr = (error: Fail | null) => !!error && FORBIDDEN_CODES.has(error.code)

/**
 * The one place a view says loading / refused / gone / failed before its data: the node to show,
 * or null when the data is there.
 */
export function FrontageGate({ error, loading, what, audience = 'owner', rows = 6, reload }: { error: Fail | null; loading: boolean; what: string; audience?: FrontageAudience; rows?: number; reload: () => void }): ReactNode {
  if (isForbiddenFr(error)) return <FrontageRefusal what={what} audience={audience} message={error?.code === 'AUTH.FORBIDDEN' ? undefined : error?.message} />
  if (isMissingFr(error)) return <FrontageMissing />
  if (error) {
    return (
      <View className='wm-card'>
        <ErrorState what={what} message={error.message} onRetry={reload} />
      </View>
    )
  }
  if (loading) {
    return (
      <View className='wm-card'>
        <Skeleton rows={rows} />
      </View>
    )
  }
  return null
}

// ---- the frontage on a map ----

const toLatLng = ([lng, lat]: Position): LatLng => ({ lat, lng })
/** every vertex of a frontage as lat/lng (a polygon's closing vertex dropped) */
export function frontagePoints(g: FrontageGeometry | null | undefined): LatLng[] {
  if (!g) return []
  if (g.type === 'LineString') return g.coordinates.map(toLatLng)
  return (g.coordinates[0] ?? []).slice(0, -1).map(toLatLng)
}

/** length of a line frontage in metres (a shopfront's width), or a polygon's outline */
export function frontageLengthM(g: FrontageGeometry | null | undefined): number {
  const pts = g?.type === 'Polygon' ? (g.coordinates[0] ?? []).map(toLatLng) : frontagePoints(g)
  let sum = 0
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]
    const b = pts[i]
    if (!a || !b) continue
    const k = Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180)
    sum += Math.hypot((b.lat - a.lat) * METRES_PER_DEGREE_LAT, (b.lng - a.lng) * k * METRES_PER_DEGREE_LAT)
  }
  return Math.round(sum)
}

/** 「沿街约 12 米的一段」 / 「门前约 40 平方米的区域」-style words for what the map shows */
export function frontageWords(g: FrontageGeometry | null | undefined): string {
  if (!g) return '尚未画出门前责任区'
  if (g.type === 'LineString') return `门前沿街一段，长约 ${frontageLengthM(g)} 米（至路沿）`
  return `门前一块区域，周长约 ${frontageLengthM(g)} 米`
}

const ASPECT = 16 / 10

/** the box around the points, at least `minSpanM` across, widened to the map's 16 : 10 */
function frameOf(points: LatLng[], minSpanM: number): BBox | null {
  if (points.length === 0) return null
  const lats = points.map((p) => p.lat)
  const lngs = points.map((p) => p.lng)
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2
  const midLng = (Math.min(...lngs) + Math.max(...lngs)) / 2
  const k = Math.cos((midLat * Math.PI) / 180)
  const min = minSpanM / METRES_PER_DEGREE_LAT
  let height = Math.max(Math.max(...lats) - Math.min(...lats), min) * 1.4
  let width = Math.max((Math.max(...lngs) - Math.min(...lngs)) * k, min) * 1.4
  if (width / height < ASPECT) width = height * ASPECT
  else height = width / ASPECT
  return [midLng - width / 2 / k, midLat - height / 2, midLng + width / 2 / k, midLat + height / 2]
}

const RED = '#c8102e'

function drawnFrontage(g: FrontageGeometry | null, marks: LatLng[], pin: LatLng | null, box: BBox): string {
  const proj = projectionFor(box)
  const xy = (p: LatLng) => proj.toXY(p).map((v) => v.toFixed(1))
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${proj.width} ${proj.height}" width="${proj.width}" height="${proj.height}">`, `<rect width="100%" height="100%" fill="#f7f3ee"/>`]
  if (g?.type === 'Polygon') {
    const pts = frontagePoints(g).map((p) => xy(p).join(',')).join(' ')
    parts.push(`<polygon points="${pts}" fill="${RED}" fill-opacity="0.2" stroke="${RED}" stroke-width="5"/>`)
  } else if (g) {
    const pts = frontagePoints(g).map((p) => xy(p).join(',')).join(' ')
    // the pavement in front drawn as a wide pale band under the line: the area the shop keeps
    parts.push(`<polyline points="${pts}" fill="none" stroke="${RED}" stroke-opacity="0.18" stroke-width="44" stroke-linecap="round"/>`)
    parts.push(`<polyline points="${pts}" fill="none" stroke="${RED}" stroke-width="8" stroke-linecap="round"/>`)
  }
  if (g) {
    // 「门前责任区」 written above the frontage, so the red line is named in words
    const pts = frontagePoints(g).map((p) => proj.toXY(p))
    const cx = pts.reduce((sum, [x]) => sum + x, 0) / pts.length
    const top = Math.min(...pts.map(([, y]) => y))
    parts.push(`<text x="${cx.toFixed(1)}" y="${Math.max(30, top - 34).toFixed(1)}" font-size="24" font-weight="700" text-anchor="middle" fill="${RED}" font-family="sans-serif">门前责任区</text>`)
  }
  if (pin) {
    const [x, y] = xy(pin)
    parts.push(`<path d="M${x} ${y} l-14 -30 a16 16 0 1 1 28 0 z" fill="${RED}" stroke="#fff" stroke-width="3"/>`)
  }
  marks.forEach((p, i) => {
    const [x, y] = xy(p)
    parts.push(`<circle cx="${x}" cy="${y}" r="20" fill="#fff" stroke="${RED}" stroke-width="4"/>`, `<text x="${x}" y="${Number(y) + 8}" font-size="22" font-weight="700" text-anchor="middle" fill="${RED}" font-family="sans-serif">${i + 1}</text>`)
  })
  // a scale bar instead of coordinates
  const metres = [5, 10, 20, 50, 100, 200, 500].reduce((best, m) => (Math.abs(m - (proj.width / 4 / proj.scale) * METRES_PER_DEGREE_LAT) < Math.abs(best - (proj.width / 4 / proj.scale) * METRES_PER_DEGREE_LAT) ? m : best))
  const bar = (metres / METRES_PER_DEGREE_LAT) * proj.scale
  const by = proj.height - 16
  parts.push(
    `<rect x="10" y="${by - 34}" width="${(bar + 12).toFixed(1)}" height="40" rx="6" fill="#fff" fill-opacity="0.9"/>`,
    `<path d="M16 ${by - 8} v8 h${bar.toFixed(1)} v-8" fill="none" stroke="#4a4440" stroke-width="3"/>`,
    `<text x="${(16 + bar / 2).toFixed(1)}" y="${by - 12}" text-anchor="middle" font-size="18" fill="#4a4440" font-family="sans-serif">${metres} 米</text>`,
  )
  parts.push('</svg>')
  return svgDataUri(parts.join(''))
}

interface PointerLike {
  clientX?: number
  clientY?: number
  changedTouches?: ArrayLike<{ clientX: number; clientY: number }>
  currentTarget?: { getBoundingClientRect?: () => { left: number; top: number; width: number; height: number } }
}

/** Where on a drawn (H5) map a tap or click landed, as a place; null when the event carries no point. */
export function tapPlace(event: unknown, proj: { width: number; height: number; toLatLng: (x: number, y: number) => { lat: number; lng: number } }): { lat: number; lng: number } | null {
  const e = event as PointerLike
  const rect = e.currentTarget?.getBoundingClientRect?.()
  const touch = e.changedTouches?.[0]
  const x = touch?.clientX ?? e.clientX
  const y = touch?.clientY ?? e.clientY
  if (!rect || x === undefined || y === undefined || rect.width === 0) return null
  return proj.toLatLng(((x - rect.left) / rect.width) * proj.width, ((y - rect.top) / rect.height) * proj.height)
}

export interface FrontageMapProps {
  frontage: FrontageGeometry | null
  /** numbered marks (the ends tapped so far while drawing) */
  marks?: LatLng[]
  /** a place to centre on when there is no frontage yet (the shop's pin) */
  pin?: LatLng | null
  /** the smallest height of ground shown, metres (the width is 1.6×); a ten-metre shopfront reads well at 30 */
  minSpanM?: number
  /** a tap on the map: the spot tapped */
  onPick?: (point: LatLng) => void
  /** what the map shows, for screen readers */
  label: string
  id?: string
}

/**
 * A shop's frontage on a small map: a thick red line along the shopfront (the pavement to the kerb
 * as a pale band) or a red area. In the mini-program WeChat's native map with a polyline/polygon;
 * in H5 a drawn picture of the same frame (Taro's H5 map loads Baidu's from the internet). With
 * `onPick`, a tap gives the spot tapped (for drawing the two ends).
 */
export function FrontageMap({ frontage, marks = NO_MARKS, pin = null, minSpanM = 30, onPick, label, id }: FrontageMapProps) {
  const points = useMemo(() => [...frontagePoints(frontage), ...marks, ...(pin ? [pin] : [])], [frontage, marks, pin])
  const box = useMemo(() => frameOf(points, minSpanM), [points, minSpanM])
  const picture = useMemo(() => (process.env.TARO_ENV === 'weapp' || !box ? null : { src: drawnFrontage(frontage, marks, pin, box), proj: projectionFor(box) }), [frontage, marks, pin, box])
  if (!box) return null
  if (process.env.TARO_ENV === 'weapp') {
    const [minLng, minLat, maxLng, maxLat] = box
    const line = frontage?.type === 'LineString' ? frontagePoints(frontage).map((p) => ({ latitude: p.lat, longitude: p.lng })) : null
    const ring = frontage?.type === 'Polygon' ? frontagePoints(frontage).map((p) => ({ latitude: p.lat, longitude: p.lng })) : null
    return (
      <Map
        id={id}
        className='wm-fr-map wm-fr-map--native'
        latitude={(minLat + maxLat) / 2}
        longitude={(minLng + maxLng) / 2}
        scale={18}
        includePoints={[
          { latitude: minLat, longitude: minLng },
          { latitude: maxLat, longitude: maxLng },
        ]}
        polyline={line ? [{ points: line, color: '#c8102eff', width: 8 }] : []}
        polygons={ring ? [{ points: ring, strokeColor: '#c8102eff', strokeWidth: 4, fillColor: '#c8102e33', zIndex: 1 }] : []}
        markers={[...(pin ? [pin] : []), ...marks].map((p, i) => ({ id: i + 1, latitude: p.lat, longitude: p.lng, width: 28, height: 36, iconPath: pinIcon, label: { content: pin && i === 0 ? '店' : String(pin ? i : i + 1), color: '#c8102e', fontSize: 14, bgColor: '#ffffff', borderRadius: 12, padding: 4, borderWidth: 2, borderColor: '#c8102e', anchorX: -10, anchorY: -24, textAlign: 'center' as const, x: 0, y: 0 } })) as never}
        enableRotate={false}
        enableOverlooking={false}
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
    <View
      id={id}
      className={`wm-fr-map wm-fr-map--drawn${onPick ? ' wm-fr-map--pickable' : ''}`}
      style={{ paddingTop: `${((proj.height / proj.width) * 100).toFixed(3)}%` }}
      onClick={pick}
      role='img'
      aria-label={label}
    >
      <Image className='wm-fr-map__image' src={picture.src} mode='scaleToFill' {...alt('')} />
    </View>
  )
}

const NO_MARKS: LatLng[] = []
