import { Text, View } from '@tarojs/components'
import type { ReportTimelineEntry } from '@/shared/contract'
import { formatTime } from '../lib/format'
import './report.scss'

/** Every step: what, when, by which body (never a staff member by name), with its note. */
export function Timeline({ entries }: { entries: ReportTimelineEntry[] }) {
  return (
    <View className='wm-rp-timeline' id='wm-report-timeline'>
      {[...entries].reverse().map((entry, index) => (
        <View key={`${entry.at}-${index}`} className={`wm-rp-step${index === 0 ? ' wm-rp-step--latest' : ''}`}>
          <Text className='wm-rp-step__label'>{entry.label}</Text>
          <Text className='wm-rp-step__meta'>
            {formatTime(entry.at)} · {entry.actor}
          </Text>
          {entry.reason ? <Text className='wm-rp-step__note'>理由：{entry.reason}</Text> : null}
          {entry.note && entry.note !== entry.reason ? <Text className='wm-rp-step__note'>说明：{entry.note}</Text> : null}
          {entry.dueAt && index === 0 ? <Text className='wm-rp-step__meta'>本环节时限：{formatTime(entry.dueAt)}</Text> : null}
        </View>
      ))}
    </View>
  )
}
