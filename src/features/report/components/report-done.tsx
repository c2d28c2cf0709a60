import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PointsRulesView, ReportView } from '@/shared/contract'
import { limitText } from '@/shared/report'
import { POINTS_RULES } from '@/shared/points-rules'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { openPage } from '@/lib/navigate'
import { askConsent, prepareConsent } from '@/lib/subscribe'
import { categoryLimitsOf } from '../lib/category-texts'
import { formatDateTime } from '../lib/format'
import { DETAIL_PAGE, MINE_PAGE, REPORT_FORM_PAGE } from '../routes'
import { useReport } from './report-detail'
import './report.scss'
import './report-done.scss'

/** the number people read out (SSP-20261201-0042); the older eight characters until every report has one */
const ticketOf = (view: ReportView) => view.ticketNo || view.shortNo

/** What happens next and by when, from the category's own clock (受理 2 小时 → 「2 小时内由网格员受理」). */
function nextStep(view: ReportView): string {
  const limits = categoryLimitsOf(view.categoryId)
  const accept = limits ? limitText(limits.accept) : null
  if (view.status === 'at-shop') return `先由门前三包责任门店${view.holderName ? `「${view.holderName}」` : ''}处理，门店逾期未处理将转网格员受理`
  if (view.kind === 'praise') return `${accept ? `${accept}内` : ''}由文明办审核，通过后在点赞·爆料广场公开`
  return `${accept ? `${accept}内` : ''}由网格员受理${view.gridName ? `（${view.gridName}）` : ''}，再派发到责任单位处置`
}

/**
 * After submit: not the detail page but a receipt — the ticket number, what happens next and by
 * when, the 订阅进度通知 tap, and the 文明积分 it earns once accepted.
 */
export function ReportDone({ id }: { id: string | undefined }) {
  const { view, error, load } = useReport(id)
  // the office may change points and caps (设置 → 积分规则): show what is in force, the shipped rule until it answers
  const [rules, setRules] = useState<PointsRulesView['rules'] | null>(null)
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '提交成功' }).catch(() => undefined)
    void prepareConsent()
    void callCloud('rewards', 'rules', {}).then((r) => r.ok && setRules(r.data.rules))
  }, [])
  if (error?.code === 'REPORT.NOT_FOUND' || (error && !id)) {
    return (
      <View className='wm-card' id='wm-report-missing'>
        <EmptyState glyph='拍' title='内容不存在或已下线' description='这条随手拍找不到了，可以在「我的随手拍」里查看您提交过的记录。' actionText='返回首页' onAction={() => openPage('/pages/home/index')} />
      </View>
    )
  }
  if (!view) return <View className='wm-card'>{error ? <ErrorState what='随手拍' message={error.message} onRetry={() => void load()} /> : <Skeleton rows={4} />}</View>

  const shipped = view.kind === 'praise' ? POINTS_RULES['praise.approved'] : POINTS_RULES['report.accepted']
  const rule = rules?.find((r) => r.reason === shipped.reason) ?? shipped
  const subscribe = () => {
    // WeChat asks at most three at once, and only inside the tap
    void askConsent(['reportAccepted', 'reportDispatched', 'reportResolved']).then((yes) =>
      Taro.showToast({ icon: 'none', title: yes ? '已订阅：受理、派发、办结时会通知您' : '未开启通知，可随时在「我的随手拍」查看进度' }),
    )
  }
  const toDetail = () => void Taro.redirectTo({ url: `${DETAIL_PAGE}?id=${view.id}` }).catch(() => openPage(`${DETAIL_PAGE}?id=${view.id}`))

  return (
    <View id='wm-report-done' data-status={view.status}>
      <View className='wm-card wm-rp-done'>
        <Text className='wm-rp-done__mark' aria-hidden='true'>
          ✓
        </Text>
        <Text className='wm-rp-done__title'>{view.kind === 'praise' ? '文明点赞已提交' : '随手拍已提交'}</Text>
        <Text className='wm-text-secondary'>受理编号</Text>
        <Text className='wm-rp-done__no' id='wm-report-done-no' selectable>
          {ticketOf(view)}
        </Text>
        <View className='wm-rp-done__row' id='wm-report-done-next'>
          <Text className='wm-rp-label' style={{ marginBottom: '4px' }}>
            接下来
          </Text>
          <Text>{nextStep(view)}</Text>
          {view.dueAt ? <Text className='wm-rp-hint'>最晚 {formatDateTime(view.dueAt)} 前</Text> : null}
          {view.video?.heldReason ? (
            <Text className='wm-rp-hint' id='wm-report-done-video'>
              视频正在审核，通过后网格员和处置单位即可查看
            </Text>
          ) : null}
        </View>
        <View className='wm-rp-done__row' id='wm-report-done-points'>
          <Text className='wm-rp-label' style={{ marginBottom: '4px' }}>
            文明积分
          </Text>
          <Text>
            {view.kind === 'praise' ? '审核通过' : '被受理'}后可得 {rule.points} 积分（每天最多 {rule.dailyCap} 分）
          </Text>
        </View>
        <Button block type='primary' id='wm-report-subscribe' onClick={subscribe} style={{ marginTop: '8px' }}>
          订阅进度通知
        </Button>
        <Text className='wm-rp-hint'>受理、派发、办结时通过微信通知您，不会显示您的身份。</Text>
      </View>
      <View className='wm-rp-buttons'>
        <Button className='wm-rp-chip' id='wm-report-done-detail' fill='outline' type='primary' onClick={toDetail}>
          查看进度
        </Button>
        <Button className='wm-rp-chip' fill='outline' type='primary' onClick={() => openPage(MINE_PAGE)}>
          我的随手拍
        </Button>
        <Button className='wm-rp-chip' fill='outline' type='primary' onClick={() => openPage(REPORT_FORM_PAGE)}>
          再拍一条
        </Button>
      </View>
    </View>
  )
}
