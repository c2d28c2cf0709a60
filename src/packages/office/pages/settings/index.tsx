import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { VIEW_TITLE, isSettingsView, type SettingsViewName } from '@/features/office-console/common'
import { CategoriesView } from '@/features/office-console/categories'
import { UnitsView } from '@/features/office-console/units'
import { GridsView } from '@/features/office-console/grids'
import { AuditView } from '@/features/office-console/audit'
import { ExportsView } from '@/features/office-console/exports'
import { HandbookView, IndexView, LimitsView, PointsView, VolunteerView } from '@/features/office-console/more'
import { NotifyView } from '@/features/office-console/notify'
import { QuestionsView } from '@/features/office-console/questions'

/**
 * 文明办「设置」and 数据导出: every screen is a view of this one page (?view=), so the main package
 * carries one path. Each view is refused kindly by the server's AUTH.FORBIDDEN for anyone else.
 */
export default function OfficeSettingsPage() {
  const router = useRouter<{ view?: string }>()
  const asked = router.params.view ?? ''
  // no view (or an unknown one): the index of every setting
  const view: SettingsViewName = isSettingsView(asked) ? asked : 'index'
  const [refresh, setRefresh] = useState(0)
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: VIEW_TITLE[view] })
  }, [view])
  usePullDownRefresh(() => {
    setRefresh((n) => n + 1)
    void Taro.stopPullDownRefresh()
  })
  return (
    <PageShell>
      <View key={refresh}>
        {view === 'index' ? <IndexView /> : null}
        {view === 'limits' ? <LimitsView /> : null}
        {view === 'volunteer' ? <VolunteerView /> : null}
        {view === 'points' ? <PointsView /> : null}
        {view === 'notify' ? <NotifyView /> : null}
        {view === 'questions' ? <QuestionsView /> : null}
        {view === 'handbook' ? <HandbookView /> : null}
        {view === 'categories' ? <CategoriesView /> : null}
        {view === 'units' ? <UnitsView /> : null}
        {view === 'grids' ? <GridsView /> : null}
        {view === 'audit' ? <AuditView /> : null}
        {view === 'exports' ? <ExportsView /> : null}
      </View>
    </PageShell>
  )
}
