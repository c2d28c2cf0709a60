import { alt } from '@/components/alt'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { TextArea } from '@/components/text-area'
import { callCloud } from '@/lib/call-cloud'
import { uploadFile } from '@/lib/upload'
import { FRONTAGE_LIMITS, SHOP_STAGES } from '@/shared/frontage'
import type { Result } from '@/shared/errors'
import type { ShopReportItem } from '@/shared/contract'
import { useLoad } from '../api'
import type { FrontageParams } from '../labels'
import { Done, FrontageGate, FrontageMissing, Photos, Problem, StageTag, dueText, goFrontage, timeText } from './common'
import { openedReport } from './shop-reports'

interface Slot {
  key: string
  path: string
  progress: number
  fileId: string | null
  error: string | null
}

let slotSeq = 0

/**
 * The report by its id: the one tapped on 门前随手拍 when there is one, else looked up in the
 * shop's lists (a few pages of each stage at most: a shop has few reports in a stage at once).
 */
async function findReport(shopId: string, reportId: string): Promise<Result<ShopReportItem | null>> {
  const known = openedReport(reportId)
  if (known) return { ok: true, data: known }
  for (const stage of SHOP_STAGES) {
    let cursor: string | undefined
    for (let page = 0; page < 5; page++) {
      const r = await callCloud('frontage', 'shopReports', { shopId, stage, ...(cursor ? { cursor } : {}) })
      if (!r.ok) return r
      const hit = r.data.items.find((i) => i.reportId === reportId)
      if (hit) return { ok: true, data: hit }
      if (!r.data.nextCursor) break
      cursor = r.data.nextCursor
    }
  }
  return { ok: true, data: null }
}

/**
 * 处理随手拍: the resident's photos and words, then the shop's answer — what was done and the
 * after-photos (camera first, each uploading with its progress to area `frontage`). Sent: the
 * report is settled and the resident may rate it.
 */
