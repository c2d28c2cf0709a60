import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { VIEW_TITLE, isInspectView, type InspectParams, type InspectViewName } from '@/features/inspect/labels'
import { InspectHome } from '@/features/inspect/components/home'
import { StandardsView } from '@/features/inspect/components/standards'
import { ImportView } from '@/features/inspect/components/import'
import { AssignView } from '@/features/inspect/components/assign'
import { EvidenceReview } from '@/features/inspect/components/evidence-review'
import { SitesView } from '@/features/inspect/components/sites'
import { SiteView } from '@/features/inspect/components/site'
import { SiteEdit } from '@/features/inspect/components/site-edit'
import { UnitTasks } from '@/features/inspect/components/unit'
import { TaskView } from '@/features/inspect/components/task'
import { OrdersView } from '@/features/inspect/components/orders'
import { OrderView } from '@/features/inspect/components/order'
import { InspectForm } from '@/features/inspect/components/inspect'
import { RechecksView } from '@/features/inspect/components/rechecks'
import { InspectMap } from '@/features/inspect/components/map'
import { BoardView } from '@/features/inspect/components/board'
import { ScoreView } from '@/features/inspect/components/score'
import { RatingsView } from '@/features/inspect/components/ratings'
import { RulesView } from '@/features/inspect/components/rules'

const decoded = (v: string | undefined) => (v ? decodeURIComponent(v) : '')

/**
 * 创文督查: every screen is a view of this one page (?view=). Each view checks the caller's role
 * itself and says kindly whom it is for.
 */
export default function InspectPage() {
  const router = useRouter<Record<string, string | undefined>>()
  const asked = decoded(router.params.view)
  const view: InspectViewName = isInspectView(asked) ? asked : 'home'
  const params: InspectParams = {
    id: decoded(router.params.id),
    siteId: decoded(router.params.siteId),
    orderId: decoded(router.params.orderId),
    taskId: decoded(router.params.taskId),
    unitId: decoded(router.params.unitId),
    week: decoded(router.params.week),
    month: decoded(router.params.month),
  }
  const [refresh, setRefresh] = useState(0)
  // one view both registers a site and edits one: the title says which
  const title = view === 'site-edit' && params.siteId ? '修改点位' : VIEW_TITLE[view]
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title })
  }, [title])
  usePullDownRefresh(() => {
    setRefresh((n) => n + 1)
    void Taro.stopPullDownRefresh()
  })
  return (
    <PageShell>
      <View key={refresh}>
        {view === 'home' ? <InspectHome params={params} /> : null}
        {view === 'standards' ? <StandardsView params={params} /> : null}
        {view === 'import' ? <ImportView params={params} /> : null}
        {view === 'assign' ? <AssignView params={params} /> : null}
        {view === 'evidence-review' ? <EvidenceReview params={params} /> : null}
        {view === 'sites' ? <SitesView params={params} /> : null}
        {view === 'site' ? <SiteView params={params} /> : null}
        {view === 'site-edit' ? <SiteEdit params={params} /> : null}
        {view === 'unit' ? <UnitTasks params={params} /> : null}
        {view === 'task' ? <TaskView params={params} /> : null}
        {view === 'orders' ? <OrdersView params={params} /> : null}
        {view === 'order' ? <OrderView params={params} /> : null}
        {view === 'inspect' ? <InspectForm params={params} /> : null}
        {view === 'rechecks' ? <RechecksView params={params} /> : null}
        {view === 'map' ? <InspectMap params={params} /> : null}
        {view === 'board' ? <BoardView params={params} /> : null}
        {view === 'score' ? <ScoreView params={params} /> : null}
        {view === 'ratings' ? <RatingsView params={params} /> : null}
        {view === 'rules' ? <RulesView params={params} /> : null}
      </View>
    </PageShell>
  )
}
