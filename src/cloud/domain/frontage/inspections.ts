import type { ActionContext } from '../../runtime/context'
import { frontageFail, type In, type Out } from './model'

// STUB: replaced by the implementation

export async function inspectShop(_input: In<'inspectShop'>, _ctx: ActionContext): Out<'inspectShop'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function findings(_input: In<'findings'>, _ctx: ActionContext): Out<'findings'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}

export async function fixFinding(_input: In<'fixFinding'>, _ctx: ActionContext): Out<'fixFinding'> {
  return frontageFail('FRONTAGE.SHOP_NOT_FOUND', '尚未实现')
}
