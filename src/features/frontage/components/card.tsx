import { alt } from '@/components/alt'
import { useEffect, useMemo, type CSSProperties } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { callCloud } from '@/lib/call-cloud'
import type { DoorCardView } from '@/shared/contract'
import { useLoad } from '../api'
import type { FrontageParams } from '../labels'
import { FrMissing, businessName, frGate, goFrontage } from './street'
import '@/features/inspect/field.scss'
import '../frontage.scss'

/**
 * The card is laid out once at A5's size in CSS pixels (148 × 210 mm at 96 dpi ≈ 559 × 794), so
 * the printed card and the one on screen are the same picture; a phone shows it scaled down.
 * Inline styles (not the area stylesheet, whose px are converted to rem/rpx) keep those pixels real.
 */
const W = 559
const H = 794
const RED = '#c8102e'
const INK = '#2b2623'

/** H5 only: printing shows the card alone on one A5 page, without the app around it. */
const PRINT_CSS = `
@page { size: A5 portrait; margin: 0; }
@media print {
  html, body { background: #fff !important; margin: 0 !important; }
  body * { visibility: hidden !important; }
  #wm-fr-door-card, #wm-fr-door-card * { visibility: visible !important; }
  #wm-fr-door-card { position: fixed !important; left: 0 !important; top: 0 !important; transform: none !important; width: 148mm !important; height: 210mm !important; box-shadow: none !important; border-radius: 0 !important; }
  #wm-fr-door-card * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`

function usePrintSheet() {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    const style = document.createElement('style')
    style.id = 'wm-fr-card-print-css'
    style.textContent = PRINT_CSS
    document.head.appendChild(style)
    return () => style.remove()
  }, [])
}

const s = {
  card: { width: `${W}px`, height: `${H}px`, background: '#fff', boxSizing: 'border-box', display: 'flex', flexDirection: 'column', overflow: 'hidden', border: `6px solid ${RED}`, borderRadius: '8px', transformOrigin: 'top left', fontFamily: 'sans-serif', color: INK },
  band: { background: RED, color: '#fff', padding: '18px 24px 14px', display: 'flex', flexDirection: 'column' },
  bandTitle: { fontSize: '30px', fontWeight: 700, letterSpacing: '6px', lineHeight: 1.2 },
  bandSub: { fontSize: '14px', marginTop: '4px', opacity: 0.95 },
  head: { padding: '14px 24px 8px', display: 'flex', flexDirection: 'column', gap: '4px' },
  name: { fontSize: '24px', fontWeight: 700, lineHeight: 1.3, wordBreak: 'break-all' },
  meta: { fontSize: '14px', color: '#5c544e', display: 'flex', justifyContent: 'space-between', gap: '12px' },
  code: { fontSize: '16px', fontWeight: 700, color: RED, letterSpacing: '1px' },
  stars: { fontSize: '16px', color: '#9a6b00', fontWeight: 700 },
  duties: { flex: 1, padding: '6px 24px 0', display: 'flex', flexDirection: 'column', gap: '6px', overflow: 'hidden' },
  duty: { display: 'flex', flexDirection: 'column' },
  dutyName: { fontSize: '16px', fontWeight: 700, color: RED, lineHeight: 1.5 },
  item: { fontSize: '14px', lineHeight: 1.5 },
  foot: { display: 'flex', alignItems: 'center', gap: '16px', padding: '10px 24px 14px', borderTop: '2px dashed #d8cfc7', flexShrink: 0 },
  qr: { width: '132px', height: '132px', flexShrink: 0 },
  qrEmpty: { width: '132px', height: '132px', flexShrink: 0, border: '2px solid #d8cfc7', display: 'flex', alignItems: 'center', justifyContent: 'center', fontSize: '13px', color: '#8c8279', textAlign: 'center' },
  call: { fontSize: '19px', fontWeight: 700, lineHeight: 1.5, color: INK },
  small: { fontSize: '12px', color: '#5c544e', marginTop: '6px', lineHeight: 1.5 },
} satisfies Record<string, CSSProperties>

