import { alt } from '@/components/alt'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { INSPECT_LIMITS } from '@/shared/inspect'
import type { EvidenceQueueItem } from '@/shared/contract'
import type { InspectParams } from '../labels'
import { Done, Gate, MoreButton, Problem, Refusal, goInspect, openFile, timeText, usePaged } from './common'

/** 材料审核: what units sent for their 材料审核 items, first come first served; 通过 or 退回 with a reason. */
export function EvidenceReview(_props: { params: InspectParams }) {
  const page = usePaged((cursor) => callCloud('inspect', 'evidenceQueue', cursor ? { cursor } : {}), [])
  const [decided, setDecided] = useState<Record<string, string>>({})
  const [forbidden, setForbidden] = useState(false)
  if (forbidden) return <Refusal what='材料审核' />
  const gate = Gate({ error: page.error, loading: page.loading && !page.first, what: '材料审核', reload: page.reload })
  if (gate) return <>{gate}</>
  const waiting = page.items.filter((e) => !decided[e.evidenceId]).length
  return (
    <View className='wm-in wm-in-wide' id='wm-inspect-evidence'>
      <View className='wm-card'>
        <Text className='wm-in-title'>
          待审核 {waiting}
          {page.more ? '+' : ''} 份
        </Text>
        <Text className='wm-text-secondary'>先交先审。通过后该项材料审核完成；退回须写明原因，单位按原因补充后重新提交，记录都保留。</Text>
      </View>
      {page.items.length === 0 ? (
        <View className='wm-card'>
          <EmptyState glyph='审' title='没有待审核的材料' description='单位提交佐证材料后会出现在这里。可以去看看还有哪些标准未分解。' actionText='看测评标准' onAction={() => goInspect('standards')} />
        </View>
      ) : (
        <View className='wm-in-list--grid'>
          {page.items.map((e) => (
            <View key={e.evidenceId} className='wm-card'>
              <EvidenceCard e={e} decided={decided[e.evidenceId] ?? null} onDecided={(words) => setDecided((d) => ({ ...d, [e.evidenceId]: words }))} onForbidden={() => setForbidden(true)} />
            </View>
          ))}
        </View>
      )}
      <Problem text={page.moreError} />
      <MoreButton more={page.more} busy={page.loadingMore} onMore={page.loadMore} id='wm-inspect-evidence-more' />
    </View>
  )
}

function EvidenceCard({ e, decided, onDecided, onForbidden }: { e: EvidenceQueueItem; decided: string | null; onDecided: (words: string) => void; onForbidden: () => void }) {
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const images = e.files.filter((f) => f.kind === 'image' && !f.held).map((f) => f.url)

  const decide = async (decision: 'accept' | 'return') => {
    if (decision === 'return' && !reason.trim()) {
      setProblem('退回须写明原因，单位才知道要补什么')
      return
    }
    setBusy(true)
    setProblem(null)
    const r = await callCloud('inspect', 'reviewEvidence', decision === 'return' ? { evidenceId: e.evidenceId, decision, reason: reason.trim() } : { evidenceId: e.evidenceId, decision })
    setBusy(false)
    if (!r.ok) {
      if (r.code === 'AUTH.FORBIDDEN') return onForbidden()
      setProblem(r.message)
      return
    }
    onDecided(decision === 'accept' ? '已通过' : `已退回：${reason.trim()}`)
    void Taro.showToast({ icon: 'success', title: decision === 'accept' ? '已通过' : '已退回' })
  }

  return (
    <View id={`wm-inspect-evidence-${e.number}`}>
      <Text className='wm-text-tertiary'>
        {e.unit.name} · {timeText(e.submittedAt)} 提交
      </Text>
      <Text className='wm-in-text'>
        <Text className='wm-in-number'>{e.number}</Text>
        {e.text}
      </Text>
      {e.evidenceRequired ? (
        <View className='wm-in-note'>
          <Text className='wm-in-note__tag'>佐证材料要求</Text>
          <Text>{e.evidenceRequired}</Text>
        </View>
      ) : null}
      {e.note ? <Text className='wm-text-secondary wm-in-gap'>单位说明：{e.note}</Text> : null}
      <Text className='wm-in-subtitle'>提交的文件（{e.files.length} 个）</Text>
      {images.length ? (
        <View className='wm-in-photos'>
          {images.map((url, i) => (
            <View key={url} role='button' aria-label={`查看第 ${i + 1} 张照片`} onClick={() => openFile({ url, kind: 'image' }, images)}>
              <Image className='wm-in-photo' src={url} mode='aspectFill' {...alt('')} />
            </View>
          ))}
        </View>
      ) : null}
      <View className='wm-in-files'>
        {e.files
          .filter((f) => f.kind === 'document' || f.held)
          .map((f, i) =>
            f.held ? (
              <View key={`${f.name}-${i}`} className='wm-in-file'>
                <Text>{f.name}：图片正在内容检测，通过后才能查看</Text>
              </View>
            ) : (
              <View key={`${f.name}-${i}`} className='wm-in-file' role='link' onClick={() => openFile(f)}>
                <Text className='wm-in-col'>{f.name}</Text>
                <Text className='wm-in-link'>打开 ›</Text>
              </View>
            ),
          )}
      </View>
      {decided ? (
        <Done text={decided} id={`wm-inspect-evidence-done-${e.number}`} />
      ) : (
        <View>
          {returning ? (
            <View className='wm-in-gap'>
              <Text className='wm-field-label'>退回原因（单位会看到）</Text>
              <Textarea
                className='wm-in-textarea'
                id={`wm-inspect-evidence-reason-${e.number}`}
                value={reason}
                maxlength={INSPECT_LIMITS.noteMax}
                placeholder='如：缺少会议签到表，请补充后重新提交'
                onInput={(ev) => setReason(ev.detail.value)}
              />
            </View>
          ) : null}
          <Problem text={problem} />
          <View className='wm-in-buttons'>
            {returning ? (
              <>
                <Button type='primary' loading={busy} disabled={busy} id={`wm-inspect-evidence-return-confirm-${e.number}`} onClick={() => void decide('return')}>
                  确认退回
                </Button>
                <Button type='default' disabled={busy} onClick={() => setReturning(false)}>
                  取消
                </Button>
              </>
            ) : (
              <>
                <Button type='primary' loading={busy} disabled={busy} id={`wm-inspect-evidence-accept-${e.number}`} onClick={() => void decide('accept')}>
                  通过
                </Button>
                <Button type='primary' fill='outline' disabled={busy} id={`wm-inspect-evidence-return-${e.number}`} onClick={() => setReturning(true)}>
                  退回
                </Button>
              </>
            )}
          </View>
        </View>
      )}
    </View>
  )
}
