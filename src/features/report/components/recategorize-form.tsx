import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TextArea } from '@/components/text-area'
import { callCloud } from '@/lib/call-cloud'
import type { ReportView } from '@/shared/contract'
import { ACTION_LABEL, CATEGORY_IDS, OPEN_STATUSES, REPORT_LIMITS, type CategoryId } from '@/shared/report'
import { CategoryPicker } from './category-picker'
import { ReportPending, ReportSummary, StepRefusal, useReport } from './report-detail'
import { Timeline } from './timeline'
import './report.scss'

export const RECATEGORIZE_LABEL = '更改类别'

const isCategoryId = (value: string): value is CategoryId => (CATEGORY_IDS as readonly string[]).includes(value)

/**
 * Why this viewer cannot change the category now, in words that say who can: a link to this
 * screen reaches people it is not for (a unit's handler, the reporter), and a retry would not help them.
 */
function refusalOf(view: ReportView): string {
  if (!OPEN_STATUSES.includes(view.status)) return `这条随手拍已是「${view.statusLabel}」，不能再${RECATEGORIZE_LABEL}。`
  if (view.viewerRole === 'grid') return `这条随手拍已派发给责任单位，网格员只能在待受理或退回时${RECATEGORIZE_LABEL}；如需更改请联系文明办。`
  if (view.viewerRole === 'handler' && view.allowedActions.includes('sendBack')) {
    return `${RECATEGORIZE_LABEL}由本网格的网格员或文明办办理。如类别有误、不属于本单位职责，请在详情页「${ACTION_LABEL.sendBack}」并写明原因。`
  }
  return `${RECATEGORIZE_LABEL}由本网格的网格员或文明办办理。`
}

/**
 * 更改类别 on the step screen: the same picker residents use, held to the report's kind (the
 * server refuses a praise↔report swap; offering it would only invite the refusal), and a reason.
 */
export function RecategorizeForm({ id }: { id: string | undefined }) {
  const { view, error, load } = useReport(id)
  const [categoryId, setCategoryId] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (error || !view) return <ReportPending error={error} onRetry={() => void load()} />
  if (!view.canRecategorize) {
    return <StepRefusal id='wm-recategorize-refused' glyph='类' title={`不能${RECATEGORIZE_LABEL}`} description={refusalOf(view)} reportId={view.id} />
  }

  const submit = async () => {
    setProblem(null)
    const trimmed = reason.trim()
    if (!categoryId || !isCategoryId(categoryId)) return setProblem('请选择新的类别')
    if (trimmed.length < 2) return setProblem('请写明更改类别的原因')
    setBusy(true)
    const result = await callCloud('report', 'recategorize', { reportId: view.id, categoryId, reason: trimmed })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    void Taro.showToast({ title: '已更改类别', icon: 'success' })
    // the detail page reloads when shown again: it then has the new category, unit and due time
    void Taro.navigateBack().catch(() => undefined)
  }

  return (
    <View id='wm-report-act' data-action='recategorize'>
      <ReportSummary view={view} />
      <View className='wm-card'>
        <Text className='wm-rp-label'>{RECATEGORIZE_LABEL}</Text>
        <Text className='wm-text-secondary'>
          当前类别：{view.categoryName}。{view.unitId ? '更改后按新类别重新确定责任单位' : '派发时按新类别推荐责任单位'}，本环节时限按新类别重算，原因记入办理进度。
        </Text>
        {/* no kind tabs: changing kind is not a correction; the current category is shown, not offered */}
        <CategoryPicker kind={view.kind} value={categoryId} current={view.categoryId} onChange={setCategoryId} />
        <Text className='wm-rp-group'>更改原因（必填）</Text>
        <TextArea
          className='wm-rp-textarea'
          id='wm-act-note'
          value={reason}
          maxlength={REPORT_LIMITS.noteMax}
          placeholder='如：现场是占道经营，不是小广告'
          onInput={(value) => setReason(value)}
        />
        {problem ? <Text className='wm-rp-error'>{problem}</Text> : null}
        <Button id='wm-act-submit' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()} style={{ marginTop: '20px' }}>
          确认{RECATEGORIZE_LABEL}
        </Button>
      </View>
      <View className='wm-card'>
        <Text className='wm-rp-label'>办理进度</Text>
        <Timeline entries={view.timeline} />
      </View>
    </View>
  )
}
