import { alt } from '@/components/alt'
import { createElement, useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { PALETTE, chartHeight, drawChart, valueWords, type ChartSpec, type Ctx2D } from './draw'
// its own styles: the office console draws these charts too, without the dashboard's pages
import './office-dashboard.scss'

/**
 * The mini-program's own <canvas type="2d">, named by its tag (as the 承诺书 does): importing
 * Taro's Canvas would add an export to taro.js, which ships in the main package.
 */
const NATIVE_CANVAS: string = 'canvas'

export interface CanvasLike {
  width: number
  height: number
  getContext(type: '2d'): unknown
  toDataURL?(type?: string): string
}

const pixelRatio = (): number => {
  if (process.env.TARO_ENV === 'h5') return Math.min(3, window.devicePixelRatio || 1)
  try {
    return Math.min(3, Taro.getWindowInfo().pixelRatio || 2)
  } catch {
    return 2
  }
}

/** the canvas node and its CSS width: the element on H5, the node from a selector query in WeChat */
export function canvasNode(id: string): Promise<{ node: CanvasLike; width: number; base: number } | null> {
  if (process.env.TARO_ENV === 'h5') {
    const el = document.getElementById(id) as HTMLCanvasElement | null
    // the chart's base font is the canvas's own font size (the page's small text): bigger on a wide screen and in large-text mode
    const base = el ? Math.min(24, Math.max(11, parseFloat(getComputedStyle(el).fontSize) || 12)) : 12
    return Promise.resolve(el ? { node: el, width: el.clientWidth, base } : null)
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true }, () => undefined)
      .exec((res: Array<{ node?: CanvasLike; width?: number } | null>) => {
        const r = res?.[0]
        resolve(r?.node ? { node: r.node, width: r.width ?? 320, base: 12 } : null)
      })
  })
}

/** sizes the node for the screen's pixels and hands back a context scaled to CSS pixels */
export function prepare(node: CanvasLike, width: number, height: number): Ctx2D {
  const dpr = pixelRatio()
  node.width = Math.round(width * dpr)
  node.height = Math.round(height * dpr)
  const ctx = node.getContext('2d') as Ctx2D
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  return ctx
}

export interface ChartTable {
  head: string[]
  rows: string[][]
}

/** the table of a chart: one row per label, one column per series, the same numbers the chart draws */
export function tableOf(spec: ChartSpec, first: string): ChartTable {
  const percent = spec.kind !== 'map' && spec.percent
  return {
    head: [first, ...spec.series.map((s) => (percent ? s.name : `${s.name}（${spec.unit}）`))],
    rows: spec.labels.map((label, i) => [label, ...spec.series.map((s) => valueWords(s.values[i] ?? null, '', percent))]),
  }
}

/** A table drawn with Views (the mini-program has no <table>): a header row, then the rows. */
export function Table({ table, id, limit = 200 }: { table: ChartTable; id?: string; limit?: number }) {
  const [shown, setShown] = useState(Math.min(limit, 50))
  const rows = table.rows.slice(0, shown)
  return (
    // a wide table scrolls sideways on a phone: in H5 it takes keyboard focus so it can be scrolled without a pointer
    <View className='wm-db-table' id={id} role='table' data-rows={table.rows.length} {...(process.env.TARO_ENV === 'h5' ? { tabIndex: 0 } : {})}>
      <View className='wm-db-table__row wm-db-table__row--head' role='row'>
        {table.head.map((h) => (
          <View key={h} className='wm-db-table__cell' role='columnheader'>
            <Text>{h}</Text>
          </View>
        ))}
      </View>
      {rows.map((row, i) => (
        <View key={`${row[0]}-${i}`} className='wm-db-table__row' role='row'>
          {row.map((cell, j) => (
            <View key={j} className='wm-db-table__cell' role='cell'>
              <Text>{cell}</Text>
            </View>
          ))}
        </View>
      ))}
      {table.rows.length > shown ? (
        <View className='wm-db-more' role='button' onClick={() => setShown((n) => Math.min(table.rows.length, limit, n + 50))}>
          <Text>{shown >= limit ? `只显示前 ${limit} 行，完整数据请用「数据导出」` : `显示更多（还有 ${table.rows.length - shown} 行）`}</Text>
        </View>
      ) : null}
    </View>
  )
}

