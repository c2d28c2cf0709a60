import { Input, Picker, Text, View } from '@tarojs/components'
import { FAMILY_LIMITS, GRADES, GRADE_LABEL } from '@/shared/family'

export interface ChildDraft {
  key: number
  nickname: string
  grade: number
}

const GRADE_NAMES = GRADES.map((g) => GRADE_LABEL[g])

/** What we say plainly wherever a child is added: only a nickname and a grade. */
export function ChildPrivacyNote() {
  return (
    <View className='wm-fa-privacy' id='wm-fa-privacy'>
      <Text className='wm-fa-privacy__tag'>只填昵称</Text>
      <Text className='wm-fa-privacy__text'>
        孩子只填昵称（如「小明」「朵朵」）和年级：不填真实姓名、不传照片、不填生日和学号，也不填电话。
      </Text>
    </View>
  )
}

/** One child's nickname and grade; nothing else about a child is asked for. */
export function ChildFields({
  child,
  index,
  onChange,
  onRemove,
}: {
  child: ChildDraft
  index: number
  onChange: (next: ChildDraft) => void
  onRemove?: () => void
}) {
  return (
    <View className='wm-fa-child-fields'>
      <View className='wm-fa-child-fields__head'>
        <Text className='wm-fa-child-fields__title'>孩子 {index + 1}</Text>
        {onRemove ? (
          <View className='wm-fa-link' role='button' onClick={onRemove}>
            <Text>删去</Text>
          </View>
        ) : null}
      </View>
      <Text className='wm-field-label'>昵称</Text>
      <Input
        className='wm-field-input'
        id={`wm-fa-nickname-${index}`}
        value={child.nickname}
        maxlength={FAMILY_LIMITS.nicknameMax}
        placeholder='如：小明'
        onInput={(e) => onChange({ ...child, nickname: e.detail.value })}
      />
      <Text className='wm-field-label'>年级</Text>
      <Picker mode='selector' range={GRADE_NAMES} value={child.grade} onChange={(e) => onChange({ ...child, grade: Number(e.detail.value) })}>
        <View className='wm-field-input wm-fa-picker' id={`wm-fa-grade-${index}`}>
          <Text>{GRADE_LABEL[child.grade]}</Text>
          <Text className='wm-text-tertiary'>更改 ›</Text>
        </View>
      </Picker>
    </View>
  )
}

/** The first problem with the drafts, in words, or null when they can be sent. */
export function childDraftProblem(children: ChildDraft[]): string | null {
  if (children.length === 0) return '请至少添加一个孩子'
  for (const [i, c] of children.entries()) {
    const name = c.nickname.trim()
    if (!name) return `请填写孩子 ${i + 1} 的昵称`
    if (/\d{6,}/.test(name)) return '昵称里不要填写证件号、学号或电话号码'
  }
  return null
}

/** A problem with what was typed or tapped, said in words next to the button. */
export function Problem({ text, id }: { text: string | null; id?: string }) {
  if (!text) return null
  return (
    <View className='wm-fa-problem' role='alert' id={id}>
      <Text>{text}</Text>
    </View>
  )
}
