import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { callCloud } from '@/lib/call-cloud'
import { useLoad } from '@/lib/use-load'
import { Chips, DASHBOARD_PAGE, Gate, PeriodBar, VIEW_TITLE, isDashboardView, type DashboardViewName, type Period } from '@/features/office-dashboard/common'
import { HandbookView, OverviewView, PostersView, QuizView, ReportsView, VolunteersView } from '@/features/office-dashboard/views'
import { BriefingView } from '@/features/office-dashboard/briefing'

type TabName = Exclude<DashboardViewName, 'briefing'>
/** the tabs' views, in order (the walk reads this list to visit each) */
const TAB_VIEWS = ['overview', 'reports', 'volunteers', 'quiz', 'posters', 'handbook'] as const
const TABS: Array<{ value: TabName; label: string }> = TAB_VIEWS.map((v) => ({ value: v, label: VIEW_TITLE[v] }))

/**
 * The charts' views: each asks the server for its own view only (again when the view or the
 * period changes), so a view costs what it shows. While another view's answer is still on hand
 * the skeleton shows, never the wrong view's figures.
 */
function Charts({ view, onView }: { view: TabName; onView: (v: TabName) => void }) {
  const [period, setPeriod] = useState<Period>({ period: '30d' })
  const dash = useLoad(() => callCloud('stats', 'dashboard', { ...period, view }), [view, period.period, period.from, period.to])
  const d = dash.data && dash.data.view === view ? dash.data : null
  if (dash.error?.code === 'AUTH.FORBIDDEN') return <>{Gate({ error: dash.error, loading: false, what: '数据看板', reload: dash.reload })}</>
  const span = d ? { from: d.from, to: d.to } : null
  return (
    <View className='wm-db' id='wm-db' data-view={view} data-loading={dash.loading || !d ? 'true' : 'false'} data-from={d?.from ?? ''} data-to={d?.to ?? ''}>
      <View className='wm-card wm-db-tabs'>
        <Chips value={view} options={TABS} onChange={onView} idPrefix='wm-db-tab' />
        <View className='wm-db-action wm-db-action--plain' role='link' id='wm-db-open-briefing' onClick={() => void Taro.navigateTo({ url: `${DASHBOARD_PAGE}?view=briefing` })}>
          <Text>创文工作月报 ›</Text>
        </View>
      </View>
      <PeriodBar value={period} onChange={setPeriod} range={span} />
      {d && dash.loading ? (
        <View className='wm-text-tertiary wm-db-updating' role='status'>
          <Text>正在更新…</Text>
        </View>
      ) : null}
      {d && dash.error ? Gate({ error: dash.error, loading: false, what: '数据看板', reload: dash.reload }) : null}
      {!d ? Gate({ error: dash.error, loading: dash.loading || !dash.error, what: '数据看板', reload: dash.reload }) : null}
      {d && span && !dash.error ? (
        <View>
          {d.overview ? <OverviewView span={span} o={d.overview} /> : null}
          {d.reports ? <ReportsView span={span} r={d.reports} /> : null}
          {d.volunteers ? <VolunteersView v={d.volunteers} reload={dash.reload} /> : null}
          {d.quiz ? <QuizView q={d.quiz} /> : null}
          {d.posters ? (
            <PostersView key={`${d.from}:${d.to}:${d.generatedAt}`} first={d.posters} more={(cursor) => callCloud('stats', 'dashboard', { ...period, view: 'posters', posterCursor: cursor })} />
          ) : null}
          {d.handbook ? <HandbookView h={d.handbook} /> : null}
        </View>
      ) : null}
    </View>
  )
}

/**
 * 文明办数据看板 (?view= 总览 / 随手拍 / 志愿 / 答题 / 海报 / 手册) and the 创文工作月报
 * (?view=briefing&month=YYYY-MM): one office page, so the main package carries one more path only.
 * Anyone but the office is refused kindly (the server answers AUTH.FORBIDDEN).
 */
export default function OfficeDashboardPage() {
  const router = useRouter<{ view?: string; month?: string }>()
  const asked = router.params.view ?? ''
  const [view, setView] = useState<DashboardViewName>(isDashboardView(asked) ? asked : 'overview')
  const [refresh, setRefresh] = useState(0)
  useEffect(() => {
    // the 月报 names itself with its month
    if (view !== 'briefing') void Taro.setNavigationBarTitle({ title: `数据看板 · ${VIEW_TITLE[view]}` })
  }, [view])
  usePullDownRefresh(() => {
    setRefresh((n) => n + 1)
    void Taro.stopPullDownRefresh()
  })
  return (
    <PageShell className={view === 'briefing' ? 'wm-db-print-page' : undefined}>
      <View key={refresh}>{view === 'briefing' ? <BriefingView month={router.params.month} /> : <Charts view={view} onView={setView} />}</View>
    </PageShell>
  )
}
