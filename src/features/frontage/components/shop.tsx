import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Done, Problem, Tag, starText } from '@/features/inspect/components/common'
import { callCloud } from '@/lib/call-cloud'
import { SHOP_KIND_LABEL, SHOP_STATUS_LABEL } from '@/shared/frontage'
import type { ShopView } from '@/shared/contract'
import { useLoad } from '../api'
import type { FrontageParams } from '../labels'
import { FrMissing, businessName, dateWords, frGate, goFrontage, signWords } from './street'
import { ShapeMap, geometryShape } from './register'
import '@/features/inspect/field.scss'
import '../frontage.scss'

/**
 * 门店详情 for the street office, the owner and the office: the registration, its frontage on the
 * map, the 责任书's signature, and the way to its card, 责任书, problems and score. The street office
 * (and the office) may 注销 it.
 */
export function ShopDetail({ params }: { params: FrontageParams }) {
  const shopId = params.shopId
  const load = useLoad(() => (shopId ? callCloud('frontage', 'shop', { shopId }) : Promise.resolve({ ok: false as const, code: 'FRONTAGE.SHOP_NOT_FOUND', message: '' })), [shopId])
  // only the street office and the office may 注销: streetHome answers them alone
  const manager = useLoad(() => callCloud('frontage', 'streetHome', {}), [])
  const [closed, setClosed] = useState<ShopView | null>(null)
  if (!shopId) return <FrMissing />
  const gate = frGate(load, { what: '门店详情', audience: 'manage', byId: true, rows: 8 })
  if (gate) return <>{gate}</>
  const shop = closed ?? load.data
  if (!shop) return <FrMissing />
  const sign = signWords(shop)
  const links: Array<{ id: string; title: string; text: string; go: () => void; alert?: boolean }> = [
    { id: 'wm-fr-card', title: '门店码卡片', text: '打印 A5 卡片贴在门口', go: () => goFrontage('card', { shopId }) },
    { id: 'wm-fr-shop-pledge', title: '责任书', text: sign.text, go: () => goFrontage('pledge', { shopId }), alert: sign.tone !== 'ok' },
    { id: 'wm-fr-shop-findings', title: '检查问题', text: '督查发现的问题与整改', go: () => goFrontage('findings', { shopId }) },
    { id: 'wm-fr-shop-score', title: '得分与星级', text: shop.stars === null ? '尚未评星' : starText(shop.stars), go: () => goFrontage('shop-score', { shopId }) },
    { id: 'wm-fr-shop-reports', title: '门前随手拍', text: shop.waitingReports > 0 ? `待门店处理 ${shop.waitingReports} 条` : '居民在门前拍到的问题', go: () => goFrontage('shop-reports', { shopId }), alert: shop.waitingReports > 0 },
  ]
  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-shop'>
      <View className='wm-fr-cols'>
        <View className='wm-fr-col'>
          <View className='wm-card'>
            <Text className='wm-in-title'>{shop.name}</Text>
            <Text className='wm-text-secondary'>门店码 {shop.code}</Text>
            <View className='wm-in-tags'>
              <Tag text={SHOP_STATUS_LABEL[shop.status]} tone={shop.status === 'active' ? 'ok' : shop.status === 'closed' ? 'plain' : 'warn'} />
              {shop.status === 'active' ? <Tag text={sign.text} tone={sign.tone} /> : null}
              {shop.stars !== null ? <Tag text={starText(shop.stars)} tone='gold' /> : null}
            </View>
            <Line label='类型' value={`${SHOP_KIND_LABEL[shop.kind]} · ${businessName(shop.businessType)}`} />
            <Line label='地址' value={shop.address} />
            <Line label='所属街道' value={shop.district} />
            <Line label='负责人' value={`${shop.ownerName}  ${shop.ownerPhone}`} id='wm-fr-shop-owner' />
            <Line label='责任书' value={`${shop.templateName}（第 ${shop.pledgeVersion} 版）`} />
            <Line label='期限' value={`${dateWords(shop.termFrom)} 至 ${dateWords(shop.termTo)}`} />
          </View>
          <View className='wm-fr-links'>
            {links.map((l) => (
              <View key={l.id} className={`wm-fr-link${l.alert ? ' wm-fr-link--alert' : ''}`} role='link' id={l.id} onClick={l.go}>
                <Text>{l.title}</Text>
                <Text className='wm-text-tertiary'>{l.text}</Text>
              </View>
            ))}
          </View>
          <View className='wm-in-gap' />
        </View>
        <View className='wm-fr-col'>
          <View className='wm-card'>
            <Text className='wm-in-title'>门前责任区</Text>
            <Text className='wm-text-secondary'>{shop.frontage.type === 'LineString' ? '门面沿街一段（红线），到路沿的人行道都在责任区内' : '门前一块区域（红色范围）'}</Text>
            <ShapeMap id='wm-fr-shop-map' shapes={[geometryShape(shop.frontage, 'red', shop.name)]} spanM={120} label={`${shop.name}的门前责任区`} />
          </View>
          {manager.data && shop.status === 'active' ? <SetOwner shop={shop} onSet={setClosed} /> : null}
          {manager.data && shop.status !== 'closed' ? <CloseShop shop={shop} onClosed={setClosed} /> : null}
        </View>
      </View>
    </View>
  )
}

