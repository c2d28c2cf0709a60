import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { openPage } from '@/lib/navigate'
import { shanghaiTime } from '@/lib/time'
import { paperUrl, usePointsLedger } from '../api'
import './points-ledger.scss'

const shanghai = (ms: number) => shanghaiTime(ms, 'YYYY-MM-DD HH:mm')

/** 文明积分: the balance and every change, with its reason. */
export function PointsLedger() {
  const ledger = usePointsLedger()
  return (
    <View className='wm-points' id='wm-points'>
      <View className='wm-card wm-points__balance'>
        <Text className='wm-text-secondary'>我的文明积分</Text>
        <Text className='wm-points__value'>{ledger.balance ?? '—'}</Text>
        <Text className='wm-text-tertiary'>每日一练答对 1 题得 1 分，每天计一次；余额是下面每一笔的合计。</Text>
      </View>
      {ledger.status === 'error' && ledger.items.length === 0 ? (
        <View className='wm-card'>
          <ErrorState what='积分明细' message={ledger.error?.message ?? ''} onRetry={() => void ledger.reload()} />
        </View>
      ) : ledger.status === 'loading' && ledger.items.length === 0 ? (
        <View className='wm-card'>
          <Skeleton rows={4} />
        </View>
      ) : ledger.items.length === 0 ? (
        <View className='wm-card'>
          <EmptyState glyph='分' title='还没有积分' description='做每日一练，答对就能得文明积分。' actionText='去答题' onAction={() => openPage(paperUrl('daily'))} />
        </View>
      ) : (
        <View className='wm-card'>
          {ledger.items.map((entry) => (
            <View key={`${entry.sourceId}-${entry.at}`} className='wm-points__row'>
              <View className='wm-points__text'>
                <Text>{entry.reasonLabel}</Text>
                <Text className='wm-text-tertiary'>{shanghai(entry.at)}</Text>
              </View>
              <Text className={`wm-points__delta${entry.delta < 0 ? ' wm-points__delta--minus' : ''}`}>
                {entry.delta > 0 ? `+${entry.delta}` : entry.delta}
              </Text>
            </View>
          ))}
          {ledger.hasMore ? (
            <Button fill='outline' type='primary' block loading={ledger.status === 'loading'} onClick={ledger.more}>
              加载更多
            </Button>
          ) : null}
        </View>
      )}
    </View>
  )
}
