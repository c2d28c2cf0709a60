import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Done, Figure, Problem } from '@/features/inspect/components/common'
import { callCloud } from '@/lib/call-cloud'
import { chooseAndUploadSheet } from '@/lib/sheet-file'
import { BUSINESS_TYPES } from '@/shared/frontage'
import type { Fail } from '@/shared/errors'
import type { FrontageParams } from '../labels'
import { useLoad } from '../api'
import { FrRefusal, frGate, goFrontage, isRefused } from './street'
import '@/features/inspect/field.scss'
import '../frontage.scss'

type ImportResult = { applied: boolean; added: number; updated: number; rows: number }

const SHEET_MAX_BYTES = 5 * 1024 * 1024
/** the columns the server reads (registry.ts SHOP_COLUMNS), in the order a clerk fills them */
const COLUMNS: Array<[string, boolean]> = [
  ['门店名称', true],
  ['类型', true],
  ['经营类别', true],
  ['地址', true],
  ['负责人', true],
  ['联系电话', true],
  ['起点经度', true],
  ['起点纬度', true],
  ['终点经度', true],
  ['终点纬度', true],
  ['责任书模板', false],
]


/**
 * 导入商户名单: the street's existing list from Excel. The sheet is uploaded, read once without
 * writing (what would be added and updated), and applied only on 确认导入; a sheet with errors
 * lists every bad row and nothing of it is imported.
 */
export function ImportShops(_props: { params: FrontageParams }) {
  // only the street office (and the office) imports: ask once, so a resident is told before choosing a file
  const who = useLoad(() => callCloud('frontage', 'streetHome', {}), [])
  const gate = frGate(who, { what: '导入商户名单', audience: 'street', rows: 4 })
  if (gate) return <>{gate}</>
  return <SheetImport />
}

