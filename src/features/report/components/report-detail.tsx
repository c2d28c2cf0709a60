import { useCallback, useEffect, useRef, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { ReportView, RevealedReporter } from '@/shared/contract'
import type { Fail } from '@/shared/errors'
import { ACTION_LABEL, CLOSED_STATUSES, type TransitionAction } from '@/shared/report'
import { CONSENT_MOMENTS } from '@/shared/notify'
import { Missing, isGone } from '@/components/guard'
import { PlaceMap } from '@/components/place-map'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { askConsent, prepareConsent } from '@/lib/subscribe'
import { useCityMap } from '../api/report'
import { STEP_WORD, dueLine, formatDateTime, formatTime } from '../lib/format'
import { ACT_PAGE, DETAIL_PAGE } from '../routes'
import { UnitMonthLine } from './board/unit-month'
import { PhotoGrid } from './photo-grid'
import { ReportVideo } from './report-video'
import { RatingForm } from './rating-form'
import { OverdueTag, StatusBadge } from './status-badge'
import { Timeline } from './timeline'
import './report.scss'

export function useReport(id: string | undefined) {
  const [view, setView] = useState<ReportView | null>(null)
  const [error, setError] = useState<Fail | null>(null)
  const load = useCallback(async () => {
    if (!id) return setError({ ok: false, code: 'REPORT.NOT_FOUND', message: '没有指定要查看的随手拍' })
    setError(null)
    const result = await callCloud('report', 'get', { reportId: id })
    if (result.ok) setView(result.data)
    else setError(result)
  }, [id])
  useEffect(() => {
    void load()
  }, [load])
  // back from a step screen: show what changed
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void load()
    shown.current = true
  })
  return { view, error, load, setView }
}

/**
 * What a page about one report shows until `useReport` has it: a skeleton, or the error with a
 * retry. A stale or foreign link (a shared link to a report since removed, or one the viewer may
 * not see) is no error a retry would fix: it says so and offers the home page.
 */
/**
 * A step screen this viewer may not use (更改类别, 添加备注 opened from a link): who may, in words,
 * and the way to the report itself — replacing this screen, as a shared link may have no page to go back to.
 */
export function StepRefusal({ id, glyph, title, description, reportId }: { id: string; glyph: string; title: string; description: string; reportId: string }) {
  const toDetail = () => void Taro.redirectTo({ url: `${DETAIL_PAGE}?id=${reportId}` }).catch(() => undefined)
  return (
    <View className='wm-card' id={id}>
      <EmptyState glyph={glyph} title={title} description={description} actionText='查看这条随手拍' onAction={toDetail} />
    </View>
  )
}

export function ReportPending({ error, onRetry }: { error: Fail | null; onRetry: () => void }) {
  // a stale, withdrawn or malformed link: 内容不存在或已下线 and the way home, never a retry
  if (isGone(error)) return <Missing id='wm-report-missing' description='找不到这条随手拍：它可能已被删除，或您无权查看。回到首页看看现在的事项。' />
  return <View className='wm-card'>{error ? <ErrorState what='随手拍' message={error.message} onRetry={onRetry} /> : <Skeleton rows={4} />}</View>
}

function KV({ k, v }: { k: string; v: string }) {
  return (
    <View className='wm-rp-kv'>
      <Text className='wm-rp-kv__key'>{k}</Text>
      <Text className='wm-rp-kv__value'>{v}</Text>
    </View>
  )
}

