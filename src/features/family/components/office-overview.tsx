import { CELL } from '@/components/alt'
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { FamilyOverview } from '@/shared/contract/family'
import { EmptyState, ErrorState, Skeleton } from '@/components/state'
import { useLoad } from '../api'
import { callCloud } from '@/lib/call-cloud'
import { weekRange } from '../labels'
import { RoleRefusal } from './teacher-workbench'
import '../family.scss'
import './office-overview.scss'

/** The server's sheet (per school and the last 8 weeks, no family or child in it): a download in the browser, a link in the mini-program. */
async function exportCsv(): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const result = await callCloud('family', 'exportOverview', { delivery: 'inline' })
    if (!result.ok) return result.message
    // the server's CSV carries the BOM Excel needs to read it as UTF-8
    const url = URL.createObjectURL(new Blob([result.data.csv ?? ''], { type: 'text/csv;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = result.data.filename
    document.body.appendChild(link)
    link.click()
    link.remove()
    return `已导出 ${result.data.rows} 所学校（${result.data.filename}）`
  }
  const result = await callCloud('family', 'exportOverview', { delivery: 'storage' })
  if (!result.ok) return result.message
  if (result.data.tempUrl) {
    await Taro.setClipboardData({ data: result.data.tempUrl })
    return `已导出 ${result.data.rows} 所学校，下载链接已复制（有效期有限），请在电脑浏览器中打开下载`
  }
  return `已导出 ${result.data.rows} 所学校，文件已存入云存储`
}

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—')

/** 文明办总览: the figures the campaign reports on its minors' work, from counters kept on write. */
export function OfficeOverview() {
  const overview = useLoad(() => callCloud('family', 'overview', {}), [])
  if (overview.error?.code === 'AUTH.FORBIDDEN') {
    return <RoleRefusal glyph='办' title='这是文明办的总览' text='「小手拉大手」的全市汇总由文明办查看。老师请进入教师工作台，学校管理员请进入学校管理页。' />
  }
  if (!overview.data) {
    return <View className='wm-card'>{overview.error ? <ErrorState what='小手拉大手总览' message={overview.error.message} onRetry={overview.reload} /> : <Skeleton rows={10} />}</View>
  }
  const o = overview.data
  if (o.schools === 0) {
    return (
      <View className='wm-card'>
        <EmptyState glyph='校' title='还没有参与的学校' description='学校登记后，老师建班、家长加入，全市的参与情况就会汇总在这里。' />
      </View>
    )
  }
  return <OverviewBody o={o} />
}

function OverviewBody({ o }: { o: FamilyOverview }) {
  const thisWeek = o.weeks.find((w) => w.week === o.thisWeek) ?? o.weeks[o.weeks.length - 1]
  const max = Math.max(1, ...o.weeks.map((w) => w.familiesDone))
  return (
    <View className='wm-fa wm-fa-overview' id='wm-fa-overview'>
      <View className='wm-card'>
        <View className='wm-fa-figures wm-fa-overview__figures'>
          <Figure value={o.schools} label='参与学校' />
          <Figure value={o.classes} label='班级' />
          <Figure value={o.families} label='家庭' />
          <Figure value={o.children} label='孩子' />
          <Figure value={o.receipts} label={`回执已交（${pct(o.receipts, o.families)}）`} />
          <Figure
            value={thisWeek ? `${thisWeek.familiesDone}/${thisWeek.families}` : '—'}
            label={thisWeek ? `本周全部完成的家庭（${pct(thisWeek.familiesDone, thisWeek.families)}）` : '本周全部完成的家庭'}
          />
        </View>
        <Button className='wm-fa-overview__export' type='primary' fill='outline' id='wm-fa-overview-export' onClick={() => void exportCsv().then((m) => Taro.showModal({ title: '导出', content: m, showCancel: false, confirmText: '知道了' }))}>
          {process.env.TARO_ENV === 'h5' ? '导出表格（CSV）' : '导出表格（复制下载链接）'}
        </Button>
      </View>
      <View className='wm-fa-overview__cols'>
        <View className='wm-fa-overview__col'>
          <Text className='wm-section-title'>近 8 周完成趋势</Text>
          <View className='wm-card' id='wm-fa-overview-weeks'>
            {o.weeks.map((w) => (
              <View key={w.week} className='wm-fa-bar'>
                <Text className='wm-fa-bar__label'>
                  {weekRange(w.week)}
                  {w.week === o.thisWeek ? '（本周）' : ''}
                </Text>
                <View className='wm-fa-bar__track' aria-hidden='true'>
                  {w.familiesDone > 0 ? <View className='wm-fa-bar__fill' style={{ width: `${Math.round((w.familiesDone / max) * 100)}%` }} /> : null}
                </View>
                <Text className='wm-fa-bar__value'>
                  全部完成 {w.familiesDone}/{w.families} 家（{pct(w.familiesDone, w.families)}）· 完成任务 {w.completions} 项
                </Text>
              </View>
            ))}
          </View>
        </View>
        <View className='wm-fa-overview__col'>
          <Text className='wm-section-title'>各学校</Text>
          <View className='wm-card' id='wm-fa-overview-schools'>
            <View className='wm-fa-table' role='table'>
              <View className='wm-fa-table__row wm-fa-table__row--head' role='row'>
                <Text {...CELL} className='wm-fa-table__cell wm-fa-table__cell--name'>学校</Text>
                <Text {...CELL} className='wm-fa-table__cell'>班级</Text>
                <Text {...CELL} className='wm-fa-table__cell'>家庭</Text>
                <Text {...CELL} className='wm-fa-table__cell wm-fa-table__cell--wide'>回执</Text>
              </View>
              {o.bySchool.map((s) => (
                <View key={s.school.id} className='wm-fa-table__row' role='row'>
                  <View {...CELL} className='wm-fa-table__cell wm-fa-table__cell--name'>
                    <Text>{s.school.name}</Text>
                    <Text className='wm-text-tertiary'>{s.school.district}</Text>
                  </View>
                  <Text {...CELL} className='wm-fa-table__cell'>{s.classes}</Text>
                  <Text {...CELL} className='wm-fa-table__cell'>{s.families}</Text>
                  <Text {...CELL} className='wm-fa-table__cell wm-fa-table__cell--wide'>
                    {s.receipts}（{pct(s.receipts, s.families)}）
                  </Text>
                </View>
              ))}
            </View>
          </View>
        </View>
      </View>
    </View>
  )
}

function Figure({ value, label }: { value: number | string; label: string }) {
  return (
    <View className='wm-fa-figure'>
      <Text className='wm-fa-figure__value'>{value}</Text>
      <Text className='wm-text-tertiary'>{label}</Text>
    </View>
  )
}
