import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TextArea } from '@/components/text-area'
import type { NearbyReport, ReportPrepareView, ReportView } from '@/shared/contract'
import type { Result } from '@/shared/errors'
import {
  ACTION_LABEL,
  REJECT_REASONS,
  REPORT_LIMITS,
  SEND_BACK_REASONS,
  TRANSITION_ACTIONS,
  type RejectReason,
  type SendBackReason,
  type TransitionAction,
} from '@/shared/report'
import { ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { prepareReport, useCityMap } from '../api/report'
import { formatTime } from '../lib/format'
import { PhotoPicker, stillUploading, uploadedIds, type PhotoSlot } from './photo-picker'
import { ReportSummary, useReport } from './report-detail'
import { Timeline } from './timeline'
import './report.scss'

const INTRO: Partial<Record<TransitionAction, string>> = {
  dispatch: '受理并派发给责任单位。默认按类别和网格派发，也可以改派。',
  reject: '不予受理须选择理由，上报人会看到理由。',
  approve: '采纳后，这条文明点赞将在广场公开展示（不显示上报人）。',
  start: '签收后开始计算办结时限。',
  sendBack: '不属于本单位或无法处置时退回网格，并说明理由。',
  resolve: '办结须上传至少一张整改后照片，并填写处置说明。',
}

function Chips<T extends string>({ options, value, onChange }: { options: Record<T, string>; value: T | null; onChange: (v: T) => void }) {
  return (
    <View className='wm-rp-buttons' role='radiogroup'>
      {(Object.keys(options) as T[]).map((key) => (
        <View
          key={key}
          id={`wm-choice-${key}`}
          role='radio'
          aria-checked={key === value}
          className={`wm-rp-chip${key === value ? ' wm-rp-chip--current' : ''}`}
          onClick={() => onChange(key)}
        >
          <Text>
            {key === value ? '✓ ' : ''}
            {options[key]}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** One step of the workflow on one screen: the report's photos, map and timeline, then the step's form. */
export function TransitionForm({ id, action: rawAction }: { id: string | undefined; action: string | undefined }) {
  const action = (TRANSITION_ACTIONS as readonly string[]).includes(rawAction ?? '') ? (rawAction as TransitionAction) : null
  const { view, error, load } = useReport(id)
  const map = useCityMap()
  const [unitId, setUnitId] = useState<string | null>(null)
  const [rejectReason, setRejectReason] = useState<RejectReason | null>(null)
  const [sendBackReason, setSendBackReason] = useState<SendBackReason | null>(null)
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null)
  const [candidates, setCandidates] = useState<NearbyReport[]>([])
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<PhotoSlot[]>([])
  const [prepared, setPrepared] = useState<ReportPrepareView | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (view?.suggestedUnit && unitId === null) setUnitId(view.suggestedUnit.id)
  }, [view, unitId])
  useEffect(() => {
    if (action === 'resolve') void prepareReport().then((r) => r.ok && setPrepared(r.data))
  }, [action])
  useEffect(() => {
    if (action !== 'reject' || !view) return
    void callCloud('report', 'nearby', { categoryId: view.categoryId, location: { lat: view.location.lat, lng: view.location.lng } }).then(
      (r) => r.ok && setCandidates(r.data.filter((c) => c.id !== view.id)),
    )
  }, [action, view])

  if (error) {
    return (
      <View className='wm-card'>
        <ErrorState what='随手拍' message={error.message} onRetry={() => void load()} />
      </View>
    )
  }
  if (!view || !action) {
    return (
      <View className='wm-card'>
        <Skeleton rows={4} />
      </View>
    )
  }
  if (!view.allowedActions.includes(action)) {
    return (
      <View className='wm-card'>
        <ErrorState what='操作' message={`这条随手拍现在是「${view.statusLabel}」，不能${ACTION_LABEL[action]}。`} onRetry={() => void load()} />
      </View>
    )
  }

  const run = async () => {
    const trimmed = note.trim()
    let result: Result<ReportView>
    const base = { reportId: view.id, ...(trimmed ? { note: trimmed } : {}) }
    switch (action) {
      case 'dispatch':
        result = await callCloud('report', 'dispatch', { ...base, ...(unitId ? { unitId } : {}) })
        break
      case 'reject':
        if (!rejectReason) return setProblem('请选择不予受理的理由')
        if (rejectReason === 'duplicate' && !duplicateOf) return setProblem('请选择与之重复的原问题')
        result = await callCloud('report', 'reject', { ...base, reason: rejectReason, ...(rejectReason === 'duplicate' && duplicateOf ? { duplicateOf } : {}) })
        break
      case 'approve':
        result = await callCloud('report', 'approve', base)
        break
      case 'start':
        result = await callCloud('report', 'start', base)
        break
      case 'sendBack':
        if (!sendBackReason) return setProblem('请选择退回理由')
        result = await callCloud('report', 'sendBack', { reportId: view.id, reason: sendBackReason, note: trimmed })
        break
      case 'resolve':
        if (photos.length === 0) return setProblem('请上传至少一张整改后照片')
        if (stillUploading(photos)) return setProblem('照片还在上传，请稍等')
        if (trimmed.length < 2) return setProblem('请填写处置说明')
        result = await callCloud('report', 'resolve', { reportId: view.id, afterPhotos: uploadedIds(photos), note: trimmed })
        break
      default:
        return setProblem('这个操作不在这里进行')
    }
    if (!result.ok) return setProblem(result.message)
    void Taro.showToast({ title: `已${ACTION_LABEL[action]}`, icon: 'success' })
    void Taro.navigateBack().catch(() => undefined)
  }

  const submit = async () => {
    setProblem(null)
    setBusy(true)
    await run()
    setBusy(false)
  }

  return (
    <View id='wm-report-act' data-action={action}>
      <ReportSummary view={view} />
      <View className='wm-card'>
        <Text className='wm-rp-label'>{ACTION_LABEL[action]}</Text>
        {INTRO[action] ? <Text className='wm-text-secondary'>{INTRO[action]}</Text> : null}

        {action === 'dispatch' && map ? (
          <>
            <Text className='wm-rp-group'>派发给</Text>
            <Chips options={Object.fromEntries(map.units.map((u) => [u.id, u.id === view.suggestedUnit?.id ? `${u.name}（推荐）` : u.name]))} value={unitId} onChange={setUnitId} />
          </>
        ) : null}

        {action === 'reject' ? (
          <>
            <Text className='wm-rp-group'>理由</Text>
            <Chips options={REJECT_REASONS} value={rejectReason} onChange={setRejectReason} />
            {rejectReason === 'duplicate' ? (
              candidates.length > 0 ? (
                <Chips
                  options={Object.fromEntries(candidates.map((c) => [c.id, `${c.categoryName} · ${formatTime(c.createdAt)} · 约 ${c.distanceMeters} 米`]))}
                  value={duplicateOf}
                  onChange={setDuplicateOf}
                />
              ) : (
                <Text className='wm-rp-hint'>附近 50 米内没有找到可合并的同类问题，请选择其他理由。</Text>
              )
            ) : null}
          </>
        ) : null}

        {action === 'sendBack' ? (
          <>
            <Text className='wm-rp-group'>理由</Text>
            <Chips options={SEND_BACK_REASONS} value={sendBackReason} onChange={setSendBackReason} />
          </>
        ) : null}

        {action === 'resolve' ? (
          <>
            <Text className='wm-rp-group'>整改后照片</Text>
            <PhotoPicker slots={photos} onChange={setPhotos} uploadDir={prepared?.uploadDir ?? null} max={REPORT_LIMITS.maxAfterPhotos} cameraOnly label='整改后照片' />
          </>
        ) : null}

        <Text className='wm-rp-group'>{action === 'resolve' ? '处置说明（必填）' : '说明（选填）'}</Text>
        <TextArea
          className='wm-rp-textarea'
          id='wm-act-note'
          value={note}
          maxlength={REPORT_LIMITS.noteMax}
          placeholder={action === 'resolve' ? '如：已清除小广告并约谈张贴人' : '补充说明，上报人可以看到'}
          onInput={(value) => setNote(value)}
        />
        {problem ? <Text className='wm-rp-error'>{problem}</Text> : null}
        <Button id='wm-act-submit' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()} style={{ marginTop: '20px' }}>
          确认{ACTION_LABEL[action]}
        </Button>
      </View>
      <View className='wm-card'>
        <Text className='wm-rp-label'>办理进度</Text>
        <Timeline entries={view.timeline} />
      </View>
    </View>
  )
}
