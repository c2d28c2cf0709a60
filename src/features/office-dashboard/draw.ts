/**
 * The dashboard's charts drawn with plain canvas 2d: the same code for the mini-program's
 * <canvas type="2d"> node and the H5 canvas element. Every bar and point carries its number and
 * every colour is named in a legend, so nothing is told by colour alone.
 *
 * Why not a chart library: @antv/f2 5.14.0 (the maintained one that renders on any canvas 2d
 * context) is 492 KB minified even tree-shaken to Canvas + Chart + Interval + Line + Axis + Legend
 * (its f-engine and g-lite renderer come along), against a 500 KB office subpackage that already
 * holds 101.6 KB; the charts here need bars, lines and a shaded map only.
 */

/** what this file uses of a 2d context (the mini-program's and the browser's both have it) */
export interface Ctx2D {
  fillStyle: string
  strokeStyle: string
  lineWidth: number
  font: string
  textAlign: 'left' | 'right' | 'center' | 'start' | 'end'
  textBaseline: 'top' | 'middle' | 'bottom' | 'alphabetic' | 'hanging' | 'ideographic'
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void
  clearRect(x: number, y: number, w: number, h: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  closePath(): void
  arc(x: number, y: number, r: number, a0: number, a1: number): void
  fill(): void
  stroke(): void
}

export interface ChartSeries {
  name: string
  /** null: no figure for that label (e.g. a day without a snapshot), drawn as a gap */
  values: Array<number | null>
}

export interface GridShape {
  name: string
  value: number
  /** [lng, lat] ring */
  ring: Array<[number, number]>
}

export interface ColumnSpec {
  kind: 'line' | 'bars'
  labels: string[]
  series: ChartSeries[]
  unit: string
  percent?: boolean
}
export interface HBarSpec {
  kind: 'hbars'
  labels: string[]
  series: ChartSeries[]
  unit: string
  percent?: boolean
}
export interface MapSpec {
  kind: 'map'
  labels: string[]
  series: ChartSeries[]
  unit: string
  grids: GridShape[]
}
export type ChartSpec = ColumnSpec | HBarSpec | MapSpec

/** the palette, each colour with the word the legend says */
export const PALETTE = ['#c8312b', '#2f6db5', '#1e7b45', '#9a5b00', '#6b4fa3']
const INK = '#1f1a17'
const INK_3 = '#8a8079'
const LINE = '#eae3da'
const FONT = 'sans-serif'
/** the chart's scale: its base font over 12 CSS px (the H5 console on a wide screen and large-text mode draw bigger) */
let K = 1
const px = (n: number) => n * K
const font = (n: number, bold = false) => `${bold ? 'bold ' : ''}${Math.round(n * K)}px ${FONT}`

export const valueWords = (v: number | null, unit: string, percent?: boolean): string => {
  if (v === null) return '—'
  if (percent) return `${Math.round(v * 1000) / 10}%`
  return `${Math.round(v * 10) / 10}${unit}`
}

/** how tall a chart is for its data, in CSS pixels */
export function chartHeight(spec: ChartSpec, width: number, base = 12): number {
  const k = base / 12
  if (spec.kind === 'hbars') return Math.round(k * Math.max(120, 44 + spec.labels.length * (18 * spec.series.length + 14)))
  if (spec.kind === 'map') return Math.round(Math.min(420 * k, Math.max(240 * k, width * 0.7)))
  return Math.round(240 * k)
}

function legend(ctx: Ctx2D, series: ChartSeries[], x: number, y: number, maxX: number): number {
  ctx.font = font(12)
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'left'
  let cx = x
  let cy = y
  series.forEach((s, i) => {
    const w = px(16) + ctx.measureText(s.name).width + px(16)
    if (cx + w > maxX && cx > x) {
      cx = x
      cy += px(18)
    }
    ctx.fillStyle = PALETTE[i % PALETTE.length]
    ctx.fillRect(cx, cy - px(5), px(10), px(10))
    ctx.fillStyle = INK
    ctx.fillText(s.name, cx + px(14), cy)
    cx += w
  })
  return cy + px(14)
}

const niceMax = (max: number): number => {
  if (max <= 0) return 1
  const p = Math.pow(10, Math.floor(Math.log10(max)))
  const m = max / p
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p
}

function allValues(series: ChartSeries[]): number[] {
  return series.flatMap((s) => s.values.filter((v): v is number => v !== null))
}

/** the x labels a line or column chart can afford to print: every n-th */
const labelStep = (count: number, width: number) => Math.max(1, Math.ceil(count / Math.max(1, Math.floor(width / px(44)))))

/** how many gridlines split 0…max into round steps: 5 → 1, 2, 3, 4, 5; 20 → 5, 10, 15, 20 */
function tickCount(max: number, percent?: boolean): number {
  if (percent) return 4
  const p = Math.pow(10, Math.floor(Math.log10(max)))
  const m = Math.round(max / p)
  const ticks = m === 2 ? 4 : 5
  return max < ticks && Number.isInteger(max) ? Math.max(1, max) : ticks
}

function axes(ctx: Ctx2D, left: number, top: number, right: number, bottom: number, max: number, unit: string, percent?: boolean) {
  ctx.strokeStyle = LINE
  ctx.lineWidth = 1
  ctx.font = font(11)
  ctx.fillStyle = INK_3
  ctx.textAlign = 'right'
  ctx.textBaseline = 'middle'
  const ticks = tickCount(max, percent)
  for (let i = 0; i <= ticks; i++) {
    const y = bottom - ((bottom - top) * i) / ticks
    ctx.beginPath()
    ctx.moveTo(left, y)
    ctx.lineTo(right, y)
    ctx.stroke()
    ctx.fillText(valueWords((max * i) / ticks, '', percent), left - px(4), y)
  }
  // the unit at the right end of the legend's row, clear of the legend
  if (unit && !percent) {
    ctx.textAlign = 'right'
    ctx.textBaseline = 'middle'
    ctx.fillText(`单位：${unit}`, right, px(10))
  }
}

function drawColumns(ctx: Ctx2D, w: number, h: number, spec: ColumnSpec) {
  const top = legend(ctx, spec.series, px(8), px(10), w - px(80)) + px(8)
  const left = px(40)
  const right = w - px(10)
  const bottom = h - px(26)
  const max = spec.percent ? 1 : niceMax(Math.max(0, ...allValues(spec.series)))
  axes(ctx, left, top, right, bottom, max, spec.unit, spec.percent)
  const n = spec.labels.length
  if (n === 0) return
  const slot = (right - left) / n
  const step = labelStep(n, right - left)
  ctx.font = font(11)
  ctx.fillStyle = INK_3
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  spec.labels.forEach((label, i) => {
    if (i % step === 0) ctx.fillText(label, left + slot * (i + 0.5), bottom + px(6))
  })
  const y = (v: number) => bottom - (Math.min(v, max) / max) * (bottom - top)
  const printValues = n <= 16
  if (spec.kind === 'bars') {
    const k = spec.series.length
    const bw = Math.max(2, Math.min(px(28), (slot * 0.7) / k))
    spec.series.forEach((s, si) => {
      s.values.forEach((v, i) => {
        if (v === null) return
        const x = left + slot * (i + 0.5) - (bw * k) / 2 + bw * si
        ctx.fillStyle = PALETTE[si % PALETTE.length]
        ctx.fillRect(x, y(v), bw - 1, bottom - y(v))
        if (printValues) {
          ctx.fillStyle = INK
          ctx.font = font(11)
          ctx.textAlign = 'center'
          ctx.textBaseline = 'bottom'
          ctx.fillText(valueWords(v, '', spec.percent), x + bw / 2, y(v) - px(2))
        }
      })
    })
    return
  }
  spec.series.forEach((s, si) => {
    const colour = PALETTE[si % PALETTE.length]
    ctx.strokeStyle = colour
    ctx.lineWidth = px(2)
    ctx.beginPath()
    let pen = false
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false
        return
      }
      const x = left + slot * (i + 0.5)
      if (pen) ctx.lineTo(x, y(v))
      else ctx.moveTo(x, y(v))
      pen = true
    })
    ctx.stroke()
    ctx.fillStyle = colour
    s.values.forEach((v, i) => {
      if (v === null) return
      ctx.beginPath()
      ctx.arc(left + slot * (i + 0.5), y(v), px(n > 40 ? 1.5 : 3), 0, Math.PI * 2)
      ctx.fill()
      if (printValues && v > 0) {
        ctx.fillStyle = INK
        ctx.font = font(11)
        ctx.textAlign = 'center'
        ctx.textBaseline = 'bottom'
        ctx.fillText(valueWords(v, '', spec.percent), left + slot * (i + 0.5), y(v) - px(4 + si * 12))
        ctx.fillStyle = colour
      }
    })
  })
}

