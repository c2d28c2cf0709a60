import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { callCloud } from '@/lib/call-cloud'
import { chooseAndUploadSheet, openSheet } from '@/lib/sheet-file'
import { INSPECT_LIMITS, REQUIRED_SITE_COLUMNS, REQUIRED_STANDARD_COLUMNS, SITE_COLUMNS, STANDARD_COLUMNS } from '@/shared/inspect'
import type { SiteImportView, StandardImportView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import type { InspectParams } from '../labels'
import { useLoad } from '../api'
import { Chips, Done, Figure, Gate, Problem, Refusal, goInspect, isForbidden } from './common'

type Kind = 'standards' | 'sites'

/**
 * 导入表格: the 测评标准表 or the 点位信息表. The sheet is uploaded, read once without writing
 * (what would change), and applied only on 确认导入; a sheet with errors lists every row's issue
 * and nothing of it is imported.
 */
export function ImportView({ params: _params }: { params: InspectParams }) {
  const [kind, setKind] = useState<Kind>('standards')
  const [forbidden, setForbidden] = useState(false)
  // only the office imports: ask once who is here, so a 联络员 is told before choosing a file
  const home = useLoad(() => callCloud('inspect', 'home', {}), [])
  if (forbidden || isForbidden(home.error) || (home.data && !home.data.roles.office)) return <Refusal what='导入表格' staff={!!home.data} />
  const gate = Gate({ error: home.error, loading: home.loading, what: '导入表格', reload: home.reload })
  if (gate) return <>{gate}</>
  return (
    <View className='wm-in wm-in-wide' id='wm-inspect-import'>
      <Chips<Kind>
        idPrefix='wm-inspect-import-kind'
        value={kind}
        onChange={setKind}
        options={[
          { value: 'standards', label: '测评标准表' },
          { value: 'sites', label: '点位信息表' },
        ]}
      />
      <SheetImport key={kind} kind={kind} onForbidden={() => setForbidden(true)} />
    </View>
  )
}

type Preview = { kind: 'standards'; view: StandardImportView } | { kind: 'sites'; view: SiteImportView }

function SheetImport({ kind, onForbidden }: { kind: Kind; onForbidden: () => void }) {
  const [file, setFile] = useState<{ name: string; fileId: string } | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [issues, setIssues] = useState<Fail['issues']>(undefined)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [applied, setApplied] = useState<Preview | null>(null)
  const columns = kind === 'standards' ? STANDARD_COLUMNS : SITE_COLUMNS
  const required: readonly string[] = kind === 'standards' ? REQUIRED_STANDARD_COLUMNS : REQUIRED_SITE_COLUMNS
  const title = kind === 'standards' ? '测评标准表' : '点位信息表'

  const failed = (r: Fail) => {
    if (r.code === 'AUTH.FORBIDDEN') return onForbidden()
    // the rows are listed one by one below: the headline keeps only its first words
    setProblem(r.issues?.length ? r.message.split('：')[0] ?? r.message : r.message)
    setIssues(r.issues)
  }

  const run = async (fileId: string, dryRun: boolean): Promise<Preview | null> => {
    if (kind === 'standards') {
      const r = await callCloud('inspect', 'importStandards', { fileId, dryRun })
      if (r.ok) return { kind: 'standards', view: r.data }
      failed(r)
      return null
    }
    const r = await callCloud('inspect', 'importSites', { fileId, dryRun })
    if (r.ok) return { kind: 'sites', view: r.data }
    failed(r)
    return null
  }

  const download = async () => {
    setBusy('template')
    const r = await callCloud('inspect', 'sheetTemplate', { kind })
    setBusy(null)
    if (!r.ok) return failed(r)
    await openSheet(r.data.url, r.data.name)
  }

  const choose = async () => {
    setProblem(null)
    setIssues(undefined)
    setPreview(null)
    setApplied(null)
    const sheet = await chooseAndUploadSheet(INSPECT_LIMITS.sheetMaxBytes, () => setBusy('upload'))
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
    <View className='wm-in-cols'>
      <View className='wm-in-col'>
        <View className='wm-card'>
          <Text className='wm-in-title'>{title}</Text>
          <Text className='wm-text-secondary'>
            {kind === 'standards'
              ? '按编号导入：新编号新增，已有编号就地更新并列出改动；表中没有的编号停用（保留记录）。'
              : '点位名称、类型、地址、经纬度和责任单位必填；名称和地址都相同的点位就地更新，其余新增。'}
          </Text>
          <Text className='wm-in-subtitle'>表格的列（第一行写列名，顺序不限）</Text>
          <Text className='wm-text-secondary'>
            {Object.values(columns)
              .map((c) => (required.includes(keyOfColumn(columns, c)) ? `${c}（必填）` : c))
              .join('、')}
          </Text>
          {kind === 'standards' ? <Text className='wm-text-tertiary wm-in-gap'>测评方法写「材料审核、实地考察、问卷调查、网络媒体调查」中的一个或几个，用顿号分开。</Text> : null}
          <View className='wm-in-buttons'>
            <Button type='primary' fill='outline' loading={busy === 'template'} disabled={!!busy} id={`wm-inspect-import-template-${kind}`} onClick={() => void download()}>
              下载示范表格
            </Button>
            <Button type='primary' loading={busy === 'upload' || busy === 'check'} disabled={!!busy} id={`wm-inspect-import-choose-${kind}`} onClick={() => void choose()}>
              {file ? '重新选择表格' : '选择表格并检查'}
            </Button>
          </View>
          {busy === 'upload' ? <Text className='wm-text-tertiary wm-in-gap'>正在上传…</Text> : null}
          {busy === 'check' ? <Text className='wm-text-tertiary wm-in-gap'>正在检查表格，尚未导入…</Text> : null}
          {file ? <Text className='wm-text-secondary wm-in-gap'>已选：{file.name}</Text> : null}
        </View>
      </View>
      <View className='wm-in-col'>
        {problem ? (
          <View className='wm-card' id='wm-inspect-import-issues'>
            <Problem text={problem} id='wm-inspect-import-error' />
            {issues?.length ? (
              <View>
                <Text className='wm-text-secondary'>共 {issues.length} 处问题，改好后重新选择表格：</Text>
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
        {preview ? <PreviewCard p={preview} busy={busy === 'apply'} onConfirm={() => void confirm()} /> : null}
        {applied ? <AppliedCard p={applied} /> : null}
      </View>
    </View>
  )
}

function keyOfColumn(columns: Record<string, string>, header: string): string {
  return Object.keys(columns).find((k) => columns[k] === header) ?? ''
}

/** an issue's path as a clerk reads it: 「第 3 行 · 编号」 */
function rowWords(path: string): string {
  const parts = path.split('.').filter(Boolean)
  const row = parts.find((p) => /^\d+$/.test(p))
  const rest = parts.filter((p) => p !== row && p !== 'rows')
  if (row) return [`第 ${row} 行`, ...rest].join(' · ')
  return path || '表格'
}

function PreviewCard({ p, busy, onConfirm }: { p: Preview; busy: boolean; onConfirm: () => void }) {
  const nothing = p.kind === 'standards' ? p.view.added.length + p.view.changed.length + p.view.withdrawn.length === 0 : p.view.added + p.view.updated === 0
  return (
    <View className='wm-card' id='wm-inspect-import-preview'>
      <Text className='wm-in-title'>检查通过，尚未导入</Text>
      <Text className='wm-text-secondary'>共读取 {p.view.rows} 行。确认后按下面的变化导入：</Text>
      <Diff p={p} />
      {nothing ? (
        <Text className='wm-text-secondary wm-in-gap' id='wm-inspect-import-same'>
          与现有内容完全一致，无需导入。
        </Text>
      ) : (
        <View className='wm-in-buttons'>
          <Button block type='primary' loading={busy} disabled={busy} id='wm-inspect-import-confirm' onClick={onConfirm}>
            确认导入
          </Button>
        </View>
      )}
    </View>
  )
}

function AppliedCard({ p }: { p: Preview }) {
  return (
    <View className='wm-card' id='wm-inspect-import-applied'>
      <Done text='已导入' id='wm-inspect-import-done' />
      <Diff p={p} />
      <View className='wm-in-buttons'>
        {p.kind === 'standards' ? (
          <Button type='primary' id='wm-inspect-import-to-standards' onClick={() => goInspect('standards', {})}>
            去分解任务
          </Button>
        ) : (
          <Button type='primary' id='wm-inspect-import-to-sites' onClick={() => goInspect('sites')}>
            查看点位
          </Button>
        )}
      </View>
    </View>
  )
}

function Diff({ p }: { p: Preview }) {
  if (p.kind === 'sites') {
    return (
      <View className='wm-in-diff' id='wm-inspect-import-diff'>
        <Figure value={p.view.added} label='新增点位' />
        <Figure value={p.view.updated} label='更新点位' />
      </View>
    )
  }
  const v = p.view
  return (
    <View>
      <View className='wm-in-diff' id='wm-inspect-import-diff'>
        <Figure value={v.added.length} label='新增' id='wm-inspect-import-added' />
        <Figure value={v.changed.length} label='修改' id='wm-inspect-import-changed' />
        <Figure value={v.unchanged} label='未变' id='wm-inspect-import-unchanged' />
        <Figure value={v.withdrawn.length} label='停用' id='wm-inspect-import-withdrawn' />
      </View>
      {v.added.length ? <Text className='wm-text-secondary wm-in-gap'>新增编号：{listed(v.added)}</Text> : null}
      {v.changed.length ? (
        <View className='wm-in-gap'>
          <Text className='wm-in-subtitle'>修改的标准</Text>
          {v.changed.slice(0, 100).map((c) => (
            <View key={c.number} className='wm-in-issue'>
              <Text>
                <Text className='wm-in-number'>{c.number}</Text>
                改了：{c.fields.join('、')}
              </Text>
            </View>
          ))}
          {v.changed.length > 100 ? <Text className='wm-text-tertiary'>另有 {v.changed.length - 100} 条</Text> : null}
        </View>
      ) : null}
      {v.withdrawn.length ? <Text className='wm-text-secondary wm-in-gap'>停用编号（表中已没有，记录保留）：{listed(v.withdrawn)}</Text> : null}
    </View>
  )
}

const listed = (numbers: string[]) => (numbers.length > 30 ? `${numbers.slice(0, 30).join('、')} 等 ${numbers.length} 条` : numbers.join('、'))
