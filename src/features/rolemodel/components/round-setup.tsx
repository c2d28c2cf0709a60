import { fieldName } from '@/components/alt'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { newRequestId } from '@/features/report/lib/request-id'
import { ROLEMODEL_LIMITS, ROUND_DEFAULTS } from '@/shared/contract/rolemodel'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { shanghaiTime } from '@/lib/time'
import { useLoad } from '../api'
import { rolemodelUrl } from '../labels'
import { CheckRow, OfficeRefusal, Problem, categoryLabel, placeText } from './common'
import '../rolemodel.scss'

const DAY = 86_400_000
const dayKey = (ms: number) => shanghaiTime(ms, 'YYYY-MM-DD')
const dayStart = (key: string) => Date.parse(`${key}T00:00:00+08:00`)
const dayWords = (key: string) => key.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')

/**
 * 发起评选: candidates from the nominees who agreed to be shown, the dates (a round that starts
 * today starts now; it ends at 24:00 of its last day), seats, votes per day and the weighting.
 */
export function RoundSetup() {
  const nominees = useLoad(() => callCloud('rolemodel', 'nominees', { consent: 'given' }), [])
  const today = dayKey(Date.now())
  const [title, setTitle] = useState('')
  const [start, setStart] = useState(today)
  const [end, setEnd] = useState(dayKey(Date.now() + 6 * DAY))
  const [picked, setPicked] = useState<string[]>([])
  const [seats, setSeats] = useState('1')
  const [votesPerDay, setVotesPerDay] = useState(String(ROUND_DEFAULTS.votesPerDay))
  const [voteWeight, setVoteWeight] = useState(String(ROUND_DEFAULTS.weights.votes))
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestId] = useState(newRequestId)

  if (nominees.error?.code === 'AUTH.FORBIDDEN') return <OfficeRefusal what='发起评选' />
  if (!nominees.data) return <View className='wm-card'>{nominees.error ? <ErrorState what='可选的候选人' message={nominees.error.message} onRetry={nominees.reload} /> : <Skeleton rows={8} />}</View>
  const people = nominees.data.items.filter((p) => !p.chosen)
  const weight = Number(voteWeight)
  const panel = Number.isInteger(weight) && weight >= 0 && weight <= 100 ? 100 - weight : null

  const submit = async () => {
    if (title.trim().length < 2) return setProblem('请填写评选名称，如「2026年第四季度身边好人」')
    if (picked.length === 0) return setProblem('请至少选择一位候选人')
    const s = Number(seats)
    if (!Number.isInteger(s) || s < 1 || s > Math.min(picked.length, ROLEMODEL_LIMITS.seatsMax)) return setProblem(`评选名额应为 1 到 ${Math.min(picked.length, ROLEMODEL_LIMITS.seatsMax)} 之间的整数（不能多于候选人数）`)
    const v = Number(votesPerDay)
    if (!Number.isInteger(v) || v < 1 || v > ROLEMODEL_LIMITS.votesPerDayMax) return setProblem(`每人每天票数应为 1 到 ${ROLEMODEL_LIMITS.votesPerDayMax} 之间的整数`)
    if (panel === null) return setProblem('投票权重应为 0 到 100 之间的整数，评审权重自动为 100 减去它')
    if (end < start) return setProblem('结束日期不能早于开始日期')
    const startAt = start === today ? Date.now() : dayStart(start)
    const endAt = dayStart(end) + DAY - 1
    setBusy(true)
    const result = await callCloud('rolemodel', 'openRound', {
      title: title.trim(),
      startAt,
      endAt,
      candidateIds: picked,
      seats: s,
      votesPerDay: v,
      perCandidatePerDay: 1,
      weights: { votes: weight, panel },
      anomaly: { ...ROUND_DEFAULTS.anomaly },
      requestId,
    })
    setBusy(false)
    if (!result.ok) return setProblem(result.message)
    openPage(rolemodelUrl('manage', { roundId: result.data.id }))
  }

  return (
    <View className='wm-rm wm-rm-wide' id='wm-rm-setup'>
      <View className='wm-rm-cols'>
        <View className='wm-rm-col'>
          <Text className='wm-section-title'>候选人（本人已同意公开）</Text>
          <View className='wm-card' id='wm-rm-setup-people'>
            {people.length === 0 ? (
              <EmptyState glyph='人' title='还没有可以列为候选人的人' description='推荐经审核采纳、并由被推荐人本人用同意码确认公开后，才能列为候选人。先去推荐审核看看。' actionText='推荐审核' onAction={() => openPage(rolemodelUrl('review'))} />
            ) : (
              people.map((p) => (
                <CheckRow
                  key={p.id}
                  id={`wm-rm-setup-pick-${p.id}`}
                  on={picked.includes(p.id)}
                  onToggle={() => {
                    setProblem(null)
                    setPicked((prev) => (prev.includes(p.id) ? prev.filter((x) => x !== p.id) : [...prev, p.id]))
                  }}
                  label={
                    <View className='wm-rm-col'>
                      <Text>
                        {p.name} · {categoryLabel(p.categoryId)}
                      </Text>
                      <Text className='wm-text-tertiary'>
                        {placeText(p.place)}
                        {p.roundIds.length > 0 ? ` · 参加过 ${p.roundIds.length} 次评选` : ''}
                      </Text>
                    </View>
                  }
                />
              ))
            )}
            <Text className='wm-text-tertiary wm-rm-gap'>已选 {picked.length} 位</Text>
          </View>
        </View>
        <View className='wm-rm-col'>
          <Text className='wm-section-title'>评选设置</Text>
          <View className='wm-card'>
            <Text className='wm-field-label'>评选名称（公开）</Text>
            <Input className='wm-field-input' id='wm-rm-setup-title' value={title} maxlength={ROLEMODEL_LIMITS.roundTitleMax} placeholder='如：2026年第四季度身边好人' onInput={(e) => setTitle(e.detail.value)} />
            <Text className='wm-field-label'>公示投票开始（选今天即立刻开始）</Text>
            <Picker mode='date' value={start} start={today} end={dayKey(Date.now() + 90 * DAY)} onChange={(e) => setStart(String(e.detail.value))}>
              <View className='wm-field-input wm-rm-picker' id='wm-rm-setup-start'>
                <Text>{dayWords(start)}{start === today ? '（今天，立即开始）' : ' 0:00'}</Text>
                <Text className='wm-text-tertiary'>更改 ›</Text>
              </View>
            </Picker>
            <Text className='wm-field-label'>投票截止（当天 24:00）</Text>
            <Picker mode='date' value={end} start={start} end={dayKey(dayStart(start) + (ROLEMODEL_LIMITS.roundDaysMax - 1) * DAY)} onChange={(e) => setEnd(String(e.detail.value))}>
              <View className='wm-field-input wm-rm-picker' id='wm-rm-setup-end'>
                <Text>{dayWords(end)} 24:00</Text>
                <Text className='wm-text-tertiary'>更改 ›</Text>
              </View>
            </Picker>
            <Text className='wm-field-label'>评选名额（入选几位）</Text>
            <Input className='wm-field-input' id='wm-rm-setup-seats' {...fieldName('评选名额')} type='number' value={seats} maxlength={2} onInput={(e) => setSeats(e.detail.value)} />
            <Text className='wm-field-label'>每人每天可投票数（每位候选人每天限 1 票）</Text>
            <Input className='wm-field-input' id='wm-rm-setup-votes' {...fieldName('每人每天可投票数')} type='number' value={votesPerDay} maxlength={2} onInput={(e) => setVotesPerDay(e.detail.value)} />
            <Text className='wm-field-label'>投票权重 %（评审组评分权重 = 100 − 投票权重）</Text>
            <Input className='wm-field-input' id='wm-rm-setup-weight' {...fieldName('投票权重')} type='number' value={voteWeight} maxlength={3} onInput={(e) => setVoteWeight(e.detail.value)} />
            <Text className='wm-text-secondary wm-rm-gap' id='wm-rm-setup-weights'>
              {panel === null ? '投票权重应为 0–100 的整数' : `结果 = 得票折算分 × ${weight}% + 评审分 × ${panel}%`}
            </Text>
            <Text className='wm-text-tertiary wm-rm-gap'>
              异常提示：凌晨 1–6 点某候选人得票超过 {ROUND_DEFAULTS.anomaly.nightVotes} 票；新注册账号 1 小时内为某候选人投票超过 {ROUND_DEFAULTS.anomaly.freshAccountVotesPerHour} 票；某候选人 1 小时得票超过 {ROUND_DEFAULTS.anomaly.candidateVotesPerHour} 票且为当天平均的 {ROUND_DEFAULTS.anomaly.burstFactor} 倍。
            </Text>
          </View>
          <Problem text={problem} id='wm-rm-setup-error' />
          <Button block type='primary' loading={busy} disabled={busy} id='wm-rm-setup-submit' onClick={() => void submit()}>
            开启评选公示
          </Button>
        </View>
      </View>
    </View>
  )
}
