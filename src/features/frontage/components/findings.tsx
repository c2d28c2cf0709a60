import { alt } from '@/components/alt'
import { useState } from 'react'
import { Image, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState } from '@/components/state'
import { rolesOf, useMe } from '@/features/account'
import { PhotoStrip } from '@/features/inspect/components/order'
import { Done, MoreButton, Problem, Tag, usePaged } from '@/features/inspect/components/common'
import { newId } from '@/features/inspect/outbox'
import { takePhotos } from '@/features/inspect/stamp'
import { callCloud } from '@/lib/call-cloud'
import { uploadFile } from '@/lib/upload'
import { FRONTAGE_LIMITS } from '@/shared/frontage'
import type { FindingView } from '@/shared/contract'
import type { FrontageParams } from '../labels'
import { ladderWords } from './inspect'
import { dateWords, frGate, goFrontage } from './street'
import '@/features/inspect/field.scss'
import '../frontage.scss'

type Status = FindingView['status']
const TABS: Array<[Status, string]> = [
  ['open', '待整改'],
  ['fixed', '已整改'],
  ['handed', '已移交执法'],
]

/**
 * 检查问题: what inspections found at one shop (?shopId=) or, for the street office, the office and
 * an inspector, everywhere they look after; by status. The owner answers an open one with a note
 * and an after-photo.
 */
export function FindingsView({ params }: { params: FrontageParams }) {
  const shopId = params.shopId
  const [status, setStatus] = useState<Status>('open')
  const me = useMe().me
  const owner = !!me && rolesOf(me).includes('shop_owner')
  const list = usePaged((cursor?: string) => callCloud('frontage', 'findings', { status, ...(shopId ? { shopId } : {}), ...(cursor ? { cursor } : {}) }), [status, shopId])
  const [fixed, setFixed] = useState<Record<string, FindingView>>({})
  const gate = frGate(list, { what: '检查问题', audience: 'manage', byId: !!shopId })
  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-findings'>
      <View className='wm-fr-tabs' role='tablist'>
        {TABS.map(([s, label]) => (
          <View key={s} role='tab' aria-selected={status === s} id={`wm-fr-findings-${s}`} className={`wm-fr-tab${status === s ? ' wm-fr-tab--on' : ''}`} onClick={() => setStatus(s)}>
            <Text>{status === s ? `✓ ${label}` : label}</Text>
          </View>
        ))}
      </View>
      {gate ?? (
        <View>
          {list.items.length === 0 ? (
            <View className='wm-card'>
              <EmptyState
                glyph='查'
                title={status === 'open' ? '没有待整改的问题' : status === 'fixed' ? '还没有整改完的问题' : '没有移交执法的问题'}
                description={status === 'open' ? '督查员检查门店时发现的问题会出现在这里，门店按期整改后移到「已整改」。' : '切换上面的分类看看其他问题。'}
              />
            </View>
          ) : (
            <View className='wm-in-list--grid'>
              {list.items.slice(0, 200).map((f) => (
                <FindingCard key={f.findingId} finding={fixed[f.findingId] ?? f} showShop={!shopId} mayFix={owner} onFixed={(v) => setFixed((x) => ({ ...x, [v.findingId]: v }))} />
              ))}
            </View>
          )}
          <MoreButton more={list.more} busy={list.loadingMore} onMore={list.loadMore} id='wm-fr-findings-more' />
          <Problem text={list.moreError} />
        </View>
      )}
    </View>
  )
}

