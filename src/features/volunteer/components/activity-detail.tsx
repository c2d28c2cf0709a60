import { alt } from '@/components/alt'
import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import type { ActivityDetailView, ShiftView } from '@/shared/contract'
import { CONSENT_MOMENTS } from '@/shared/notify'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { askConsent, prepareConsent } from '@/lib/subscribe'
import { PlaceMap } from '@/components/place-map'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { newRequestId, useResource } from '../api/volunteer'
import { formatShift } from '../lib/format'
import { ACTIVITY_TYPE_GLYPH } from '../lib/labels'
import { CODE_PAGE, REGISTER_PAGE, ROSTER_PAGE, VOLUNTEER_TAB, withQuery } from '../routes'
import { StateBadge, TypeTag } from './badges'
import { ShiftRow } from './shift-row'
import './volunteer.scss'
import './family-shift.scss'

/** WeChat's own map, to navigate there; closing it is not an error */
function openPlace({ place }: ActivityDetailView): void {
  void Taro.openLocation({ latitude: place.lat, longitude: place.lng, name: place.name, address: place.address }).catch(() => undefined)
}

export function ActivityDetail({ activityId }: { activityId: string }) {
  const detail = useResource(() => callCloud('volunteer', 'getActivity', { activityId }), [activityId])
  const [busyShift, setBusyShift] = useState<string | null>(null)
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)
  // one idempotency key per shift while its tap is unresolved: a retry after a timeout resends it
  const [pending, setPending] = useState<Record<string, string>>({})
  const now = Date.now()

  useDidShow(() => {
    void detail.reload()
    // the sign-up tap asks for messages; the template ids must be at hand before the tap
    void prepareConsent()
  })
  usePullDownRefresh(() => void detail.reload().finally(() => Taro.stopPullDownRefresh()))
  useShareAppMessage(() => ({
    title: detail.data ? `一起来做志愿者：${detail.data.title}` : '文明通 · 志愿服务',
    path: withQuery(`/packages/volunteer/pages/activity/index`, { id: activityId }),
  }))

  const a = detail.data
  if (!a) {
    if (detail.error) {
      return detail.error.code === 'VOLUNTEER.ACTIVITY_NOT_FOUND' ? (
        <View className='wm-card'>
          <EmptyState glyph='志' title='内容不存在或已下线' description='没有找到这个活动，可能已被删除。去志愿服务页看看其他活动吧。' actionText='去志愿服务' onAction={() => openPage(VOLUNTEER_TAB)} />
        </View>
      ) : (
        <View className='wm-card'>
          <ErrorState what='活动' message={detail.error.message} onRetry={() => void detail.reload()} />
        </View>
      )
    }
    return (
      <View className='wm-card'>
        <Skeleton rows={5} />
      </View>
    )
  }

  const mineFor = (shiftId: string) => a.mine.find((m) => m.shiftId === shiftId)

  const signUp = async (shift: ShiftView) => {
    // inside the late-cancel window a sign-up can no longer be taken back for free: ask once
    if (now > shift.startAt - a.cancelDeadlineMinutes * 60_000) {
      const { confirm } = await Taro.showModal({
        title: '临近开始',
        content: `距开始已不足 ${Math.round((a.cancelDeadlineMinutes / 60) * 10) / 10} 小时，报名后再取消将记为一次缺席。确定报名吗？`,
        confirmText: '确定报名',
        cancelText: '再想想',
      })
      if (!confirm) return
    }
    setMessage(null)
    setBusyShift(shift.id)
    // 活动开始提醒, 候补成功, 活动取消: each accepted one lets the server send one such message
    await askConsent(CONSENT_MOMENTS.signup)
    const requestId = pending[shift.id] ?? newRequestId()
    setPending((p) => ({ ...p, [shift.id]: requestId }))
    const result = await callCloud('volunteer', 'signUp', { shiftId: shift.id, requestId })
    setBusyShift(null)
    if (!result.ok) {
      // the network may have dropped the answer, not the request: keep the key for the retry
      if (result.code !== 'NETWORK.OFFLINE' && result.code !== 'CLOUD.UNAVAILABLE') setPending(({ [shift.id]: _, ...rest }) => rest)
      if (result.code === 'VOLUNTEER.PROFILE_REQUIRED') {
        openPage(withQuery(REGISTER_PAGE, { back: activityId }))
        return
      }
      setMessage({ text: result.message, ok: false })
      return
    }
    setPending(({ [shift.id]: _, ...rest }) => rest)
    setMessage({
      text: result.data.state === 'signed' ? '报名成功！请按时到场签到。' : `已加入候补，当前第 ${result.data.waitlistPosition} 位；有人取消时按顺序递补并通知您。`,
      ok: true,
    })
    await detail.reload()
  }

  const cancel = async (signupId: string, shift: ShiftView, waitlisted: boolean) => {
    const late = !waitlisted && now > shift.startAt - a.cancelDeadlineMinutes * 60_000
    const { confirm } = await Taro.showModal({
      title: waitlisted ? '取消候补' : '取消报名',
      content: late
        ? `距开始已不足 ${Math.round(a.cancelDeadlineMinutes / 60)} 小时，现在取消将记为一次缺席。确定取消吗？`
        : waitlisted
          ? '确定放弃候补吗？'
          : '确定取消报名吗？名额将让给候补的志愿者。',
      confirmText: '确定取消',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusyShift(shift.id)
    const result = await callCloud('volunteer', 'cancelSignup', { signupId })
    setBusyShift(null)
    setMessage(result.ok ? { text: result.data.countedAsNoShow ? '已取消，本次记为缺席。' : '已取消。', ok: true } : { text: result.message, ok: false })
    await detail.reload()
  }

  const actionFor = (shift: ShiftView) => {
    const mine = mineFor(shift.id)
    const busy = busyShift === shift.id
    if (mine) {
      const waitlisted = mine.state === 'waitlisted'
      return (
        <>
          <StateBadge record={{ state: mine.state, noShowReason: null, autoClosed: false }} />
          {waitlisted ? <Text className='wm-vo-hint'>第 {mine.waitlistPosition} 位</Text> : null}
          {(mine.state === 'signed' || waitlisted) && shift.endAt > now ? (
            <Button size='small' fill='none' loading={busy} id={`wm-vo-cancel-${shift.id}`} onClick={() => void cancel(mine.signupId, shift, waitlisted)}>
              {waitlisted ? '取消候补' : '取消报名'}
            </Button>
          ) : null}
        </>
      )
    }
    if (a.status === 'cancelled' || shift.status === 'cancelled') return null
    // a shift that has begun is told in words, not by a missing button
    if (shift.startAt <= now) return <Text className='wm-vo-hint' id={`wm-vo-state-${shift.id}`}>{shift.endAt > now ? '进行中' : '已结束'}</Text>
    const full = shift.placesLeft === 0
    return (
      <Button size='small' type='primary' fill={full ? 'outline' : 'solid'} loading={busy} id={`wm-vo-signup-${shift.id}`} onClick={() => void signUp(shift)}>
        {full ? '候补' : '报名'}
      </Button>
    )
  }

  return (
    <View id='wm-vo-detail'>
      <View className='wm-vo-card'>
        {a.coverUrl ? <Image className='wm-vo-cover' src={a.coverUrl} mode='aspectFill' {...alt(`${a.title}的封面`)} /> : null}
        <View className='wm-vo-card__head'>
          <View className='wm-vo-card__glyph' aria-hidden='true'>
            <Text>{ACTIVITY_TYPE_GLYPH[a.type]}</Text>
          </View>
          <View className='wm-vo-card__main'>
            <Text className='wm-vo-card__title' id='wm-vo-title'>
              {a.title}
            </Text>
            <View className='wm-vo-card__meta'>
              <TypeTag type={a.type} />
              <Text>{a.teamName}</Text>
            </View>
            {a.status === 'cancelled' ? <Text className='wm-vo-error'>活动已取消</Text> : null}
          </View>
        </View>
        <Text className='wm-vo-line' style={{ whiteSpace: 'pre-wrap' }}>
          {a.description}
        </Text>
      </View>

      <View className='wm-vo-card' id='wm-vo-place'>
        <Text className='wm-vo-label' style={{ marginTop: 0 }}>
          地点：{a.place.name}
        </Text>
        <Text className='wm-vo-line' id='wm-vo-address'>
          地址：{a.place.address}
        </Text>
        <PlaceMap
          id='wm-vo-map'
          pin={a.place}
          pinTitle={a.place.name}
          geofence={{ center: a.place, radiusM: a.geofenceRadiusM }}
          onOpen={process.env.TARO_ENV === 'weapp' ? () => openPlace(a) : undefined}
          label={`活动地点：${a.place.name}，红色圆圈内 ${a.geofenceRadiusM} 米可定位签到`}
        />
        <Text className='wm-text-secondary'>到场后在红色圆圈（活动地点 {a.geofenceRadiusM} 米）范围内可定位签到，也可扫描组织者出示的签到码。</Text>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button size='small' fill='outline' type='primary' id='wm-vo-navigate' onClick={() => openPlace(a)}>
            在地图中打开（导航）
          </Button>
        ) : (
          <Text className='wm-vo-hint'>在小程序中可打开微信地图导航到活动地点</Text>
        )}
      </View>

      <View className='wm-vo-card'>
        <Text className='wm-vo-label' style={{ marginTop: 0 }}>
          班次
        </Text>
        <Text className='wm-vo-hint'>开始前 {Math.round(a.cancelDeadlineMinutes / 60 * 10) / 10} 小时内取消将记为缺席；已满的班次可以候补，有人取消时按顺序递补。</Text>
        {message ? (
          <Text className={message.ok ? 'wm-vo-success' : 'wm-vo-error'} id='wm-vo-message'>
            {message.text}
          </Text>
        ) : null}
        {a.shifts.length === 0 ? <Text className='wm-vo-line'>暂无班次</Text> : null}
        {a.shifts.map((shift) => (
          <View key={shift.id}>
            <ShiftRow shift={shift} now={now} action={actionFor(shift)} />
            {shift.family ? <Text className='wm-vo-family-tag'>亲子 · 家长带孩子参加，孩子不登记</Text> : null}
            {a.canManage ? (
              <View className='wm-vo-actions'>
                <Button size='small' id={`wm-vo-code-${shift.id}`} onClick={() => openPage(withQuery(CODE_PAGE, { shiftId: shift.id }))}>
                  出示签到码
                </Button>
                <Button size='small' id={`wm-vo-roster-${shift.id}`} onClick={() => openPage(withQuery(ROSTER_PAGE, { shiftId: shift.id }))}>
                  花名册
                </Button>
              </View>
            ) : null}
          </View>
        ))}
      </View>
      {a.canManage ? <Text className='wm-vo-hint'>您是本活动所属队伍的组织者。班次时间：{a.shifts[0] ? formatShift(a.shifts[0].startAt, a.shifts[0].endAt) : '—'} 起。</Text> : null}
    </View>
  )
}
