import { Text, View } from '@tarojs/components'
import { usePullDownRefresh } from '@tarojs/taro'
import Taro from '@tarojs/taro'
import type { SurveyCardView } from '@/shared/contract/survey'
import { listPlaceholder } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '../api'
import { dateText, surveyView } from '../labels'
import { PrivacyNote } from './refusal'
import '../survey.scss'

/** 正在进行的问卷: each says until when, how many questions, and whether the caller already took part. */
export function OpenList({ isOffice }: { isOffice: boolean }) {
  const list = useLoad(() => callCloud('survey', 'openList', {}), [])
  usePullDownRefresh(() => {
    list.reload()
    void Taro.stopPullDownRefresh()
  })
  const items = list.data?.items ?? []
  return (
    <View className='wm-sv' id='wm-sv-list'>
      {isOffice ? (
        <View className='wm-card wm-sv-item' id='wm-sv-office-link' role='link' onClick={() => openPage(surveyView('office'))}>
          <View className='wm-sv-col'>
            <Text className='wm-sv-title'>文明办：问卷管理</Text>
            <Text className='wm-text-tertiary'>按模板建问卷、发布与结束、查看各社区结果</Text>
          </View>
          <Text className='wm-sv-item__go'>进入 ›</Text>
        </View>
      ) : null}
      <View className='wm-sv-hero'>
        <Text className='wm-sv-hero__title'>创文民意调查</Text>
        <Text className='wm-sv-hero__text'>说说您对创建文明城市的真实看法。这不是答题考试，没有对错，每份问卷只需作答一次。</Text>
      </View>
      <PrivacyNote />
      <Text className='wm-section-title'>正在进行的问卷</Text>
      {listPlaceholder({
        error: list.error,
        loading: list.loading,
        count: items.length,
        what: '问卷',
        onRetry: list.reload,
        empty: { glyph: '问', title: '现在没有进行中的问卷', description: '文明办开展调查时会在这里和街头公益广告上发布，扫码即可参与。' },
      })}
      {items.length > 0 ? (
        <View className='wm-card'>
          {items.map((s) => (
            <SurveyCard key={s.id} s={s} />
          ))}
        </View>
      ) : null}
    </View>
  )
}

function SurveyCard({ s }: { s: SurveyCardView }) {
  return (
    <View className='wm-sv-item' id={`wm-sv-card-${s.id}`} role='link' onClick={() => openPage(surveyView('answer', s.id))}>
      <View className='wm-sv-col'>
        <Text className='wm-sv-title'>{s.title}</Text>
        <Text className='wm-text-tertiary'>
          共 {s.questions} 题 · {dateText(s.closesAt)}截止{s.communityIds ? ' · 部分社区' : ''}
        </Text>
        <View className='wm-sv-tags'>
          <Text className={`wm-sv-tag${s.answered ? '' : ' wm-sv-tag--open'}`}>{s.answered ? '您已参与' : '可参与'}</Text>
        </View>
      </View>
      <Text className='wm-sv-item__go'>{s.answered ? '查看 ›' : '去参与 ›'}</Text>
    </View>
  )
}
