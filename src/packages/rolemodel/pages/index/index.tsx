import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { Board } from '@/features/rolemodel/components/board'
import { ConsentView } from '@/features/rolemodel/components/consent-view'
import { MyNominations } from '@/features/rolemodel/components/my-nominations'
import { NominateForm } from '@/features/rolemodel/components/nominate-form'
import { OfficeHome } from '@/features/rolemodel/components/office-home'
import { Review } from '@/features/rolemodel/components/review'
import { RoundManage } from '@/features/rolemodel/components/round-manage'
import { RoundSetup } from '@/features/rolemodel/components/round-setup'
import { RoundPage } from '@/features/rolemodel/components/round-view'
import { ROLEMODEL_PAGE, ROLEMODEL_VIEWS, VIEW_TITLE, rolemodelUrl, type RolemodelViewName } from '@/features/rolemodel/labels'

interface RolemodelParams {
  view?: string
  roundId?: string
  honourId?: string
  code?: string
  id?: string
  [key: string]: string | undefined
}

const decoded = (v: string | undefined) => (v ? decodeURIComponent(v) : '')

/** The share a button names (a person on the 好人榜) or the page's own. */
interface ShareSource {
  from?: string
  target?: { dataset?: Record<string, unknown> }
}

/**
 * 身边好人: every screen is a view of this one page (?view=), because each registered page costs
 * the main package bytes. A consent link (?code=) opens the nominee's 本人确认 directly.
 */
export default function RolemodelPage() {
  const { params } = useRouter<RolemodelParams>()
  const code = decoded(params.code)
  const asked = decoded(params.view)
  const view: RolemodelViewName = (ROLEMODEL_VIEWS as readonly string[]).includes(asked) ? (asked as RolemodelViewName) : code ? 'consent' : 'board'
  const [refresh, setRefresh] = useState(0)
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: VIEW_TITLE[view] })
  }, [view])
  usePullDownRefresh(() => {
    setRefresh((n) => n + 1)
    void Taro.stopPullDownRefresh()
  })
  useShareAppMessage((res: ShareSource) => {
    const data = res.from === 'button' ? res.target?.dataset : undefined
    const honourId = typeof data?.honourId === 'string' ? data.honourId : ''
    const name = typeof data?.name === 'string' ? data.name : ''
    if (honourId) return { title: `身边好人 · ${name}：为身边的榜样点个赞`, path: rolemodelUrl('board', { honourId }) }
    if (view === 'round' && params.roundId) return { title: '身边好人评选公示中，来为身边的好人投一票', path: rolemodelUrl('round', { roundId: decoded(params.roundId) }) }
    return { title: '身边好人榜 · 看看我们身边的榜样', path: ROLEMODEL_PAGE }
  })
  return (
    <PageShell>
      <View key={refresh}>
        {view === 'board' ? <Board honourId={decoded(params.honourId)} /> : null}
        {view === 'round' ? <RoundPage roundId={decoded(params.roundId)} /> : null}
        {view === 'nominate' ? <NominateForm /> : null}
        {view === 'mine' ? <MyNominations /> : null}
        {view === 'consent' ? <ConsentView code={code} /> : null}
        {view === 'office' ? <OfficeHome /> : null}
        {view === 'review' ? <Review nominationId={decoded(params.id)} /> : null}
        {view === 'setup' ? <RoundSetup /> : null}
        {view === 'manage' ? <RoundManage roundId={decoded(params.roundId)} /> : null}
      </View>
    </PageShell>
  )
}
