import type { AuditEntryView, AuditValue } from '@/shared/contract/settings'
import { SETTINGS_LIMITS } from '@/shared/contract/settings'
import type { ActionContext } from '../../runtime/context'
import { keysetPage } from '../report/paging'
import { DEFAULT_NICKNAME } from '../user/profile'
import { settingsFail, type In, type Out } from './model'

interface AuditDoc {
  _id: string
  subjectType: string
  subjectId: string
  action: string
  detail: Record<string, string | number | boolean | null>
  actorOpenid: string | null
  actorRoles: string[]
  at: number
}

const parse = (text: string | number | boolean | null | undefined): AuditValue => {
  if (typeof text !== 'string') return null
  try {
    return JSON.parse(text) as AuditValue
  } catch {
    // an entry written before before/after were JSON: shown as the text it is
    return text
  }
}

/**
 * Who did it, as a person reads it: the nickname they chose, else 文明办 for the office (a config
 * admin has no profile) — never the openid, which identifies a WeChat user outside this app.
 */
async function whoOf(ctx: ActionContext, entries: AuditDoc[]): Promise<Map<string, string>> {
  const openids = [...new Set(entries.map((e) => e.actorOpenid).filter((v): v is string => !!v))]
  const nicknames = new Map<string, string>()
  if (openids.length === 0) return nicknames
  const _ = ctx.db.command
  const { data } = await ctx.db.collection('users').where({ _id: _.in(openids) }).field({ nickname: true }).limit(100).get()
  for (const u of data) if (typeof u.nickname === 'string' && u.nickname && u.nickname !== DEFAULT_NICKNAME) nicknames.set(u._id, u.nickname)
  return nicknames
}

const CURSOR = /^\d{1,16}~[A-Za-z0-9_-]{1,64}$/

/** Newest first, by the by_time index (or by_subject's leading field when filtered), in pages of 20. */
export async function readAudit(input: In<'audit'>, ctx: ActionContext): Out<'audit'> {
  if (input.cursor !== undefined && !CURSOR.test(input.cursor)) return settingsFail('SETTINGS.BAD_CURSOR')
  const page = await keysetPage<AuditDoc>(ctx.db, {
    collection: 'audit_log',
    where: input.subjectType ? { subjectType: input.subjectType } : {},
    field: 'at',
    order: 'desc',
    pageSize: SETTINGS_LIMITS.auditPageSize,
    cursor: input.cursor,
  })
  const nicknames = await whoOf(ctx, page.docs)
  const items: AuditEntryView[] = page.docs.map((e) => {
    const { before, after, ...detail } = e.detail ?? {}
    const who = (e.actorOpenid && nicknames.get(e.actorOpenid)) ?? (e.actorRoles?.includes('admin') ? '文明办' : '工作人员')
    return { id: e._id, who, at: e.at, subjectType: e.subjectType, subjectId: e.subjectId, action: e.action, before: parse(before), after: parse(after), detail }
  })
  return { items, next: page.next }
}