function drawHBars(ctx: Ctx2D, w: number, _h: number, spec: HBarSpec) {
  const top = legend(ctx, spec.series, px(8), px(10), w - px(8)) + px(6)
  ctx.font = font(12)
  const labelW = Math.min(w * 0.34, Math.max(px(40), ...spec.labels.map((l) => ctx.measureText(l).width + px(8))))
  const left = labelW + px(8)
  const right = w - px(56)
  const max = spec.percent ? 1 : niceMax(Math.max(0, ...allValues(spec.series)))
  const k = spec.series.length
  const rowH = px(18 * k + 14)
  spec.labels.forEach((label, i) => {
    const y0 = top + rowH * i
    ctx.fillStyle = INK
    ctx.font = font(12)
    ctx.textAlign = 'right'
    ctx.textBaseline = 'middle'
    let text = label
    while (ctx.measureText(text).width > labelW && text.length > 2) text = text.slice(0, -1)
    ctx.fillText(text === label ? label : `${text.slice(0, -1)}…`, labelW, y0 + px(18 * k) / 2)
    spec.series.forEach((s, si) => {
      const v = s.values[i]
      const by = y0 + px(18 * si)
      ctx.fillStyle = LINE
      ctx.fillRect(left, by + px(2), right - left, px(14))
      if (v !== null) {
        ctx.fillStyle = PALETTE[si % PALETTE.length]
        ctx.fillRect(left, by + px(2), Math.max(v > 0 ? 2 : 0, ((right - left) * Math.min(v, max)) / max), px(14))
      }
      ctx.fillStyle = INK
      ctx.font = font(11)
      ctx.textAlign = 'left'
      ctx.fillText(valueWords(v, spec.unit, spec.percent), right + px(4), by + px(9))
    })
  })
}

