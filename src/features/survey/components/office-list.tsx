import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { SurveyAdminView } from '@/shared/contract/survey'
import { CAMPAIGN_TEMPLATE } from '@/shared/survey'
import { ErrorState, Skeleton, EmptyState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '../api'
import { periodText, stateLabel, surveyView } from '../labels'
import { OfficeOnly } from './refusal'
import '../survey.scss'

const DAY = 86_400_000

const requestId = () => `sv${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`

/** 问卷管理: every round, newest first, with its state in words, answers and 过快 answers. */
export function OfficeList() {
  const list = useLoad(() => callCloud('survey', 'adminList', {}), [])
  const [busy, setBusy] = useState(false)
  const [shown, setShown] = useState(false)
  useDidShow(() => {
    if (shown) list.reload()
    setShown(true)
  })

  if (list.error?.code === 'AUTH.FORBIDDEN') return <OfficeOnly what='问卷管理' />
  if (!list.data) {
    return <View className='wm-card'>{list.error ? <ErrorState what='问卷列表' message={list.error.message} onRetry={list.reload} /> : <Skeleton rows={6} />}</View>
  }

  const create = async () => {
    setBusy(true)
    const now = Date.now()
    const result = await callCloud('survey', 'createFromTemplate', { templateId: CAMPAIGN_TEMPLATE.id, opensAt: now, closesAt: now + 14 * DAY, requestId: requestId() })
    setBusy(false)
    if (!result.ok) return void Taro.showModal({ title: '没有建成', content: result.message, showCancel: false, confirmText: '知道了' })
    openPage(surveyView('edit', result.data.id))
  }

  const items = list.data.items
  return (
    <View className='wm-sv wm-sv-wide' id='wm-sv-office'>
      <View className='wm-card'>
        <Text className='wm-sv-title'>按模板新建一轮调查</Text>
        <Text className='wm-text-secondary' style={{ display: 'block', marginTop: '8px' }}>
          「{CAMPAIGN_TEMPLATE.title}」：知晓、支持、参与、满意等 {CAMPAIGN_TEMPLATE.questions.length} 道常用题。建成草稿后可增删、调整题目，选择社区和时段，再发布。同一模板的各轮结果会连成趋势。
        </Text>
        <Button block type='primary' className='wm-sv-gap' id='wm-sv-create' loading={busy} onClick={() => void create()}>
          按模板新建草稿
        </Button>
      </View>
      <Text className='wm-section-title'>全部问卷</Text>
      {items.length === 0 ? (
        <View className='wm-card'>
          <EmptyState glyph='问' title='还没有问卷' description='点上方「按模板新建草稿」开始第一轮调查。发布后，居民扫公益广告上的码或从首页进入作答。' />
        </View>
      ) : (
        <View className='wm-card' id='wm-sv-office-list'>
          {items.map((s) => (
            <OfficeRow key={s.id} s={s} />
          ))}
        </View>
      )}
    </View>
  )
}

function OfficeRow({ s }: { s: SurveyAdminView }) {
  const draft = s.state === 'draft'
  return (
    <View className='wm-sv-item' id={`wm-sv-row-${s.id}`} role='link' onClick={() => openPage(surveyView(draft ? 'edit' : 'results', s.id))}>
      <View className='wm-sv-col'>
        <Text className='wm-sv-title'>{s.title}</Text>
        <Text className='wm-text-tertiary'>
          {periodText(s.opensAt, s.closesAt)} · {s.communityIds ? `${s.communityIds.length} 个社区` : '全市'} · 共 {s.questions.length} 题
        </Text>
        <View className='wm-sv-tags'>
          <Text className={`wm-sv-tag${s.state === 'open' ? ' wm-sv-tag--open' : draft ? ' wm-sv-tag--draft' : ''}`}>{stateLabel(s.state)}</Text>
          {draft ? null : (
            <Text className='wm-sv-tag'>
              答卷 {s.answers} 份{s.flagged > 0 ? `（过快 ${s.flagged}）` : ''}
            </Text>
          )}
        </View>
      </View>
      <Text className='wm-sv-item__go'>{draft ? '编辑 ›' : '结果 ›'}</Text>
    </View>
  )
}
