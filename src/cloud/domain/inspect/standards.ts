import type { ActionContext } from '../../runtime/context'
import { inspectFail, type In, type Out } from './model'

// STUB: replaced by the implementation

export async function importStandards(_input: In<'importStandards'>, _ctx: ActionContext): Out<'importStandards'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function standards(_input: In<'standards'>, _ctx: ActionContext): Out<'standards'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function assign(_input: In<'assign'>, _ctx: ActionContext): Out<'assign'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function units(_input: In<'units'>, _ctx: ActionContext): Out<'units'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function sheetTemplate(_input: In<'sheetTemplate'>, _ctx: ActionContext): Out<'sheetTemplate'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}
