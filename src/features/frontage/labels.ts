import { FRONTAGE_VIEWS, type FrontageViewName } from '@/shared/frontage'

/**
 * Every 门前三包 screen is a view of the subpackage's one page (`?view=`): each registered page
 * costs the main package bytes (its path in app.json and app.js).
 */
export { FRONTAGE_PAGE, FRONTAGE_VIEWS, frontageUrl, type FrontageViewName } from '@/shared/frontage'

/** What a view reads from the link; every value is decoded already. */
export interface FrontageParams {
  shopId: string
  reportId: string
  findingId: string
  district: string
  month: string
}

export const VIEW_TITLE: Record<FrontageViewName, string> = {
  'door': '门店码',
  'mine': '我的门店',
  'pledge': '门前三包责任书',
  'shop-reports': '门前随手拍',
  'answer': '处理随手拍',
  'shop-score': '门店得分',
  'street': '街道门前三包',
  'register': '登记门店',
  'apply': '门店登记申请',
  'shop': '门店详情',
  'card': '门店码卡片',
  'import': '导入商户名单',
  'board': '门店红黑榜',
  'zones': '划线区',
  'templates': '责任书模板',
  'inspect': '门店检查',
  'findings': '检查问题',
}

export const isFrontageView = (v: string): v is FrontageViewName => (FRONTAGE_VIEWS as readonly string[]).includes(v)
