import { alt } from '@/components/alt'
import { Image, Text, View } from '@tarojs/components'
import type { ActivityCardView } from '@/shared/contract'
import { openPage } from '@/lib/navigate'
import { formatDistance } from '../lib/format'
import { ACTIVITY_TYPE_GLYPH } from '../lib/labels'
import { ACTIVITY_PAGE, withQuery } from '../routes'
import { TypeTag } from './badges'
import { ShiftRow } from './shift-row'
import './volunteer.scss'

/** An activity in the list: what, who runs it, where (and how far), and the day's shifts with places left. */
export function ActivityCard({ activity, now }: { activity: ActivityCardView; now: number }) {
  const open = () => openPage(withQuery(ACTIVITY_PAGE, { id: activity.id }))
  return (
    <View className='wm-vo-card' id={`wm-vo-activity-${activity.id}`}>
      {activity.coverUrl ? <Image className='wm-vo-cover' src={activity.coverUrl} mode='aspectFill' onClick={open} {...alt('')} /> : null}
      <View className='wm-vo-card__head' onClick={open} role='link'>
        <View className='wm-vo-card__glyph' aria-hidden='true'>
          <Text>{ACTIVITY_TYPE_GLYPH[activity.type]}</Text>
        </View>
        <View className='wm-vo-card__main'>
          <Text className='wm-vo-card__title'>{activity.title}</Text>
          <View className='wm-vo-card__meta'>
            <TypeTag type={activity.type} />
            <Text>{activity.teamName}</Text>
          </View>
          <Text className='wm-vo-card__meta'>
            {activity.place.name}
            {activity.distanceM !== null ? ` · 距您 ${formatDistance(activity.distanceM)}` : ''}
          </Text>
        </View>
      </View>
      {activity.shifts.map((shift) => (
        <ShiftRow key={shift.id} shift={shift} now={now} onClick={open} action={<Text className='wm-text-secondary'>查看 ›</Text>} />
      ))}
    </View>
  )
}
