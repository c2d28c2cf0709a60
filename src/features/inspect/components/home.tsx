import { Text, View } from '@tarojs/components'
import { EmptyState } from '@/components/state'
import { callCloud } from '@/lib/call-cloud'
import { INSPECT_LEVEL_LABEL } from '@/shared/inspect'
import type { InspectHomeView } from '@/shared/contract'
import { useLoad } from '../api'
import type { InspectParams } from '../labels'
import { Figure, Gate, Tile, goInspect } from './common'

/**
 * 创文督查 home: each staff role sees its own part — the office its figures and every office view,
 * a unit's 联络员 its list, 督办单 and score, an inspector the sites to inspect and 回头看 — and
 * everyone the public 红黑榜 and 星级评定. A resident is told kindly whom this is for.
 */
export function InspectHome(_props: { params: InspectParams }) {
  const home = useLoad(() => callCloud('inspect', 'home', {}), [])
  if (home.error?.code === 'AUTH.FORBIDDEN') return <ResidentRefusal />
  const gate = Gate({ error: home.error, loading: !home.data, what: '创文督查', audience: 'staff', reload: home.reload })
  if (gate || !home.data) return <>{gate}</>
  const d = home.data
  return (
    <View className='wm-in wm-in-wide' id='wm-inspect-home'>
      <View className='wm-in-hero'>
        <Text className='wm-in-hero__title'>创文督查</Text>
        <Text className='wm-in-hero__text'>{heroText(d)}</Text>
      </View>
      {d.roles.office ? <OfficePart d={d} /> : null}
      {d.roles.liaison.map((unit) => (
        <View key={unit.unitId} id='wm-inspect-home-liaison'>
          <Text className='wm-section-title'>{unit.name}（本单位）</Text>
          <View className='wm-in-tiles'>
            <Tile id='wm-inspect-home-tasks' title='本单位任务清单' text='分解到本单位的测评标准、完成时限、待补的佐证材料' onClick={() => goInspect('unit', { unitId: unit.unitId })} />
            <Tile id='wm-inspect-home-unit-orders' title='督办单' text='督查发现的问题：整改后上传整改照片答复' onClick={() => goInspect('orders', { unitId: unit.unitId })} />
            <Tile id='wm-inspect-home-score' title='本单位得分' text='本周、本月得分与每一项扣分的计算' onClick={() => goInspect('score', { unitId: unit.unitId })} />
          </View>
        </View>
      ))}
      {d.roles.inspector ? (
        <View id='wm-inspect-home-inspector'>
          <Text className='wm-section-title'>
            {d.roles.inspector.name}（{INSPECT_LEVEL_LABEL[d.roles.inspector.level]}
            {d.roles.inspector.area ? ` · ${d.roles.inspector.area}` : ''}）
          </Text>
          <View className='wm-in-tiles'>
            <Tile id='wm-inspect-home-start' title='开始督查' text='选一个点位，按检查清单逐项督查' onClick={() => goInspect('sites')} />
            <Tile id='wm-inspect-home-rechecks' title='回头看' text='单位已答复的督办单，现场核实后销号或退回' onClick={() => goInspect('rechecks')} />
            <Tile id='wm-inspect-home-map' title='实地督查一张图' text='点位按未销号问题着色' onClick={() => goInspect('map')} />
          </View>
        </View>
      ) : null}
      <Text className='wm-section-title'>公开结果</Text>
      <View className='wm-in-tiles'>
        <Tile id='wm-inspect-home-board' title='整改率红黑榜' text='每周各单位、各区的按时整改率排名' onClick={() => goInspect('board')} />
        <Tile id='wm-inspect-home-ratings' title='星级评定' text='每月各单位的得分与星级' onClick={() => goInspect('ratings')} />
        <Tile id='wm-inspect-home-rules' title='督查规则' text='怎样计分、排榜、评星，督办期限多长' onClick={() => goInspect('rules')} />
      </View>
    </View>
  )
}

