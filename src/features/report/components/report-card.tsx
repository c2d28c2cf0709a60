import { alt } from '@/components/alt'
import { Image, Text, View } from '@tarojs/components'
import type { ReportListItem } from '@/shared/contract'
import { STEP_WORD, dueLine, formatTime } from '../lib/format'
import { OverdueTag, StatusBadge } from './status-badge'
import './report.scss'

/** One row of 我的随手拍 or a workbench queue. */
export function ReportCard({ item, now, onOpen, showAddress = true }: { item: ReportListItem; now: number; onOpen: () => void; showAddress?: boolean }) {
  const due = dueLine(item.dueAt, now, STEP_WORD[item.status] ?? '')
  return (
    <View className='wm-rp-card' role='button' onClick={onOpen} id={`wm-report-${item.id}`}>
      {item.thumbUrl ? <Image className='wm-rp-card__thumb' src={item.thumbUrl} mode='aspectFill' {...alt('')} /> : <View className='wm-rp-card__thumb' />}
      <View className='wm-rp-card__main'>
        <View className='wm-rp-card__title'>
          <Text>{item.categoryName}</Text>
          <StatusBadge status={item.status} label={item.statusLabel} />
        </View>
        <Text className='wm-rp-card__line'>
          {formatTime(item.createdAt)} · 编号 {item.ticketNo}
        </Text>
        <Text className='wm-rp-card__line'>
          {item.gridName}
          {item.unitName ? ` · ${item.unitName}` : ''}
          {showAddress && item.address ? ` · ${item.address}` : ''}
        </Text>
        {item.confirmations > 0 ? <Text className='wm-rp-card__line'>另有 {item.confirmations} 位市民反映</Text> : null}
        {due ? (
          <View className={`wm-rp-card__due${item.overdue ? ' wm-rp-card__due--late' : ''}`}>
            <Text>{due}</Text>
            <OverdueTag overdue={item.overdue} />
          </View>
        ) : null}
      </View>
    </View>
  )
}
