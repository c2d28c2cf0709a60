import { useEffect, useState, type ReactNode } from 'react'
import { alt } from '@/components/alt'
import { Button } from '@nutui/nutui-react-taro'
import { Image, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { FeedItem, LedgerItem, ReportListItem, ReportPage } from '@/shared/contract'
import type { Result } from '@/shared/errors'
import type { ReportStatus } from '@/shared/report'
import { listPlaceholder } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { askConsent, prepareConsent } from '@/lib/subscribe'
import { CONSENT_MOMENTS } from '@/shared/notify'
import { usePagedList, type PagedList } from '../api/report'
import { formatSpan, formatTime } from '../lib/format'
import { DETAIL_PAGE, REPORT_FORM_PAGE } from '../routes'
import { ReportCard } from './report-card'
import { StatusBadge } from './status-badge'
import './report.scss'

interface Empty {
  glyph: string
  title: string
  description: string
  actionText?: string
  onAction?: () => void
}

/** Skeleton, error with retry, empty state, rows, "load more": what every list page needs. */
function PagedRows<T>({ list, empty, what, render }: { list: PagedList<T>; empty: Empty; what: string; render: (item: T) => ReactNode }) {
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.more())
  const placeholder = listPlaceholder({
    error: list.error,
    loading: list.loading,
    count: list.items.length,
    what,
    onRetry: () => void list.reload(),
    empty,
  })
  if (placeholder) return placeholder
  return (
    <View>
      {list.items.map(render)}
      {list.done ? (
        <Text className='wm-rp-more'>{list.items.length >= 200 ? '最多显示 200 条' : '没有更多了'}</Text>
      ) : (
        <Button block fill='none' loading={list.loading} onClick={() => void list.more()}>
          加载更多
        </Button>
      )}
    </View>
  )
}

const openReport = (id: string) => openPage(`${DETAIL_PAGE}?id=${id}`)

export function MyReports() {
  const list = usePagedList<ReportListItem>((cursor) => callCloud('report', 'mine', cursor ? { cursor } : {}), [])
  const now = Date.now()
  return (
    <PagedRows
      list={list}
      what='我的随手拍'
      empty={{
        glyph: '拍',
        title: '还没有上报记录',
        description: '提交后可以在这里查看处理进度：待受理 → 已派发 → 处置中 → 已办结，办结后还可以评价。',
        actionText: '去随手拍',
        onAction: () => openPage(REPORT_FORM_PAGE),
      }}
      render={(item) => <ReportCard key={item.id} item={item} now={now} onOpen={() => openReport(item.id)} />}
    />
  )
}

export type QueueRole = 'grid' | 'handler'

export const QUEUE_TABS: Record<QueueRole, Array<{ status: ReportStatus; label: string }>> = {
  grid: [
    { status: 'submitted', label: '待受理' },
    { status: 'reopen-requested', label: '申请重办' },
    { status: 'returned', label: '退回' },
    { status: 'reopened', label: '重办' },
    { status: 'dispatched', label: '已派发' },
    // 门前三包: the shop has it for its time limit; the grid worker sees it and gets it if the shop does not act
    { status: 'at-shop', label: '门店处理中' },
  ],
  handler: [
    { status: 'dispatched', label: '待签收' },
    { status: 'processing', label: '处置中' },
    { status: 'resolved', label: '已办结' },
  ],
}

const QUEUE_EMPTY: Record<QueueRole, string> = {
  grid: '本网格居民提交的随手拍会出现在这里，最急的排在最前。您可以受理派发、合并重复问题，或说明理由不予受理。',
  handler: '派发给本单位的问题会出现在这里，并标出办理时限。处置完成后上传整改照片即可办结，不属于本单位的可以退回。',
}

/** A workbench queue: one status per tab, the most urgent first. */
export function Queue({ role }: { role: QueueRole }) {
  const [status, setStatus] = useState<ReportStatus>(QUEUE_TABS[role][0].status)
  const list = usePagedList<ReportListItem>(
    (cursor) => callCloud('report', 'queue', { as: role, status, ...(cursor ? { cursor } : {}) }),
    [role, status],
  )
  const now = Date.now()
  return (
    <View id={`wm-queue-${role}`}>
      <View className='wm-rp-kinds wm-tabs-wrap' role='tablist'>
        {QUEUE_TABS[role].map((tab) => (
          <View
            key={tab.status}
            id={`wm-tab-${tab.status}`}
            role='tab'
            aria-selected={tab.status === status}
            className={`wm-rp-kind wm-tabs-wrap__item${tab.status === status ? ' wm-rp-kind--current' : ''}`}
            onClick={() => setStatus(tab.status)}
          >
            <Text>{tab.label}</Text>
          </View>
        ))}
      </View>
      {role === 'handler' ? <HandlerConsent /> : null}
      <PagedRows
        list={list}
        what='待办'
        empty={{ glyph: role === 'grid' ? '网' : '办', title: '暂时没有这一类待办', description: QUEUE_EMPTY[role] }}
        render={(item) => <ReportCard key={item.id} item={item} now={now} onOpen={() => openReport(item.id)} />}
      />
    </View>
  )
}

