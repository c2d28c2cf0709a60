import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TextArea } from '@/components/text-area'
import { ErrorState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { CATEGORY_IDS, REPORT_LIMITS, type CategoryId } from '@/shared/report'
import { CategoryPicker } from './category-picker'
import { ReportPending, ReportSummary, useReport } from './report-detail'
import { Timeline } from './timeline'
import './report.scss'

export const RECATEGORIZE_LABEL = '更改类别'

const isCategoryId = (value: string): value is CategoryId => (CATEGORY_IDS as readonly string[]).includes(value)

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
    return (
      <View className='wm-card'>
        <ErrorState what='操作' message={`这条随手拍现在是「${view.statusLabel}」，不能${RECATEGORIZE_LABEL}。`} onRetry={() => void load()} />
      </View>
    )
  }

  const submit = async () => {
    setProblem(null)
    const trimmed = reason.trim()
    if (!categoryId || !isCategoryId(categoryId)) return setProblem('请选择新的类别')
    if (categoryId === view.categoryId) return setProblem('新类别与当前类别相同')
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
        <Text className='wm-text-secondary'>当前类别：{view.categoryName}。更改后按新类别重新派发并重算时限，原因记入办理进度。</Text>
        {/* the kind tabs stay on the report's own kind: changing kind is not a correction */}
        <CategoryPicker kind={view.kind} value={categoryId} onKind={() => undefined} onChange={setCategoryId} />
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
