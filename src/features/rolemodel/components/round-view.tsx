import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { TextArea } from '@/components/text-area'
import { newRequestId } from '@/features/report/lib/request-id'
import { ROLEMODEL_LIMITS, ROUND_DEFAULTS, ROUND_STATUS_LABEL, type CandidateView, type RoundStatus, type RoundSummary, type RoundView as Round } from '@/shared/contract/rolemodel'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '../api'
import { rolemodelUrl, timeText } from '../labels'
import { Done, Photos, Problem, ResidentNav, Tag, categoryLabel, placeText, type TagTone } from './common'
import { ResultTable } from './result-table'
import '../rolemodel.scss'

export const ROUND_TONE: Record<RoundStatus, TagTone> = { scheduled: 'plain', open: 'red', ended: 'warn', closed: 'ok' }

/** The round a resident most likely wants: the open one, then the next, then the latest result. */
function pickRound(rounds: RoundSummary[]): RoundSummary | null {
  const by = (s: RoundStatus) => rounds.filter((r) => r.status === s)
  return by('open')[0] ?? by('scheduled')[0] ?? by('ended')[0] ?? [...by('closed')].sort((a, b) => b.endAt - a.endAt)[0] ?? null
}

/** 评选投票: the current round, or the one a link names (?roundId=). */
export function RoundPage({ roundId }: { roundId: string }) {
  const rounds = useLoad(() => (roundId ? Promise.resolve({ ok: true as const, data: [] }) : callCloud('rolemodel', 'rounds', {})), [roundId])
  const chosen = roundId || (rounds.data ? (pickRound(rounds.data)?.id ?? '') : '')
  return (
    <View className='wm-rm' id='wm-rm-round-page'>
      <ResidentNav current='round' />
      {roundId || rounds.data ? (
        chosen ? (
          <RoundDetail roundId={chosen} />
        ) : (
          <View className='wm-card'>
            <EmptyState
              glyph='评'
              title='现在没有进行中的评选'
              description='文明办开启身边好人评选后，候选人和他们的事迹会在这里公示，您每天都可以投票。先看看已经上榜的好人吧。'
              actionText='看好人榜'
              onAction={() => openPage(rolemodelUrl('board'))}
            />
          </View>
        )
      ) : (
        <View className='wm-card'>{rounds.error ? <ErrorState what='评选' message={rounds.error.message} onRetry={rounds.reload} /> : <Skeleton rows={6} />}</View>
      )}
    </View>
  )
}

