import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { ErrorState, Skeleton } from '@/components/state'
import { ROUND_STATUS_LABEL } from '@/shared/contract/rolemodel'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { districtsText, useLoad } from '../api'
import { rolemodelUrl, timeText } from '../labels'
import { Figure, OfficeRefusal, Tag } from './common'
import { Delegations } from './delegations'
import { ROUND_TONE } from './round-view'
import '../rolemodel.scss'

const upTo = (n: number, more: boolean) => (more ? `${n}+` : String(n))

/**
 * 身边好人管理: what waits for the office (审核, 本人同意) and every round, with the way to each;
 * a 区文明办审核员 sees only what they may do: their districts' review queue.
 */
export function OfficeHome() {
  const scope = useLoad(() => callCloud('rolemodel', 'reviewScope', {}), [])
  if (scope.error?.code === 'AUTH.FORBIDDEN') return <OfficeRefusal what='身边好人管理' />
  if (!scope.data) return <View className='wm-card'>{scope.error ? <ErrorState what='身边好人管理' message={scope.error.message} onRetry={scope.reload} /> : <Skeleton rows={8} />}</View>
  return scope.data.office ? <OfficeDesk /> : <ReviewerHome districts={scope.data.districts} />
}

function ReviewerHome({ districts }: { districts: string[] }) {
  const pending = useLoad(() => callCloud('rolemodel', 'queue', { status: 'pending' }), [])
  const more = useLoad(() => callCloud('rolemodel', 'queue', { status: 'needsMore' }), [])
  return (
    <View className='wm-rm wm-rm-wide' id='wm-rm-reviewer'>
      <View className='wm-card'>
        <Text className='wm-rm-title' id='wm-rm-reviewer-districts'>
          {districts.length ? `您负责审核：${districtsText(districts)}` : '文明办还没有授权您审核哪个区'}
        </Text>
        <Text className='wm-text-secondary'>您可以审核这些区市民推荐的身边好人：采纳、要求补充材料或不予采纳。合并重复推荐、发起评选和公布结果由市文明办负责。</Text>
        <View className='wm-rm-figures'>
          <Figure value={pending.data ? upTo(pending.data.items.length, pending.data.nextCursor !== null) : '…'} label='待审核的推荐' id='wm-rm-reviewer-pending' />
          <Figure value={more.data ? upTo(more.data.items.length, more.data.nextCursor !== null) : '…'} label='等推荐人补充' />
        </View>
        {districts.length ? (
          <View className='wm-rm-buttons'>
            <Button type='primary' id='wm-rm-office-review' onClick={() => openPage(rolemodelUrl('review'))}>
              推荐审核
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  )
}

function OfficeDesk() {
  const pending = useLoad(() => callCloud('rolemodel', 'queue', { status: 'pending' }), [])
  const awaiting = useLoad(() => callCloud('rolemodel', 'nominees', { consent: 'awaiting' }), [])
  const given = useLoad(() => callCloud('rolemodel', 'nominees', { consent: 'given' }), [])
  const rounds = useLoad(() => callCloud('rolemodel', 'rounds', {}), [])
  if (pending.error?.code === 'AUTH.FORBIDDEN') return <OfficeRefusal what='身边好人管理' />
  if (!pending.data || !rounds.data) {
    const error = pending.error ?? rounds.error
    return <View className='wm-card'>{error ? <ErrorState what='身边好人管理' message={error.message} onRetry={() => { pending.reload(); rounds.reload() }} /> : <Skeleton rows={8} />}</View>
  }
  const list = [...rounds.data].sort((a, b) => b.startAt - a.startAt)
  return (
    <View className='wm-rm wm-rm-wide' id='wm-rm-office'>
      <View className='wm-card'>
        <View className='wm-rm-figures'>
          <Figure value={upTo(pending.data.items.length, pending.data.nextCursor !== null)} label='待审核的推荐' id='wm-rm-office-pending' />
          <Figure value={awaiting.data ? upTo(awaiting.data.items.length, awaiting.data.nextCursor !== null) : '…'} label='等本人同意' />
          <Figure value={given.data ? upTo(given.data.items.length, given.data.nextCursor !== null) : '…'} label='已同意、可列为候选人' />
          <Figure value={list.filter((r) => r.status === 'open').length} label='进行中的评选' />
        </View>
        <View className='wm-rm-buttons'>
          <Button type='primary' id='wm-rm-office-review' onClick={() => openPage(rolemodelUrl('review'))}>
            推荐审核
          </Button>
          <Button type='primary' fill='outline' id='wm-rm-office-setup' onClick={() => openPage(rolemodelUrl('setup'))}>
            发起评选
          </Button>
        </View>
      </View>
      <Text className='wm-section-title'>评选</Text>
      <View className='wm-card' id='wm-rm-office-rounds'>
        {list.length === 0 ? (
          <Text className='wm-text-secondary'>还没有评选。被推荐人本人同意公开后，点「发起评选」选候选人、定时间和名额。</Text>
        ) : (
          list.map((r) => (
            <View key={r.id} className='wm-rm-item wm-rm-row' role='link' id={`wm-rm-office-round-${r.id}`} onClick={() => openPage(rolemodelUrl('manage', { roundId: r.id }))}>
              <View className='wm-rm-col'>
                <Text className='wm-rm-title'>{r.title}</Text>
                <Text className='wm-text-secondary'>
                  {timeText(r.startAt)} — {timeText(r.endAt)} · 候选人 {r.candidateCount} 位 · 名额 {r.seats}
                </Text>
              </View>
              <Tag text={ROUND_STATUS_LABEL[r.status]} tone={ROUND_TONE[r.status]} />
              <Text className='wm-rm-link'>管理 ›</Text>
            </View>
          ))
        )}
      </View>
      <Delegations />
    </View>
  )
}
