import { Text, View } from '@tarojs/components'
import { openPage } from '@/lib/navigate'
import type { HomeEntry } from '../entries'
import './entry-grid.scss'

/** The journeys as a grid of large tiles: a badge, a name and one line on what it is for. */
export function EntryGrid({ entries }: { entries: readonly HomeEntry[] }) {
  return (
    <View className='wm-entry-grid'>
      {entries.map((entry) => (
        <View
          key={entry.key}
          id={`wm-entry-${entry.key}`}
          className='wm-entry-grid__tile'
          hoverClass='wm-entry-grid__tile--pressed'
          role='button'
          onClick={() => openPage(entry.url)}
        >
          <View className='wm-entry-grid__glyph' aria-hidden='true'>
            <Text>{entry.glyph}</Text>
          </View>
          <Text className='wm-entry-grid__title'>{entry.title}</Text>
          <Text className='wm-entry-grid__description'>{entry.description}</Text>
        </View>
      ))}
    </View>
  )
}