function RoundDetail({ roundId }: { roundId: string }) {
  const round = useLoad(() => callCloud('rolemodel', 'round', { roundId }), [roundId])
  const [notice, setNotice] = useState<string | null>(null)
  if (!round.data) {
    if (round.error?.code === 'ROLEMODEL.ROUND_NOT_FOUND') {
      return (
        <View className='wm-card' id='wm-rm-round-missing'>
          <EmptyState glyph='评' title='内容不存在或已下线' description='没有找到这次评选：链接可能已经过期，或者评选已被撤下。最新的评选和入选的好人都在好人榜。' actionText='看好人榜' onAction={() => openPage(rolemodelUrl('board'))} />
        </View>
      )
    }
    return <View className='wm-card'>{round.error ? <ErrorState what='评选' message={round.error.message} onRetry={round.reload} /> : <Skeleton rows={8} />}</View>
  }
  const r = round.data
  const voted = (candidateId: string, votesLeftToday: number) =>
    round.setData({ ...r, votesLeftToday, candidates: r.candidates.map((c) => (c.id === candidateId ? { ...c, votedToday: true } : c)) })
  const outOfVotes = (message: string) => {
    setNotice(message)
    round.setData({ ...r, votesLeftToday: 0 })
  }
  return (
    <View id='wm-rm-round' data-status={r.status}>
      <View className='wm-card'>
        <View className='wm-rm-row'>
          <Text className='wm-rm-title'>{r.title}</Text>
          <Tag text={ROUND_STATUS_LABEL[r.status]} tone={ROUND_TONE[r.status]} />
        </View>
        <Text className='wm-text-secondary'>
          公示投票 {timeText(r.startAt)} — {timeText(r.endAt)}
        </Text>
        <Text className='wm-text-secondary'>
          候选人 {r.candidates.length} 位，评选 {r.seats} 位。结果按「投票 {r.rules.weights.votes}% + 评审组评分 {r.rules.weights.panel}%」综合确定。
        </Text>
      </View>
      {r.status === 'open' ? <Ballot round={r} /> : null}
      {r.status === 'scheduled' ? <Text className='wm-text-secondary'>评选将于 {timeText(r.startAt)} 开始投票，先看看候选人的事迹吧。</Text> : null}
      {r.status === 'ended' ? <Text className='wm-text-secondary'>投票已结束，评审组正在评议，结果公布后会显示在这里和好人榜。</Text> : null}
      {notice ? (
        <View className='wm-rm-asked' role='alert' id='wm-rm-vote-notice'>
          <Text className='wm-rm-asked__tag'>提示</Text>
          <Text className='wm-rm-private__text'>{notice}</Text>
        </View>
      ) : null}
      {r.result ? (
        <>
          <Text className='wm-section-title'>评选结果</Text>
          <View className='wm-card' id='wm-rm-round-result'>
            <ResultTable result={r.result} />
          </View>
        </>
      ) : null}
      <Text className='wm-section-title'>候选人和事迹</Text>
      {r.candidates.map((c) => (
        <CandidateCard key={c.id} round={r} candidate={c} onVoted={voted} onOutOfVotes={outOfVotes} onNotice={setNotice} />
      ))}
    </View>
  )
}

/** How many votes are left today and how counts are published (never live, against 刷票). */
function Ballot({ round: r }: { round: Round }) {
  return (
    <View className='wm-rm-ballot' id='wm-rm-ballot'>
      <Text className='wm-rm-ballot__count' id='wm-rm-votes-left'>
        {r.votesLeftToday > 0 ? `您今天还可以投 ${r.votesLeftToday} 票` : '您今天的票已经投完了'}
      </Text>
      <Text className='wm-text-secondary'>
        每人每天最多 {r.rules.votesPerDay} 票，每位候选人每天只能投 1 票；明天 0 点后可以再投。
      </Text>
      <Text className='wm-text-secondary'>
        {r.snapshotAt
          ? `票数为 ${timeText(r.snapshotAt)} 的快照，每天 ${ROUND_DEFAULTS.snapshotHour}:00 更新一次，投票期间不显示实时票数。`
          : `为防止刷票，投票期间不显示实时票数；票数每天 ${ROUND_DEFAULTS.snapshotHour}:00 公布一次快照。`}
      </Text>
    </View>
  )
}

interface CandidateCardProps {
  round: Round
  candidate: CandidateView
  onVoted: (candidateId: string, votesLeftToday: number) => void
  onOutOfVotes: (message: string) => void
  onNotice: (message: string) => void
}