/** The head of a report: what, where, its photos and map — shared by the detail and each step screen. */
export function ReportSummary({ view }: { view: ReportView }) {
  const map = useCityMap()
  const due = dueLine(view.dueAt, Date.now(), STEP_WORD[view.status] ?? '')
  // only the mini-program has WeChat's map to navigate with, and only exact places are worth going to
  const navigable = process.env.TARO_ENV === 'weapp' && !view.location.approximate
  const openInWeChat = () =>
    void Taro.openLocation({ latitude: view.location.lat, longitude: view.location.lng, name: view.gridName, address: view.location.address }).catch(() => undefined)
  return (
    <>
      <View className='wm-card' id='wm-report-head'>
        <View className='wm-rp-card__title'>
          <Text>{view.categoryName}</Text>
          <StatusBadge status={view.status} label={view.statusLabel} />
        </View>
        <Text className='wm-rp-card__line'>
          编号 {view.ticketNo} · {formatDateTime(view.createdAt)}
        </Text>
        {due ? (
          <View className={`wm-rp-card__due${view.overdue ? ' wm-rp-card__due--late' : ''}`} id='wm-report-due'>
            <Text>
              {view.holderName ? `${view.holderName} · ` : ''}
              {due}
            </Text>
            <OverdueTag overdue={view.overdue} />
          </View>
        ) : null}
        {view.confirmations > 0 ? <Text className='wm-rp-card__line'>另有 {view.confirmations} 位市民反映了这个问题</Text> : null}
        {view.rejectReason ? <Text className='wm-rp-card__line'>不予受理理由：{view.rejectReason}</Text> : null}
      </View>

      <View className='wm-card'>
        <Text className='wm-rp-label'>{view.video ? (view.photos.length > 0 ? '现场照片和视频' : '现场视频') : '现场照片'}</Text>
        <PhotoGrid photos={view.photos} />
        {view.video ? <ReportVideo video={view.video} /> : null}
        {view.hiddenPhotoCount > 0 ? <Text className='wm-rp-hint'>另有 {view.hiddenPhotoCount} 张照片未通过内容安全检测，不予显示</Text> : null}
        {view.description ? <Text className='wm-text-secondary'>{view.description}</Text> : null}
        {view.descriptionHeldReason ? <Text className='wm-rp-error'>描述{view.descriptionHeldReason}</Text> : null}
      </View>

      <View className='wm-card' id='wm-report-where'>
        <Text className='wm-rp-label'>位置</Text>
        {/* the pin shows at once; the grids join it when the city map arrives (or never, offline) */}
        <PlaceMap
          id='wm-report-map'
          grids={map?.grids}
          highlightGridId={view.gridId}
          pin={view.location}
          pinTitle={view.location.address || view.gridName}
          approximate={view.location.approximate}
          onOpen={navigable ? openInWeChat : undefined}
          label={`事发位置：${view.gridName}`}
        />
        <KV k='网格' v={view.gridName} />
        {view.location.address ? <KV k='地址' v={view.location.address} /> : <KV k='位置' v='约在此网格内（公开展示只显示大致位置）' />}
        {view.unitName ? <KV k='责任单位' v={view.unitName} /> : null}
        {view.unitId ? <UnitMonthLine unitId={view.unitId} /> : null}
        {navigable ? (
          <Button fill='outline' type='primary' onClick={openInWeChat}>
            在地图中打开（导航）
          </Button>
        ) : null}
      </View>

      {view.resolution ? (
        <View className='wm-card' id='wm-report-resolution'>
          <Text className='wm-rp-label'>处置结果 · {formatTime(view.resolution.at)}</Text>
          <PhotoGrid photos={view.resolution.photos} />
          <Text className='wm-text-secondary'>{view.resolution.note}</Text>
        </View>
      ) : null}
    </>
  )
}

/** Staff (and the office) see who reported only as far as the reporter allowed. */
function ReporterCard({ view }: { view: ReportView }) {
  const [revealed, setRevealed] = useState<RevealedReporter | null>(null)
  const reporter = view.reporter
  if (!reporter || view.viewerRole === 'reporter') return null
  const reveal = async () => {
    const sure = await Taro.showModal({ title: '查看举报人信息', content: '本次查看将记入审计日志。确定查看吗？' })
    if (!sure.confirm) return
    const result = await callCloud('report', 'reveal', { reportId: view.id })
    if (result.ok) setRevealed(result.data)
    else void Taro.showToast({ icon: 'none', title: result.message })
  }
  return (
    <View className='wm-card' id='wm-report-reporter'>
      <Text className='wm-rp-label'>上报人</Text>
      <KV k='身份' v={reporter.identityRemoved ? '上报人已删除个人信息' : reporter.anonymous ? '匿名市民' : reporter.name ?? '市民'} />
      <KV k='联系电话' v={reporter.phone ?? (reporter.anonymous ? '匿名上报，不显示' : '未留')} />
      {revealed ? (
        <>
          <KV k='昵称（已审计）' v={revealed.nickname ?? '—'} />
          <KV k='完整电话（已审计）' v={revealed.phone ?? '—'} />
        </>
      ) : view.canReveal ? (
        <Button fill='outline' type='primary' onClick={() => void reveal()}>
          查看完整信息（记入审计）
        </Button>
      ) : null}
    </View>
  )
}

/**
 * 进度通知 for the reporter while the report is open: the submit asked for 受理 / 不予受理 / 办结;
 * here they may add 重新派发, 重新办理 and the 评价 reminder (WeChat asks only inside a tap).
 */