/** the shading steps of the map: light to dark, each named in words in the legend */
export function mapSteps(max: number): Array<{ from: number; to: number; colour: string; word: string }> {
  const top = Math.max(1, max)
  const a = Math.ceil(top / 3)
  const b = Math.ceil((top * 2) / 3)
  return [
    { from: 0, to: 0, colour: '#f4efe9', word: '无' },
    { from: 1, to: a, colour: '#f6c9b8', word: '浅' },
    { from: a + 1, to: b, colour: '#e2775f', word: '中' },
    { from: b + 1, to: top, colour: '#a51f1a', word: '深' },
  ].filter((s) => s.from <= s.to || s.word === '无')
}

function drawMap(ctx: Ctx2D, w: number, h: number, spec: MapSpec) {
  const rings = spec.grids.filter((g) => g.ring.length >= 3)
  const max = Math.max(0, ...spec.grids.map((g) => g.value))
  const steps = mapSteps(max)
  // the legend, in words and numbers: 「浅 1–3 件」
  ctx.font = font(12)
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'left'
  let lx = px(8)
  for (const s of steps) {
    const text = s.word === '无' ? '无 0' : `${s.word} ${s.from === s.to ? s.from : `${s.from}–${s.to}`}${spec.unit}`
    ctx.fillStyle = s.colour
    ctx.fillRect(lx, px(5), px(12), px(12))
    ctx.strokeStyle = INK_3
    ctx.lineWidth = 1
    ctx.strokeRect(lx, px(5), px(12), px(12))
    ctx.fillStyle = INK
    ctx.fillText(text, lx + px(16), px(11))
    lx += px(16) + ctx.measureText(text).width + px(14)
  }
  if (rings.length === 0) {
    ctx.fillStyle = INK_3
    ctx.textAlign = 'center'
    ctx.fillText('网格没有边界数据，请看下方表格', w / 2, h / 2)
    return
  }
  const pts = rings.flatMap((g) => g.ring)
  const minLng = Math.min(...pts.map((p) => p[0]))
  const maxLng = Math.max(...pts.map((p) => p[0]))
  const minLat = Math.min(...pts.map((p) => p[1]))
  const maxLat = Math.max(...pts.map((p) => p[1]))
  const top = px(28)
  const pad = px(8)
  // degrees of longitude are shorter than of latitude away from the equator
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const spanX = Math.max(1e-9, (maxLng - minLng) * k)
  const spanY = Math.max(1e-9, maxLat - minLat)
  const scale = Math.min((w - pad * 2) / spanX, (h - top - pad) / spanY)
  const ox = (w - spanX * scale) / 2
  const oy = top + (h - top - pad - spanY * scale) / 2
  const proj = (p: [number, number]): [number, number] => [ox + (p[0] - minLng) * k * scale, oy + (maxLat - p[1]) * scale]
  for (const g of rings) {
    const step = steps.find((s) => g.value >= s.from && g.value <= s.to) ?? steps[steps.length - 1]
    ctx.beginPath()
    g.ring.forEach((p, i) => {
      const [x, y] = proj(p)
      if (i === 0) ctx.moveTo(x, y)
      else ctx.lineTo(x, y)
    })
    ctx.closePath()
    ctx.fillStyle = step.colour
    ctx.fill()
    ctx.strokeStyle = '#ffffff'
    ctx.lineWidth = 2
    ctx.stroke()
  }
  // each grid's count at its middle, dark on light and white on dark
  for (const g of rings) {
    const xs = g.ring.map((p) => proj(p)[0])
    const ys = g.ring.map((p) => proj(p)[1])
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2
    const dark = g.value > (steps[2]?.to ?? Infinity)
    ctx.fillStyle = dark ? '#ffffff' : INK
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    ctx.font = font(12, true)
    ctx.fillText(`${g.value}${spec.unit}`, cx, cy + px(8))
    ctx.font = font(11)
    if (Math.max(...xs) - Math.min(...xs) > ctx.measureText(g.name).width) ctx.fillText(g.name, cx, cy - px(8))
  }
}