function Line({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='wm-fr-row wm-in-gap' id={id}>
      <Text className='wm-text-tertiary wm-in-nowrap' style={{ minWidth: '4em' }}>{label}</Text>
      <Text className='wm-fr-col wm-in-text'>{value}</Text>
    </View>
  )
}

/** 注销: a reason, then one confirmation; the door code stops working, the record stays. */
function CloseShop({ shop, onClosed }: { shop: ShopView; onClosed: (s: ShopView) => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const close = async () => {
    if (!reason.trim()) return setProblem('请写一句注销的原因（如：已停业、已搬离）')
    const sure = await Taro.showModal({ title: '注销门店', content: `注销后「${shop.name}」的门店码随之失效，记录保留。确定注销吗？`, confirmText: '注销', cancelText: '再想想' }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    setBusy(true)
    setProblem(null)
    const r = await callCloud('frontage', 'closeShop', { shopId: shop.shopId, reason: reason.trim() })
    setBusy(false)
    if (!r.ok) return setProblem(r.message)
    setDone('已注销，门店码已失效')
    onClosed(r.data)
  }
  return (
    <View className='wm-card' id='wm-fr-shop-close'>
      <Done text={done} />
      {open ? (
        <>
          <Text className='wm-field-label'>注销原因</Text>
          <Input className='wm-field-input' id='wm-fr-shop-close-reason' value={reason} maxlength={100} placeholder='如：已停业' onInput={(e) => setReason(e.detail.value)} />
          <Problem text={problem} />
          <View className='wm-in-buttons'>
            <View className='wm-fd-btn wm-fd-btn--danger' role='button' id='wm-fr-shop-close-confirm' onClick={busy ? undefined : () => void close()}>
              <Text>{busy ? '请稍候…' : '注销门店'}</Text>
            </View>
            <View className='wm-fd-btn wm-fd-btn--ghost' role='button' onClick={() => setOpen(false)}>
              <Text>取消</Text>
            </View>
          </View>
        </>
      ) : (
        <View className='wm-fd-btn wm-fd-btn--ghost' role='button' id='wm-fr-shop-close-open' onClick={() => setOpen(true)}>
          <Text>注销门店</Text>
        </View>
      )}
    </View>
  )
}

/**
 * 指定负责人: a shop the street office registered or imported has the owner's name and phone but no
 * account; the owner reads their 用户编号 off their own 我的 page and the street office enters it.
 */
function SetOwner({ shop, onSet }: { shop: ShopView; onSet: (s: ShopView) => void }) {
  const [openid, setOpenid] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const save = async () => {
    if (!openid.trim()) return setProblem('请填写负责人的用户编号（在对方「我的」页面底部）')
    setBusy(true)
    setProblem(null)
    const r = await callCloud('frontage', 'setOwner', { shopId: shop.shopId, openid: openid.trim() })
    setBusy(false)
    if (!r.ok) return setProblem(r.message)
    setDone('已指定负责人：对方打开「我的门店」即可签署责任书、处理门前随手拍')
    onSet(r.data)
  }
  return (
    <View className='wm-card' id='wm-fr-shop-owner-set'>
      <Text className='wm-in-title'>指定门店负责人</Text>
      <Text className='wm-text-tertiary wm-fr-block'>负责人在自己「我的」页面底部可以看到用户编号；原负责人随之移除，店员不变。</Text>
      <Input className='wm-field-input' id='wm-fr-shop-owner-id' value={openid} maxlength={64} placeholder='负责人的用户编号' onInput={(e) => setOpenid(e.detail.value)} />
      <Problem text={problem} />
      <Done text={done} />
      <View className='wm-fd-btn' role='button' id='wm-fr-shop-owner-save' onClick={busy ? undefined : () => void save()}>
        <Text>{busy ? '请稍候…' : '指定负责人'}</Text>
      </View>
    </View>
  )
}