function heroText(d: InspectHomeView): string {
  if (d.roles.office) return '测评标准分解到每个责任单位，点位督查发现的问题下发督办单，整改、回头看、计分、排榜、评星都在这里。'
  if (d.roles.liaison.length > 0) return '查看本单位的任务清单，按时提交佐证材料、整改督办单，本单位得分由此而来。'
  return '到点位按检查清单督查，不合格项拍照说明，下发督办单；单位整改后回头看核实。'
}

function OfficePart({ d }: { d: InspectHomeView }) {
  const unassigned = Math.max(0, d.standards.total - d.standards.assigned)
  return (
    <View id='wm-inspect-home-office'>
      <View className='wm-card'>
        <View className='wm-in-figures wm-in-figures--4'>
          <Figure id='wm-inspect-home-standards' value={d.standards.total} label={unassigned ? `测评标准（${unassigned} 条未分解）` : '测评标准（均已分解）'} onClick={() => goInspect('standards')} />
          <Figure id='wm-inspect-home-sites' value={d.sites} label='测评点位' onClick={() => goInspect('sites')} />
          <Figure id='wm-inspect-home-orders' value={d.openOrders} label='未销号督办单' onClick={() => goInspect('orders')} />
          <Figure id='wm-inspect-home-evidence' value={d.evidenceWaiting} label='待审核的材料' onClick={() => goInspect('evidence-review')} />
        </View>
        {d.standards.total === 0 ? <Text className='wm-text-secondary wm-in-gap'>还没有测评标准：先点「导入表格」，下载示范表格照格式填写后上传。</Text> : null}
      </View>
      <Text className='wm-section-title'>文明办工作</Text>
      <View className='wm-in-tiles'>
        <Tile id='wm-inspect-home-import' title='导入表格' text='测评标准表、点位信息表（Excel）' onClick={() => goInspect('import')} />
        <Tile id='wm-inspect-home-catalogue' title='测评标准与任务分解' text='每条标准定牵头单位、配合单位和完成时限' onClick={() => goInspect('standards')} />
        <Tile id='wm-inspect-home-review' title='材料审核' text={d.evidenceWaiting ? `${d.evidenceWaiting} 份材料等待审核` : '单位提交的佐证材料：通过或退回'} onClick={() => goInspect('evidence-review')} />
        <Tile id='wm-inspect-home-sitelist' title='测评点位' text='登记点位、责任单位与包联单位' onClick={() => goInspect('sites')} />
        <Tile id='wm-inspect-home-allorders' title='督办单' text='全部督办单与整改进度' onClick={() => goInspect('orders')} />
        <Tile id='wm-inspect-home-officemap' title='实地督查一张图' text='点位按未销号问题着色' onClick={() => goInspect('map')} />
        <Tile id='wm-inspect-home-officerechecks' title='回头看' text='已答复、等待核实的督办单' onClick={() => goInspect('rechecks')} />
        <Tile id='wm-inspect-home-officeratings' title='星级评定发布' text='月末按分档评星并冻结得分' onClick={() => goInspect('ratings')} />
        <Tile id='wm-inspect-home-officerules' title='规则设置' text='计分、红黑榜、星级分档与督办期限' onClick={() => goInspect('rules')} />
      </View>
    </View>
  )
}

/** A resident who followed a link here: whom this is for, and the public 红黑榜 instead. */
function ResidentRefusal() {
  return (
    <View className='wm-card' id='wm-inspect-forbidden'>
      <EmptyState
        glyph='督'
        title='创文督查供文明办、责任单位和督查员使用'
        description='这里是市文明办分解测评任务、督查点位、督促各责任单位整改的工作台。您可以看看每周公布的整改率红黑榜；发现身边的不文明现象，也可以用「随手拍」告诉我们。'
        actionText='去看红黑榜'
        onAction={() => goInspect('board')}
      />
    </View>
  )
}
