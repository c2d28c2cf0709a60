import { useEffect, useRef, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { rolesOf, useMe } from '@/features/account'
import { PhotoStrip } from '@/features/inspect/components/order'
import { Done, Problem, Tag } from '@/features/inspect/components/common'
import { OFFLINE_WORDS, dropFile, isNetworkFailure, keepFile, newId } from '@/features/inspect/outbox'
import { takePhotos } from '@/features/inspect/stamp'
import { callCloud } from '@/lib/call-cloud'
import { isRecord, readStored, writeStored } from '@/lib/storage'
import { uploadFile } from '@/lib/upload'
import { FRONTAGE_LIMITS, LADDER_LABEL, SEED_TEMPLATES } from '@/shared/frontage'
import { ITEM_RESULT_LABEL } from '@/shared/inspect'
import type { FindingView, ShopInspectResultView, ShopPublicView } from '@/shared/contract'
import type { Result } from '@/shared/errors'
import { useLoad } from '../api'
import type { FrontageParams } from '../labels'
import { FrMissing, FrRefusal, frGate, goFrontage, shortDay } from './street'
import '@/features/inspect/field.scss'
import '../frontage.scss'

type Verdict = 'pass' | 'fail' | 'na'
const VERDICTS: Verdict[] = ['pass', 'fail', 'na']

interface CheckItem {
  itemId: string
  text: string
  dutyName: string
}

interface DraftPhoto {
  key: string
  path: string
  fileId: string | null
}
interface DraftItem {
  itemId: string
  result: Verdict | null
  note: string
  photos: DraftPhoto[]
}
/**
 * One shop inspection on the phone: written to storage at every tap (a dropped page or a dead
 * battery loses nothing), photos kept as local paths until 完成检查, each fileID remembered the
 * moment it uploads; the inspectionId made when the checklist first showed makes a resend one
 * inspection on the server. The same idea as 创文督查's outbox.ts, whose Draft is a site's.
 */
interface ShopDraft {
  inspectionId: string
  shopId: string
  shopName: string
  startedAt: number
  finishedAt: number | null
  items: DraftItem[]
}

const draftKey = (shopId: string) => `frontage:inspect:draft:${shopId}`
const doneKey = (shopId: string) => `frontage:inspect:done:${shopId}`
const isDraft = (v: unknown): v is ShopDraft => isRecord(v) && typeof v.inspectionId === 'string' && typeof v.shopId === 'string' && Array.isArray(v.items)
const isDone = (v: unknown): v is ShopInspectResultView & { shopName: string } => isRecord(v) && typeof v.inspectionId === 'string' && Array.isArray(v.findings)
const loadDraft = (shopId: string) => readStored(draftKey(shopId), isDraft) ?? null
const saveDraft = (d: ShopDraft) => writeStored(draftKey(d.shopId), d)
function clearDraft(shopId: string) {
  for (const p of loadDraft(shopId)?.items.flatMap((i) => i.photos) ?? []) dropFile(p.path)
  writeStored(draftKey(shopId), null)
}

/**
 * The checklist is the shop's 责任书 items. The server answers them by id: the public view names
 * them when it carries itemIds; until then an item is matched by its text to the seeded templates.
 */
export function checklistOf(shop: ShopPublicView): CheckItem[] | null {
  const seeded = new Map(SEED_TEMPLATES.flatMap((t) => t.duties.flatMap((d) => d.items.map((i) => [i.text, i.id] as const))))
  const out: CheckItem[] = []
  for (const d of shop.duties) {
    for (const [k, text] of d.items.entries()) {
      const itemId = d.itemIds?.[k] ?? seeded.get(text)
      if (!itemId) return null
      out.push({ itemId, text, dutyName: d.name })
    }
  }
  return out
}

function whatIsMissing(draft: ShopDraft): string | null {
  for (const [k, item] of draft.items.entries()) {
    if (item.result === null) return `第 ${k + 1} 项还没有填写`
    if (item.result === 'fail') {
      if (!item.note.trim()) return `第 ${k + 1} 项不合格：请写一句问题说明`
      if (item.photos.length === 0) return `第 ${k + 1} 项不合格：请至少拍一张照片`
    }
  }
  return null
}

// one send per shop at a time: a double tap shares the first send
const sending = new Map<string, Promise<Result<ShopInspectResultView>>>()
function sendDraft(shopId: string, onProgress: (text: string) => void): Promise<Result<ShopInspectResultView>> {
  const running = sending.get(shopId)
  if (running) return running
  const run = sendOnce(shopId, onProgress).finally(() => sending.delete(shopId))
  sending.set(shopId, run)
  return run
}

async function sendOnce(shopId: string, onProgress: (text: string) => void): Promise<Result<ShopInspectResultView>> {
  const draft = loadDraft(shopId)
  if (!draft) return { ok: false, code: 'FRONTAGE.NO_DRAFT', message: '没有待提交的检查记录' }
  const photos = draft.items.flatMap((i) => (i.result === 'fail' ? i.photos : []))
  let uploaded = photos.filter((p) => p.fileId).length
  for (const photo of photos) {
    if (photo.fileId) continue
    onProgress(`正在上传照片 ${uploaded}/${photos.length}`)
    const up = await uploadFile({ area: 'frontage', filePath: photo.path })
    if (!up.ok) return up
    photo.fileId = up.data.fileID
    saveDraft(draft)
    uploaded += 1
  }
  onProgress('正在提交检查结果…')
  const r = await callCloud('frontage', 'inspectShop', {
    inspectionId: draft.inspectionId,
    shopId,
    items: draft.items.map((i) => (i.result === 'fail' ? { itemId: i.itemId, result: 'fail' as const, note: i.note.trim(), photos: i.photos.map((p) => p.fileId ?? '') } : { itemId: i.itemId, result: i.result ?? 'na' })),
  })
  if (r.ok) {
    clearDraft(shopId)
    writeStored(doneKey(shopId), { ...r.data, shopName: draft.shopName })
  }
  return r
}

type Phase = { kind: 'editing' } | { kind: 'sending'; text: string } | { kind: 'waiting' } | { kind: 'done'; result: ShopInspectResultView; shopName: string }

/** 门店检查: a 督查员 goes through one shop's 责任书 item by item; every problem has a note and a photo. */
export function InspectShop({ params }: { params: FrontageParams }) {
  const shopId = params.shopId
  const meState = useMe()
  const load = useLoad(() => (shopId ? callCloud('frontage', 'shopPublic', { shopId }) : Promise.resolve({ ok: false as const, code: 'FRONTAGE.SHOP_NOT_FOUND', message: '' })), [shopId])
  const [draft, setDraft] = useState<ShopDraft | null>(() => (shopId ? loadDraft(shopId) : null))
  const [phase, setPhase] = useState<Phase>(() => {
    const earlier = shopId ? readStored(doneKey(shopId), isDone) : undefined
    if (earlier && !loadDraft(shopId)) return { kind: 'done', result: earlier, shopName: earlier.shopName }
    return shopId && loadDraft(shopId)?.finishedAt ? { kind: 'waiting' } : { kind: 'editing' }
  })
  const [problem, setProblem] = useState<string | null>(null)
  const [refused, setRefused] = useState(false)
  const live = useRef(true)
  useEffect(() => () => void (live.current = false), [])

  const shop = load.data
  const checklist = shop ? checklistOf(shop) : null
  // the inspection starts when its checklist is first on screen: its id and start time are made then
  useEffect(() => {
    if (!shop || !checklist || phase.kind !== 'editing') return
    const ids = checklist.map((c) => c.itemId)
    if (!draft) {
      const fresh: ShopDraft = { inspectionId: newId(), shopId, shopName: shop.name, startedAt: Date.now(), finishedAt: null, items: ids.map((itemId) => ({ itemId, result: null, note: '', photos: [] })) }
      saveDraft(fresh)
      setDraft(fresh)
      return
    }
    // the 责任书 changed since the draft began: keep what was filled in, follow the new list
    if (draft.items.length === ids.length && draft.items.every((i, k) => i.itemId === ids[k])) return
    const kept = new Map(draft.items.map((i) => [i.itemId, i]))
    const next = { ...draft, items: ids.map((itemId) => kept.get(itemId) ?? { itemId, result: null, note: '', photos: [] }) }
    saveDraft(next)
    setDraft(next)
  }, [shop, draft, phase.kind])

  const send = async () => {
    setProblem(null)
    setPhase({ kind: 'sending', text: '正在提交…' })
    const r = await sendDraft(shopId, (text) => live.current && setPhase({ kind: 'sending', text }))
    if (!live.current) return
    if (r.ok) {
      setDraft(null)
      setPhase({ kind: 'done', result: r.data, shopName: shop?.name ?? draft?.shopName ?? '' })
      return
    }
    if (isNetworkFailure(r.code)) return setPhase({ kind: 'waiting' })
    if (r.code === 'AUTH.FORBIDDEN' || r.code === 'FRONTAGE.NOT_YOUR_AREA' || r.code === 'FRONTAGE.NO_TEAM') {
      setRefused(true)
    }
    // the server refused: back to the form (kept on the phone), with its words
    const kept = loadDraft(shopId)
    if (kept) {
      kept.finishedAt = null
      saveDraft(kept)
      setDraft(kept)
    }
    setPhase({ kind: 'editing' })
    setProblem(r.message)
  }

  // a finished draft waiting for a signal goes when the page opens again
  useEffect(() => {
    if (phase.kind === 'waiting') void send()
  }, [])

  if (!shopId) return <FrMissing />
  const me = meState.me
  if (me && !rolesOf(me).includes('inspector')) return <FrRefusal what='门店检查' audience='inspector' />
  if (phase.kind === 'done') return <Summary result={phase.result} shopName={phase.shopName} shopId={shopId} onAgain={() => (writeStored(doneKey(shopId), null), setPhase({ kind: 'editing' }))} />
  if (phase.kind === 'sending' || phase.kind === 'waiting') {
    return (
      <View className='wm-fd' id='wm-fr-inspect-outbox'>
        <View className='wm-card'>
          <Text className='wm-fd-title'>{draft?.shopName ?? shop?.name ?? '门店检查'}</Text>
          {phase.kind === 'sending' ? (
            <Text className='wm-fd-body'>{phase.text}</Text>
          ) : (
            <>
              <View className='wm-fd-offline' role='status' id='wm-fr-inspect-offline'>
                <Tag text='待提交' tone='warn' />
                <Text>{OFFLINE_WORDS}</Text>
              </View>
              <View className='wm-fd-btn wm-fd-btn--primary' role='button' id='wm-fr-inspect-retry' onClick={() => void send()}>
                <Text>现在重试</Text>
              </View>
            </>
          )}
        </View>
      </View>
    )
  }
  const gate = frGate(load, { what: '门店检查', audience: 'inspector', byId: true, rows: 8 })
  if (gate) return <>{gate}</>
  if (!shop) return <FrMissing />
  if (!checklist) {
    return (
      <View className='wm-card'>
        <Problem text='这家门店的责任书读不出检查项，请联系文明办核对责任书模板。' />
      </View>
    )
  }
  if (!draft) return <>{frGate({ error: null, loading: true, reload: load.reload }, { what: '门店检查', audience: 'inspector' })}</>

  const update = (itemId: string, change: (i: DraftItem) => DraftItem) => {
    const next = { ...draft, items: draft.items.map((i) => (i.itemId === itemId ? change(i) : i)) }
    saveDraft(next)
    setDraft(next)
    setProblem(null)
  }
  const checked = draft.items.filter((i) => i.result !== null).length
  const finish = () => {
    const missing = whatIsMissing(draft)
    if (missing) return setProblem(missing)
    const next = { ...draft, finishedAt: Date.now() }
    saveDraft(next)
    setDraft(next)
    void send()
  }
  const restart = () => {
    clearDraft(shopId)
    setDraft(null)
  }

  return (
    <View className='wm-fd wm-fr' id='wm-fr-inspect'>
      <View className='wm-card'>
        <Text className='wm-fd-title'>{shop.name}</Text>
        <Text className='wm-text-secondary'>
          {shop.code} · {shop.address}
        </Text>
        {shop.signed ? null : <Text className='wm-text-secondary'>这家门店尚未签署现行责任书，检查照常进行。</Text>}
      </View>
      {refused ? <FrRefusal what='门店检查' audience='inspector' /> : null}
      <View className='wm-fd-sticky' id='wm-fr-inspect-progress' role='status'>
        <Text className='wm-fd-sticky__count'>
          已查 {checked}/{draft.items.length}
        </Text>
        <View className='wm-fd-progress wm-fd-progress--grow'>
          <View className='wm-fd-progress__bar' style={{ width: `${Math.round((checked / Math.max(1, draft.items.length)) * 100)}%` }} />
        </View>
      </View>
      {checklist.map((c, k) => {
        const item = draft.items.find((i) => i.itemId === c.itemId)
        return item ? <ItemCard key={c.itemId} n={k + 1} item={c} value={item} shop={shop} onChange={(f) => update(c.itemId, f)} /> : null
      })}
      <Problem text={problem} id='wm-fr-inspect-problem' />
      <View className='wm-fd-btn wm-fd-btn--primary' role='button' id='wm-fr-inspect-submit' onClick={finish}>
        <Text>
          完成检查（已查 {checked}/{draft.items.length}）
        </Text>
      </View>
      <View className='wm-fd-gap' />
      <View className='wm-fd-btn wm-fd-btn--ghost' role='button' id='wm-fr-inspect-restart' onClick={restart}>
        <Text>放弃本次记录，重新开始</Text>
      </View>
      <Text className='wm-text-tertiary wm-fd-note'>每一项都已自动保存在手机上，退出后再进入可继续填写。</Text>
    </View>
  )
}

function ItemCard({ n, item, value, shop, onChange }: { n: number; item: CheckItem; value: DraftItem; shop: ShopPublicView; onChange: (f: (i: DraftItem) => DraftItem) => void }) {
  const [taking, setTaking] = useState(false)
  const addPhotos = async () => {
    setTaking(true)
    // camera first, stamped with the time and the shop as 创文督查's are
    const taken = await takePhotos(FRONTAGE_LIMITS.photosPerAnswer - value.photos.length, { name: shop.name, lat: shop.place.lat, lng: shop.place.lng })
    setTaking(false)
    if (taken.length === 0) return
    onChange((i) => ({ ...i, photos: [...i.photos, ...taken.map((t) => ({ key: newId(), path: keepFile(t.path), fileId: null }))].slice(0, FRONTAGE_LIMITS.photosPerAnswer) }))
  }
  return (
    <View className={`wm-card wm-fd-check${value.result === 'fail' ? ' wm-fd-check--fail' : ''}`} id={`wm-fr-inspect-item-${n}`}>
      <Text className='wm-fd-code'>
        {n}. {item.dutyName}
      </Text>
      <Text className='wm-fd-body'>{item.text}</Text>
      <View className='wm-fd-verdicts' role='radiogroup' aria-label={`第 ${n} 项结果`}>
        {VERDICTS.map((r) => (
          <View key={r} id={`wm-fr-inspect-item-${n}-${r}`} role='radio' aria-checked={value.result === r} className={`wm-fd-verdict wm-fd-verdict--${r}${value.result === r ? ' wm-fd-verdict--on' : ''}`} onClick={() => onChange((i) => ({ ...i, result: r }))}>
            <Text>
              {value.result === r ? '✓ ' : ''}
              {ITEM_RESULT_LABEL[r]}
            </Text>
          </View>
        ))}
      </View>
      {value.result === 'fail' ? (
        <View className='wm-fd-failbox'>
          <Text className='wm-field-label'>问题说明</Text>
          <Textarea
            className='wm-fd-textarea wm-fd-textarea--short'
            id={`wm-fr-inspect-item-${n}-note`}
            value={value.note}
            maxlength={FRONTAGE_LIMITS.noteMax}
            placeholder='如：门前人行道堆放纸箱，占用盲道'
            onInput={(e) => {
              const text = e.detail.value
              onChange((i) => ({ ...i, note: text }))
            }}
          />
          <Text className='wm-field-label'>现场照片（至少 1 张）</Text>
          <PhotoStrip
            photos={value.photos.map((p) => ({ key: p.key, path: p.path, progress: 0, status: p.fileId ? '已上传' : '已保存在手机' }))}
            onRemove={(key) => {
              const gone = value.photos.find((p) => p.key === key)
              if (gone) dropFile(gone.path)
              onChange((i) => ({ ...i, photos: i.photos.filter((p) => p.key !== key) }))
            }}
            onAdd={() => void (taking ? undefined : addPhotos())}
            max={FRONTAGE_LIMITS.photosPerAnswer}
            addId={`wm-fr-inspect-item-${n}-photo`}
            label={taking ? '处理中…' : '现场拍照'}
          />
        </View>
      ) : null}
    </View>
  )
}

/** 告诫 / 限期整改通知书（12月8日前）/ 移交执法: the ladder step in words */
export function ladderWords(f: Pick<FindingView, 'step' | 'dueAt'>): string {
  if (f.step === 'notice') return `${LADDER_LABEL.notice}${f.dueAt ? `（${shortDay(f.dueAt)}前）` : ''}`
  return LADDER_LABEL[f.step]
}

function Summary({ result, shopName, shopId, onAgain }: { result: ShopInspectResultView; shopName: string; shopId: string; onAgain: () => void }) {
  return (
    <View className='wm-fd wm-fr' id='wm-fr-inspect-summary'>
      <View className='wm-card'>
        <Done text={result.duplicate ? '这次检查此前已提交过，结果如下' : '检查结果已提交'} id='wm-fr-inspect-done' />
        <Text className='wm-fd-title'>{shopName}</Text>
        <Text className='wm-text-secondary'>{result.findings.length ? `发现问题 ${result.findings.length} 项，已通知门店整改：` : '逐项检查合格，没有发现问题。'}</Text>
      </View>
      {result.findings.map((f) => (
        <View key={f.findingId} className='wm-card' id={`wm-fr-inspect-finding-${f.findingId}`}>
          <View className='wm-in-tags'>
            <Tag text={ladderWords(f)} tone={f.step === 'warning' ? 'warn' : 'red'} />
            {f.repeat ? <Tag text='重复发现' tone='red' /> : null}
          </View>
          <Text className='wm-fd-body'>{f.itemText}</Text>
          <Text className='wm-text-secondary'>{f.note}</Text>
        </View>
      ))}
      <View className='wm-fd-pair'>
        <View className='wm-fd-btn wm-fd-btn--ghost' role='button' id='wm-fr-inspect-to-findings' onClick={() => goFrontage('findings', { shopId })}>
          <Text>查看这家门店的问题</Text>
        </View>
        <View className='wm-fd-btn wm-fd-btn--ghost' role='button' id='wm-fr-inspect-again' onClick={onAgain}>
          <Text>再检查一次</Text>
        </View>
      </View>
    </View>
  )
}
