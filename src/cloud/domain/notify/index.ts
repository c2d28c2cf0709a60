/** 订阅消息: the one module every area sends through (credits, template ids, field rules, outbox). */
export { consent, credits, expireConsents } from './credits'
export { cutValue, cutValues } from './cut'
export { outbox } from './outbox'
export { notifyPeople, notifyPerson, type NotifyValue, type NotifyValues } from './send'
export { setTemplate, templateIds, templates } from './templates'
