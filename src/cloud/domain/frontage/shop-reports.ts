import type { ActionContext } from '../../runtime/context'
import { frontageFail, type In, type Out } from './model'

// STUB: replaced by the implementation

export async function shopReports(_input: In<'shopReports'>, _ctx: ActionContext): Out<'shopReports'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function answerReport(_input: In<'answerReport'>, _ctx: ActionContext): Out<'answerReport'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}
