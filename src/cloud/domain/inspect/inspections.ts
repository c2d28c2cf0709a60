import type { ActionContext } from '../../runtime/context'
import { inspectFail, type In, type Out } from './model'

// STUB: replaced by the implementation

export async function teams(_input: In<'teams'>, _ctx: ActionContext): Out<'teams'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function saveTeam(_input: In<'saveTeam'>, _ctx: ActionContext): Out<'saveTeam'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function inspectorHome(_input: In<'inspectorHome'>, _ctx: ActionContext): Out<'inspectorHome'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function submitInspection(_input: In<'submitInspection'>, _ctx: ActionContext): Out<'submitInspection'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}
