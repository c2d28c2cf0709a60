import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Picker, Text, View } from '@tarojs/components'
import { EmptyState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import type { SiteView } from '@/shared/contract'
import { useLoad } from '../api'
import type { InspectParams } from '../labels'
import { Gate, MoreButton, Problem, Tag, goInspect, usePaged } from './common'

const ALL = '全部'

/**
 * 测评点位: paged, by type and district. An inspector picks the site to inspect here (the list is
 * their team's area), a 联络员 sees the sites their unit answers for, the office registers sites.
 */
export function SitesView({ params }: { params: InspectParams }) {
  const [typeId, setTypeId] = useState('')
  const [district, setDistrict] = useState('')
  const home = useLoad(() => callCloud('inspect', 'home', {}), [])
  const types = useLoad(() => callCloud('inspect', 'siteTypes', {}), [])
  const office = !!home.data?.roles.office
  const inspector = !!home.data?.roles.inspector
  // the map knows the districts that have sites; a 联络员 (no map) filters by type only
  const map = useLoad(() => (office || inspector ? callCloud('inspect', 'map', {}) : Promise.resolve({ ok: true as const, data: null })), [office, inspector])
  const page = usePaged(
    (cursor) =>
      callCloud('inspect', 'sites', {
        ...(cursor ? { cursor } : {}),
        ...(typeId ? { typeId } : {}),
        ...(district ? { district } : {}),
        ...(params.unitId ? { unitId: params.unitId } : {}),
      }),
    [typeId, district, params.unitId],
  )
  const gate = Gate({ error: page.error ?? home.error, loading: page.loading && !page.first, what: '测评点位', audience: 'staff', reload: page.reload })
  if (gate) return <>{gate}</>
  const typeList = [{ typeId: '', name: ALL }, ...(types.data ?? []).filter((t) => t.siteCount > 0 || t.typeId === typeId)]
  const districtList = [ALL, ...(map.data?.districts ?? [])]
  const typeIndex = Math.max(0, typeList.findIndex((t) => t.typeId === typeId))
  const districtIndex = Math.max(0, districtList.indexOf(district || ALL))
  return (
    <View className='wm-in wm-in-wide' id='wm-inspect-sites'>
      <View className='wm-card'>
        <View className='wm-in-row'>
          <View className='wm-in-col'>
            <Text className='wm-in-title'>测评点位</Text>
            <Text className='wm-text-secondary'>{inspector && !office ? '选一个点位开始督查；只列出您督查组范围内的点位。' : office ? '每个点位有责任单位和包联单位，督查发现的问题下发给责任单位。' : '本单位负责或包联的点位。'}</Text>
          </View>
          {office ? (
            <Button type='primary' id='wm-inspect-sites-add' onClick={() => goInspect('site-edit')}>
              登记点位
            </Button>
          ) : null}
        </View>
        <View className='wm-in-cols wm-in-gap'>
          <View className='wm-in-col'>
            <Text className='wm-field-label'>点位类型</Text>
            <Picker mode='selector' range={typeList.map((t) => t.name)} value={typeIndex} onChange={(e) => setTypeId(typeList[Number(e.detail.value)]?.typeId ?? '')}>
              <View className='wm-field-input wm-in-picker' id='wm-inspect-sites-type'>
                <Text>{typeList[typeIndex]?.name ?? ALL}</Text>
                <Text className='wm-text-tertiary'>更改 ›</Text>
              </View>
            </Picker>
          </View>
          {districtList.length > 1 ? (
            <View className='wm-in-col'>
              <Text className='wm-field-label'>所在区、街道</Text>
              <Picker mode='selector' range={districtList} value={districtIndex} onChange={(e) => {
                const d = districtList[Number(e.detail.value)] ?? ALL
                setDistrict(d === ALL ? '' : d)
              }}>
                <View className='wm-field-input wm-in-picker' id='wm-inspect-sites-district'>
                  <Text>{district || ALL}</Text>
                  <Text className='wm-text-tertiary'>更改 ›</Text>
                </View>
              </Picker>
            </View>
          ) : null}
        </View>
      </View>
      <View className='wm-card' id='wm-inspect-sites-list'>
        {page.items.length === 0 ? (
          <EmptyState
            glyph='点'
            title={typeId || district ? '没有符合条件的点位' : '还没有测评点位'}
            description={typeId || district ? '换个类型或区看看。' : office ? '点「登记点位」逐个登记，或用「导入表格」导入点位信息表。' : '文明办登记点位后会出现在这里。'}
            actionText={!typeId && !district && office ? '导入点位信息表' : undefined}
            onAction={!typeId && !district && office ? () => goInspect('import') : undefined}
          />
        ) : (
          <View className='wm-in-list--grid'>
            {page.items.map((s) => (
              <SiteRow key={s.siteId} s={s} />
            ))}
          </View>
        )}
        <Problem text={page.moreError} />
        <MoreButton more={page.more} busy={page.loadingMore} onMore={page.loadMore} id='wm-inspect-sites-more' />
      </View>
    </View>
  )
}

function SiteRow({ s }: { s: SiteView }) {
  return (
    <View className='wm-in-item' role='link' id={`wm-inspect-site-${s.siteId}`} data-name={s.name} onClick={() => goInspect('site', { siteId: s.siteId })}>
      <View className='wm-in-row'>
        <View className='wm-in-col'>
          <Text className='wm-in-title'>{s.name}</Text>
          <Text className='wm-text-secondary'>
            {s.typeName} · {s.district || '未划区'}
          </Text>
          <Text className='wm-text-tertiary'>
            责任：{s.unit.name}
            {s.pairUnit ? ` · 包联：${s.pairUnit.name}` : ''}
          </Text>
        </View>
        <Text className='wm-in-link'>查看 ›</Text>
      </View>
      <View className='wm-in-tags'>
        {s.openOrders ? <Tag text={`未销号督办单 ${s.openOrders} 张`} tone={s.overdueOrders ? 'red' : 'warn'} /> : <Tag text='无未销号督办单' tone='ok' />}
        {s.overdueOrders ? <Tag text={`逾期 ${s.overdueOrders} 张`} tone='red' /> : null}
        {s.openReports ? <Tag text={`随手拍 ${s.openReports} 条`} /> : null}
      </View>
    </View>
  )
}