/** Draws `spec` on a context already scaled to CSS pixels, `w` × `h`. */
export function drawChart(ctx: Ctx2D, w: number, h: number, spec: ChartSpec, base = 12): void {
  K = base / 12
  ctx.clearRect(0, 0, w, h)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, w, h)
  if (spec.kind === 'hbars') drawHBars(ctx, w, h, spec)
  else if (spec.kind === 'map') drawMap(ctx, w, h, spec)
  else drawColumns(ctx, w, h, spec)
}

/** The 月报's summary as one image for sharing in WeChat: the month, the headline figures, the lists. */
export function drawSummary(ctx: Ctx2D, w: number, h: number, title: string, lines: Array<{ label: string; value: string }>, footer: string[]): void {
  K = 1
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, w, h)
  ctx.fillStyle = '#c8312b'
  ctx.fillRect(0, 0, w, 72)
  ctx.fillStyle = '#ffffff'
  ctx.font = `bold 24px ${FONT}`
  ctx.textAlign = 'left'
  ctx.textBaseline = 'middle'
  ctx.fillText(title, 24, 36)
  const col = (w - 48) / 2
  lines.forEach((l, i) => {
    const x = 24 + (i % 2) * col
    const y = 100 + Math.floor(i / 2) * 72
    ctx.fillStyle = '#f7f3ee'
    ctx.fillRect(x, y - 12, col - 12, 60)
    ctx.fillStyle = INK
    ctx.font = `bold 22px ${FONT}`
    ctx.fillText(l.value, x + 12, y + 8)
    ctx.fillStyle = INK_3
    ctx.font = `14px ${FONT}`
    ctx.fillText(l.label, x + 12, y + 34)
  })
  let y = 100 + Math.ceil(lines.length / 2) * 72 + 8
  ctx.fillStyle = INK
  ctx.font = `15px ${FONT}`
  for (const line of footer) {
    if (y > h - 20) break
    ctx.fillText(line, 24, y)
    y += 26
  }
}
