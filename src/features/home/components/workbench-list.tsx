import { Text, View } from '@tarojs/components'
import { openPage } from '@/lib/navigate'
import { ROLE_LABEL } from '@/shared/roles'
import type { WorkbenchEntry } from '../entries'
import './workbench-list.scss'

/** The workbenches of the roles this person holds; nothing at all for a plain resident. */
export function WorkbenchList({ entries }: { entries: readonly WorkbenchEntry[] }) {
  if (entries.length === 0) return null
  return (
    <View className='wm-workbenches' id='wm-workbenches'>
      <Text className='wm-section-title'>我的工作台</Text>
      {entries.map((entry) => (
        <View
          key={entry.key}
          id={`wm-workbench-${entry.key}`}
          className='wm-workbench'
          hoverClass='wm-workbench--pressed'
          role='button'
          onClick={() => openPage(entry.url)}
        >
          <View className='wm-workbench__glyph' aria-hidden='true'>
            <Text>{entry.glyph}</Text>
          </View>
          <View className='wm-workbench__main'>
            <View className='wm-workbench__heading'>
              <Text className='wm-workbench__title'>{entry.title}</Text>
              <Text className='wm-workbench__role'>{ROLE_LABEL[entry.role]}</Text>
            </View>
            <Text className='wm-workbench__description'>{entry.description}</Text>
          </View>
          <Text className='wm-workbench__arrow' aria-hidden='true'>
            ›
          </Text>
        </View>
      ))}
    </View>
  )
}
