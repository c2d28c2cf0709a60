import type { ActionContext } from '../../runtime/context'
import { frontageFail, type In, type Out } from './model'

// STUB: replaced by the implementation

export async function pledge(_input: In<'pledge'>, _ctx: ActionContext): Out<'pledge'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function signPledge(_input: In<'signPledge'>, _ctx: ActionContext): Out<'signPledge'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function addStaff(_input: In<'addStaff'>, _ctx: ActionContext): Out<'addStaff'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function removeStaff(_input: In<'removeStaff'>, _ctx: ActionContext): Out<'removeStaff'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function templates(_input: In<'templates'>, _ctx: ActionContext): Out<'templates'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function saveTemplate(_input: In<'saveTemplate'>, _ctx: ActionContext): Out<'saveTemplate'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}
