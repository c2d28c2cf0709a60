import { alt } from '@/components/alt'
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { EmptyState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { SHOP_STAGES, type ShopStage } from '@/shared/frontage'
import type { ShopReportItem } from '@/shared/contract'
import type { FrontageParams } from '../labels'
import { FrontageGate, FrontageMissing, MoreButton, Problem, StageTag, dueText, goFrontage, timeText, usePaged } from './common'

const TAB_LABEL: Record<ShopStage, string> = { waiting: '待处理', answered: '已处理', escalated: '已转责任单位' }

const EMPTY: Record<ShopStage, string> = {
  waiting: '门前没有等您处理的随手拍。市民在您门前拍到问题时，会先送到这里，请在时限内处理。',
  answered: '还没有您处理过的随手拍。',
  escalated: '没有转给责任单位的随手拍。没在时限内处理，或市民对处理不满意的，会转到这里。',
}

/**
 * The report a row was tapped on, kept for the answer view: both are views of the same page in
 * the same JS context, so the answer opens with the photos at once instead of searching pages.
 */
const opened = new Map<string, ShopReportItem>()
export const openedReport = (reportId: string) => opened.get(reportId) ?? null

/** One report at the frontage: what, the words, the photos, and the time left (or gone) in words. */
export function ReportRow({ item, onOpen }: { item: ShopReportItem; onOpen?: () => void }) {
  return (
    <View className='wm-fr-item' role={onOpen ? 'link' : undefined} id={`wm-fr-report-${item.reportId}`} onClick={onOpen}>
      <View className='wm-fr-row'>
        <Text className='wm-fr-item__title'>{item.categoryName}</Text>
        <StageTag stage={item.stage} />
      </View>
      {item.description ? <Text className='wm-text-secondary'>{item.description}</Text> : <Text className='wm-text-tertiary'>（市民没有写描述）</Text>}
      {item.photos.length > 0 ? (
        <View className='wm-in-photos'>
          {item.photos.slice(0, 3).map((url, i) => (
            <Image key={`${url}-${i}`} className='wm-in-photo' src={url} mode='aspectFill' {...alt('随手拍照片')} />
          ))}
        </View>
      ) : null}
      <Text className='wm-text-tertiary'>{timeText(item.createdAt)} 上报</Text>
      {item.stage === 'waiting' ? <Text className={`wm-fr-due${item.overdue || item.shopDueAt <= Date.now() ? ' wm-fr-due--over' : ''}`}>{dueText(item.shopDueAt, item.overdue)}{item.overdue ? '，请尽快处理' : `（${timeText(item.shopDueAt)} 前处理）`}</Text> : null}
    </View>
  )
}

/** 门前随手拍: the shop's reports by stage, a page at a time; a waiting one opens the answer form. */
export function ShopReports({ params }: { params: FrontageParams }) {
  const [stage, setStage] = useState<ShopStage>('waiting')
  const list = usePaged((cursor) => callCloud('frontage', 'shopReports', { shopId: params.shopId, stage, ...(cursor ? { cursor } : {}) }), [params.shopId, stage])
  if (!params.shopId) return <FrontageMissing what='门店' />
  const gate = FrontageGate({ error: list.error, loading: list.loading && !list.first, what: '门前随手拍', reload: list.reload })
  if (gate) return <>{gate}</>
  const open = (item: ShopReportItem) => {
    opened.set(item.reportId, item)
    goFrontage('answer', { shopId: params.shopId, reportId: item.reportId })
  }
  return (
    <View className='wm-fr wm-fr-wide' id='wm-fr-shop-reports'>
      <View className='wm-fr-tabs' role='tablist'>
        {SHOP_STAGES.map((s) => (
          <View key={s} role='tab' aria-selected={s === stage} id={`wm-fr-stage-${s}`} className={`wm-fr-tab${s === stage ? ' wm-fr-tab--on' : ''}`} onClick={() => setStage(s)}>
            <Text>{s === stage ? `✓ ${TAB_LABEL[s]}` : TAB_LABEL[s]}</Text>
          </View>
        ))}
      </View>
      <View className='wm-card'>
        {list.loading ? (
          <Text className='wm-text-tertiary'>正在加载…</Text>
        ) : list.items.length === 0 ? (
          <EmptyState glyph='拍' title={`没有${TAB_LABEL[stage]}的随手拍`} description={EMPTY[stage]} />
        ) : (
          <View className='wm-in-list--grid'>
            {list.items.map((item) => (
              <ReportRow key={item.reportId} item={item} onOpen={() => open(item)} />
            ))}
          </View>
        )}
        <MoreButton more={list.more && list.items.length < 200} busy={list.loadingMore} onMore={list.loadMore} id='wm-fr-reports-more' />
        <Problem text={list.moreError} />
      </View>
    </View>
  )
}
