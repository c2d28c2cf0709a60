import type { ActionContext } from '../../runtime/context'
import { frontageFail, type In, type Out } from './model'

// STUB: replaced by the implementation

export async function placeCheck(_input: In<'placeCheck'>, _ctx: ActionContext): Out<'placeCheck'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function zones(_input: In<'zones'>, _ctx: ActionContext): Out<'zones'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function saveZone(_input: In<'saveZone'>, _ctx: ActionContext): Out<'saveZone'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function removeZone(_input: In<'removeZone'>, _ctx: ActionContext): Out<'removeZone'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}
