import { Text, View } from '@tarojs/components'
import { PageShell } from '@/components/page-shell'
import { rolesOf, useMe } from '@/features/account'
// the form only: the rest of the report feature lives in the `reports` subpackage
import { ReportForm } from '@/features/report/components/report-form'
import { LEDGER_PAGE, MINE_PAGE, QUEUE_PAGE, ROUTING_PAGE, SQUARE_PAGE } from '@/features/report/routes'
import { openPage } from '@/lib/navigate'
import './index.scss'

export default function ReportTabPage() {
  const { me } = useMe()
  const roles = rolesOf(me)
  const links = [
    { id: 'mine', title: '我的随手拍', detail: '进度、时限与评价', url: MINE_PAGE },
    { id: 'square', title: '点赞·爆料广场', detail: '整改前后与好人好事', url: SQUARE_PAGE },
    ...(roles.includes('grid') ? [{ id: 'grid', title: '网格员工作台', detail: '受理、派发本网格问题', url: `${QUEUE_PAGE}?role=grid` }] : []),
    ...(roles.includes('handler') ? [{ id: 'handler', title: '处置工作台', detail: '签收、办结派发的问题', url: `${QUEUE_PAGE}?role=handler` }] : []),
    ...(roles.includes('admin')
      ? [
          { id: 'ledger', title: '督查台账', detail: '超期未办的问题', url: LEDGER_PAGE },
          { id: 'routing', title: '派发规则', detail: '类别到责任单位、每日上限', url: ROUTING_PAGE },
        ]
      : []),
  ]
  return (
    <PageShell>
      {/* photo first: the camera is the first thing on the tab; the way to one's reports is one short row */}
      <View className='wm-report-intro' id='wm-report-start'>
        <Text className='wm-report-intro__title'>发现不文明现象？拍下来</Text>
        <Text className='wm-text-secondary'>按位置转给网格员，每一步都有时限，可随时查看进度。</Text>
      </View>
      <ReportForm />
      <View className='wm-report-links'>
        {links.map((link) => (
          <View key={link.id} id={`wm-report-link-${link.id}`} className='wm-report-link' role='button' onClick={() => openPage(link.url)}>
            <Text className='wm-report-link__title'>{link.title}</Text>
            <Text className='wm-text-tertiary'>{link.detail}</Text>
          </View>
        ))}
      </View>
    </PageShell>
  )
}
