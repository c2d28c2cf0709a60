import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { RosterCounts, RosterEntryView, RosterView, SignupState } from '@/shared/contract'
import { callCloud } from '@/lib/call-cloud'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { usePaged } from '../api/volunteer'
import { formatMinutes, formatShift } from '../lib/format'
import { Chips, StateBadge } from './badges'
import { MinuteSources } from './my-records'
import './volunteer.scss'

const FILTERS: Array<{ key: SignupState | 'all'; label: string; count?: keyof RosterCounts }> = [
  { key: 'all', label: '全部' },
  { key: 'signed', label: '已报名', count: 'signed' },
  { key: 'checkedIn', label: '已签到', count: 'checkedIn' },
  { key: 'checkedOut', label: '待确认', count: 'checkedOut' },
  { key: 'confirmed', label: '已确认', count: 'confirmed' },
  { key: 'noShow', label: '缺席', count: 'noShow' },
  { key: 'waitlisted', label: '候补', count: 'waitlisted' },
]

/** The CSV as a file: a download in the browser; in the mini-program a temporary link to the stored file. */
async function exportCsv(shiftId: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const result = await callCloud('volunteer', 'exportShiftCsv', { shiftId, delivery: 'inline' })
    if (!result.ok) return result.message
    const blob = new Blob([result.data.csv ?? ''], { type: 'text/csv;charset=utf-8' })
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = result.data.filename
    document.body.appendChild(link)
    link.click()
    link.remove()
    return `已导出 ${result.data.rows} 条记录（${result.data.filename}）`
  }
  const result = await callCloud('volunteer', 'exportShiftCsv', { shiftId, delivery: 'storage' })
  if (!result.ok) return result.message
  if (result.data.tempUrl) {
    await Taro.setClipboardData({ data: result.data.tempUrl })
    return `已导出 ${result.data.rows} 条记录，下载链接已复制（有效期有限），请在电脑浏览器中打开下载 ${result.data.filename}`
  }
  return `已导出 ${result.data.rows} 条记录，文件已存入云存储`
}