/** 派单通知 for a unit's handlers: a message when a report is dispatched to their unit (one per consent tap). */
function HandlerConsent() {
  // the template ids ahead of the tap: WeChat's dialog must open inside it, not after a network wait
  useEffect(() => void prepareConsent(), [])
  // H5 has no subscribe messages
  if (process.env.TARO_ENV !== 'weapp') return null
  const ask = () =>
    void askConsent(CONSENT_MOMENTS.handler).then((yes) =>
      Taro.showToast({ icon: 'none', title: yes ? '已订阅：有新的派单时通知您' : '未开启通知，请留意待办列表' }),
    )
  return (
    <Button className='wm-rp-chip' id='wm-queue-subscribe' fill='outline' type='primary' onClick={ask}>
      订阅派单通知
    </Button>
  )
}

/** 督查台账: what is late, how late, and who holds it. */
export function Ledger() {
  const list = usePagedList<LedgerItem>((cursor) => callCloud('report', 'ledger', cursor ? { cursor } : {}), [])
  return (
    <PagedRows
      list={list}
      what='督查台账'
      empty={{ glyph: '督', title: '目前没有超期未办的问题', description: '各环节超过时限仍未办理的随手拍会出现在这里，按超期时长排序，并标明在哪个网格或单位。' }}
      render={(item) => (
        <View key={item.id} className='wm-rp-card' role='button' onClick={() => openReport(item.id)} id={`wm-ledger-${item.id}`}>
          <View className='wm-rp-card__main'>
            <View className='wm-rp-card__title'>
              <Text>{item.categoryName}</Text>
              <StatusBadge status={item.status} label={item.statusLabel} />
            </View>
            <Text className='wm-rp-card__due wm-rp-card__due--late'>已超期 {formatSpan(item.overdueMs)}（时限 {formatTime(item.dueAt)}）</Text>
            <Text className='wm-rp-card__line'>
              {item.holder === 'handler' ? '责任单位' : '网格'}：{item.holderName}
            </Text>
            <Text className='wm-rp-card__line'>
              编号 {item.ticketNo} · {item.gridName} · 上报于 {formatTime(item.createdAt)}
              {item.returnCount > 0 ? ` · 退回 ${item.returnCount} 次` : ''}
              {item.reopenCount > 0 ? ` · 重办 ${item.reopenCount} 次` : ''}
            </Text>
          </View>
        </View>
      )}
    />
  )
}

const FEED_TABS = [
  { kind: undefined, label: '全部' },
  { kind: 'report' as const, label: '整改曝光' },
  { kind: 'praise' as const, label: '文明点赞' },
]

function FeedCard({ item }: { item: FeedItem }) {
  return (
    <View className='wm-card wm-rp-feed' role='button' onClick={() => openReport(item.id)} id={`wm-feed-${item.id}`}>
      <View className='wm-rp-feed__photos'>
        {item.beforeUrl ? (
          <View className='wm-rp-feed__photo'>
            <Image className='wm-rp-feed__photo-image' src={item.beforeUrl} mode='aspectFill' {...alt(item.kind === 'praise' ? '现场照片' : '整改前照片')} />
            <Text className='wm-rp-feed__tag'>{item.kind === 'praise' ? '现场' : '整改前'}</Text>
          </View>
        ) : null}
        {item.afterUrl ? (
          <View className='wm-rp-feed__photo'>
            <Image className='wm-rp-feed__photo-image' src={item.afterUrl} mode='aspectFill' {...alt('整改后照片')} />
            <Text className='wm-rp-feed__tag'>整改后</Text>
          </View>
        ) : null}
      </View>
      <View className='wm-rp-feed__body'>
        <View className='wm-rp-card__title'>
          <Text>
            {item.kind === 'praise' ? '👍 ' : ''}
            {item.categoryName}
          </Text>
          <Text className='wm-text-tertiary'>{formatTime(item.publishedAt)}</Text>
        </View>
        <Text className='wm-rp-card__line'>{item.gridName} 附近</Text>
        {item.description ? <Text className='wm-text-secondary wm-rp-feed__text'>{item.description}</Text> : null}
        {item.resolutionNote ? <Text className='wm-rp-step__note'>处置：{item.resolutionNote}</Text> : null}
        {item.score ? <Text className='wm-rp-card__line'>市民评价 {item.score} 星</Text> : null}
      </View>
    </View>
  )
}

/** 点赞·爆料广场: resolved reports and approved praise; no one's identity, places only roughly. */
export function Square() {
  const [tab, setTab] = useState(0)
  const kind = FEED_TABS[tab].kind
  const list = usePagedList<FeedItem>(
    (cursor): Promise<Result<ReportPage<FeedItem>>> => callCloud('report', 'feed', { ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}) }),
    [kind],
  )
  return (
    <View id='wm-square'>
      <View className='wm-rp-kinds' role='tablist'>
        {FEED_TABS.map((t, index) => (
          <View
            key={t.label}
            role='tab'
            aria-selected={index === tab}
            className={`wm-rp-kind${index === tab ? ' wm-rp-kind--current' : ''}`}
            onClick={() => setTab(index)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      <PagedRows
        list={list}
        what='广场'
        empty={{
          glyph: '赞',
          title: '这里还没有内容',
          description: '已办结的随手拍（附整改前后对比）和经网格员采纳的文明点赞会在这里展示，不显示上报人。',
          actionText: '我要随手拍',
          onAction: () => openPage(REPORT_FORM_PAGE),
        }}
        render={(item) => <FeedCard key={item.id} item={item} />}
      />
    </View>
  )
}
