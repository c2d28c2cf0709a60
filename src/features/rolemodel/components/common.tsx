import { alt } from '@/components/alt'
import type { ReactNode } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { viewPhotos } from '@/components/photo-viewer'
import { EmptyState } from '@/components/state'
import { ROLEMODEL_CATEGORIES, type RolemodelCategoryId, type RolemodelPlace } from '@/shared/contract/rolemodel'
import { openPage } from '@/lib/navigate'
import { rolemodelUrl, type RolemodelViewName } from '../labels'
import '../rolemodel.scss'

export const categoryLabel = (id: RolemodelCategoryId) => ROLEMODEL_CATEGORIES[id].label
export const placeText = (p: RolemodelPlace) => [p.district, p.street, p.community].filter(Boolean).join(' · ')

export type TagTone = 'plain' | 'ok' | 'warn' | 'red' | 'gold'

/** A word in a frame; the tone only repeats what the word says. */
export function Tag({ text, tone = 'plain', id }: { text: string; tone?: TagTone; id?: string }) {
  return (
    <Text className={`wm-rm-tag${tone === 'plain' ? '' : ` wm-rm-tag--${tone}`}`} id={id}>
      {text}
    </Text>
  )
}

/** A problem with what was typed or tapped, said in words next to the button. */
export function Problem({ text, id }: { text: string | null; id?: string }) {
  if (!text) return null
  return (
    <View className='wm-rm-problem' role='alert' id={id}>
      <Text>{text}</Text>
    </View>
  )
}

export function Done({ text, id }: { text: string | null; id?: string }) {
  if (!text) return null
  return (
    <View className='wm-rm-done' role='status' id={id}>
      <Text>{text}</Text>
    </View>
  )
}

/** Stored photos of a story; tap one to see them large. */
export function Photos({ urls, label }: { urls: string[]; label: string }) {
  if (urls.length === 0) return null
  return (
    <View className='wm-rm-photos'>
      {urls.map((url, i) => (
        <View key={`${url}-${i}`} role='button' aria-label={`查看${label}的第 ${i + 1} 张照片`} onClick={() => viewPhotos(urls, url)}>
          <Image className='wm-rm-photo' src={url} mode='aspectFill' {...alt('')} />
        </View>
      ))}
    </View>
  )
}

/** A tick box drawn as a row: the whole row is the tap target, and ✓ is written in the box. */
export function CheckRow({ on, label, id, onToggle }: { on: boolean; label: ReactNode; id?: string; onToggle: () => void }) {
  return (
    <View className={`wm-rm-check${on ? ' wm-rm-check--on' : ''}`} id={id} role='checkbox' aria-checked={on} onClick={onToggle}>
      <Text className='wm-rm-check__box'>{on ? '✓' : ''}</Text>
      <View className='wm-rm-check__label'>{label}</View>
    </View>
  )
}

const RESIDENT_NAV: Array<{ view: RolemodelViewName; label: string }> = [
  { view: 'board', label: '好人榜' },
  { view: 'round', label: '评选投票' },
  { view: 'nominate', label: '我要推荐' },
  { view: 'mine', label: '我的推荐' },
]

/** The resident's ways around 身边好人; the current one says 当前 as well as being framed. */
export function ResidentNav({ current }: { current: RolemodelViewName }) {
  return (
    <View className='wm-rm-nav' role='navigation'>
      {RESIDENT_NAV.map((item) => (
        <View
          key={item.view}
          id={`wm-rm-nav-${item.view}`}
          role='link'
          aria-current={item.view === current ? 'page' : undefined}
          className={`wm-rm-nav__item${item.view === current ? ' wm-rm-nav__item--current' : ''}`}
          onClick={item.view === current ? undefined : () => openPage(rolemodelUrl(item.view))}
        >
          <Text>
            {item.label}
            {item.view === current ? '（当前）' : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** What a resident who opens an office view (by a link or a forwarded message) is told. */
export function OfficeRefusal({ what }: { what: string }) {
  return (
    <View className='wm-card' id='wm-rm-forbidden'>
      <EmptyState
        glyph='办'
        title={`「${what}」由文明办使用`}
        description='推荐审核、发起评选、异常投票处理和公布结果都由市文明办负责。您可以在好人榜看看入选的身边好人，也可以推荐您身边的好人好事。'
        actionText='去看好人榜'
        onAction={() => openPage(rolemodelUrl('board'))}
      />
    </View>
  )
}

/** Two numbers side by side with their label in words. */
export function Figure({ value, label, id }: { value: number | string; label: string; id?: string }) {
  return (
    <View className='wm-rm-figure' id={id}>
      <Text className='wm-rm-figure__value'>{value}</Text>
      <Text className='wm-text-tertiary'>{label}</Text>
    </View>
  )
}
