import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '@/lib/use-load'
import type { GridImportView } from '@/shared/contract'
import { ChartCard } from '@/features/office-dashboard/chart'
import type { ChartSpec } from '@/features/office-dashboard/draw'
import { Action, Done, Gate, Problem } from './common'

/** H5: a plain file input; the file is read as text on the phone or browser. */
function pickTextInBrowser(): Promise<{ name: string; text: string } | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.geojson,.json,application/geo+json,application/json'
    input.style.display = 'none'
    input.onchange = () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) {
        resolve(null)
        return
      }
      void file.text().then(
        (text) => resolve({ name: file.name, text }),
        () => resolve(null),
      )
    }
    document.body.appendChild(input)
    input.click()
  })
}

async function pickGeoJson(): Promise<{ name: string; text: string } | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['geojson', 'json'] })
      const file = chosen.tempFiles[0]
      if (!file) return null
      const text = await new Promise<string>((resolve, reject) => {
        Taro.getFileSystemManager().readFile({
          filePath: file.path,
          encoding: 'utf8',
          success: (r) => resolve(typeof r.data === 'string' ? r.data : ''),
          fail: reject,
        })
      })
      return { name: file.name, text }
    } catch {
      return null
    }
  }
  return pickTextInBrowser()
}

const PAGE = 20

/**
 * The city's grids as they are now, drawn from their stored boundaries (the map every report is
 * placed by) and shaded by the last 30 days' 随手拍, so a clerk sees an import land where it should.
 */
function GridsMap({ version }: { version: string }) {
  const map = useLoad(() => callCloud('report', 'map', {}), [version])
  const counts = useLoad(() => callCloud('stats', 'range', { scope: 'grid', period: '30d' }), [version])
  const spec = useMemo<ChartSpec | null>(() => {
    if (!map.data) return null
    const received = new Map((counts.data?.rows ?? []).map((r) => [r.id, r.received]))
    const grids = map.data.grids
    return {
      kind: 'map',
      labels: grids.map((g) => g.name),
      series: [{ name: '近 30 天受理', values: grids.map((g) => received.get(g.id) ?? 0) }],
      unit: '件',
      grids: grids.map((g) => ({ name: g.name, value: received.get(g.id) ?? 0, ring: g.ring.map((p): [number, number] => [p[0], p[1]]) })),
    }
  }, [map.data, counts.data])
  if (!spec) return null
  return <ChartCard id='wm-oc-grids-map' title='网格地图' note='按导入的边界绘制，颜色越深近 30 天受理越多' spec={spec} first='网格' />
}

type Sheet = { type: 'FeatureCollection'; features: unknown[] }

