import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { Missing, Refusal as SharedRefusal, type Audience } from './common'
import type { OrderListItem, OrderPage } from '@/shared/contract'
import type { Fail, Result } from '@/shared/errors'
import { INSPECT_LEVEL_LABEL, ORDER_STATUSES, ORDER_STATUS_LABEL, SEVERITY_LABEL, type OrderStatus } from '@/shared/inspect'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { shanghaiTime } from '@/lib/time'
import { useLoad } from '../api'
import { inspectUrl, type InspectParams } from '../labels'
import '../field.scss'

// ---- small pieces the field screens (unit, task, orders, order, inspect, rechecks, map, site, board, score) share ----

const DAY = 86_400_000
export const dateText = (ms: number) => shanghaiTime(ms, 'YYYY-MM-DD')
export const minuteText = (ms: number) => shanghaiTime(ms, 'YYYY-MM-DD HH:mm')
/** whole days since `from`, for a 督办单's age */
export const ageDays = (from: number, now = Date.now()) => Math.max(0, Math.floor((now - from) / DAY))

/** 逾期 said in words, never only in red */
export function dueWords(dueAt: number, overdue: boolean, closed: boolean, now = Date.now()): string {
  if (closed) return `期限 ${dateText(dueAt)}`
  if (overdue || dueAt < now) return `已逾期 ${Math.max(1, Math.ceil((now - dueAt) / DAY))} 天（期限 ${dateText(dueAt)}）`
  const left = Math.ceil((dueAt - now) / DAY)
  return left <= 1 ? `今明两天到期（${dateText(dueAt)}）` : `剩 ${left} 天（${dateText(dueAt)} 前）`
}

export type Tone = 'plain' | 'ok' | 'warn' | 'red' | 'gold'

/** A word in a frame; the tone only repeats what the word says. */
export function Tag({ text, tone = 'plain' }: { text: string; tone?: Tone }) {
  return <Text className={`wm-fd-tag${tone === 'plain' ? '' : ` wm-fd-tag--${tone}`}`}>{text}</Text>
}

export function Problem({ text, id }: { text: string | null; id?: string }) {
  if (!text) return null
  return (
    <View className='wm-fd-problem' role='alert' id={id}>
      <Text>{text}</Text>
    </View>
  )
}

export function Done({ text, id }: { text: string | null; id?: string }) {
  if (!text) return null
  return (
    <View className='wm-fd-done' role='status' id={id}>
      <Text>{text}</Text>
    </View>
  )
}

/** A button drawn as a block at least one tap target tall; busy ones say so and ignore taps. */
export function Btn({ id, text, onTap, busy = false, tone = 'primary', disabled = false }: { id?: string; text: string; onTap: () => void; busy?: boolean; tone?: 'primary' | 'ghost' | 'danger'; disabled?: boolean }) {
  const off = busy || disabled
  return (
    <View
      id={id}
      role='button'
      aria-disabled={off}
      className={`wm-fd-btn wm-fd-btn--${tone}${off ? ' wm-fd-btn--off' : ''}`}
      onClick={off ? undefined : onTap}
    >
      <Text>{busy ? '请稍候…' : text}</Text>
    </View>
  )
}

/** A role that may not use the view: whom it is for, and a way on (U1's words, one voice for the area). */
export const Refusal = ({ audience, what }: { audience: Audience; what: string }) => <SharedRefusal audience={audience} what={what} />

/** A stale or mistyped link: 「内容不存在或已下线」, never a validation message. */
export const Gone = () => <Missing id='wm-inspect-gone' />

const REFUSED = new Set(['AUTH.FORBIDDEN', 'INSPECT.NOT_YOUR_UNIT', 'INSPECT.NOT_YOUR_AREA', 'INSPECT.NO_TEAM'])
const isGone = (code: string) => code === 'INPUT.INVALID' || /NOT_FOUND$/.test(code)

/**
 * What a screen shows instead of its content: the refusal, 内容不存在, the error with a retry,
 * or the skeleton. Null once the data is there.
 */
export function gate(load: { error: Fail | null; loading: boolean; data: unknown; reload: () => void }, o: { audience: Audience; what: string; rows?: number; byId?: boolean }): ReactNode {
  if (load.error) {
    if (load.error.code === 'INSPECT.NO_TEAM') return <Problem text={load.error.message} />
    if (REFUSED.has(load.error.code)) return <Refusal audience={o.audience} what={o.what} />
    if (o.byId && isGone(load.error.code)) return <Gone />
    return (
      <View className='wm-card'>
        <ErrorState what={o.what} message={load.error.message} code={load.error.code} onRetry={load.reload} />
      </View>
    )
  }
  if (load.data === null || load.data === undefined) {
    return (
      <View className='wm-card'>
        <Skeleton rows={o.rows ?? 4} />
      </View>
    )
  }
  return null
}

/** 加载更多, with its failure in words on the button. */
export function More({ cursor, busy, error, onMore, id }: { cursor: string | null; busy: boolean; error: string | null; onMore: () => void; id?: string }) {
  if (!cursor) return null
  return <Btn id={id ?? 'wm-inspect-more'} tone='ghost' busy={busy} text={error ? `加载失败（${error}），点此重试` : '加载更多'} onTap={onMore} />
}

