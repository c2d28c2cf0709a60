import { Text, View } from '@tarojs/components'
import { RoleGate } from '@/components/guard'
import { PageShell } from '@/components/page-shell'
import { openPage } from '@/lib/navigate'
import './index.scss'

/**
 * 文明办工作台: the office's tools. An area adds its tool here with a `url` once it works; the
 * others show as coming.
 */
interface OfficeTool {
  title: string
  detail: string
  url?: string
}

const OFFICE_TOOLS: OfficeTool[] = [
  { title: '数据看板', detail: '随手拍、志愿、答题、海报、手册的统计图表，按时段切换，可看表格；创文工作月报', url: '/packages/office/pages/dashboard/index' },
  { title: '海报管理', detail: '登记公益广告、生成小程序码、看扫码效果', url: '/packages/office/pages/posters/index' },
  { title: '手册发布', detail: '修改《市民文明手册》章节并发布新版本', url: '/packages/office/pages/handbook/index' },
  { title: '创文督查', detail: '测评标准导入与任务分解、材料审核、点位与督查、督办单、红黑榜与星级评定', url: '/packages/inspect/pages/index/index' },
  { title: '门前三包', detail: '各街道的门店登记、责任书签署与门前随手拍，门店红黑榜', url: '/packages/frontage/pages/index/index?view=street' },
  { title: '划线区', detail: '划线经营区与划线停车区：线内经营、停车不算违规', url: '/packages/frontage/pages/index/index?view=zones' },
  { title: '责任书模板', detail: '门前三包、五包的责任内容；修改后门店须重新签署', url: '/packages/frontage/pages/index/index?view=templates' },
  { title: '督查台账', detail: '超期未办的随手拍，按超期时长排列', url: '/packages/reports/pages/ledger/index' },
  { title: '派发规则', detail: '类别到责任单位的派发、每人每日上报上限、评价期、保留期', url: '/packages/reports/pages/routing/index' },
  { title: '常用语', detail: '各类别、各环节的标准答复，网格员和责任单位点选后修改', url: '/packages/reports/pages/phrases/index' },
  { title: '节假日与工作日', detail: '导入国务院节假日安排，工作日时限按它计算', url: '/packages/office/pages/calendar/index' },
  { title: '题库管理', detail: '新增、修改、停用创文答题题目', url: '/packages/quiz/pages/manage/index' },
  { title: '小手拉大手', detail: '参与学校、班级、家庭，每周完成和近 8 周趋势', url: '/packages/family/pages/index/index?view=overview' },
  { title: '民意调查', detail: '按模板建问卷、发布与结束，各社区知晓率、支持率、参与率、满意度', url: '/packages/survey/pages/index/index?view=office' },
  { title: '身边好人', detail: '推荐审核、本人同意、发起评选、异常投票、评审分和公布结果', url: '/packages/rolemodel/pages/index/index?view=office' },
  { title: '角色授权', detail: '网格员、处置人员、组织者、教师', url: '/packages/office/pages/roles/index' },
  { title: '全部设置', detail: '每一项设置和它现在的值：限额、志愿时限、积分规则、通知模板、题库导入、手册版本…', url: '/packages/office/pages/settings/index?view=index' },
  { title: '类别与时限', detail: '随手拍类别的名称、说明和受理、签收、办结时限', url: '/packages/office/pages/settings/index?view=categories' },
  { title: '责任单位', detail: '新增责任单位、修改单位名称', url: '/packages/office/pages/settings/index?view=units' },
  { title: '网格', detail: '导入网格 GeoJSON：先检查再导入', url: '/packages/office/pages/settings/index?view=grids' },
  { title: '数据导出', detail: '督查台账、随手拍列表、志愿服务记录、答题参与记录，CSV 或 Excel', url: '/packages/office/pages/settings/index?view=exports' },
  { title: '修改记录', detail: '设置的每次修改：谁、何时、改前、改后', url: '/packages/office/pages/settings/index?view=audit' },
]

export default function OfficeHomePage() {
  return (
    <PageShell>
      <RoleGate roles={['admin']} who='文明办' what='文明办工作台'>
        <Text className='wm-section-title'>管理功能</Text>
        <View className='wm-card wm-office-tools' id='wm-office-tools'>
          {OFFICE_TOOLS.map((tool) => (
            <View
              key={tool.title}
              className={`wm-office-tool${tool.url ? ' wm-office-tool--open' : ''}`}
              hoverClass={tool.url ? 'wm-office-tool--pressed' : 'none'}
              role={tool.url ? 'link' : undefined}
              onClick={() => tool.url && openPage(tool.url)}
            >
              <Text className='wm-office-tool__title'>{tool.title}</Text>
              <Text className='wm-text-tertiary'>{tool.detail}</Text>
              <Text className='wm-office-tool__status'>{tool.url ? '进入 ›' : '即将开放'}</Text>
            </View>
          ))}
        </View>
      </RoleGate>
    </PageShell>
  )
}
