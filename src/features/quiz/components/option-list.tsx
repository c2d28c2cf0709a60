import { Text, View } from '@tarojs/components'
import type { QuestionType } from '@/shared/contract'
import './option-list.scss'

export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F']

export type OptionMark = 'chosen-right' | 'chosen-wrong' | 'missed' | 'right' | null

export interface OptionListProps {
  type: QuestionType
  options: string[]
  chosen: number[]
  /** while answering; without it the list is read-only (results, 错题本) */
  onToggle?: (position: number) => void
  /** after submission: how each option turned out */
  marks?: OptionMark[]
}

const MARK_TEXT: Record<Exclude<OptionMark, null>, string> = {
  'chosen-right': '你的答案 ✓',
  'chosen-wrong': '你的答案 ✗',
  missed: '漏选 · 正确答案',
  right: '正确答案',
}

/**
 * The options of one question. Chosen and correct options are told by a word and a sign as well
 * as a colour, and each option is a full-width tap target.
 */
export function OptionList({ type, options, chosen, onToggle, marks }: OptionListProps) {
  const multiple = type === 'multiple'
  return (
    <View className='wm-quiz-options' role={multiple ? 'group' : 'radiogroup'}>
      {options.map((text, position) => {
        const selected = chosen.includes(position)
        const mark = marks?.[position] ?? null
        const classes = [
          'wm-quiz-option',
          selected ? 'wm-quiz-option--selected' : '',
          mark ? `wm-quiz-option--${mark}` : '',
          onToggle ? '' : 'wm-quiz-option--readonly',
        ]
        return (
          <View
            key={position}
            className={classes.filter(Boolean).join(' ')}
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={selected}
            aria-disabled={!onToggle}
            data-position={position}
            onClick={onToggle ? () => onToggle(position) : undefined}
          >
            <Text className='wm-quiz-option__letter'>{type === 'true-false' ? (position === 0 ? '✓' : '✗') : OPTION_LETTERS[position]}</Text>
            <Text className='wm-quiz-option__text'>{text}</Text>
            {mark ? <Text className='wm-quiz-option__mark'>{MARK_TEXT[mark]}</Text> : selected ? <Text className='wm-quiz-option__mark'>已选</Text> : null}
          </View>
        )
      })}
    </View>
  )
}

/** How each option of a submitted question turned out, for OptionList's marks. */
export function marksFor(type: QuestionType, optionCount: number, chosen: number[], correct: number[]): OptionMark[] {
  return Array.from({ length: optionCount }, (_, p) => {
    const isChosen = chosen.includes(p)
    const isCorrect = correct.includes(p)
    if (isChosen) return isCorrect ? 'chosen-right' : 'chosen-wrong'
    // 漏选 only makes sense where several options were to be chosen
    if (isCorrect) return type === 'multiple' && chosen.length > 0 ? 'missed' : 'right'
    return null
  })
}
