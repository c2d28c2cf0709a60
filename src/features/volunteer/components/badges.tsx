import { Text, View } from '@tarojs/components'
import type { ActivityType, MyRecordView, RosterEntryView } from '@/shared/contract'
import { ACTIVITY_TYPE_LABEL, stateLabel } from '../lib/labels'
import './volunteer.scss'

export function StateBadge({ record }: { record: Pick<MyRecordView | RosterEntryView, 'state' | 'noShowReason' | 'autoClosed'> }) {
  const { text, tone } = stateLabel(record)
  return <Text className={`wm-vo-badge wm-vo-badge--${tone}`}>{text}</Text>
}

export function TypeTag({ type }: { type: ActivityType }) {
  return <Text className='wm-vo-type'>{ACTIVITY_TYPE_LABEL[type]}</Text>
}

export interface ChipOption {
  key: string
  label: string
  sub?: string
}

/** One choice among a few, as a row of tappable chips; the chosen one is also marked in words for readers. */
export function Chips({
  options,
  value,
  onChange,
  wrap = false,
  idPrefix,
}: {
  options: readonly ChipOption[]
  value: string
  onChange: (key: string) => void
  wrap?: boolean
  idPrefix: string
}) {
  return (
    <View className={`wm-vo-chips${wrap ? ' wm-vo-chips--wrap' : ''}`} role='radiogroup'>
      {options.map((o) => (
        <View
          key={o.key}
          id={`${idPrefix}-${o.key}`}
          className={`wm-vo-chip${o.key === value ? ' wm-vo-chip--on' : ''}`}
          role='radio'
          aria-checked={o.key === value}
          // H5: the chosen chip takes keyboard focus, so the scrolling strip is reachable by keyboard
          {...(process.env.TARO_ENV === 'h5' ? { tabIndex: o.key === value ? 0 : -1 } : {})}
          onClick={() => onChange(o.key)}
        >
          <Text>{o.label}</Text>
          {o.sub ? <Text className='wm-vo-chip__sub'>{o.sub}</Text> : null}
        </View>
      ))}
    </View>
  )
}
