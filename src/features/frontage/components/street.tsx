import { useState, type ReactNode } from 'react'
import { Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EmptyState, ErrorState } from '@/components/state'
import { Chips, Done, Figure, MoreButton, Problem, Tag, usePaged } from '@/features/inspect/components/common'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { shanghaiTime } from '@/lib/time'
import { SHOP_KIND_LABEL, SHOP_STATUS_LABEL, BUSINESS_TYPES, frontageUrl, type FrontageViewName } from '@/shared/frontage'
import type { ShopView, StreetOfficeView, TemplateView } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { useLoad } from '../api'
import type { FrontageParams } from '../labels'
import { FrontageGate, FrontageMissing, FrontageRefusal, isForbiddenFr, isMissingFr, type FrontageAudience } from './common'
import '@/features/inspect/field.scss'
import '../frontage.scss'

// ---- small pieces the street office's, the office's and the inspector's screens share ----

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Beijing is UTC+8 all year: a day starts at 16:00 UTC the evening before */
const BEIJING = 8 * HOUR

export const dateWords = (ms: number) => shanghaiTime(ms, 'YYYY年M月D日')
export const shortDay = (ms: number) => shanghaiTime(ms, 'M月D日')
export const businessName = (id: string) => BUSINESS_TYPES.find((b) => b.id === id)?.name ?? '其他'

/** the start of the Beijing day `ms` falls in */
export const dayStart = (ms: number) => Math.floor((ms + BEIJING) / DAY) * DAY - BEIJING
/** a 责任书's default term: from today to the last moment of next year (Beijing) */
export function defaultTerm(now = Date.now()): { from: number; to: number } {
  const year = new Date(now + BEIJING).getUTCFullYear()
  return { from: dayStart(now), to: Date.UTC(year + 2, 0, 1) - BEIJING - 1 }
}
/** a picker's 2026-12-01 → that Beijing day's start (or, `end`, its last moment) */
export function pickedDay(value: string, end = false): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return null
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - BEIJING
  return end ? start + DAY - 1 : start
}
export const pickerDay = (ms: number) => shanghaiTime(ms, 'YYYY-MM-DD')

export const goFrontage = (view: FrontageViewName, params: Record<string, string> = {}) => openPage(frontageUrl(view, params))

