import type { ActionContext } from '../../runtime/context'
import { frontageFail, type In, type Out } from './model'

// STUB: replaced by the implementation

export async function shopScore(_input: In<'shopScore'>, _ctx: ActionContext): Out<'shopScore'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function shopBoard(_input: In<'shopBoard'>, _ctx: ActionContext): Out<'shopBoard'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function publishShopBoard(_input: In<'publishShopBoard'>, _ctx: ActionContext): Out<'publishShopBoard'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function shopRules(_input: In<'shopRules'>, _ctx: ActionContext): Out<'shopRules'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function setShopRules(_input: In<'setShopRules'>, _ctx: ActionContext): Out<'setShopRules'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}
