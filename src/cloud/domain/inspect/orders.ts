import type { ActionContext } from '../../runtime/context'
import { inspectFail, type In, type Out } from './model'

// STUB: replaced by the implementation

export async function orders(_input: In<'orders'>, _ctx: ActionContext): Out<'orders'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function order(_input: In<'order'>, _ctx: ActionContext): Out<'order'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function rectify(_input: In<'rectify'>, _ctx: ActionContext): Out<'rectify'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function rechecks(_input: In<'rechecks'>, _ctx: ActionContext): Out<'rechecks'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function recheck(_input: In<'recheck'>, _ctx: ActionContext): Out<'recheck'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}