function FindingCard({ finding: f, showShop, mayFix, onFixed }: { finding: FindingView; showShop: boolean; mayFix: boolean; onFixed: (f: FindingView) => void }) {
  const [open, setOpen] = useState(false)
  const overdue = f.status === 'open' && f.dueAt !== null && f.dueAt < Date.now()
  return (
    <View className='wm-card' id={`wm-fr-finding-${f.findingId}`}>
      {showShop ? (
        <View role='link' onClick={() => goFrontage('shop', { shopId: f.shopId })}>
          <Text className='wm-fr-item__title'>{f.shopName}</Text>
        </View>
      ) : null}
      <View className='wm-in-tags'>
        <Tag text={ladderWords(f)} tone={f.step === 'warning' ? 'warn' : 'red'} />
        {f.repeat ? <Tag text='重复发现' tone='red' /> : null}
        {overdue ? <Tag text='已过整改期限' tone='red' /> : null}
        {f.status === 'fixed' ? <Tag text='已整改' tone='ok' /> : null}
      </View>
      <Text className='wm-fd-body'>{f.itemText}</Text>
      {f.note ? <Text className='wm-text-secondary wm-fr-block'>问题：{f.note}</Text> : null}
      <Text className='wm-text-tertiary wm-fr-block'>
        {dateWords(f.foundAt)}检查发现{f.handedTo ? ` · 已移交${f.handedTo}` : ''}
      </Text>
      {f.photos.length ? (
        <View className='wm-in-photos'>
          {f.photos.map((url) => (
            <Image key={url} className='wm-in-photo' src={url} mode='aspectFill' {...alt('问题照片')} onClick={() => void Taro.previewImage({ urls: f.photos, current: url })} />
          ))}
        </View>
      ) : null}
      {f.answer ? (
        <View className='wm-in-gap'>
          <Text className='wm-in-subtitle wm-fr-block'>整改情况（{dateWords(f.answer.at)}）</Text>
          <Text className='wm-text-secondary wm-fr-block'>{f.answer.note}</Text>
          <View className='wm-in-photos'>
            {f.answer.photos.map((url) => (
              <Image key={url} className='wm-in-photo' src={url} mode='aspectFill' {...alt('问题照片')} onClick={() => void Taro.previewImage({ urls: f.answer?.photos ?? [], current: url })} />
            ))}
          </View>
        </View>
      ) : null}
      {mayFix && f.status === 'open' ? (
        open ? (
          <FixForm finding={f} onFixed={onFixed} onCancel={() => setOpen(false)} />
        ) : (
          <View className='wm-fd-btn wm-fd-btn--primary wm-in-gap' role='button' id={`wm-fr-fix-open-${f.findingId}`} onClick={() => setOpen(true)}>
            <Text>已整改，上传整改照片</Text>
          </View>
        )
      ) : null}
    </View>
  )
}

interface Shot {
  key: string
  path: string
  fileId: string | null
}

function FixForm({ finding, onFixed, onCancel }: { finding: FindingView; onFixed: (f: FindingView) => void; onCancel: () => void }) {
  const [note, setNote] = useState('')
  const [shots, setShots] = useState<Shot[]>([])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const add = async () => {
    const taken = await takePhotos(FRONTAGE_LIMITS.photosPerAnswer - shots.length, { name: finding.shopName, lat: null, lng: null })
    setShots((s) => [...s, ...taken.map((t) => ({ key: newId(), path: t.path, fileId: null }))].slice(0, FRONTAGE_LIMITS.photosPerAnswer))
  }
  const send = async () => {
    if (!note.trim()) return setProblem('请写一句怎么整改的，如：纸箱已清走，门前恢复通行')
    if (shots.length === 0) return setProblem('请拍一张整改后的照片')
    setBusy(true)
    setProblem(null)
    const ids: string[] = []
    for (const s of shots) {
      if (s.fileId) {
        ids.push(s.fileId)
        continue
      }
      const up = await uploadFile({ area: 'frontage', filePath: s.path })
      if (!up.ok) {
        setBusy(false)
        return setProblem(up.message)
      }
      // remembered at once: a retry after a failure does not upload it again
      s.fileId = up.data.fileID
      ids.push(up.data.fileID)
    }
    const r = await callCloud('frontage', 'fixFinding', { findingId: finding.findingId, note: note.trim(), photos: ids })
    setBusy(false)
    if (!r.ok) return setProblem(r.message)
    setDone('已提交整改')
    void Taro.showToast({ icon: 'success', title: '已提交整改' })
    onFixed(r.data)
  }
  return (
    <View className='wm-fd-failbox wm-in-gap' id={`wm-fr-fix-${finding.findingId}`}>
      <Text className='wm-field-label'>整改说明</Text>
      <Textarea className='wm-fd-textarea wm-fd-textarea--short' id={`wm-fr-fix-note-${finding.findingId}`} value={note} maxlength={FRONTAGE_LIMITS.noteMax} placeholder='如：纸箱已清走，门前恢复通行' onInput={(e) => setNote(e.detail.value)} />
      <Text className='wm-field-label'>整改后照片（至少 1 张）</Text>
      <PhotoStrip
        photos={shots.map((s) => ({ key: s.key, path: s.path, progress: 0, status: s.fileId ? '已上传' : '待上传' }))}
        onRemove={(key) => setShots((s) => s.filter((x) => x.key !== key))}
        onAdd={() => void add()}
        max={FRONTAGE_LIMITS.photosPerAnswer}
        addId={`wm-fr-fix-photo-${finding.findingId}`}
        label='拍整改后照片'
      />
      <Problem text={problem} />
      <Done text={done} />
      <View className='wm-fd-pair'>
        <View className='wm-fd-btn wm-fd-btn--primary' role='button' id={`wm-fr-fix-submit-${finding.findingId}`} onClick={busy ? undefined : () => void send()}>
          <Text>{busy ? '请稍候…' : '提交整改'}</Text>
        </View>
        <View className='wm-fd-btn wm-fd-btn--ghost' role='button' onClick={onCancel}>
          <Text>取消</Text>
        </View>
      </View>
    </View>
  )
}
