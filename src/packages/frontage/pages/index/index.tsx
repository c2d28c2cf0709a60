import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { VIEW_TITLE, frontageUrl, isFrontageView, type FrontageParams, type FrontageViewName } from '@/features/frontage/labels'
import { DoorView } from '@/features/frontage/components/door'
import { MyShops } from '@/features/frontage/components/mine'
import { PledgeSign } from '@/features/frontage/components/pledge'
import { ShopReports } from '@/features/frontage/components/shop-reports'
import { AnswerReport } from '@/features/frontage/components/answer'
import { ShopScore } from '@/features/frontage/components/shop-score'
import { StreetHome } from '@/features/frontage/components/street'
import { RegisterShop } from '@/features/frontage/components/register'
import { ApplyShop } from '@/features/frontage/components/apply'
import { ShopDetail } from '@/features/frontage/components/shop'
import { DoorCard } from '@/features/frontage/components/card'
import { ImportShops } from '@/features/frontage/components/import'
import { ShopBoard } from '@/features/frontage/components/board'
import { ZonesView } from '@/features/frontage/components/zones'
import { TemplatesView } from '@/features/frontage/components/templates'
import { InspectShop } from '@/features/frontage/components/inspect'
import { FindingsView } from '@/features/frontage/components/findings'

const decoded = (v: string | undefined) => (v ? decodeURIComponent(v) : '')

/**
 * 门前三包: every screen is a view of this one page (?view=); a scanned door code opens `door`.
 * Each view checks the caller's role itself and says kindly whom it is for.
 */
export default function FrontagePage() {
  const router = useRouter<Record<string, string | undefined>>()
  const asked = decoded(router.params.view)
  const view: FrontageViewName = isFrontageView(asked) ? asked : router.params.shopId ? 'door' : 'mine'
  const params: FrontageParams = {
    shopId: decoded(router.params.shopId),
    reportId: decoded(router.params.reportId),
    findingId: decoded(router.params.findingId),
    district: decoded(router.params.district),
    month: decoded(router.params.month),
  }
  const [refresh, setRefresh] = useState(0)
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: VIEW_TITLE[view] })
  }, [view])
  // a shared door page invites a neighbour to look at the shop's 门前三包 and its stars; anything else shares the street's board
  useShareAppMessage(() =>
    view === 'door' && params.shopId
      ? { title: '门前三包 · 看看这家店的责任与星级', path: frontageUrl('door', { shopId: params.shopId }) }
      : { title: '门店红黑榜 · 门前三包做得怎么样', path: frontageUrl('board') },
  )
  usePullDownRefresh(() => {
    setRefresh((n) => n + 1)
    void Taro.stopPullDownRefresh()
  })
  return (
    <PageShell>
      <View key={refresh}>
        {view === 'door' ? <DoorView params={params} /> : null}
        {view === 'mine' ? <MyShops params={params} /> : null}
        {view === 'pledge' ? <PledgeSign params={params} /> : null}
        {view === 'shop-reports' ? <ShopReports params={params} /> : null}
        {view === 'answer' ? <AnswerReport params={params} /> : null}
        {view === 'shop-score' ? <ShopScore params={params} /> : null}
        {view === 'street' ? <StreetHome params={params} /> : null}
        {view === 'register' ? <RegisterShop params={params} /> : null}
        {view === 'apply' ? <ApplyShop params={params} /> : null}
        {view === 'shop' ? <ShopDetail params={params} /> : null}
        {view === 'card' ? <DoorCard params={params} /> : null}
        {view === 'import' ? <ImportShops params={params} /> : null}
        {view === 'board' ? <ShopBoard params={params} /> : null}
        {view === 'zones' ? <ZonesView params={params} /> : null}
        {view === 'templates' ? <TemplatesView params={params} /> : null}
        {view === 'inspect' ? <InspectShop params={params} /> : null}
        {view === 'findings' ? <FindingsView params={params} /> : null}
      </View>
    </PageShell>
  )
}
