import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { TextArea } from '@/components/text-area'
import type { ReportView } from '@/shared/contract'
import { REOPEN_AT_OR_BELOW, REPORT_LIMITS } from '@/shared/report'
import { callCloud } from '@/lib/call-cloud'
import './report.scss'

const WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意']

/** 1–5 stars after 已办结; 1–2 asks why and asks the grid worker for 重办. */
export function RatingForm({ reportId, onDone }: { reportId: string; onDone: (view: ReportView) => void }) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const unhappy = score > 0 && score <= REOPEN_AT_OR_BELOW

  const send = async () => {
    if (score === 0) return setError('请先选择星级')
    if (unhappy && !comment.trim()) return setError('请写明不满意的原因，网格员将核实是否重新办理')
    setBusy(true)
    const result = await callCloud('report', 'rate', { reportId, score, ...(comment.trim() ? { comment: comment.trim() } : {}) })
    setBusy(false)
    if (!result.ok) return setError(result.message)
    onDone(result.data)
  }

  return (
    <View id='wm-report-rating'>
      <View className='wm-rp-stars' role='radiogroup' aria-label='评价星级'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            id={`wm-star-${n}`}
            role='radio'
            aria-checked={n === score}
            aria-label={`${n} 星`}
            className={`wm-rp-star${n <= score ? ' wm-rp-star--on' : ''}`}
            onClick={() => setScore(n)}
          >
            <Text>{n <= score ? '★' : '☆'}</Text>
          </View>
        ))}
        <Text className='wm-text-secondary'>{score > 0 ? `${score} 星 · ${WORDS[score]}` : '点星星打分'}</Text>
      </View>
      {unhappy ? <Text className='wm-rp-hint'>评价 1–2 星将申请重办，网格员核实后决定是否重新办理，请写明原因。</Text> : null}
      <TextArea
        className='wm-rp-textarea'
        id='wm-report-rating-comment'
        value={comment}
        maxlength={REPORT_LIMITS.noteMax}
        placeholder={unhappy ? '哪里没有处理好？（必填）' : '说说处理结果（选填）'}
        onInput={(value) => setComment(value)}
      />
      {error ? <Text className='wm-rp-error'>{error}</Text> : null}
      <Button id='wm-report-rate' type='primary' block loading={busy} disabled={busy} onClick={() => void send()} style={{ marginTop: '20px' }}>
        {unhappy ? '提交评价并申请重办' : '提交评价'}
      </Button>
    </View>
  )
}
