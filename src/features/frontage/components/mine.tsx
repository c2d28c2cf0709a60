import { Text, View } from '@tarojs/components'
import { EmptyState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import type { ShopView } from '@/shared/contract'
import { useLoad } from '../api'
import type { FrontageParams } from '../labels'
import { FrontageGate, PledgeTag, ShopStatusTag, Stars, goFrontage, dateText, businessTypeName } from './common'

function ShopCard({ shop }: { shop: ShopView }) {
  const signed = shop.signedVersion !== null && shop.signedVersion >= shop.pledgeVersion
  const go = (view: 'pledge' | 'shop-reports' | 'shop-score' | 'card') => goFrontage(view, { shopId: shop.shopId })
  return (
    <View className='wm-card' id={`wm-fr-shop-${shop.shopId}`}>
      <View className='wm-fr-row'>
        <View className='wm-fr-col'>
          <Text className='wm-fr-item__title'>{shop.name}</Text>
          <Text className='wm-text-tertiary'>
            {businessTypeName(shop.businessType)} · {shop.address}
          </Text>
        </View>
        <ShopStatusTag status={shop.status} />
      </View>
      <View className='wm-in-tags'>
        <PledgeTag signed={signed} />
        {shop.waitingReports > 0 ? <ShopWaiting count={shop.waitingReports} /> : null}
      </View>
      <View className='wm-fr-row wm-in-gap'>
        <Text className='wm-text-secondary'>门店星级</Text>
        <Stars stars={shop.stars} />
      </View>
      <View className='wm-fr-links'>
        <View className={`wm-fr-link${signed ? '' : ' wm-fr-link--alert'}`} role='link' id={`wm-fr-shop-${shop.shopId}-pledge`} onClick={() => go('pledge')}>
          <Text>{signed ? '责任书' : '签署责任书'}</Text>
          <Text className='wm-text-tertiary'>{signed ? `已签署第 ${shop.signedVersion} 版` : shop.signedVersion ? '已更新，请重新签署' : '待签署'}</Text>
        </View>
        <View className={`wm-fr-link${shop.waitingReports > 0 ? ' wm-fr-link--alert' : ''}`} role='link' id={`wm-fr-shop-${shop.shopId}-reports`} onClick={() => go('shop-reports')}>
          <Text>门前随手拍</Text>
          <Text className='wm-text-tertiary'>{shop.waitingReports > 0 ? `${shop.waitingReports} 条待处理` : '没有待处理的'}</Text>
        </View>
        <View className='wm-fr-link' role='link' id={`wm-fr-shop-${shop.shopId}-score`} onClick={() => go('shop-score')}>
          <Text>门店得分</Text>
          <Text className='wm-text-tertiary'>本月得分与提升建议</Text>
        </View>
        <View className='wm-fr-link' role='link' id={`wm-fr-shop-${shop.shopId}-card`} onClick={() => go('card')}>
          <Text>门店码</Text>
          <Text className='wm-text-tertiary'>门口张贴的卡片</Text>
        </View>
      </View>
      <Text className='wm-text-tertiary wm-fr-block wm-in-gap'>
        责任书期限 {dateText(shop.termFrom)} 至 {dateText(shop.termTo)}
      </Text>
    </View>
  )
}

const ShopWaiting = ({ count }: { count: number }) => <Text className='wm-in-tag wm-in-tag--red'>{`门前随手拍 ${count} 条待处理`}</Text>

function PendingCard({ shop }: { shop: ShopView }) {
  return (
    <View className='wm-card' id={`wm-fr-shop-${shop.shopId}`}>
      <View className='wm-fr-row'>
        <View className='wm-fr-col'>
          <Text className='wm-fr-item__title'>{shop.name}</Text>
          <Text className='wm-text-tertiary'>
            {businessTypeName(shop.businessType)} · {shop.address}
          </Text>
        </View>
        <ShopStatusTag status={shop.status} />
      </View>
      <Text className='wm-text-secondary wm-fr-block wm-in-gap'>已提交登记，等待{shop.district || '所在街道'}街道办确认。确认后您就能在这里签署责任书、处理门前的随手拍。</Text>
    </View>
  )
}

/** 我的门店: the shops the caller is owner or staff of, each with what waits for it, and registrations still pending. */
export function MyShops(_props: { params: FrontageParams }) {
  const load = useLoad(() => callCloud('frontage', 'myShops', {}), [])
  const gate = FrontageGate({ error: load.error, loading: load.loading, what: '我的门店', reload: load.reload })
  if (gate) return <>{gate}</>
  const view = load.data
  if (!view) return null
  const none = view.shops.length === 0 && view.pending.length === 0
  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-mine'>
      {none ? (
        <View className='wm-card'>
          <EmptyState
            glyph='店'
            title='您还没有登记门店'
            description='临街商户和单位登记后，可以在手机上签署门前三包责任书、先于城管处理门前的随手拍、查看门店星级。已由街道办登记的门店，请让街道办把您设为负责人。'
            actionText='登记我的门店'
            onAction={() => goFrontage('apply')}
          />
        </View>
      ) : null}
      {view.shops.length > 0 ? <Text className='wm-section-title'>我负责的门店（{view.shops.length}）</Text> : null}
      {view.shops.map((s) => (
        <ShopCard key={s.shopId} shop={s} />
      ))}
      {view.pending.length > 0 ? <Text className='wm-section-title'>等待街道确认的登记（{view.pending.length}）</Text> : null}
      {view.pending.map((s) => (
        <PendingCard key={s.shopId} shop={s} />
      ))}
      {!none ? (
        <View className='wm-in-link' role='link' id='wm-fr-mine-apply' onClick={() => goFrontage('apply')}>
          <Text>再登记一家门店</Text>
        </View>
      ) : null}
    </View>
  )
}