/**
 * One chart in a card: its title and period, the canvas (with the same figures on `data-chart`
 * for the browser test), a legend in words, and a 「表格」 toggle showing the numbers as a table.
 * On print the canvas is replaced by an image of it.
 */
export function ChartCard({ id, title, note, spec, first, empty }: { id: string; title: string; note?: string; spec: ChartSpec; first: string; empty?: string }) {
  const [asTable, setAsTable] = useState(false)
  const [width, setWidth] = useState(0)
  const [base, setBase] = useState(12)
  const [image, setImage] = useState<string | null>(null)
  const canvasId = `${id}-canvas`
  const height = chartHeight(spec, width || 320, base)
  const nothing = spec.series.every((s) => s.values.every((v) => !v)) && spec.kind !== 'map'

  useEffect(() => {
    if (asTable) return
    let gone = false
    const draw = () => {
      void canvasNode(canvasId).then((found) => {
        if (gone || !found || found.width <= 0) return
        if (Math.abs(found.width - width) > 1 || found.base !== base) {
          setWidth(found.width)
          setBase(found.base)
          return
        }
        const h = chartHeight(spec, found.width, found.base)
        const ctx = prepare(found.node, found.width, h)
        drawChart(ctx, found.width, h, spec, found.base)
        if (process.env.TARO_ENV === 'h5' && found.node.toDataURL) setImage(found.node.toDataURL('image/png'))
      })
    }
    const timer = setTimeout(draw, 30)
    if (process.env.TARO_ENV !== 'h5') return () => {
      gone = true
      clearTimeout(timer)
    }
    const onResize = () => draw()
    window.addEventListener('resize', onResize)
    return () => {
      gone = true
      clearTimeout(timer)
      window.removeEventListener('resize', onResize)
    }
  }, [spec, width, base, asTable, canvasId])

  const data = JSON.stringify({ labels: spec.labels, series: spec.series })
  const words = spec.kind === 'map' ? '颜色越深，件数越多；每个网格上写着它的件数' : spec.series.map((s, i) => `${COLOUR_WORD[i % COLOUR_WORD.length]}：${s.name}`).join('；')
  return (
    <View className='wm-card wm-db-card' id={id} data-chart={data}>
      <View className='wm-db-card__head'>
        <View className='wm-db-card__title'>
          <Text className='wm-db-card__name'>{title}</Text>
          {note ? <Text className='wm-text-tertiary'>{note}</Text> : null}
        </View>
        <View
          className={`wm-db-toggle${asTable ? ' wm-db-toggle--on' : ''}`}
          role='button'
          aria-pressed={asTable}
          id={`${id}-toggle`}
          onClick={() => setAsTable((v) => !v)}
        >
          <Text>{asTable ? '图表' : '表格'}</Text>
        </View>
      </View>
      {asTable ? (
        <Table table={tableOf(spec, first)} id={`${id}-table`} />
      ) : (
        <View className='wm-db-chart'>
          {createElement(NATIVE_CANVAS, {
            type: '2d',
            id: canvasId,
            className: 'wm-db-chart__canvas',
            style: { width: '100%', height: `${height}px` },
            'aria-label': `${title}（图表，数字见「表格」）`,
          })}
          {image ? <Image className='wm-db-chart__img' src={image} mode='widthFix' {...alt(title)} /> : null}
          <Text className='wm-text-tertiary wm-db-chart__legend'>{words}</Text>
          {nothing ? <Text className='wm-text-tertiary'>{empty ?? '这段时间还没有数据'}</Text> : null}
        </View>
      )}
    </View>
  )
}

/** the palette's colours in words, for the legend under a chart */
export const COLOUR_WORD = ['红色', '蓝色', '绿色', '橙色', '紫色']
export { PALETTE }
