import { useEffect, useRef, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import type { ChecklistItemView, InspectResultView, SiteDetailView } from '@/shared/contract'
import { INSPECT_LIMITS, ITEM_RESULTS, ITEM_RESULT_LABEL, SEVERITIES, SEVERITY_LABEL, type ItemResult } from '@/shared/inspect'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { networkStore } from '@/lib/network'
import { useLoad } from '../api'
import { OFFLINE_WORDS, clearDraft, dropFile, keepFile, forgetResult, isNetworkFailure, lastResult, loadDraft, newId, saveDraft, sendDraft, startDraft, watchOutbox, type Draft, type DraftItem, type SendProgress } from '../outbox'
import { takePhotos } from '../stamp'
import { inspectUrl, type InspectParams } from '../labels'
import { PhotoStrip } from './order'
import { Btn, Done, Gone, OrderRow, Problem, Refusal, Tag, gate } from './orders'
import { Figure } from './unit'
import '../field.scss'

type Phase = { kind: 'editing' } | { kind: 'sending'; progress: SendProgress | null } | { kind: 'waiting' } | { kind: 'done'; result: InspectResultView }

/** What still stops 完成督查, in words, naming the item by its number. */
function whatIsMissing(draft: Draft, checklist: ChecklistItemView[]): string | null {
  const byId = new Map(checklist.map((c) => [c.standardId, c]))
  for (const item of draft.items) {
    const n = byId.get(item.standardId)?.number ?? ''
    if (item.result === null) return `第 ${n} 项还没有填写`
    if (item.result === 'fail') {
      if (!item.severity) return `第 ${n} 项不合格：请选择问题程度`
      if (!item.note.trim()) return `第 ${n} 项不合格：请写一句问题说明`
      if (item.photos.length === 0) return `第 ${n} 项不合格：请至少拍一张照片`
    }
  }
  return null
}

/**
 * 实地督查 of one site: its type's checklist, each item 合格 / 不合格 / 不适用, every problem with
 * its severity, a line on what is wrong and a stamped photo. Everything is kept on the phone as it
 * is tapped (outbox.ts); 完成督查 sends it when there is a signal, and says so when there is none.
 */
export function InspectForm({ params }: { params: InspectParams }) {
  const siteId = params.siteId
  const load = useLoad(() => (siteId ? callCloud('inspect', 'site', { siteId }) : Promise.resolve({ ok: false as const, code: 'INSPECT.SITE_NOT_FOUND', message: '' })), [siteId])
  const [draft, setDraft] = useState<Draft | null>(() => (siteId ? loadDraft(siteId) : null))
  const [phase, setPhase] = useState<Phase>(() => {
    const earlier = siteId ? lastResult(siteId) : null
    if (earlier && !loadDraft(siteId)) return { kind: 'done', result: earlier }
    return siteId && loadDraft(siteId)?.finishedAt ? { kind: 'waiting' } : { kind: 'editing' }
  })
  const [problem, setProblem] = useState<string | null>(null)
  const live = useRef(true)
  useEffect(() => () => void (live.current = false), [])

  const send = async () => {
    if (!siteId) return
    setProblem(null)
    setPhase({ kind: 'sending', progress: null })
    const r = await sendDraft(siteId, (p) => live.current && setPhase({ kind: 'sending', progress: p }))
    if (!live.current) return
    if (r.ok) {
      setDraft(null)
      setPhase({ kind: 'done', result: r.data })
      return
    }
    if (isNetworkFailure(r.code)) return setPhase({ kind: 'waiting' })
    // the server refused (a checklist changed, a time wrong): back to the form, with its words
    const kept = loadDraft(siteId)
    if (kept) {
      kept.finishedAt = null
      saveDraft(kept)
      setDraft(kept)
    }
    setPhase({ kind: 'editing' })
    setProblem(r.message)
  }

  // opening the page again retries a queued inspection; so does the signal coming back
  useEffect(() => {
    watchOutbox()
    if (phase.kind === 'waiting') void send()
    let wasOnline = networkStore.get().online
    return networkStore.subscribe(() => {
      const online = networkStore.get().online
      if (online && !wasOnline && loadDraft(siteId)?.finishedAt) void send()
      wasOnline = online
    })
  }, [siteId])

  const site: SiteDetailView | null = load.data
  // the inspection starts when its checklist is first on screen: its id and start time are made then
  useEffect(() => {
    if (!site || phase.kind !== 'editing' || !site.mayInspect) return
    const ids = site.checklist.map((c) => c.standardId)
    if (!draft) return setDraft(startDraft(siteId, site.site.name, ids, Date.now()))
    // the office changed the checklist since the draft began: keep what was filled in, follow the list
    const same = draft.items.length === ids.length && draft.items.every((i, k) => i.standardId === ids[k])
    if (same) return
    const kept = new Map(draft.items.map((i) => [i.standardId, i]))
    const next: Draft = { ...draft, items: ids.map((standardId) => kept.get(standardId) ?? { standardId, result: null, severity: null, note: '', photos: [] }) }
    saveDraft(next)
    setDraft(next)
  }, [site, draft, phase.kind])

  if (!siteId) return <Gone />
  if (phase.kind === 'done') return <Summary result={phase.result} siteName={site?.site.name ?? draft?.siteName ?? ''} onAgain={() => (forgetResult(siteId), setPhase({ kind: 'editing' }))} />
  if (phase.kind === 'waiting' || phase.kind === 'sending') {
    return (
      <View className='wm-fd' id='wm-inspect-outbox'>
        <View className='wm-card'>
          <Text className='wm-fd-title'>{draft?.siteName ?? site?.site.name ?? '实地督查'}</Text>
          {phase.kind === 'sending' ? (
            <>
              <Text className='wm-fd-body'>{phase.progress && phase.progress.uploaded < phase.progress.total ? `正在上传照片 ${phase.progress.uploaded}/${phase.progress.total}` : '正在提交督查结果…'}</Text>
              <View className='wm-fd-progress'>
                <View className='wm-fd-progress__bar' style={{ width: `${phase.progress && phase.progress.total > 0 ? Math.round((phase.progress.uploaded / phase.progress.total) * 100) : 10}%` }} />
              </View>
            </>
          ) : (
            <>
              <View className='wm-fd-offline' role='status' id='wm-inspect-offline'>
                <Tag text='待提交' tone='warn' />
                <Text>{OFFLINE_WORDS}</Text>
              </View>
              <Btn id='wm-inspect-retry' text='现在重试' onTap={() => void send()} />
            </>
          )}
        </View>
      </View>
    )
  }
  if (!site) return <>{gate(load, { audience: 'inspector', what: '实地督查', byId: true })}</>
  if (!site.mayInspect) return <Refusal audience='inspector' what='实地督查' />
  if (site.checklist.length === 0) {
    return (
      <View className='wm-card'>
        <Problem text={`「${site.site.typeName}」类点位还没有检查清单：请文明办在测评标准中为该类型指定适用标准。`} />
      </View>
    )
  }
  if (!draft) return <>{gate({ ...load, data: null }, { audience: 'inspector', what: '实地督查' })}</>

  const update = (standardId: string, change: (item: DraftItem) => DraftItem) => {
    const next: Draft = { ...draft, items: draft.items.map((i) => (i.standardId === standardId ? change(i) : i)) }
    saveDraft(next)
    setDraft(next)
    setProblem(null)
  }
  const checked = draft.items.filter((i) => i.result !== null).length
  const finish = () => {
    const missing = whatIsMissing(draft, site.checklist)
    if (missing) return setProblem(missing)
    const next = { ...draft, finishedAt: Math.max(Date.now(), draft.startedAt + 1) }
    saveDraft(next)
    setDraft(next)
    void send()
  }
  const abandon = () => {
    clearDraft(siteId)
    setDraft(startDraft(siteId, site.site.name, site.checklist.map((c) => c.standardId), Date.now()))
  }

  return (
    <View className='wm-fd' id='wm-inspect-form'>
      <View className='wm-card'>
        <Text className='wm-fd-title'>{site.site.name}</Text>
        <Text className='wm-text-secondary'>
          {site.site.typeName} · {site.site.address}
        </Text>
        <Text className='wm-text-secondary'>责任单位：{site.site.unit.name}</Text>
      </View>
      <View className='wm-fd-sticky' id='wm-inspect-progress' role='status'>
        <Text className='wm-fd-sticky__count'>
          已查 {checked}/{draft.items.length}
        </Text>
        <View className='wm-fd-progress wm-fd-progress--grow'>
          <View className='wm-fd-progress__bar' style={{ width: `${Math.round((checked / draft.items.length) * 100)}%` }} />
        </View>
      </View>
      {site.checklist.map((c, index) => {
        const item = draft.items.find((i) => i.standardId === c.standardId)
        return item ? <ItemCard key={c.standardId} n={index + 1} item={c} value={item} siteName={site.site.name} place={site.site.place} onChange={(f) => update(c.standardId, f)} /> : null
      })}
      <Problem text={problem} id='wm-inspect-problem' />
      <Btn id='wm-inspect-submit' text={`完成督查（已查 ${checked}/${draft.items.length}）`} onTap={finish} />
      <View className='wm-fd-gap' />
      <Btn id='wm-inspect-restart' tone='ghost' text='放弃本次记录，重新开始' onTap={abandon} />
      <Text className='wm-text-tertiary wm-fd-note'>每一项都已自动保存在手机上，退出后再进入可继续填写。</Text>
    </View>
  )
}

function ItemCard({ n, item, value, siteName, place, onChange }: { n: number; item: ChecklistItemView; value: DraftItem; siteName: string; place: { lat: number; lng: number }; onChange: (f: (i: DraftItem) => DraftItem) => void }) {
  const [taking, setTaking] = useState(false)
  const choose = (result: ItemResult) => onChange((i) => ({ ...i, result }))
  const addPhotos = async () => {
    setTaking(true)
    const taken = await takePhotos(INSPECT_LIMITS.photosPerItem - value.photos.length, { name: siteName, lat: place.lat, lng: place.lng })
    setTaking(false)
    if (taken.length === 0) return
    onChange((i) => ({
      ...i,
      photos: [...i.photos, ...taken.map((t) => ({ key: newId(), path: keepFile(t.path), takenAt: t.takenAt, ...(t.lat !== undefined && t.lng !== undefined ? { lat: t.lat, lng: t.lng } : {}), fileId: null }))].slice(0, INSPECT_LIMITS.photosPerItem),
    }))
  }
  return (
    <View className={`wm-card wm-fd-check${value.result === 'fail' ? ' wm-fd-check--fail' : ''}`} id={`wm-inspect-item-${n}`}>
      <View className='wm-fd-row'>
        <Text className='wm-fd-code'>
          {n}. {item.number}
        </Text>
        {item.lastResult ? <Text className='wm-text-tertiary'>上次：{ITEM_RESULT_LABEL[item.lastResult]}</Text> : null}
      </View>
      <Text className='wm-fd-body'>{item.text || item.content}</Text>
      <View className='wm-fd-verdicts' role='radiogroup' aria-label={`第 ${n} 项结果`}>
        {ITEM_RESULTS.map((r) => (
          <View key={r} id={`wm-inspect-item-${n}-${r}`} role='radio' aria-checked={value.result === r} className={`wm-fd-verdict wm-fd-verdict--${r}${value.result === r ? ' wm-fd-verdict--on' : ''}`} onClick={() => choose(r)}>
            <Text>
              {value.result === r ? '✓ ' : ''}
              {ITEM_RESULT_LABEL[r]}
            </Text>
          </View>
        ))}
      </View>
      {value.result === 'fail' ? (
        <View className='wm-fd-failbox'>
          <Text className='wm-field-label'>问题程度</Text>
          <View className='wm-fd-chips' role='radiogroup' aria-label='问题程度'>
            {SEVERITIES.map((s) => (
              <View key={s} id={`wm-inspect-item-${n}-sev-${s}`} role='radio' aria-checked={value.severity === s} className={`wm-fd-chip${value.severity === s ? ' wm-fd-chip--on' : ''}`} onClick={() => onChange((i) => ({ ...i, severity: s }))}>
                <Text>
                  {value.severity === s ? '✓ ' : ''}
                  {SEVERITY_LABEL[s]}
                </Text>
              </View>
            ))}
          </View>
          <Text className='wm-field-label'>问题说明</Text>
          <Textarea className='wm-fd-textarea wm-fd-textarea--short' id={`wm-inspect-item-${n}-note`} value={value.note} maxlength={INSPECT_LIMITS.noteMax} placeholder='如：入口处垃圾桶满溢未清运' onInput={(e) => {
            const text = e.detail.value
            onChange((i) => ({ ...i, note: text }))
          }} />
          <Text className='wm-field-label'>现场照片（至少 1 张）</Text>
          <PhotoStrip
            photos={value.photos.map((p) => ({ key: p.key, path: p.path, progress: 0, status: p.fileId ? '已上传' : '已保存在手机' }))}
            onRemove={(key) => {
              const gone = value.photos.find((p) => p.key === key)
              if (gone) dropFile(gone.path)
              onChange((i) => ({ ...i, photos: i.photos.filter((p) => p.key !== key) }))
            }}
            onAdd={() => void (taking ? undefined : addPhotos())}
            max={INSPECT_LIMITS.photosPerItem}
            addId={`wm-inspect-item-${n}-photo`}
            label={taking ? '处理中…' : '现场拍照'}
          />
        </View>
      ) : null}
    </View>
  )
}

function Summary({ result, siteName, onAgain }: { result: InspectResultView; siteName: string; onAgain: () => void }) {
  return (
    <View className='wm-fd' id='wm-inspect-summary'>
      <View className='wm-card'>
        <Done text={result.duplicate ? '这次督查此前已提交过，结果如下' : '督查结果已提交'} id='wm-inspect-done' />
        <Text className='wm-fd-title'>{siteName}</Text>
        <View className='wm-fd-figures wm-fd-figures--3'>
          <Figure value={result.counts.pass} label='合格' id='wm-inspect-count-pass' />
          <Figure value={result.counts.fail} label='不合格' tone={result.counts.fail > 0 ? 'red' : undefined} id='wm-inspect-count-fail' />
          <Figure value={result.counts.na} label='不适用' id='wm-inspect-count-na' />
        </View>
      </View>
      <Text className='wm-section-title'>{result.orders.length > 0 ? `已下发督办单 ${result.orders.length} 张` : '没有发现问题，未下发督办单'}</Text>
      {result.orders.map((o) => (
        <OrderRow key={o.orderId} order={o} />
      ))}
      <View className='wm-fd-pair'>
        <Btn id='wm-inspect-summary-site' tone='ghost' text='返回点位' onTap={() => openPage(inspectUrl('site', { siteId: result.siteId }))} />
        <Btn id='wm-inspect-again' tone='ghost' text='再督查一次' onTap={onAgain} />
      </View>
    </View>
  )
}
