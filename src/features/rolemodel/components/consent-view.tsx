import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import type { ConsentStatus } from '@/shared/contract/rolemodel'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '../api'
import { rolemodelUrl, timeText } from '../labels'
import { Photos, Problem, Tag, categoryLabel, placeText } from './common'
import '../rolemodel.scss'

const CODE_PROBLEMS: Record<string, { title: string; text: string }> = {
  'ROLEMODEL.CONSENT_CODE_INVALID': {
    title: '这个同意码不能用了',
    text: '同意码只能用一次，可能已经用过，或者文明办重新生成了新的同意码。请核对短信或联系文明办再要一个。',
  },
  'ROLEMODEL.CONSENT_CODE_EXPIRED': {
    title: '这个同意码已经过期',
    text: '同意码发出后 14 天内有效。请联系文明办重新获取。',
  },
  'INPUT.INVALID': { title: '同意码格式不对', text: '同意码是 12 位字母和数字，请核对后重新输入。' },
}

/**
 * 本人确认: the nominee, with the one-time code the office gave them, sees exactly what would be
 * public and agrees or declines. Nothing about them is shown anywhere before they agree.
 */
export function ConsentView({ code: initial }: { code: string }) {
  const [code, setCode] = useState(initial.trim())
  const [typed, setTyped] = useState(code)
  const [answered, setAnswered] = useState<{ consent: ConsentStatus; at: number } | null>(null)
  const preview = useLoad(
    () => (code ? callCloud('rolemodel', 'consentPreview', { code }) : Promise.resolve({ ok: false as const, code: 'ROLEMODEL.NO_CODE', message: '' })),
    [code],
  )
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  if (answered) {
    return (
      <View className='wm-card' id='wm-rm-consent-done' data-consent={answered.consent}>
        <EmptyState
          glyph={answered.consent === 'given' ? '✓' : '好'}
          title={answered.consent === 'given' ? '谢谢您，已记录您的同意' : '已记录：您不同意公开'}
          description={
            answered.consent === 'given'
              ? `您于 ${timeText(answered.at)} 同意公开。文明办开启评选后，上面的内容会在候选人公示中展示；入选后会登上身边好人榜。`
              : `您于 ${timeText(answered.at)} 选择不公开。您的姓名和事迹不会出现在评选和好人榜中。谢谢您为身边人做的好事。`
          }
          actionText='看看好人榜'
          onAction={() => openPage(rolemodelUrl('board'))}
        />
      </View>
    )
  }

  if (!preview.data) {
    if (preview.loading && code) return <View className='wm-card'><Skeleton rows={6} /></View>
    const known = preview.error ? CODE_PROBLEMS[preview.error.code] : undefined
    if (preview.error && !known && preview.error.code !== 'ROLEMODEL.NO_CODE') {
      return <View className='wm-card'><ErrorState what='同意确认' message={preview.error.message} onRetry={preview.reload} /></View>
    }
    return (
      <View className='wm-card' id='wm-rm-consent-code'>
        {known ? <EmptyState glyph='码' title={known.title} description={known.text} /> : (
          <>
            <Text className='wm-rm-title'>您被推荐为「身边好人」</Text>
            <Text className='wm-text-secondary'>请输入文明办发给您的 12 位同意码，查看将要公开的内容，再决定是否同意。</Text>
          </>
        )}
        <Text className='wm-field-label'>同意码</Text>
        <Input className='wm-field-input wm-rm-code-input' id='wm-rm-consent-input' value={typed} maxlength={20} placeholder='如：ABCD-EFGH-JKLM' onInput={(e) => setTyped(e.detail.value)} />
        <Button block type='primary' className='wm-rm-gap' onClick={() => setCode(typed.trim())}>
          查看
        </Button>
      </View>
    )
  }

  const p = preview.data
  const answer = async (agree: boolean) => {
    if (!agree) {
      const sure = await Taro.showModal({ title: '不同意公开？', content: '选择后，您的姓名和事迹不会出现在评选和好人榜中。', confirmText: '不公开', cancelText: '再想想' })
      if (!sure.confirm) return
    }
    setBusy(true)
    const result = await callCloud('rolemodel', 'consent', { code, agree })
    setBusy(false)
    if (!result.ok) return setProblem(CODE_PROBLEMS[result.code]?.text ?? result.message)
    setAnswered(result.data)
  }

  if (p.consent !== 'awaiting') {
    return (
      <View className='wm-card' id='wm-rm-consent-already'>
        <EmptyState
          glyph='✓'
          title={p.consent === 'given' ? '您已经同意过了' : '您已经选择了不公开'}
          description={p.consent === 'given' ? '不用再确认。如需撤回或修改内容，请联系文明办。' : '您的内容不会公开。如果改变主意，请联系文明办。'}
          actionText='看看好人榜'
          onAction={() => openPage(rolemodelUrl('board'))}
        />
      </View>
    )
  }

  return (
    <View className='wm-rm' id='wm-rm-consent'>
      <View className='wm-rm-hero'>
        <Text className='wm-rm-hero__title'>{p.name}，您好</Text>
        <Text className='wm-rm-hero__text'>有市民把您的事迹推荐给了市文明办，文明办已核实。公开之前，需要您本人同意。</Text>
      </View>
      <Text className='wm-section-title'>同意后将公开的内容</Text>
      <View className='wm-card' id='wm-rm-consent-preview'>
        <View className='wm-rm-row'>
          <Text className='wm-rm-title'>{p.name}</Text>
          <Tag text={categoryLabel(p.categoryId)} tone='gold' />
        </View>
        <Text className='wm-text-secondary'>{placeText(p.place)}</Text>
        <Text className='wm-rm-story'>{p.story}</Text>
        <Photos urls={p.photos} label={p.name} />
      </View>
      <View className='wm-card'>
        <Text className='wm-rm-subtitle'>公开在哪里</Text>
        <Text className='wm-text-secondary'>以上姓名、类别、事迹发生地（到社区）、事迹和{p.photos.length > 0 ? ` ${p.photos.length} 张照片` : '照片（本次没有照片）'}，会在「身边好人」评选的候选人公示中展示，市民可以投票；入选后登上身边好人榜，可以被点赞和分享。</Text>
        <Text className='wm-rm-subtitle'>不会公开的</Text>
        <Text className='wm-text-secondary'>推荐人是谁、推荐人的电话、您的电话和住址都不会公开。</Text>
      </View>
      <Problem text={problem} id='wm-rm-consent-error' />
      <View className='wm-rm-buttons'>
        <Button type='primary' block loading={busy} disabled={busy} id='wm-rm-consent-agree' onClick={() => void answer(true)}>
          我同意公开以上内容
        </Button>
        <Button fill='outline' type='default' block disabled={busy} id='wm-rm-consent-refuse' onClick={() => void answer(false)}>
          不同意公开
        </Button>
      </View>
    </View>
  )
}
