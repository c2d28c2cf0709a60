import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { rolesOf, useMe } from '@/features/account/api/me'
import { REPORT_PREFILL_KEY } from '@/features/report'
import { callCloud } from '@/lib/call-cloud'
import { writeStored } from '@/lib/storage'
import { categoryOf } from '@/shared/report/categories'
import type { ShopPublicView } from '@/shared/contract'
import { useLoad } from '../api'
import type { FrontageParams } from '../labels'
import { Duties, FrontageGate, businessTypeName, FrontageMissing, Stars, Tag, dayText, goFrontage, monthLabel } from './common'

/**
 * 随手拍 opened at this shop's frontage: the tab page takes no query, so the place (and the category
 * tapped here, if any) travels in storage, as a poster's does; the report form reads it once.
 */
function reportHere(shop: ShopPublicView, categoryId: string | null) {
  writeStored(REPORT_PREFILL_KEY, { lat: shop.place.lat, lng: shop.place.lng, address: shop.place.address || shop.address, ...(categoryId ? { categoryId } : {}) })
  void Taro.switchTab({ url: '/pages/report/index' }).catch(() => Taro.showToast({ icon: 'none', title: '页面打开失败，请稍后再试' }))
}

/**
 * 门店码: what a resident sees after scanning a shop's door code — the shop, its duties, its
 * stars and recent record (no owner, no phone, no reporter), and, first, 「报告门前问题」: one tap
 * opens the categories this 责任书 covers, the second opens 随手拍 pinned to the frontage.
 * (Sharing this page is the page's useShareAppMessage, not this view's.)
 */
export function DoorView({ params }: { params: FrontageParams }) {
  const load = useLoad(() => (params.shopId ? callCloud('frontage', 'shopPublic', { shopId: params.shopId }) : Promise.resolve({ ok: true as const, data: null })), [params.shopId])
  const [choosing, setChoosing] = useState(false)
  if (!params.shopId) return <FrontageMissing what='门店' />
  const gate = FrontageGate({ error: load.error, loading: load.loading, what: '门店码', reload: load.reload })
  if (gate) return <>{gate}</>
  const shop = load.data
  if (!shop) return <FrontageMissing what='门店' />
  const categories = shop.categories.map((id) => ({ id, name: categoryOf(id)?.name ?? id })).filter((c) => categoryOf(c.id))
  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-door'>
      <View className='wm-fr-hero'>
        <Text className='wm-fr-hero__title'>{shop.name}</Text>
        <Text className='wm-fr-hero__text'>
          {businessTypeName(shop.businessType)} · {shop.address}
        </Text>
        <Text className='wm-fr-hero__text'>门店码 {shop.code}</Text>
      </View>

      <View className='wm-card' id='wm-fr-door-report-card'>
        <Text className='wm-in-title'>门前有问题？</Text>
        <Text className='wm-text-secondary wm-fr-block'>乱堆乱放、店外经营、门前垃圾、小广告……拍下来，先由这家店在时限内处理；没处理好会转给责任单位。</Text>
        <View className='wm-fr-primary'>
          <Button block type='primary' fill={choosing ? 'outline' : 'solid'} size='large' id='wm-fr-door-report' onClick={() => setChoosing(!choosing)}>
            {choosing ? '收起问题类别' : '报告门前问题'}
          </Button>
        </View>
        {choosing ? (
          <View id='wm-fr-door-categories'>
            <Text className='wm-text-secondary wm-fr-block'>是哪一类问题？点一下即可拍照上报，位置已定在这家店门前。</Text>
            <View className='wm-in-chips wm-in-gap'>
              {categories.map((c) => (
                <View key={c.id} className='wm-in-chip' role='button' id={`wm-fr-door-cat-${c.id}`} onClick={() => reportHere(shop, c.id)}>
                  <Text>{c.name}</Text>
                </View>
              ))}
              <View className='wm-in-chip' role='button' id='wm-fr-door-cat-other' onClick={() => reportHere(shop, null)}>
                <Text>其他问题</Text>
              </View>
            </View>
          </View>
        ) : null}
      </View>

      <View className='wm-fr-cols'>
        <View className='wm-fr-col'>
          <View className='wm-card' id='wm-fr-door-stars'>
            <Text className='wm-in-title'>门店星级</Text>
            <View className='wm-in-gap'>
              <Stars stars={shop.stars} />
            </View>
            <Text className='wm-text-tertiary wm-fr-block wm-in-gap'>
              {shop.stars && shop.starsMonth ? `${monthLabel(shop.starsMonth)}街道公布的门前三包评定` : '还没有公布过评定；街道每月公布一次门店红黑榜。'}
            </Text>
            <View className='wm-in-tags'>
              <Tag text={shop.signed ? '已签署门前三包责任书' : '责任书尚未签署'} tone={shop.signed ? 'ok' : 'warn'} />
            </View>
            <View className='wm-in-link' role='link' id='wm-fr-door-board' onClick={() => goFrontage('board')}>
              <Text>看看本街道的门店红黑榜</Text>
            </View>
            <InspectorDoor shopId={shop.shopId} />
          </View>

          <View className='wm-card' id='wm-fr-door-record'>
            <Text className='wm-in-title'>近期记录</Text>
            {shop.record.length === 0 ? (
              <Text className='wm-text-secondary wm-fr-block wm-in-gap'>近期门前没有被反映并处理过的问题。</Text>
            ) : (
              <View className='wm-in-gap'>
                {shop.record.map((r, i) => (
                  <View key={`${r.at}-${i}`} className='wm-fr-item'>
                    <View className='wm-fr-row'>
                      <Text className='wm-fr-item__title'>{r.categoryName}</Text>
                      <Tag text={r.fixedInTime ? '按时整改' : '未按时整改'} tone={r.fixedInTime ? 'ok' : 'red'} />
                    </View>
                    <Text className='wm-text-tertiary'>{dayText(r.at)} · 已解决</Text>
                  </View>
                ))}
              </View>
            )}
          </View>
        </View>

        <View className='wm-fr-col'>
          <View className='wm-card' id='wm-fr-door-duties'>
            <Text className='wm-in-title'>这家店的门前责任</Text>
            <Text className='wm-text-tertiary wm-fr-block'>责任区：店门前至路沿</Text>
            <View className='wm-in-gap'>
              <Duties duties={shop.duties} />
            </View>
          </View>
        </View>
      </View>
    </View>
  )
}

/** A 督查员 standing at the door scans the same code: their way into the shop's 三包 check. */
function InspectorDoor({ shopId }: { shopId: string }) {
  const { me } = useMe()
  if (!rolesOf(me).includes('inspector')) return null
  return (
    <View className='wm-in-link' role='link' id='wm-fr-door-inspect' onClick={() => goFrontage('inspect', { shopId })}>
      <Text>督查员：按责任书检查这家门店</Text>
    </View>
  )
}
