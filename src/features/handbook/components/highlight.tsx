import { Text } from '@tarojs/components'
import type { HighlightedText } from '@/shared/handbook/types'
import './highlight.scss'

/** Text with the search matches marked: bold and underlined as well as tinted, not by colour alone. */
export function Highlight({ value, className }: { value: HighlightedText; className?: string }) {
  const parts: Array<{ text: string; hit: boolean }> = []
  let at = 0
  for (const m of [...value.matches].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue
    if (m.start > at) parts.push({ text: value.text.slice(at, m.start), hit: false })
    parts.push({ text: value.text.slice(m.start, m.start + m.length), hit: true })
    at = m.start + m.length
  }
  if (at < value.text.length) parts.push({ text: value.text.slice(at), hit: false })
  return (
    <Text className={className}>
      {parts.map((part, index) =>
        part.hit ? (
          <Text key={index} className='wm-hl'>
            {part.text}
          </Text>
        ) : (
          part.text
        ),
      )}
    </Text>
  )
}
