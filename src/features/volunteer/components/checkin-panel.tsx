import { useEffect, useRef, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { MyRecordView, PunchResultView } from '@/shared/contract'
import type { Result } from '@/shared/errors'
import { encodeScene } from '@/shared/scene'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { useResource } from '../api/volunteer'
import { formatClock, formatDistance, formatMinutes, formatShift } from '../lib/format'
import { SOURCE_LABEL } from '../lib/labels'
import { locate } from '../lib/location'
import { checkInSceneFrom } from '../lib/scan'
import { MINE_PAGE, VOLUNTEER_TAB } from '../routes'
import { StateBadge } from './badges'
import './volunteer.scss'

type Proof = { kind: 'scan'; scene: string } | { kind: 'code'; code: string } | { kind: 'geofence'; lat: number; lng: number; accuracyM?: number }

const isWeapp = process.env.TARO_ENV === 'weapp'

function punch(record: MyRecordView, proof: Proof): Promise<Result<PunchResultView>> {
  const action = record.state === 'checkedIn' ? 'checkOut' : 'checkIn'
  return callCloud('volunteer', action, { shiftId: record.shiftId, proof })
}

function describe(result: PunchResultView): string {
  const how = SOURCE_LABEL[result.source]
  const where = result.distanceM !== null ? `，距活动地点约 ${formatDistance(result.distanceM)}` : ''
  return result.state === 'checkedIn'
    ? `${formatClock(result.at)} 签到成功（${how}${where}）。离开时记得签退。`
    : `${formatClock(result.at)} 签退成功，本次计 ${formatMinutes(result.minutes)}，待组织者确认。`
}

type Message = { text: string; ok: boolean } | null

function RecordPunch({
  record,
  autoScene,
  onDone,
  message,
  setMessage,
}: {
  record: MyRecordView
  autoScene: string | null
  onDone: () => void
  message: Message
  setMessage: (m: Message) => void
}) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState<'scan' | 'code' | 'geofence' | null>(null)
  const autoTried = useRef(false)
  const verb = record.state === 'checkedIn' ? '签退' : '签到'
  const now = Date.now()

  const run = async (kind: 'scan' | 'code' | 'geofence', proof: Proof) => {
    setBusy(kind)
    setMessage(null)
    const result = await punch(record, proof)
    setBusy(null)
    if (!result.ok) return setMessage({ text: result.message, ok: false })
    setMessage({ text: describe(result.data), ok: true })
    setCode('')
    onDone()
  }

  // opened by scanning the organizer's code with WeChat: use it at once
  useEffect(() => {
    if (autoScene && !autoTried.current) {
      autoTried.current = true
      void run('scan', { kind: 'scan', scene: autoScene })
    }
  }, [autoScene])

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      const found = checkInSceneFrom(res.path || res.result)
      if (!found) return setMessage({ text: '这不是文明通的签到码，请扫描组织者手机上的签到码', ok: false })
      await run('scan', { kind: 'scan', scene: found.scene })
    } catch {
      // the person closed the scanner
    }
  }

  const here = async () => {
    setBusy('geofence')
    const position = await locate()
    if (!position.ok) {
      setBusy(null)
      return setMessage({ text: position.message, ok: false })
    }
    await run('geofence', { kind: 'geofence', lat: position.lat, lng: position.lng, accuracyM: Math.min(10_000, position.accuracy) })
  }

  const notOpenYet = record.state === 'signed' && now < record.checkInOpensAt
  const closed = record.state !== 'signed' && record.state !== 'checkedIn'
  const submitCode = () => {
    if (!/^\d{6}$/.test(code)) return setMessage({ text: '请输入 6 位数字签到码', ok: false })
    void run('code', { kind: 'code', code })
  }
  return (
    <View className='wm-vo-card' id={`wm-vo-punch-${record.shiftId}`}>
      <View className='wm-vo-row' style={{ marginTop: 0 }}>
        <Text className='wm-vo-card__title'>{record.activityTitle}</Text>
        <StateBadge record={record} />
      </View>
      <Text className='wm-vo-line'>{formatShift(record.startAt, record.endAt)}</Text>
      <Text className='wm-vo-line'>{record.placeName}</Text>
      {record.checkIn ? (
        <Text className='wm-vo-line'>
          {formatClock(record.checkIn.at)} 已签到（{SOURCE_LABEL[record.checkIn.source]}）
        </Text>
      ) : null}
      {record.checkOut ? (
        <Text className='wm-vo-line'>
          {formatClock(record.checkOut.at)} 已签退（{SOURCE_LABEL[record.checkOut.source]}），计 {formatMinutes(record.minutes)}，{record.confirmedAt ? '已确认' : '待组织者确认'}
        </Text>
      ) : null}
      {notOpenYet ? <Text className='wm-vo-hint'>{formatClock(record.checkInOpensAt)} 开放签到（开始前 {Math.round((record.startAt - record.checkInOpensAt) / 60_000)} 分钟）</Text> : null}

      {closed ? null : (
        <>
          <Text className='wm-vo-label'>输入组织者手机上的 6 位签到码</Text>
          <Input
            className='wm-vo-digits-input'
            id={`wm-vo-digits-${record.shiftId}`}
            type='number'
            maxlength={6}
            value={code}
            placeholder='000000'
            onInput={(e) => setCode(e.detail.value.replace(/\D/g, '').slice(0, 6))}
          />
          <View className='wm-vo-actions'>
            <Button
              type='primary'
              id={`wm-vo-code-submit-${record.shiftId}`}
              loading={busy === 'code'}
              onClick={submitCode}
            >
              {verb}
            </Button>
            {isWeapp ? (
              <Button type='primary' fill='outline' loading={busy === 'scan'} onClick={() => void scan()}>
                扫码{verb}
              </Button>
            ) : null}
            <Button id={`wm-vo-here-${record.shiftId}`} loading={busy === 'geofence'} onClick={() => void here()}>
              我已到达（定位{verb}）
            </Button>
          </View>
        </>
      )}
      {message ? (
        <Text className={message.ok ? 'wm-vo-success' : 'wm-vo-error'} id={`wm-vo-punch-message-${record.shiftId}`}>
          {message.text}
        </Text>
      ) : null}
    </View>
  )
}