function CandidateCard({ round: r, candidate: c, onVoted, onOutOfVotes, onNotice }: CandidateCardProps) {
  const [busy, setBusy] = useState(false)
  const [objecting, setObjecting] = useState(false)
  const vote = async () => {
    if (c.votedToday || busy) return
    if (r.votesLeftToday <= 0) return onOutOfVotes(`您今天的 ${r.rules.votesPerDay} 票已经投完了，谢谢您的支持！明天 0 点后可以再投。`)
    setBusy(true)
    const result = await callCloud('rolemodel', 'vote', { roundId: r.id, candidateId: c.id })
    setBusy(false)
    if (result.ok) {
      onVoted(c.id, result.data.votesLeftToday)
      return void Taro.showToast({ icon: 'success', title: '投票成功' })
    }
    if (result.code === 'ROLEMODEL.DAILY_LIMIT') return onOutOfVotes(`您今天的 ${r.rules.votesPerDay} 票已经投完了，谢谢您的支持！明天 0 点后可以再投。`)
    if (result.code === 'ROLEMODEL.ALREADY_VOTED') return onVoted(c.id, r.votesLeftToday)
    onNotice(result.message)
  }
  const voteText = c.votedToday ? '✓ 今天已投' : r.votesLeftToday <= 0 ? '今天的票已投完' : '投他/她一票'
  return (
    <View className='wm-card' id={`wm-rm-candidate-${c.id}`} data-name={c.name}>
      <View className='wm-rm-row'>
        <Text className='wm-rm-title'>{c.name}</Text>
        <Tag text={categoryLabel(c.categoryId)} tone='gold' />
      </View>
      <Text className='wm-text-secondary'>{placeText(c.place)}</Text>
      {r.status !== 'scheduled' && !r.result ? (
        <Text className='wm-text-tertiary' id={`wm-rm-snapshot-${c.id}`}>
          {c.snapshotVotes === null ? '票数：首次快照尚未公布' : `票数：${c.snapshotVotes}（${r.snapshotAt ? timeText(r.snapshotAt) : ''}快照）`}
        </Text>
      ) : null}
      <Text className='wm-rm-story'>{c.story}</Text>
      <Photos urls={c.photos} label={c.name} />
      {r.status === 'open' ? (
        <View className='wm-rm-actions'>
          <View
            className={`wm-rm-like${c.votedToday ? ' wm-rm-like--on' : ''}`}
            role='button'
            id={`wm-rm-vote-${c.id}`}
            aria-disabled={c.votedToday}
            onClick={() => void vote()}
          >
            <Text>{busy ? '正在投票…' : voteText}</Text>
          </View>
          {!objecting ? (
            <View className='wm-rm-link' role='button' id={`wm-rm-object-open-${c.id}`} onClick={() => setObjecting(true)}>
              <Text>对公示有异议</Text>
            </View>
          ) : null}
        </View>
      ) : null}
      {objecting ? <ObjectionForm roundId={r.id} candidate={c} onClose={() => setObjecting(false)} /> : null}
    </View>
  )
}

/** 公示期异议: what is wrong with the candidate's story; seen only by the office. */
function ObjectionForm({ roundId, candidate, onClose }: { roundId: string; candidate: CandidateView; onClose: () => void }) {
  const [text, setText] = useState('')
  const [phone, setPhone] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestId] = useState(newRequestId)
  const submit = async () => {
    if (text.trim().length < 5) return setProblem('请写明异议内容，至少 5 个字')
    if (phone.trim() && !/^1[3-9]\d{9}$/.test(phone.trim())) return setProblem('手机号格式不正确；不想留电话可以不填')
    setBusy(true)
    const result = await callCloud('rolemodel', 'object', { roundId, candidateId: candidate.id, text: text.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}), requestId })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    setDone('异议已提交，文明办会核实。谢谢您的监督。')
  }
  if (done) return <Done text={done} id={`wm-rm-object-done-${candidate.id}`} />
  return (
    <View className='wm-rm-gap' id={`wm-rm-object-${candidate.id}`}>
      <Text className='wm-field-label'>对{candidate.name}的公示内容有什么异议（仅文明办可见）</Text>
      <TextArea className='wm-rm-textarea wm-rm-textarea--short' id={`wm-rm-object-text-${candidate.id}`} value={text} maxlength={ROLEMODEL_LIMITS.objectionMax} placeholder='如：事迹与实际情况不符，具体是……' onInput={(v) => { setText(v); setProblem(null) }} />
      <Text className='wm-rm-counter'>
        {text.trim().length}/{ROLEMODEL_LIMITS.objectionMax} 字
      </Text>
      <Text className='wm-field-label'>联系电话（可不填，仅文明办可见）</Text>
      <Input className='wm-field-input' type='number' maxlength={11} value={phone} placeholder='方便文明办向您核实' onInput={(e) => setPhone(e.detail.value)} />
      <Problem text={problem} />
      <View className='wm-rm-buttons'>
        <Button fill='outline' type='default' onClick={onClose}>
          取消
        </Button>
        <Button type='primary' loading={busy} disabled={busy} onClick={() => void submit()}>
          提交异议
        </Button>
      </View>
    </View>
  )
}
