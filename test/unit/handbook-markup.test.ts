import { HANDBOOK_CONTENT } from '@/cloud/domain/handbook/content'
import { blocksToText, textToBlocks } from '@/features/handbook/office/markup'

test('every shipped section survives the office editor unchanged (text and back)', () => {
  for (const section of HANDBOOK_CONTENT.flatMap((c) => c.sections)) {
    expect({ id: section.id, blocks: textToBlocks(blocksToText(section.blocks)) }).toEqual({ id: section.id, blocks: section.blocks })
  }
})

test('the office types lists, steps, tips and paragraphs in plain text', () => {
  const text = ['第一段，', '接着写的一行。', '', '- 要点一', '- 要点二', '1. 第一步', '2、第二步', '', '提示：记得带袋子', '', '最后一段'].join('\n')
  expect(textToBlocks(text)).toEqual([
    { type: 'paragraph', text: '第一段，接着写的一行。' },
    { type: 'bullets', items: ['要点一', '要点二'] },
    { type: 'steps', items: ['第一步', '第二步'] },
    { type: 'tip', text: '记得带袋子' },
    { type: 'paragraph', text: '最后一段' },
  ])
})

test('empty markers and Windows line endings are tolerated', () => {
  expect(textToBlocks('- \r\n-  一项\r\n\r\n小贴士：')).toEqual([{ type: 'bullets', items: ['一项'] }])
})