/**
 * 签到签退: the signups that are on now or soon, each with the three ways to prove presence — the
 * 6-digit code typed from the organizer's screen, scanning the QR (mini-program), or 我已到达 inside
 * the activity's geofence. Opened from a scanned code, it uses the code at once.
 */
export function CheckInPanel({ shiftId, token }: { shiftId?: string; token?: string }) {
  const records = useResource(() => callCloud('volunteer', 'myRecords', { scope: 'upcoming' }), [])
  // outcomes stay on screen after the record moves on (a check-out ends its punch card)
  const [messages, setMessages] = useState<Record<string, Message>>({})
  useDidShow(() => void records.reload())
  const now = Date.now()

  if (!records.data) {
    return records.error ? (
      <View className='wm-card'>
        <ErrorState what='我的报名' message={records.error.message} onRetry={() => void records.reload()} />
      </View>
    ) : (
      <View className='wm-card'>
        <Skeleton rows={4} />
      </View>
    )
  }

  // on now or within the next 12 hours, the one a scanned code names, or one just punched here
  const active = records.data.items.filter(
    (r) =>
      ((r.state === 'signed' || r.state === 'checkedIn') && (r.shiftId === shiftId || r.startAt - now < 12 * 3_600_000)) ||
      (r.state === 'checkedOut' && messages[r.shiftId]),
  )
  const scanned = shiftId && token ? safeScene(shiftId, token) : null
  const scannedRecord = shiftId ? records.data.items.find((r) => r.shiftId === shiftId && r.state !== 'cancelled') : undefined

  return (
    <View id='wm-vo-checkin'>
      {shiftId && !scannedRecord ? (
        <View className='wm-card' role='alert'>
          <Text className='wm-vo-error'>没有找到您在这个班次的报名。签到码只对报名成功的志愿者有效；班次已取消或已结束时也无法签到。</Text>
        </View>
      ) : null}
      {active.length === 0 ? (
        <View className='wm-card'>
          <EmptyState
            glyph='签'
            title='近期没有需要签到的班次'
            description='报名成功的班次会在开始前显示在这里：到场后输入组织者出示的签到码、扫码，或在活动范围内定位签到。'
            actionText='去报名活动'
            onAction={() => openPage(VOLUNTEER_TAB)}
          />
        </View>
      ) : (
        active.map((r) => (
          <RecordPunch
            key={r.signupId}
            record={r}
            autoScene={r.shiftId === shiftId ? scanned : null}
            onDone={() => void records.reload()}
            message={messages[r.shiftId] ?? null}
            setMessage={(m) => setMessages((all) => ({ ...all, [r.shiftId]: m }))}
          />
        ))
      )}
      <View className='wm-vo-more'>
        <Button size='small' fill='none' onClick={() => openPage(MINE_PAGE)}>
          查看我的志愿记录 ›
        </Button>
      </View>
    </View>
  )
}

function safeScene(shiftId: string, token: string): string | null {
  try {
    return encodeScene({ kind: 'checkIn', shiftId, token })
  } catch {
    return null
  }
}
