import { Text, View } from '@tarojs/components'
import type { ReportTimelineEntry } from '@/shared/contract'
import { formatTime } from '../lib/format'
import './report.scss'
import './staff.scss'

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
          {/* a changed category says its reason in the label already */}
          {entry.reason && entry.action !== 'recategorize' ? <Text className='wm-rp-step__note'>理由：{entry.reason}</Text> : null}
          {entry.note && entry.note !== entry.reason ? <Text className='wm-rp-step__note'>说明：{entry.note}</Text> : null}
          {/* only staff views carry it; said in words, not only by colour */}
          {entry.internalNote ? <Text className='wm-rp-step__internal'>内部备注（市民不可见）：{entry.internalNote}</Text> : null}
          {entry.dueAt && index === 0 ? <Text className='wm-rp-step__meta'>本环节时限：{formatTime(entry.dueAt)}</Text> : null}
        </View>
      ))}
    </View>
  )
}
