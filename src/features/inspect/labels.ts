import { INSPECT_VIEWS, type InspectViewName } from '@/shared/inspect'

/**
 * Every 创文督查 screen is a view of the subpackage's one page (`?view=`): each registered page
 * costs the main package bytes (its path in app.json and app.js).
 */
export { INSPECT_PAGE, INSPECT_VIEWS, inspectUrl, type InspectViewName } from '@/shared/inspect'

/** What a view reads from the link; every value is decoded already. */
export interface InspectParams {
  id: string
  siteId: string
  orderId: string
  taskId: string
  unitId: string
  week: string
  month: string
}

export const VIEW_TITLE: Record<InspectViewName, string> = {
  'home': '创文督查',
  'standards': '测评标准',
  'import': '导入表格',
  'assign': '任务分解',
  'evidence-review': '材料审核',
  'sites': '测评点位',
  'site': '点位详情',
  'site-edit': '登记点位',
  'unit': '任务清单',
  'task': '任务详情',
  'orders': '督办单',
  'order': '督办单详情',
  'inspect': '实地督查',
  'rechecks': '回头看',
  'map': '实地督查一张图',
  'board': '整改率红黑榜',
  'score': '单位得分',
  'ratings': '星级评定',
  'rules': '督查规则',
}

export const isInspectView = (v: string): v is InspectViewName => (INSPECT_VIEWS as readonly string[]).includes(v)
