import { alt } from '@/components/alt'
import { useState } from 'react'
import { Image, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { viewPhotos } from '@/components/photo-viewer'
import type { OrderPhotoView, OrderView as Order } from '@/shared/contract'
import { INSPECT_LEVEL_LABEL, INSPECT_LIMITS, ORDER_STATUS_LABEL, SEVERITY_LABEL } from '@/shared/inspect'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { uploadFile } from '@/lib/upload'
import { useLoad } from '../api'
import { newId } from '../outbox'
import { takePhotos } from '../stamp'
import { inspectUrl, type InspectParams } from '../labels'
import { Btn, Done, Gone, Problem, Tag, dateText, dueWords, gate, minuteText } from './orders'
import '../field.scss'

/** A photo on the screen: its picture, and a word on where it is (上传中 37% / 已上传 / 失败). */
export interface ShownPhoto {
  key: string
  path: string
  status: string
  progress: number
  failed?: boolean
}

export function PhotoStrip({ photos, onRemove, onRetry, onAdd, max, addId, label = '现场拍照' }: { photos: ShownPhoto[]; onRemove: (key: string) => void; onRetry?: (key: string) => void; onAdd: () => void; max: number; addId: string; label?: string }) {
  return (
    <View className='wm-fd-photos'>
      {photos.map((p, i) => (
        <View key={p.key} className='wm-fd-photo'>
          <Image className='wm-fd-photo__image' src={p.path} mode='aspectFill' {...alt('照片')} />
          <View className='wm-fd-photo__bar' role={p.failed && onRetry ? 'button' : undefined} onClick={p.failed && onRetry ? () => onRetry(p.key) : undefined}>
            <Text>{p.status}</Text>
          </View>
          {p.progress > 0 && p.progress < 100 ? <View className='wm-fd-photo__progress' style={{ width: `${p.progress}%` }} /> : null}
          <View className='wm-fd-photo__remove' role='button' aria-label={`删除第 ${i + 1} 张照片`} onClick={() => onRemove(p.key)}>
            <Text>✕</Text>
          </View>
        </View>
      ))}
      {photos.length < max ? (
        <View className='wm-fd-photo wm-fd-photo--add' role='button' id={addId} onClick={onAdd}>
          <Text className='wm-fd-photo__plus'>＋</Text>
          <Text>{label}</Text>
          <Text className='wm-text-tertiary'>
            {photos.length}/{max}
          </Text>
        </View>
      ) : null}
    </View>
  )
}

function StoredPhotos({ photos, label }: { photos: OrderPhotoView[]; label: string }) {
  if (photos.length === 0) return null
  const urls = photos.map((p) => p.url)
  return (
    <View className='wm-fd-photos'>
      {photos.map((p, i) => (
        <View key={`${p.url}-${i}`} className='wm-fd-photo' role='button' aria-label={`查看${label}第 ${i + 1} 张照片`} onClick={() => viewPhotos(urls, p.url)}>
          <Image className='wm-fd-photo__image' src={p.url} mode='aspectFill' {...alt('照片')} />
          {p.takenAt ? (
            <View className='wm-fd-photo__bar'>
              <Text>{minuteText(p.takenAt)}</Text>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}

interface Slot {
  key: string
  path: string
  takenAt: number
  lat?: number
  lng?: number
  progress: number
  fileId: string | null
  error: string | null
}

/** Stamped photos uploaded as soon as they are taken (area `inspect`), each with its progress. */
function usePhotoSlots(siteName: string) {
  const [slots, setSlots] = useState<Slot[]>([])
  const patch = (key: string, change: Partial<Slot>) => setSlots((prev) => prev.map((s) => (s.key === key ? { ...s, ...change } : s)))
  const send = async (s: Slot) => {
    const up = await uploadFile({ area: 'inspect', filePath: s.path, onProgress: (p) => patch(s.key, { progress: p }) })
    patch(s.key, up.ok ? { fileId: up.data.fileID, progress: 100 } : { error: up.message })
  }
  const add = async () => {
    const room = INSPECT_LIMITS.photosPerItem - slots.length
    const taken = await takePhotos(room, { name: siteName, lat: null, lng: null })
    const fresh = taken.map((t) => ({ key: newId(), path: t.path, takenAt: t.takenAt, ...(t.lat !== undefined && t.lng !== undefined ? { lat: t.lat, lng: t.lng } : {}), progress: 0, fileId: null, error: null }))
    setSlots((prev) => [...prev, ...fresh])
    await Promise.all(fresh.map(send))
  }
  const retry = (key: string) => {
    const s = slots.find((x) => x.key === key)
    if (!s) return
    patch(key, { error: null, progress: 0 })
    void send(s)
  }
  const shown: ShownPhoto[] = slots.map((s) => ({ key: s.key, path: s.path, progress: s.progress, failed: s.error !== null, status: s.error ? '上传失败，点此重试' : s.fileId ? '已上传' : `上传中 ${s.progress}%` }))
  const busy = slots.some((s) => s.fileId === null && s.error === null)
  const failed = slots.some((s) => s.error !== null)
  const photos = slots.filter((s) => s.fileId !== null).map((s) => ({ fileId: s.fileId ?? '', takenAt: s.takenAt, ...(s.lat !== undefined && s.lng !== undefined ? { lat: s.lat, lng: s.lng } : {}) }))
  return { shown, busy, failed, photos, add, retry, remove: (key: string) => setSlots((prev) => prev.filter((s) => s.key !== key)), reset: () => setSlots([]) }
}

const ACTION_WORD: Record<Order['history'][number]['action'], string> = { found: '发现问题', answered: '整改答复', closed: '回头看销号', sent_back: '回头看退回重改' }

/**
 * 一张督办单: what was found (photos, description, deadline), what the unit answered, every step,
 * and what it deducts and why. The unit's 联络员 answers a 待整改 order; an inspector settles a
 * 待复查 one by 回头看.
 */
export function OrderView({ params }: { params: InspectParams }) {
  const load = useLoad(() => (params.orderId ? callCloud('inspect', 'order', { orderId: params.orderId }) : Promise.resolve({ ok: false as const, code: 'INSPECT.ORDER_NOT_FOUND', message: '' })), [params.orderId])
  if (!params.orderId) return <Gone />
  const o = load.data
  if (!o) return <>{gate(load, { audience: 'staff', what: '督办单', byId: true })}</>
  const late = o.status !== 'closed' && o.overdue
  return (
    <View className='wm-fd wm-fd-cols' id='wm-inspect-order'>
      <View className='wm-fd-main'>
        <View className='wm-card'>
          <View className='wm-fd-row'>
            <Text className='wm-fd-code'>{o.code}</Text>
            <View className='wm-fd-tags'>
              <Tag text={ORDER_STATUS_LABEL[o.status]} tone={o.status === 'closed' ? 'ok' : o.status === 'answered' ? 'gold' : 'plain'} />
              {o.repeat ? <Tag text='重复' tone='red' /> : null}
              {o.falseCount > 0 ? <Tag text={`整改不实 ${o.falseCount} 次`} tone='red' /> : null}
            </View>
          </View>
          <View role='link' onClick={() => openPage(inspectUrl('site', { siteId: o.site.siteId }))}>
            <Text className='wm-fd-title wm-fd-link'>{o.site.name} ›</Text>
          </View>
          <Text className='wm-text-secondary'>
            {o.standard.number} {o.standard.text}
          </Text>
          <Text className='wm-fd-body'>{o.description}</Text>
          <StoredPhotos photos={o.photos} label='问题' />
          <View className='wm-fd-kv'>
            <Text className='wm-fd-label'>问题程度</Text>
            <Text>
              {SEVERITY_LABEL[o.severity]} · {INSPECT_LEVEL_LABEL[o.level]}
            </Text>
            <Text className='wm-fd-label'>责任单位</Text>
            <Text>{o.unit.name}</Text>
            <Text className='wm-fd-label'>发现时间</Text>
            <Text>{minuteText(o.foundAt)}</Text>
            <Text className='wm-fd-label'>整改期限</Text>
            <Text className={late ? 'wm-fd-late' : ''}>{dueWords(o.dueAt, o.overdue, o.status === 'closed')}</Text>
          </View>
        </View>
        <View className='wm-card' id='wm-inspect-order-deduction'>
          <Text className='wm-fd-title'>扣分</Text>
          <Text className='wm-fd-big'>{o.deduction.points === 0 ? '不扣分' : `扣 ${Math.abs(o.deduction.points)} 分`}</Text>
          <Text className='wm-text-secondary'>计算：{o.deduction.how || '—'}</Text>
        </View>
        {o.answer ? (
          <View className='wm-card'>
            <Text className='wm-fd-title'>整改答复</Text>
            <Text className='wm-text-tertiary'>{minuteText(o.answer.at)}</Text>
            <Text className='wm-fd-body'>{o.answer.note}</Text>
            <StoredPhotos photos={o.answer.photos} label='整改后' />
          </View>
        ) : null}
      </View>
      <View className='wm-fd-side'>
        {o.mayAnswer && o.status === 'open' ? <RectifyForm order={o} onDone={(v) => load.setData(v)} /> : null}
        {o.mayRecheck && o.status === 'answered' ? <RecheckForm order={o} onDone={(v) => load.setData(v)} /> : null}
        <Text className='wm-section-title'>处理经过</Text>
        <View className='wm-card'>
          {o.history.map((h, i) => (
            <View key={i} className='wm-fd-step'>
              <Text className='wm-fd-step__what'>
                {ACTION_WORD[h.action]} · {h.by}
              </Text>
              <Text className='wm-text-tertiary'>{minuteText(h.at)}</Text>
              {h.note ? <Text className='wm-text-secondary'>{h.note}</Text> : null}
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}

function RectifyForm({ order, onDone }: { order: Order; onDone: (o: Order) => void }) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const photos = usePhotoSlots(order.site.name)
  const submit = async () => {
    setProblem(null)
    if (!note.trim()) return setProblem('请写明整改情况')
    if (photos.busy) return setProblem('照片还在上传，请稍候')
    if (photos.failed) return setProblem('有照片上传失败，请点该照片重试或删除')
    if (photos.photos.length === 0) return setProblem('请拍摄至少一张整改后的照片')
    setBusy(true)
    const r = await callCloud('inspect', 'rectify', { orderId: order.orderId, note: note.trim(), photos: photos.photos })
    setBusy(false)
    if (!r.ok) return setProblem(r.message)
    photos.reset()
    onDone(r.data)
    void Taro.showToast({ icon: 'none', title: '已答复，等待回头看' })
  }
  return (
    <View className='wm-card' id='wm-inspect-rectify-form'>
      <Text className='wm-fd-title'>整改答复</Text>
      <Text className='wm-text-secondary'>请在期限内整改，拍摄整改后的照片（自动加上时间、点位与位置水印）</Text>
      <Text className='wm-field-label'>整改情况</Text>
      <Textarea className='wm-fd-textarea' id='wm-inspect-rectify-note' value={note} maxlength={INSPECT_LIMITS.noteMax} placeholder='如：已清理乱堆物，安排专人每日巡查' onInput={(e) => setNote(e.detail.value)} />
      <Text className='wm-field-label'>整改后照片</Text>
      <PhotoStrip photos={photos.shown} onRemove={photos.remove} onRetry={photos.retry} onAdd={() => void photos.add()} max={INSPECT_LIMITS.photosPerItem} addId='wm-inspect-rectify-photo' />
      <Problem text={problem} id='wm-inspect-rectify-problem' />
      <Btn id='wm-inspect-rectify' text='提交整改答复' busy={busy} onTap={() => void submit()} />
    </View>
  )
}

function RecheckForm({ order, onDone }: { order: Order; onDone: (o: Order) => void }) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState<'close' | 'send_back' | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const photos = usePhotoSlots(order.site.name)
  const decide = async (decision: 'close' | 'send_back') => {
    setProblem(null)
    if (!note.trim()) return setProblem(decision === 'close' ? '请写明核实情况' : '请写明哪里整改不到位')
    if (photos.busy) return setProblem('照片还在上传，请稍候')
    if (decision === 'send_back') {
      // 退回 counts as 整改不实 against the unit: asked once, in words
      const sure = await Taro.showModal({ title: '退回重改', content: '退回将计为一次整改不实，该问题扣分加倍。确定退回吗？', confirmText: '确定退回', cancelText: '再看看' })
      if (!sure.confirm) return
    }
    setBusy(decision)
    const r = await callCloud('inspect', 'recheck', { orderId: order.orderId, decision, note: note.trim(), ...(photos.photos.length > 0 ? { photos: photos.photos } : {}) })
    setBusy(null)
    if (!r.ok) return setProblem(r.message)
    setDone(decision === 'close' ? '已销号' : '已退回，单位需重新整改')
    photos.reset()
    onDone(r.data)
  }
  return (
    <View className='wm-card' id='wm-inspect-recheck-form'>
      <Text className='wm-fd-title'>回头看</Text>
      <Text className='wm-text-secondary'>到现场核实整改情况：到位则销号，不到位则退回重改</Text>
      <Text className='wm-field-label'>核实情况</Text>
      <Textarea className='wm-fd-textarea' id='wm-inspect-recheck-note' value={note} maxlength={INSPECT_LIMITS.noteMax} placeholder='如：现场已整改到位' onInput={(e) => setNote(e.detail.value)} />
      <Text className='wm-field-label'>现场照片（选填）</Text>
      <PhotoStrip photos={photos.shown} onRemove={photos.remove} onRetry={photos.retry} onAdd={() => void photos.add()} max={INSPECT_LIMITS.photosPerItem} addId='wm-inspect-recheck-photo' />
      <Problem text={problem} id='wm-inspect-recheck-problem' />
      <Done text={done} />
      <View className='wm-fd-pair'>
        <Btn id='wm-inspect-recheck-close' text='整改到位，销号' busy={busy === 'close'} disabled={busy !== null} onTap={() => void decide('close')} />
        <Btn id='wm-inspect-recheck-send-back' tone='danger' text='不到位，退回重改' busy={busy === 'send_back'} disabled={busy !== null} onTap={() => void decide('send_back')} />
      </View>
      <Text className='wm-text-tertiary'>截止 {dateText(order.dueAt)}</Text>
    </View>
  )
}
