import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { JoinPreview } from '@/shared/contract/family'
import { FAMILY_LIMITS } from '@/shared/family'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { askConsent } from '@/lib/subscribe'
import { CONSENT_MOMENTS } from '@/shared/notify'
import { useLoad } from '../api'
import { goFamilyHome } from '../labels'
import { ChildFields, ChildPrivacyNote, Problem, childDraftProblem, type ChildDraft } from './child-fields'
import '../family.scss'

/** Codes that say something about the code itself: the family types another one. */
const CODE_PROBLEMS: Record<string, { title: string; text: string }> = {
  'FAMILY.CODE_NOT_FOUND': { title: '没有找到这个班级', text: '这个邀请码没有对应的班级。请核对老师给的邀请码（字母和数字），或重新扫描班级码。' },
  'FAMILY.CLASS_ARCHIVED': { title: '这个班级的活动已结束', text: '老师已在学期结束时归档了这个班级，邀请码不能再用了。新学期请向老师要新的邀请码。' },
  'INPUT.INVALID': { title: '邀请码格式不对', text: '邀请码是 4–12 位字母或数字，请核对后重新输入。' },
}

/**
 * 加入班级: the class and its notice (致家长的一封信), what is stored, the guardian's explicit 同意,
 * then the children by nickname and grade. Consent is part of the one join request.
 */
export function JoinFlow({ joinCode }: { joinCode: string }) {
  const [code, setCode] = useState(joinCode.trim().toUpperCase())
  const [typed, setTyped] = useState(code)
  const preview = useLoad(() => (code ? callCloud('family', 'preview', { joinCode: code }) : Promise.resolve({ ok: false as const, code: 'INPUT.INVALID', message: '' })), [code])

  if (!preview.data) {
    if (preview.loading) {
      return (
        <View className='wm-card'>
          <Skeleton rows={6} />
        </View>
      )
    }
    const err = preview.error
    const known = err ? CODE_PROBLEMS[err.code] : undefined
    if (err && !known) {
      return (
        <View className='wm-card'>
          <ErrorState what='班级信息' message={err.message} onRetry={preview.reload} />
        </View>
      )
    }
    return (
      <View className='wm-card' id='wm-fa-join-problem'>
        {known && code ? <EmptyState glyph='班' title={known.title} description={known.text} /> : null}
        <Text className='wm-field-label'>班级邀请码</Text>
        <Input className='wm-field-input wm-fa-code-input' id='wm-fa-join-retype' value={typed} maxlength={12} placeholder='如：K7P3QD' onInput={(e) => setTyped(e.detail.value)} />
        <Button block type='primary' className='wm-fa-gap' onClick={() => setCode(typed.trim().toUpperCase())}>
          查找班级
        </Button>
      </View>
    )
  }
  return <JoinForm joinCode={code} preview={preview.data} onOutdated={preview.reload} />
}

