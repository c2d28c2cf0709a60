import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { TextArea } from '@/components/text-area'
import type { NoteVisibility, PhraseStep } from '@/shared/contract'
import { REPORT_LIMITS, type CategoryId } from '@/shared/report'
import { callCloud } from '@/lib/call-cloud'
import './report.scss'
import './staff.scss'

/** Said in full on the choice itself: who will read the note decides what a worker writes. */
export const VISIBILITY_TEXT: Record<NoteVisibility, string> = {
  public: '对市民可见',
  internal: '内部备注（仅工作人员和文明办可见）',
}

export interface StaffNoteProps {
  categoryId: CategoryId
  step: PhraseStep
  label: string
  placeholder: string
  value: string
  onChange: (text: string) => void
  /** given where the note may be internal; absent where the reporter must read it (办结, 维持办结) */
  visibility?: NoteVisibility
  onVisibility?: (visibility: NoteVisibility) => void
}

/**
 * A staff note: the office's 常用语 for this category and step as taps that fill the box (then
 * edited freely), the box, and — where the step allows — who may read it. The phrases load on
 * their own; the note works without them.
 */
export function StaffNote({ categoryId, step, label, placeholder, value, onChange, visibility, onVisibility }: StaffNoteProps) {
  const [phrases, setPhrases] = useState<string[]>([])
  useEffect(() => {
    let live = true
    void callCloud('report', 'phrases', { categoryId, step }).then((r) => live && r.ok && setPhrases(r.data))
    return () => {
      live = false
    }
  }, [categoryId, step])

  return (
    <View className='wm-staff-note'>
      <Text className='wm-rp-group'>{label}</Text>
      {phrases.length > 0 ? (
        <View id='wm-act-phrases' className='wm-rp-phrases' role='list' aria-label='常用语'>
          <Text className='wm-rp-hint'>常用语（点一下填入，可再修改）</Text>
          {phrases.map((text, index) => (
            <View key={text} id={`wm-phrase-${index}`} role='listitem' className='wm-rp-phrase' hoverClass='wm-rp-phrase--pressed' onClick={() => onChange(text)}>
              <Text>{text}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <TextArea className='wm-rp-textarea' id='wm-act-note' value={value} maxlength={REPORT_LIMITS.noteMax} placeholder={placeholder} onInput={onChange} />
      {visibility && onVisibility ? (
        <>
          <Text className='wm-rp-hint'>谁能看到这条说明</Text>
          <View className='wm-rp-buttons wm-staff-note__visibility' role='radiogroup' aria-label='谁能看到这条说明' id='wm-act-visibility'>
            {(Object.keys(VISIBILITY_TEXT) as NoteVisibility[]).map((key) => (
              <View
                key={key}
                id={`wm-visibility-${key}`}
                role='radio'
                aria-checked={key === visibility}
                className={`wm-rp-chip${key === visibility ? ' wm-rp-chip--current' : ''}`}
                onClick={() => onVisibility(key)}
              >
                <Text>
                  {key === visibility ? '✓ ' : ''}
                  {VISIBILITY_TEXT[key]}
                </Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </View>
  )
}
