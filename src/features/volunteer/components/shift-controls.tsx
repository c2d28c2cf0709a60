import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import type { ShiftView } from '@/shared/contract'
import { callCloud } from '@/lib/call-cloud'
import './volunteer.scss'

type Mode = null | 'capacity' | 'cancel'

/**
 * An organizer's changes to one shift: more or fewer places (never below those taken; more places
 * go to the waitlist in order) or cancelling it with a reason every signed-up volunteer is sent.
 */
export function ShiftControls({ shift, onChanged }: { shift: ShiftView; onChanged: () => void }) {
  const [mode, setMode] = useState<Mode>(null)
  const [capacity, setCapacity] = useState(String(shift.capacity))
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const save = async () => {
    setError(null)
    if (mode === 'capacity') {
      const value = Number(capacity)
      if (!Number.isInteger(value) || value < 1 || value > 500) return setError('名额应为 1–500')
      setBusy(true)
      const result = await callCloud('volunteer', 'updateShift', { shiftId: shift.id, capacity: value })
      setBusy(false)
      if (!result.ok) return setError(result.message)
    } else if (mode === 'cancel') {
      if (!reason.trim()) return setError('请填写取消原因，会通知已报名的志愿者')
      setBusy(true)
      const result = await callCloud('volunteer', 'cancelShift', { shiftId: shift.id, reason: reason.trim() })
      setBusy(false)
      if (!result.ok) return setError(result.message)
    }
    setMode(null)
    onChanged()
  }

  if (mode === null) {
    return (
      <View className='wm-vo-actions'>
        <Button size='small' fill='none' id={`wm-vo-edit-capacity-${shift.id}`} onClick={() => setMode('capacity')}>
          修改名额
        </Button>
        <Button size='small' fill='none' id={`wm-vo-cancel-shift-${shift.id}`} onClick={() => setMode('cancel')}>
          取消班次
        </Button>
      </View>
    )
  }
  return (
    <View>
      {mode === 'capacity' ? (
        <>
          <Text className='wm-vo-label'>名额（已报名 {shift.taken} 人，不能少于此数）</Text>
          <Input className='wm-vo-input' id={`wm-vo-capacity-input-${shift.id}`} type='number' maxlength={3} value={capacity} onInput={(e) => setCapacity(e.detail.value)} />
        </>
      ) : (
        <>
          <Text className='wm-vo-label wm-vo-required'>取消原因（将通知 {shift.taken + shift.waiting} 位已报名和候补的志愿者）</Text>
          <Input className='wm-vo-input' id={`wm-vo-cancel-reason-${shift.id}`} maxlength={100} value={reason} placeholder='如：暴雨预警，活动暂停' onInput={(e) => setReason(e.detail.value)} />
        </>
      )}
      {error ? <Text className='wm-vo-error'>{error}</Text> : null}
      <View className='wm-vo-actions'>
        <Button size='small' type='primary' loading={busy} id={`wm-vo-shift-save-${shift.id}`} onClick={() => void save()}>
          {mode === 'capacity' ? '保存名额' : '确认取消班次'}
        </Button>
        <Button size='small' onClick={() => setMode(null)}>
          返回
        </Button>
      </View>
    </View>
  )
}
