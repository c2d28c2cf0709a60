import { Text, View } from '@tarojs/components'
import { EmptyState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { inspectUrl, type InspectParams } from '../labels'
import { More, OrderRow, ageDays, gate, useOrderPages } from './orders'
import '../field.scss'

/**
 * 回头看: 督办单 the units have answered, waiting for the caller's team to check on the spot,
 * the longest-waiting first (the server orders them; the page never re-sorts a partial list).
 */
export function RechecksView(_props: { params: InspectParams }) {
  const list = useOrderPages(
    () => callCloud('inspect', 'rechecks', {}),
    (cursor) => callCloud('inspect', 'rechecks', { cursor }),
    [],
  )
  const blocked = list.load.error ? gate(list.load, { audience: 'inspector', what: '回头看' }) : null
  if (blocked) return <>{blocked}</>
  return (
    <View className='wm-fd' id='wm-inspect-rechecks'>
      <View className='wm-fd-hero'>
        <Text className='wm-fd-hero__title'>待回头看</Text>
        <Text className='wm-fd-hero__text'>单位已答复整改的督办单，请到现场核实：到位销号，不到位退回重改</Text>
      </View>
      {list.items.length === 0 ? (
        <View className='wm-card'>
          {list.load.loading ? (
            <Skeleton rows={4} />
          ) : (
            <EmptyState glyph='复' title='没有待回头看的督办单' description='单位答复整改后，督办单会出现在这里。可以去实地督查一张图看看各点位的情况。' actionText='打开一张图' onAction={() => openPage(inspectUrl('map'))} />
          )}
        </View>
      ) : (
        <View className='wm-fd-list'>
          {list.items.map((o) => (
            <View key={o.orderId}>
              <Text className='wm-text-tertiary wm-fd-age'>已发现 {ageDays(o.foundAt)} 天</Text>
              <OrderRow order={o} />
            </View>
          ))}
        </View>
      )}
      <More cursor={list.cursor} busy={list.paging.busy} error={list.paging.error} onMore={() => void list.loadMore()} id='wm-inspect-rechecks-more' />
    </View>
  )
}
