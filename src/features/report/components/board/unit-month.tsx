import { Text, View } from '@tarojs/components'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '@/lib/use-load'
import { SQUARE_PAGE } from '../../routes'
import './board.scss'

export const BOARD_URL = `${SQUARE_PAGE}?view=board`

/**
 * One line on a report's detail about its unit this month (「该单位本月按时办结率 …」), leading to the
 * 红黑榜. Says nothing while it loads or when it cannot be read: the report is what the page is for.
 */
export function UnitMonthLine({ unitId }: { unitId: string }) {
  const month = useLoad(() => callCloud('stats', 'unitMonth', { unitId }), [unitId])
  if (!month.data) return null
  return (
    <View className='wm-ub-month' id='wm-report-unit-month' role='link' onClick={() => openPage(BOARD_URL)}>
      <Text className='wm-ub-month__text'>
        {month.data.text}
      </Text>
      <Text className='wm-ub-month__go'>看单位红黑榜 ›</Text>
    </View>
  )
}
