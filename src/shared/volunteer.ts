/**
 * 志愿服务 constants both sides use as values. The contract (zod) may not reach the client
 * bundle, so what the client needs at run time lives here.
 */

/**
 * Subscribe-message templates: the mini-program asks for them when signing up, the function
 * sends them. Replace with the template ids from the WeChat console (订阅消息) when deploying.
 */
export const VOLUNTEER_TEMPLATES = {
  /** 候补成功: a waitlisted volunteer got a place */
  promoted: 'VOLUNTEER_PROMOTED_TEMPLATE',
  /** 活动变更: a shift moved or was cancelled */
  changed: 'VOLUNTEER_CHANGED_TEMPLATE',
} as const