/** 门店码卡片: the A5 card for the door — the shop, its duties, its stars and the 小程序码. */
export function DoorCard({ params }: { params: FrontageParams }) {
  const shopId = params.shopId
  usePrintSheet()
  const load = useLoad(() => (shopId ? callCloud('frontage', 'doorCard', { shopId }) : Promise.resolve({ ok: false as const, code: 'FRONTAGE.SHOP_NOT_FOUND', message: '' })), [shopId])
  const scale = useMemo(() => {
    try {
      const width = Taro.getSystemInfoSync().windowWidth
      return Math.min(1, (width - 32) / W)
    } catch {
      return 0.6
    }
  }, [])
  if (!shopId) return <FrMissing />
  const gate = frGate(load, { what: '门店码卡片', audience: 'manage', byId: true, rows: 8 })
  if (gate) return <>{gate}</>
  if (!load.data) return <FrMissing />
  const card = load.data
  return (
    <View className='wm-fr' id='wm-fr-card-view' style={{ maxWidth: '600px', margin: '0 auto', width: '100%' }}>
      <View style={{ width: `${Math.round(W * scale)}px`, height: `${Math.round(H * scale)}px`, margin: '0 auto 16px' }}>
        <DoorCardPicture card={card} style={{ transform: scale < 1 ? `scale(${scale})` : 'none' }} />
      </View>
      {process.env.TARO_ENV === 'h5' ? (
        <View className='wm-fd-btn wm-fd-btn--primary' role='button' id='wm-fr-card-print' onClick={() => window.print()}>
          <Text>打印卡片（A5）</Text>
        </View>
      ) : (
        <Text className='wm-text-secondary wm-fr-block'>在电脑浏览器打开文明通管理端，可把这张卡片按 A5 纸打印出来。</Text>
      )}
      <Text className='wm-text-tertiary wm-fr-block wm-in-gap'>打印时选择 A5 纸、边距「无」，贴在门口醒目处。门店注销后卡片上的码随之失效。</Text>
      <View className='wm-fd-btn wm-fd-btn--ghost wm-in-gap' role='button' id='wm-fr-card-back' onClick={() => goFrontage('shop', { shopId })}>
        <Text>返回门店详情</Text>
      </View>
    </View>
  )
}

/** the room the duties have between the shop's name and the code (px of the A5 layout: 378 measured, less a margin) */
const DUTY_ROOM = 360
const TEXT_WIDTH = W - 48 - 12

/**
 * The largest type (14 px down to 9) at which every duty and item fits the card: a city's 责任书
 * may hold up to 8 duties of 10 items, and a printed card must never cut one off.
 */
export function dutyFontSize(duties: ReadonlyArray<{ items: readonly string[] }>, name = '', address = ''): number {
  // a long name or address takes a second line from the duties' room
  const room = DUTY_ROOM - ([...name].length > 20 ? 31 : 0) - ([...address].length > 36 ? 20 : 0)
  for (let fs = 14; fs > 9; fs -= 0.5) {
    const perLine = Math.floor(TEXT_WIDTH / fs)
    const items = duties.reduce((h, d) => h + d.items.reduce((t, i) => t + Math.ceil(([...i].length + 3) / perLine) * fs * 1.5, 0), 0)
    const names = duties.length * ((fs + 2) * 1.5 + 6)
    if (items + names <= room) return fs
  }
  return 9
}

function DoorCardPicture({ card, style }: { card: DoorCardView; style: CSSProperties }) {
  const shop = card.shop
  const fs = dutyFontSize(shop.duties, shop.name, shop.address)
  return (
    <View id='wm-fr-door-card' style={{ ...s.card, ...style }} aria-label={`${shop.name}的门前三包责任卡`}>
      <View style={s.band}>
        <Text style={s.bandTitle}>门前三包责任牌</Text>
        <Text style={s.bandSub}>门前责任区内的卫生、绿化、秩序由本店负责</Text>
      </View>
      <View style={s.head}>
        <Text style={s.name}>{shop.name}</Text>
        <View style={s.meta}>
          <Text style={s.code}>{shop.code}</Text>
          <Text>{businessName(shop.businessType)}</Text>
        </View>
        <Text style={{ fontSize: '14px', color: '#5c544e' }}>{shop.address}</Text>
        <Text style={s.stars}>{shop.stars && shop.stars > 0 ? `文明星级 ${'★'.repeat(shop.stars)}${'☆'.repeat(Math.max(0, 5 - shop.stars))} ${shop.stars} 星` : '文明星级：尚未评星'}</Text>
      </View>
      <View style={s.duties}>
        {shop.duties.map((d) => (
          <View key={d.name} style={s.duty}>
            <Text style={{ ...s.dutyName, fontSize: `${fs + 2}px` }}>{d.name}</Text>
            {d.items.map((item, i) => (
              <Text key={item} style={{ ...s.item, fontSize: `${fs}px` }}>
                {i + 1}. {item}
              </Text>
            ))}
          </View>
        ))}
      </View>
      <View style={s.foot}>
        {card.codeImageUrl ? <Image src={card.codeImageUrl} style={s.qr} mode='aspectFit' id='wm-fr-card-code' {...alt('门店小程序码')} /> : <View style={s.qrEmpty}><Text>小程序码生成中</Text></View>}
        <View style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
          <Text style={s.call}>扫码查看门前三包责任，发现问题随手拍</Text>
          <Text style={s.small}>微信扫一扫，查看本店责任内容、星级和整改记录；拍到的问题先由本店处理。</Text>
        </View>
      </View>
    </View>
  )
}
