import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { ShiftView } from '@/shared/contract'
import { formatShift } from '../lib/format'
import './volunteer.scss'

/** 剩余 3 个名额 / 已满·候补 2 人 / 已取消 / 已结束 — always in words. */
export function placesText(shift: ShiftView, now: number): { text: string; full: boolean } {
  if (shift.status === 'cancelled') return { text: '班次已取消', full: true }
  if (shift.endAt <= now) return { text: '已结束', full: true }
  if (shift.placesLeft > 0) return { text: `剩余 ${shift.placesLeft} 个名额（共 ${shift.capacity}）`, full: false }
  return { text: shift.waiting > 0 ? `已满 · ${shift.waiting} 人候补` : '已满 · 可候补', full: true }
}

export function ShiftRow({ shift, now, action, onClick }: { shift: ShiftView; now: number; action?: ReactNode; onClick?: () => void }) {
  const places = placesText(shift, now)
  return (
    <View className='wm-vo-shift' id={`wm-vo-shift-${shift.id}`} onClick={onClick}>
      <View className='wm-vo-shift__main'>
        <Text className='wm-vo-shift__time'>{formatShift(shift.startAt, shift.endAt)}</Text>
        <Text className={`wm-vo-shift__places${places.full ? ' wm-vo-shift__places--full' : ''}`}>{places.text}</Text>
      </View>
      {action ? <View className='wm-vo-shift__action'>{action}</View> : null}
    </View>
  )
}
