import type { ActionContext } from '../../runtime/context'
import { inspectFail, type In, type Out } from './model'

// STUB: replaced by the implementation

export async function home(_input: In<'home'>, _ctx: ActionContext): Out<'home'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}
