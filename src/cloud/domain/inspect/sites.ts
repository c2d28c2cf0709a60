import type { ActionContext } from '../../runtime/context'
import { inspectFail, type In, type Out } from './model'

// STUB: replaced by the implementation

export async function siteTypes(_input: In<'siteTypes'>, _ctx: ActionContext): Out<'siteTypes'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function addSiteType(_input: In<'addSiteType'>, _ctx: ActionContext): Out<'addSiteType'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function saveSite(_input: In<'saveSite'>, _ctx: ActionContext): Out<'saveSite'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function importSites(_input: In<'importSites'>, _ctx: ActionContext): Out<'importSites'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function sites(_input: In<'sites'>, _ctx: ActionContext): Out<'sites'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function site(_input: In<'site'>, _ctx: ActionContext): Out<'site'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}

export async function map(_input: In<'map'>, _ctx: ActionContext): Out<'map'> {
  return inspectFail('INSPECT.SITE_NOT_FOUND', '尚未实现')
}