function JoinForm({ joinCode, preview, onOutdated }: { joinCode: string; preview: JoinPreview; onOutdated: () => void }) {
  const [agreed, setAgreed] = useState(false)
  const [children, setChildren] = useState<ChildDraft[]>([{ key: 1, nickname: '', grade: preview.classView.grade }])
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { classView, notice } = preview

  if (preview.familyId) {
    return (
      <View className='wm-card' id='wm-fa-joined-already'>
        <EmptyState
          glyph='家'
          title='您已经加入了这个班级'
          description={`${classView.title}里已经有您的家庭。要再添加孩子，请在「我的家庭」里添加。`}
          actionText='打开我的家庭'
          onAction={goFamilyHome}
        />
      </View>
    )
  }

  const submit = async () => {
    if (!agreed) return setProblem('请先阅读致家长的一封信，并勾选「我已阅读并同意」')
    const why = childDraftProblem(children)
    if (why) return setProblem(why)
    setProblem(null)
    setBusy(true)
    // 同意并加入 is the tap WeChat's consent dialog needs: the teacher's weekly 家庭任务提醒 reaches only a parent who accepted
    await askConsent(CONSENT_MOMENTS.family)
    const result = await callCloud('family', 'join', {
      joinCode,
      consent: { noticeVersion: notice.version, agreed: true },
      children: children.map((c) => ({ nickname: c.nickname.trim(), grade: c.grade })),
    })
    setBusy(false)
    if (!result.ok) {
      if (result.code === 'FAMILY.NOTICE_OUTDATED') {
        setAgreed(false)
        void Taro.showModal({ title: '致家长的一封信已更新', content: '老师更新了这封信，请重新阅读后再勾选同意。', showCancel: false, confirmText: '重新阅读' })
        return onOutdated()
      }
      return setProblem(CODE_PROBLEMS[result.code]?.text ?? result.message)
    }
    void Taro.showToast({ icon: 'success', title: '已加入班级' })
    goFamilyHome()
  }

  return (
    <View className='wm-fa' id='wm-fa-join'>
      <View className='wm-card'>
        <Text className='wm-text-tertiary'>您将加入</Text>
        <Text className='wm-fa-family__title' id='wm-fa-join-class'>
          {classView.title}
        </Text>
        {classView.teacherName ? <Text className='wm-text-secondary'>班主任：{classView.teacherName}</Text> : null}
      </View>

      <Text className='wm-section-title'>{notice.title}</Text>
      <View className='wm-card wm-fa-letter' id='wm-fa-notice'>
        {notice.paragraphs.map((p, i) => (
          <Text key={i} className='wm-fa-letter__p'>
            {p}
          </Text>
        ))}
      </View>

      <Text className='wm-section-title'>我们保存什么</Text>
      <View className='wm-card'>
        <Text className='wm-fa-stored'>只保存孩子的昵称和年级，以及您同意这封信的时间和版本。</Text>
        <Text className='wm-text-secondary'>
          不收集孩子的真实姓名、照片、生日、学号和电话。班级里只以孩子的昵称显示完成情况。您随时可以移除孩子，移除即删除孩子的信息；学期结束老师归档后，班级的孩子名单会被删除。
        </Text>
      </View>

      <View
        className={`wm-fa-check${agreed ? ' wm-fa-check--on' : ''}`}
        id='wm-fa-consent'
        role='checkbox'
        aria-checked={agreed}
        onClick={() => {
          // a 请先勾选同意 left under the button would contradict the tick just made
          if (!agreed) setProblem(null)
          setAgreed(!agreed)
        }}
      >
        <Text className='wm-fa-check__box'>{agreed ? '✓' : ''}</Text>
        <Text className='wm-fa-check__label'>我是孩子的家长（监护人），已阅读并同意《{notice.title}》</Text>
      </View>

      <Text className='wm-section-title'>添加孩子</Text>
      <View className='wm-card'>
        <ChildPrivacyNote />
        {children.map((c, i) => (
          <ChildFields
            key={c.key}
            child={c}
            index={i}
            onChange={(next) => setChildren(children.map((x) => (x.key === c.key ? next : x)))}
            onRemove={children.length > 1 ? () => setChildren(children.filter((x) => x.key !== c.key)) : undefined}
          />
        ))}
        {children.length < FAMILY_LIMITS.childrenPerFamily ? (
          <View
            className='wm-fa-link wm-fa-link--block'
            role='button'
            onClick={() => setChildren([...children, { key: Date.now(), nickname: '', grade: classView.grade }])}
          >
            <Text>＋ 同一个班还有一个孩子</Text>
          </View>
        ) : null}
      </View>

      <Problem text={problem} id='wm-fa-join-error' />
      <Button block type='primary' loading={busy} disabled={busy} id='wm-fa-join-submit' onClick={() => void submit()}>
        同意并加入班级
      </Button>
    </View>
  )
}