export function AnswerReport({ params }: { params: FrontageParams }) {
  const load = useLoad(() => (params.shopId && params.reportId ? findReport(params.shopId, params.reportId) : Promise.resolve({ ok: true as const, data: null })), [params.shopId, params.reportId])
  const [note, setNote] = useState('')
  const [slots, setSlots] = useState<Slot[]>([])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [sent, setSent] = useState(false)
  if (!params.shopId || !params.reportId) return <FrontageMissing what='随手拍' />
  const gate = FrontageGate({ error: load.error, loading: load.loading, what: '处理随手拍', reload: load.reload })
  if (gate) return <>{gate}</>
  const item = load.data
  if (!item) return <FrontageMissing what='随手拍' />

  const patch = (key: string, change: Partial<Slot>) => setSlots((prev) => prev.map((s) => (s.key === key ? { ...s, ...change } : s)))
  const send = async (s: Slot) => {
    const up = await uploadFile({ area: 'frontage', filePath: s.path, onProgress: (p) => patch(s.key, { progress: p }) })
    patch(s.key, up.ok ? { fileId: up.data.fileID, progress: 100 } : { error: up.message })
  }
  const addPhotos = async () => {
    const room = FRONTAGE_LIMITS.photosPerAnswer - slots.length
    if (room <= 0) return
    let paths: string[] = []
    try {
      // the camera first: an after-photo is taken on the spot, the album only as a fallback
      const chosen = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
      paths = chosen.tempFilePaths.slice(0, room)
    } catch {
      return // cancelled
    }
    const fresh = paths.map((path) => ({ key: `p${++slotSeq}`, path, progress: 0, fileId: null, error: null }))
    setSlots((prev) => [...prev, ...fresh])
    await Promise.all(fresh.map(send))
  }
  const retry = (s: Slot) => {
    patch(s.key, { error: null, progress: 0 })
    void send(s)
  }
  const uploading = slots.some((s) => s.fileId === null && s.error === null)

  const submit = async () => {
    if (!note.trim()) return setProblem('请写一句怎么处理的，例如：已把门口的纸箱搬进店内')
    if (slots.length === 0) return setProblem('请至少拍一张处理后的照片')
    if (uploading) return setProblem('照片还在上传，请稍等')
    if (slots.some((s) => s.error)) return setProblem('有照片上传失败：点照片重试，或删除后再提交')
    setBusy(true)
    setProblem(null)
    const r = await callCloud('frontage', 'answerReport', { reportId: item.reportId, note: note.trim(), photos: slots.flatMap((s) => (s.fileId ? [s.fileId] : [])) })
    setBusy(false)
    if (!r.ok) {
      setProblem(r.message)
      if (r.code === 'FRONTAGE.REPORT_NOT_WAITING') load.reload()
      return
    }
    load.setData(r.data)
    setSent(true)
  }

  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-answer'>
      <View className='wm-fr-cols'>
        <View className='wm-fr-col'>
          <View className='wm-card' id='wm-fr-answer-report'>
            <View className='wm-fr-row'>
              <Text className='wm-in-title'>{item.categoryName}</Text>
              <StageTag stage={item.stage} />
            </View>
            <Text className='wm-text-tertiary wm-fr-block'>市民 {timeText(item.createdAt)} 在您门前上报</Text>
            {item.description ? <Text className='wm-in-text wm-in-gap'>{item.description}</Text> : <Text className='wm-text-tertiary wm-fr-block wm-in-gap'>（市民没有写描述）</Text>}
            <Photos urls={item.photos} label='市民上报' />
            {item.stage === 'waiting' ? (
              <Text className={`wm-fr-due wm-fr-block wm-in-gap${item.overdue || item.shopDueAt <= Date.now() ? ' wm-fr-due--over' : ''}`}>
                {dueText(item.shopDueAt, item.overdue)}（{timeText(item.shopDueAt)} 前处理）
              </Text>
            ) : null}
          </View>
        </View>
        <View className='wm-fr-col'>
          {sent || item.stage === 'answered' ? (
            <View className='wm-card' id='wm-fr-answer-done'>
              <Done text='已处理，等待市民评价' />
              <Text className='wm-text-secondary wm-fr-block'>市民会看到您的处理说明和照片。满意即办结；不满意会转给责任单位，并计入门店记录。</Text>
              <View className='wm-in-link' role='link' id='wm-fr-answer-back' onClick={() => goFrontage('shop-reports', { shopId: params.shopId })}>
                <Text>回到门前随手拍</Text>
              </View>
            </View>
          ) : item.stage === 'escalated' ? (
            <View className='wm-card' id='wm-fr-answer-escalated'>
              <Text className='wm-in-title'>已转给责任单位</Text>
              <Text className='wm-text-secondary wm-fr-block'>这条随手拍没有在时限内处理，或市民对处理不满意，已由责任单位处置。请留意门前，避免再次发生。</Text>
            </View>
          ) : (
            <View className='wm-card' id='wm-fr-answer-form'>
              <Text className='wm-in-title'>处理情况</Text>
              <Text className='wm-field-label'>怎么处理的</Text>
              <TextArea
                className='wm-in-textarea'
                id='wm-fr-answer-note'
                value={note}
                maxlength={FRONTAGE_LIMITS.noteMax}
                placeholder='例如：已把门口的纸箱搬进店内，地面已清扫'
                onInput={setNote}
              />
              <Text className='wm-text-tertiary wm-fr-block'>
                {note.length}/{FRONTAGE_LIMITS.noteMax}
              </Text>
              <Text className='wm-field-label'>处理后的照片（1–{FRONTAGE_LIMITS.photosPerAnswer} 张）</Text>
              <View className='wm-fr-photos'>
                {slots.map((s, i) => (
                  <View key={s.key} className='wm-fr-photo'>
                    <Image className='wm-fr-photo__image' src={s.path} mode='aspectFill' {...alt('整改照片')} />
                    <View className='wm-fr-photo__bar' role={s.error ? 'button' : undefined} onClick={s.error ? () => retry(s) : undefined}>
                      <Text>{s.error ? '上传失败，点此重试' : s.fileId ? '已上传' : `上传中 ${s.progress}%`}</Text>
                    </View>
                    {s.progress > 0 && s.progress < 100 ? <View className='wm-fr-photo__progress' style={{ width: `${s.progress}%` }} /> : null}
                    <View className='wm-fr-photo__remove' role='button' aria-label={`删除第 ${i + 1} 张照片`} onClick={() => setSlots((prev) => prev.filter((x) => x.key !== s.key))}>
                      <Text>✕</Text>
                    </View>
                  </View>
                ))}
                {slots.length < FRONTAGE_LIMITS.photosPerAnswer ? (
                  <View className='wm-fr-photo wm-fr-photo--add' role='button' id='wm-fr-answer-photo' onClick={() => void addPhotos()}>
                    <Text className='wm-fr-photo__plus'>＋</Text>
                    <Text>拍处理后照片</Text>
                    <Text className='wm-text-tertiary'>
                      {slots.length}/{FRONTAGE_LIMITS.photosPerAnswer}
                    </Text>
                  </View>
                ) : null}
              </View>
              <Problem text={problem} id='wm-fr-answer-error' />
              <View className='wm-fr-primary'>
                <Button block type='primary' size='large' id='wm-fr-answer-submit' loading={busy} disabled={busy || uploading} onClick={() => void submit()}>
                  {uploading ? '照片上传中…' : '提交处理结果'}
                </Button>
              </View>
            </View>
          )}
        </View>
      </View>
    </View>
  )
}
