import { Text, View } from '@tarojs/components'
import { PlaceMap } from '@/components/place-map'
import type { SiteDetailView } from '@/shared/contract'
import { ITEM_RESULT_LABEL } from '@/shared/inspect'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { useLoad } from '../api'
import { inspectUrl, type InspectParams } from '../labels'
import { Btn, Gone, OrderRow, Tag, ageDays, dateText, gate } from './orders'
import '../field.scss'

/**
 * 点位详情: what the site is, who answers for it, how its last inspection went item by item, its
 * open 督办单 with their ages, and what residents raised here by 随手拍. An inspector of the
 * site's area starts 实地督查 from here.
 */
export function SiteView({ params }: { params: InspectParams }) {
  const load = useLoad(() => (params.siteId ? callCloud('inspect', 'site', { siteId: params.siteId }) : Promise.resolve({ ok: false as const, code: 'INSPECT.SITE_NOT_FOUND', message: '' })), [params.siteId])
  if (!params.siteId) return <Gone />
  const d: SiteDetailView | null = load.data
  if (!d) return <>{gate(load, { audience: 'staff', what: '点位详情', byId: true })}</>
  const s = d.site
  return (
    <View className='wm-fd wm-fd-cols' id='wm-inspect-site'>
      <View className='wm-fd-main'>
        <View className='wm-card'>
          <View className='wm-fd-row'>
            <Text className='wm-fd-title'>{s.name}</Text>
            <Tag text={s.typeName} tone='gold' />
          </View>
          <Text className='wm-text-secondary'>
            {s.district ? `${s.district} · ` : ''}
            {s.address}
          </Text>
          <View className='wm-fd-kv'>
            <Text className='wm-fd-label'>责任单位</Text>
            <Text>{s.unit.name}</Text>
            {s.pairUnit ? (
              <>
                <Text className='wm-fd-label'>包联单位</Text>
                <Text>{s.pairUnit.name}</Text>
              </>
            ) : null}
            <Text className='wm-fd-label'>现场联系人</Text>
            <Text>
              {s.contactName} {s.contactPhone}
            </Text>
            <Text className='wm-fd-label'>上次督查</Text>
            <Text>
              {s.lastInspectedAt ? `${dateText(s.lastInspectedAt)}` : '尚未督查'}
              {s.lastResult ? `：合格 ${s.lastResult.pass} 项，不合格 ${s.lastResult.fail} 项，不适用 ${s.lastResult.na} 项` : ''}
            </Text>
          </View>
          <View className='wm-fd-gap' />
          <PlaceMap pin={s.place} pinTitle={s.name} label={`${s.name}的位置`} id='wm-inspect-site-map' />
        </View>
        {d.mayInspect ? <Btn id='wm-inspect-start' text='开始督查' onTap={() => openPage(inspectUrl('inspect', { siteId: s.siteId }))} /> : null}
        <Text className='wm-section-title'>检查清单与上次结果（{d.checklist.length} 项）</Text>
        <View className='wm-card'>
          {d.checklist.length === 0 ? (
            <Text className='wm-text-secondary'>该类点位还没有检查清单。</Text>
          ) : (
            d.checklist.map((c) => (
              <View key={c.standardId} className='wm-fd-line'>
                <View className='wm-fd-col'>
                  <Text className='wm-fd-code'>{c.number}</Text>
                  <Text className='wm-fd-clamp2'>{c.text || c.content}</Text>
                </View>
                <Tag text={c.lastResult ? ITEM_RESULT_LABEL[c.lastResult] : '未查'} tone={c.lastResult === 'fail' ? 'red' : c.lastResult === 'pass' ? 'ok' : 'plain'} />
              </View>
            ))
          )}
        </View>
      </View>
      <View className='wm-fd-side'>
        <Text className='wm-section-title'>未销号督办单（{d.orders.length}）</Text>
        {d.orders.length === 0 ? (
          <View className='wm-card'>
            <Text className='wm-text-secondary'>这个点位没有未销号的督办单。</Text>
          </View>
        ) : (
          d.orders.map((o) => (
            <View key={o.orderId}>
              <Text className='wm-text-tertiary wm-fd-age'>已 {ageDays(o.foundAt)} 天</Text>
              <OrderRow order={o} />
            </View>
          ))
        )}
        <Text className='wm-section-title'>居民随手拍（{d.reports.length}）</Text>
        <View className='wm-card'>
          {d.reports.length === 0 ? (
            <Text className='wm-text-secondary'>附近没有居民反映的问题。</Text>
          ) : (
            d.reports.map((r) => (
              <View key={r.reportId} className='wm-fd-line' role='link' onClick={() => openPage(`/packages/reports/pages/detail/index?id=${encodeURIComponent(r.reportId)}`)}>
                <View className='wm-fd-col'>
                  <Text>{r.categoryName}</Text>
                  <Text className='wm-text-tertiary'>{dateText(r.createdAt)}</Text>
                </View>
                <Text className='wm-text-secondary'>{r.status} ›</Text>
              </View>
            ))
          )}
        </View>
      </View>
    </View>
  )
}
