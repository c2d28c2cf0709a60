import { alt } from '@/components/alt'
import { useEffect, useRef, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CheckInCodeView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { callCloud } from '@/lib/call-cloud'
import { ErrorState, Skeleton } from '@/components/state'
import { formatShift } from '../lib/format'
import './volunteer.scss'

/**
 * The organizer's full-screen check-in code: the QR and the 6-digit code from the server, fetched
 * again the moment it rotates (every 30 s), with a countdown. The screen is kept on and bright.
 * A failed refresh keeps trying every few seconds and says so: an old code stops working within
 * a minute, so a stale screen must be obvious.
 */
export function CodeScreen({ shiftId }: { shiftId: string }) {
  const [code, setCode] = useState<CheckInCodeView | null>(null)
  const [error, setError] = useState<Fail | null>(null)
  const [now, setNow] = useState(Date.now())
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const live = useRef(true)

  const fetchCode = async () => {
    const result = await callCloud('volunteer', 'checkInCode', { shiftId })
    if (!live.current) return
    if (result.ok) {
      setCode(result.data)
      setError(null)
      // fetch again just after the rotation; a phone clock far off the server's is held to one slot
      schedule(Math.min(result.data.slotMs, Math.max(1000, result.data.rotatesAt - Date.now())) + 300)
    } else {
      setError(result)
      schedule(3000)
    }
  }

  const schedule = (ms: number) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void fetchCode(), ms)
  }

  useEffect(() => {
    live.current = true
    void fetchCode()
    const tick = setInterval(() => setNow(Date.now()), 1000)
    if (process.env.TARO_ENV === 'weapp') {
      void Taro.setKeepScreenOn({ keepScreenOn: true })
      void Taro.setScreenBrightness({ value: 1 }).catch(() => undefined)
    }
    return () => {
      live.current = false
      clearInterval(tick)
      if (timer.current) clearTimeout(timer.current)
      if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: false })
    }
  }, [shiftId])

  if (!code) {
    return error ? (
      <View className='wm-card'>
        <ErrorState what='签到码' message={error.message} onRetry={() => void fetchCode()} />
      </View>
    ) : (
      <View className='wm-card'>
        <Skeleton rows={6} />
      </View>
    )
  }
  const left = Math.min(code.slotMs / 1000, Math.max(0, Math.ceil((code.rotatesAt - now) / 1000)))
  return (
    <View className='wm-card wm-vo-code' id='wm-vo-code-screen'>
      <Text className='wm-vo-card__title'>{code.activityTitle}</Text>
      <Text className='wm-text-secondary'>
        {formatShift(code.startAt, code.endAt)} · 志愿者扫码签到 / 签退
      </Text>
      <Image className='wm-vo-code__qr' src={code.qrDataUrl} id='wm-vo-code-qr' {...alt('签到二维码')} />
      <Text className='wm-text-secondary'>无法扫码时输入 6 位签到码</Text>
      <Text className='wm-vo-code__digits' id='wm-vo-code-digits'>
        {code.code}
      </Text>
      <Text className='wm-vo-code__countdown' id='wm-vo-code-countdown'>
        {left > 0 ? `${left} 秒后自动刷新，旧码 1 分钟内失效` : '正在刷新…'}
      </Text>
      {error ? (
        <Text className='wm-vo-error'>
          刷新失败：{error.message}。正在重试，请勿使用截图。
        </Text>
      ) : null}
    </View>
  )
}
