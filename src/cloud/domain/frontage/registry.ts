import type { ActionContext } from '../../runtime/context'
import { frontageFail, type In, type Out } from './model'

// STUB: replaced by the implementation

export async function streetHome(_input: In<'streetHome'>, _ctx: ActionContext): Out<'streetHome'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function registerShop(_input: In<'registerShop'>, _ctx: ActionContext): Out<'registerShop'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function applyShop(_input: In<'applyShop'>, _ctx: ActionContext): Out<'applyShop'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function confirmShop(_input: In<'confirmShop'>, _ctx: ActionContext): Out<'confirmShop'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function importShops(_input: In<'importShops'>, _ctx: ActionContext): Out<'importShops'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function shops(_input: In<'shops'>, _ctx: ActionContext): Out<'shops'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function shop(_input: In<'shop'>, _ctx: ActionContext): Out<'shop'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function closeShop(_input: In<'closeShop'>, _ctx: ActionContext): Out<'closeShop'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function doorCard(_input: In<'doorCard'>, _ctx: ActionContext): Out<'doorCard'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function myShops(_input: In<'myShops'>, _ctx: ActionContext): Out<'myShops'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function shopPublic(_input: In<'shopPublic'>, _ctx: ActionContext): Out<'shopPublic'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}
