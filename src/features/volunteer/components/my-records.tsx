import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { MyRecordsView, MyRecordView } from '@/shared/contract'
import type { Result } from '@/shared/errors'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { listPlaceholder } from '@/components/state'
import { loadVolunteerSettings, usePaged } from '../api/volunteer'
import { formatClock, formatDateTime, formatHours, formatMinutes, formatShift } from '../lib/format'
import { SOURCE_LABEL } from '../lib/labels'
import { ACTIVITY_PAGE, CERTIFICATE_PAGE, CHECKIN_PAGE, REGISTER_PAGE, VOLUNTEER_TAB, withQuery } from '../routes'
import { Chips, StateBadge } from './badges'
import './volunteer.scss'

/** Where each credited minute came from, in words: 签到 08:52（签到码）· 签退 11:00（自动签退）· 人工调整 90→100 分钟（原因） */
export function MinuteSources({ record }: { record: Pick<MyRecordView, 'checkIn' | 'checkOut' | 'adjustments' | 'autoClosed'> }) {
  return (
    <View>
      {record.checkIn ? (
        <Text className='wm-vo-line'>
          签到 {formatClock(record.checkIn.at)}（{SOURCE_LABEL[record.checkIn.source]}）
          {record.checkOut ? ` · 签退 ${formatClock(record.checkOut.at)}（${SOURCE_LABEL[record.checkOut.source]}）` : ''}
        </Text>
      ) : null}
      {record.autoClosed ? <Text className='wm-vo-hint'>未签退：已按班次结束时间自动签退，待组织者确认。</Text> : null}
      {record.adjustments.map((a) => (
        <Text key={a.at} className='wm-vo-line'>
          人工调整 {formatMinutes(a.fromMinutes)} → {formatMinutes(a.toMinutes)}：{a.reason}
        </Text>
      ))}
    </View>
  )
}

