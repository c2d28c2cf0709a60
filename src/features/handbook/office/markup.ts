import type { HandbookBlock } from '@/shared/handbook/types'

/**
 * The plain-text form the office edits a section in, one block per paragraph:
 *
 *   一段文字（一行）
 *   - 要点（连续几行，组成一个列表）
 *   1. 步骤（连续几行，组成有序步骤）
 *   小贴士：提示的内容
 *
 * Blank lines separate blocks. `toText` then `toBlocks` gives back the same blocks.
 */
const BULLET = /^[-•·]\s*/
const STEP = /^\d{1,2}[.、．]\s*/
const TIP = /^(小贴士|提示)[:：]\s*/

export function blocksToText(blocks: readonly HandbookBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
          return b.text
        case 'tip':
          return `小贴士：${b.text}`
        case 'bullets':
          return b.items.map((i) => `- ${i}`).join('\n')
        case 'steps':
          return b.items.map((i, n) => `${n + 1}. ${i}`).join('\n')
      }
    })
    .join('\n\n')
}

export function textToBlocks(text: string): HandbookBlock[] {
  const blocks: HandbookBlock[] = []
  // what the previous line added: a paragraph continues only on the very next line
  let previous: 'paragraph' | 'list' | 'tip' | 'blank' = 'blank'
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim()
    const last = blocks[blocks.length - 1]
    if (!line) {
      previous = 'blank'
      continue
    }
    const kind = BULLET.test(line) ? 'bullets' : STEP.test(line) ? 'steps' : null
    if (kind) {
      const item = line.replace(kind === 'bullets' ? BULLET : STEP, '').trim()
      if (!item) continue
      if (previous === 'list' && last && last.type === kind) last.items.push(item)
      else blocks.push({ type: kind, items: [item] })
      previous = 'list'
      continue
    }
    if (TIP.test(line)) {
      const tip = line.replace(TIP, '').trim()
      if (tip) blocks.push({ type: 'tip', text: tip })
      previous = 'tip'
      continue
    }
    // a paragraph typed over several lines (no blank line between) stays one paragraph
    if (previous === 'paragraph' && last && last.type === 'paragraph') last.text += line
    else blocks.push({ type: 'paragraph', text: line })
    previous = 'paragraph'
  }
  return blocks
}
