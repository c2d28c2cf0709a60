import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { callCloud } from '@/lib/call-cloud'
import type { NoteVisibility } from '@/shared/contract'
import { ReportPending, ReportSummary, StepRefusal, useReport } from './report-detail'
import { StaffNote } from './staff-note'
import { Timeline } from './timeline'
import './report.scss'

export const ADD_NOTE_LABEL = '添加备注'

/**
 * 添加备注: a staff note on the timeline without moving the report. It starts as 内部备注: what a
 * worker jots down for colleagues is the common case, and a note meant for the reporter is a
 * deliberate choice rather than an accident.
 */
export function NoteForm({ id }: { id: string | undefined }) {
  const { view, error, load } = useReport(id)
  const [note, setNote] = useState('')
  const [visibility, setVisibility] = useState<NoteVisibility>('internal')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (error || !view) return <ReportPending error={error} onRetry={() => void load()} />
  if (!view.canAddNote) {
    return (
      <StepRefusal id='wm-note-refused' glyph='注' title={`不能${ADD_NOTE_LABEL}`} description='备注由办理这条随手拍的网格员、责任单位或文明办填写。' reportId={view.id} />
    )
  }

  const submit = async () => {
    setProblem(null)
    const trimmed = note.trim()
    if (trimmed.length < 2) return setProblem('请填写备注内容')
    setBusy(true)
    const result = await callCloud('report', 'addNote', { reportId: view.id, note: trimmed, noteVisibility: visibility })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    void Taro.showToast({ title: visibility === 'internal' ? '已添加内部备注' : '已添加说明', icon: 'success' })
    void Taro.navigateBack().catch(() => undefined)
  }

  return (
    <View id='wm-report-act' data-action='note'>
      <ReportSummary view={view} />
      <View className='wm-card'>
        <Text className='wm-rp-label'>{ADD_NOTE_LABEL}</Text>
        <Text className='wm-text-secondary'>记录跟进情况，不改变办理状态。内部备注只有工作人员和文明办能看到；对市民可见的说明会出现在上报人的办理进度里。</Text>
        <StaffNote
          categoryId={view.categoryId}
          step='note'
          label='备注内容（必填）'
          placeholder={visibility === 'internal' ? '如：已电话联系当事人，约定周三前整改' : '如：责任单位已约定明天上午到现场'}
          value={note}
          onChange={setNote}
          visibility={visibility}
          onVisibility={setVisibility}
        />
        {problem ? <Text className='wm-rp-error'>{problem}</Text> : null}
        <Button id='wm-act-submit' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()} style={{ marginTop: '20px' }}>
          {visibility === 'internal' ? '保存内部备注' : '发布说明'}
        </Button>
      </View>
      <View className='wm-card'>
        <Text className='wm-rp-label'>办理进度</Text>
        <Timeline entries={view.timeline} />
      </View>
    </View>
  )
}