function SheetImport() {
  const [file, setFile] = useState<{ name: string; fileId: string } | null>(null)
  const [busy, setBusy] = useState<'upload' | 'check' | 'apply' | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [issues, setIssues] = useState<Fail['issues']>(undefined)
  const [preview, setPreview] = useState<ImportResult | null>(null)
  const [applied, setApplied] = useState<ImportResult | null>(null)
  const [refused, setRefused] = useState(false)
  if (refused) return <FrRefusal what='导入商户名单' audience='street' />

  const run = async (fileId: string, dryRun: boolean): Promise<ImportResult | null> => {
    const r = await callCloud('frontage', 'importShops', { fileId, dryRun })
    if (r.ok) return r.data
    if (isRefused(r)) {
      setRefused(true)
      return null
    }
    // the rows are listed one by one below: the headline keeps only its first words
    setProblem(r.issues?.length ? (r.message.split('：')[0] ?? r.message) : r.message)
    setIssues(r.issues)
    return null
  }

  const choose = async () => {
    setProblem(null)
    setIssues(undefined)
    setPreview(null)
    setApplied(null)
    const sheet = await chooseAndUploadSheet(SHEET_MAX_BYTES, () => setBusy('upload'))
    if (!sheet) return
    if ('problem' in sheet) {
      setBusy(null)
      return setProblem(sheet.problem)
    }
    setFile(sheet)
    setBusy('check')
    const p = await run(sheet.fileId, true)
    setBusy(null)
    setPreview(p)
  }

  const confirm = async () => {
    if (!file) return
    setBusy('apply')
    setProblem(null)
    const p = await run(file.fileId, false)
    setBusy(null)
    if (!p) return
    setPreview(null)
    setApplied(p)
    void Taro.showToast({ icon: 'success', title: '已导入' })
  }

  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-import'>
      <View className='wm-fr-cols'>
        <View className='wm-fr-col'>
          <View className='wm-card'>
            <Text className='wm-in-title'>商户名单表</Text>
            <Text className='wm-text-secondary wm-fr-block'>一行一家门店，门前责任区是门面两端的经纬度（起点、终点）。名称和地址都与已登记门店相同的行就地更新（责任书与记录保留），其余新增；导入的门店直接在册，店主登录后签署责任书。</Text>
            <Text className='wm-in-subtitle wm-fr-block'>表格的列（第一行写列名，顺序不限）</Text>
            <Text className='wm-text-secondary wm-fr-block'>{COLUMNS.map(([c, required]) => (required ? `${c}（必填）` : c)).join('、')}</Text>
            <Text className='wm-text-tertiary wm-fr-block wm-in-gap'>类型填「商户」或「单位」；经营类别填 {BUSINESS_TYPES.map((b) => b.name).join('、')} 之一；责任书模板不填时用「门前三包责任书」。</Text>
            <View className='wm-in-buttons'>
              <Button type='primary' loading={busy === 'upload' || busy === 'check'} disabled={!!busy} id='wm-fr-import-choose' onClick={() => void choose()}>
                {file ? '重新选择表格' : '选择表格并检查'}
              </Button>
            </View>
            {busy === 'upload' ? <Text className='wm-text-tertiary wm-fr-block wm-in-gap'>正在上传…</Text> : null}
            {busy === 'check' ? <Text className='wm-text-tertiary wm-fr-block wm-in-gap'>正在检查表格，尚未导入…</Text> : null}
            {file ? <Text className='wm-text-secondary wm-fr-block wm-in-gap'>已选：{file.name}</Text> : null}
          </View>
        </View>
        <View className='wm-fr-col'>
          {problem ? (
            <View className='wm-card' id='wm-fr-import-issues'>
              <Problem text={problem} id='wm-fr-import-error' />
              {issues?.length ? (
                <View>
                  <Text className='wm-text-secondary wm-fr-block'>共 {issues.length} 处问题，改好后重新选择表格：</Text>
                  {issues.slice(0, 200).map((i, n) => (
                    <View key={`${i.path}-${n}`} className='wm-in-issue'>
                      <Text className='wm-in-issue__row'>{rowWords(i.path)}</Text>
                      <Text>{i.message}</Text>
                    </View>
                  ))}
                </View>
              ) : null}
            </View>
          ) : null}
          {preview ? (
            <View className='wm-card' id='wm-fr-import-preview'>
              <Text className='wm-in-title'>检查通过，尚未导入</Text>
              <Text className='wm-text-secondary wm-fr-block'>共读取 {preview.rows} 行。确认后：</Text>
              <View className='wm-in-diff' id='wm-fr-import-diff'>
                <Figure value={preview.added} label='新增门店' id='wm-fr-import-added' />
                <Figure value={preview.updated} label='更新门店' id='wm-fr-import-updated' />
              </View>
              {preview.added + preview.updated === 0 ? <Text className='wm-text-secondary wm-fr-block wm-in-gap'>与现有名单完全一致，无需导入。</Text> : null}
              <Button block type='primary' loading={busy === 'apply'} disabled={!!busy || preview.added + preview.updated === 0} id='wm-fr-import-confirm' onClick={() => void confirm()}>
                确认导入
              </Button>
            </View>
          ) : null}
          {applied ? (
            <View className='wm-card' id='wm-fr-import-applied'>
              <Done text={`已导入：新增 ${applied.added} 家，更新 ${applied.updated} 家`} id='wm-fr-import-done' />
              <View className='wm-in-buttons'>
                <Button type='primary' id='wm-fr-import-to-street' onClick={() => goFrontage('street')}>
                  查看门店名单
                </Button>
              </View>
            </View>
          ) : null}
        </View>
      </View>
    </View>
  )
}

/** an issue's path as a clerk reads it: 「第3行」 stays, 「rows.3.name」 → 「第 3 行 · name」 */
function rowWords(path: string): string {
  const row = /^第\s*(\d+)\s*行(.*)$/.exec(path)
  if (row) return `第 ${row[1]} 行${row[2] ?? ''}`
  const parts = path.split('.').filter(Boolean)
  const n = parts.find((p) => /^\d+$/.test(p))
  const rest = parts.filter((p) => p !== n && p !== 'rows')
  if (n) return [`第 ${n} 行`, ...rest].join(' · ')
  return path || '表格'
}