/** A v4 UUID for a requestId or an inspectionId (the mini-program has no crypto.randomUUID). */
export function uuid(): string {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`
}

export type FrAudience = 'street' | 'office' | 'inspector' | 'manage'
// 门店详情 and its card are for the street office, the owner and the office: a resident hears the street office's words
const AUDIENCE: Record<FrAudience, FrontageAudience> = { street: 'street', office: 'office', inspector: 'inspector', manage: 'street' }

/** A role that may not use the view: FU1's words, one voice for the area. */
export const FrRefusal = ({ what, audience }: { what: string; audience: FrAudience }) => <FrontageRefusal what={what} audience={AUDIENCE[audience]} />

/** A stale or mistyped link: never a validation message. */
export const FrMissing = () => <FrontageMissing />

export const isRefused = (e: Fail | null) => isForbiddenFr(e)

/** What a view shows before its data (refusal, 内容不存在, error with retry, skeleton); null when the data is there. */
export function frGate(load: { error: Fail | null; loading: boolean; reload: () => void }, o: { what: string; audience: FrAudience; rows?: number; byId?: boolean }): ReactNode {
  // a list's odd failure (not a link's id) is an error to retry, not 「内容不存在」
  if (!o.byId && load.error && isMissingFr(load.error)) {
    return (
      <View className='wm-card'>
        <ErrorState what={o.what} message={load.error.message} onRetry={load.reload} />
      </View>
    )
  }
  return FrontageGate({ error: load.error, loading: load.loading, what: o.what, audience: AUDIENCE[o.audience], rows: o.rows ?? 5, reload: load.reload })
}

/** 已签 / 未签 / 须重签: the 责任书 in force against the version signed */
export function signWords(s: Pick<ShopView, 'pledgeVersion' | 'signedVersion' | 'signedAt'>): { text: string; tone: 'ok' | 'warn' | 'red' } {
  if (s.signedVersion === s.pledgeVersion) return { text: `责任书已签署${s.signedAt ? `（${dateWords(s.signedAt)}）` : ''}`, tone: 'ok' }
  if (s.signedVersion !== null) return { text: '责任书已更新，待重新签署', tone: 'warn' }
  return { text: '责任书未签署', tone: 'red' }
}

export function TermPickers({ from, to, onChange, idPrefix }: { from: number; to: number; onChange: (t: { from: number; to: number }) => void; idPrefix: string }) {
  return (
    <View className='wm-fr-pickers'>
      <Picker mode='date' value={pickerDay(from)} onChange={(e) => onChange({ from: pickedDay(String(e.detail.value)) ?? from, to })}>
        <View className='wm-fr-select' id={`${idPrefix}-from`}>
          <Text>自 {dateWords(from)}</Text>
        </View>
      </Picker>
      <Picker mode='date' value={pickerDay(to)} onChange={(e) => onChange({ from, to: pickedDay(String(e.detail.value), true) ?? to })}>
        <View className='wm-fr-select' id={`${idPrefix}-to`}>
          <Text>至 {dateWords(to)}</Text>
        </View>
      </Picker>
    </View>
  )
}

// ---- 街道办 home ----

type Filter = 'pending' | 'unsigned' | 'all'

/**
 * 街道门前三包: the street's four figures, then its shops (待确认 first when there are any), each
 * pending application with 确认 / 退回 in its row.
 */
export function StreetHome(_props: { params: FrontageParams }) {
  const home = useLoad(() => callCloud('frontage', 'streetHome', {}), [])
  const [filter, setFilter] = useState<Filter | null>(null)
  const gate = frGate(home, { what: '街道门前三包', audience: 'street' })
  if (gate) return <>{gate}</>
  const streets = home.data ?? []
  const pending = streets.reduce((n, s) => n + s.counts.pending, 0)
  const chosen: Filter = filter ?? (pending > 0 ? 'pending' : 'all')
  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-street'>
      {streets.length === 0 ? (
        <View className='wm-card'>
          <EmptyState glyph='街' title='还没有街道' description='文明办尚未登记街道办事处的辖区。请联系文明办。' />
        </View>
      ) : (
        streets.map((s) => <StreetCard key={s.unitId} street={s} onFilter={setFilter} />)
      )}
      <View className='wm-fr-links'>
        <View className='wm-fr-link' role='link' id='wm-fr-go-register' onClick={() => goFrontage('register')}>
          <Text>登记门店</Text>
          <Text className='wm-text-tertiary'>一家一家登记临街门店</Text>
        </View>
        <View className='wm-fr-link' role='link' id='wm-fr-go-import' onClick={() => goFrontage('import')}>
          <Text>导入名单</Text>
          <Text className='wm-text-tertiary'>从 Excel 批量导入</Text>
        </View>
        <View className='wm-fr-link' role='link' id='wm-fr-go-board' onClick={() => goFrontage('board', streets[0] ? { district: streets[0].district } : {})}>
          <Text>门店红黑榜</Text>
          <Text className='wm-text-tertiary'>每月得分与星级</Text>
        </View>
        <View className='wm-fr-link' role='link' id='wm-fr-go-zones' onClick={() => goFrontage('zones', streets.length === 1 && streets[0] ? { district: streets[0].district } : {})}>
          <Text>划线区</Text>
          <Text className='wm-text-tertiary'>线内经营、停车不算违规</Text>
        </View>
      </View>
      <View className='wm-in-gap' />
      <View className='wm-card' id='wm-fr-shops'>
        <View className='wm-fr-tabs' role='tablist'>
          {(
            [
              ['pending', '待确认'],
              ['unsigned', '未签责任书'],
              ['all', '全部'],
            ] as Array<[Filter, string]>
          ).map(([f, label]) => (
            <View key={f} role='tab' aria-selected={chosen === f} id={`wm-fr-shops-${f}`} className={`wm-fr-tab${chosen === f ? ' wm-fr-tab--on' : ''}`} onClick={() => setFilter(f)}>
              <Text>{chosen === f ? `✓ ${label}` : label}</Text>
            </View>
          ))}
        </View>
        <ShopList key={chosen} filter={chosen} />
      </View>
    </View>
  )
}

function StreetCard({ street, onFilter }: { street: StreetOfficeView; onFilter: (f: Filter) => void }) {
  return (
    <View className='wm-card' id={`wm-fr-street-${street.district}`}>
      <Text className='wm-in-title'>{street.district}</Text>
      <Text className='wm-text-secondary'>{street.unitName}</Text>
      <View className='wm-in-figures wm-in-figures--4'>
        <Figure value={street.counts.active} label='在册门店' id='wm-fr-count-active' onClick={() => onFilter('all')} />
        <Figure value={street.counts.pending} label='待确认登记' id='wm-fr-count-pending' onClick={() => onFilter('pending')} />
        <Figure value={street.counts.unsigned} label='未签责任书' id='wm-fr-count-unsigned' onClick={() => onFilter('unsigned')} />
        <Figure value={street.counts.waitingReports} label='待门店处理的随手拍' id='wm-fr-count-waiting' />
      </View>
    </View>
  )
}

function ShopList({ filter }: { filter: Filter }) {
  const list = usePaged(
    (cursor?: string) =>
      callCloud('frontage', 'shops', {
        ...(filter === 'pending' ? { status: 'pending' as const } : {}),
        ...(filter === 'unsigned' ? { status: 'active' as const, unsigned: true } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    [filter],
  )
  const templates = useLoad(() => (filter === 'pending' ? callCloud('frontage', 'templates', {}) : Promise.resolve({ ok: true as const, data: [] as TemplateView[] })), [filter])
  const [gone, setGone] = useState<string[]>([])
  const gate = frGate(list, { what: '门店名单', audience: 'street' })
  if (gate) return <>{gate}</>
  const items = list.items.filter((s) => !gone.includes(s.shopId))
  if (items.length === 0) {
    const words: Record<Filter, { title: string; text: string }> = {
      pending: { title: '没有待确认的登记', text: '店主在小程序里自己登记门店后，会出现在这里等您确认。' },
      unsigned: { title: '在册门店都已签署责任书', text: '模板更新后须重签的门店也会出现在这里。' },
      all: { title: '还没有登记门店', text: '点「登记门店」一家一家登记，或「导入名单」从 Excel 批量导入。' },
    }
    return <EmptyState glyph='店' title={words[filter].title} description={words[filter].text} />
  }
  return (
    <View>
      {items.slice(0, 200).map((s) =>
        s.status === 'pending' ? (
          <PendingRow key={s.shopId} shop={s} templates={templates.data ?? []} onDone={() => setGone((g) => [...g, s.shopId])} />
        ) : (
          <ShopRow key={s.shopId} shop={s} />
        ),
      )}
      <MoreButton more={list.more} busy={list.loadingMore} onMore={list.loadMore} id='wm-fr-shops-more' />
      <Problem text={list.moreError} />
    </View>
  )
}

function ShopRow({ shop }: { shop: ShopView }) {
  const sign = signWords(shop)
  return (
    <View className='wm-fr-item' role='link' id={`wm-fr-shop-${shop.shopId}`} onClick={() => goFrontage('shop', { shopId: shop.shopId })}>
      <Text className='wm-fr-item__title'>{shop.name}</Text>
      <Text className='wm-text-secondary'>
        {shop.code} · {SHOP_KIND_LABEL[shop.kind]} · {businessName(shop.businessType)}
      </Text>
      <Text className='wm-text-secondary'>{shop.address}</Text>
      <View className='wm-in-tags'>
        <Tag text={SHOP_STATUS_LABEL[shop.status]} tone={shop.status === 'active' ? 'ok' : shop.status === 'closed' ? 'plain' : 'warn'} />
        {shop.status === 'active' ? <Tag text={sign.text} tone={sign.tone} /> : null}
        {shop.waitingReports > 0 ? <Tag text={`待处理随手拍 ${shop.waitingReports}`} tone='red' /> : null}
      </View>
    </View>
  )
}

/** An owner's own registration: 确认 (with the 责任书 template and term) or 退回 (with a reason). */
function PendingRow({ shop, templates, onDone }: { shop: ShopView; templates: TemplateView[]; onDone: () => void }) {
  const [mode, setMode] = useState<'idle' | 'confirm' | 'refuse'>('idle')
  const [templateId, setTemplateId] = useState(templates[0]?.templateId ?? '')
  const [term, setTerm] = useState(defaultTerm)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const chosenTemplate = templateId || templates[0]?.templateId || ''

  const send = async (decision: 'confirm' | 'refuse') => {
    if (decision === 'confirm' && !chosenTemplate) return setProblem('请选择责任书模板')
    if (decision === 'confirm' && term.to <= term.from) return setProblem('责任书期限的结束须晚于开始')
    if (decision === 'refuse' && !reason.trim()) return setProblem('请写一句退回的原因，店主会看到')
    setBusy(true)
    setProblem(null)
    const r = await callCloud(
      'frontage',
      'confirmShop',
      decision === 'confirm' ? { shopId: shop.shopId, decision, templateId: chosenTemplate, termFrom: term.from, termTo: term.to } : { shopId: shop.shopId, decision, reason: reason.trim() },
    )
    setBusy(false)
    if (!r.ok) return setProblem(r.message)
    setDone(decision === 'confirm' ? `已确认，${shop.name}已在册（${r.data.code}），店主可以签署责任书了` : `已退回${shop.name}的登记`)
    void Taro.showToast({ icon: 'success', title: decision === 'confirm' ? '已确认' : '已退回' })
    setTimeout(onDone, 1500)
  }

  return (
    <View className='wm-fr-item' id={`wm-fr-pending-${shop.shopId}`}>
      <Text className='wm-fr-item__title'>{shop.name}</Text>
      <Text className='wm-text-secondary'>
        {SHOP_KIND_LABEL[shop.kind]} · {businessName(shop.businessType)} · {shop.address}
      </Text>
      <Text className='wm-text-secondary'>
        负责人：{shop.ownerName} {shop.ownerPhone}
      </Text>
      <Done text={done} />
      {done ? null : (
        <>
          {mode === 'confirm' ? (
            <View className='wm-in-gap'>
              <Text className='wm-field-label'>责任书模板</Text>
              {templates.length ? (
                <Chips value={chosenTemplate} options={templates.map((t) => ({ value: t.templateId, label: t.name }))} onChange={setTemplateId} idPrefix={`wm-fr-confirm-template-${shop.shopId}`} />
              ) : (
                <Text className='wm-text-tertiary'>正在读取模板…</Text>
              )}
              <Text className='wm-field-label'>责任书期限</Text>
              <TermPickers from={term.from} to={term.to} onChange={setTerm} idPrefix={`wm-fr-confirm-term-${shop.shopId}`} />
            </View>
          ) : null}
          {mode === 'refuse' ? (
            <View className='wm-in-gap'>
              <Text className='wm-field-label'>退回原因（店主会看到）</Text>
              <Input className='wm-field-input' id={`wm-fr-refuse-reason-${shop.shopId}`} value={reason} maxlength={300} placeholder='如：地址与营业执照不一致，请核对后重新登记' onInput={(e) => setReason(e.detail.value)} />
            </View>
          ) : null}
          <Problem text={problem} />
          <View className='wm-in-buttons'>
            {mode !== 'refuse' ? (
              <View className='wm-fd-btn wm-fd-btn--primary' role='button' id={`wm-fr-confirm-${shop.shopId}`} onClick={busy ? undefined : () => (mode === 'confirm' ? void send('confirm') : setMode('confirm'))}>
                <Text>{busy ? '请稍候…' : mode === 'confirm' ? '确认登记' : '确认'}</Text>
              </View>
            ) : null}
            {mode !== 'confirm' ? (
              <View className='wm-fd-btn wm-fd-btn--ghost' role='button' id={`wm-fr-refuse-${shop.shopId}`} onClick={busy ? undefined : () => (mode === 'refuse' ? void send('refuse') : setMode('refuse'))}>
                <Text>{busy ? '请稍候…' : mode === 'refuse' ? '确认退回' : '退回'}</Text>
              </View>
            ) : null}
            {mode !== 'idle' ? (
              <View className='wm-fd-btn wm-fd-btn--ghost' role='button' onClick={() => (setMode('idle'), setProblem(null))}>
                <Text>取消</Text>
              </View>
            ) : null}
          </View>
        </>
      )}
    </View>
  )
}
