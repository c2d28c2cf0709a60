import type { Role } from '@/shared/roles'

/** One door on 首页 to a journey or a workbench. */
export interface HomeEntry {
  key: string
  title: string
  /** one line saying what the user gets there */
  description: string
  /** the character drawn in the tile's badge */
  glyph: string
  url: string
}

export interface WorkbenchEntry extends HomeEntry {
  /** shown only to callers who hold this role */
  role: Role
  /** …or any of these: one door for several roles, shown once */
  also?: readonly Role[]
}

export const JOURNEY_ENTRIES: readonly HomeEntry[] = [
  { key: 'report', title: '随手拍', description: '发现不文明现象，拍照上报', glyph: '拍', url: '/pages/report/index' },
  { key: 'volunteer', title: '志愿服务', description: '报名活动，记录服务时长', glyph: '志', url: '/pages/volunteer/index' },
  { key: 'quiz', title: '创文答题', description: '每日一练，赢文明积分', glyph: '答', url: '/packages/quiz/pages/index/index' },
  { key: 'handbook', title: '市民文明手册', description: '文明规范，随时查阅', glyph: '册', url: '/packages/handbook/pages/index/index' },
  { key: 'square', title: '点赞·爆料广场', description: '看身边好人好事与整改', glyph: '赞', url: '/packages/reports/pages/square/index' },
  { key: 'family', title: '小手拉大手', description: '和孩子一起做文明家庭', glyph: '家', url: '/packages/family/pages/index/index' },
  { key: 'rolemodel', title: '身边好人', description: '推荐、投票，学习身边榜样', glyph: '好', url: '/packages/rolemodel/pages/index/index' },
  { key: 'survey', title: '民意调查', description: '匿名填写，说说您的看法', glyph: '调', url: '/packages/survey/pages/index/index' },
  { key: 'unit-board', title: '单位红黑榜', description: '各单位随手拍按时办结排名', glyph: '榜', url: '/packages/reports/pages/square/index?view=board' },
  { key: 'shop-board', title: '门店红黑榜', description: '看看街道门店的门前三包星级', glyph: '店', url: '/packages/frontage/pages/index/index?view=board' },
]

export const WORKBENCH_ENTRIES: readonly WorkbenchEntry[] = [
  {
    key: 'grid',
    role: 'grid',
    title: '网格员工作台',
    description: '受理本网格的随手拍，合并重复，派发到责任单位',
    glyph: '网',
    url: '/packages/reports/pages/queue/index?role=grid',
  },
  {
    key: 'handler',
    role: 'handler',
    title: '处置工作台',
    description: '处理派发给本单位的问题，上传整改照片后办结',
    glyph: '办',
    url: '/packages/reports/pages/queue/index?role=handler',
  },
  {
    key: 'teacher',
    role: 'teacher',
    title: '教师工作台',
    description: '创建班级、布置家庭任务、查看班级参与情况',
    glyph: '师',
    url: '/packages/family/pages/index/index?view=teacher',
  },
  {
    key: 'school',
    role: 'school_admin',
    title: '学校管理',
    description: '本校各班参与情况，授予本校教师角色',
    glyph: '校',
    url: '/packages/family/pages/index/index?view=school',
  },
  {
    key: 'rolemodel-review',
    role: 'district_reviewer',
    title: '好人推荐审核',
    description: '审核文明办授权给您的区的身边好人推荐',
    glyph: '审',
    url: '/packages/rolemodel/pages/index/index?view=office',
  },
  {
    key: 'inspect',
    role: 'liaison',
    also: ['inspector', 'admin'],
    title: '创文督查',
    description: '任务清单、点位督查、督办整改、单位得分',
    glyph: '查',
    url: '/packages/inspect/pages/index/index',
  },
  {
    key: 'fr-street',
    role: 'street_office',
    title: '门前三包',
    description: '登记和确认临街门店',
    glyph: '包',
    url: '/packages/frontage/pages/index/index?view=street',
  },
  {
    key: 'fr-shop',
    role: 'shop_owner',
    title: '我的门店',
    description: '责任书、随手拍、整改',
    glyph: '店',
    url: '/packages/frontage/pages/index/index?view=mine',
  },
  {
    key: 'office',
    role: 'admin',
    title: '文明办工作台',
    description: '角色授权、类别时限、网格与单位、督查台账',
    glyph: '督',
    url: '/packages/office/pages/index/index',
  },
]

export function workbenchesFor(roles: readonly Role[]): WorkbenchEntry[] {
  // a door for several roles is labelled with the one the caller holds (督查员, not 单位联络员)
  return WORKBENCH_ENTRIES.flatMap((entry) => {
    const held = [entry.role, ...(entry.also ?? [])].find((r) => roles.includes(r))
    return held ? [{ ...entry, role: held }] : []
  })
}
