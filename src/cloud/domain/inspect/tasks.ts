import type { ActionContext } from '../../runtime/context'
import { inspectFail, type In, type Out } from './model'

// STUB: replaced by the implementation

export async function myTasks(_input: In<'myTasks'>, _ctx: ActionContext): Out<'myTasks'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function task(_input: In<'task'>, _ctx: ActionContext): Out<'task'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function submitEvidence(_input: In<'submitEvidence'>, _ctx: ActionContext): Out<'submitEvidence'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function evidenceQueue(_input: In<'evidenceQueue'>, _ctx: ActionContext): Out<'evidenceQueue'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function reviewEvidence(_input: In<'reviewEvidence'>, _ctx: ActionContext): Out<'reviewEvidence'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}