function Entry({ entry, onChanged, shiftId }: { entry: RosterEntryView; shiftId: string; onChanged: () => void }) {
  const [adjusting, setAdjusting] = useState(false)
  const [minutes, setMinutes] = useState(String(entry.minutes))
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const adjustable = entry.state === 'checkedOut' || entry.state === 'confirmed' || (entry.state === 'noShow' && entry.noShowReason === 'absent')

  const confirm = async () => {
    setBusy(true)
    const result = await callCloud('volunteer', 'confirmHours', { shiftId, signupIds: [entry.signupId] })
    setBusy(false)
    if (!result.ok) return setError(result.message)
    onChanged()
  }

  const adjust = async () => {
    const value = Number(minutes)
    if (!Number.isInteger(value) || value < 0) return setError('请填写整数分钟')
    if (!reason.trim()) return setError('调整时长必须填写原因')
    setBusy(true)
    const result = await callCloud('volunteer', 'adjustMinutes', { signupId: entry.signupId, minutes: value, reason: reason.trim() })
    setBusy(false)
    if (!result.ok) return setError(result.message)
    setAdjusting(false)
    setReason('')
    setError(null)
    onChanged()
  }

  return (
    <View className='wm-vo-card' id={`wm-vo-roster-${entry.signupId}`}>
      <View className='wm-vo-row' style={{ marginTop: 0 }}>
        <Text className='wm-vo-card__title'>
          {entry.name} <Text className='wm-text-secondary'>{entry.phone}</Text>
        </Text>
        <StateBadge record={entry} />
      </View>
      {entry.waitlistPosition ? <Text className='wm-vo-line'>候补第 {entry.waitlistPosition} 位</Text> : null}
      <MinuteSources record={entry} />
      {entry.state === 'checkedOut' || entry.state === 'confirmed' ? (
        <Text className='wm-vo-line'>
          时长 <Text style={{ fontWeight: 600 }}>{formatMinutes(entry.minutes)}</Text>
          {entry.minutes !== entry.computedMinutes ? `（签到签退计算 ${formatMinutes(entry.computedMinutes)}）` : ''}
        </Text>
      ) : null}
      {error ? <Text className='wm-vo-error'>{error}</Text> : null}
      {adjusting ? (
        <View>
          <Text className='wm-vo-label wm-vo-required'>调整为（分钟）</Text>
          <Input className='wm-vo-input' id={`wm-vo-adjust-minutes-${entry.signupId}`} type='number' value={minutes} maxlength={3} onInput={(e) => setMinutes(e.detail.value)} />
          <Text className='wm-vo-label wm-vo-required'>原因（志愿者可见，留档审计）</Text>
          <Input className='wm-vo-input' id={`wm-vo-adjust-reason-${entry.signupId}`} value={reason} maxlength={100} placeholder='如：手机没电，现场核实到岗' onInput={(e) => setReason(e.detail.value)} />
          <View className='wm-vo-actions'>
            <Button size='small' type='primary' loading={busy} id={`wm-vo-adjust-save-${entry.signupId}`} onClick={() => void adjust()}>
              保存调整
            </Button>
            <Button size='small' onClick={() => setAdjusting(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View className='wm-vo-actions'>
          {entry.state === 'checkedOut' ? (
            <Button size='small' type='primary' loading={busy} id={`wm-vo-confirm-${entry.signupId}`} onClick={() => void confirm()}>
              确认时长
            </Button>
          ) : null}
          {adjustable ? (
            <Button size='small' id={`wm-vo-adjust-${entry.signupId}`} onClick={() => setAdjusting(true)}>
              调整时长
            </Button>
          ) : null}
        </View>
      )}
    </View>
  )
}

/** 花名册: counts for the whole shift, one filter at a time, confirm per person or all, adjust with a reason, export. */
export function Roster({ shiftId }: { shiftId: string }) {
  const [filter, setFilter] = useState<SignupState | 'all'>('all')
  const [head, setHead] = useState<Pick<RosterView, 'activityTitle' | 'shift' | 'counts'> | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const list = usePaged<RosterEntryView>(
    async (page) => {
      const result = await callCloud('volunteer', 'roster', { shiftId, ...(filter !== 'all' ? { state: filter } : {}), page })
      if (result.ok) setHead({ activityTitle: result.data.activityTitle, shift: result.data.shift, counts: result.data.counts })
      return result
    },
    [shiftId, filter],
  )
  useDidShow(() => void list.reload())
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  useReachBottom(() => void list.more())

  const confirmAll = async () => {
    const waiting = head?.counts.checkedOut ?? 0
    const { confirm } = await Taro.showModal({ title: '全部确认', content: `确认 ${waiting} 条待确认记录的时长？确认后计入志愿者的总时长。`, confirmText: '全部确认' })
    if (!confirm) return
    setBusy(true)
    const result = await callCloud('volunteer', 'confirmHours', { shiftId, all: true })
    setBusy(false)
    setNotice(result.ok ? `已确认 ${result.data.confirmed} 条，共 ${formatMinutes(result.data.confirmedMinutes)}` : result.message)
    void list.reload()
  }

  const doExport = async () => {
    setBusy(true)
    setNotice('正在导出…')
    setNotice(await exportCsv(shiftId))
    setBusy(false)
  }

  if (list.error && !head) {
    return (
      <View className='wm-card'>
        <ErrorState what='花名册' message={list.error.message} onRetry={() => void list.reload()} />
      </View>
    )
  }
  if (!head) {
    return (
      <View className='wm-card'>
        <Skeleton rows={5} />
      </View>
    )
  }
  return (
    <View id='wm-vo-roster'>
      <View className='wm-vo-card'>
        <Text className='wm-vo-card__title'>{head.activityTitle}</Text>
        <Text className='wm-vo-line'>{formatShift(head.shift.startAt, head.shift.endAt)}</Text>
        <Text className='wm-vo-line' id='wm-vo-roster-counts'>
          报名 {head.shift.taken}/{head.shift.capacity} · 已签到 {head.counts.checkedIn} · 待确认 {head.counts.checkedOut}（其中自动签退 {head.counts.autoClosed}）· 已确认{' '}
          {head.counts.confirmed} · 缺席 {head.counts.noShow} · 候补 {head.counts.waitlisted}
        </Text>
        <View className='wm-vo-actions'>
          <Button type='primary' size='small' id='wm-vo-confirm-all' disabled={head.counts.checkedOut === 0} loading={busy} onClick={() => void confirmAll()}>
            全部确认
          </Button>
          <Button size='small' id='wm-vo-export' loading={busy} onClick={() => void doExport()}>
            导出服务记录（CSV）
          </Button>
        </View>
        {notice ? (
          <Text className='wm-vo-success' id='wm-vo-roster-notice'>
            {notice}
          </Text>
        ) : null}
      </View>
      <Chips
        idPrefix='wm-vo-filter'
        options={FILTERS.map((f) => ({ key: f.key, label: f.count ? `${f.label} ${head.counts[f.count]}` : f.label }))}
        value={filter}
        onChange={(k) => setFilter(k as SignupState | 'all')}
      />
      {list.items.length === 0 && !list.loading ? (
        <View className='wm-card'>
          <EmptyState glyph='名' title='这里还没有人' description='志愿者报名、签到后会出现在花名册中。' />
        </View>
      ) : (
        list.items.map((entry) => <Entry key={entry.signupId} entry={entry} shiftId={shiftId} onChanged={() => void list.reload()} />)
      )}
      {list.items.length > 0 && !list.done ? (
        <View className='wm-vo-more'>
          <Button size='small' loading={list.loading} onClick={() => void list.more()}>
            加载更多
          </Button>
        </View>
      ) : null}
    </View>
  )
}
