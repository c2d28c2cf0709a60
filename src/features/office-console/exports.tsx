import { useEffect, useRef, useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { callCloud } from '@/lib/call-cloud'
import { readStored, writeStored } from '@/lib/storage'
import { newRequestId } from '@/features/report/lib/request-id'
import { REPORT_STATUSES, STATUS_LABEL, type ReportStatus } from '@/shared/report/state-machine'
import type { ExportFormat, ExportJobView, ExportKind, ReportsFilter } from '@/shared/contract'
import { Action, Chips, Done, Problem, Refusal, timeText } from './common'
import { EXPORT_FORMAT_WORD, EXPORT_KIND_WORD } from './words'

const STORE_KEY = 'officeExportJob'
const isStoredJob = (v: unknown): v is { jobId: string } => typeof v === 'object' && v !== null && typeof (v as { jobId?: unknown }).jobId === 'string'

const KINDS: Array<{ value: ExportKind; label: string }> = (['ledger', 'reports', 'volunteer', 'quiz'] as const).map((k) => ({ value: k, label: EXPORT_KIND_WORD[k] }))
const FORMATS: Array<{ value: ExportFormat; label: string }> = (['xlsx', 'csv'] as const).map((f) => ({ value: f, label: EXPORT_FORMAT_WORD[f] }))
type StatusChoice = 'all' | ReportStatus
const STATUSES: Array<{ value: StatusChoice; label: string }> = [{ value: 'all', label: '全部状态' }, ...REPORT_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))]

/** 2026-11-01 in Beijing → its first millisecond, UTC */
const dayStart = (d: string) => Date.parse(`${d}T00:00:00+08:00`)

interface Progress {
  job: ExportJobView
  rows: number
  progress: number
  url: string | null
  name: string | null
}

function openExport(url: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank')
    return
  }
  void Taro.downloadFile({ url })
    .then((r) => Taro.openDocument({ filePath: r.tempFilePath, showMenu: true }))
    .catch(() => Taro.showToast({ icon: 'none', title: '文件打开失败，请稍后再试' }))
}