function RecordCard({ record, deadlineMinutes, onChanged }: { record: MyRecordView; deadlineMinutes: number; onChanged: () => void }) {
  const now = Date.now()
  const [busy, setBusy] = useState(false)
  const waitlisted = record.state === 'waitlisted'
  const cancellable = (record.state === 'signed' || waitlisted) && now < record.endAt
  const canPunch = (record.state === 'signed' || record.state === 'checkedIn') && now >= record.checkInOpensAt && now < record.endAt + 3_600_000

  const cancel = async () => {
    const late = !waitlisted && now > record.startAt - deadlineMinutes * 60_000
    const { confirm } = await Taro.showModal({
      title: waitlisted ? '取消候补' : '取消报名',
      content: late ? `距开始已不足 ${Math.round(deadlineMinutes / 6) / 10} 小时，现在取消将记为一次缺席。确定取消吗？` : '确定取消吗？',
      confirmText: '确定取消',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy(true)
    const result = await callCloud('volunteer', 'cancelSignup', { signupId: record.signupId })
    setBusy(false)
    void Taro.showToast({ title: result.ok ? (result.data.countedAsNoShow ? '已取消，记为缺席' : '已取消') : result.message, icon: 'none' })
    onChanged()
  }

  return (
    <View className='wm-vo-card' id={`wm-vo-record-${record.signupId}`}>
      <View className='wm-vo-row' style={{ marginTop: 0 }} onClick={() => openPage(withQuery(ACTIVITY_PAGE, { id: record.activityId }))}>
        <Text className='wm-vo-card__title'>{record.activityTitle}</Text>
        {waitlisted && now >= record.startAt ? <Text className='wm-vo-badge wm-vo-badge--muted'>候补未递补</Text> : <StateBadge record={record} />}
      </View>
      <Text className='wm-vo-line'>{formatShift(record.startAt, record.endAt)}</Text>
      <Text className='wm-vo-line'>
        {record.placeName} · {record.teamName}
      </Text>
      {waitlisted && record.waitlistPosition ? <Text className='wm-vo-line'>候补第 {record.waitlistPosition} 位，有人取消时按顺序递补并通知您</Text> : null}
      {record.shiftCancelled ? <Text className='wm-vo-error'>组织者已取消该班次</Text> : null}
      <MinuteSources record={record} />
      {['checkedOut', 'confirmed'].includes(record.state) || record.adjustments.length > 0 ? (
        <Text className='wm-vo-line' id={`wm-vo-record-minutes-${record.signupId}`}>
          服务时长：<Text style={{ fontWeight: 600 }}>{formatMinutes(record.minutes)}</Text>
          {record.confirmedAt ? `（${formatDateTime(record.confirmedAt)} 已确认）` : '（待组织者确认，确认后计入总时长）'}
        </Text>
      ) : null}
      <View className='wm-vo-actions'>
        {canPunch ? (
          <Button size='small' type='primary' onClick={() => openPage(withQuery(CHECKIN_PAGE, { shiftId: record.shiftId }))}>
            {record.state === 'checkedIn' ? '去签退' : '去签到'}
          </Button>
        ) : null}
        {cancellable ? (
          <Button size='small' loading={busy} onClick={() => void cancel()}>
            {waitlisted ? '取消候补' : '取消报名'}
          </Button>
        ) : null}
      </View>
    </View>
  )
}

const SCOPES = [
  { key: 'upcoming', label: '即将参加' },
  { key: 'history', label: '历史记录' },
]

/** 我的志愿: total confirmed hours, the certificate, upcoming shifts and history. */
export function MyRecords() {
  const [scope, setScope] = useState<'upcoming' | 'history'>('upcoming')
  const [totals, setTotals] = useState<{ minutes: number; count: number } | null>(null)
  const [deadline, setDeadline] = useState(120)
  const [needsRegistration, setNeedsRegistration] = useState(false)

  const list = usePaged<MyRecordView>(
    async (page) => {
      const result: Result<MyRecordsView> = await callCloud('volunteer', 'myRecords', { scope, page })
      if (result.ok) setTotals({ minutes: result.data.confirmedMinutes, count: result.data.confirmedCount })
      return result
    },
    [scope],
  )
  useDidShow(() => {
    void list.reload()
    void loadVolunteerSettings().then((r) => r.ok && setDeadline(r.data.cancelDeadlineMinutes))
    void callCloud('volunteer', 'myProfile', {}).then((r) => setNeedsRegistration(r.ok && r.data === null))
  })
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void list.more())

  return (
    <View id='wm-vo-mine'>
      <View className='wm-vo-card'>
        <Text className='wm-text-secondary'>已确认的服务时长</Text>
        <View className='wm-vo-total'>
          <Text className='wm-vo-total__value' id='wm-vo-total-hours'>
            {totals ? formatHours(totals.minutes) : '—'}
          </Text>
          <Text>小时</Text>
        </View>
        <Text className='wm-vo-hint' id='wm-vo-total-detail'>
          {totals ? `共 ${totals.count} 次服务，${formatMinutes(totals.minutes)}。只有组织者确认的时长计入。` : '正在加载…'}
        </Text>
        <View className='wm-vo-actions'>
          <Button type='primary' id='wm-vo-open-certificate' onClick={() => openPage(CERTIFICATE_PAGE)}>
            服务证明
          </Button>
          {needsRegistration ? (
            <Button onClick={() => openPage(REGISTER_PAGE)}>成为志愿者</Button>
          ) : (
            <Button onClick={() => openPage(REGISTER_PAGE)}>我的登记信息</Button>
          )}
        </View>
      </View>

      <Chips idPrefix='wm-vo-scope' options={SCOPES} value={scope} onChange={(k) => setScope(k as 'upcoming' | 'history')} />

      {listPlaceholder({
        error: list.error,
        loading: list.loading,
        count: list.items.length,
        what: '志愿记录',
        onRetry: () => void list.reload(),
        skeletonRows: 4,
        empty: { glyph: scope === 'upcoming' ? '报' : '史', title: scope === 'upcoming' ? '还没有报名的班次' : '还没有志愿服务记录', description: scope === 'upcoming' ? '去志愿服务页选一个活动报名吧；报名成功后会显示在这里。' : '参加活动并签到签退后，服务记录会显示在这里。', actionText: '去报名', onAction: () => openPage(VOLUNTEER_TAB) },
      }) ?? (
        <View>
          {list.items.map((r) => (
            <RecordCard key={r.signupId} record={r} deadlineMinutes={deadline} onChanged={() => void list.reload()} />
          ))}
          <View className='wm-vo-more'>
            {list.done ? (
              <Text className='wm-text-tertiary'>没有更多了</Text>
            ) : (
              <Button size='small' loading={list.loading} onClick={() => void list.more()}>
                加载更多
              </Button>
            )}
          </View>
        </View>
      )}
    </View>
  )
}