/** One 督办单 in a list: code, site, standard, severity, deadline in words, 重复 in words. */
export function OrderRow({ order, now = Date.now() }: { order: OrderListItem; now?: number }) {
  const late = order.status !== 'closed' && (order.overdue || order.dueAt < now)
  return (
    <View className='wm-card wm-fd-item' id={`wm-inspect-order-${order.code}`} role='link' onClick={() => openPage(inspectUrl('order', { orderId: order.orderId }))}>
      <View className='wm-fd-row'>
        <Text className='wm-fd-code'>{order.code}</Text>
        <View className='wm-fd-tags'>
          <Tag text={ORDER_STATUS_LABEL[order.status]} tone={order.status === 'closed' ? 'ok' : order.status === 'answered' ? 'gold' : 'plain'} />
          {order.repeat ? <Tag text='重复' tone='red' /> : null}
        </View>
      </View>
      <Text className='wm-fd-title'>{order.site.name}</Text>
      <Text className='wm-fd-clamp2'>
        {order.standard.number} {order.description || order.standard.text}
      </Text>
      <View className='wm-fd-tags wm-fd-tags--line'>
        <Tag text={`${SEVERITY_LABEL[order.severity]}问题`} tone={order.severity === 'serious' ? 'red' : order.severity === 'normal' ? 'warn' : 'plain'} />
        <Tag text={INSPECT_LEVEL_LABEL[order.level]} />
        <Text className={late ? 'wm-fd-late' : 'wm-text-secondary'}>{dueWords(order.dueAt, order.overdue, order.status === 'closed', now)}</Text>
      </View>
      <Text className='wm-text-tertiary'>
        {order.unit.name} · {dateText(order.foundAt)} 发现
      </Text>
    </View>
  )
}

/** A list of 督办单 pages with 加载更多: the first page comes from the screen's own read. */
export function useOrderPages(first: () => Promise<Result<OrderPage>>, more: (cursor: string) => Promise<Result<OrderPage>>, deps: readonly unknown[]) {
  const [items, setItems] = useState<OrderListItem[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [paging, setPaging] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null })
  const load = useLoad(async () => {
    const r = await first()
    if (r.ok) {
      setItems(r.data.items)
      setCursor(r.data.nextCursor)
    }
    return r
  }, deps)
  const loadMore = async () => {
    if (!cursor) return
    setPaging({ busy: true, error: null })
    const r = await more(cursor)
    if (!r.ok) return setPaging({ busy: false, error: r.message })
    // never more than ~200 on screen: the oldest page goes once the list is long
    setItems((prev) => [...prev, ...r.data.items].slice(-200))
    setCursor(r.data.nextCursor)
    setPaging({ busy: false, error: null })
  }
  return { load, items, cursor, paging, loadMore }
}

/**
 * 督办单: by status (待整改 / 待复查 / 已销号) with each tab's count. 联络员 see their unit's, 督查员
 * their team's area, 文明办 all; a site's or a unit's list when the link names one.
 */
export function OrdersView({ params }: { params: InspectParams }) {
  const [status, setStatus] = useState<OrderStatus>('open')
  const scope = {
    ...(params.unitId ? { unitId: params.unitId } : {}),
    ...(params.siteId ? { siteId: params.siteId } : {}),
  }
  const list = useOrderPages(
    () => callCloud('inspect', 'orders', { ...scope, status }),
    (cursor) => callCloud('inspect', 'orders', { ...scope, status, cursor }),
    [status, params.unitId, params.siteId],
  )
  const counts = list.load.data?.counts ?? null
  const blocked = list.load.error ? gate(list.load, { audience: 'staff', what: '督办单' }) : null
  if (blocked && (list.load.error?.code === 'AUTH.FORBIDDEN' || list.load.error?.code === 'INSPECT.NOT_YOUR_UNIT')) return <>{blocked}</>
  return (
    <View className='wm-fd' id='wm-inspect-orders'>
      <View className='wm-fd-tabs' role='tablist' aria-label='按状态查看'>
        {ORDER_STATUSES.map((s) => (
          <View
            key={s}
            id={`wm-inspect-orders-tab-${s}`}
            role='tab'
            aria-selected={s === status}
            className={`wm-fd-tab${s === status ? ' wm-fd-tab--on' : ''}`}
            onClick={() => setStatus(s)}
          >
            <Text>
              {s === status ? '✓ ' : ''}
              {ORDER_STATUS_LABEL[s]}
              {counts ? ` ${counts[s]}` : ''}
            </Text>
          </View>
        ))}
      </View>
      {blocked ??
        (list.items.length === 0 ? (
          list.load.loading ? (
            <View className='wm-card'>
              <Skeleton rows={4} />
            </View>
          ) : (
            <View className='wm-card'>
              <EmptyState
                glyph='单'
                title={`没有${ORDER_STATUS_LABEL[status]}的督办单`}
                description={status === 'open' ? '督查员在实地督查中发现问题后，督办单会出现在这里，请按期限整改并答复。' : status === 'answered' ? '单位答复整改后，督办单在这里等待督查员回头看。' : '回头看确认整改到位后，督办单销号并出现在这里。'}
              />
            </View>
          )
        ) : (
          <View className='wm-fd-list'>
            {list.items.map((o) => (
              <OrderRow key={o.orderId} order={o} />
            ))}
          </View>
        ))}
      <More cursor={list.cursor} busy={list.paging.busy} error={list.paging.error} onMore={() => void list.loadMore()} id='wm-inspect-orders-more' />
    </View>
  )
}
