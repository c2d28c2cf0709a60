/** Pages of the report journey (subpackage `reports`, except the form on the 随手拍 tab). */
export const REPORT_FORM_PAGE = '/pages/report/index'
export const DETAIL_PAGE = '/packages/reports/pages/detail/index'
export const ACT_PAGE = '/packages/reports/pages/act/index'
export const MINE_PAGE = '/packages/reports/pages/mine/index'
export const QUEUE_PAGE = '/packages/reports/pages/queue/index'
export const LEDGER_PAGE = '/packages/reports/pages/ledger/index'
export const SQUARE_PAGE = '/packages/reports/pages/square/index'
export const ROUTING_PAGE = '/packages/reports/pages/routing/index'