/** 数据导出: what and which format; the job runs step by step with a progress bar, and survives a reopened page. */
export function ExportsView() {
  const [kind, setKind] = useState<ExportKind>('reports')
  const [format, setFormat] = useState<ExportFormat>('xlsx')
  const [status, setStatus] = useState<StatusChoice>('all')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [run, setRun] = useState<Progress | null>(null)
  const [running, setRunning] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [forbidden, setForbidden] = useState(false)
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
    },
    [],
  )

  const loop = async (job: ExportJobView) => {
    setRunning(true)
    setProblem(null)
    let current: Progress = { job, rows: job.rows, progress: job.progress, url: null, name: job.name }
    setRun(current)
    for (;;) {
      const r = await callCloud('exports', 'step', { jobId: job.jobId })
      if (!alive.current) return
      if (!r.ok) {
        setRunning(false)
        if (r.code === 'AUTH.FORBIDDEN') setForbidden(true)
        else if (r.code === 'EXPORTS.NOT_FOUND') {
          writeStored(STORE_KEY, null)
          setRun(null)
          setProblem('这次导出已失效，请重新开始')
        } else setProblem(`导出暂停：${r.message}。点「继续导出」从中断处接着导出。`)
        return
      }
      current = { ...current, rows: r.data.rows, progress: r.data.progress, url: r.data.url, name: r.data.name }
      setRun(current)
      if (r.data.done) break
    }
    setRunning(false)
  }

  // a reopened page picks up the export it left
  useEffect(() => {
    const stored = readStored(STORE_KEY, isStoredJob)
    if (!stored) return
    void callCloud('exports', 'job', { jobId: stored.jobId }).then((r) => {
      if (!alive.current) return
      if (!r.ok) {
        if (r.code === 'AUTH.FORBIDDEN') setForbidden(true)
        else writeStored(STORE_KEY, null)
        return
      }
      void loop(r.data)
    })
  }, [])

  const start = async () => {
    setProblem(null)
    let filter: ReportsFilter | undefined
    if (kind === 'reports') {
      filter = {}
      if (status !== 'all') filter.status = status
      if (from) filter.from = dayStart(from)
      if (to) filter.to = dayStart(to) + 86_400_000
      if (filter.from !== undefined && filter.to !== undefined && filter.to <= filter.from) {
        setProblem('结束日期须不早于开始日期')
        return
      }
    }
    setRunning(true)
    // a new requestId per export: a retried tap of the same start returns the same job
    const r = await callCloud('exports', 'start', { kind, format, requestId: newRequestId(), ...(filter ? { filter } : {}) })
    if (!alive.current) return
    if (!r.ok) {
      setRunning(false)
      if (r.code === 'AUTH.FORBIDDEN') setForbidden(true)
      else setProblem(r.message)
      return
    }
    writeStored(STORE_KEY, { jobId: r.data.jobId })
    void loop(r.data)
  }

  const again = () => {
    writeStored(STORE_KEY, null)
    setRun(null)
    setProblem(null)
  }

  if (forbidden) return <Refusal what='数据导出' />
  const done = !!run?.url
  const pct = Math.round((run?.progress ?? 0) * 100)
  // the running export comes first: on a phone it is what the office waits for
  const progressCard = (
      <View className='wm-card' id='wm-oc-export-progress' data-done={done ? 'true' : 'false'} data-progress={pct}>
        <Text className='wm-oc-item__title'>导出进度</Text>
        {run ? (
          <View>
            <Text className='wm-oc-change'>
              {EXPORT_KIND_WORD[run.job.kind]}（{EXPORT_FORMAT_WORD[run.job.format]}） · {timeText(run.job.createdAt)} 开始
            </Text>
            <View className='wm-oc-bar' role='progressbar' aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
              <View className='wm-oc-bar__fill' style={{ width: `${pct}%` }} />
            </View>
            <Text id='wm-oc-export-rows'>
              {pct}% · 已导出 {run.rows} 行{run.job.expected && !done ? `，共约 ${run.job.expected} 行` : ''}
            </Text>
            {done && run.url ? (
              <View>
                <Done text={`导出完成：${run.name ?? ''}`} id='wm-oc-export-done' />
                <View className='wm-oc-buttons'>
                  <View role='link' className='wm-oc-action wm-oc-action--primary' id='wm-oc-export-download' data-url={run.url} onClick={() => openExport(run.url as string)}>
                    <Text>{process.env.TARO_ENV === 'h5' ? '下载文件' : '打开文件'}</Text>
                  </View>
                  <Action kind='plain' text='再导出一份' id='wm-oc-export-again' onClick={again} />
                </View>
              </View>
            ) : null}
            {!done && !running ? (
              <View className='wm-oc-buttons'>
                <Action text='继续导出' id='wm-oc-export-resume' onClick={() => void loop(run.job)} />
                <Action kind='plain' text='放弃这次导出' onClick={again} />
              </View>
            ) : null}
          </View>
        ) : null}
      </View>
  )
  return (
    <View className='wm-oc wm-oc-cols' id='wm-oc-exports'>
      {run ? progressCard : null}
      <View className='wm-card'>
        <Text className='wm-oc-item__title'>导出什么</Text>
        <Chips value={kind} options={KINDS} onChange={setKind} idPrefix='wm-oc-export-kind' />
        {kind === 'reports' ? (
          <View id='wm-oc-export-filter'>
            <Text className='wm-oc-label'>状态</Text>
            <Chips value={status} options={STATUSES} onChange={setStatus} idPrefix='wm-oc-export-status' />
            <Text className='wm-oc-label'>提交日期（不选则不限）</Text>
            <View className='wm-oc-nav'>
              <Picker mode='date' value={from} onChange={(e) => setFrom(e.detail.value)}>
                <View className='wm-oc-chip' id='wm-oc-export-from'>
                  <Text>{from ? `从 ${from}` : '开始日期'}</Text>
                </View>
              </Picker>
              <Picker mode='date' value={to} onChange={(e) => setTo(e.detail.value)}>
                <View className='wm-oc-chip' id='wm-oc-export-to'>
                  <Text>{to ? `到 ${to}` : '结束日期'}</Text>
                </View>
              </Picker>
              {from || to ? <Action kind='plain' text='清除日期' onClick={() => { setFrom(''); setTo('') }} /> : null}
            </View>
          </View>
        ) : null}
        <Text className='wm-oc-label'>格式</Text>
        <Chips value={format} options={FORMATS} onChange={setFormat} idPrefix='wm-oc-export-format' />
        <Problem text={problem} id='wm-oc-export-problem' />
        <View className='wm-oc-buttons'>
          <Action text='开始导出' id='wm-oc-export-start' busy={running} disabled={!!run && !done} onClick={() => void start()} />
        </View>
        <Text className='wm-text-tertiary'>导出中离开页面也没关系，再打开本页时会从中断处接着导出。</Text>
      </View>
    </View>
  )
}
