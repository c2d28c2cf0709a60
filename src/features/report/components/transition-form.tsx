import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TextArea } from '@/components/text-area'
import type { NearbyReport, NoteVisibility, PhraseStep, ReportPrepareView, ReportView } from '@/shared/contract'
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
import { ErrorState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { prepareReport, useCityMap } from '../api/report'
import { formatTime } from '../lib/format'
import { PhotoGrid } from './photo-grid'
import { PhotoPicker, stillUploading, uploadedIds, type PhotoSlot } from './photo-picker'
import { ReportPending, ReportSummary, useReport } from './report-detail'
import { StaffNote } from './staff-note'
import { Timeline } from './timeline'
import './report.scss'

const INTRO: Partial<Record<TransitionAction, string>> = {
  dispatch: '受理并派发给责任单位。默认按类别和网格派发，也可以改派。',
  reject: '不予受理须选择理由，上报人会看到理由。',
  approve: '采纳后，这条文明点赞将在广场公开展示（不显示上报人）。',
  start: '签收后开始计算办结时限。',
  sendBack: '不属于本单位或无法处置时退回网格，并说明理由。',
  resolve: '办结须上传至少一张整改后照片，并填写处置说明。',
  requestReopen: '请写明问题为什么没有解决，可以附一张现场照片。网格员核实后决定是否重新办理，结果会通知您。',
  reopen: '同意后问题回到网格重新派发，上报人的原因记入办理进度。',
  keepClosed: '维持办结须写明理由，上报人会在办理进度里看到。',
}

/** What the note box is for in each step: required where the step needs words, optional elsewhere. */
const NOTE_LABEL: Partial<Record<TransitionAction, string>> = {
  resolve: '处置说明（必填）',
  requestReopen: '问题为什么没有解决（必填）',
  keepClosed: '维持办结的理由（必填）',
}
const NOTE_PLACEHOLDER: Partial<Record<TransitionAction, string>> = {
  resolve: '如：已清除小广告并约谈张贴人',
  requestReopen: '如：小广告第二天又贴满了',
  keepClosed: '如：现场核实已清理干净，照片见办结记录',
}

/** Staff steps with the office's 常用语 (the reporter's 申请重办 has none). */
const PHRASED: readonly TransitionAction[] = ['dispatch', 'reject', 'approve', 'start', 'sendBack', 'resolve', 'reopen', 'keepClosed']
/** Steps whose note may be 内部备注; 办结 and 维持办结 are explanations owed to the reporter. */
const MAY_BE_INTERNAL: readonly TransitionAction[] = ['dispatch', 'reject', 'approve', 'start', 'sendBack', 'reopen']

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
  const [visibility, setVisibility] = useState<NoteVisibility>('public')
  const [photos, setPhotos] = useState<PhotoSlot[]>([])
  const [prepared, setPrepared] = useState<ReportPrepareView | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (view?.suggestedUnit && unitId === null) setUnitId(view.suggestedUnit.id)
  }, [view, unitId])
  useEffect(() => {
    if (action === 'resolve' || action === 'requestReopen') void prepareReport().then((r) => r.ok && setPrepared(r.data))
  }, [action])
  useEffect(() => {
    if (action !== 'reject' || !view) return
    void callCloud('report', 'nearby', { categoryId: view.categoryId, location: { lat: view.location.lat, lng: view.location.lng } }).then(
      (r) => r.ok && setCandidates(r.data.filter((c) => c.id !== view.id)),
    )
  }, [action, view])

  if (error || !view || !action) return <ReportPending error={error} onRetry={() => void load()} />
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
    const internalAllowed = MAY_BE_INTERNAL.includes(action)
    const base = { reportId: view.id, ...(trimmed ? { note: trimmed, ...(internalAllowed ? { noteVisibility: visibility } : {}) } : {}) }
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
        result = await callCloud('report', 'sendBack', { reportId: view.id, reason: sendBackReason, note: trimmed, noteVisibility: visibility })
        break
      case 'resolve':
        if (photos.length === 0) return setProblem('请上传至少一张整改后照片')
        if (stillUploading(photos)) return setProblem('照片还在上传，请稍等')
        if (trimmed.length < 2) return setProblem('请填写处置说明')
        result = await callCloud('report', 'resolve', { reportId: view.id, afterPhotos: uploadedIds(photos), note: trimmed })
        break
      case 'requestReopen':
        if (trimmed.length < 2) return setProblem('请写明问题为什么没有解决')
        if (stillUploading(photos)) return setProblem('照片还在上传，请稍等')
        result = await callCloud('report', 'requestReopen', {
          reportId: view.id,
          reason: trimmed,
          ...(photos.length > 0 ? { photos: uploadedIds(photos) } : {}),
        })
        break
      case 'reopen':
        result = await callCloud('report', 'reopen', base)
        break
      case 'keepClosed':
        if (trimmed.length < 2) return setProblem('请写明维持办结的理由')
        result = await callCloud('report', 'keepClosed', { reportId: view.id, note: trimmed })
        break
      default:
        return setProblem('这个操作不在这里进行')
    }
    if (!result.ok) return setProblem(result.message)
    void Taro.showToast({ title: action === 'requestReopen' ? '已申请重办' : `已${ACTION_LABEL[action]}`, icon: 'success' })
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

        {(action === 'reopen' || action === 'keepClosed') && view.reopenRequest ? (
          <View id='wm-act-reopen-request'>
            <Text className='wm-rp-group'>
              上报人的申请{view.reopenRequest.score !== null ? `（评价 ${view.reopenRequest.score} 星）` : ''} · {formatTime(view.reopenRequest.at)}
            </Text>
            <Text className='wm-text-secondary'>{view.reopenRequest.reason}</Text>
            {view.reopenRequest.photos.length > 0 ? <PhotoGrid photos={view.reopenRequest.photos} /> : null}
          </View>
        ) : null}

        {action === 'requestReopen' ? (
          <>
            <Text className='wm-rp-group'>现场照片（选填，一张）</Text>
            <PhotoPicker slots={photos} onChange={setPhotos} uploadDir={prepared?.uploadDir ?? null} max={1} label='添加照片' />
          </>
        ) : null}

        {action === 'resolve' ? (
          <>
            <Text className='wm-rp-group'>整改后照片</Text>
            <PhotoPicker slots={photos} onChange={setPhotos} uploadDir={prepared?.uploadDir ?? null} max={REPORT_LIMITS.maxAfterPhotos} cameraOnly label='整改后照片' />
          </>
        ) : null}

        {PHRASED.includes(action) ? (
          <StaffNote
            categoryId={view.categoryId}
            step={action as PhraseStep}
            label={NOTE_LABEL[action] ?? '说明（选填）'}
            placeholder={NOTE_PLACEHOLDER[action] ?? (visibility === 'internal' ? '只有工作人员和文明办能看到' : '补充说明，上报人可以看到')}
            value={note}
            onChange={setNote}
            {...(MAY_BE_INTERNAL.includes(action) ? { visibility, onVisibility: setVisibility } : {})}
          />
        ) : (
          <>
            <Text className='wm-rp-group'>{NOTE_LABEL[action] ?? '说明（选填）'}</Text>
            <TextArea
              className='wm-rp-textarea'
              id='wm-act-note'
              value={note}
              maxlength={REPORT_LIMITS.noteMax}
              placeholder={NOTE_PLACEHOLDER[action] ?? '补充说明，上报人可以看到'}
              onInput={(value) => setNote(value)}
            />
          </>
        )}
        {problem ? <Text className='wm-rp-error'>{problem}</Text> : null}
        <Button id='wm-act-submit' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()} style={{ marginTop: '20px' }}>
          {action === 'requestReopen' ? '提交重办申请' : `确认${ACTION_LABEL[action]}`}
        </Button>
      </View>
      <View className='wm-card'>
        <Text className='wm-rp-label'>办理进度</Text>
        <Timeline entries={view.timeline} />
      </View>
    </View>
  )
}