function SubscribeProgress({ view }: { view: ReportView }) {
  useEffect(() => void prepareConsent(), [])
  if (view.viewerRole !== 'reporter' || CLOSED_STATUSES.includes(view.status) || process.env.TARO_ENV !== 'weapp') return null
  const ask = () =>
    void askConsent(CONSENT_MOMENTS.reportProgress).then((yes) =>
      Taro.showToast({ icon: 'none', title: yes ? '已订阅：重新派发、重新办理和评价提醒会通知您' : '未开启通知，可随时回来查看进度' }),
    )
  return (
    <View className='wm-card' id='wm-report-subscribe-more'>
      <Text className='wm-rp-label'>进度通知</Text>
      <Button block type='default' onClick={ask}>
        订阅后续进度通知
      </Button>
    </View>
  )
}

/** One report for whoever is looking: the reporter, a grid worker, a unit, the office or the public. */
export function ReportDetail({ id }: { id: string | undefined }) {
  const { view, error, load, setView } = useReport(id)
  if (error || !view) return <ReportPending error={error} onRetry={() => void load()} />
  // the office sees only what it may do in a grid worker's stead (deciding 申请重办)
  const staffActions = view.viewerRole === 'grid' || view.viewerRole === 'handler' || view.viewerRole === 'office' ? view.allowedActions : []
  const canRate = view.viewerRole === 'reporter' && view.allowedActions.includes('rate')
  const canRequestReopen = view.viewerRole === 'reporter' && view.allowedActions.includes('requestReopen')

  const forget = async () => {
    const sure = await Taro.showModal({
      title: '删除我的个人信息',
      content: '将删除这条随手拍里您的联系电话和账号关联，问题记录仍会保留。删除后它不再出现在「我的随手拍」里，也无法再评价。确定删除吗？',
    })
    if (!sure.confirm) return
    const result = await callCloud('report', 'forget', { reportId: view.id })
    if (!result.ok) return void Taro.showToast({ icon: 'none', title: result.message })
    void Taro.showToast({ icon: 'none', title: '已删除您的个人信息' })
    setView(result.data)
  }

  return (
    <View id='wm-report-detail' data-status={view.status}>
      <ReportSummary view={view} />
      <ReporterCard view={view} />
      <SubscribeProgress view={view} />

      {staffActions.length > 0 || view.canRecategorize || view.canAddNote ? (
        <View className='wm-card' id='wm-report-actions'>
          <Text className='wm-rp-label'>处理</Text>
          <View className='wm-rp-actions'>
            {staffActions.map((action: TransitionAction) => (
              <Button
                key={action}
                id={`wm-act-${action}`}
                className='wm-rp-action'
                type={action === 'reject' || action === 'sendBack' ? 'default' : 'primary'}
                onClick={() => openPage(`${ACT_PAGE}?id=${view.id}&action=${action}`)}
              >
                {ACTION_LABEL[action]}
              </Button>
            ))}
            {view.canRecategorize ? (
              <Button id='wm-act-recategorize' className='wm-rp-action' type='default' onClick={() => openPage(`${ACT_PAGE}?id=${view.id}&action=recategorize`)}>
                更改类别
              </Button>
            ) : null}
            {view.canAddNote ? (
              <Button id='wm-act-note' className='wm-rp-action' type='default' onClick={() => openPage(`${ACT_PAGE}?id=${view.id}&action=note`)}>
                添加备注
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}

      {canRate ? (
        <View className='wm-card'>
          <Text className='wm-rp-label'>评价处理结果</Text>
          <RatingForm reportId={view.id} onDone={setView} />
        </View>
      ) : view.rating ? (
        <View className='wm-card' id='wm-report-rated'>
          <Text className='wm-rp-label'>市民评价</Text>
          <Text className='wm-text-secondary'>
            {'★'.repeat(view.rating.score)}
            {'☆'.repeat(5 - view.rating.score)} {view.rating.score} 星{view.rating.comment ? ` · ${view.rating.comment}` : ''}
          </Text>
        </View>
      ) : null}

      {canRequestReopen ? (
        <View className='wm-card' id='wm-report-unresolved'>
          <Text className='wm-rp-label'>问题还在？</Text>
          <Text className='wm-text-secondary'>
            {view.ratingDueAt ? `${formatDateTime(view.ratingDueAt)} 前可以评价或申请重办，逾期自动办结。` : '可以申请重办，网格员核实后决定。'}
          </Text>
          <Button id='wm-act-requestReopen' block fill='outline' onClick={() => openPage(`${ACT_PAGE}?id=${view.id}&action=requestReopen`)}>
            {ACTION_LABEL.requestReopen}
          </Button>
        </View>
      ) : null}

      <View className='wm-card'>
        <Text className='wm-rp-label'>办理进度</Text>
        <Timeline entries={view.timeline} />
      </View>

      {view.canForget ? (
        <Button block fill='none' onClick={() => void forget()} id='wm-report-forget'>
          删除我在此条中的个人信息
        </Button>
      ) : null}
    </View>
  )
}
