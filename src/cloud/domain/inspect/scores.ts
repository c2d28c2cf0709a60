import type { ActionContext } from '../../runtime/context'
import { inspectFail, type In, type Out } from './model'

// STUB: replaced by the implementation

export async function unitScore(_input: In<'unitScore'>, _ctx: ActionContext): Out<'unitScore'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function board(_input: In<'board'>, _ctx: ActionContext): Out<'board'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function publishBoard(_input: In<'publishBoard'>, _ctx: ActionContext): Out<'publishBoard'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function escalations(_input: In<'escalations'>, _ctx: ActionContext): Out<'escalations'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function ratings(_input: In<'ratings'>, _ctx: ActionContext): Out<'ratings'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function publishRatings(_input: In<'publishRatings'>, _ctx: ActionContext): Out<'publishRatings'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function rules(_input: In<'rules'>, _ctx: ActionContext): Out<'rules'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function setRules(_input: In<'setRules'>, _ctx: ActionContext): Out<'setRules'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}