/** 网格: the imported grids; a GeoJSON sheet is checked (dry run) and then imported. */
export function GridsView() {
  const load = useLoad(() => callCloud('settings', 'grids', {}), [])
  const [sheet, setSheet] = useState<{ name: string; geojson: Sheet } | null>(null)
  const [preview, setPreview] = useState<GridImportView | null>(null)
  const [problems, setProblems] = useState<string[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [shown, setShown] = useState(PAGE)
  const gate = Gate({ ...load, what: '网格' })
  if (!load.data) return <>{gate}</>
  const grids = load.data.grids

  const send = async (geojson: Sheet, dryRun: boolean) => {
    setBusy(true)
    // the shape is checked by the server; the page only passes on what the file holds
    const r = await callCloud('settings', 'importGrids', { geojson: geojson as never, dryRun })
    setBusy(false)
    return r
  }

  const choose = async () => {
    setProblem(null)
    setProblems([])
    setPreview(null)
    setDone(null)
    setSheet(null)
    const file = await pickGeoJson()
    if (!file) return
    let parsed: unknown
    try {
      parsed = JSON.parse(file.text)
    } catch {
      setProblem(`「${file.name}」不是有效的 GeoJSON 文件（无法读取为 JSON）`)
      return
    }
    const ok = typeof parsed === 'object' && parsed !== null && (parsed as { type?: unknown }).type === 'FeatureCollection' && Array.isArray((parsed as { features?: unknown }).features)
    if (!ok) {
      setProblem(`「${file.name}」不是 GeoJSON 要素集合（FeatureCollection）`)
      return
    }
    const geojson = parsed as Sheet
    const r = await send(geojson, true)
    if (!r.ok) {
      setProblem(r.code === 'SETTINGS.GRIDS_INVALID' ? '网格数据有误，未导入任何网格。请改正以下问题后重新选择文件：' : r.message)
      setProblems(r.issues?.map((i) => i.message) ?? [])
      return
    }
    setSheet({ name: file.name, geojson })
    setPreview(r.data)
  }

  const confirm = async () => {
    if (!sheet) return
    const r = await send(sheet.geojson, false)
    if (!r.ok) {
      setProblem(r.message)
      setProblems(r.issues?.map((i) => i.message) ?? [])
      return
    }
    setPreview(null)
    setSheet(null)
    setDone(`已导入：新增 ${r.data.added.length} 个、更新 ${r.data.replaced.length} 个网格，已记入修改记录`)
    load.reload()
  }

  return (
    <View className='wm-oc wm-oc-cols' id='wm-oc-grids'>
      <View className='wm-card'>
        <Text className='wm-oc-item__title'>导入网格</Text>
        <Text className='wm-oc-intro'>
          选择 GeoJSON 文件（FeatureCollection，每个网格一个 Polygon，属性含 name 名称和 district 街道）。先检查再导入：有一个网格不合格则全部不导入；同名网格会被更新。
        </Text>
        <View className='wm-oc-buttons'>
          <Action text='选择 GeoJSON 文件' id='wm-oc-grids-choose' busy={busy && !sheet} onClick={() => void choose()} />
        </View>
        <Problem text={problem} id='wm-oc-grids-problem' />
        {problems.length ? (
          <View id='wm-oc-grids-problems'>
            {problems.map((p) => (
              <Text key={p} className='wm-oc-change'>
                · {p}
              </Text>
            ))}
          </View>
        ) : null}
        {preview && sheet ? (
          <View id='wm-oc-grids-preview' className='wm-oc-step'>
            <Text className='wm-oc-label'>「{sheet.name}」检查通过，尚未导入</Text>
            <Text className='wm-oc-change' id='wm-oc-grids-added'>新增 {preview.added.length} 个{preview.added.length ? `：${preview.added.join('、')}` : ''}</Text>
            <Text className='wm-oc-change' id='wm-oc-grids-replaced'>更新 {preview.replaced.length} 个{preview.replaced.length ? `：${preview.replaced.join('、')}` : ''}</Text>
            <View className='wm-oc-buttons'>
              <Action text='确认导入' id='wm-oc-grids-confirm' busy={busy} onClick={() => void confirm()} />
              <Action kind='plain' text='取消' disabled={busy} onClick={() => { setPreview(null); setSheet(null) }} />
            </View>
          </View>
        ) : null}
        <Done text={done} id='wm-oc-grids-done' />
      </View>
      <GridsMap version={grids.map((g) => `${g.gridId}:${g.vertexCount}`).join(',')} />
      <View className='wm-card'>
        <Text className='wm-oc-item__title'>共 {grids.length} 个网格</Text>
        {grids.length === 0 ? <EmptyState glyph='格' title='还没有导入网格' description='导入 GeoJSON 后，随手拍按位置落到网格。' /> : null}
        {grids.slice(0, shown).map((g, i) => (
          <View key={g.gridId} className='wm-oc-step wm-oc-item' id={`wm-oc-grid-${i}`}>
            <Text>{g.name}</Text>
            <Text className='wm-text-tertiary'>
              {g.district} · {g.vertexCount} 个顶点
            </Text>
          </View>
        ))}
        {grids.length > shown ? (
          <View className='wm-oc-more' role='button' id='wm-oc-grids-more' onClick={() => setShown((n) => n + PAGE)}>
            <Text>加载更多（还有 {grids.length - shown} 个）</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}
