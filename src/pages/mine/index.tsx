import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { ErrorState, Skeleton } from '@/components/state'
import { LargeTextSwitch, loadMe, ProfileCard, useMe } from '@/features/account'
import { ReadingSummary } from '@/features/handbook/components/reading-summary'
import { openPage } from '@/lib/navigate'
import { openPrivacyContract } from '@/lib/privacy'
import './index.scss'

/**
 * One row of a settings list. Not NutUI's Cell: it brings the whole NutUI locale table with it,
 * about 10 KB the main package (what a resident waits for after a scan) cannot spare for a row.
 */
function Row({ id, title, description, extra, onClick }: { id?: string; title: string; description?: string; extra?: string; onClick?: () => void }) {
  return (
    <View className='wm-mine-cell' role={onClick ? 'button' : undefined} hoverClass={onClick ? 'wm-mine-cell--pressed' : 'none'} onClick={onClick}>
      <View className='wm-mine-cell__text'>
        <Text className='wm-mine-cell__title'>{title}</Text>
        {description ? <Text className='wm-mine-cell__description'>{description}</Text> : null}
      </View>
      <Text className='wm-mine-cell__extra' id={id} aria-hidden={extra ? undefined : 'true'}>
        {extra ?? '›'}
      </Text>
    </View>
  )
}

const MY_RECORDS = [
  // each opens the person's own records, not the form or the activity list
  { title: '我的随手拍', description: '上报记录与处理进度', url: '/packages/reports/pages/mine/index' },
  { title: '我的志愿服务', description: '报名、签到与服务时长', url: '/packages/volunteer/pages/mine/index' },
  { title: '我的答题', description: '答题记录、错题本与积分', url: '/packages/quiz/pages/index/index' },
  { title: '我的门店', description: '门前三包责任书、门前随手拍与星级', url: '/packages/frontage/pages/index/index?view=mine' },
]

export default function MinePage() {
  const meState = useMe()
  usePullDownRefresh(() => {
    void loadMe().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell>
      {meState.me ? (
        <ProfileCard me={meState.me} />
      ) : meState.status === 'error' ? (
        <View className='wm-card'>
          <ErrorState what='个人资料' message={meState.error.message} onRetry={() => void loadMe()} />
        </View>
      ) : (
        <View className='wm-card'>
          <Skeleton rows={2} />
        </View>
      )}

      <Text className='wm-section-title'>阅读设置</Text>
      <View className='wm-card wm-mine-group'>
        <LargeTextSwitch />
      </View>

      <Text className='wm-section-title'>我的记录</Text>
      <View className='wm-card wm-mine-group'>
        {MY_RECORDS.map((record) => (
          <Row key={record.title} title={record.title} description={record.description} onClick={() => openPage(record.url)} />
        ))}
      </View>

      <Text className='wm-section-title'>手册阅读</Text>
      <View className='wm-card wm-mine-group'>
        <ReadingSummary />
      </View>

      <Text className='wm-section-title'>关于</Text>
      <View className='wm-card wm-mine-group'>
        {process.env.TARO_ENV === 'weapp' ? (
          <Row title='隐私保护指引' onClick={openPrivacyContract} />
        ) : null}
        <Row title='文明通' description='创建全国文明城市 · 市民服务平台' extra='v0.1.0' />
        {meState.me ? (
          <Row
            id='wm-mine-user-id'
            title='我的用户编号'
            description='申请成为网格员、组织者、教师等角色时，提供给文明办'
            extra={meState.me.userId}
            onClick={() => meState.me && void Taro.setClipboardData({ data: meState.me.userId })}
          />
        ) : null}
      </View>
    </PageShell>
  )
}
